"""Which paths an output folder may hold: the rule for every path modelgen writes or deletes,
applied alike to generated paths (an error when broken) and to the lines of a manifest or
journal read back from disk (untrusted: ignored with a warning when broken), and the names
modelgen reserves for itself in an output folder."""

from __future__ import annotations

import functools
import re

from generator import naming
from generator.errors import ModelgenError

# Modelgen's own files in an output root. Generated paths may not use the prefix.
RESERVED_PREFIX = ".modelgen-"
MANIFEST = ".modelgen-manifest"
STAMP = ".modelgen-stamp"  # the no-op fast path's record (generator.output.stamp)
LOCK = ".modelgen-lock"
JOURNAL = ".modelgen-journal"
JOURNAL_TEMP = ".modelgen-journal.tmp"

_BAD_PART = re.compile(r"[\x00-\x1f<>:\"\\|?*]")


def path_problem(rel: str) -> str | None:
    """Why ``rel`` is not a path modelgen may write or delete, or None when it is one: a
    relative POSIX path in normal form (no empty, ``.`` or ``..`` part) whose every part is a
    portable file name that is not one of modelgen's reserved names. Symlinks are checked
    where the path is used (see :mod:`generator.output.folder`)."""
    if not rel:
        return "an empty path"
    if rel.startswith("/"):
        return "an absolute path"
    parts = rel.split("/")
    if ".." in parts:
        return "a path leading outside the output folder"
    for part in parts:
        problem = _part_problem(part)
        if problem is not None:
            return problem
    return None


@functools.lru_cache(maxsize=4096)
def _part_problem(part: str) -> str | None:
    """Why one part of a path cannot be written (cached: a big output repeats its folder
    names thousands of times)."""
    if part in ("", "."):
        return "not a normalised relative path"
    if (
        _BAD_PART.search(part)
        or naming.is_windows_device(part)
        or part.endswith((".", " "))
        or len(part.encode("utf-8", "surrogatepass")) > 255
    ):
        return "not a portable file name"
    if part.startswith(RESERVED_PREFIX):
        return "a name modelgen reserves for itself"
    return None


def validate_relpath(rel: str) -> None:
    """Refuse any generated path that could leave the output root or misbehave on a file
    system: emitters sanitise names, this is the last line of defence."""
    problem = path_problem(rel)
    if problem is not None:
        raise ModelgenError(f"refusing to write unsafe path {rel!r}: {problem}")


def parent_of(rel: str) -> str:
    """The folder part of ``rel`` ("" for the root)."""
    return rel.rpartition("/")[0]


def split(rel: str) -> tuple[str, str]:
    """``("pkg/sub", "a.py")`` for ``"pkg/sub/a.py"``."""
    folder, _, name = rel.rpartition("/")
    return folder, name


def ancestors(rel_dir: str) -> list[str]:
    """``["a", "a/b", "a/b/c"]`` for ``"a/b/c"``; nothing for the root."""
    if not rel_dir:
        return []
    parts = rel_dir.split("/")
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]
