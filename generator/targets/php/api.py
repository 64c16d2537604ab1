"""The public API of generated PHP code, as a sorted listing of :class:`ApiItem` (for diff's
code verdicts): read with the tree-sitter PHP grammar."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.targets import ApiItem
from generator.treesitter import first_child, node_text, root, walk

SUFFIXES = (".php",)
Wanted = Callable[[str], bool]


def listing(files: Mapping[str, str], wanted: Wanted | None = None) -> list[ApiItem]:
    """The sorted public API of the generated model files; with ``wanted`` (a test on type or
    file names), files and classes it rejects are not read."""
    items: set[ApiItem] = set()
    for path, content in files.items():
        if not path.endswith(SUFFIXES) or is_support_file(path):
            continue
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if wanted is None or wanted(stem):
            items.update(php_api(content))
    return sorted(items)


def is_support_file(path: str) -> bool:
    """The runtime helpers (``src/Support/*.php``): the same for every schema."""
    return "/Support/" in f"/{path}"


_PHP_TYPES = frozenset({"class_declaration", "enum_declaration", "interface_declaration"})


def php_api(text: str) -> list[ApiItem]:
    """Classes, interfaces and enums (with their headers), public properties and promoted
    constructor parameters with types, constructor parameters (required when they have no
    default), enum cases with values."""
    tree = root("php", text)
    items: list[ApiItem] = []
    for node in walk(
        tree, frozenset({"class_declaration", "enum_declaration", "interface_declaration"})
    ):
        name_node = node.child_by_field_name("name")
        if name_node is None:
            continue
        name = node_text(name_node)
        body = node.child_by_field_name("body")
        head_end = body.start_byte - node.start_byte if body is not None else len(node.text)
        header = " ".join(node.text[:head_end].decode("utf-8").split())
        kind = {"enum_declaration": "enum", "interface_declaration": "interface"}.get(
            node.type, "class"
        )
        items.append(ApiItem(name, kind, "", header.replace(f" {name}", "", 1)))
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
    modifiers = [node_text(c) for c in node.named_children if c.type == "visibility_modifier"]
    return not modifiers or "public" in modifiers


def _php_params(owner: str, method: Any) -> list[ApiItem]:
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
        state = "required" if default is None else f"optional = {node_text(default)}"
        items.append(ApiItem(owner, "param", member, state))
        if parameter.type == "property_promotion_parameter" and _php_public(parameter):
            type_node = parameter.child_by_field_name("type")
            type_text = node_text(type_node) if type_node is not None else ""
            items.append(ApiItem(owner, "field", member, type_text))
    return items
