"""``$ref`` in JSON Schema: what :class:`Documents` resolves (relative files, JSON pointers),
plus the identifiers schemas give themselves, inside the folder tree only.

- ``$id`` (``id`` in draft-04) naming a file or a subschema by URI: a ``$ref`` to that URI
  (``http://foo/root.json#/definitions/bar``), or relative to the referring file's own ``$id``,
  is the schema carrying it. Nothing is ever downloaded: a URI that no schema of the tree
  carries is refused as a remote reference, as in OpenAPI.
- Anchors: ``#item`` names the subschema with ``$anchor: item`` (2019-09 on) or
  ``$id: "#item"`` (draft-06/07); a fragment that is not a pointer into the file, but is the
  ``$id`` of one of its subschemas (``$id: "#/foo"``), is that subschema.
- ``#/`` (a pointer to the key ``""``) where the document has no such key is the whole
  document, as quicktype and other tools read it.

The identifiers of a file are indexed when it is first read; the folder's other schema files
are read for them only when a reference is not found otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from generator.errors import ModelgenError
from generator.ir import JsonValue, Source
from generator.sources.openapi.refs import DanglingRef, Documents, Location, child, parse_pointer

_SCHEME = ("http://", "https://", "urn:", "tag:", "file://")


def _ids(document: JsonValue) -> list[tuple[str, str, str]]:
    """(kind, value, pointer) for every ``$id``/``id`` and ``$anchor`` in a document (kind
    ``id`` or ``anchor``), found without recursion."""
    found: list[tuple[str, str, str]] = []
    stack: list[tuple[JsonValue, str]] = [(document, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            for key in ("$id", "id"):
                value = node.get(key)
                if isinstance(value, str) and value:
                    found.append(("id", value, pointer))
                    break
            anchor = node.get("$anchor")
            if isinstance(anchor, str) and anchor:
                found.append(("anchor", anchor, pointer))
            for key, value in node.items():
                if key in ("enum", "const", "default", "examples", "example"):
                    continue  # data, not schemas
                if isinstance(value, dict | list):
                    stack.append((value, child(pointer, key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, dict | list):
                    stack.append((value, child(pointer, index)))
    return found


class SchemaDocuments(Documents):
    """:class:`Documents` that also resolve ``$id`` URIs and anchors. ``candidates`` lists the
    tree's schema files, read for their ``$id`` only when a reference needs it."""

    def __init__(
        self,
        root_file: Path,
        root_dir: Path,
        candidates: Callable[[], list[Path]],
        allow_external: bool = False,
        allow_remote: bool = False,
    ) -> None:
        super().__init__(root_file, allow_external, allow_remote, root_dir=root_dir)
        self._candidates = candidates
        self._scanned = False
        self.uris: dict[str, Location] = {}  # absolute $id (no fragment) -> where
        self.anchors: dict[tuple[str, str], str] = {}  # (file, anchor) -> pointer
        self.bases: dict[str, str] = {}  # file -> the absolute $id of its root, if any
        self._indexed: set[str] = set()

    def doc(self, rel: str) -> JsonValue:
        document = super().doc(rel)
        if rel not in self._indexed:
            self._indexed.add(rel)
            self._index(rel, document)
        return document

    def _index(self, rel: str, document: JsonValue) -> None:
        root_id = None
        if isinstance(document, dict):
            for key in ("$id", "id"):
                value = document.get(key)
                if isinstance(value, str) and value.startswith(_SCHEME):
                    root_id = urldefrag(value)[0]
                    self.bases[rel] = root_id
                    break
        for kind, value, pointer in _ids(document):
            if kind == "anchor":
                self.anchors.setdefault((rel, value), pointer)
                continue
            if value.startswith("#"):
                self.anchors.setdefault((rel, value[1:]), pointer)
                continue
            absolute = urljoin(root_id, value) if root_id else value
            uri, fragment = urldefrag(absolute)
            if uri.startswith(_SCHEME) and not fragment:
                self.uris.setdefault(uri, (rel, pointer))

    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        for path in self._candidates():
            try:
                self.doc(self.add_file(path))
            except (ModelgenError, ValueError):
                continue  # not a schema file after all; a reference to it says so

    def resolve(self, ref: object, base_rel: str, where: Source) -> tuple[Location, JsonValue]:
        if not isinstance(ref, str):
            return super().resolve(ref, base_rel, where)
        self.doc(base_rel)  # indexes its identifiers
        file_part, _, fragment = ref.partition("#")
        start: Location | None = (
            (base_rel, "") if not file_part else self._by_id(file_part, base_rel)
        )
        if start is None:
            # a file of the tree, or refused by the policy (a URL, a path leaving the tree)
            (rel, _), _ = super().resolve(file_part, base_rel, where)
            start = (rel, "")
        return self._in_file(ref, fragment, where, start)

    def _by_id(self, file_part: str, base_rel: str) -> Location | None:
        """The schema whose ``$id`` is ``file_part`` (made absolute against the referring
        file's own ``$id``), if a schema of the tree has it."""
        base = self.bases.get(base_rel)
        absolute = urljoin(base, file_part) if base else file_part
        if not absolute.startswith(_SCHEME):
            return None
        found = self.uris.get(absolute)
        if found is None:
            self._scan()
            found = self.uris.get(absolute)
        return found

    def _in_file(
        self, ref: str, fragment: str, where: Source, start: Location
    ) -> tuple[Location, JsonValue]:
        """The node ``fragment`` (a pointer or an anchor) names, from the schema at ``start``."""
        rel = start[0]
        if fragment and not fragment.startswith("/"):
            found = self.anchors.get((rel, fragment))
            if found is None:
                raise DanglingRef(
                    f"$ref {ref!r}: no schema in {rel} has the anchor {fragment!r}", where
                )
            return self._walk(ref, (rel, found), "", where)
        try:
            return self._walk(ref, start, fragment, where)
        except DanglingRef:
            if fragment == "/":
                return self._walk(ref, start, "", where)
            found = self.anchors.get((rel, fragment))
            if found is None:
                raise
            return self._walk(ref, (rel, found), "", where)

    def _walk(
        self, ref: str, start: Location, fragment: str, where: Source
    ) -> tuple[Location, JsonValue]:
        rel, pointer = start
        node = self.doc(rel)
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
        tokens += parse_pointer(fragment, where)
        walked = ""
        for token in tokens:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise DanglingRef(
                    f"dangling $ref {ref!r}: {rel} has nothing at {walked or '/'} -> {token!r}",
                    where,
                )
            walked = child(walked, token)
        return (rel, walked), node
