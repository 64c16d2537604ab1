"""Reading input files with a size limit that counts the bytes actually read.

``stat`` cannot bound a read: ``/dev/zero``, a FIFO, a process substitution or a file that
grows while it is read all report a size that says nothing. Every source reads its files
here, in chunks, and stops one byte past the limit.

Every file read here is also reported to the :func:`recording` in force, if any: its path and
the SHA-256 of its bytes (``generate``'s no-op fast path keys on them, see
:mod:`generator.output.stamp`). A reader that finds a file absent where one could be (a
``$ref`` to a missing file) says so with :func:`note_absent`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import Source

_CHUNK = 1 << 20

# Absolute path -> SHA-256 of the bytes read (None: absent, or not a regular file), per
# recording in force.
_RECORDINGS: list[dict[str, str | None]] = []
UNSTABLE = "unstable"  # a value for a file that is no regular file: it cannot be keyed on


@contextlib.contextmanager
def recording() -> Iterator[dict[str, str | None]]:
    """The files read (and found absent) while the block runs: absolute path -> SHA-256 of
    the bytes, ``None`` for an absent file, :data:`UNSTABLE` for one that is no regular file."""
    files: dict[str, str | None] = {}
    _RECORDINGS.append(files)
    try:
        yield files
    finally:
        _RECORDINGS.remove(files)


def _record(path: Path, value: str | None) -> None:
    for files in _RECORDINGS:
        files[os.path.abspath(path)] = value


def note_absent(path: Path) -> None:
    """Tell the recording that the output depends on ``path`` not being there."""
    if _RECORDINGS:
        _record(path, None)


def size_text(limit: int) -> str:
    """``50 MiB``, ``10 MB`` or ``4096 bytes``: the limit as it was written."""
    for unit, name in ((1 << 20, "MiB"), (1_000_000, "MB"), (1 << 10, "KiB")):
        if limit % unit == 0:
            return f"{limit // unit} {name}"
    return f"{limit} bytes"


def read_limited(path: Path, limit: int, source: Source | None = None) -> bytes:
    """The bytes of ``path``; more than ``limit`` of them is a one-line error (read no further
    than one byte past it). OS errors are one-line errors too."""
    where = source if source is not None else Source(str(path))
    try:
        with open(path, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise ModelgenError(
                    f"the file is {info.st_size} bytes, larger than {size_text(limit)}"
                    " (the input size limit); refused",
                    where,
                )
            # A regular file in one read (plus one to see the end); anything else in chunks.
            step = info.st_size + 1 if stat.S_ISREG(info.st_mode) else _CHUNK
            chunks: list[bytes] = []
            left = limit + 1
            while left > 0:
                chunk = handle.read(min(left, step))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
    except OSError as error:
        raise ModelgenError(f"cannot read: {error.strerror or error}", where) from None
    if left <= 0:
        raise ModelgenError(
            f"larger than {size_text(limit)} (the input size limit); stopped reading and refused",
            where,
        )
    data = b"".join(chunks)
    if _RECORDINGS:
        regular = stat.S_ISREG(info.st_mode)
        _record(path, hashlib.sha256(data).hexdigest() if regular else UNSTABLE)
    return data


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file, for detecting what it is; nothing (and no
    read) for anything else, since reading a FIFO or a device would consume or hang."""
    try:
        if not path.is_file():
            return b""
        with open(path, "rb", buffering=0) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return b""
            return handle.read(size) or b""
    except OSError:
        return b""
