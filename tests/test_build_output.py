"""What ``modelgen generate`` prints besides errors: a status line on stderr only when stderr
is a terminal and the run outlasts the delay, ``--quiet`` keeping only what is out of date,
``--verbose`` naming every file written or deleted."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.build import progress
from tests.support.paths import EXAMPLE_SPEC

CLEAR = "\r\x1b[K"


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def generate_on(
    stderr: io.StringIO,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    out: Path,
    *extra: str,
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stderr", stderr)
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python,php", "--out", str(out), *extra]
    code = cli.main(argv)
    monkeypatch.undo()
    return code, capsys.readouterr().out


# --- progress ----------------------------------------------------------------------------------


def test_a_terminal_sees_each_step_on_one_line_cleared_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    terminal = Terminal()
    code, out = generate_on(terminal, monkeypatch, capsys, tmp_path / "o")
    assert code == 0
    shown = terminal.getvalue()
    steps = [part for part in shown.split(CLEAR) if part]
    assert steps[0] == f"modelgen: loading {EXAMPLE_SPEC}"[: len(steps[0])]
    assert any(s.endswith("models loaded; rendering python") for s in steps), steps
    assert any(s.endswith("models loaded; rendering php") for s in steps), steps
    assert any(s.startswith("modelgen: writing ") for s in steps), steps
    assert shown.endswith(CLEAR) and "\n" not in shown  # one line, rewritten, then cleared
    assert out.strip().endswith(" written, 0 unchanged, 0 deleted")


def test_a_run_shorter_than_the_delay_shows_no_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "DELAY", 3600.0)
    terminal = Terminal()
    assert generate_on(terminal, monkeypatch, capsys, tmp_path / "o")[0] == 0
    assert terminal.getvalue() == ""


def test_no_progress_where_stderr_is_no_terminal_or_the_run_is_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    pipe = io.StringIO()
    assert generate_on(pipe, monkeypatch, capsys, tmp_path / "a")[0] == 0
    assert pipe.getvalue() == ""
    monkeypatch.setattr(progress, "DELAY", 0.0)
    terminal = Terminal()
    assert generate_on(terminal, monkeypatch, capsys, tmp_path / "b", "--quiet")[0] == 0
    assert terminal.getvalue() == ""


def test_a_warning_clears_the_status_line_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "nothing.jinja").write_text("")  # overrides nothing: a warning
    terminal = Terminal()
    code, _ = generate_on(
        terminal, monkeypatch, capsys, tmp_path / "o", "--templates", str(templates)
    )
    assert code == 0
    shown = terminal.getvalue()
    at = shown.index("warning: ")
    assert shown[:at].endswith(CLEAR)


# --- --quiet and --verbose ---------------------------------------------------------------------


def empty_spec(folder: Path) -> Path:
    spec = folder / "empty.yaml"
    spec.write_text("openapi: 3.0.0\ninfo: {title: Empty, version: '1'}\npaths: {}\n")
    return spec


def test_quiet_prints_no_warning_and_no_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["generate", str(empty_spec(tmp_path)), "--lang", "python", "--out"]
    assert cli.main([*argv, str(tmp_path / "loud")]) == 0
    loud = capsys.readouterr()
    assert "no schemas found" in loud.err and " written, " in loud.out
    assert cli.main([*argv, str(tmp_path / "quiet"), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "quiet").is_dir()


def test_quiet_check_still_says_what_is_out_of_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out)]
    assert cli.main(argv) == 0
    assert cli.main([*argv, "--check", "--quiet"]) == 0
    assert capsys.readouterr().out.count("\n") == 1  # the first run's summary only
    (models,) = out.rglob("models.py")
    models.write_text(models.read_text() + "# edited\n")
    assert cli.main([*argv, "--check", "--quiet"]) == 1
    captured = capsys.readouterr()
    rel = models.relative_to(out).as_posix()
    assert captured.out == f"stale: {rel}\n"
    assert captured.err == f"{out}: out of date; run without --check to update\n"


def test_verbose_names_every_file_written_and_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    base = ["generate", str(EXAMPLE_SPEC), "--out", str(out), "--verbose"]
    assert cli.main([*base, "--lang", "python,php"]) == 0
    err = capsys.readouterr().err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    written = [rel for rel in written if not rel.startswith(".modelgen")]
    named = sorted(
        line.removeprefix(f"modelgen: written: {out}/")
        for line in err.splitlines()
        if line.startswith("modelgen: written: ")
    )
    assert named == written
    assert f"modelgen: {EXAMPLE_SPEC} -> {out} (python, php)" in err.splitlines()
    assert any(line.endswith(" models loaded") for line in err.splitlines())
    assert cli.main([*base, "--lang", "python"]) == 0
    err = capsys.readouterr().err
    deleted = sorted(
        line.removeprefix(f"modelgen: deleted: {out}/")
        for line in err.splitlines()
        if line.startswith("modelgen: deleted: ")
    )
    assert deleted and all(rel.startswith(("php/", "python/")) for rel in deleted)


def test_quiet_and_verbose_together_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["generate", str(EXAMPLE_SPEC), "--out", str(tmp_path), "--quiet", "-v"])
    assert code == 2
    assert capsys.readouterr().err == "modelgen: error: --quiet and --verbose: give one of them\n"
