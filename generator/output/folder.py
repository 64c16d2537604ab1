"""File-system access to an output folder that cannot leave it.

The output root is opened once, one path component at a time from the working directory (or
``/``), refusing any component that is a symlink. Every later operation names a path relative
to the root and reaches it through open directory file descriptors with ``O_NOFOLLOW``
(``openat``, ``renameat``, ``unlinkat``...), so nothing is ever read, written or deleted
through a symlink, even one swapped in while modelgen runs.

Every OS error becomes an :class:`OutputError`: one line naming the operation, the path and
the operating system's message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import ModelgenError
from generator.output.paths import split

_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC
FILE_MODE = 0o644
FOLDER_MODE = 0o755
TEMP_MODE = 0o600


class OutputError(ModelgenError):
    """An output folder cannot be read or changed: the operation, the path, the reason."""


class SymlinkInPath(OutputError):
    """A path inside the output folder passes through a symlink."""


class NotAFolder(OutputError):
    """A path inside the output folder passes through something that is not a folder."""


@contextlib.contextmanager
def os_errors(operation: str, path: str | Callable[[], str]) -> Iterator[None]:
    """Turn an OSError into the one-line :class:`OutputError` ``cannot <operation> <path>``
    (``path`` may be a function giving it, called only on an error)."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        shown = path if isinstance(path, str) else path()
        raise OutputError(f"cannot {operation} {shown}: {reason}") from error


class Folder:
    """An opened output root. Paths are relative POSIX paths already checked by
    :func:`generator.output.paths.path_problem`."""

    def __init__(self, shown: Path, fd: int, *, fresh: bool = False) -> None:
        self.shown = shown
        self.fresh = fresh  # the root was created just now
        self._fds: dict[str, int] = {"": fd}

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()

    def show(self, rel: str) -> str:
        """``rel`` as the user sees it: below the output path they gave."""
        return os.path.join(str(self.shown), rel) if rel else str(self.shown)

    # --- folders --------------------------------------------------------------------------

    def dir_fd(self, rel_dir: str) -> int | None:
        """The open folder ``rel_dir``, or None when it does not exist. A symlink on the way is
        :class:`SymlinkInPath`; a file on the way is an :class:`OutputError`."""
        cached = self._fds.get(rel_dir)
        if cached is not None:
            return cached
        parent, name = split(rel_dir)
        parent_fd = self.dir_fd(parent)
        if parent_fd is None:
            return None
        info = self._lstat_in(parent_fd, name, rel_dir)
        if info is None:
            return None
        if stat.S_ISLNK(info.st_mode):
            raise SymlinkInPath(f"{self.show(rel_dir)} is a symlink")
        if not stat.S_ISDIR(info.st_mode):
            raise NotAFolder(f"{self.show(rel_dir)} is not a folder")
        with os_errors("open folder", self.show(rel_dir)):
            fd = os.open(name, _DIR | _NOFOLLOW, dir_fd=parent_fd)
        self._fds[rel_dir] = fd
        return fd

    def _need_dir(self, rel_dir: str) -> int:
        fd = self.dir_fd(rel_dir)
        if fd is None:
            raise OutputError(f"{self.show(rel_dir)} does not exist")
        return fd

    def mkdir(self, rel_dir: str) -> None:
        """Create ``rel_dir`` (its parent exists), mode 0755 whatever the umask."""
        parent, name = split(rel_dir)
        parent_fd = self._need_dir(parent)
        with os_errors("create folder", self.show(rel_dir)):
            os.mkdir(name, FOLDER_MODE, dir_fd=parent_fd)
        fd = self._need_dir(rel_dir)
        with os_errors("set the mode of", self.show(rel_dir)):
            os.fchmod(fd, FOLDER_MODE)

    def rmdir(self, rel_dir: str) -> bool:
        """Remove ``rel_dir`` when it exists and is empty; True when it was removed."""
        parent, name = split(rel_dir)
        parent_fd = self.dir_fd(parent)
        if parent_fd is None:
            return False
        self._forget(rel_dir)
        try:
            os.rmdir(name, dir_fd=parent_fd)
        except FileNotFoundError:
            return False
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR):
                return False
            raise OutputError(
                f"cannot remove folder {self.show(rel_dir)}: {error.strerror}"
            ) from error
        return True

    def names(self, rel_dir: str) -> list[str]:
        """The entries of folder ``rel_dir`` (none when it does not exist)."""
        fd = self.dir_fd(rel_dir)
        if fd is None:
            return []
        with os_errors("list", self.show(rel_dir)):
            return os.listdir(fd)

    # --- files ----------------------------------------------------------------------------

    def _lstat_in(self, parent_fd: int, name: str, rel: str) -> os.stat_result | None:
        try:
            return os.stat(name, dir_fd=parent_fd, follow_symlinks=False)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise OutputError(f"cannot inspect {self.show(rel)}: {error.strerror}") from error

    def lstat(self, rel: str) -> os.stat_result | None:
        """What ``rel`` is (not following a final symlink), or None when it does not exist."""
        parent, name = split(rel)
        parent_fd = self.dir_fd(parent)
        if parent_fd is None:
            return None
        return self._lstat_in(parent_fd, name, rel)

    def is_file(self, rel: str) -> bool:
        info = self.lstat(rel)
        return info is not None and stat.S_ISREG(info.st_mode)

    def read(self, rel: str, limit: int) -> bytes:
        """The bytes of file ``rel``, at most ``limit`` of them."""
        parent, name = split(rel)
        parent_fd = self._need_dir(parent)
        with os_errors("read", self.show(rel)):
            fd = os.open(name, os.O_RDONLY | _NOFOLLOW, dir_fd=parent_fd)
            try:
                chunks: list[bytes] = []
                left = limit
                while left > 0:
                    chunk = os.read(fd, min(left, 1 << 20))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    left -= len(chunk)
                return b"".join(chunks)
            finally:
                os.close(fd)

    def create(self, rel: str, data: bytes) -> None:
        """Create the new file ``rel`` (mode 0600 while written, 0644 when complete); on any
        failure nothing of it is left."""
        parent, name = split(rel)
        parent_fd = self._need_dir(parent)
        with os_errors("write", lambda: self.show(rel)):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
            fd = os.open(name, flags, TEMP_MODE, dir_fd=parent_fd)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fchmod(fd, FILE_MODE)
            except BaseException:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=parent_fd)
                raise
            os.close(fd)

    def open_fd(self, rel: str, flags: int, mode: int = FILE_MODE) -> int:
        """A raw descriptor for ``rel`` opened with ``flags`` (never through a symlink)."""
        parent, name = split(rel)
        parent_fd = self._need_dir(parent)
        with os_errors("open", self.show(rel)):
            return os.open(name, flags | _NOFOLLOW, mode, dir_fd=parent_fd)

    def rename(self, rel_dir: str, source: str, target: str) -> None:
        """Rename ``source`` to ``target``, both in folder ``rel_dir``, replacing ``target``."""
        fd = self._need_dir(rel_dir)
        shown = lambda: self.show(f"{rel_dir}/{target}" if rel_dir else target)  # noqa: E731
        with os_errors(f"rename {source} to", shown):
            os.rename(source, target, src_dir_fd=fd, dst_dir_fd=fd)

    def move_folder(self, source: str, target: str) -> None:
        """Rename folder ``source`` to ``target`` (both in the same folder), which must not
        exist: a folder that appeared there meanwhile is never replaced."""
        parent, name = split(source)
        new_parent, new_name = split(target)
        assert parent == new_parent, (source, target)
        fd = self._need_dir(parent)
        if self._lstat_in(fd, new_name, target) is not None:
            raise OutputError(f"cannot create {self.show(target)}: it appeared during the update")
        with os_errors(f"rename {name} to", self.show(target)):
            os.rename(name, new_name, src_dir_fd=fd, dst_dir_fd=fd)
        self._forget(source)

    def _forget(self, rel_dir: str) -> None:
        """Close the open descriptors of ``rel_dir`` and the folders below it."""
        for key in [k for k in self._fds if k == rel_dir or k.startswith(rel_dir + "/")]:
            os.close(self._fds.pop(key))

    def keep(self, rel_dir: str, name: str, backup: str) -> None:
        """Keep the current ``name`` as ``backup`` (a hard link, so ``name`` never disappears;
        a rename where the file system has no hard links)."""
        fd = self._need_dir(rel_dir)
        shown = self.show(f"{rel_dir}/{name}" if rel_dir else name)
        try:
            os.link(name, backup, src_dir_fd=fd, dst_dir_fd=fd, follow_symlinks=False)
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise OutputError(f"cannot keep a copy of {shown}: {error.strerror}") from error
            with os_errors("keep a copy of", shown):
                os.rename(name, backup, src_dir_fd=fd, dst_dir_fd=fd)

    def unlink(self, rel: str) -> bool:
        """Delete file ``rel``; True when it existed."""
        parent, name = split(rel)
        parent_fd = self.dir_fd(parent)
        if parent_fd is None:
            return False
        try:
            os.unlink(name, dir_fd=parent_fd)
        except FileNotFoundError:
            return False
        except OSError as error:
            raise OutputError(f"cannot delete {self.show(rel)}: {error.strerror}") from error
        return True

    def same_file(self, rel: str, other: str) -> bool:
        first, second = self.lstat(rel), self.lstat(other)
        return (
            first is not None
            and second is not None
            and (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)
        )


class RootOpener:
    """Opens (and with ``create``, makes) an output root given as a path, walking it one
    component at a time from the working directory or ``/`` and refusing symlinks on the way.
    Remembers the folders it created, so a failed run can remove them again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._fds: list[int] = []
        self.created: list[tuple[int, str]] = []  # (parent fd, name), outermost first

    def open(self, *, create: bool) -> Folder | None:
        absolute = self.root.is_absolute()
        parts = self.root.parts[1:] if absolute else self.root.parts
        shown = Path("/") if absolute else Path()
        with os_errors("open folder", str(shown)):
            fd = os.open(str(shown), _DIR)
        self._fds.append(fd)
        for part in parts:
            shown = shown / part
            made = part != ".." and self._check(fd, part, shown, create)
            if made is None:
                return None
            with os_errors("open folder", str(shown)):
                fd = os.open(part, _DIR | _NOFOLLOW, dir_fd=fd)
            self._fds.append(fd)
            if made:
                with os_errors("set the mode of", str(shown)):
                    os.fchmod(fd, FOLDER_MODE)
        return Folder(self.root, os.dup(fd), fresh=bool(self.created))

    def _check(self, fd: int, part: str, shown: Path, create: bool) -> bool | None:
        """Whether component ``part`` had to be created (None: missing, not created); a
        symlink or a file is refused."""
        info = self._lstat(fd, part, shown)
        made = False
        if info is None:
            if not create:
                return None
            made = self._mkdir(fd, part, shown)
            info = self._lstat(fd, part, shown)
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise OutputError(
                f"refusing to use {self.root} as the output folder: {shown} is a symlink"
                " (modelgen never writes or reads through one)"
            )
        if info is None or not stat.S_ISDIR(info.st_mode):
            raise OutputError(
                f"cannot use {self.root} as the output folder: {shown} is not a folder"
            )
        return made

    def _lstat(self, fd: int, name: str, shown: Path) -> os.stat_result | None:
        try:
            return os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise OutputError(f"cannot inspect {shown}: {error.strerror}") from error

    def _mkdir(self, fd: int, name: str, shown: Path) -> bool:
        try:
            os.mkdir(name, FOLDER_MODE, dir_fd=fd)
        except FileExistsError:
            return False  # made by someone else meanwhile
        except OSError as error:
            raise OutputError(f"cannot create folder {shown}: {error.strerror}") from error
        self.created.append((fd, name))
        return True

    def remove_created(self) -> None:
        """Remove the folders this opener created, innermost first, if they are empty."""
        for parent_fd, name in reversed(self.created):
            try:
                os.rmdir(name, dir_fd=parent_fd)
            except OSError:
                break
        self.created.clear()

    def close(self) -> None:
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()


@contextlib.contextmanager
def opened_root(root: Path, *, create: bool) -> Iterator[Folder | None]:
    """The output root opened for the ``with`` block (None when it does not exist and
    ``create`` is false). When the block fails, folders created for it are removed again."""
    opener = RootOpener(root)
    try:
        folder = opener.open(create=create)
        try:
            yield folder
        finally:
            if folder is not None:
                folder.close()
    except BaseException:
        opener.remove_created()
        raise
    finally:
        opener.close()
