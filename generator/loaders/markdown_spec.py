"""Filling what markdown docs cannot say from a spec (placeholder)."""

from __future__ import annotations

from ..ir import Diagnostic, ModelSet
from ..markdown_dialects import Dialect
from . import LoadOptions


def merge_spec(
    models: ModelSet, options: LoadOptions, dialect: Dialect
) -> tuple[ModelSet, list[Diagnostic]]:
    return models, []
