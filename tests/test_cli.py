"""The command line: user errors are one line on stderr with exit code 2, never a traceback;
internal errors exit 3 with one line (the traceback only with ``--debug``)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.build import run
from generator.cli import main
from tests.support.paths import EXAMPLE_SPEC, ROOT


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


# --- exit codes: 2 for the environment, 3 for bugs ------------------------------------------


def test_an_internal_error_exits_3_with_one_line_and_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> dict[str, str]:
        raise KeyError("a bug")

    monkeypatch.setattr(run, "render_languages", broken)
    code, _, err = run_cli(
        capsys, "generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(tmp_path / "o")
    )
    assert code == 3
    assert err.strip().splitlines() == [
        "modelgen: internal error, please report it: KeyError: 'a bug'"
        " (run with --debug for the traceback)"
    ]
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_adds_the_traceback_to_an_internal_error(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    def broken(*args: object, **kwargs: object) -> dict[str, str]:
        raise KeyError("a bug")

    monkeypatch.setattr(run, "render_languages", broken)
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(tmp_path / "o")]
    argv = ["--debug", *argv] if where == "before" else [*argv, "--debug"]
    code, _, err = run_cli(capsys, *argv)
    assert code == 3
    assert "Traceback (most recent call last)" in err and "in broken" in err
    assert err.strip().splitlines()[-1].startswith("modelgen: internal error, please report it")


def test_an_os_error_nobody_expected_is_still_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*args: object, **kwargs: object) -> dict[str, str]:
        raise PermissionError(13, "Permission denied", "/some/template.jinja")

    monkeypatch.setattr(run, "render_languages", unreadable)
    code, _, err = run_cli(
        capsys, "generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(tmp_path / "o")
    )
    assert_one_line_error(code, err, "/some/template.jinja", "Permission denied")


# --- generate's summary and warnings --------------------------------------------------------


def test_the_summary_counts_written_unchanged_and_deleted_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "o"
    code, stdout, _ = run_cli(
        capsys, "generate", str(EXAMPLE_SPEC), "--lang", "python,dart", "--out", str(out)
    )
    assert code == 0
    total = stdout.split(": ")[1].split()[0]
    assert stdout.strip() == f"{out}: {total} files: {total} written, 0 unchanged, 0 deleted"
    python_files = len([p for p in (out / "python").rglob("*") if p.is_file()])
    dart_files = len([p for p in (out / "dart").rglob("*") if p.is_file()])
    code, stdout, _ = run_cli(
        capsys, "generate", str(EXAMPLE_SPEC), "--lang", "dart,php", "--out", str(out)
    )
    assert code == 0
    php_files = len([p for p in (out / "php").rglob("*") if p.is_file()])
    assert stdout.strip() == (
        f"{out}: {dart_files + php_files} files: {php_files} written,"
        f" {dart_files} unchanged, {python_files} deleted"
    )


def test_a_spec_without_schemas_warns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = tmp_path / "empty.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: Empty, version: '1'}\npaths: {}\n")
    code, _, err = run_cli(
        capsys, "generate", str(spec), "--lang", "python", "--out", str(tmp_path / "o")
    )
    assert code == 0
    assert err.strip().splitlines() == [
        f"warning: {spec}: warning: no schemas found: the generated code declares no models",
        "1 warning",
    ]


# --- inputs that never end ------------------------------------------------------------------


def run_subprocess(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *argv],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a hang guard, not a speed check
    )


def assert_stopped_at_the_limit(done: subprocess.CompletedProcess[str], name: str) -> None:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert name in lines[0] and "input size limit" in lines[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_dev_zero_as_input_stops_at_the_size_limit(tmp_path: Path) -> None:
    out = tmp_path / "o"
    done = run_subprocess(
        "generate", "/dev/zero", "--from", "openapi", "--lang", "python", "--out", str(out)
    )
    assert_stopped_at_the_limit(done, "zero")
    assert not out.exists()


def test_an_endless_fifo_as_input_stops_at_the_size_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    writer = threading.Thread(target=feed_zeros, args=(fifo,), daemon=True)
    writer.start()
    try:
        done = run_subprocess(
            "generate", str(fifo), "--lang", "python", "--out", str(tmp_path / "o")
        )
    finally:
        # Whatever happened, let a writer still waiting for a reader finish.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        writer.join(timeout=60)
    assert_stopped_at_the_limit(done, "spec.yaml")
    assert not (tmp_path / "o").exists()


def feed_zeros(fifo: Path) -> None:
    """Write zeros into ``fifo`` until its reader goes away."""
    block = bytes(1 << 16)
    with contextlib.suppress(BrokenPipeError), fifo.open("wb") as handle:
        while True:
            handle.write(block)


def test_hard_exit_flushes_what_was_printed_and_exits_with_the_code() -> None:
    # run() ends the process without the interpreter's teardown (hard_exit): what sits in
    # the buffers of a piped stdout and stderr must still come out.
    code = (
        "import sys; from generator.cli import hard_exit; "
        "sys.stdout.write('out' * 1000); sys.stderr.write('err'); hard_exit(5)"
    )
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**buffered, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a hang guard, not a speed check
    )
    assert (done.returncode, done.stdout, done.stderr) == (5, "out" * 1000, "err")


MODELGEN = (sys.executable, "-m", "generator.cli")


def test_a_closed_output_pipe_is_an_error_without_a_traceback(tmp_path: Path) -> None:
    out = tmp_path / "o"
    read, write = os.pipe()
    os.close(read)  # the reader went away (`modelgen ... | head -0`)
    try:
        done = subprocess.run(
            [*MODELGEN, "generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,  # a hang guard, not a speed check
        )
    finally:
        os.close(write)
    # caught where the summary is printed (exit 2), or by the last flush (120, as Python does)
    assert done.returncode in (2, 120), done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 1, done.stderr
