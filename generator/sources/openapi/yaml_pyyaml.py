"""The PyYAML path of :mod:`generator.sources.openapi.yaml_safe`: the reference reader, with
the guarantees of that module's docstring. Imported only when a document needs it (yaml-rs
reads most specs), so that PyYAML's import is not paid by every run."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import ModelgenError
from generator.ir import JsonValue, Source
from generator.sources.openapi.yaml_safe import (
    MAX_DEPTH,
    _DuplicateKey,
    check_alias_expansion,
)


def yaml_too_deep(text: str) -> int | None:
    """The line where YAML text passes :data:`MAX_DEPTH` flow levels, by libyaml's scanner
    (quoted and block scalars and comments are no nesting), or None. The scanner keeps a
    counter, not a stack, and stops at the limit; text it cannot scan is left to the parser,
    which fails at the same place, no deeper."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                depth += 1
                if depth > MAX_DEPTH:
                    return int(token.start_mark.line) + 1
            elif isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                depth = max(0, depth - 1)
    except yaml.YAMLError:
        return None
    return None


class _BadKey(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Loader(yaml.CSafeLoader):
    """The C loader with YAML 1.2 core scalars, string keys, duplicate-key detection and alias
    recording. Construction stays in PyYAML's safe constructor."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliased: list[object] = []

    def _value(self, node: Node, deep: bool) -> Any:
        if node.__class__ is not ScalarNode and node in self.constructed_objects:
            obj = self.constructed_objects[node]
            self.aliased.append(obj)
            return obj
        return self.construct_object(node, deep=deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[str, Any]:  # type: ignore[override]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise _BadKey(key_node.start_mark.line + 1)
            key = key_node.value
            if key in mapping:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            mapping[key] = self._value(value_node, deep)
        return mapping

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> list[Any]:
        return [self._value(child, deep) for child in node.value]

    def construct_yaml_int_12(self, node: ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        sign = -1 if value.startswith("-") else 1
        digits = value.lstrip("+-")
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        return sign * int(digits, 10)


# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int_12)


def _refuse_tag(loader: _Loader, node: Node) -> Any:
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {node.tag!r} makes a value JSON cannot hold", node.start_mark
    )


# Specs are JSON: tags whose values JSON cannot hold are refused where they appear.
for _tag in ("binary", "set", "omap", "pairs", "timestamp"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


def _yaml_error(err: yaml.YAMLError, source: Source) -> ModelgenError:
    mark = getattr(err, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    message = f"invalid YAML: {context + ', ' if context else ''}{problem}"
    return ModelgenError(message, Source(source.file, line=line))


def _rename_duplicate_anchors(text: str, source: Source) -> str:
    """Give every redefinition of an anchor a fresh name, and point the aliases that follow it
    at the new name, so that the later definition wins (YAML 1.2 semantics)."""
    current: dict[str, str] = {}  # anchor in the text -> name to use now
    defined: set[str] = set()
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    counter = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            if event.start_mark is None:
                continue
            start = event.start_mark.index
            if isinstance(event, yaml.AliasEvent):
                if current.get(anchor, anchor) != anchor:
                    edits.append((start, start + 1 + len(anchor), "*" + current[anchor]))
                continue
            if anchor in defined:
                counter += 1
                fresh = f"{anchor}__redefined{counter}"
                while fresh in text:
                    counter += 1
                    fresh = f"{anchor}__redefined{counter}"
                at = text.find("&" + anchor, start)
                if at < 0:
                    raise ModelgenError(f"cannot locate anchor &{anchor}", source)
                edits.append((at, at + 1 + len(anchor), "&" + fresh))
                current[anchor] = fresh
            else:
                defined.add(anchor)
                current[anchor] = anchor
    except yaml.YAMLError as err:
        raise _yaml_error(err, source) from None
    parts: list[str] = []
    last = 0
    for start, end, replacement in sorted(edits):
        parts.append(text[last:start])
        parts.append(replacement)
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _load_yaml_text(text: str, source: Source) -> tuple[Any, list[object]]:
    loader = _Loader(text)
    try:
        return loader.get_single_data(), loader.aliased
    finally:
        loader.dispose()


# --- the fast path ---------------------------------------------------------------------------


# What separates YAML tokens: what may stand before a tag, an anchor, an alias or a scalar, and
# what ends an anchor's or alias's name.
def load(text: str, source: Source) -> JsonValue:
    """The reference path: PyYAML's C loader with the guarantees of this module's docstring."""
    try:
        try:
            data, aliased = _load_yaml_text(text, source)
        except yaml.composer.ComposerError as err:
            if "found duplicate anchor" not in str(err):
                raise
            data, aliased = _load_yaml_text(_rename_duplicate_anchors(text, source), source)
    except _DuplicateKey as err:
        raise ModelgenError(
            f"duplicate key {err.key!r} in a mapping", Source(source.file, line=err.line)
        ) from None
    except _BadKey as err:
        raise ModelgenError(
            "a mapping key is not a plain value (a list or mapping used as a key)",
            Source(source.file, line=err.line),
        ) from None
    except yaml.YAMLError as err:
        if "expected a single document" in str(err):
            raise ModelgenError(
                "several YAML documents in one file ('---'); a spec is one document",
                Source(source.file),
            ) from None
        raise _yaml_error(err, source) from None
    except RecursionError:
        raise ModelgenError("nested too deeply", Source(source.file)) from None
    except (ValueError, KeyError, TypeError, OverflowError) as err:
        # an explicit tag on a value it cannot convert (``!!int abc``, ``!!bool maybe``)
        raise ModelgenError(f"invalid YAML value ({err})", Source(source.file)) from None
    if aliased:
        check_alias_expansion(aliased, source)
    result: JsonValue = data
    return result
