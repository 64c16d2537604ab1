"""The public API of generated PHP code, as a sorted listing of :class:`ApiItem` (for diff's
code verdicts), two ways that must agree:

- :func:`from_signatures`: what the emitter knows it wrote (``Emitted.api``), from the view
  models (or, for the lister, the signatures that have the same declarations);
- :func:`listing`: what files say, read with the tree-sitter PHP grammar (for code on disk, and
  the cross-check of the first in the tests).

What is listed: classes, interfaces and enums with their headers (:func:`type_header`), public
properties and promoted constructor parameters with their declared types, constructor
parameters (required when they have no default, else ``optional = <default>``), enum cases
with their values, each spelled as the source spells it.

:data:`RULES`: how diff reads such a listing (PHP's null and union spellings; PHP has no sealed
types, and a ``match`` over an enum fails at run time, not at compile time, on a new case).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from generator.targets import ApiItem, ApiRules, listed_after_keywords, split_union
from generator.targets.php import markers
from generator.targets.php.views import (
    AliasView,
    ClassSignature,
    ClassView,
    EnumSignature,
    EnumView,
    FactoryView,
    InterfaceView,
    Signature,
    UnknownView,
)

SUFFIXES = (".php",)
is_support_file = markers.is_support_file


def alternatives(type_text: str) -> frozenset[str]:
    """The alternatives of a type, spaces removed, ``null`` being one: ``A|B|null``; ``?A`` is
    ``A|null``."""
    return frozenset(_parts(type_text))


def split_null(type_text: str) -> tuple[str, bool]:
    """``?A``, ``A|null``, ``A|null|B`` -> ``A`` (``A|B``) and True."""
    parts = _parts(type_text)
    rest = [part for part in parts if part != "null"]
    if rest and len(rest) < len(parts):
        return "|".join(rest), True
    return "|".join(parts), False


def _parts(type_text: str) -> list[str]:
    text = type_text.replace(" ", "")
    if text.startswith("?"):
        return [text[1:], "null"]
    return split_union(text)


RULES = ApiRules(
    split_null=split_null,
    alternatives=alternatives,
    sealed=lambda header: False,  # any class may implement an interface
    supertypes=listed_after_keywords,
    exhaustive_enums=False,
    suffixes=SUFFIXES,
)


@functools.cache  # a few distinct headers, asked for every type
def type_header(before_name: str, after_name: str) -> str:
    """The signature of a type's item: its declaration up to the body without the name,
    whitespace collapsed: ``final class implements \\JsonSerializable``, ``enum: string``,
    ``interface extends \\JsonSerializable``."""
    return " ".join((before_name.rstrip() + after_name).split())


def _param(owner: str, prop: str, default: str | None) -> ApiItem:
    state = "required" if default is None else f"optional = {default}"
    return ApiItem(owner, "param", prop, state)


def signature_items(sig: Signature) -> list[ApiItem]:
    """The listing of the file whose view or signature is ``sig`` (its template's
    declarations)."""
    owner = sig.cls
    if isinstance(sig, ClassView | ClassSignature):
        items = [
            ApiItem(owner, "class", "", type_header("final class", f" implements {sig.implements}"))
        ]
        for p in sig.params:
            items += (_param(owner, p.prop, p.default), ApiItem(owner, "field", p.prop, p.native))
        if sig.additional is not None:
            prop = sig.additional.prop
            items += (_param(owner, prop, "[]"), ApiItem(owner, "field", prop, "array"))
        return items
    if isinstance(sig, EnumView | EnumSignature):
        items = [ApiItem(owner, "enum", "", type_header("enum", f": {sig.backing}"))]
        items += (ApiItem(owner, "case", case.name, "", case.value) for case in sig.cases)
        return items
    if isinstance(sig, UnknownView):
        return [
            ApiItem(
                owner,
                "class",
                "",
                type_header("final class", f" implements {markers.UNKNOWN_VALUE}"),
            ),
            _param(owner, "value", None),
            ApiItem(owner, "field", "value", sig.backing),
        ]
    if sig.KIND == InterfaceView.KIND:
        return [
            ApiItem(owner, "interface", "", type_header("interface", " extends \\JsonSerializable"))
        ]
    assert sig.KIND in (AliasView.KIND, FactoryView.KIND)
    return [ApiItem(owner, "class", "", type_header("final class", ""))]


def from_signatures(signatures: Iterable[Signature]) -> tuple[ApiItem, ...]:
    """The sorted listing of the files of ``signatures``, views or signatures (each declares
    one type; no two the same): emit's from its views, the lister's from signatures."""
    items: list[ApiItem] = []
    for sig in sorted(signatures, key=lambda s: s.cls):
        own = signature_items(sig)
        own.sort(key=lambda i: (i.kind, i.member, i.signature, i.value))
        items += own
    return tuple(items)


# --- reading files ---------------------------------------------------------------------------


def listing(files: Mapping[str, str]) -> list[ApiItem]:
    """The sorted public API of the generated model files."""
    items: set[ApiItem] = set()
    for path, content in files.items():
        if not path.endswith(SUFFIXES) or is_support_file(path):
            continue
        items.update(php_api(content))
    return sorted(items)


_PHP_TYPES = frozenset({"class_declaration", "enum_declaration", "interface_declaration"})


def php_api(text: str) -> list[ApiItem]:
    """Classes, interfaces and enums (with their headers), public properties and promoted
    constructor parameters with types, constructor parameters (required when they have no
    default), enum cases with values."""
    from generator.treesitter import first_child, node_text, root, walk

    tree = root("php", text)
    items: list[ApiItem] = []
    for node in walk(tree, _PHP_TYPES):
        name_node = node.child_by_field_name("name")
        if name_node is None:
            continue
        name = node_text(name_node)
        body = node.child_by_field_name("body")
        start = node.start_byte
        end = body.start_byte if body is not None else node.end_byte
        declaration = bytes(node.text)
        before = declaration[: name_node.start_byte - start].decode("utf-8")
        after = declaration[name_node.end_byte - start : end - start].decode("utf-8")
        kind = {"enum_declaration": "enum", "interface_declaration": "interface"}.get(
            node.type, "class"
        )
        items.append(ApiItem(name, kind, "", type_header(before, after)))
        for member in body.named_children if body is not None else []:
            if member.type == "enum_case":
                case = member.child_by_field_name("name")
                value = member.child_by_field_name("value")
                items.append(
                    ApiItem(
                        name,
                        "case",
                        node_text(case) if case is not None else "",
                        "",
                        node_text(value) if value is not None else "",
                    )
                )
            elif member.type == "property_declaration" and _php_public(member):
                type_node = member.child_by_field_name("type")
                for element in member.named_children:
                    if element.type == "property_element":
                        prop = node_text(first_child(element, "variable_name")).lstrip("$")
                        type_text = node_text(type_node) if type_node is not None else ""
                        items.append(ApiItem(name, "field", prop, type_text))
            elif member.type == "method_declaration":
                method = member.child_by_field_name("name")
                if method is not None and node_text(method) == "__construct":
                    items += _php_params(name, member)
    return items


def _php_public(node: Any) -> bool:
    from generator.treesitter import node_text

    modifiers = [node_text(c) for c in node.named_children if c.type == "visibility_modifier"]
    return not modifiers or "public" in modifiers


def _php_params(owner: str, method: Any) -> list[ApiItem]:
    from generator.treesitter import node_text

    items: list[ApiItem] = []
    parameters = method.child_by_field_name("parameters")
    for parameter in parameters.named_children if parameters is not None else []:
        if parameter.type not in ("simple_parameter", "property_promotion_parameter"):
            continue
        name_node = parameter.child_by_field_name("name")
        if name_node is None:
            continue
        member = node_text(name_node).lstrip("$")
        default = parameter.child_by_field_name("default_value")
        items.append(_param(owner, member, None if default is None else node_text(default)))
        if parameter.type == "property_promotion_parameter" and _php_public(parameter):
            type_node = parameter.child_by_field_name("type")
            type_text = node_text(type_node) if type_node is not None else ""
            items.append(ApiItem(owner, "field", member, type_text))
    return items
