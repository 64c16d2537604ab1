"""Output formats of ``modelgen diff`` and the command itself (exit codes, REV:path inputs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.cli import main
from generator.compare.diff import Finding, Verdict
from generator.compare.diff_report import Review, as_json, github, markdown, text
from generator.ir import Source
from tests.support.paths import ROOT

BREAKING = Finding(
    model="Order",
    kind="property.added_required",
    source=Source("new.yaml", "/components/schemas/Order/properties/total", 12),
    before=None,
    after="number",
    request=Verdict("breaking", "older clients do not send it"),
    response=Verdict("safe", "older readers ignore it"),
    member="total",
    code=(("python", Verdict("breaking", "constructor gains required parameter total")),),
)
SAFE = Finding(
    model="Address",
    kind="property.added_optional",
    source=Source("new.yaml", "/components/schemas/Address/properties/zip"),
    before=None,
    after="string",
    request=Verdict("safe", "optional"),
    response=Verdict("safe", "older readers ignore it"),
    member="zip",
    code=(("python", Verdict("safe", "new optional parameter zip")),),
)
DOC = Finding(
    model="Address",
    kind="property.description_changed",
    source=Source("new.yaml", "/components/schemas/Address/properties/city"),
    before="old | text",
    after="new <b>text</b>",
    request=Verdict("safe", "documentation only"),
    response=Verdict("safe", "documentation only"),
    member="city",
    code=(("python", Verdict("safe", "generated API unchanged")),),
)
REVIEW = Review("old.yaml", "new.yaml", (SAFE, DOC, BREAKING), languages=("python",))


def test_text_puts_breaking_models_first_and_descriptions_apart() -> None:
    out = text(REVIEW)
    assert out.index("BREAKING Order") < out.index("SAFE Address")
    assert "Description-only changes" in out
    assert out.index("Description-only changes") > out.index("SAFE Address")
    assert "\033[" not in out
    assert "\033[31m" in text(REVIEW, colour=True)


def test_markdown_has_summary_counts_and_details_blocks() -> None:
    out = markdown(REVIEW)
    assert "| 1 | 0 | 1 | 1 | 2 |" in out
    assert out.index("<b>Order</b>") < out.index("<b>Address</b>")
    assert "<details open><summary>🔴 <b>Order</b>" in out
    assert "Description-only changes (1)" in out


def test_markdown_escapes_spec_text_in_cells() -> None:
    as_change = replace(DOC, kind="property.type_changed")
    out = markdown(Review("a", "b", (as_change,)))
    assert "old \\| text" in out
    assert "&lt;b&gt;" in out and "<b>text</b>" not in out


def test_json_is_sorted_stable_and_complete() -> None:
    first, second = as_json(REVIEW), as_json(REVIEW)
    assert first == second
    document = json.loads(first)
    assert document["version"] == 1
    assert document["summary"] == {
        "breaking": 1,
        "warning": 0,
        "safe": 1,
        "description_only": 1,
        "models": 2,
        "total": 3,
    }
    entry = next(f for f in document["findings"] if f["model"] == "Order")
    assert entry["fingerprint"] == BREAKING.fingerprint
    assert entry["line"] == 12
    assert entry["verdicts"]["request"] == {
        "level": "breaking",
        "reason": "older clients do not send it",
    }
    assert set(entry["verdicts"]) == {"request", "response", "python"}
    assert list(entry) == sorted(entry)


def test_github_annotations_carry_file_line_and_escaped_message() -> None:
    risky = replace(BREAKING, after="100%", source=Source("a,b.yaml", "/x", 12))
    lines = github(Review("a", "b", (risky, SAFE))).splitlines()
    error = lines[0]
    assert error.startswith("::error file=a%2Cb.yaml,line=12,title=")
    assert "100%25" in error
    assert not any(line.startswith("::warning") for line in lines)
    assert lines[-1].startswith("::notice")


def test_every_format_names_the_variants_a_union_change_added_and_removed() -> None:
    grew = replace(
        BREAKING,
        kind="property.union_changed",
        member="error",
        before="EventError",
        after="Error",
        added=("Throttled",),
        removed=("Refused",),
    )
    review = Review("a", "b", (grew,))
    shown = "added: Throttled; removed: Refused"
    assert f"    {shown}\n" in text(review)
    assert f"EventError → Error {shown}" in markdown(review)
    assert shown in github(review).splitlines()[0]
    [entry] = json.loads(as_json(review))["findings"]
    assert (entry["added"], entry["removed"]) == (["Throttled"], ["Refused"])
    assert json.loads(as_json(REVIEW))["findings"][0]["added"] == []


def test_fingerprint_depends_on_what_changed() -> None:
    moved = replace(BREAKING, after="integer")
    assert moved.fingerprint != BREAKING.fingerprint
    with_code = replace(BREAKING, code=())
    assert with_code.fingerprint == BREAKING.fingerprint


# --- the command --------------------------------------------------------------------------------

OLD_SPEC = """\
openapi: 3.0.3
info: {title: Shop, version: "1"}
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Order"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Receipt"}
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string}
    Receipt:
      type: object
      properties:
        id: {type: string}
"""
NEW_SPEC = OLD_SPEC.replace(
    "    Order:\n      type: object\n      properties:\n        id: {type: string}\n",
    "    Order:\n      type: object\n      required: [total]\n      properties:\n"
    "        id: {type: string}\n        total: {type: number}\n",
)


@pytest.fixture
def specs(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(OLD_SPEC)
    new.write_text(NEW_SPEC)
    return old, new


def test_fail_on_breaking_exits_1_and_json_reports_the_request_break(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = specs
    code = main(
        ["diff", str(old), str(new), "--format", "json", "--lang", "none", "--fail-on", "breaking"]
    )
    assert code == 1
    document = json.loads(capsys.readouterr().out)
    [finding] = document["findings"]
    assert (finding["model"], finding["kind"], finding["member"]) == (
        "Order",
        "property.added_required",
        "total",
    )
    assert finding["verdicts"]["request"]["level"] == "breaking"
    assert finding["verdicts"]["response"]["level"] == "safe"


def test_no_change_exits_0_even_with_fail_on(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = specs
    assert main(["diff", str(old), str(old), "--lang", "none", "--fail-on", "warning"]) == 0
    assert "0 changes" in capsys.readouterr().out


def test_missing_input_exits_2_with_one_line(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = specs
    assert main(["diff", str(old), str(old.parent / "nope.yaml"), "--lang", "none"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.yaml" in err


def test_revision_argument_outside_git_is_refused_cleanly(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _ = specs
    monkeypatch.chdir(old.parent)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(old.parent.parent))
    assert main(["diff", "HEAD:old.yaml", "old.yaml", "--lang", "none"]) == 2
    assert "not inside a git repository" in capsys.readouterr().err


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_base_revision_of_a_multi_file_spec_is_read_from_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "api" / "schemas").mkdir(parents=True)
    main_spec = OLD_SPEC.replace(
        "    Order:\n      type: object\n      properties:\n        id: {type: string}\n",
        '    Order: {$ref: "schemas/order.yaml"}\n',
    )
    (repo / "api" / "openapi.yaml").write_text(main_spec)
    order = repo / "api" / "schemas" / "order.yaml"
    order.write_text("type: object\nproperties:\n  id: {type: string}\n")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    order.write_text("type: object\nproperties:\n  id: {type: integer}\n")
    monkeypatch.chdir(repo / "api")
    code = main(["diff", "--base", "HEAD", "openapi.yaml", "--format", "json", "--lang", "none"])
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    assert document["old"] == "HEAD:./openapi.yaml"  # --base reads the path from here
    assert {f["file"] for f in document["findings"]} == {"schemas/order.yaml"}
    kinds = [(f["kind"], f["member"]) for f in document["findings"]]
    assert kinds == [("property.type_changed", "id")]
    assert "modelgen-diff-" not in json.dumps(document)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_a_revision_path_is_read_from_the_repository_root_as_git_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From ``api/``, ``HEAD:api/openapi.yaml`` is the committed ``api/openapi.yaml`` (as in
    ``git show``), and ``HEAD:./openapi.yaml`` is the same file, from the current folder."""
    repo = tmp_path / "repo"
    (repo / "api").mkdir(parents=True)
    spec = repo / "api" / "openapi.yaml"
    spec.write_text(OLD_SPEC)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    spec.write_text(NEW_SPEC)
    monkeypatch.chdir(repo / "api")
    for old in ("HEAD:api/openapi.yaml", "HEAD:./openapi.yaml"):
        code = main(["diff", old, "openapi.yaml", "--format", "json", "--lang", "none"])
        assert code == 0, capsys.readouterr().err
        document = json.loads(capsys.readouterr().out)
        assert [(f["kind"], f["member"]) for f in document["findings"]] == [
            ("property.added_required", "total")
        ]
    assert main(["diff", "HEAD:openapi.yaml", "openapi.yaml", "--lang", "none"]) == 2
    assert "HEAD:openapi.yaml" in capsys.readouterr().err  # no openapi.yaml at the root


def test_markdown_folders_show_each_file_once_and_names_as_the_docs_spell_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Docs in Dart names (``createdAt``) against docs in JSON keys (``created_at``): the
    member is shown as the newer docs spell it, at ``folder/File.md:line``."""
    table = (
        "Name | Type | Description | Notes\n------------ | ------------- | ------------- | ---\n"
    )
    old, new = tmp_path / "php-docs", tmp_path / "dart-docs"
    old.mkdir()
    new.mkdir()
    (old / "Key.md").write_text(
        "# # Key\n\n## Properties\n\n"
        + table
        + "**id** | **string** |  | [optional]\n**created_at** | **int** |  | [optional]\n"
    )
    (new / "Key.md").write_text(
        "# openai_sdk.model.Key\n\n## Properties\n"
        + table
        + "**id** | **String** |  | [optional]\n**createdAt** | **int** |  | \n"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "php-docs", "dart-docs", "--format", "json", "--lang", "none"]) == 0
    document = json.loads(capsys.readouterr().out)
    [finding] = document["findings"]
    assert (finding["kind"], finding["member"]) == ("property.became_required", "createdAt")
    assert (finding["file"], finding["line"]) == ("dart-docs/Key.md", 7)


def test_load_warnings_are_shown_in_every_format() -> None:
    warned = Review("a", "b", (BREAKING,), warnings=("new: api.yaml:3#/x: warning: odd",))
    assert "warning: new: api.yaml:3#/x: warning: odd" in text(warned)
    assert "new: api.yaml:3#/x: warning: odd" in markdown(warned)
    assert json.loads(as_json(warned))["warnings"] == ["new: api.yaml:3#/x: warning: odd"]
    assert "::warning title=modelgen diff input::new: api.yaml:3#/x" in github(warned)
    many = Review("a", "b", (), warnings=tuple(f"old: w{n}" for n in range(50)))
    assert "... and 30 more warnings" in text(many)


def test_a_side_that_loads_with_warnings_is_reviewed_and_the_warnings_reported(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = specs
    new.write_text(
        NEW_SPEC
        + "    Pet:\n      oneOf:\n        - {$ref: '#/components/schemas/Receipt'}\n"
        + "        - {$ref: '#/components/schemas/Order'}\n"
        + "      discriminator: {propertyName: id, mapping: {x: NoSuchSchema}}\n"
    )
    code = main(["diff", str(old), str(new), "--format", "json", "--lang", "none"])
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    assert ("Order", "property.added_required") in {
        (f["model"], f["kind"]) for f in document["findings"]
    }
    [warning] = document["warnings"]
    assert warning.startswith(f"new: {new}#/components/schemas/Pet/discriminator/mapping/x:")
    assert "NoSuchSchema" in warning


def test_one_invalid_keyword_does_not_stop_the_review(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """``type: float`` in one property (a vendor's typo): the rest is reviewed, and the
    report says what was read otherwise."""
    old, new = specs
    new.write_text(NEW_SPEC.replace("id: {type: string}", "id: {type: float}", 1))
    code = main(["diff", str(old), str(new), "--format", "json", "--lang", "none"])
    assert code == 0, capsys.readouterr().err
    document = json.loads(capsys.readouterr().out)
    assert ("Order", "property.added_required", "total") in {
        (f["model"], f["kind"], f["member"]) for f in document["findings"]
    }
    assert any("float" in w and w.startswith("new: ") for w in document["warnings"])


def test_code_diff_shows_the_generated_change(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = specs
    args = ["diff", str(old), str(new), "--format", "json", "--lang", "python", "--code-diff"]
    assert main(args) == 0
    document = json.loads(capsys.readouterr().out)
    added = [
        line
        for line in document["code_diff"]["python"].splitlines()
        if line.startswith("+") and "total" in line
    ]
    assert added, document["code_diff"]["python"]
    [finding] = document["findings"]
    assert finding["verdicts"]["python"]["level"] == "breaking"
    assert "total" in finding["verdicts"]["python"]["reason"]


def test_json_output_is_identical_across_hash_seeds(specs: tuple[Path, Path]) -> None:
    old, new = specs
    root = ROOT
    outputs = set()
    for seed in ("0", "1", "12345"):
        done = subprocess.run(
            [sys.executable, "-m", "generator.cli", "diff", str(old), str(new), "--format", "json"],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_unknown_revision_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "openapi.yaml").write_text(OLD_SPEC)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "--base", "no-such-branch", "openapi.yaml", "--lang", "none"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("modelgen: error: ") and err.count("\n") == 1


def test_markdown_stays_under_the_comment_size_limit() -> None:
    many = tuple(replace(BREAKING, model=f"Model{n:04}", after="x" * 100) for n in range(2000))
    out = markdown(Review("a", "b", many, languages=("python",)))
    assert len(out) < 65_536
    assert "more models left out" in out
    assert "Model0000" in out and "more models left out" in out and " more\n" in out


def test_github_annotations_for_an_old_revision_point_at_the_path() -> None:
    removed = replace(BREAKING, source=Source("main:api/openapi.yaml", "/x", 7))
    error = github(Review("a", "b", (removed,))).splitlines()[0]
    assert error.startswith("::error file=api/openapi.yaml,title=")


def test_text_output_neutralises_control_and_bidi_characters() -> None:
    hostile = replace(BREAKING, model="Evil\x1b[2J", after="x\u202ey\x07", member="m\r")
    out = text(Review("a", "b", (hostile,)))
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out and "\r" not in out
    assert "Evil?[2J" in out


def test_fingerprints_do_not_depend_on_how_the_files_are_named(
    specs: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = specs
    main(["diff", str(old), str(new), "--format", "json", "--lang", "none"])
    first = json.loads(capsys.readouterr().out)
    monkeypatch.chdir(old.parent)
    main(["diff", old.name, new.name, "--format", "json", "--lang", "none"])
    second = json.loads(capsys.readouterr().out)
    assert first["findings"][0]["file"] != second["findings"][0]["file"]
    assert [f["fingerprint"] for f in first["findings"]] == [
        f["fingerprint"] for f in second["findings"]
    ]
