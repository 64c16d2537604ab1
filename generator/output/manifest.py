"""The manifest (``.modelgen-manifest``): the files modelgen wrote in an output folder, the
only files it may ever delete there.

The manifest is read back from disk, so it is untrusted data: a line is accepted only when it
is a path modelgen could have written (:func:`generator.output.paths.path_problem`); any other
line is ignored with one warning naming the manifest and the line, and nothing is ever deleted
for it. Paths through symlinks are caught where they are used (:mod:`generator.output.plan`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.ir import Diagnostic, Source
from generator.output.folder import Folder
from generator.output.paths import MANIFEST, path_problem

HEADER = "# Files written by modelgen. Do not edit: modelgen deletes only files listed here.\n"
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Manifest:
    """The accepted entries (path -> line number) and the warnings about the other lines."""

    entries: dict[str, int] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    shown: str = MANIFEST

    def warn(self, rel: str, why: str) -> None:
        where = Source(self.shown, line=self.entries.get(rel))
        self.warnings.append(Diagnostic(f"{rel!r} {why}; not deleted", where))


def manifest_text(files: Iterable[str]) -> str:
    return HEADER + "".join(f"{rel}\n" for rel in sorted(files))


def parse_manifest(data: bytes, shown: str) -> Manifest:
    manifest = Manifest(shown=shown)
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw or raw.startswith(b"#"):
            continue
        line = raw.decode("utf-8", "replace")
        problem: str | None = "not UTF-8" if "\ufffd" in line else path_problem(line)
        if problem is None:
            manifest.entries.setdefault(line, number)
        else:
            manifest.warnings.append(
                Diagnostic(
                    f"ignored {line!r}: {problem}; nothing is deleted for it",
                    Source(shown, line=number),
                )
            )
    return manifest


def read_manifest_in(folder: Folder | None) -> Manifest:
    """The manifest of an opened output root (empty when there is none)."""
    if folder is None:
        return Manifest()
    shown = folder.show(MANIFEST)
    info = folder.lstat(MANIFEST)
    if info is None:
        return Manifest(shown=shown)
    if not folder.is_file(MANIFEST):
        manifest = Manifest(shown=shown)
        manifest.warnings.append(
            Diagnostic("not a regular file; ignored, nothing is deleted", Source(shown))
        )
        return manifest
    data = folder.read(MANIFEST, MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        manifest = Manifest(shown=shown)
        manifest.warnings.append(
            Diagnostic(f"larger than {MAX_BYTES} bytes; ignored, nothing is deleted", Source(shown))
        )
        return manifest
    return parse_manifest(data, shown)
