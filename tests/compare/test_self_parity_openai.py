"""modelgen's own output for the OpenAI spec of 2026-08 reads back in parity with the spec
(issue 11, item 6): no finding at all across Python, Dart and PHP. A comment that breaks a
grammar, a required free-form field read back as nullable, a name a reader cannot find each
show up here as a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compare.parity import compare
from generator.sources import load
from generator.targets import emit
from tests.support.paths import CORPUS, need

SPEC = CORPUS / "sdks" / "openai" / "openapi.yaml"


@pytest.mark.slow
def test_the_generated_python_dart_and_php_for_openai_are_in_parity_with_the_spec(
    tmp_path: Path,
) -> None:
    spec = load(need(SPEC))
    folders: list[Path] = []
    for lang in ("python", "dart", "php"):
        folder = tmp_path / lang
        for name, text in emit(lang, spec).files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        folders.append(folder)
    report = compare([spec, *(load(folder) for folder in folders)])
    assert len(report.sources) == 4
    assert all(source.models == len(spec.models) for source in report.sources)
    findings = [f"{m.name}: {f}" for m in report.models for f in m.findings]
    assert findings == [], findings[:20]
