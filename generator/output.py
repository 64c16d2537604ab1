"""Writing generated files: atomically, deterministically, and never touching files we did not
write.

Every output folder gets a manifest (``.modelgen-manifest``) listing the files modelgen wrote
there. A run renders everything in memory first; then writes each changed file to a temporary
file (mode 0600) in its target folder, renames them all into place, deletes the files of the
previous manifest that are no longer generated, and writes the new manifest last. A file whose
bytes are unchanged is not rewritten (its mtime stays). A failure before the renames removes the
temporary files and leaves the folder exactly as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ModelgenError

MANIFEST = ".modelgen-manifest"
_MANIFEST_HEADER = (
    "# Files written by modelgen. Do not edit: modelgen deletes only files listed here.\n"
)
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_BAD_PART = re.compile(r"[\x00-\x1f<>:\"\\|?*]")


@dataclass(frozen=True)
class CheckResult:
    stale: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra)

    def lines(self) -> list[str]:
        return (
            [f"stale: {p}" for p in self.stale]
            + [f"missing: {p}" for p in self.missing]
            + [f"extra: {p}" for p in self.extra]
        )


def validate_relpath(rel: str) -> None:
    """Refuse any generated path that could leave the output root or misbehave on a file
    system: emitters sanitise names, this is the last line of defence."""
    parts = PurePosixPath(rel).parts
    if not rel or rel.startswith("/") or not parts:
        raise ModelgenError(f"refusing to write unsafe path {rel!r}")
    for part in parts:
        if (
            part in (".", "..")
            or _BAD_PART.search(part)
            or _WINDOWS_RESERVED.match(part)
            or part.endswith((".", " "))
            or len(part.encode()) > 255
        ):
            raise ModelgenError(f"refusing to write unsafe path {rel!r}")


def _check_unique(files: Mapping[str, str]) -> None:
    seen: dict[str, str] = {}
    for rel in files:
        folded = rel.casefold()
        if folded in seen:
            raise ModelgenError(
                f"two generated files differ only in case: {seen[folded]!r} and {rel!r}"
            )
        seen[folded] = rel


def read_manifest(root: Path) -> set[str]:
    path = root / MANIFEST
    if not path.is_file() or path.is_symlink():
        return set()
    return {
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }


def _manifest_text(files: Mapping[str, str]) -> str:
    return _MANIFEST_HEADER + "".join(f"{rel}\n" for rel in sorted(files))


def _target(root: Path, rel: str) -> Path:
    """The path for ``rel`` under ``root``, refusing symlinks anywhere along the way."""
    path = root
    for part in PurePosixPath(rel).parts:
        path = path / part
        if path.is_symlink():
            raise ModelgenError(f"refusing to write through symlink {path}")
    return path


def _check_root(root: Path) -> None:
    if root.is_symlink():
        raise ModelgenError(f"refusing to write into {root}: the output folder is a symlink")
    if root.exists() and not root.is_dir():
        raise ModelgenError(f"output path {root} exists and is not a folder")


def check_tree(root: Path, files: Mapping[str, str]) -> CheckResult:
    """Compare ``root`` with what would be written, writing nothing."""
    stale: list[str] = []
    missing: list[str] = []
    for rel, text in sorted(files.items()):
        path = root / rel
        if not path.is_file():
            missing.append(rel)
        elif path.read_bytes() != text.encode("utf-8"):
            stale.append(rel)
    old = read_manifest(root)
    extra = sorted(rel for rel in old - set(files) if (root / rel).exists())
    if (root / MANIFEST).is_file() or files:
        manifest = root / MANIFEST
        if not manifest.is_file() or manifest.read_text(encoding="utf-8") != _manifest_text(files):
            if not (stale or missing or extra):
                stale.append(MANIFEST)
    return CheckResult(tuple(stale), tuple(missing), tuple(extra))


def write_tree(root: Path, files: Mapping[str, str], *, force: bool = False) -> list[str]:
    """Make ``root`` hold ``files`` (relative POSIX path -> text). Returns the paths written.

    A file that exists but is not in the previous manifest belongs to the user: writing over it
    is refused unless ``force``. Files of the previous manifest that are no longer generated are
    deleted; nothing else is.
    """
    for rel in files:
        validate_relpath(rel)
    _check_unique(files)
    _check_root(root)
    payload = dict(files)
    payload[MANIFEST] = _manifest_text(files)
    if not root.exists():
        return _write_new_folder(root, payload)
    old = read_manifest(root)

    changed: list[tuple[Path, bytes]] = []
    for rel, text in sorted(payload.items()):
        path = _target(root, rel)
        data = text.encode("utf-8")
        if path.exists():
            if not path.is_file():
                raise ModelgenError(f"refusing to replace {path}: it is not a regular file")
            if rel != MANIFEST and rel not in old and not force:
                raise ModelgenError(
                    f"refusing to overwrite {path}: it was not written by modelgen"
                    " (not in its manifest); move it away or pass --force"
                )
            if path.read_bytes() == data:
                continue
        changed.append((path, data))

    temps: list[tuple[str, Path]] = []
    try:
        for path, data in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".modelgen-", suffix=".tmp", dir=path.parent)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
    except BaseException:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
        raise
    # Manifest last: if anything before it fails, the old manifest still lists the old files.
    temps.sort(key=lambda item: item[1].name == MANIFEST)
    for tmp, path in temps:
        os.replace(tmp, path)

    for rel in sorted(old - set(files)):
        try:
            path = _target(root, rel)
        except ModelgenError:
            continue
        if path.is_file():
            path.unlink()
            _prune_empty_dirs(path.parent, root)
    return [str(path.relative_to(root)) for _, path in temps if path.name != MANIFEST]


def _write_new_folder(root: Path, payload: Mapping[str, str]) -> list[str]:
    """An output folder that does not exist yet is built whole in a private folder beside it
    (mode 0700 until done) and renamed into place: it appears complete or not at all, with one
    rename instead of one per file (a fresh checkout's build writes thousands of files)."""
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.modelgen-", dir=root.parent))
    try:
        folders = {staging}
        for rel, text in sorted(payload.items()):
            path = staging / rel
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
        staging.chmod(0o755)
        os.rename(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(rel for rel in payload if rel != MANIFEST)


def _prune_empty_dirs(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
