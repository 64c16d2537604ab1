"""The command line: user errors are one line on stderr with exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.support.paths import EXAMPLE_SPEC


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("modelgen: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def test_missing_source_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.yaml"
    code, _, err = run_cli(capsys, "generate", str(missing), "--lang", "python", "--out", "o")
    assert_one_line_error(code, err, str(missing), "no such file")


def test_unknown_language_is_a_one_line_error_listing_the_known_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text("openapi: 3.1.0\n")
    code, _, err = run_cli(capsys, "generate", str(spec), "--lang", "cobol", "--out", "o")
    assert_one_line_error(code, err, "cobol", "python")


def test_unreadable_source_kind_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("hello\n")
    code, _, err = run_cli(capsys, "generate", str(source), "--lang", "python", "--out", "o")
    assert_one_line_error(code, err, str(source))


# --- generate's summary and warnings --------------------------------------------------------


def test_the_summary_counts_written_and_deleted_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "o"
    code, stdout, _ = run_cli(
        capsys, "generate", str(EXAMPLE_SPEC), "--lang", "python,dart", "--out", str(out)
    )
    assert code == 0
    total = stdout.split(": ")[1].split()[0]
    assert stdout.strip() == f"{out}: {total} files: {total} written, 0 deleted"
    python_files = len(list((out / "python").rglob("*.*")))
    code, stdout, _ = run_cli(
        capsys, "generate", str(EXAMPLE_SPEC), "--lang", "dart,php", "--out", str(out)
    )
    assert code == 0
    assert stdout.strip().endswith(f" written, {python_files} deleted")


def test_a_spec_without_schemas_warns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = tmp_path / "empty.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: Empty, version: '1'}\npaths: {}\n")
    code, _, err = run_cli(
        capsys, "generate", str(spec), "--lang", "python", "--out", str(tmp_path / "o")
    )
    assert code == 0
    assert err.strip().splitlines() == [
        f"warning: {spec}: warning: no schemas found: the generated code declares no models"
    ]
