"""Checks on generated Dart through tree-sitter, shared by the Dart tests: syntax errors,
classes with their members, and which text lies outside comments and string literals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tree_sitter import Node

from generator.treesitter import parse, problems


@dataclass
class DartClass:
    name: str
    header: str  # the text before the body: modifiers, name, supertypes
    annotations: list[str]
    fields: list[tuple[str, str, bool]] = field(default_factory=list)  # name, type, final
    methods: list[str] = field(default_factory=list)  # methods, getters, operators
    constructors: list[str] = field(default_factory=list)


def parse_problems(files: dict[str, str]) -> dict[str, list[str]]:
    """Every .dart file with ERROR or MISSING nodes, with their positions."""
    found = {}
    for rel, text in files.items():
        if rel.endswith(".dart"):
            issues = problems(parse("dart", text))
            if issues:
                found[rel] = issues
    return found


def _text(node: Node | None) -> str:
    return (node.text or b"").decode() if node is not None else ""


def _walk(node: Node) -> list[Node]:
    out = []
    stack = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(current.children))
    return out


def classes(source: str) -> list[DartClass]:
    """The classes of a Dart file (not enums), with their fields and members."""
    tree = parse("dart", source)
    found = []
    for node in _walk(tree.root_node):
        if node.type != "class_definition":
            continue
        body = node.child_by_field_name("body")
        assert body is not None
        header = source.encode()[node.start_byte : body.start_byte].decode()
        lines = header.strip().splitlines()
        cls = DartClass(
            _text(node.child_by_field_name("name")),
            "\n".join(line for line in lines if not line.startswith("@")),
            [line for line in lines if line.startswith("@")],
        )
        for member in body.named_children:
            if member.type == "declaration":
                _declaration(member, cls)
            elif member.type == "method_signature":
                _signature(member, cls)
        found.append(cls)
    return found


def _declaration(node: Node, cls: DartClass) -> None:
    kinds = [c.type for c in node.named_children]
    if "initialized_identifier_list" in kinds:
        final = "final_builtin" in kinds
        type_text = " ".join(
            _text(c)
            for c in node.named_children
            if c.type in ("type_identifier", "type_arguments", "nullable_type", "function_type")
        )
        names = next(c for c in node.named_children if c.type == "initialized_identifier_list")
        for item in names.named_children:
            ident = item.named_children[0] if item.named_children else item
            cls.fields.append((_text(ident), type_text, final))
    else:
        for child in node.named_children:
            if "constructor" in child.type:
                cls.constructors.append(_text(child).split("(")[0])


def _signature(node: Node, cls: DartClass) -> None:
    for child in node.named_children:
        if "constructor" in child.type:
            cls.constructors.append(_text(child).split("(")[0])
        elif child.type in ("function_signature", "getter_signature"):
            cls.methods.append(_text(child.child_by_field_name("name")))
        elif child.type == "operator_signature":
            cls.methods.append("operator " + _text(child).split("(")[0].split()[-1])


def code_outside_text(source: str) -> str:
    """The file with every comment and string literal removed: what spec text must not reach."""
    tree = parse("dart", source)
    data = source.encode()
    keep = []
    position = 0
    for node in _walk(tree.root_node):
        if node.start_byte < position:
            continue
        if node.type in ("comment", "documentation_comment", "string_literal"):
            keep.append(data[position : node.start_byte])
            position = node.end_byte
    keep.append(data[position:])
    return b"".join(keep).decode()


# dart:core names the generated code may use.
CORE_NAMES = frozenset(
    "bool DateTime Deprecated double dynamic FormatException int List Map MapEntry num Object "
    "String T override".split()
)


def undeclared_names(files: dict[str, str]) -> set[str]:
    """Type names and capitalised identifiers the library uses but neither declares nor takes
    from dart:core: what a renamed class left behind would show up as."""
    used: set[str] = set()
    declared: set[str] = set()
    for rel, text in files.items():
        if not rel.endswith(".dart"):
            continue
        for node in _walk(parse("dart", text).root_node):
            name = _text(node)
            if node.type == "type_identifier" or (node.type == "identifier" and name[:1].isupper()):
                used.add(name)
            if node.type in ("class_definition", "enum_declaration"):
                declared.add(_text(node.child_by_field_name("name")))
            elif node.type == "type_alias":
                declared.add(
                    next(_text(c) for c in node.named_children if c.type == "type_identifier")
                )
    return used - declared - CORE_NAMES


def declaring(files: dict[str, str], name: str) -> str:
    """The text of the file that declares the class, enum or typedef ``name`` (a part holds a
    model and the models only it uses: ``ir.query.homes``)."""
    pattern = re.compile(rf"^(?:(?:final|sealed|abstract) )?(?:class|enum|typedef) {name}\b", re.M)
    for text in files.values():
        if pattern.search(text):
            return text
    raise AssertionError(f"no file declares {name}")
