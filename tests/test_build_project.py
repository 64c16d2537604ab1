"""A project that runs modelgen as its build step: a ``pyproject.toml`` with two jobs (the
OpenAI spec to Python and PHP, one model renamed and an include filter; the example to Dart with
a custom template). ``modelgen generate`` with no arguments writes both, ``--check`` passes,
and fails once the spec changes; a misspelt key stops the run at its line."""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.ir import ObjectModel
from generator.sources import load
from generator.targets.dart.emit import TEMPLATES as DART_TEMPLATES
from generator.treesitter import parse, problems
from tests.support.paths import EXAMPLE_SPEC, OPENAI_SPEC, need
from tests.support.tree import snapshot

PYPROJECT = """\
[project]
name = "acme"

[tool.modelgen]
php-namespace = "Acme\\\\Models"

[[tool.modelgen.jobs]]
name = "openai"
source = "specs/openai.yaml"
lang = ["python", "php"]
out = "gen/openai"
package = "acme_openai"
include = ["CreateChatCompletionRequest"]

[tool.modelgen.jobs.names.models]
CreateChatCompletionRequest = "ChatRequest"

[[tool.modelgen.jobs]]
name = "realtime"
source = "specs/realtime.yaml"
lang = "dart"
out = "gen/realtime"
templates = "templates"
"""

MARK = "/// Acme: generated, do not edit."


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "specs").mkdir()
    shutil.copyfile(need(OPENAI_SPEC), root / "specs" / "openai.yaml")
    shutil.copyfile(EXAMPLE_SPEC, root / "specs" / "realtime.yaml")
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "templates").mkdir()
    builtin = (DART_TEMPLATES / "object.dart.jinja").read_text()
    opening = "final class {{ b.name }}"
    assert opening in builtin
    custom = builtin.replace(opening, MARK + "\n" + opening, 1)
    (root / "templates" / "object.dart.jinja").write_text(custom)
    return root


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: Path, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.slow
def test_a_project_generates_checks_and_sees_a_changed_spec(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, monkeypatch, project / "templates", "generate")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("gen/openai: ") and " written, 0 unchanged, 0 deleted; " in lines[0]
    assert " models (" in lines[0] and " left out by include/exclude)" in lines[0]
    assert lines[1].startswith("gen/realtime: ") and lines[1].endswith(" unchanged, 0 deleted")
    assert lines[2].startswith("2 jobs: ")

    # the renamed model, in both languages, and nothing the include filter left out
    python = project / "gen/openai/python/acme_openai"
    php = project / "gen/openai/php/src"
    assert (php / "ChatRequest.php").is_file()
    assert not (php / "CreateChatCompletionRequest.php").exists()
    assert not (php / "CreateEmbeddingRequest.php").exists()  # not referenced: left out
    sys.path.insert(0, str(python.parent))
    try:
        models = importlib.import_module("acme_openai.models")
    finally:
        sys.path.remove(str(python.parent))
    request = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}
    decoded = models.ChatRequest.from_dict(request)
    assert type(decoded).__name__ == "ChatRequest"
    assert decoded.to_dict() == request
    assert not hasattr(models, "CreateChatCompletionRequest")

    # the Dart job rendered its objects with the custom template, and still parses
    dart = {
        str(p.relative_to(project)): p.read_text()
        for p in (project / "gen/realtime").rglob("*.dart")
    }
    objects = [m for m in load(EXAMPLE_SPEC).models if isinstance(m, ObjectModel)]
    assert sum(text.count(MARK) for text in dart.values()) == len(objects) > 0
    assert {rel: problems(parse("dart", text)) for rel, text in dart.items()} == {
        rel: [] for rel in dart
    }

    code, out, _ = run(capsys, monkeypatch, project, "generate", "--check")
    assert code == 0
    assert out.splitlines()[-1] == "2 jobs: current"

    spec = project / "specs" / "openai.yaml"
    text = spec.read_text()
    marker = "    CreateChatCompletionRequest:\n"
    assert marker in text
    spec.write_text(text.replace(marker, marker + "      description: Changed.\n", 1))
    before = snapshot(project / "gen")
    code, out, err = run(capsys, monkeypatch, project, "generate", "--check")
    assert code == 1
    assert "stale: gen/openai/python/acme_openai/models.py" in out.splitlines()
    assert "gen/openai: out of date; run `modelgen generate` to update" in err
    assert "gen/realtime: " in out and "2 jobs: 1 out of date" in out
    assert snapshot(project / "gen") == before


def test_a_misspelt_key_is_an_error_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = PYPROJECT.replace('lang = "dart"', 'lnag = "dart"')
    (tmp_path / "pyproject.toml").write_text(text)
    line = text.splitlines().index('lnag = "dart"') + 1
    code, out, err = run(capsys, monkeypatch, tmp_path, "generate")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"modelgen: error: {tmp_path / 'pyproject.toml'}:{line}: unknown key 'lnag'"
        " (did you mean 'lang'? known: "
    )
    assert not (tmp_path / "gen").exists()
