"""The public API of generated Dart code, as a sorted listing of :class:`ApiItem` (for diff's
code verdicts): read with the tree-sitter Dart grammar."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.targets import ApiItem
from generator.targets.dart.markers import is_support_file
from generator.treesitter import first_child, node_text, root, text_after

SUFFIXES = (".dart",)
_METADATA = frozenset({"annotation", "marker_annotation", "comment", "documentation_comment"})
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
            items.update(dart_api(content))
    return sorted(items)


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
        value = node_text(arguments).strip("()") if arguments is not None else ""
        items.append(ApiItem(name, "case", member, "", value))
    return items
