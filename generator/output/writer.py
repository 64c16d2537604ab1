"""Writing generated files into an output folder, and checking that one is current.

:func:`write_tree` makes an output folder hold the generated files, atomically and never
touching anything modelgen did not write:

1. Every generated path is checked (:func:`generator.output.paths.validate_relpath`); the root
   is opened, or created, refusing any symlink on the way (:mod:`generator.output.folder`).
2. A run that finds nothing to change, and no other run at work, returns without writing
   anything at all (not even the lock file).
3. Otherwise it takes the folder's lock (:mod:`generator.output.lock`), undoes or finishes an
   update an earlier run left unfinished (:mod:`generator.output.journal`), and plans again.
4. The update: the journal, then every changed file as a temp file in its own folder, the
   journal again (state ``commit``), the renames, the journal again (``done``), the cleanup.
   Any failure before ``done`` — an OS error, an exception, an interrupt — rolls the folder
   back to exactly what it was, folders created for the run included; a run killed outright
   is rolled back by the next run.

A file that exists but is not in the previous manifest belongs to the user: replacing it is
refused unless ``force``. Files of the previous manifest that are no longer generated are
deleted; nothing else ever is.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import Diagnostic
from generator.output.folder import (
    Folder,
    NotAFolder,
    OutputError,
    SymlinkInPath,
    opened_root,
)
from generator.output.journal import (
    Entry,
    Journal,
    State,
    finish,
    journal_exists,
    read_journal,
    recover,
    roll_back,
    write_journal,
)
from generator.output.lock import locked
from generator.output.manifest import manifest_text, read_manifest_in
from generator.output.paths import (
    JOURNAL_TEMP,
    LOCK,
    MANIFEST,
    ancestors,
    parent_of,
    split,
    validate_relpath,
)

# Tests only: called after each step of an update with the step's name and count, to inject
# a failure or kill the process there. None in every normal run.
STEP_HOOK: Callable[[str, int], None] | None = None

# Temp files of modelgen versions before the journal (tempfile.mkstemp names). They are
# removed as leftovers too.
_OLD_TEMP = re.compile(r"\.modelgen-[a-z0-9_]{8}\.tmp")


def _step(name: str, count: int = 0) -> None:
    if STEP_HOOK is not None:
        STEP_HOOK(name, count)


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...] = ()  # generated paths written (the manifest not counted)
    deleted: tuple[str, ...] = ()  # paths of the previous manifest deleted
    warnings: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    leftover: tuple[str, ...] = ()  # temp files of an unfinished update
    interrupted: bool = False  # an update did not finish (or is running right now)
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra or self.leftover or self.interrupted)

    def lines(self) -> list[str]:
        return (
            (["interrupted: an update of this folder did not finish"] if self.interrupted else [])
            + [f"stale: {p}" for p in self.stale]
            + [f"missing: {p}" for p in self.missing]
            + [f"extra: {p}" for p in self.extra]
            + [f"leftover: {p}" for p in self.leftover]
        )


@dataclass
class Plan:
    writes: list[tuple[str, bytes, bool]] = field(default_factory=list)  # path, bytes, existed
    deletes: list[str] = field(default_factory=list)
    dirs: list[str] = field(default_factory=list)  # to create, outermost first
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.writes or self.deletes)

    def put_in_order(self, dirs: set[str]) -> None:
        """The order an update takes: the manifest written last, ``dirs`` (the folders to
        create) outermost first."""
        self.writes.sort(key=lambda write: write[0] == MANIFEST)
        self.dirs = sorted(dirs, key=lambda d: (d.count("/"), d))


# --- public ---------------------------------------------------------------------------------


def write_tree(root: Path, files: Mapping[str, str], *, force: bool = False) -> WriteResult:
    """Make ``root`` hold ``files`` (relative POSIX path -> text) and their manifest."""
    payload = _payload(files)
    with opened_root(root, create=True) as folder:
        assert folder is not None
        if not folder.fresh and _idle(folder):
            plan = plan_update(folder, payload, force=force)
            if plan.empty and _idle(folder) and not _old_temps(folder, payload):
                return WriteResult(warnings=tuple(plan.warnings))
        with locked(folder):
            recover(folder)
            for rel in _old_temps(folder, payload):
                folder.unlink(rel)
            plan = plan_update(folder, payload, force=force)
            if not plan.empty:
                _apply(folder, plan)
    return WriteResult(
        written=tuple(rel for rel, _, _ in plan.writes if rel != MANIFEST),
        deleted=tuple(plan.deletes),
        warnings=tuple(plan.warnings),
    )


def check_tree(root: Path, files: Mapping[str, str]) -> CheckResult:
    """Compare ``root`` with what :func:`write_tree` would make of it, writing nothing."""
    payload = _payload(files)
    with opened_root(root, create=False) as folder:
        if folder is None:
            return CheckResult(missing=tuple(sorted(files)))
        interrupted = not _idle(folder, lock=False)
        leftover = _leftovers(folder, payload)
        plan = plan_update(folder, payload, force=True)
        interrupted = interrupted or not _idle(folder, lock=False)
    stale = [rel for rel, _, existed in plan.writes if existed and rel != MANIFEST]
    missing = [rel for rel, _, existed in plan.writes if not existed and rel != MANIFEST]
    manifest_differs = any(rel == MANIFEST for rel, _, _ in plan.writes)
    if manifest_differs and files and not (stale or missing or plan.deletes):
        stale.append(MANIFEST)
    return CheckResult(
        stale=tuple(stale),
        missing=tuple(missing),
        extra=tuple(plan.deletes),
        leftover=tuple(leftover),
        interrupted=interrupted,
        warnings=tuple(plan.warnings),
    )


def read_manifest(root: Path) -> set[str]:
    """The paths the manifest of ``root`` lists and modelgen would act on."""
    with opened_root(root, create=False) as folder:
        return set(read_manifest_in(folder).entries)


# --- planning -------------------------------------------------------------------------------


def _payload(files: Mapping[str, str]) -> dict[str, bytes]:
    folded: dict[str, str] = {}
    for rel in files:
        validate_relpath(rel)
        if rel.casefold() in folded:
            raise ModelgenError(
                f"two generated files differ only in case: {folded[rel.casefold()]!r} and {rel!r}"
            )
        folded[rel.casefold()] = rel
    payload = {rel: text.encode("utf-8") for rel, text in files.items()}
    payload[MANIFEST] = manifest_text(files).encode("utf-8")
    return payload


def plan_update(folder: Folder, payload: Mapping[str, bytes], *, force: bool) -> Plan:
    """What must change for ``folder`` to hold ``payload``, reading but writing nothing."""
    if folder.fresh:  # the root was created by this run: everything is new
        return _fresh_plan(payload)
    manifest = read_manifest_in(folder)
    plan = Plan()
    missing_dirs: set[str] = set()
    for rel in sorted(payload):
        data = payload[rel]
        shown = folder.show(rel)
        try:
            info = folder.lstat(rel)
            if info is None:
                for rel_dir in ancestors(parent_of(rel)):
                    if rel_dir in missing_dirs or folder.dir_fd(rel_dir) is None:
                        missing_dirs.add(rel_dir)
        except SymlinkInPath as error:
            raise OutputError(
                f"refusing to write {shown}: {error} (modelgen never writes through one)"
            ) from None
        except NotAFolder as error:
            raise OutputError(f"cannot write {shown}: {error}") from None
        if info is None:
            plan.writes.append((rel, data, False))
            continue
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(
                f"refusing to write {shown}: it is a symlink (modelgen never writes through one)"
            )
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"refusing to replace {shown}: it is not a regular file")
        if rel != MANIFEST and rel not in manifest.entries and not force:
            raise ModelgenError(
                f"refusing to overwrite {shown}: it was not written by modelgen"
                " (not in its manifest); move it away or pass --force"
            )
        if info.st_size != len(data) or folder.read(rel, len(data) + 1) != data:
            plan.writes.append((rel, data, True))
    for rel in sorted(manifest.entries.keys() - payload.keys()):
        try:
            info = folder.lstat(rel)
        except SymlinkInPath:
            manifest.warn(rel, "passes through a symlink")
            continue
        except NotAFolder:
            continue
        if info is not None and stat.S_ISLNK(info.st_mode):
            manifest.warn(rel, "is a symlink")
        elif info is not None and stat.S_ISREG(info.st_mode):
            plan.deletes.append(rel)
    plan.put_in_order(missing_dirs)
    plan.warnings = manifest.warnings
    return plan


def _fresh_plan(payload: Mapping[str, bytes]) -> Plan:
    """The plan of :func:`plan_update` for a root that was empty when opened: every file is
    written, every folder made."""
    plan = Plan()
    plan.writes = [(rel, payload[rel], False) for rel in sorted(payload)]
    plan.put_in_order({d for rel in payload for d in ancestors(parent_of(rel))})
    return plan


def _idle(folder: Folder, *, lock: bool = True) -> bool:
    """No other run holds (or left) the lock, and no update is unfinished."""
    return not (lock and folder.lstat(LOCK) is not None) and not journal_exists(folder)


def _folders(payload: Mapping[str, bytes]) -> list[str]:
    return sorted({parent_of(rel) for rel in payload})


def _old_temps(folder: Folder, payload: Mapping[str, bytes]) -> list[str]:
    """Temp files left by modelgen versions before the journal, in the generated folders."""
    found: list[str] = []
    for rel_dir in _folders(payload):
        try:
            names = folder.names(rel_dir)
        except (SymlinkInPath, NotAFolder):
            continue
        for name in sorted(names):
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if _OLD_TEMP.fullmatch(name) and folder.is_file(rel):
                found.append(rel)
    return found


def _leftovers(folder: Folder, payload: Mapping[str, bytes]) -> list[str]:
    """Every temp file a later run would remove."""
    found = _old_temps(folder, payload)
    if folder.is_file(JOURNAL_TEMP):
        found.append(JOURNAL_TEMP)
    try:
        journal = read_journal(folder)
    except OutputError:
        journal = None  # reported as an interrupted update
    if journal is not None:
        for rel in journal.leftovers():
            try:
                if folder.is_file(rel):
                    found.append(rel)
            except (SymlinkInPath, NotAFolder):
                continue
    return sorted(found)


# --- the update -----------------------------------------------------------------------------


def _apply(folder: Folder, plan: Plan) -> None:
    data = {rel: content for rel, content, _ in plan.writes}
    entries = [Entry("write", rel, existed) for rel, _, existed in plan.writes]
    entries += [Entry("delete", rel, True) for rel in plan.deletes]
    journal = Journal.new(plan.dirs, entries)
    write_journal(folder, journal)  # if this fails, nothing has changed
    try:
        _step("prepared")
        for rel_dir in journal.dirs:
            folder.mkdir(journal.building(rel_dir))
        for n, entry in enumerate(journal.entries):
            if entry.op == "write":
                folder.create(journal.temp(n), data[entry.path])
                _step("temp", n + 1)
        journal = _advance(folder, journal, "commit")
        _step("committed")
        waiting = set(journal.tops())  # new folders not yet in place
        for n, entry in enumerate(journal.entries):
            rel_dir, name = split(entry.path)
            temp, backup = split(journal.temp(n))[1], split(journal.backup(n))[1]
            top = journal.top(entry.path)
            if top is not None:  # moved in with its new folder, all at once
                if top in waiting:
                    folder.move_folder(journal.building(top), top)
                    waiting.discard(top)
            elif entry.op == "delete":
                folder.rename(rel_dir, name, backup)
            else:
                if entry.existed:
                    folder.keep(rel_dir, name, backup)
                folder.rename(rel_dir, temp, name)
            _step("renamed", n + 1)
        journal = _advance(folder, journal, "done")
    except BaseException as error:
        _roll_back_after(folder, journal, error)
        raise
    _step("done")
    try:
        finish(folder, journal)
    except OutputError as error:
        raise OutputError(
            f"{error} (the update itself is complete; the next run removes what is left)"
        ) from error


def _advance(folder: Folder, journal: Journal, state: State) -> Journal:
    moved = journal.at(state)
    write_journal(folder, moved)
    return moved


def _roll_back_after(folder: Folder, journal: Journal, error: BaseException) -> None:
    try:
        roll_back(folder, journal)
    except Exception as undo_error:
        raise OutputError(
            f"{error}; undoing the update failed too ({undo_error}); the next run undoes it"
        ) from error
