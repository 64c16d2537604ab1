"""JSON Schema documents (draft-04, -06, -07, 2019-09, 2020-12), one file or a folder of them,
read into the IR by the OpenAPI schema walk (:mod:`generator.sources.openapi.loader`): every
keyword means what it means there.

Which files
    A file is a JSON Schema when it is a YAML or JSON mapping (``.json``, ``.yaml``, ``.yml``,
    ``.schema``) with ``$schema``, ``$defs``, ``definitions``, ``type`` or ``properties`` at its
    top level (and neither ``openapi`` nor ``swagger``). In a folder, the schemas are the files
    named ``*.schema``, ``*.schema.json``, ``*.schema.yaml`` or that declare ``$schema``,
    anywhere below it (other files, sample instances say, are read only when a ``$ref`` names
    them).

Models
    Each file's root schema is a model named after its ``title``, else its file name
    (``id-root.schema`` is ``IdRoot``); each entry of its ``$defs`` and ``definitions`` is a
    model named by its key. Names are given in file order and never reused (``Foo2``).
    Inline schemas are named as in OpenAPI (``Parent`` + ``Property``...).

References
    ``$ref`` across files of the tree, to ``$defs``/``definitions`` or any pointer, and by
    ``$id`` or anchor (see :mod:`.refs`); nothing outside the tree is read and nothing is
    downloaded (as in OpenAPI: ``--allow-external-refs`` for paths outside).

Keywords
    ``patternProperties`` are the values of a map (one pattern: its schema; several: any);
    ``dependentRequired`` (``dependencies``, ``dependentSchemas``) only validates and is
    ignored with a note; ``items`` as a list (draft-04 tuples) and ``prefixItems`` are a list
    of any JSON value; ``not``, ``if``/``then``/``else`` only validate and are ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import FACETS, ModelSet, Source
from generator.naming import NameAllocator, pascal, short_hash
from generator.sources import LoadOptions, sniff
from generator.sources.jsonschema.refs import SchemaDocuments
from generator.sources.openapi.loader import _Loader
from generator.sources.openapi.refs import child

_SCHEMA_NAMES = sniff.JSON_SCHEMA_NAMES
# A folder is searched this deep and this wide at most (a schema folder, not a disk).
MAX_FILES = 5000


def _schema_files(folder: Path) -> list[Path]:
    """Files below ``folder`` with a schema suffix, sorted, hidden folders left out."""
    found: list[Path] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(top) / name
            if path.suffix.lower() in sniff.JSON_SCHEMA_SUFFIXES and not name.startswith("."):
                found.append(path)
                if len(found) >= MAX_FILES:
                    return found
    return found


def _is_schema(path: Path) -> bool:
    return path.suffix.lower() in sniff.JSON_SCHEMA_SUFFIXES and sniff.kind(path) == "jsonschema"


def _is_root(path: Path) -> bool:
    """A schema file of a folder: named as one, or declaring ``$schema``."""
    if not _is_schema(path):
        return False
    keys = sniff.top_keys(path) or frozenset()
    return path.name.lower().endswith(_SCHEMA_NAMES) or "$schema" in keys


def detect(path: Path) -> bool:
    if path.is_dir():
        return any(_is_root(p) for p in _schema_files(path))
    return _is_schema(path)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*_SCHEMA_NAMES, ".json", ".yaml", ".yml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _name(wanted: str) -> str:
    return pascal(wanted) or f"Schema{short_hash(wanted)}"


def load(path: Path, options: LoadOptions) -> ModelSet:
    if path.is_dir():
        root_dir = path
        roots = [p for p in _schema_files(path) if _is_root(p)]
        if not roots:
            raise ModelgenError("no JSON Schema files in this folder", Source(str(path)))
    else:
        root_dir = path.parent
        roots = [path]
    docs = SchemaDocuments(
        roots[0],
        root_dir,
        lambda: [p for p in _schema_files(root_dir) if _is_schema(p)],
        options.allow_external_refs,
        options.allow_remote_refs,
    )
    loader = _Loader(roots[0], options, dialect="jsonschema", docs=docs)
    files = [(docs.add_file(p), p) for p in roots]
    documents = []
    for rel, _ in files:
        document = docs.doc(rel)
        if not isinstance(document, dict | bool):
            raise ModelgenError("not a JSON Schema (the top level is not a mapping)", Source(rel))
        documents.append(document)
    names = NameAllocator()
    # the schemas' own names first, then the roots' (a root never takes a definition's name)
    for (rel, _), document in zip(files, documents, strict=True):
        if not isinstance(document, dict):
            continue
        for container in ("$defs", "definitions"):
            entries = document.get(container)
            if not isinstance(entries, dict):
                continue
            for key in sorted(entries):
                pointer = child(f"/{container}", key)
                name = names.allocate(f"{rel}#{pointer}", key, separator="")
                loader.add_schema((rel, pointer), entries[key], name, reserve=False)
    titles = []
    for (rel, file), document in zip(files, documents, strict=True):
        title = document.get("title") if isinstance(document, dict) else None
        wanted = _name(title) if isinstance(title, str) and pascal(title) else _name(_stem(file))
        titles.append(title if isinstance(title, str) else None)
        loader.add_schema((rel, ""), document, names.allocate(f"{rel}#", wanted, separator=""))
    loader.drain()
    title = titles[0] if len(files) == 1 else None
    model_set = loader.model_set({}, title=title)
    return model_set.__class__(
        models=model_set.models,
        source=Source(str(path)) if path.is_dir() else model_set.source,
        title=model_set.title,
        version=model_set.version,
        knows=FACETS - {"operations"},
        diagnostics=model_set.diagnostics,
    )
