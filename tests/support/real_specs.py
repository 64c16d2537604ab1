"""The real specs of ``../shared/corpus/real-specs/``, listed and loaded once per test session:
55 Twilio specs (OpenAPI 3.0), Discord (3.1, JSON), DigitalOcean (3.0 over ~2,900 files) and
readme.io's feature examples for Swagger 2.0, OpenAPI 3.0 and 3.1 (their YAML copies).
Loading all of them costs about 35 s of CPU, so every test that needs one asks :func:`loaded`."""

from __future__ import annotations

import functools
from pathlib import Path

from generator.ir import ModelSet
from generator.sources import load
from tests.support.paths import CORPUS

REAL = CORPUS / "real-specs"


def _specs() -> list[Path]:
    if not REAL.is_dir():
        return []
    return [
        *sorted(REAL.glob("twilio/*.yaml")),
        REAL / "discord" / "openapi.json",
        REAL / "digitalocean" / "DigitalOcean-public.v2.yaml",
        *sorted(REAL.glob("oas-examples/*/yaml/*.yaml")),
    ]


SPECS = _specs()


def rel(path: Path) -> str:
    """A spec's name: its path under ``real-specs/``."""
    return path.relative_to(REAL).as_posix()


@functools.cache
def loaded(name: str) -> ModelSet:
    """The spec ``name`` (see :func:`rel`) loaded with the default options, once."""
    return load(REAL / name)
