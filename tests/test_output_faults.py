"""The output folder under real faults (issue 10): processes killed with SIGKILL at each step
of an update, two runs at once, a full disk, a read-only file system, permission errors and
output paths that cannot be folders. Every failure is one line and exit 2, and leaves the
folder exactly as it was; a killed run is undone by the next plain run."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.output import MANIFEST, check_tree, write_tree
from tests.support.paths import EXAMPLE_SPEC, ROOT
from tests.support.tree import files_of, snapshot
from tests.support.updates import STEPS, V1, V2, expected_files, modelgen_files

# Runs the CLI (or write_tree, given "files") in a fresh process whose writer kills itself with
# SIGKILL, or pauses, at a chosen step: the hook is the writer's STEP_HOOK, None in real runs.
HOOKED = """
import json, os, signal, sys, time
from pathlib import Path
from generator import cli
from generator.output import lock, write_tree, writer

opts = json.loads(sys.argv[1])

def hook(name, count):
    if [name, count] == opts.get("kill_at"):
        os.kill(os.getpid(), signal.SIGKILL)
    if [name, count] == opts.get("pause_at"):
        Path(opts["marker"]).write_text("paused")
        if "release" in opts:  # paused until the test says go (at most a minute)
            deadline = time.monotonic() + 60
            while not Path(opts["release"]).exists() and time.monotonic() < deadline:
                time.sleep(0.02)
        else:
            time.sleep(opts["pause"])

writer.STEP_HOOK = hook
lock.WAIT_SECONDS = opts.get("lock_wait", lock.WAIT_SECONDS)
if "files" in opts:
    write_tree(Path(opts["root"]), opts["files"])
    sys.exit(0)
sys.exit(cli.main(sys.argv[2:]))
"""

SECOND_SPEC = """openapi: 3.1.0
info: {title: Other API, version: '1'}
paths: {}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
        size: {type: integer}
"""


def hooked(*argv: str, **opts: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOOKED, json.dumps(opts), *argv],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def modelgen(*argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def generate(spec: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return modelgen("generate", str(spec), "--lang", "python", "--out", str(out), *extra)


def in_process(spec: Path, out: Path, *extra: str) -> int:
    """``modelgen generate SPEC --lang python --out OUT ...`` in this process: its exit code."""
    return cli.main(["generate", str(spec), "--lang", "python", "--out", str(out), *extra])


def assert_one_line_error(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("modelgen: error: ") and "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# --- kill -9 --------------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS, ids=[f"{s}-{n}" for s, n in STEPS])
def test_a_run_killed_at_any_step_leaves_old_or_new_files_and_the_next_run_recovers(
    tmp_path: Path, step: tuple[str, int]
) -> None:
    out = tmp_path / "out"
    write_tree(out, V1)
    (out / "mine.txt").write_text("user file\n")
    process = hooked(root=str(out), files=V2, kill_at=list(step))
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL

    old, new, now = expected_files(V1), expected_files(V2), files_of(out)
    for rel in old.keys() | new.keys():
        assert now.get(rel) in (old.get(rel), new.get(rel)), rel  # never torn, never foreign
    assert now["mine.txt"] == b"user file\n"
    crashed = check_tree(out, V2)
    assert crashed.interrupted and not crashed.clean

    write_tree(out, V2)  # a plain run: no --force
    assert files_of(out) == expected_files(V2, **{"mine.txt": "user file\n"})
    assert modelgen_files(out) == []
    assert check_tree(out, V2).clean
    assert not check_tree(out, V1).clean


@pytest.mark.parametrize("step", [("temp", 3), ("renamed", 14)])  # of 22 and 27
def test_generate_killed_midway_is_undone_by_the_next_plain_generate(
    tmp_path: Path, step: tuple[str, int]
) -> None:
    out = tmp_path / "o"
    assert cli.main(["generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out)]) == 0
    argv = [
        "generate",
        str(EXAMPLE_SPEC),
        "--lang",
        "all",
        "--package",
        "renamed",
        "--out",
        str(out),
    ]
    process = hooked(*argv, kill_at=list(step))
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL
    assert cli.main([*argv, "--check"]) == 1

    assert cli.main(argv) == 0
    assert modelgen_files(out) == []
    assert cli.main([*argv, "--check"]) == 0


# --- two runs at once -----------------------------------------------------------------------


def test_a_run_arriving_while_another_writes_waits_and_the_folder_is_its_output(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SECOND_SPEC)
    out, marker = tmp_path / "o", tmp_path / "paused"
    first = hooked(
        "generate",
        str(EXAMPLE_SPEC),
        "--lang",
        "python",
        "--out",
        str(out),
        pause_at=["renamed", 2],
        pause=1.0,
        marker=str(marker),
    )
    wait_for(marker, first)
    second = generate(other, out)
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert in_process(other, out, "--check") == 0
    assert in_process(EXAMPLE_SPEC, out, "--check") == 1
    assert modelgen_files(out) == []


def test_a_run_that_cannot_wait_long_enough_exits_2_naming_the_lock_and_changes_nothing(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SECOND_SPEC)
    out, marker, release = tmp_path / "o", tmp_path / "paused", tmp_path / "go"
    assert in_process(EXAMPLE_SPEC, out) == 0
    before = snapshot(out)
    first = hooked(
        "generate",
        str(other),
        "--lang",
        "python",
        "--out",
        str(out),
        pause_at=["committed", 0],
        release=str(release),
        marker=str(marker),
    )
    wait_for(marker, first)
    # the first run holds the lock until the second has given up, however slow the machine
    second = hooked("generate", str(other), "--lang", "python", "--out", str(out), lock_wait=0.2)
    _, second_err = second.communicate(timeout=120)
    release.write_text("go")
    first.communicate(timeout=120)
    assert second.returncode == 2 and len(second_err.strip().splitlines()) == 1, second_err
    assert f"pid {first.pid}" in second_err and ".modelgen-lock" in second_err
    assert first.returncode == 0
    assert in_process(other, out, "--check") == 0
    assert snapshot(out) != before


def test_two_runs_started_together_leave_one_runs_complete_output(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SECOND_SPEC)
    out = tmp_path / "o"
    for _ in range(2):
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "generator.cli",
                    "generate",
                    str(spec),
                    "--lang",
                    "python",
                    "--out",
                    str(out),
                ],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for spec in (EXAMPLE_SPEC, other)
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0 or (run.returncode == 2 and "modelgen-lock" in err), err
        checks = sorted(in_process(spec, out, "--check") for spec in (EXAMPLE_SPEC, other))
        assert checks == [0, 1]
        assert modelgen_files(out) == []


def wait_for(marker: Path, process: subprocess.Popen[str]) -> None:
    """Until ``process`` has reached its pause point (it writes ``marker`` there)."""
    deadline = time.monotonic() + 120
    while not marker.exists():
        if process.poll() is not None:
            _, err = process.communicate()
            pytest.fail(f"the first run ended before pausing: {err}")
        if time.monotonic() > deadline:
            pytest.fail("the first run never paused (a guard against hanging, not a timing)")
        time.sleep(0.02)


# --- OS errors ------------------------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path | None]]:
    """Mount a small tmpfs (as root, where mounting is allowed); None where it is not."""
    mounted: list[Path] = []

    def mount(options: str) -> Path | None:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            return None
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "modelgen-test", str(point)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            return None
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", str(point)], capture_output=True, check=False)


def test_a_full_disk_is_one_line_and_leaves_the_folder_as_it_was(
    tmp_path: Path,
    tmpfs: Callable[[str], Path | None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    disk = tmpfs("size=128k")  # the Python package fits, all four languages do not
    base = disk if disk is not None else tmp_path
    out = base / "o"
    assert in_process(EXAMPLE_SPEC, out) == 0
    before = snapshot(base)
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out)]
    if disk is not None:
        done = modelgen(*argv)
    else:  # no tmpfs here: the same error, injected into the tenth write
        real_write, calls = os.write, {"n": 0}

        def full(fd: int, data: bytes) -> int:
            calls["n"] += 1
            if calls["n"] >= 10:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        monkeypatch.setattr(os, "write", full)
        code = cli.main(argv)
        captured = capsys.readouterr()
        done = subprocess.CompletedProcess(argv, code, captured.out, captured.err)
    assert_one_line_error(done, "No space left on device", str(out))
    assert snapshot(base) == before  # including: no new empty folders


def test_a_full_disk_while_creating_a_new_folder_leaves_no_folder(
    tmpfs: Callable[[str], Path | None],
) -> None:
    disk = tmpfs("size=64k")
    if disk is None:
        pytest.skip("cannot mount a tmpfs here (needs root); the injected case is in test_output")
    done = modelgen("generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(disk / "a" / "b"))
    assert_one_line_error(done, "No space left on device")
    assert list(disk.iterdir()) == []


def test_a_read_only_file_system_is_one_line_and_a_current_folder_still_passes(
    tmpfs: Callable[[str], Path | None],
) -> None:
    disk = tmpfs("size=4m")
    if disk is None:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    out = disk / "o"
    assert in_process(EXAMPLE_SPEC, out) == 0
    remount = subprocess.run(
        ["mount", "-o", "remount,ro", str(disk)], capture_output=True, check=False
    )
    if remount.returncode != 0:
        pytest.skip(f"cannot remount read-only: {remount.stderr!r}")
    before = snapshot(out)
    done = modelgen("generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out))
    assert_one_line_error(done, "Read-only file system", str(out))
    assert snapshot(out) == before
    assert in_process(EXAMPLE_SPEC, out) == 0  # already current: nothing to write
    assert in_process(EXAMPLE_SPEC, out, "--check") == 0


@pytest.mark.parametrize("failing_open", [1, 2, 5])
def test_permission_denied_is_one_line_and_leaves_the_folder_as_it_was(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failing_open: int,
) -> None:
    # Root ignores permission bits, so EACCES is injected into the n-th file created.
    out = tmp_path / "o"
    assert cli.main(["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out)]) == 0
    before = snapshot(tmp_path)
    real_open, calls = os.open, {"n": 0}

    def denied(path: str, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            calls["n"] += 1
            if calls["n"] == failing_open:
                raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    code = cli.main(["generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out)])
    done = subprocess.CompletedProcess([], code, *capsys.readouterr())
    assert_one_line_error(done, "Permission denied", str(out))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("out", "fragment"),
    [
        ("afile/sub", "afile is not a folder"),
        ("/proc/modelgen-x", "/proc/modelgen-x"),
        ("/sys/modelgen-x", "/sys/modelgen-x"),
    ],
)
def test_an_output_path_that_cannot_be_a_folder_is_one_line(
    tmp_path: Path, out: str, fragment: str
) -> None:
    (tmp_path / "afile").write_text("a file\n")
    before = snapshot(tmp_path)
    done = modelgen("generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", out, cwd=tmp_path)
    assert_one_line_error(done, fragment)
    assert snapshot(tmp_path) == before


def test_out_below_a_symlink_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    done = generate(EXAMPLE_SPEC, tmp_path / "link" / "sub")
    assert_one_line_error(done, "symlink", "link")
    assert list((tmp_path / "real").iterdir()) == []
    assert_one_line_error(generate(EXAMPLE_SPEC, tmp_path / "link" / "sub", "--check"), "symlink")


def test_manifest_lines_outside_the_folder_are_warned_about_by_generate(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert in_process(EXAMPLE_SPEC, out) == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    with (out / MANIFEST).open("a") as handle:
        handle.write(f"../victim.txt\n{victim}\npkg/../../victim.txt\n")
    done = generate(EXAMPLE_SPEC, out)
    assert done.returncode == 0 and victim.read_text() == "keep\n"
    warnings = [line for line in done.stderr.splitlines() if "victim.txt" in line]
    assert len(warnings) == 3 and all(MANIFEST in line for line in warnings)
