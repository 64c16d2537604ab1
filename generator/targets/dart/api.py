"""The public API of generated Dart code, as a sorted listing of :class:`ApiItem` (for diff's
code verdicts): built from the emitter's view models (:func:`from_views`, what
:attr:`Emitted.api` holds) or, by the emitter's lister, from the same parts of each
declaration without its view (:func:`from_rows`), or read from Dart source with the
tree-sitter Dart grammar (:func:`listing`, for code this run did not emit). They agree on
every generated file; tests cross-check them.

Spellings: a class's ``signature`` is its header without its name and annotations, whitespace
collapsed (``final class implements A, B``, ``sealed class``, ``final class extends U``); an
enum has none; a field's is its declared type; a constructor parameter's is ``required``,
``optional`` or ``optional = <default>``; an enum case's ``value`` is the Dart literal of its
wire value; an alias's signature is its target type.

:data:`RULES`: how diff reads such a listing (a trailing ``?`` admits null; Dart has no union
types; switches over an enum or a sealed class must name every case, so a new one breaks them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import starmap
from typing import Any

from generator.targets import ApiItem, ApiRules, listed_after_keywords
from generator.targets.dart.markers import is_support_file
from generator.targets.dart.views import (
    DartAlias,
    DartEnum,
    DartFamily,
    DartObject,
    DartPart,
    DartWrapper,
    Declaration,
)
from generator.treesitter import first_child, node_text, root, text_after

SUFFIXES = (".dart",)
_METADATA = frozenset({"annotation", "marker_annotation", "comment", "documentation_comment"})


def split_null(type_text: str) -> tuple[str, bool]:
    """``Unit?`` -> ``("Unit", True)``; ``Present<Unit?>?`` -> ``("Present<Unit?>", True)``."""
    text = type_text.replace(" ", "")
    return (text[:-1], True) if text.endswith("?") else (text, False)


def alternatives(type_text: str) -> frozenset[str]:
    """A Dart type is its one alternative; an alias expanded in place of a nullable name
    (``Meta?`` with ``typedef Meta = Map<String, String>?``) admits null once."""
    return frozenset({type_text.replace(" ", "").replace("??", "?")})


RULES = ApiRules(
    split_null=split_null,
    alternatives=alternatives,
    sealed=lambda header: "sealed" in header.split(),
    supertypes=listed_after_keywords,
    exhaustive_enums=True,  # switch statements and expressions over an enum are exhaustive
    suffixes=SUFFIXES,
)


def listing(files: Mapping[str, str]) -> list[ApiItem]:
    """The sorted public API of the generated model files."""
    items: set[ApiItem] = set()
    for path, content in files.items():
        if not path.endswith(SUFFIXES) or is_support_file(path):
            continue
        items.update(dart_api(content))
    return sorted(items)


def from_views(parts: Iterable[DartPart]) -> tuple[ApiItem, ...]:
    """The sorted public API of the part files the emitter renders from ``parts``: what
    :func:`listing` reads back from those files."""
    rows: list[Row] = []
    for part in parts:
        for declaration in part.declarations:
            rows += _declared(declaration)
    return from_rows(rows)


def from_rows(rows: list[Row]) -> tuple[ApiItem, ...]:
    """The sorted listing of ``rows`` (sorted in place), without duplicates, as :func:`listing`."""
    # Rows are ApiItem's fields in its order: sorting them sorts the items, at tuple speed
    # (and faster as a list than as a set: each declaration's rows come mostly in order).
    rows.sort()
    return tuple(starmap(ApiItem, dict.fromkeys(rows)))


Row = tuple[str, str, str, str, str]  # owner, kind, member, signature, value
"""One :class:`ApiItem` as a tuple of its fields. The functions below spell the rows of each
kind of declaration; :func:`from_views` gives them a view's parts, and the emitter's lister
(which builds no view) the same parts computed by the same functions."""


def _declared(view: Declaration) -> list[Row]:
    name = view.name
    if isinstance(view, DartObject):
        return object_rows(
            name, view.implements, [(f.name, f.type, f.required, f.default) for f in view.fields]
        )
    if isinstance(view, DartEnum):
        return enum_rows(
            name,
            [(m.name, m.literal) for m in view.members],
            view.value_class,
            view.unknown_class,
            view.value_type,
        )
    if isinstance(view, DartFamily):
        return family_rows(name, view.unknown_class)
    if isinstance(view, DartWrapper):
        return wrapper_rows(name, [(v.name, v.type) for v in view.variants])
    assert isinstance(view, DartAlias)
    return alias_rows(name, view.target)


def object_rows(
    name: str, implements: Sequence[str], fields: Iterable[tuple[str, str, bool, str]]
) -> list[Row]:
    """An object class implementing ``implements``, and its ``fields`` as (name, declared type,
    required, default): each a field and a named constructor parameter."""
    header = "final class"
    if implements:
        header += f" implements {', '.join(implements)}"
    rows: list[Row] = [(name, "class", "", header, "")]
    for member, type_, required, default in fields:
        if required:
            state = "required"
        elif default:
            state = f"optional = {default}"
        else:
            state = "optional"
        rows += [(name, "field", member, type_, ""), (name, "param", member, state, "")]
    return rows


def enum_rows(
    name: str,
    members: Iterable[tuple[str, str]],
    value_class: str,
    unknown_class: str,
    value_type: str,
) -> list[Row]:
    """An enhanced enum with its ``members`` (name, literal), its sealed value class and the
    class holding an unknown value."""
    return [
        (name, "enum", "", "", ""),
        *((name, "case", member, "", literal) for member, literal in members),
        (value_class, "class", "", "sealed class", ""),
        *_holder(unknown_class, f"implements {value_class}", "value", value_type),
    ]


def family_rows(name: str, unknown_class: str) -> list[Row]:
    """A sealed class its variants implement, and the class holding an unknown object."""
    return [
        (name, "class", "", "sealed class", ""),
        *_holder(unknown_class, f"implements {name}", "json", "Map<String, dynamic>"),
    ]


def wrapper_rows(name: str, variants: Iterable[tuple[str, str]]) -> list[Row]:
    """A sealed wrapper with a subclass per variant (class name, type of its value)."""
    rows: list[Row] = [(name, "class", "", "sealed class", "")]
    for variant, type_ in variants:
        rows += _holder(variant, f"extends {name}", "value", type_)
    return rows


def alias_rows(name: str, target: str) -> list[Row]:
    return [(name, "alias", "", target, "")]


def _holder(name: str, supertype: str, member: str, type_: str) -> list[Row]:
    """A ``final class`` holding one value, set by its only (positional) constructor parameter."""
    return [
        (name, "class", "", f"final class {supertype}", ""),
        (name, "field", member, type_, ""),
        (name, "param", member, "required", ""),
    ]


def dart_api(text: str) -> list[ApiItem]:
    """Classes (with modifiers and supertypes), final fields with types, constructor
    parameters (named ones are required when marked ``required``), enums with their values,
    typedefs."""
    tree = root("dart", text)
    items: list[ApiItem] = []
    for node in tree.named_children:
        if node.type == "class_definition":
            items += _dart_class(node)
        elif node.type == "enum_declaration":
            items += _dart_enum(node)
        elif node.type == "type_alias":
            names = [c for c in node.named_children if c.type == "type_identifier"]
            if names:
                target = text_after(node, names[0]).removeprefix("=").removesuffix(";").strip()
                items.append(ApiItem(node_text(names[0]), "alias", "", target))
    return items


def _dart_class(node: Any) -> list[ApiItem]:
    name_node = first_child(node, "identifier")
    if name_node is None:
        return []
    name = node_text(name_node)
    if name.startswith("_"):
        return []
    body = first_child(node, "class_body")
    head_end = body.start_byte - node.start_byte if body is not None else len(node.text)
    # Annotations are metadata, not API: the header starts after them.
    head_start = next(
        (c.start_byte - node.start_byte for c in node.children if c.type not in _METADATA), 0
    )
    header = " ".join(node.text[head_start:head_end].decode("utf-8").split())
    items = [ApiItem(name, "class", "", header.replace(f" {name}", "", 1))]
    if body is None:
        return items
    for declaration in body.named_children:
        if declaration.type != "declaration":
            continue
        identifiers = first_child(declaration, "initialized_identifier_list")
        signature = first_child(
            declaration,
            "constant_constructor_signature",
            "constructor_signature",
        )
        if identifiers is not None and "static" not in node_text(declaration).split()[:2]:
            type_text = _dart_field_type(declaration, identifiers)
            for identifier in identifiers.named_children:
                member = node_text(identifier).split("=")[0].strip()
                if not member.startswith("_"):
                    items.append(ApiItem(name, "field", member, type_text))
        elif signature is not None and _dart_constructor_name(signature) == name:
            items += _dart_params(name, signature)
    return items


def _dart_field_type(declaration: Any, identifiers: Any) -> str:
    raw: bytes = declaration.text
    head = raw[: identifiers.start_byte - declaration.start_byte].decode("utf-8").split()
    return " ".join(w for w in head if w not in ("final", "late", "const", "static", "var"))


def _dart_constructor_name(signature: Any) -> str:
    names = [c for c in signature.named_children if c.type == "identifier"]
    return ".".join(node_text(n) for n in names)


def _dart_params(owner: str, signature: Any) -> list[ApiItem]:
    items: list[ApiItem] = []
    parameters = first_child(signature, "formal_parameter_list")
    if parameters is None:
        return items
    for child in parameters.named_children:
        named = child.type == "optional_formal_parameters"
        group = child.named_children if named else [child]
        optional_positional = named and node_text(child).startswith("[")
        for parameter in group:
            if parameter.type != "formal_parameter":
                continue
            words = node_text(parameter).split()
            member = words[-1].removeprefix("this.").removeprefix("super.")
            if optional_positional:
                state = "optional"
            elif named:
                marker = parameter.prev_sibling
                required = words[0] == "required" or (
                    marker is not None and marker.type == "required"
                )
                state = "required" if required else "optional"
            else:
                state = "required"
            following = parameter.next_sibling
            if state == "optional" and following is not None and following.type == "=":
                default = _default_value(parameters, following)
                if default:
                    state = f"optional = {default}"
            items.append(ApiItem(owner, "param", member, state))
    return items


def _default_value(parameters: Any, equals: Any) -> str:
    """The source text of a parameter's default: every node after its ``=`` up to the next
    ``,`` or the closing bracket (``Voice.alloy`` is an identifier and a selector)."""
    first = last = None
    node = equals.next_sibling
    while node is not None and node.type not in (",", "}", "]"):
        first = first or node
        last = node
        node = node.next_sibling
    if first is None or last is None:
        return ""
    raw: bytes = parameters.text
    start = parameters.start_byte
    return raw[first.start_byte - start : last.end_byte - start].decode("utf-8")


def _dart_enum(node: Any) -> list[ApiItem]:
    name = node_text(first_child(node, "identifier"))
    items = [ApiItem(name, "enum")]
    body = first_child(node, "enum_body")
    for constant in body.named_children if body is not None else []:
        if constant.type != "enum_constant":
            continue
        member = node_text(first_child(constant, "identifier"))
        arguments = first_child(constant, "argument_part")
        # ``(value)``, or ``(\n    value,\n  )`` where the line was broken
        text = node_text(arguments) if arguments is not None else "()"
        value = text[1:-1].strip().removesuffix(",")
        items.append(ApiItem(name, "case", member, "", value))
    return items
