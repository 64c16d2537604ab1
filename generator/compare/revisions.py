"""Reading a source as it was at a git revision: ``REV:path`` arguments of ``modelgen diff``.

``path`` is read as git reads it: from the repository's root (``main:api/openapi.yaml`` from
any folder of the repository), or from the current folder when it starts with ``./`` or
``../`` (``main:./openapi.yaml`` from ``api/``). The file (or folder) is exported with the
other spec files beside it (``.yaml``, ``.yml``, ``.json`` in its folder tree, for multi-file
specs; every file for a folder) into a temporary folder, read with one ``git cat-file
--batch`` call. Nothing else in the repository is touched.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path, PurePosixPath

from generator.errors import ModelgenError
from generator.ir import Model, ModelSet, ObjectModel, Source

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
MAX_FILES = 5000


def split_revision(argument: str) -> tuple[str, str] | None:
    """``("main", "openapi.yaml")`` for ``main:openapi.yaml``; None for a plain path (one that
    exists, has no colon, or looks like a Windows drive such as ``C:\\x``)."""
    if Path(argument).exists() or ":" not in argument:
        return None
    revision, path = argument.split(":", 1)
    if not revision or (re.fullmatch(r"[A-Za-z]", revision) and path[:1] in ("\\", "/")):
        return None
    return revision, path


def at_revision(revision: str, path: str) -> str:
    """The ``REV:path`` argument for a path given as usual, from the current folder (as
    ``--base`` takes it): ``main:./openapi.yaml`` for ``openapi.yaml``."""
    if Path(path).is_absolute() or path.startswith(("./", "../")) or path in (".", ".."):
        return f"{revision}:{path}"
    return f"{revision}:./{path}"


def _from_here(path: str) -> bool:
    return path in (".", "..") or path.startswith(("./", "../"))


def _git(args: list[str], cwd: Path, what: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError as error:
        raise ModelgenError(f"git is not installed: cannot read {what}") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ModelgenError(f"git: {message[-1] if message else 'failed'}", Source(what))
    return done.stdout


@contextmanager
def checkout(revision: str, path: str, cwd: Path | None = None) -> Iterator[tuple[Path, str]]:
    """Yield a temporary path holding ``path`` as it was at ``revision``, and the path from
    the repository's root (``path`` is read from there, or from ``cwd`` when it starts with
    ``./`` or ``../``, as git reads it)."""
    cwd = Path.cwd() if cwd is None else cwd
    what = f"{revision}:{path}"
    probe = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, check=False
    )
    if probe.returncode != 0:
        raise ModelgenError(
            "not inside a git repository, so a REV:path cannot be read", Source(what)
        )
    top = Path(probe.stdout.decode().strip()).resolve()
    known = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        cwd=cwd,
        capture_output=True,
        check=False,
    )
    if known.returncode != 0:
        raise ModelgenError(f"unknown git revision {revision!r}", Source(what))
    if Path(path).is_absolute():
        absolute = Path(os.path.normpath(path))
    else:
        absolute = Path(os.path.normpath((cwd.resolve() if _from_here(path) else top) / path))
    try:
        relative = PurePosixPath(absolute.relative_to(top).as_posix())
    except ValueError as error:
        raise ModelgenError("the path is outside the git repository", Source(what)) from error
    rel = relative.as_posix()
    kind = _git(["cat-file", "-t", f"{revision}:{rel}" if rel != "." else revision], cwd, what)
    is_file = kind.strip() == b"blob"
    folder = relative.parent if is_file else relative
    listed = _git(["ls-tree", "-r", "-z", "--name-only", revision, "--", f"{folder}/"], top, what)
    names = [n for n in listed.decode("utf-8", "surrogateescape").split("\0") if n]
    if is_file:
        names = [n for n in names if n.endswith(SPEC_SUFFIXES)] or [rel]
        if rel not in names:
            names.append(rel)
    if len(names) > MAX_FILES:
        raise ModelgenError(f"more than {MAX_FILES} files to export", Source(what))
    batch = "".join(f"{revision}:{name}\n" for name in names).encode()
    blobs = _git(["cat-file", "--batch"], top, what, stdin=batch)
    with tempfile.TemporaryDirectory(prefix="modelgen-diff-") as temp:
        root = Path(temp)
        offset = 0
        for name in names:
            header_end = blobs.index(b"\n", offset)
            header = blobs[offset:header_end].split()
            if header[-1] == b"missing":
                offset = header_end + 1
                continue
            size = int(header[2])
            start = header_end + 1
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blobs[start : start + size])
            offset = start + size + 1
        yield root / rel, rel


def name_files(
    models: ModelSet, folder: Path, shown_folder: str, revision: str | None = None
) -> tuple[ModelSet, dict[str, Path]]:
    """Source file names, which loaders give relative to the spec's ``folder`` (or absolute,
    or as they walked the folder from the current one: ``docs/Pet.md`` for ``docs``), turned
    into the paths the user typed (``shown_folder``/name, or ``REV:folder/name``), so that
    both versions' files stay apart and temporary checkouts never show. Also returns where
    each shown name can be read now."""
    files: dict[str, Path] = {}

    def shown(name: str) -> str:
        path = Path(name)
        if not path.is_absolute() and not (folder / path).exists() and path.exists():
            path = path.absolute()  # a loader that names files as it walked them, from here
        if path.is_absolute():
            try:
                name = path.relative_to(folder.absolute()).as_posix()
            except ValueError:
                return name
        label = posixpath.normpath(posixpath.join(shown_folder or ".", name))
        if revision is not None:
            label = f"{revision}:{label}"
        files[label] = folder / name
        return label

    cache: dict[str, str] = {}

    def fix(source: Source) -> Source:
        if source.file not in cache:
            cache[source.file] = shown(source.file)
        name = cache[source.file]
        return source if name == source.file else Source(name, source.pointer, source.line)

    def fix_model(model: Model) -> Model:
        # Only what is renamed is rebuilt: a spec given by its plain path keeps its names.
        if isinstance(model, ObjectModel):
            fields = tuple(
                f if (s := fix(f.source)) is f.source else replace(f, source=s)
                for f in model.fields
            )
            renamed = any(new is not old for new, old in zip(fields, model.fields, strict=True))
            if renamed or fix(model.source) is not model.source:
                return replace(model, source=fix(model.source), fields=fields)
            return model
        source = fix(model.source)
        return model if source is model.source else replace(model, source=source)

    renamed = replace(
        models,
        models=tuple(fix_model(m) for m in models.models),
        source=fix(models.source),
        diagnostics=tuple(replace(d, source=fix(d.source)) for d in models.diagnostics),
    )
    return renamed, files


def load_version(
    argument: str, load: Callable[[Path], ModelSet], stack: ExitStack
) -> tuple[ModelSet, dict[str, Path]]:
    """Load one side of a diff: a path, or ``REV:path`` checked out into a temporary folder
    that lives as long as ``stack``. File names in the result are as the user gave them;
    also returns where each can be read (for line numbers)."""
    revision = split_revision(argument)
    path, shown = Path(argument), argument
    if revision is not None:
        path, shown = stack.enter_context(checkout(*revision))
    folder, shown_folder = path, shown
    if path.is_file():
        folder, shown_folder = path.parent, os.path.dirname(shown)
    return name_files(load(path), folder, shown_folder, revision[0] if revision else None)
