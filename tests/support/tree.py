"""Snapshots of a folder tree, to assert that a failed run left it exactly as it was."""

from __future__ import annotations

import os
import stat
from pathlib import Path

Entry = tuple[str, bytes, int]  # kind ("file", "dir", "link"), bytes or link target, mtime ns


def snapshot(root: Path) -> dict[str, Entry]:
    """Every entry below ``root`` (hidden ones too; symlinks not followed): its kind, its
    bytes (a file) or target (a link), and its mtime in nanoseconds (a file)."""
    found: dict[str, Entry] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                found[rel] = ("link", os.readlink(path).encode(), 0)
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", b"", 0)
            else:
                found[rel] = ("file", path.read_bytes(), info.st_mtime_ns)
    return found


def files_of(root: Path) -> dict[str, bytes]:
    """The regular files below ``root`` and their bytes."""
    return {rel: data for rel, (kind, data, _) in snapshot(root).items() if kind == "file"}
