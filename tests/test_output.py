"""The output writer: atomic, manifest-based, never touching files modelgen did not write
(bad-inputs.md §C)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator import output
from generator.errors import ModelgenError
from generator.output import MANIFEST, check_tree, read_manifest, write_tree


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below root with its bytes and mtime (ns)."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_writes_files_and_manifest(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pkg/a.py": "A\n", "b.txt": "B\n"})
    assert (tmp_path / "pkg" / "a.py").read_text() == "A\n"
    assert read_manifest(tmp_path) == {"pkg/a.py", "b.txt"}


def test_written_files_are_world_readable_not_temp_mode(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "A\n"})
    mode = stat.S_IMODE((tmp_path / "a.py").stat().st_mode)
    assert mode == 0o644


def test_second_identical_run_rewrites_nothing(tmp_path: Path) -> None:
    files = {"pkg/a.py": "A\n", "b.txt": "B\n"}
    write_tree(tmp_path, files)
    before = snapshot(tmp_path)
    assert write_tree(tmp_path, files) == []
    assert snapshot(tmp_path) == before


def test_only_changed_files_are_rewritten(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "A\n", "b.py": "B\n"})
    assert write_tree(tmp_path, {"a.py": "A\n", "b.py": "B2\n"}) == ["b.py"]


def test_files_no_longer_generated_are_deleted_with_empty_folders(tmp_path: Path) -> None:
    write_tree(tmp_path, {"old/x.py": "X\n", "keep.py": "K\n"})
    write_tree(tmp_path, {"keep.py": "K\n"})
    assert not (tmp_path / "old").exists()
    assert read_manifest(tmp_path) == {"keep.py"}


def test_user_files_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("mine\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "mine.py").write_text("mine\n")
    write_tree(tmp_path, {"sub/gen.py": "G\n"})
    write_tree(tmp_path, {"other.py": "O\n"})  # sub/gen.py goes; sub/mine.py stays
    assert (tmp_path / "notes.md").read_text() == "mine\n"
    assert (tmp_path / "sub" / "mine.py").read_text() == "mine\n"
    assert not (tmp_path / "sub" / "gen.py").exists()


def test_refuses_to_overwrite_a_user_file_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("mine\n")
    with pytest.raises(ModelgenError, match="not written by modelgen"):
        write_tree(tmp_path, {"a.py": "A\n"})
    assert (tmp_path / "a.py").read_text() == "mine\n"
    write_tree(tmp_path, {"a.py": "A\n"}, force=True)
    assert (tmp_path / "a.py").read_text() == "A\n"


@pytest.mark.parametrize(
    "rel",
    [
        "../x.py",
        "/etc/x",
        "a/../../x",
        "C:\\x",
        "a\\b",
        "con.py",
        "NUL",
        "aux",
        "x.",
        "x ",
        "a\0b",
        ".",
    ],
)
def test_unsafe_paths_are_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(ModelgenError, match="unsafe path"):
        write_tree(tmp_path / "out", {rel: "x"})
    assert not (tmp_path / "out").exists()


def test_case_only_collisions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="differ only in case"):
        write_tree(tmp_path, {"Pet.py": "a", "pet.py": "b"})
    assert list(tmp_path.iterdir()) == []


def test_symlinked_output_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "out").symlink_to(outside)
    with pytest.raises(ModelgenError, match="symlink"):
        write_tree(tmp_path / "out", {"a.py": "A"})
    assert list(outside.iterdir()) == []


def test_symlinked_target_file_is_never_written_through(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("keep\n")
    out = tmp_path / "out"
    write_tree(out, {"a.py": "A\n"})
    (out / "a.py").unlink()
    (out / "a.py").symlink_to(secret)
    with pytest.raises(ModelgenError, match="symlink"):
        write_tree(out, {"a.py": "B\n"})
    assert secret.read_text() == "keep\n"


def test_symlinked_folder_inside_output_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "pkg").symlink_to(outside)
    with pytest.raises(ModelgenError, match="symlink"):
        write_tree(out, {"pkg/a.py": "A"})
    assert list(outside.iterdir()) == []


def test_failure_while_writing_leaves_the_folder_exactly_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"a.py": "A\n", "b.py": "B\n"})
    before = snapshot(tmp_path)
    real_fdopen = os.fdopen
    calls = {"n": 0}

    def failing_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            os.close(fd)
            raise OSError("disk full")
        return real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(output.os, "fdopen", failing_fdopen)
    with pytest.raises(OSError, match="disk full"):
        write_tree(tmp_path, {"a.py": "A2\n", "b.py": "B2\n", "c.py": "C\n"})
    assert snapshot(tmp_path) == before  # no temp files left, nothing replaced


def test_check_reports_stale_missing_and_extra_without_writing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "A\n", "b.py": "B\n", "gone.py": "G\n"})
    before = snapshot(tmp_path)
    result = check_tree(tmp_path, {"a.py": "A\n", "b.py": "B2\n", "new.py": "N\n"})
    assert result.stale == ("b.py",)
    assert result.missing == ("new.py",)
    assert result.extra == ("gone.py",)
    assert not result.clean
    assert snapshot(tmp_path) == before


def test_check_is_clean_right_after_writing(tmp_path: Path) -> None:
    files = {"a.py": "A\n", "pkg/b.py": "B\n"}
    write_tree(tmp_path, files)
    assert check_tree(tmp_path, files).clean


def test_check_on_a_missing_folder_lists_everything_missing(tmp_path: Path) -> None:
    result = check_tree(tmp_path / "nope", {"a.py": "A"})
    assert result.missing == ("a.py",)


def test_manifest_is_sorted_and_has_no_absolute_paths(tmp_path: Path) -> None:
    write_tree(tmp_path, {"z.py": "", "a/b.py": "", "m.py": ""})
    lines = (tmp_path / MANIFEST).read_text().splitlines()
    assert lines[1:] == ["a/b.py", "m.py", "z.py"]
    assert str(tmp_path) not in (tmp_path / MANIFEST).read_text()


def test_a_new_output_folder_appears_whole_with_normal_modes(tmp_path: Path) -> None:
    written = write_tree(tmp_path / "new" / "out", {"pkg/a.py": "A\n", "b.py": "B\n"})
    root = tmp_path / "new" / "out"
    assert written == ["b.py", "pkg/a.py"]
    assert stat.S_IMODE(root.stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "pkg" / "a.py").stat().st_mode) == 0o644
    assert read_manifest(root) == {"pkg/a.py", "b.py"}
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["out"]  # no staging left


def test_failure_while_writing_a_new_folder_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen
    calls = {"n": 0}

    def failing_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            os.close(fd)
            raise OSError("disk full")
        return real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(output.os, "fdopen", failing_fdopen)
    with pytest.raises(OSError, match="disk full"):
        write_tree(tmp_path / "out", {"a.py": "A\n", "b.py": "B\n", "c.py": "C\n"})
    assert list(tmp_path.iterdir()) == []
