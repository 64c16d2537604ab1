"""One run at a time per output folder: the lock file ``.modelgen-lock`` in the output root.

The lock file holds the pid of the run that has it, and that run holds an exclusive ``flock``
on it for as long as it changes the folder. The kernel releases the ``flock`` when the process
dies, however it dies, so the lock of a killed run is stale at once and the next run takes it
over (a pid check alone cannot tell a dead holder from a reused pid, and two runs taking over
the same stale lock file would both believe they hold it). A second run waits up to
:data:`WAIT_SECONDS`, then stops with one line naming the holder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator

from generator.output.folder import Folder, OutputError, os_errors
from generator.output.paths import LOCK

WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.05


@contextlib.contextmanager
def locked(folder: Folder, wait: float | None = None) -> Iterator[None]:
    """Hold the output folder's lock for the ``with`` block."""
    fd = _acquire(folder, WAIT_SECONDS if wait is None else wait)
    try:
        yield
    finally:
        # Removed while still held, so a waiter that opened it sees it is gone and opens anew.
        # A lock file that cannot be removed is harmless: nobody holds it any more.
        with contextlib.suppress(OutputError):
            folder.unlink(LOCK)
        os.close(fd)


def _acquire(folder: Folder, wait: float) -> int:
    deadline = time.monotonic() + wait
    shown = folder.show(LOCK)
    while True:
        fd = folder.open_fd(LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"{folder.shown} is being written by another modelgen run ({holder},"
                    f" holding {shown}); waited {wait:g} s"
                ) from None
            time.sleep(_POLL_SECONDS)
            continue
        except OSError as error:
            os.close(fd)
            raise OutputError(f"cannot lock {shown}: {error.strerror}") from error
        if _is_current(folder, fd):
            break
        os.close(fd)  # the holder removed this file as we waited for it: lock the new one
    try:
        with os_errors("write", shown):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _is_current(folder: Folder, fd: int) -> bool:
    opened, named = os.fstat(fd), folder.lstat(LOCK)
    return named is not None and (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    return f"pid {text}" if text.isdigit() else "pid unknown"
