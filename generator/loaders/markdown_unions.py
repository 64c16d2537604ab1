"""Spotting tables OpenAPI Generator flattened from a oneOf/anyOf (placeholder)."""

from __future__ import annotations

from ..ir import Diagnostic, ModelSet


def flattened_union_diagnostics(models: ModelSet) -> list[Diagnostic]:
    return []
