"""The entry points of the datamodel-code-generator edge-case corpus (``dmcg-openapi``): every
spec file at the top level, and in the multi-file folders every file that is an OpenAPI
document itself (the other files there are fragments the entry points ``$ref``)."""

from __future__ import annotations

from pathlib import Path

from generator.sources.openapi import loader as openapi
from tests.support.paths import CORPUS

DMCG = CORPUS / "dmcg-openapi"


def dmcg_entries() -> list[Path]:
    """Sorted entry documents; empty when the corpus is absent."""
    if not DMCG.is_dir():
        return []
    found: list[Path] = []
    for path in sorted(DMCG.iterdir()):
        if path.is_file() and not path.name.startswith("LICENSE"):
            found.append(path)
        elif path.is_dir():
            found.extend(f for f in sorted(path.rglob("*")) if f.is_file() and openapi.detect(f))
    return found


def entry_name(path: Path) -> str:
    return path.relative_to(DMCG).as_posix()
