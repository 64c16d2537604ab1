"""Where the project, the example and the shared corpus are, and skipping cleanly when the
corpus or a tool is not there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
OPENAI_SPEC = CORPUS / "openai-2.3.0" / "openapi.yaml"
OPENAI_LATEST_SPEC = CORPUS / "sdks" / "openai" / "openapi.yaml"  # the spec of 2026-08
EXAMPLE_SPEC = ROOT / "schemas" / "realtime.yaml"


def need(path: Path) -> Path:
    """Skip the calling test, with the reason, when a corpus path is missing."""
    if not path.exists():
        pytest.skip(f"{path} not found: the shared corpus is not beside this checkout")
    return path


def need_php() -> str:
    php = shutil.which("php")
    if php is None:
        pytest.skip("php not installed (CI installs Debian's php-cli)")
    return php
