"""The output writer (bad-inputs.md §C, issue 10): atomic and crash-safe updates, a manifest
that is untrusted data, no path through a symlink, one run at a time, and ``--check`` that
tells the truth."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ModelgenError
from generator.output import (
    MANIFEST,
    OutputError,
    check_tree,
    lock,
    read_manifest,
    write_tree,
    writer,
)
from tests.support.tree import files_of, snapshot
from tests.support.updates import STEPS, V1, V2, expected_files, modelgen_files


class Injected(Exception):
    pass


@pytest.fixture
def fail_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """Append (step, count) to the yielded list to make the writer raise there."""
    points: list[tuple[str, int]] = []

    def hook(name: str, count: int) -> None:
        if (name, count) in points:
            raise Injected(f"injected at {name} {count}")

    monkeypatch.setattr(writer, "STEP_HOOK", hook)
    yield points


# --- writing ------------------------------------------------------------------------------


def test_writes_files_and_manifest(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    assert files_of(tmp_path) == expected_files(V1)
    assert read_manifest(tmp_path) == set(V1)


def test_written_files_and_new_folders_have_normal_modes_whatever_the_umask(
    tmp_path: Path,
) -> None:
    old = os.umask(0o077)
    try:
        write_tree(tmp_path / "new" / "out", {"pkg/a.py": "A\n"})
    finally:
        os.umask(old)
    root = tmp_path / "new" / "out"
    assert stat.S_IMODE(root.stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "pkg").stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "pkg" / "a.py").stat().st_mode) == 0o644


def test_a_current_folder_is_not_touched_at_all(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    before = snapshot(tmp_path)
    folder_mtime = tmp_path.stat().st_mtime_ns
    result = write_tree(tmp_path, V1)
    assert result.written == () and result.deleted == ()
    assert snapshot(tmp_path) == before
    assert tmp_path.stat().st_mtime_ns == folder_mtime  # not even a lock file came and went


def test_only_changed_files_are_rewritten_and_deletions_are_reported(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    result = write_tree(tmp_path, V2)
    assert result.written == ("a.py", "new/sub/n.py")
    assert result.deleted == ("gone/x.py",)
    assert files_of(tmp_path) == expected_files(V2)
    assert not (tmp_path / "gone").exists()  # emptied by the deletion


def test_user_files_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("mine\n")
    (tmp_path / "gone").mkdir()
    (tmp_path / "gone" / "mine.py").write_text("mine\n")
    write_tree(tmp_path, V1)
    write_tree(tmp_path, V2)  # gone/x.py goes; gone/mine.py and its folder stay
    assert files_of(tmp_path) == expected_files(
        V2, **{"notes.md": "mine\n", "gone/mine.py": "mine\n"}
    )


def test_refuses_to_overwrite_a_user_file_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("mine\n")
    before = snapshot(tmp_path)
    with pytest.raises(ModelgenError, match="not written by modelgen"):
        write_tree(tmp_path, {"a.py": "A\n"})
    assert snapshot(tmp_path) == before
    write_tree(tmp_path, {"a.py": "A\n"}, force=True)
    assert (tmp_path / "a.py").read_text() == "A\n"


@pytest.mark.parametrize(
    "rel",
    [
        "../x.py",
        "/etc/x",
        "a/../../x",
        "a//b",
        "./a",
        "C:\\x",
        "a\\b",
        "con.py",
        "NUL",
        "aux",
        "x.",
        "x ",
        "a\0b",
        ".",
        "",
        ".modelgen-lock",
        "pkg/.modelgen-journal",
    ],
)
def test_unsafe_generated_paths_are_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(ModelgenError, match="unsafe path"):
        write_tree(tmp_path / "out", {rel: "x"})
    assert not (tmp_path / "out").exists()


def test_case_only_collisions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="differ only in case"):
        write_tree(tmp_path, {"Pet.py": "a", "pet.py": "b"})
    assert list(tmp_path.iterdir()) == []


def test_manifest_is_sorted_and_has_no_absolute_paths(tmp_path: Path) -> None:
    write_tree(tmp_path, {"z.py": "", "a/b.py": "", "m.py": ""})
    lines = (tmp_path / MANIFEST).read_text().splitlines()
    assert lines[1:] == ["a/b.py", "m.py", "z.py"]
    assert str(tmp_path) not in (tmp_path / MANIFEST).read_text()


# --- symlinks -----------------------------------------------------------------------------


def test_symlinked_output_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "out").symlink_to(outside)
    with pytest.raises(OutputError, match="symlink"):
        write_tree(tmp_path / "out", {"a.py": "A"})
    assert list(outside.iterdir()) == []


def test_output_root_below_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "link").symlink_to(outside)
    with pytest.raises(OutputError, match=r"link is a symlink"):
        write_tree(tmp_path / "link" / "sub", {"a.py": "A"})
    assert list(outside.iterdir()) == []  # not even the folder sub


def test_check_does_not_read_through_a_symlinked_root(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    write_tree(elsewhere, V1)
    (tmp_path / "link").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="symlink"):
        check_tree(tmp_path / "link", V1)
    with pytest.raises(OutputError, match="symlink"):
        check_tree(tmp_path / "link" / "pkg", {"keep.py": "K\n"})


def test_symlinked_target_file_is_never_written_through(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("keep\n")
    out = tmp_path / "out"
    write_tree(out, {"a.py": "A\n"})
    (out / "a.py").unlink()
    (out / "a.py").symlink_to(secret)
    with pytest.raises(OutputError, match="symlink"):
        write_tree(out, {"a.py": "B\n"})
    assert secret.read_text() == "keep\n"


def test_symlinked_folder_inside_output_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "pkg").symlink_to(outside)
    with pytest.raises(OutputError, match="symlink"):
        write_tree(out, {"pkg/a.py": "A"})
    assert list(outside.iterdir()) == []


# --- the manifest is untrusted ------------------------------------------------------------


def hostile_manifest(tmp_path: Path) -> tuple[Path, list[str], list[Path]]:
    """An output folder whose manifest names files outside it four ways; the victims."""
    out = tmp_path / "out"
    write_tree(out, {"a.py": "A\n"})
    victims = [tmp_path / "victim1.txt", tmp_path / "victim2.txt", tmp_path / "victim3.txt"]
    outside = tmp_path / "outside"
    outside.mkdir()
    victims.append(outside / "victim4.txt")
    for victim in victims:
        victim.write_text("keep\n")
    (out / "link").symlink_to(outside)
    lines = ["../victim1.txt", str(victims[1]), "a/../../victim3.txt", "link/victim4.txt"]
    with (out / MANIFEST).open("a") as handle:
        handle.writelines(f"{line}\n" for line in lines)
    return out, lines, victims


def test_manifest_lines_outside_the_folder_delete_nothing_and_warn_once_each(
    tmp_path: Path,
) -> None:
    out, lines, victims = hostile_manifest(tmp_path)
    result = write_tree(out, {"b.py": "B\n"})
    assert all(victim.read_text() == "keep\n" for victim in victims)
    assert result.deleted == ("a.py",)
    assert len(result.warnings) == len(lines)
    for number, (line, warning) in enumerate(zip(lines, result.warnings, strict=True), start=3):
        assert repr(line) in warning.message
        assert warning.source.file == str(out / MANIFEST) and warning.source.line == number
    assert (out / "link").is_symlink()  # the user's link itself stays too


def test_check_ignores_manifest_lines_outside_the_folder_with_the_same_warnings(
    tmp_path: Path,
) -> None:
    out, lines, victims = hostile_manifest(tmp_path)
    result = check_tree(out, {"a.py": "A\n"})
    assert result.extra == ()  # none of the victims is reported as ours
    assert len(result.warnings) == len(lines)
    assert all(victim.exists() for victim in victims)


def test_a_manifest_line_naming_a_symlink_deletes_neither_link_nor_target(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"a.py": "A\n", "b.py": "B\n"})
    target = tmp_path / "target.txt"
    target.write_text("keep\n")
    (out / "b.py").unlink()
    (out / "b.py").symlink_to(target)
    result = write_tree(out, {"a.py": "A\n"})
    assert (out / "b.py").is_symlink() and target.read_text() == "keep\n"
    assert [w.message for w in result.warnings] == ["'b.py' is a symlink; not deleted"]


# --- failures roll back -------------------------------------------------------------------


def test_the_update_steps_are_the_ones_the_fault_tests_inject_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, V1)
    seen: list[tuple[str, int]] = []
    monkeypatch.setattr(writer, "STEP_HOOK", lambda name, count: seen.append((name, count)))
    write_tree(tmp_path, V2)
    assert seen == STEPS


@pytest.mark.parametrize("step", STEPS[:-1], ids=[f"{s}-{n}" for s, n in STEPS[:-1]])
def test_a_failure_at_any_step_before_done_leaves_the_folder_exactly_as_it_was(
    tmp_path: Path, fail_at: list[tuple[str, int]], step: tuple[str, int]
) -> None:
    write_tree(tmp_path, V1)
    (tmp_path / "mine.txt").write_text("user file\n")
    before = snapshot(tmp_path)
    fail_at.append(step)
    with pytest.raises(Injected):
        write_tree(tmp_path, V2)
    assert snapshot(tmp_path) == before  # bytes, mtimes, folders: no temp file, no new folder
    fail_at.clear()
    write_tree(tmp_path, V2)
    assert files_of(tmp_path) == expected_files(V2, **{"mine.txt": "user file\n"})


def test_an_interrupt_rolls_back_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, V1)
    before = snapshot(tmp_path)

    def interrupt(name: str, count: int) -> None:
        if (name, count) == ("renamed", 2):
            raise KeyboardInterrupt

    monkeypatch.setattr(writer, "STEP_HOOK", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_tree(tmp_path, V2)
    assert snapshot(tmp_path) == before


def test_a_failure_after_done_leaves_the_new_files_and_the_next_run_finishes(
    tmp_path: Path, fail_at: list[tuple[str, int]]
) -> None:
    write_tree(tmp_path, V1)
    fail_at.append(("done", 0))
    with pytest.raises(Injected):
        write_tree(tmp_path, V2)
    assert not check_tree(tmp_path, V2).clean  # the journal says the update did not finish
    fail_at.clear()
    assert write_tree(tmp_path, V2).written == ()
    assert files_of(tmp_path) == expected_files(V2)
    assert modelgen_files(tmp_path) == []
    assert check_tree(tmp_path, V2).clean


@pytest.mark.parametrize("failing_call", [1, 2, 3, 4, 5])
def test_an_os_error_in_any_rename_is_one_line_and_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    write_tree(tmp_path, V1)
    before = snapshot(tmp_path)
    real_rename = os.rename
    calls = {"n": 0}

    def rename(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == failing_call:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_rename(*args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OutputError) as caught:
        write_tree(tmp_path, V2)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("cannot ")
    assert str(tmp_path) in message and "Permission denied" in message
    assert snapshot(tmp_path) == before


def test_an_os_error_writing_a_new_folder_leaves_no_folder_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    calls = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 3:  # the journal, a.py, then b.py fails
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(OutputError, match="No space left on device"):
        write_tree(tmp_path / "new" / "out", {"pkg/a.py": "A\n", "pkg/b.py": "B\n"})
    assert list(tmp_path.iterdir()) == []


def test_a_new_folder_is_built_under_a_temp_name_and_moved_in_by_one_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"pkg/a.py": "A\n", "pkg/b.py": "B\n", "pkg/sub/c.py": "C\n", "top.txt": "T\n"}
    seen: dict[str, list[str]] = {}

    def look(name: str, count: int) -> None:
        if name == "committed":  # every file written, nothing renamed yet
            seen["committed"] = sorted(snapshot(tmp_path))

    renamed: list[str] = []
    real_rename = os.rename

    def rename(source: str, target: str, **kwargs: Any) -> None:
        renamed.append(target)
        real_rename(source, target, **kwargs)

    monkeypatch.setattr(writer, "STEP_HOOK", look)
    monkeypatch.setattr(os, "rename", rename)
    write_tree(tmp_path, files)
    building = [re.sub(r"-[0-9a-f]{16}-", "-RUN-", rel) for rel in seen["committed"]]
    assert "pkg" not in building and "pkg/a.py" not in building
    assert ".modelgen-RUN-d0.tmp/sub/c.py" in building and ".modelgen-RUN-d0.tmp/a.py" in building
    assert renamed.count("pkg") == 1
    assert not {"a.py", "b.py", "c.py"} & set(renamed)  # the files move with their folder
    assert "top.txt" in renamed  # a file in an existing folder is renamed on its own
    assert files_of(tmp_path) == expected_files(files)
    assert modelgen_files(tmp_path) == []


def test_a_root_made_by_the_run_is_planned_like_an_empty_folder(tmp_path: Path) -> None:
    from generator.output.folder import opened_root

    payload = writer._payload({"pkg/sub/c.py": "C\n", "pkg/a.py": "A\n", "top.txt": "T\n"})
    (tmp_path / "empty").mkdir()
    plans = []
    for root in (tmp_path / "made", tmp_path / "empty"):
        with opened_root(root, create=True) as folder:
            assert folder is not None and folder.fresh == (root.name == "made")
            plans.append(writer.plan_update(folder, payload, force=False))
    made, empty = plans
    assert made.writes == empty.writes and made.writes[-1][0] == MANIFEST
    assert made.dirs == empty.dirs == ["pkg", "pkg/sub"]
    assert made.deletes == empty.deletes == []


def test_a_folder_that_appears_where_a_new_one_goes_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, V1)
    before = snapshot(tmp_path)

    def meanwhile(name: str, count: int) -> None:
        if name == "committed":
            (tmp_path / "new").mkdir()  # another program makes the folder V2 adds
            (tmp_path / "new" / "theirs.txt").write_text("theirs\n")

    monkeypatch.setattr(writer, "STEP_HOOK", meanwhile)
    with pytest.raises(OutputError, match="new: it appeared during the update"):
        write_tree(tmp_path, V2)
    after = snapshot(tmp_path)
    assert sorted(os.listdir(tmp_path / "new")) == ["theirs.txt"]
    assert {rel: v for rel, v in after.items() if not rel.startswith("new")} == before


def test_an_update_left_by_a_version_1_journal_is_undone_by_its_own_rules(
    tmp_path: Path,
) -> None:
    """Version 1 journals (before new folders were built under a temp name) name each new
    file's temp file beside it: the next run still finds and removes them."""
    write_tree(tmp_path, V1)
    run = "0123456789abcdef"
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / f".modelgen-{run}-0.tmp").write_text("N\n")
    journal = {"modelgen-journal": 1, "run": run, "state": "commit"}
    journal |= {"dirs": ["new"], "entries": [["write", "new/n.py", False]]}
    (tmp_path / ".modelgen-journal").write_text(json.dumps(journal))
    write_tree(tmp_path, V1)
    assert not (tmp_path / "new").exists()
    assert files_of(tmp_path) == expected_files(V1)
    assert modelgen_files(tmp_path) == []


# --- interrupted updates, leftovers and --check -------------------------------------------


def test_check_reports_stale_missing_and_extra_without_writing(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    before = snapshot(tmp_path)
    result = check_tree(tmp_path, V2)
    assert result.stale == ("a.py",)
    assert result.missing == ("new/sub/n.py",)
    assert result.extra == ("gone/x.py",)
    assert not result.clean
    assert snapshot(tmp_path) == before


def test_check_is_clean_right_after_writing(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    assert check_tree(tmp_path, V1).clean


def test_check_on_a_missing_folder_lists_everything_missing(tmp_path: Path) -> None:
    result = check_tree(tmp_path / "nope", {"a.py": "A"})
    assert result.missing == ("a.py",)
    assert not (tmp_path / "nope").exists()


def test_a_leftover_journal_temp_file_is_reported_then_removed(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    (tmp_path / ".modelgen-journal.tmp").write_text('{"modelgen-jou')  # killed mid-write
    result = check_tree(tmp_path, V1)
    assert result.leftover == (".modelgen-journal.tmp",) and not result.clean
    write_tree(tmp_path, V1)
    assert modelgen_files(tmp_path) == []
    assert check_tree(tmp_path, V1).clean


def test_temp_files_of_older_modelgen_versions_are_removed_but_look_alikes_are_not(
    tmp_path: Path,
) -> None:
    write_tree(tmp_path, V1)
    (tmp_path / "pkg" / ".modelgen-k2j4_x9q.tmp").write_text("half")  # tempfile.mkstemp name
    (tmp_path / ".modelgen-notes.tmp").write_text("the user's\n")
    assert check_tree(tmp_path, V1).leftover == ("pkg/.modelgen-k2j4_x9q.tmp",)
    write_tree(tmp_path, V1)
    assert not (tmp_path / "pkg" / ".modelgen-k2j4_x9q.tmp").exists()
    assert (tmp_path / ".modelgen-notes.tmp").read_text() == "the user's\n"


def test_an_interrupted_update_is_reported_by_check_with_its_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, V1)

    def stop(name: str, count: int) -> None:
        if (name, count) == ("renamed", 2):
            raise SystemExit  # stands in for a kill: see test_output_faults for real ones

    # Stop without rolling back: the journal machinery sees what a killed run leaves.
    monkeypatch.setattr(writer, "_roll_back_after", lambda *args: None)
    monkeypatch.setattr(writer, "STEP_HOOK", stop)
    with pytest.raises(SystemExit):
        write_tree(tmp_path, V2)
    monkeypatch.setattr(writer, "STEP_HOOK", None)
    result = check_tree(tmp_path, V2)
    assert result.interrupted
    # a.py's old version (entry 0, kept) and the manifest's temp file (entry 2, not renamed)
    runs = [re.sub(r"-[0-9a-f]{16}-", "-RUN-", rel) for rel in result.leftover]
    assert runs == [".modelgen-RUN-0.old", ".modelgen-RUN-2.tmp"]
    assert "interrupted: an update of this folder did not finish" in result.lines()
    write_tree(tmp_path, V2)  # no --force needed
    assert files_of(tmp_path) == expected_files(V2)
    assert check_tree(tmp_path, V2).clean


def test_a_damaged_journal_stops_the_run_and_changes_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    (tmp_path / ".modelgen-journal").write_text("not json")
    before = snapshot(tmp_path)
    with pytest.raises(OutputError, match="damaged"):
        write_tree(tmp_path, V2)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("path", ["../victim.txt", "<absolute>", "a/../../victim.txt"])
def test_a_journal_naming_a_path_outside_the_folder_is_refused_not_acted_on(
    tmp_path: Path, path: str
) -> None:
    out = tmp_path / "out"
    write_tree(out, V1)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    entries = [["write", str(victim) if path == "<absolute>" else path, False]]
    journal = {"modelgen-journal": 1, "run": "0" * 16, "state": "commit"}
    journal |= {"dirs": [], "entries": entries}
    (out / ".modelgen-journal").write_text(json.dumps(journal))
    with pytest.raises(OutputError, match="damaged"):
        write_tree(out, V2)
    assert victim.read_text() == "keep\n"


# --- one run at a time --------------------------------------------------------------------


def test_a_folder_locked_by_another_run_is_an_error_naming_the_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, V1)
    fd = os.open(tmp_path / ".modelgen-lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, b"4242\n")
        before = snapshot(tmp_path)
        monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
        with pytest.raises(OutputError, match=r"another modelgen run \(pid 4242") as caught:
            write_tree(tmp_path, V2)
        assert ".modelgen-lock" in str(caught.value)
        assert snapshot(tmp_path) == before
    finally:
        os.close(fd)


def test_the_lock_of_a_dead_run_is_taken_over(tmp_path: Path) -> None:
    write_tree(tmp_path, V1)
    (tmp_path / ".modelgen-lock").write_text("999999\n")  # left by a run that was killed
    write_tree(tmp_path, V2)
    assert files_of(tmp_path) == expected_files(V2)
