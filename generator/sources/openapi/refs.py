"""``$ref`` resolution for multi-file specs: which file a reference may open, and what node a
JSON pointer names.

Policy (bad-inputs.md §43, §44):

- ``#/a/b`` is a JSON pointer into the referring file (``~0``, ``~1`` and percent escapes are
  decoded). ``other.yaml#/a``, ``./schemas/pet.json`` and ``../common.yaml`` name files relative
  to the referring file.
- Files must stay inside the spec's folder tree (symlinks resolved); an absolute path,
  ``file://`` or a path that leaves the tree is refused unless ``allow_external_refs``.
- ``http(s)://`` is refused; with ``allow_remote_refs`` it is still an error, because modelgen
  never opens network connections (say so rather than fail silently).
- Every file is read through :func:`yaml_safe.read_document` (size cap, depth check, ...), once.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

from generator.errors import ModelgenError
from generator.ir import JsonValue, Source
from generator.sources import reading
from generator.sources.openapi import yaml_safe

Location = tuple[str, str]  # (file relative to the spec's folder, JSON pointer)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


class DanglingRef(ModelgenError):
    """A ``$ref`` that names nothing readable inside the spec's tree (a missing key or file, a
    fragment that is not a pointer, a ``$ref`` that is not a string). Confined to the place
    that refers: a lenient loader degrades that place. Refusals of the reference policy (URLs,
    paths leaving the tree) stay plain :class:`ModelgenError`."""


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def child(pointer: str, token: str | int) -> str:
    if isinstance(token, int):
        return f"{pointer}/{token}"
    if "~" in token or "/" in token:
        token = escape(token)
    return f"{pointer}/{token}"


def parse_pointer(fragment: str, where: Source) -> list[str]:
    text = unquote(fragment)
    if text == "":
        return []
    if not text.startswith("/"):
        raise DanglingRef(
            f"$ref fragment {fragment!r} is not a JSON pointer (it must start with '/')", where
        )
    return [t.replace("~1", "/").replace("~0", "~") for t in text[1:].split("/")]


class Documents:
    """The files of one spec, loaded on demand, and the resolution of ``$ref`` strings."""

    def __init__(
        self,
        root_file: Path,
        allow_external: bool = False,
        allow_remote: bool = False,
        root_dir: Path | None = None,
    ) -> None:
        """``root_dir``: the folder tree references may not leave (the root file's folder
        unless given)."""
        self.root_file = root_file
        self.root_dir = Path(os.path.realpath(root_dir or root_file.parent))
        self.allow_external = allow_external
        self.allow_remote = allow_remote
        self._docs: dict[str, JsonValue] = {}
        self._paths: dict[str, Path] = {}
        self._files: dict[tuple[str, str], str] = {}
        self._real_dirs: dict[str, str] = {}  # a folder as written -> its real path
        # ($ref, referring file) -> what it names (references that resolve; errors name the
        # place that refers, so they are worked out each time)
        self._resolved: dict[tuple[str, str], tuple[Location, JsonValue]] = {}
        self.root_rel = root_file.name if root_dir is None else self.add_file(root_file)
        self._paths[self.root_rel] = root_file

    def add_file(self, path: Path) -> str:
        """The name of a file inside the tree, relative to it (a file the source reads besides
        the root, such as every schema of a folder)."""
        rel = Path(os.path.realpath(path)).relative_to(self.root_dir).as_posix()
        self._paths.setdefault(rel, path)
        return rel

    def doc(self, rel: str) -> JsonValue:
        if rel not in self._docs:
            self._docs[rel] = yaml_safe.read_document(self._paths[rel], Source(rel))
        return self._docs[rel]

    def _file(self, file_part: str, base_rel: str, where: Source) -> str:
        """The relative name of the file ``file_part`` names, seen from ``base_rel``; checked
        against the policy (once per file part and referring file)."""
        key = (file_part, base_rel)
        found = self._files.get(key)
        if found is None:
            found = self._files[key] = self._check_file(file_part, base_rel, where)
        return found

    def _check_file(self, file_part: str, base_rel: str, where: Source) -> str:
        scheme = _SCHEME.match(file_part)
        if scheme is not None and len(scheme.group(1)) > 1:
            name = scheme.group(1).lower()
            if name in ("http", "https"):
                if self.allow_remote:
                    raise ModelgenError(
                        f"$ref to {file_part!r}: remote references are allowed, but modelgen"
                        " does not download; save the file beside the spec and refer to it"
                        " by a relative path",
                        where,
                    )
                raise ModelgenError(
                    f"$ref to a URL ({file_part!r}) refused (remote references are off;"
                    " see --allow-remote-refs)",
                    where,
                )
            if name != "file":
                raise ModelgenError(f"$ref with unsupported scheme {file_part!r}", where)
            if not self.allow_external:
                raise ModelgenError(
                    f"$ref to {file_part!r} refused: file:// references are outside the"
                    " spec's folder (see --allow-external-refs)",
                    where,
                )
            target = Path(unquote(file_part[len("file://") :]))
        else:
            relative = unquote(file_part)
            is_absolute = (
                relative.startswith(("/", "\\")) or scheme is not None or os.path.isabs(relative)
            )
            if is_absolute:
                if not self.allow_external:
                    raise ModelgenError(
                        f"$ref to the absolute path {file_part!r} refused (see"
                        " --allow-external-refs)",
                        where,
                    )
                target = Path(relative)
            else:
                target = Path(os.path.join(os.path.dirname(self._paths[base_rel]), relative))
        real = self._realpath(str(target))
        root = str(self.root_dir)
        inside = root if root.endswith(os.sep) else root + os.sep
        if real == root:
            rel = "."
        elif real.startswith(inside):
            rel = real[len(inside) :].replace(os.sep, "/")
        else:
            if not self.allow_external:
                raise ModelgenError(
                    f"$ref to {file_part!r} refused: it leaves the spec's folder"
                    " (see --allow-external-refs)",
                    where,
                )
            rel = Path(os.path.relpath(real, root)).as_posix()
        if rel not in self._paths:
            if not os.path.isfile(real):
                reading.note_absent(Path(real))
                raise DanglingRef(f"$ref to {file_part!r}: no such file", where)
            self._paths[rel] = Path(real)
        return rel

    def _realpath(self, path: str) -> str:
        """``os.path.realpath(path)``, each folder resolved once (a spec of a thousand files
        refers to the same few folders from everywhere: realpath checks every component of a
        path for a symlink each time)."""
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        real_folder = self._real_dirs.get(folder)
        if real_folder is None:
            real_folder = self._real_dirs[folder] = os.path.realpath(folder)
        joined = os.path.join(real_folder, name)
        return os.path.realpath(joined) if os.path.islink(joined) else joined

    def resolve(self, ref: object, base_rel: str, where: Source) -> tuple[Location, JsonValue]:
        """The location and node a ``$ref`` names; errors name the referring place."""
        if not isinstance(ref, str):
            raise DanglingRef("$ref must be a string", where)
        found = self._resolved.get((ref, base_rel))
        if found is not None:
            return found
        file_part, _, fragment = ref.partition("#")
        rel = self._file(file_part, base_rel, where) if file_part else base_rel
        tokens = parse_pointer(fragment, where)
        try:
            node: JsonValue = self.doc(rel)
        except ModelgenError as err:
            if rel == base_rel:
                raise
            raise ModelgenError(
                f"{err.message} (the file $ref'd from {where})", err.source
            ) from None
        pointer = ""
        for token in tokens:
            if isinstance(node, dict):
                if token not in node:
                    raise DanglingRef(
                        f"dangling $ref {ref!r}: {rel} has nothing at"
                        f" {pointer or '/'} -> {token!r}",
                        where,
                    )
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise DanglingRef(f"dangling $ref {ref!r}: {rel}#{pointer} has no {token!r}", where)
            pointer = child(pointer, token)
        found = self._resolved[(ref, base_rel)] = ((rel, pointer), node)
        return found
