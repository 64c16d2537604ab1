"""What a YAML or JSON file is, by its content: an OpenAPI 3 document, a Swagger 2.0 document, a
JSON Schema, or none of them. Shared by the ``openapi`` and ``jsonschema`` sources' ``detect``.

Cheap first: the top-level keys of block YAML are the lines that start a key in column 0, so a
regular expression over the text finds them wherever they are (Stripe's spec sorts its keys, and
``openapi:`` comes after 4 MB of ``components``). Only text that is not block YAML (JSON, flow
style) is parsed, through :func:`yaml_safe.read_document` with all its limits. BOMs of UTF-8,
UTF-16 and UTF-32 are honoured. A file that cannot be read or parsed is none of them (the
loader, when forced with ``--from``, says why).
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from pathlib import Path
from typing import Literal

from generator.errors import ModelgenError
from generator.ir import Source

Kind = Literal["openapi", "swagger", "jsonschema"]

SUFFIXES = frozenset({".yaml", ".yml", ".json"})
JSON_SCHEMA_SUFFIXES = SUFFIXES | {".schema", ".jsonschema"}
# Keys that make a mapping a JSON Schema (at the top level of a document).
JSON_SCHEMA_KEYS = frozenset(
    {"$schema", "$id", "$defs", "definitions", "type", "properties", "allOf", "anyOf", "oneOf"}
)
# Files named like this are JSON Schemas whatever their keys (``{"$ref": ...}``).
JSON_SCHEMA_NAMES = (".schema", ".jsonschema", ".schema.json", ".schema.yaml", ".schema.yml")

_TOP_KEY = re.compile(
    r"""^(?:
        "([^"\n]*)"                      # a double-quoted key
      | '([^'\n]*)'                      # a single-quoted key
      | ([^\s#'"{\[\]},&*!|>%@`-][^:\n]*?  # a plain key in column 0
      | -[^\s:][^:\n]*?)                 # (or one starting with a dash, not an item)
    )[ \t]*:(?=\s|$)""",
    re.M | re.X,
)
# Where a line starting with something other than white space starts (each one _TOP_KEY may
# match at; it is tried there only, not at every character of a long spec).
_LINE_START = re.compile(r"\n(?=\S)")
_FIRST = re.compile(r"\A(?:\s|#[^\n]*\n|---[^\n]*\n|%[^\n]*\n)*(?P<char>.?)", re.S)


def _top_keys_of_block_yaml(text: str) -> set[str] | None:
    """The top-level keys of a block-style YAML document; None when it is not one (JSON,
    flow style, a scalar or a list at the top)."""
    first = _FIRST.match(text)
    char = first["char"] if first is not None else ""
    if char in ("{", "[", ""):
        return None
    keys = set()
    for start in itertools.chain((0,), (line.end() for line in _LINE_START.finditer(text))):
        match = _TOP_KEY.match(text, start)
        if match is not None:
            keys.add(next(g for g in match.groups() if g is not None).strip())
    return keys if keys else None


@functools.lru_cache(maxsize=256)
def _keys(path: str, size: int, mtime: int) -> frozenset[str] | None:
    from generator.sources.openapi import yaml_safe
    from generator.sources.reading import read_limited

    source = Source(path)
    try:
        data = read_limited(Path(path), yaml_safe.MAX_BYTES, source)
        text = yaml_safe.decode(data, source)
    except ModelgenError:
        return None
    keys = _top_keys_of_block_yaml(text)
    if keys is None:
        try:
            document = yaml_safe.parse_text(
                text, source, json_syntax=yaml_safe.looks_like_json(Path(path), text)
            )
        except (ModelgenError, RecursionError):
            return None
        if not isinstance(document, dict):
            return None
        keys = set(document)
    return frozenset(keys)


def kind_of_keys(keys: frozenset[str]) -> Kind | None:
    if "openapi" in keys:
        return "openapi"
    if "swagger" in keys:
        return "swagger"
    if keys & JSON_SCHEMA_KEYS:
        return "jsonschema"
    return None


def top_keys(path: Path) -> frozenset[str] | None:
    """The top-level keys of the YAML or JSON mapping in the regular file ``path``; None for
    anything else. Anything that is not a regular file is not read (reading a FIFO or a device
    to look would consume or hang)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not path.is_file():
        return None
    return _keys(str(path), info.st_size, info.st_mtime_ns)


def kind(path: Path) -> Kind | None:
    """What the regular file ``path`` is (see :func:`top_keys`); a mapping in a file named
    ``*.schema`` (``*.schema.json``...) without ``openapi`` or ``swagger`` is a JSON Schema."""
    keys = top_keys(path)
    if keys is None:
        return None
    found = kind_of_keys(keys)
    if found is None and path.name.lower().endswith(JSON_SCHEMA_NAMES):
        return "jsonschema"
    return found
