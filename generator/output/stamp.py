"""The no-op fast path of ``generate``: an output folder that is known current is left alone
without loading the source.

After a ``generate`` run, :func:`record` writes ``.modelgen-stamp`` into the output folder,
beside the manifest: a digest of everything that determines the output, and the size and
modification time of every file the manifest lists (and of the manifest). The digest covers

- the run's key (:func:`run_key`): the command's options that shape the output, the working
  folder, the Python and modelgen versions, the size and modification time of every file
  of the modelgen package (its code and its templates, built-in or edited in place) and of
  the installed files of the libraries that shape the output (:data:`LIBRARIES`: black, for
  one, formats user-configured Python);
- the bytes (SHA-256) of every input file the loaders read, ``$ref``'ed files included, and
  the files a ``$ref`` named that were absent (:func:`generator.sources.reading.recording`).

The next run asks :func:`current`: when the key and every input's bytes match, no update is
unfinished or running, and every listed file is there, a regular file reached through no
symlink, with its recorded size and modification time, the folder holds exactly what a full run
would write, and ``generate`` (or ``generate --check``) returns at once, repeating the warnings
of the run that wrote the stamp. Any doubt is a full run: a missing, unreadable or foreign
stamp, a source that is a folder (which files it holds is part of the input) or no regular
file, a file system whose timestamps are too coarse to tell a later edit apart. An update of the
folder needs no step of its own: it writes or deletes a listed file, or the manifest, so the
stamp no longer matches until the run that made the update records a new one (an update rolled
back puts the very same files back, and the stamp is right again). ``--no-cache`` ignores it.
Like the manifest, the stamp is untrusted data: anything in it that does not have the expected
shape is a full run, never an error.

The stamp holds modification times, which no two checkouts share: it is a cache, not part of
the output, and does not belong in version control (the manifest does).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.ir import Diagnostic, Source
from generator.output.folder import Folder, OutputError, opened_root
from generator.output.paths import JOURNAL, JOURNAL_TEMP, LOCK, MANIFEST, STAMP

FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024
STAMP_TEMP = STAMP + ".tmp"

# The folders whose files determine the output besides the inputs: modelgen's own package
# (code and templates). A custom template folder, once there is one, belongs in the key.
CODE_FOLDERS: tuple[Path, ...] = (Path(__file__).resolve().parent.parent,)

# The libraries whose version can change the output: black formats user-configured Python,
# datamodel-code-generator writes the pydantic target, Jinja renders, the YAML readers parse.
# Their installed files (size and time of each package's __init__.py, found without importing
# it) are in the key, so that upgrading one is a full run.
LIBRARIES = ("black", "datamodel_code_generator", "jinja2", "yaml", "yaml_rs")

# Options of `generate` that shape nothing in the output folder.
NOT_IN_KEY = frozenset({"func", "report", "check", "force", "quiet", "debug", "no_cache"})

# A file modified within this many nanoseconds of the moment it is stamped could be modified
# again without its time changing (file system timestamps are taken from a coarse clock).
RACY_NS = 50_000_000


@dataclass(frozen=True)
class Stamp:
    generated: int  # generated files (the manifest not counted)
    warnings: tuple[Diagnostic, ...]
    note: str  # what the run that wrote it added to its summary line


def code_fingerprint(folders: Sequence[Path] = ()) -> list[tuple[str, int, int]]:
    """Every file under :data:`CODE_FOLDERS` and ``folders`` (bytecode caches left out):
    path, size, mtime."""
    found: list[tuple[str, int, int]] = []
    for folder in (*CODE_FOLDERS, *folders):
        for top, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                info = os.stat(os.path.join(top, name))
                found.append((os.path.join(top, name), info.st_size, info.st_mtime_ns))
    return found


def library_fingerprint() -> list[tuple[str, str, int, int]]:
    """For each of :data:`LIBRARIES` installed: name, the file it is imported from, its size
    and modification time (an upgrade rewrites it)."""
    found: list[tuple[str, str, int, int]] = []
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        if origin is None or not os.path.isfile(origin):
            found.append((name, "", 0, 0))
            continue
        info = os.stat(origin)
        found.append((name, origin, info.st_size, info.st_mtime_ns))
    return found


def run_key(options: Mapping[str, object], folders: Sequence[Path] = ()) -> str:
    """The digest of what determines a run's output besides its input files: ``options`` (a
    job, or the parsed command line; those in :data:`NOT_IN_KEY` left out), the working
    folder, the Python and modelgen versions, modelgen's own files and those of ``folders``
    (the user's templates)."""
    parts = {
        "options": {k: repr(v) for k, v in sorted(options.items()) if k not in NOT_IN_KEY},
        "cwd": os.getcwd(),
        "python": sys.version,
        "modelgen": __version__,
        "code": code_fingerprint(folders),
        "libraries": library_fingerprint(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


# --- the fast path --------------------------------------------------------------------------


def current(root: Path, key: str) -> Stamp | None:
    """The stamp of ``root`` when the folder is known to hold what a run with ``key`` would
    write; None on any doubt."""
    try:
        with opened_root(root, create=False) as folder:
            if folder is None:
                return None
            return _current_in(folder, key)
    except (OutputError, OSError, ValueError, TypeError, KeyError):
        return None


def _current_in(folder: Folder, key: str) -> Stamp | None:
    if any(folder.lstat(rel) is not None for rel in (LOCK, JOURNAL, JOURNAL_TEMP)):
        return None
    if not folder.is_file(STAMP):
        return None
    data = json.loads(folder.read(STAMP, MAX_BYTES))
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return None
    inputs, files = data["inputs"], data["files"]
    if not isinstance(inputs, dict) or not isinstance(files, dict) or MANIFEST not in files:
        return None
    for path, digest in inputs.items():
        if digest is None:
            if os.path.isfile(path):
                return None
        elif not os.path.isfile(path) or _sha256(Path(path)) != digest:
            return None
    for rel, (size, mtime) in files.items():
        if rel.startswith("/") or ".." in rel.split("/"):
            return None  # only ever stat()ed, never written: staying inside is all to check
        info = folder.lstat(rel)
        if (
            info is None
            or not stat.S_ISREG(info.st_mode)
            or info.st_size != size
            or info.st_mtime_ns != mtime
        ):
            return None
    warnings = tuple(
        Diagnostic(message, Source(file, pointer, line), code, degraded)
        for file, pointer, line, code, message, degraded in data["warnings"]
    )
    note = data.get("note", "")
    return Stamp(generated=len(files) - 1, warnings=warnings, note=str(note))


def _sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# --- recording ------------------------------------------------------------------------------


def record(
    root: Path,
    key: str,
    source: Path,
    inputs: Mapping[str, str | None],
    files: Iterable[str],
    warnings: Iterable[Diagnostic],
    note: str = "",
) -> bool:
    """After a run that made ``root`` hold ``files``: write its stamp (True), unless there is
    doubt (False): ``source`` is no regular file, an input was no regular file, the folder's
    files were changed too recently to be told apart from a later edit, or it cannot be
    written (a cache: that is no error)."""
    if not source.is_file() or any(d is not None and len(d) != 64 for d in inputs.values()):
        return False
    if os.path.abspath(source) not in inputs:
        return False
    listed = [*sorted(files), MANIFEST]
    try:
        with opened_root(root, create=False) as folder:
            if folder is None:
                return False
            stamps = _stamps(folder, listed)
            if stamps is None:
                return False
            text = json.dumps(
                {
                    "format": FORMAT,
                    "key": key,
                    "inputs": dict(sorted(inputs.items())),
                    "files": stamps,
                    "note": note,
                    "warnings": [
                        [
                            w.source.file,
                            w.source.pointer,
                            w.source.line,
                            w.code,
                            w.message,
                            w.degraded,
                        ]
                        for w in warnings
                    ],
                },
                separators=(",", ":"),
            )
            _replace(folder, text.encode("utf-8"))
    except (OutputError, OSError):
        return False
    return True


def _stamps(folder: Folder, listed: list[str]) -> dict[str, tuple[int, int]] | None:
    """Size and mtime of every listed file, taken when each is older than :data:`RACY_NS`
    (waiting that long once if needed); None when that cannot be had."""
    for _ in range(2):
        now = time.time_ns()
        stamps: dict[str, tuple[int, int]] = {}
        for rel in listed:
            info = folder.lstat(rel)
            if info is None or not stat.S_ISREG(info.st_mode):
                return None
            stamps[rel] = (info.st_size, info.st_mtime_ns)
        newest = max(mtime for _, mtime in stamps.values())
        if all(mtime % 1_000_000 == 0 for _, mtime in stamps.values()):
            return None  # timestamps in milliseconds or coarser: too coarse to trust
        if newest < now - RACY_NS:
            return stamps
        time.sleep(RACY_NS / 1e9)
    return None


def _replace(folder: Folder, data: bytes) -> None:
    if folder.is_file(STAMP) and folder.read(STAMP, len(data) + 1) == data:
        return
    folder.unlink(STAMP_TEMP)
    folder.create(STAMP_TEMP, data)
    folder.rename("", STAMP_TEMP, STAMP)
