"""The declarations of a folder of PHP, as data for the SDK reader (:mod:`.sdk_reader`): every
class, enum, interface and trait with its namespace and imports, docblock tags, constants,
properties, methods and their parameters. Parsed with tree-sitter-php; nothing is executed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ModelgenError
from generator.ir import JsonValue, Source
from generator.sources.reading import read_limited
from generator.targets.php import phpdoc
from generator.targets.php.phpdoc import DocType, DocTypeError, Tag

MAX_FILE_BYTES = 5_000_000
NOT_LITERAL = object()  # a constant whose value is an expression, not a literal


SKIPPED_FOLDERS = frozenset({"vendor", "node_modules"})  # dependencies, not the SDK's models


def php_files(folder: Path) -> Iterator[Path]:
    """The ``.php`` files under ``folder``, sorted, not following links to folders and not
    entering hidden folders or :data:`SKIPPED_FOLDERS`."""
    for directory, folders, files in os.walk(folder):
        folders[:] = sorted(
            f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS
        )
        for name in sorted(files):
            if name.endswith(".php"):
                yield Path(directory) / name


@dataclass
class PhpFile:
    rel: str  # relative to the folder read, with /
    namespace: str = ""
    uses: dict[str, str] = field(default_factory=dict)  # local name -> fully qualified name

    def resolve(self, name: str) -> str:
        """A class name as written in this file -> its fully qualified name (no leading \\)."""
        if name.startswith("\\"):
            return name[1:]
        head, _, tail = name.partition("\\")
        if head in self.uses:
            return self.uses[head] + ("\\" + tail if tail else "")
        if head.lower() == "namespace" and tail:
            return f"{self.namespace}\\{tail}" if self.namespace else tail
        return f"{self.namespace}\\{name}" if self.namespace else name


@dataclass
class Param:
    name: str
    native: DocType | None  # the declared PHP type
    has_default: bool
    promoted: bool
    public: bool
    line: int


@dataclass
class Method:
    name: str
    node: Any
    static: bool
    public: bool
    params: list[Param]
    tags: list[Tag]
    line: int
    doc_line: int  # the first line of its docblock

    def doc(self, tag_name: str, variable: str) -> tuple[DocType, int] | None:
        """The type of ``@<tag_name> T $variable`` in the docblock, with its line (a
        ``@phpstan-`` or ``@psalm-`` tag wins over the plain one)."""
        found = None
        for tag in self.tags:
            if tag.name in (tag_name, f"phpstan-{tag_name}", f"psalm-{tag_name}"):
                try:
                    typed = phpdoc.typed_tag(tag)
                except DocTypeError:
                    continue
                if typed.variable == variable and (found is None or tag.name != tag_name):
                    found = typed.type, self.doc_line + tag.line
        return found


@dataclass
class Prop:
    name: str
    native: DocType | None
    doc: DocType | None  # from @var
    has_default: bool
    public: bool
    static: bool
    line: int


@dataclass
class Decl:
    """One class-like declaration."""

    file: PhpFile
    kind: str  # class, enum, interface, trait
    name: str
    fqn: str
    node: Any
    line: int
    tags: list[Tag] = field(default_factory=list)
    doc_line: int = 0
    abstract: bool = False
    extends: str | None = None  # fully qualified
    enum_base: str | None = None  # string, int
    cases: list[tuple[str, JsonValue | object]] = field(default_factory=list)
    constants: list[tuple[str, JsonValue | object, bool]] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    methods: dict[str, Method] = field(default_factory=dict)
    unreadable: int = 0  # docblock or native types that did not parse
    broken: bool = False  # the declaration has syntax errors

    def source(self, line: int | None = None) -> Source:
        return Source(self.file.rel, line=line if line is not None else self.line)


# --- reading nodes -------------------------------------------------------------------------


def text(node: Any) -> str:
    return bytes(node.text or b"").decode("utf-8", "replace")


def literal(node: Any) -> JsonValue | object:
    """The value of a PHP literal (scalar or array), or :data:`NOT_LITERAL`."""
    from generator.targets.php.reader import literal as read_literal

    if node.type == "encapsed_string" and any(
        child.type not in ("string_content", "escape_sequence") for child in node.named_children
    ):
        return NOT_LITERAL  # interpolation
    try:
        return read_literal(node)
    except (ValueError, IndexError):
        return NOT_LITERAL


def _native(node: Any | None, decl: Decl) -> DocType | None:
    if node is None:
        return None
    try:
        return phpdoc.parse_type(text(node))
    except DocTypeError:
        decl.unreadable += 1
        return None


def _modifiers(node: Any) -> set[str]:
    found = set()
    for child in node.children:
        if child.type.endswith("_modifier"):
            found.add(text(child).lower())
    return found


def _tags(comment: Any | None) -> tuple[list[Tag], int]:
    if comment is None:
        return [], 0
    return phpdoc.tags(text(comment)), comment.start_point[0] + 1


_USE = re.compile(r"^\s*use\s+(function\s+|const\s+)?(.*?);?\s*$", re.S)


def _uses(statement: str) -> dict[str, str]:
    """``use A\\B, C as D;`` and ``use A\\{B, C as D};`` -> local name -> qualified name
    (functions and constants imported are left out)."""
    match = _USE.match(statement)
    if match is None or match.group(1):
        return {}
    body = match.group(2)
    prefix = ""
    if "{" in body:
        prefix, _, body = body.partition("{")
        body = body.rstrip("} ")
    found = {}
    for item in body.split(","):
        parts = item.split()
        if not parts or parts[0] in ("function", "const"):
            continue
        name = (prefix.strip() + parts[-1 if len(parts) == 1 else 0]).strip("\\ ")
        local = parts[2] if len(parts) == 3 and parts[1].lower() == "as" else name.split("\\")[-1]
        found[local] = name
    return found


_PARAMETERS = ("simple_parameter", "property_promotion_parameter", "variadic_parameter")


def _parameters(method: Any, decl: Decl) -> list[Param]:
    formal = method.child_by_field_name("parameters")
    found = []
    for param in formal.named_children if formal is not None else []:
        if param.type not in _PARAMETERS:
            continue
        name = param.child_by_field_name("name")
        if name is None:
            continue
        modifiers = _modifiers(param)
        found.append(
            Param(
                name=text(name).lstrip("&$"),
                native=_native(param.child_by_field_name("type"), decl),
                has_default=param.child_by_field_name("default_value") is not None,
                promoted=param.type == "property_promotion_parameter",
                public="private" not in modifiers and "protected" not in modifiers,
                line=param.start_point[0] + 1,
            )
        )
    return found


def _members(decl: Decl, body: Any) -> None:
    comment = None
    for member in body.named_children:
        if member.type == "comment":
            comment = member if text(member).startswith("/**") else None
            continue
        tags, doc_line = _tags(comment)
        comment = None
        modifiers = _modifiers(member)
        public = "private" not in modifiers and "protected" not in modifiers
        if member.type == "enum_case":
            value = member.child_by_field_name("value")
            name = member.child_by_field_name("name")
            decl.cases.append((text(name), literal(value) if value is not None else NOT_LITERAL))
        elif member.type == "const_declaration":
            for element in member.named_children:
                if element.type == "const_element" and len(element.named_children) >= 2:
                    name, value = element.named_children[0], element.named_children[-1]
                    decl.constants.append((text(name), literal(value), public))
        elif member.type == "property_declaration":
            native = _native(member.child_by_field_name("type"), decl)
            doc = None
            for tag in tags:
                if tag.name in ("var", "phpstan-var", "psalm-var"):
                    try:
                        doc = phpdoc.typed_tag(tag).type
                    except DocTypeError:
                        decl.unreadable += 1
            for element in member.named_children:
                if element.type != "property_element":
                    continue
                name = element.child_by_field_name("name")
                decl.props.append(
                    Prop(
                        name=text(name).lstrip("$"),
                        native=native,
                        doc=doc,
                        has_default=element.child_by_field_name("default_value") is not None,
                        public=public,
                        static="static" in modifiers,
                        line=member.start_point[0] + 1,
                    )
                )
        elif member.type == "method_declaration":
            name = text(member.child_by_field_name("name"))
            decl.methods[name.lower()] = Method(
                name=name,
                node=member,
                static="static" in modifiers,
                public=public,
                params=_parameters(member, decl),
                tags=tags,
                line=member.start_point[0] + 1,
                doc_line=doc_line,
            )


_KINDS = {
    "class_declaration": "class",
    "enum_declaration": "enum",
    "interface_declaration": "interface",
    "trait_declaration": "trait",
}


def _declaration(file: PhpFile, node: Any, comment: Any | None) -> Decl:
    name = text(node.child_by_field_name("name"))
    fqn = f"{file.namespace}\\{name}" if file.namespace else name
    tags, doc_line = _tags(comment)
    decl = Decl(file, _KINDS[node.type], name, fqn, node, node.start_point[0] + 1, tags, doc_line)
    decl.broken = node.has_error
    decl.abstract = "abstract" in _modifiers(node)
    for child in node.named_children:
        if child.type == "base_clause" and child.named_children:
            decl.extends = file.resolve(text(child.named_children[0]))
        elif child.type == "primitive_type" and decl.kind == "enum":
            decl.enum_base = text(child).lower()
    body = node.child_by_field_name("body")
    if body is not None:
        _members(decl, body)
    return decl


def _scan(file: PhpFile, nodes: list[Any], found: list[Decl]) -> None:
    comment = None
    for child in nodes:
        if child.type == "comment":
            comment = child if text(child).startswith("/**") else None
            continue
        if child.type == "namespace_definition":
            name = child.child_by_field_name("name")
            file.namespace = text(name) if name is not None else ""
            file.uses = {}
            body = child.child_by_field_name("body")
            if body is not None:
                _scan(file, list(body.named_children), found)
        elif child.type == "namespace_use_declaration":
            file.uses.update(_uses(text(child)))
        elif child.type in _KINDS and child.child_by_field_name("name") is not None:
            found.append(_declaration(file, child, comment))
        comment = None


@dataclass
class Scan:
    decls: list[Decl]
    unread_files: list[tuple[str, str]]  # (file, reason)


def scan(path: Path) -> Scan:
    """Every declaration of the ``.php`` files of ``path`` (a folder or one file)."""
    from generator.treesitter import parse

    files = [path] if path.is_file() else list(php_files(path))
    base = path.parent if path.is_file() else path
    decls: list[Decl] = []
    unread: list[tuple[str, str]] = []
    for file_path in files:
        rel = file_path.relative_to(base).as_posix()
        try:
            data = read_limited(file_path, MAX_FILE_BYTES, Source(rel))
        except ModelgenError as error:
            unread.append((rel, error.message))
            continue
        tree = parse("php", data)
        _scan(PhpFile(rel), list(tree.root_node.named_children), decls)
    return Scan(decls, unread)
