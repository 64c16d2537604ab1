"""The declarations of a Dart file, as the SDK reader (:mod:`generator.targets.dart.sdk_reader`)
needs them: classes (annotations, modifiers, supertypes, fields, constructors and their
parameters, ``fromJson`` / ``toJson`` bodies), enums (constants, their annotations and
arguments, fields) and type aliases, read from tree-sitter's syntax tree. Nothing here knows a
JSON convention; the reader interprets what is collected.

Also here: constant expressions (literals, ``const`` lists and maps, ``Enum.member``) as Python
values, Dart string literals, and type spellings (``Map<String, List<int?>>?``) as trees.

tree-sitter's Dart grammar keeps some things flat that a reader expects nested: a class
member's annotations and doc comments are its preceding siblings in the class body, the
``required`` keyword and a parameter's default value are siblings of the parameter, and a type
is a run of sibling nodes (``type_identifier``, ``type_arguments``, ``nullable_type``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnumRef:
    """``Type.member`` in a constant: an enum member, resolved to its wire value later."""

    type: str
    member: str


@dataclass(frozen=True)
class Wrapped:
    """``Name(value)`` in a constant: a class wrapping one value (a freezed union's variant
    holding a value stands for that value on the wire); resolved later."""

    type: str
    value: Value


class Unknown:
    """A value this reader cannot compute (a call, an interpolated string, a variable)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()

Value = (
    str
    | int
    | float
    | bool
    | None
    | list["Value"]
    | dict[str, "Value"]
    | EnumRef
    | Wrapped
    | Unknown
)

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_PIECE = re.compile(r"""(r?)('''|\"\"\"|'|")""")


def string_value(text: str) -> str | Unknown:
    """The value of a Dart string literal's source text (adjacent literals concatenated);
    :data:`UNKNOWN` when it interpolates (``$name``, ``${...}``)."""
    out: list[str] = []
    i = 0
    text = text.strip()
    while i < len(text):
        match = _PIECE.match(text, i)
        if match is None:
            if text[i].isspace():
                i += 1
                continue
            return UNKNOWN
        raw, quote = match.group(1) == "r", match.group(2)
        i = match.end()
        end = text.find(quote, i)
        while end > 0 and not raw and _escaped(text, end):
            end = text.find(quote, end + 1)
        if end < 0:
            return UNKNOWN
        body = text[i:end]
        i = end + len(quote)
        if raw:
            out.append(body)
            continue
        piece = _unescape(body)
        if isinstance(piece, Unknown):
            return piece
        out.append(piece)
    return "".join(out)


def _escaped(text: str, at: int) -> bool:
    slashes = 0
    while at - slashes - 1 >= 0 and text[at - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _unescape(body: str) -> str | Unknown:
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char == "$":
            return UNKNOWN
        if char != "\\" or i + 1 == len(body):
            out.append(char)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u" and body[i + 2 : i + 3] == "{":
            end = body.find("}", i)
            if end < 0:
                return UNKNOWN
            out.append(chr(int(body[i + 3 : end], 16)))
            i = end + 1
        elif nxt == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        elif nxt == "x":
            out.append(chr(int(body[i + 2 : i + 4], 16)))
            i += 4
        else:
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
    return "".join(out)


def text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def line(node: Node) -> int:
    return node.start_point[0] + 1


def expression(parts: list[Node]) -> Value:
    """The constant value of an expression given as its (sibling) nodes."""
    parts = [p for p in parts if p.type not in ("comment", "const_builtin")]
    if not parts:
        return UNKNOWN
    if len(parts) == 2 and parts[0].type == "identifier" and parts[1].type == "selector":
        member = parts[1].named_children
        if len(member) == 1 and member[0].type == "unconditional_assignable_selector":
            name = member[0].named_children
            if len(name) == 1 and name[0].type == "identifier":
                return EnumRef(text(parts[0]), text(name[0]))
        arguments = member[0].named_children[0] if len(member) == 1 else None
        if member and member[0].type == "argument_part" and arguments is not None:
            inner = arguments.named_children
            if len(inner) == 1 and inner[0].type == "argument":
                return Wrapped(text(parts[0]), expression(inner[0].named_children))
    if len(parts) != 1:
        return UNKNOWN
    node = parts[0]
    kind = node.type
    if kind == "string_literal":
        return string_value(text(node))
    if kind in ("decimal_integer_literal", "hex_integer_literal"):
        return int(text(node).replace("_", ""), 0)
    if kind == "decimal_floating_point_literal":
        return float(text(node).replace("_", ""))
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "null_literal":
        return None
    if kind in ("parenthesized_expression", "const_object_expression"):
        return expression(node.named_children)
    if kind == "unary_expression":
        operator, *operand = node.named_children
        value = expression(operand)
        if text(operator) == "-" and isinstance(value, int | float) and not isinstance(value, bool):
            return -value
        return UNKNOWN
    if kind == "list_literal":
        items = [expression([c]) for c in node.named_children if c.type not in _NOT_VALUES]
        return UNKNOWN if any(isinstance(i, Unknown) for i in items) else items
    if kind == "set_or_map_literal":
        return _map_literal(node)
    return UNKNOWN


_NOT_VALUES = frozenset({"type_arguments", "const_builtin", "comment"})


def _map_literal(node: Node) -> Value:
    """A map literal as a dict, a set literal as a list (``{}`` is a map: its context, which
    this reader does not see, could make it a set)."""
    elements = [c for c in node.named_children if c.type not in _NOT_VALUES]
    if elements and all(c.type != "pair" for c in elements):
        items = [expression([c]) for c in elements]
        return UNKNOWN if any(isinstance(i, Unknown) for i in items) else items
    result: dict[str, Value] = {}
    for child in elements:
        if child.type != "pair" or len(child.named_children) < 2:
            return UNKNOWN
        key_node, *value_nodes = child.named_children
        key = expression([key_node])
        value = expression(value_nodes)
        if not isinstance(key, str) or isinstance(value, Unknown):
            return UNKNOWN
        result[key] = value
    return result


# --- annotations and doc comments -------------------------------------------------------------


@dataclass
class Annotation:
    """``@Name(positional, label: value)``; arguments as their syntax nodes (see
    :func:`expression`)."""

    name: str
    positional: list[list[Node]] = field(default_factory=list)
    named: dict[str, list[Node]] = field(default_factory=dict)

    def value(self, label: str | None = None) -> Value:
        """The value of argument ``label`` (the first positional one when None)."""
        if label is None:
            return expression(self.positional[0]) if self.positional else UNKNOWN
        return expression(self.named[label]) if label in self.named else UNKNOWN


def annotation(node: Node) -> Annotation:
    names = [c for c in node.named_children if c.type in ("identifier", "scoped_identifier")]
    name = text(names[-1]).rsplit(".", 1)[-1] if names else ""
    found = Annotation(name)
    arguments = next((c for c in node.named_children if c.type == "arguments"), None)
    for argument in arguments.named_children if arguments is not None else []:
        if argument.type == "named_argument":
            label, *value = argument.named_children
            found.named[text(label).rstrip(":").strip()] = value
        elif argument.type == "argument":
            found.positional.append(argument.named_children)
    return found


def doc_text(comments: list[Node]) -> str | None:
    """The text of ``///`` (or ``/** */``) comments, markers removed; None when empty."""
    lines: list[str] = []
    for comment in comments:
        for raw in text(comment).splitlines():
            raw = raw.strip()
            for marker in ("///", "/**", "*/", "*"):
                if raw.startswith(marker):
                    raw = raw[len(marker) :]
                    break
            raw = raw.removesuffix("*/")
            lines.append(raw[1:] if raw.startswith(" ") else raw)
    joined = "\n".join(lines).strip()
    return joined or None


# --- declarations -----------------------------------------------------------------------------


@dataclass
class Param:
    """A constructor parameter."""

    name: str
    type: str | None  # its spelling; None for `this.x` / `super.x` without a type
    named: bool
    required: bool  # the `required` keyword, or a positional parameter outside [...]
    default: list[Node] | None
    annotations: list[Annotation]
    line: int
    doc: str | None = None


@dataclass
class Constructor:
    name: str | None  # None: the unnamed constructor
    factory: bool
    redirect: str | None  # `= _X` of a redirecting factory
    params: list[Param]
    annotations: list[Annotation]
    line: int
    doc: str | None = None


@dataclass
class FieldDecl:
    name: str
    type: str | None
    static: bool
    annotations: list[Annotation]
    line: int
    doc: str | None = None


@dataclass
class Method:
    """A method, getter or non-redirecting factory: its name, first parameter and body."""

    name: str
    kind: str  # method, getter, factory, static
    param: str | None  # the first parameter's name (``json`` of fromJson)
    body: Node | None
    line: int


@dataclass
class ClassDecl:
    name: str
    file: str
    line: int
    annotations: list[Annotation]
    modifiers: frozenset[str]
    extends: str | None
    implements: list[str]
    mixins: list[str]
    fields: list[FieldDecl] = field(default_factory=list)
    constructors: list[Constructor] = field(default_factory=list)
    methods: list[Method] = field(default_factory=list)
    doc: str | None = None
    kind: str = "class"  # class, mixin, extension

    def method(self, name: str) -> Method | None:
        return next((m for m in self.methods if m.name == name), None)


@dataclass
class EnumConstant:
    name: str
    annotations: list[Annotation]
    arguments: list[list[Node]]  # positional arguments' nodes
    named: dict[str, list[Node]]
    line: int
    doc: str | None = None


@dataclass
class EnumDecl:
    name: str
    file: str
    line: int
    annotations: list[Annotation]
    constants: list[EnumConstant]
    fields: list[FieldDecl]
    constructors: list[Constructor]
    methods: list[Method]
    doc: str | None = None


@dataclass
class AliasDecl:
    name: str
    file: str
    line: int
    type: str | None  # None: a function type or another shape that is not data
    annotations: list[Annotation]
    doc: str | None = None


Decl = ClassDecl | EnumDecl | AliasDecl

# The nodes a type is written with (not `var`, an inferred_type: no type is written).
_TYPE_NODES = frozenset(
    {"type_identifier", "type_arguments", "nullable_type", "function_type", "record_type"}
    | {"void_type"}
)


def type_spelling(nodes: list[Node]) -> str | None:
    """The type written by a run of sibling nodes, or None when there is none."""
    parts = [text(n) for n in nodes if n.type in _TYPE_NODES]
    return "".join(parts).replace(" ", "") if parts else None


def declarations(root: Node, file: str) -> list[Decl]:
    """Every top-level class, mixin, extension, enum and type alias of a file, also those
    tree-sitter recovered inside an ERROR node of a file that does not parse cleanly."""
    found: list[Decl] = []
    pending_docs: list[Node] = []
    pending_annotations: list[Annotation] = []
    for node in root.named_children:
        kind = node.type
        if kind == "documentation_comment":
            pending_docs.append(node)
            continue
        if kind in ("annotation", "marker_annotation"):
            pending_annotations.append(annotation(node))
            continue
        if kind == "comment":
            continue
        if kind == "ERROR":
            found += declarations(node, file)
            pending_docs, pending_annotations = [], []
            continue
        doc = doc_text(pending_docs)
        annotations = pending_annotations
        pending_docs, pending_annotations = [], []
        if kind in ("class_definition", "mixin_declaration", "extension_declaration"):
            found.append(_class(node, file, doc, annotations))
        elif kind == "enum_declaration":
            found.append(_enum(node, file, doc, annotations))
        elif kind == "type_alias":
            found.append(_alias(node, file, doc, annotations))
    return found


def _own_annotations(node: Node) -> list[Annotation]:
    return [
        annotation(c) for c in node.named_children if c.type in ("annotation", "marker_annotation")
    ]


def _names(spelled: str) -> list[str]:
    """The type names of ``A<B>, p.C``, without type arguments or library prefixes."""
    names: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(spelled + ","):
        depth += {"<": 1, ">": -1}.get(char, 0)
        if char == "," and depth == 0:
            name = parse_type(spelled[start:index].strip()).name
            if name:
                names.append(name)
            start = index + 1
    return names


def _clause(node: Node | None, keyword: str) -> list[str]:
    """The names in an ``extends`` / ``with`` / ``implements`` clause node."""
    if node is None:
        return []
    spelled = text(node).strip()
    if keyword == "extends":
        spelled = spelled.split(" with ", 1)[0]
    spelled = spelled.removeprefix(keyword).strip()
    return _names(spelled)


def _class(node: Node, file: str, doc: str | None, annotations: list[Annotation]) -> ClassDecl:
    name_node = next((c for c in node.named_children if c.type == "identifier"), None)
    modifiers = frozenset(
        c.type
        for c in node.children
        if c.type in ("sealed", "abstract", "final", "base", "interface", "mixin")
    )
    superclass = next((c for c in node.named_children if c.type == "superclass"), None)
    extends = None
    mixins: list[str] = []
    if superclass is not None:
        parents = _clause(superclass, "extends") if text(superclass).startswith("extends") else []
        extends = parents[0] if parents else None
        mixins = _clause(
            next((c for c in superclass.named_children if c.type == "mixins"), None), "with"
        )
    mixins += _clause(next((c for c in node.named_children if c.type == "mixins"), None), "with")
    implements = _clause(
        next((c for c in node.named_children if c.type == "interfaces"), None), "implements"
    )
    kind = {"mixin_declaration": "mixin", "extension_declaration": "extension"}.get(
        node.type, "class"
    )
    decl = ClassDecl(
        text(name_node) if name_node is not None else "",
        file,
        line(name_node or node),
        _own_annotations(node) + annotations,
        modifiers,
        extends,
        implements,
        mixins,
        doc=doc,
        kind=kind,
    )
    body = next(
        (c for c in node.named_children if c.type in ("class_body", "extension_body")), None
    )
    if body is not None:
        _members(body, decl.name, decl.fields, decl.constructors, decl.methods)
    return decl


def _members(
    body: Node,
    owner: str,
    fields: list[FieldDecl],
    constructors: list[Constructor],
    methods: list[Method],
) -> None:
    docs: list[Node] = []
    annotations: list[Annotation] = []
    children = body.named_children
    for index, child in enumerate(children):
        kind = child.type
        if kind == "documentation_comment":
            docs.append(child)
            continue
        if kind in ("annotation", "marker_annotation"):
            annotations.append(annotation(child))
            continue
        if kind == "comment":
            continue
        if kind in ("declaration", "method_signature"):
            following = children[index + 1] if index + 1 < len(children) else None
            body_node = (
                following if following is not None and following.type == "function_body" else None
            )
            _member(
                child, body_node, owner, doc_text(docs), annotations, fields, constructors, methods
            )
        docs, annotations = [], []


def _member(
    node: Node,
    body: Node | None,
    owner: str,
    doc: str | None,
    annotations: list[Annotation],
    fields: list[FieldDecl],
    constructors: list[Constructor],
    methods: list[Method],
) -> None:
    inner = node.named_children
    static = any(c.type == "static" for c in node.children)
    for sig in inner:
        kind = sig.type
        if kind in (
            "redirecting_factory_constructor_signature",
            "constant_constructor_signature",
            "constructor_signature",
            "factory_constructor_signature",
        ):
            names = [c for c in sig.named_children if c.type == "identifier"]
            ctor_name = text(names[1]) if len(names) > 1 else None
            factory = kind in (
                "redirecting_factory_constructor_signature",
                "factory_constructor_signature",
            )
            redirect = None
            if kind == "redirecting_factory_constructor_signature":
                after = [c for c in sig.named_children if c.type == "type_identifier"]
                redirect = text(after[-1]) if after else None
            elif kind == "factory_constructor_signature" and body is not None:
                methods.append(
                    Method(ctor_name or "", "factory", _first_param(sig), body, line(sig))
                )
                # fromJson is a method to the reader, but a factory is also a constructor.
            params_node = next(
                (c for c in sig.named_children if c.type == "formal_parameter_list"), None
            )
            constructors.append(
                Constructor(
                    ctor_name,
                    factory,
                    redirect,
                    _params(params_node) if params_node is not None else [],
                    annotations,
                    line(sig),
                    doc,
                )
            )
            return
        if kind in ("function_signature", "getter_signature"):
            name_node = next((c for c in sig.named_children if c.type == "identifier"), None)
            if name_node is not None:
                methods.append(
                    Method(
                        text(name_node),
                        "static"
                        if static
                        else ("getter" if kind == "getter_signature" else "method"),
                        _first_param(sig),
                        body,
                        line(sig),
                    )
                )
            return
        if kind in (
            "initialized_identifier_list",
            "static_final_declaration_list",
            "identifier_list",
        ):
            spelling = type_spelling(inner)
            is_static = static or kind == "static_final_declaration_list"
            for item in sig.named_children:
                ident = next((c for c in item.named_children if c.type == "identifier"), None)
                if item.type == "identifier":
                    ident = item
                if ident is None:
                    continue
                fields.append(
                    FieldDecl(
                        text(ident),
                        spelling,
                        is_static,
                        annotations,
                        line(item),
                        doc,
                    )
                )
            return


def _first_param(signature: Node) -> str | None:
    params = next((c for c in signature.named_children if c.type == "formal_parameter_list"), None)
    if params is None:
        return None
    first = next((c for c in params.named_children if c.type == "formal_parameter"), None)
    if first is None:
        return None
    names = [c for c in first.named_children if c.type == "identifier"]
    return text(names[-1]) if names else None


def _params(node: Node) -> list[Param]:
    found: list[Param] = []
    _param_run(node, found, named=False, optional=False)
    return found


def _param_run(node: Node, found: list[Param], named: bool, optional: bool) -> None:
    docs: list[Node] = []
    annotations: list[Annotation] = []
    required = False
    children = node.children
    for index, child in enumerate(children):
        kind = child.type
        if kind == "optional_formal_parameters":
            opener = child.children[0].type if child.children else "["
            _param_run(child, found, named=opener == "{", optional=True)
        elif kind == "documentation_comment":
            docs.append(child)
        elif kind in ("annotation", "marker_annotation"):
            annotations.append(annotation(child))
        elif kind == "required":
            required = True
        elif kind == "formal_parameter":
            default = _default(children, index)
            param = _param(child, named, required or not optional, default, annotations)
            if param is not None:
                param.doc = doc_text(docs)
                found.append(param)
            docs, annotations, required = [], [], False


def _default(children: list[Node], index: int) -> list[Node] | None:
    """The default value following parameter ``children[index]``: ``= value`` siblings."""
    if index + 1 >= len(children) or children[index + 1].type not in ("=", ":"):
        return None
    value: list[Node] = []
    for sibling in children[index + 2 :]:
        if sibling.type in (",", "}", "]", "formal_parameter", "required", "annotation"):
            break
        if sibling.type in ("documentation_comment", "marker_annotation"):
            break
        value.append(sibling)
    return value


def _param(
    node: Node,
    named: bool,
    required: bool,
    default: list[Node] | None,
    annotations: list[Annotation],
) -> Param | None:
    inner = node.named_children
    own = [annotation(c) for c in inner if c.type in ("annotation", "marker_annotation")]
    holder = next(
        (c for c in inner if c.type in ("constructor_param", "super_formal_parameter")), None
    )
    if holder is not None:
        names = [c for c in holder.named_children if c.type == "identifier"]
        if not names:
            return None
        spelling = type_spelling(holder.named_children) or type_spelling(inner)
        return Param(
            text(names[-1]),
            spelling,
            named,
            required,
            default,
            annotations + own,
            line(node),
        )
    names = [c for c in inner if c.type == "identifier"]
    if not names:
        return None
    return Param(
        text(names[-1]),
        type_spelling(inner),
        named,
        required,
        default,
        annotations + own,
        line(node),
    )


def _enum(node: Node, file: str, doc: str | None, annotations: list[Annotation]) -> EnumDecl:
    name_node = next((c for c in node.named_children if c.type == "identifier"), None)
    body = next((c for c in node.named_children if c.type == "enum_body"), None)
    constants: list[EnumConstant] = []
    fields: list[FieldDecl] = []
    constructors: list[Constructor] = []
    methods: list[Method] = []
    if body is not None:
        docs: list[Node] = []
        for child in body.named_children:
            if child.type == "documentation_comment":
                docs.append(child)
            elif child.type == "enum_constant":
                constants.append(_constant(child, doc_text(docs)))
                docs = []
        _members(body, text(name_node) if name_node else "", fields, constructors, methods)
    return EnumDecl(
        text(name_node) if name_node is not None else "",
        file,
        line(name_node or node),
        _own_annotations(node) + annotations,
        constants,
        fields,
        constructors,
        methods,
        doc,
    )


def _constant(node: Node, doc: str | None) -> EnumConstant:
    name_node = next((c for c in node.named_children if c.type == "identifier"), None)
    positional: list[list[Node]] = []
    named: dict[str, list[Node]] = {}
    part = next((c for c in node.named_children if c.type == "argument_part"), None)
    arguments = (
        next((c for c in part.named_children if c.type == "arguments"), None) if part else None
    )
    for argument in arguments.named_children if arguments is not None else []:
        if argument.type == "named_argument":
            label, *value = argument.named_children
            named[text(label).rstrip(":").strip()] = value
        elif argument.type == "argument":
            positional.append(argument.named_children)
    return EnumConstant(
        text(name_node) if name_node is not None else "",
        _own_annotations(node),
        positional,
        named,
        line(node),
        doc,
    )


def _alias(node: Node, file: str, doc: str | None, annotations: list[Annotation]) -> AliasDecl:
    children = node.named_children
    name_node = next((c for c in children if c.type == "type_identifier"), None)
    equals = next((i for i, c in enumerate(node.children) if c.type == "="), None)
    spelling = None
    if equals is not None:
        rest = [c for c in node.children[equals + 1 :] if c.is_named]
        if not any(c.type == "function_type" for c in rest):
            spelling = type_spelling(rest)
    return AliasDecl(
        text(name_node) if name_node is not None else "",
        file,
        line(name_node or node),
        spelling,
        annotations,
        doc,
    )


# --- types ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DartType:
    """A parsed type spelling: ``Map<String, int?>?`` is
    ``DartType("Map", (DartType("String"), DartType("int", nullable=True)), nullable=True)``.
    ``name`` is empty for a shape that is not a named type (a function or record type)."""

    name: str
    args: tuple[DartType, ...] = ()
    nullable: bool = False


_TOKEN = re.compile(r"\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|[<>,?()]|\S)")


def parse_type(spelling: str) -> DartType:
    """The tree of a type spelling; anything but ``Name<args>?`` comes back nameless."""
    tokens = _TOKEN.findall(spelling)
    parsed, rest = _parse_type(tokens, 0)
    if parsed is None or rest != len(tokens):
        return DartType("", nullable=spelling.endswith("?"))
    return parsed


def _parse_type(tokens: list[str], at: int) -> tuple[DartType | None, int]:
    if at >= len(tokens) or not re.match(r"[A-Za-z_$]", tokens[at]):
        return None, at
    name = tokens[at].rsplit(".", 1)[-1]
    at += 1
    if name == "Function":
        return None, at
    args: list[DartType] = []
    if at < len(tokens) and tokens[at] == "<":
        at += 1
        while True:
            arg, at = _parse_type(tokens, at)
            if arg is None:
                return None, at
            args.append(arg)
            if at < len(tokens) and tokens[at] == ",":
                at += 1
                continue
            if at < len(tokens) and tokens[at] == ">":
                at += 1
                break
            return None, at
    nullable = at < len(tokens) and tokens[at] == "?"
    if nullable:
        at += 1
    return DartType(name, tuple(args), nullable), at
