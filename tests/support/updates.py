"""One update of an output folder, shared by the writer's tests and its fault tests: what the
folder holds before and after, and the steps the writer takes between."""

from __future__ import annotations

from pathlib import Path

from generator.output import MANIFEST
from generator.output.paths import STAMP
from tests.support.tree import snapshot

# An update from V1 to V2 changes a.py, adds new/sub/n.py (two new folders), keeps same.py and
# pkg/keep.py, deletes gone/x.py (and its folder), and rewrites the manifest.
V1 = {"a.py": "A1\n", "same.py": "S\n", "gone/x.py": "X\n", "pkg/keep.py": "K\n"}
V2 = {"a.py": "A2\n", "same.py": "S\n", "new/sub/n.py": "N\n", "pkg/keep.py": "K\n"}
# Its steps, as the writer reports them to STEP_HOOK: journal written, one temp file per
# written path (a.py, new/sub/n.py, the manifest), journal committed, one rename per path
# (the three, then gone/x.py), journal done.
STEPS = [
    ("prepared", 0),
    ("temp", 1),
    ("temp", 2),
    ("temp", 3),
    ("committed", 0),
    ("renamed", 1),
    ("renamed", 2),
    ("renamed", 3),
    ("renamed", 4),
    ("done", 0),
]


def expected_files(files: dict[str, str], **user: str) -> dict[str, bytes]:
    """What a folder holding ``files`` (and the user's files) must contain, manifest included."""
    manifest = (
        "# Files written by modelgen. Do not edit: modelgen deletes only files listed here.\n"
    )
    manifest += "".join(f"{rel}\n" for rel in sorted(files))
    result = {rel: text.encode() for rel, text in files.items()}
    result[MANIFEST] = manifest.encode()
    result.update({rel: text.encode() for rel, text in user.items()})
    return result


def modelgen_files(root: Path) -> list[str]:
    """modelgen's own files other than the manifest and the stamp: lock, journal, temp
    files."""
    return sorted(
        rel
        for rel in snapshot(root)
        if Path(rel).name.startswith(".modelgen-") and Path(rel).name not in (MANIFEST, STAMP)
    )
