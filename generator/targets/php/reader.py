"""Reads a folder of modelgen-generated PHP back into a ModelSet (for ``modelgen parity``).

The PHP is parsed with tree-sitter-php; nothing is executed. What is read, per file in
``src/`` (the ``Support`` runtime is skipped):

- the original schema name, from the ``@modelgen-schema`` (or, on a union factory,
  ``@modelgen-union``) docblock tag;
- objects: JSON keys from ``WIRE_NAMES``; each property's type, whether it is required or
  nullable, and its ``const``, from the decode expression ``fromArray()`` passes for it (the
  same expression the code runs, so aliases and unions are seen as references);
  ``additionalProperties`` from the last constructor argument;
- enums: the backed cases' values (or an alias class's ``VALUES``, ``null`` when unlisted);
- unions: the variants from the factory's ordered tries, the discriminator and mapping from
  its ``@modelgen-discriminator`` / ``@modelgen-mapping`` tags;
- aliases: the target type, from ``fromJson()``.

Descriptions, formats, constraints and defaults are not read (``knows`` says so). The names
and tags looked for are the constants of ``markers.py``, which the emitter writes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.sources import LoadOptions
from generator.targets.php import markers

KNOWS = frozenset({"nullable", "enum_values", "composition", "wire_names", "deprecated"})
# Support\Json decode helper -> the primitive it checks
_PRIMITIVES = {helper: Primitive(kind) for kind, helper in markers.DECODE_HELPERS.items()}
_TAG = re.compile(rf"({re.escape(markers.TAG_PREFIX)}[a-z]+) (.+)$", re.M)
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{1,2}|u\{[0-9a-fA-F]+\}|[nrtvef\\$\"0])")
_SIMPLE_ESCAPES = {
    "n": "\n", "r": "\r", "t": "\t", "v": "\v", "e": "\x1b", "f": "\f", "\\": "\\", "$": "$",
    '"': '"', "0": "\x00",
}  # fmt: skip


def _src_dir(path: Path) -> Path | None:
    for candidate in (path / markers.SRC, path):
        if _detect_file(candidate).is_file():
            return candidate
    return None


def detect(path: Path) -> bool:
    """A folder of generated PHP: ``src/Support/Json.php`` (or ``Support/Json.php``) with
    modelgen's header."""
    src = _src_dir(path) if path.is_dir() else None
    if src is None:
        return False
    head = _detect_file(src).read_text(encoding="utf-8", errors="replace")[:300]
    return markers.GENERATED in head


def _detect_file(src: Path) -> Path:
    return src / markers.SUPPORT / f"{markers.DETECT_FILE}.php"


# --- literals --------------------------------------------------------------------------------


def _text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8")


def _unescape_double(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] == "x":
            return chr(int(escape[1:], 16))
        if escape[0] == "u":
            return chr(int(escape[2:-1], 16))
        return _SIMPLE_ESCAPES[escape]

    return _DOUBLE_QUOTED_ESCAPE.sub(replace, text)


def literal(node: Any) -> JsonValue:
    """The value of a PHP literal the emitter writes: strings, numbers, booleans, null,
    arrays."""
    kind = node.type
    text = _text(node)
    if kind == "string":
        body = text[1:-1]
        return re.sub(r"\\([\\'])", r"\1", body)
    if kind == "encapsed_string":
        return _unescape_double(text[1:-1])
    if kind == "integer":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "boolean":
        return text.lower() == "true"
    if kind == "null":
        return None
    if kind == "unary_op_expression":
        inner = literal(node.named_children[0])
        if isinstance(inner, int | float) and not isinstance(inner, bool) and text.startswith("-"):
            return -inner
        return inner
    if kind == "array_creation_expression":
        items = [
            child for child in node.named_children if child.type == "array_element_initializer"
        ]
        if items and len(items[0].named_children) == 2:
            return {str(literal(i.named_children[0])): literal(i.named_children[1]) for i in items}
        return [literal(i.named_children[0]) for i in items]
    if kind in ("name", "qualified_name") and text.lstrip("\\") in ("INF", "NAN"):
        return float(text.lstrip("\\").lower())
    raise ValueError(f"not a literal: {text[:60]!r}")


# --- one file --------------------------------------------------------------------------------


@dataclass
class _Decl:
    """A declaration of one generated file, before types are resolved."""

    rel: str
    kind: str  # class, enum, interface
    cls: str
    node: Any
    tags: dict[str, str] = field(default_factory=dict)
    deprecated: bool = False


def _doc_tags(comment: Any | None) -> tuple[dict[str, str], bool]:
    if comment is None:
        return {}, False
    text = _text(comment)
    return {tag: value.strip() for tag, value in _TAG.findall(text)}, markers.DEPRECATED_TAG in text


def _declarations(rel: str, root: Any) -> list[_Decl]:
    found: list[_Decl] = []
    previous = None
    for child in root.named_children:
        kind = {
            "class_declaration": "class",
            "enum_declaration": "enum",
            "interface_declaration": "interface",
        }.get(child.type)
        if kind is not None:
            name = child.child_by_field_name("name")
            tags, deprecated = _doc_tags(previous if previous is not None else None)
            found.append(_Decl(rel, kind, _text(name), child, tags, deprecated))
        previous = child if child.type == "comment" else None
    return found


def _body(decl: _Decl) -> list[Any]:
    for child in decl.node.named_children:
        if child.type in ("declaration_list", "enum_declaration_list"):
            return list(child.named_children)
    return []


def _method(decl: _Decl, name: str) -> Any | None:
    for member in _body(decl):
        if (
            member.type == "method_declaration"
            and _text(member.child_by_field_name("name")) == name
        ):
            return member
    return None


def _constant(decl: _Decl, name: str) -> Any | None:
    for member in _body(decl):
        if member.type == "const_declaration":
            for element in member.named_children:
                if element.type == "const_element" and _text(element.named_children[0]) == name:
                    return element.named_children[-1]
    return None


def _returned(method: Any) -> list[Any]:
    """The expressions of every return statement in a method, in order."""
    found: list[Any] = []
    stack = [method]
    while stack:
        node = stack.pop()
        if node.type == "return_statement" and node.named_children:
            found.append(node.named_children[0])
            continue
        if node.type in ("arrow_function", "anonymous_function"):
            continue
        stack.extend(reversed(node.named_children))
    return found


def _tried(from_json: Any) -> list[Any]:
    """The variant decodings a factory's fromJson() tries: the bodies of the arrow functions it
    passes to Support\\Json::pick(), in order."""
    found: list[Any] = []
    for expression in _returned(from_json):
        if _text(expression).startswith(f"{markers.JSON}::{markers.PICK_HELPER}("):
            stack = [expression]
            while stack:
                node = stack.pop()
                if node.type == "arrow_function":
                    body = node.child_by_field_name("body")
                    if body is not None:
                        found.append(body)
                    continue
                stack.extend(reversed(node.named_children))
    return found


def _arguments(call: Any) -> list[Any]:
    args = call.child_by_field_name("arguments")
    if args is None:
        args = next((c for c in call.named_children if c.type == "arguments"), None)
    if args is None:
        return []
    return [a.named_children[0] for a in args.named_children if a.type == "argument"]


# --- the reader ------------------------------------------------------------------------------


@dataclass
class _Typed:
    type: TypeRef
    nullable: bool = False
    optional: bool = False
    const: JsonValue | None = None
    has_const: bool = False


class _Reader:
    def __init__(self, src: Path) -> None:
        self.src = src
        self.decls: list[_Decl] = []
        self.schema_of: dict[str, str] = {}  # PHP class -> schema name
        from generator.treesitter import parse, problems

        for path in sorted(src.glob("*.php")):
            rel = path.relative_to(src.parent).as_posix()
            tree = parse("php", path.read_text(encoding="utf-8"))
            trouble = problems(tree)
            if trouble:
                raise ModelgenError(f"not valid PHP: {trouble[0]}", Source(rel))
            self.decls.extend(_declarations(rel, tree.root_node))
        for decl in self.decls:
            name = decl.tags.get(markers.SCHEMA_TAG) or decl.tags.get(markers.UNION_TAG)
            if name is not None:
                self.schema_of[decl.cls] = json.loads(name)

    def source(self, decl: _Decl) -> Source:
        return Source(decl.rel, line=decl.node.start_point[0] + 1)

    # -- expressions --

    def typed(self, node: Any) -> _Typed:
        """The type a decode expression produces (see the PHP emitter's ``decode``)."""
        kind = node.type
        if kind == "parenthesized_expression":
            return self.typed(node.named_children[0])
        if kind == "conditional_expression":
            condition, body, alternative = node.named_children[:3]
            if condition.type == "function_call_expression" and _text(
                condition.named_children[0]
            ) == ("array_key_exists"):
                inner = self.typed(body)
                inner.optional = True
                return inner
            if condition.type == "binary_expression" and _text(condition).endswith("=== null"):
                inner = self.typed(alternative)
                inner.nullable = True
                return inner
            raise ValueError(f"unexpected condition {_text(condition)[:60]!r}")
        if kind in ("variable_name", "subscript_expression"):
            return _Typed(ANY)
        if kind == "function_call_expression" and _text(node.named_children[0]) == "array_map":
            function, container = _arguments(node)
            item = self.typed(function.child_by_field_name("body") or function.named_children[-1])
            outer = self.typed(container)
            if isinstance(outer.type, ListOf):
                return _Typed(ListOf(item.type))
            if isinstance(outer.type, MapOf):
                return _Typed(MapOf(item.type))
            raise ValueError(f"array_map over {_text(container)[:60]!r}")
        if kind == "scoped_call_expression":
            scope, method = node.named_children[0], node.named_children[1]
            cls = _text(scope).split("\\")[-1]
            name = _text(method)
            args = _arguments(node)
            if _text(scope).endswith(markers.JSON):
                if name in _PRIMITIVES:
                    return _Typed(_PRIMITIVES[name])
                if name == markers.LIST_HELPER:
                    return _Typed(ListOf(ANY))
                if name in (markers.MAP_HELPER, markers.EXTRA_HELPER):
                    return _Typed(MapOf(ANY))
                if name == markers.CONSTANT_HELPER:
                    inner = self.typed(args[0])
                    inner.const = literal(args[1])
                    inner.has_const = True
                    return inner
                raise ValueError(f"unexpected Support\\Json::{name}")
            if name in (markers.FROM_ARRAY, markers.FROM_JSON) and cls in self.schema_of:
                return _Typed(Ref(self.schema_of[cls]))
        raise ValueError(f"unexpected expression {_text(node)[:80]!r}")

    # -- models --

    def object_model(self, decl: _Decl) -> ObjectModel:
        wire_node = _constant(decl, markers.WIRE_NAMES)
        wire = literal(wire_node) if wire_node is not None else {}
        if not isinstance(wire, dict):
            wire = {}
        prop_to_wire = {str(prop): key for key, prop in wire.items()}
        constructor = _method(decl, "__construct")
        params = []
        if constructor is not None:
            formal = constructor.child_by_field_name("parameters")
            for param in formal.named_children if formal is not None else []:
                if param.type == "property_promotion_parameter":
                    variable = next(c for c in param.named_children if c.type == "variable_name")
                    params.append(_text(variable).lstrip("$"))
        from_array = _method(decl, markers.FROM_ARRAY)
        creation = next(
            (e for e in _returned(from_array) if e.type == "object_creation_expression"), None
        )
        args = _arguments(creation) if creation is not None else []
        by_prop: dict[str, _Typed] = {}
        additional: TypeRef | None = None
        for prop, arg in zip(params, args, strict=False):  # positional, in parameter order
            typed = self.typed(arg)
            if prop not in prop_to_wire and prop == markers.ADDITIONAL:
                assert isinstance(typed.type, MapOf)
                additional = typed.type.value
            else:
                by_prop[prop] = typed
        fields = []
        for key, wire_prop in wire.items():
            typed = by_prop[str(wire_prop)]
            fields.append(
                Field(
                    name=key,
                    type=typed.type,
                    required=not typed.optional,
                    nullable=Nullable.YES if typed.nullable else Nullable.NO,
                    const=Const(typed.const) if typed.has_const else None,
                    source=self.source(decl),
                )
            )
        return ObjectModel(
            self.schema_of[decl.cls],
            tuple(fields),
            additional=additional,
            deprecated=decl.deprecated,
            source=self.source(decl),
        )

    def enum_model(self, decl: _Decl) -> EnumModel:
        values = []
        base: Any = "string"
        for child in decl.node.named_children:
            if child.type == "primitive_type" and _text(child) == "int":
                base = "integer"
        for member in _body(decl):
            if member.type == "enum_case" and len(member.named_children) > 1:
                values.append(EnumValue(literal(member.named_children[-1])))  # type: ignore[arg-type]
        return EnumModel(
            self.schema_of[decl.cls],
            base,
            tuple(values),
            deprecated=decl.deprecated,
            source=self.source(decl),
        )

    def alias_model(self, decl: _Decl) -> Model:
        from_json = _method(decl, markers.FROM_JSON)
        (expression,) = _returned(from_json)
        target = self.typed(expression).type
        values_node = _constant(decl, markers.VALUES)
        if values_node is not None:
            values = literal(values_node)
            assert isinstance(values, list) or values is None  # None: not listed
            base: Literal["string", "integer", "number", "boolean"] = "string"
            if isinstance(target, Primitive) and target.kind != "any":
                base = target.kind
            return EnumModel(
                self.schema_of[decl.cls],
                base,
                None
                if values is None
                else tuple(EnumValue(v) for v in values if not isinstance(v, list | dict)),
                deprecated=decl.deprecated,
                source=self.source(decl),
            )
        return AliasModel(
            self.schema_of[decl.cls], target, deprecated=decl.deprecated, source=self.source(decl)
        )

    def union_model(self, interface: _Decl, factory: _Decl | None) -> UnionModel:
        variants: list[TypeRef] = []
        discriminator = None
        if factory is not None:
            from_json = _method(factory, markers.FROM_JSON)
            for expression in _tried(from_json):
                typed = self.typed(expression)
                if typed.type not in variants:
                    variants.append(typed.type)
            prop = factory.tags.get(markers.DISCRIMINATOR_TAG)
            if prop is not None:
                mapping = json.loads(factory.tags.get(markers.MAPPING_TAG, "{}"))
                discriminator = Discriminator(
                    json.loads(prop), tuple(sorted((str(k), str(v)) for k, v in mapping.items()))
                )
        return UnionModel(
            self.schema_of[interface.cls],
            tuple(variants),
            discriminator=discriminator,
            deprecated=interface.deprecated,
            source=self.source(interface),
        )

    def models(self) -> list[Model]:
        factories = {
            json.loads(d.tags[markers.UNION_TAG]): d
            for d in self.decls
            if markers.UNION_TAG in d.tags
        }
        found: list[Model] = []
        for decl in self.decls:
            if markers.SCHEMA_TAG not in decl.tags:
                continue  # Unknown<Enum> classes, factories
            try:
                if decl.kind == "enum":
                    found.append(self.enum_model(decl))
                elif decl.kind == "interface":
                    name = self.schema_of[decl.cls]
                    found.append(self.union_model(decl, factories.get(name)))
                elif _constant(decl, markers.WIRE_NAMES) is not None:
                    found.append(self.object_model(decl))
                else:
                    found.append(self.alias_model(decl))
            except (ValueError, KeyError, AssertionError, StopIteration) as error:
                raise ModelgenError(
                    f"not code modelgen generated (cannot read {decl.cls}: {error})",
                    self.source(decl),
                ) from None
        return found


def load(path: Path, options: LoadOptions) -> ModelSet:
    src = _src_dir(path) if path.is_dir() else None
    if src is None:
        raise ModelgenError("not a folder of modelgen-generated PHP", Source(str(path)))
    reader = _Reader(src)
    models = sorted(reader.models(), key=lambda m: m.name)
    return ModelSet(tuple(models), Source(str(path)), knows=KNOWS)
