"""The update journal (``.modelgen-journal``): how an update that was interrupted — killed,
out of disk, a power cut between two renames — is undone by the next run.

An update writes the journal (atomically: a temporary file renamed into place) before it
creates anything, rewrites it in state ``commit`` once every new file is written as a temp
file, and in state ``done`` once every rename is made. It names, by position, the temp file
(``.modelgen-<run>-<n>.tmp``) and the kept old version (``.modelgen-<run>-<n>.old``) of each
changed path, in the path's own folder, and the folders the update creates. A folder the
update creates is built whole under a temp name (its outermost new folder
``.modelgen-<run>-d<k>.tmp``, ``k`` its position among the new folders), its files at their
own names inside, and renamed into place in one step: one rename for a whole new tree instead
of one per file. Those, and the journal's own temp file, are the only leftovers a run removes.

- ``prepare`` or ``commit``: :func:`roll_back` puts every old file back, removes every new file,
  temp file and created folder: the folder is again exactly what it was.
- ``done``: :func:`finish` removes the kept old versions and the folders emptied by deletions.

Like the manifest, a journal read from disk is untrusted: every path in it must pass
:func:`generator.output.paths.path_problem`, or the journal is refused as damaged.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from generator.output.folder import Folder, OutputError, SymlinkInPath
from generator.output.paths import (
    JOURNAL,
    JOURNAL_TEMP,
    MANIFEST,
    parent_of,
    path_problem,
    split,
)

State = Literal["prepare", "commit", "done"]
Op = Literal["write", "delete"]
STATES: tuple[State, ...] = ("prepare", "commit", "done")
VERSION = 2  # 1: no staged folders (every new file renamed into place on its own)
MAX_BYTES = 64 * 1024 * 1024
_RUN = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class Entry:
    op: Op
    path: str
    existed: bool  # a write that replaces a file (its old version is kept until done)


@dataclass(frozen=True)
class Journal:
    run: str
    state: State
    dirs: tuple[str, ...]  # folders this update creates, outermost first
    entries: tuple[Entry, ...]
    staged: bool = True  # new folders are built under a temp name (a version 2 journal)

    @staticmethod
    def new(dirs: list[str], entries: list[Entry]) -> Journal:
        return Journal(secrets.token_hex(8), "prepare", tuple(dirs), tuple(entries))

    def at(self, state: State) -> Journal:
        return replace(self, state=state)

    @cached_property
    def _tops(self) -> dict[str, str]:
        """Each outermost new folder -> the temp name it is built under."""
        new = set(self.dirs)
        return {
            rel_dir: _join(parent_of(rel_dir), f".modelgen-{self.run}-d{k}.tmp")
            for k, rel_dir in enumerate(self.dirs)
            if self.staged and parent_of(rel_dir) not in new
        }

    def top(self, rel: str) -> str | None:
        """The outermost new folder that ``rel`` (a path or a folder) lies in, or None."""
        parts = rel.split("/")
        for depth in range(1, len(parts) + 1):
            candidate = "/".join(parts[:depth])
            if candidate in self._tops:
                return candidate
        return None

    def building(self, rel: str) -> str:
        """Where ``rel`` is while the update builds it: inside the temp name of its outermost
        new folder, or ``rel`` itself when it lies in no new folder."""
        top = self.top(rel)
        return rel if top is None else self._tops[top] + rel[len(top) :]

    def tops(self) -> list[str]:
        """The outermost new folders (each built under its temp name), in ``dirs`` order."""
        return list(self._tops)

    def temp(self, n: int) -> str:
        """Where the new bytes of entry ``n`` are written before the rename (of the file, or
        of the new folder it lies in)."""
        path = self.entries[n].path
        building = self.building(path)
        if building != path:  # in a new folder: moved in with it
            return building
        folder, _ = split(path)
        return _join(folder, f".modelgen-{self.run}-{n}.tmp")

    def backup(self, n: int) -> str:
        """Where the old file of entry ``n`` is kept until the update is done."""
        folder, _ = split(self.entries[n].path)
        return _join(folder, f".modelgen-{self.run}-{n}.old")

    def leftovers(self) -> list[str]:
        return [name for n in range(len(self.entries)) for name in (self.temp(n), self.backup(n))]


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


# --- on disk ----------------------------------------------------------------------------------


def write_journal(folder: Folder, journal: Journal) -> None:
    """Replace the journal atomically with ``journal``."""
    data = json.dumps(
        {
            "modelgen-journal": VERSION if journal.staged else 1,
            "run": journal.run,
            "state": journal.state,
            "dirs": list(journal.dirs),
            "entries": [[e.op, e.path, e.existed] for e in journal.entries],
        },
        separators=(",", ":"),
    ).encode("utf-8")
    folder.unlink(JOURNAL_TEMP)
    folder.create(JOURNAL_TEMP, data)
    try:
        folder.rename("", JOURNAL_TEMP, JOURNAL)
    except BaseException:
        with contextlib.suppress(OutputError):
            folder.unlink(JOURNAL_TEMP)
        raise


def read_journal(folder: Folder) -> Journal | None:
    """The journal of an interrupted update, or None. A damaged journal is an error: no run
    touches the folder until someone has looked at it."""
    if folder.lstat(JOURNAL) is None:
        return None
    if not folder.is_file(JOURNAL):
        raise _damaged(folder, "not a regular file")
    data = folder.read(JOURNAL, MAX_BYTES + 1)
    try:
        return _parse(json.loads(data.decode("utf-8")))
    except (ValueError, TypeError, KeyError) as error:
        raise _damaged(folder, str(error)) from None


def _damaged(folder: Folder, why: str) -> OutputError:
    return OutputError(
        f"{folder.show(JOURNAL)} is damaged ({why}): an earlier update of this folder did not"
        " finish and cannot be undone automatically; check the folder, then delete that file"
    )


def _parse(raw: object) -> Journal:
    if not isinstance(raw, dict) or raw.get("modelgen-journal") not in (1, VERSION):
        raise ValueError(f"not a version 1 or {VERSION} journal")
    run, state, dirs, entries = raw["run"], raw["state"], raw["dirs"], raw["entries"]
    if not isinstance(run, str) or not _RUN.fullmatch(run):
        raise ValueError("bad run id")
    if state not in STATES:
        raise ValueError(f"bad state {state!r}")
    if not isinstance(dirs, list) or not all(_ok(d) for d in dirs):
        raise ValueError("bad folder list")
    if not isinstance(entries, list):
        raise ValueError("bad entry list")
    parsed: list[Entry] = []
    for item in entries:
        if not isinstance(item, list) or len(item) != 3:
            raise ValueError(f"bad entry {item!r}")
        op, path, existed = item
        if op not in ("write", "delete") or not _ok(path) or not isinstance(existed, bool):
            raise ValueError(f"bad entry {item!r}")
        parsed.append(Entry(op, path, existed))
    staged = raw["modelgen-journal"] == VERSION
    return Journal(run, state, tuple(dirs), tuple(parsed), staged)


def _ok(path: object) -> bool:
    return isinstance(path, str) and (path == MANIFEST or path_problem(path) is None)


# --- undoing and finishing --------------------------------------------------------------------


def roll_back(folder: Folder, journal: Journal) -> None:
    """Undo an update in state ``prepare`` or ``commit``: afterwards the folder holds exactly
    what it held before the update began, and no journal."""
    for n in reversed(range(len(journal.entries))):
        with contextlib.suppress(SymlinkInPath):  # not a folder this update made or used
            _undo(folder, journal, n)
    for rel_dir in reversed(journal.dirs):
        with contextlib.suppress(SymlinkInPath):
            building = journal.building(rel_dir)
            if building != rel_dir:
                folder.rmdir(building)
            folder.rmdir(rel_dir)
    folder.unlink(JOURNAL)


def _undo(folder: Folder, journal: Journal, n: int) -> None:
    entry = journal.entries[n]
    temp, backup = journal.temp(n), journal.backup(n)
    renamed = not folder.unlink(temp)  # in state commit, a missing temp file was renamed in
    if folder.is_file(backup):
        if folder.same_file(backup, entry.path):
            folder.unlink(backup)  # kept by a hard link and not replaced yet
        else:
            folder.rename(parent_of(entry.path), split(backup)[1], split(entry.path)[1])
    elif (
        entry.op == "write"
        and not entry.existed
        and journal.state == "commit"
        and renamed
        and folder.is_file(entry.path)
    ):
        folder.unlink(entry.path)


def finish(folder: Folder, journal: Journal) -> None:
    """Complete an update in state ``done``: remove the kept old files and the folders that
    deletions emptied, then the journal."""
    for n, entry in enumerate(journal.entries):
        # Every temp file was renamed in before "done"; old versions exist where one was kept.
        if entry.op == "delete" or entry.existed:
            with contextlib.suppress(SymlinkInPath):
                folder.unlink(journal.backup(n))
    emptied = {parent_of(e.path) for e in journal.entries if e.op == "delete"}
    for rel_dir in sorted(emptied, key=lambda d: -d.count("/")):
        with contextlib.suppress(SymlinkInPath):
            _prune(folder, rel_dir)
    folder.unlink(JOURNAL)


def _prune(folder: Folder, rel_dir: str) -> None:
    """Remove ``rel_dir`` and then its parents while they are empty (never the root)."""
    while rel_dir and folder.rmdir(rel_dir):
        rel_dir = parent_of(rel_dir)


def recover(folder: Folder) -> None:
    """Under the lock: undo or finish whatever update an earlier run left unfinished."""
    if folder.is_file(JOURNAL_TEMP):
        folder.unlink(JOURNAL_TEMP)
    journal = read_journal(folder)
    if journal is None:
        return
    if journal.state == "done":
        finish(folder, journal)
    else:
        roll_back(folder, journal)


def journal_exists(folder: Folder) -> bool:
    return folder.lstat(JOURNAL) is not None or folder.lstat(JOURNAL_TEMP) is not None
