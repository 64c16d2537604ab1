"""Code verdicts for a schema diff, taken from what the emitters really generate.

For each language, the changed models (with what they reference) are emitted for both
versions with the real emitter; each output is reduced to a sorted public-API listing (types,
fields with their types, constructor parameters and whether they are required, enum cases with
their wire values, union aliases), read with ``ast`` for Python and tree-sitter for Dart and
PHP; the two listings are compared into :class:`CodeChange` items, and each diff finding gets,
per language, the worst code change that concerns its model and member. Code changes no
finding explains (an enum case renamed while its wire value stayed, say) become findings of
their own.
"""

from __future__ import annotations

import ast
import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .diff import RANK, Finding, Level, Verdict
from .errors import ModelgenError
from .ir import ModelSet, model_refs

# --- the listing ---


@dataclass(frozen=True, order=True)
class ApiItem:
    """One entry of a public-API listing.

    ``kind``: ``class``, ``enum``, ``alias``, ``interface`` (the type itself, ``member`` empty,
    ``signature`` its header), ``field`` (``signature``: the declared type), ``param``
    (constructor parameter; ``signature``: ``required`` or ``optional``), ``case`` (enum case;
    ``value``: its wire value).
    """

    owner: str
    kind: str
    member: str = ""
    signature: str = ""
    value: str = ""

    def line(self) -> str:
        name = f"{self.owner}.{self.member}" if self.member else self.owner
        text = f"{self.kind} {name}"
        if self.signature:
            text += f": {self.signature}"
        if self.value:
            text += f" = {self.value}"
        return text


TYPE_KINDS = frozenset({"class", "enum", "alias", "interface"})


Wanted = Callable[[str], bool]


def python_api(text: str, wanted: Wanted | None = None) -> list[ApiItem]:
    """Classes (with bases), dataclass fields (annotation; a parameter, required when it has
    no default), enum members with values, and module-level type aliases. With ``wanted``,
    only the classes it accepts are read (aliases always are): the module is cut into its
    top-level statements and only those are parsed."""
    items: list[ApiItem] = []
    for chunk in _python_chunks(text, wanted):
        items += _python_statements(ast.parse(chunk).body)
    return items


_PY_TOP = re.compile(
    r"^(?:(?P<class>class\s+(?P<cname>\w+))|@|def\s|(?P<name>[A-Za-z_]\w*)\s*[:=])"
)


def _python_chunks(text: str, wanted: Wanted | None) -> list[str]:
    """The parts of a module worth parsing: all of it without ``wanted``; else each class it
    accepts and each other assignment (aliases), cut at top-level statements after the
    imports. Falls back to the whole module when a part does not parse on its own."""
    if wanted is None:
        return [text]
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(("import ", "from "))), None)
    if start is None:
        return [text]
    chunks: list[tuple[str | None, bool, list[str]]] = []  # (class name, keep, lines)
    decorators: list[str] = []
    in_decorator = False
    for line in lines[start:]:
        match = _PY_TOP.match(line)
        if match is None or (in_decorator and not match.group("class")):
            if in_decorator:
                decorators.append(line)
            elif chunks:
                chunks[-1][2].append(line)
            continue
        if line.startswith("@"):
            in_decorator = True
            decorators.append(line)
            continue
        in_decorator = False
        name = match.group("cname")
        keep = wanted(name) if name else match.group("name") is not None
        chunks.append((name, keep, [*decorators, line]))
        decorators = []
    parts = ["".join(chunk) for _, keep, chunk in chunks if keep]
    try:
        for part in parts:
            ast.parse(part)
    except SyntaxError:
        return [text]
    return parts


def _python_statements(body: list[ast.stmt]) -> list[ApiItem]:
    items: list[ApiItem] = []
    for node in body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            items += _python_class(node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if "TypeAlias" in ast.unparse(node.annotation) and node.value is not None:
                items.append(ApiItem(node.target.id, "alias", "", ast.unparse(node.value)))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if (
                isinstance(target, ast.Name)
                and not target.id.startswith("_")
                and _looks_like_type(node.value)
            ):
                items.append(ApiItem(target.id, "alias", "", ast.unparse(node.value)))
    return items


def _looks_like_type(value: ast.expr) -> bool:
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):
        return True
    if isinstance(value, ast.Subscript):
        return ast.unparse(value.value).split(".")[-1] in (
            "Union",
            "Optional",
            "Literal",
            "Annotated",
            "list",
            "dict",
            "List",
            "Dict",
        )
    return False


def _python_class(node: ast.ClassDef) -> list[ApiItem]:
    bases = [ast.unparse(b) for b in node.bases]
    is_enum = any(b.split(".")[-1].endswith("Enum") for b in bases)
    header = ", ".join(bases)
    items = [ApiItem(node.name, "enum" if is_enum else "class", "", header)]
    for statement in node.body:
        if is_enum and isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and not target.id.startswith("_"):
                value = _literal(statement.value)
                items.append(ApiItem(node.name, "case", target.id, "", value))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name = statement.target.id
            annotation = ast.unparse(statement.annotation)
            if name.startswith("_") or annotation.split("[")[0].endswith(("ClassVar", "KW_ONLY")):
                continue
            items.append(ApiItem(node.name, "field", name, annotation))
            init = _python_init(statement.value)
            if init is not None:
                items.append(ApiItem(node.name, "param", name, init))
    return items


def _literal(value: ast.expr) -> str:
    try:
        return repr(ast.literal_eval(value))
    except ValueError:
        return ast.unparse(value)


def _python_init(value: ast.expr | None) -> str | None:
    """``required`` / ``optional`` for a dataclass field, None when it is not an argument."""
    if value is None:
        return "required"
    if isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1] == "field":
        keywords = {k.arg: k.value for k in value.keywords}
        init = keywords.get("init")
        if isinstance(init, ast.Constant) and init.value is False:
            return None
        for key in ("default", "default_factory"):
            if key in keywords:
                return f"optional = {ast.unparse(keywords[key])}"
        return "required"
    return f"optional = {ast.unparse(value)}"


# --- tree-sitter ---


def _parse(language: str, text: str) -> Any:
    from .treesitter import parse

    return parse(language, text).root_node


def _text(node: Any) -> str:
    return " ".join(node.text.decode("utf-8").split())


def _walk(node: Any, types: frozenset[str]) -> Iterable[Any]:
    """Nodes of the given types, outermost first, not descending into function bodies."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in types:
            yield current
        if current.type in ("function_body", "compound_statement", "method_declaration"):
            if current.type != "method_declaration":
                continue
        stack.extend(reversed(current.named_children))


def _first(node: Any, *types: str) -> Any:
    for child in node.named_children:
        if child.type in types:
            return child
    return None


def dart_api(text: str) -> list[ApiItem]:
    """Classes (with modifiers and supertypes), final fields with types, constructor
    parameters (named ones are required when marked ``required``), enums with their values,
    typedefs."""
    root = _parse("dart", text)
    items: list[ApiItem] = []
    for node in root.named_children:
        if node.type == "class_definition":
            items += _dart_class(node)
        elif node.type == "enum_declaration":
            items += _dart_enum(node)
        elif node.type == "type_alias":
            names = [c for c in node.named_children if c.type == "type_identifier"]
            if names:
                target = text_after(node, names[0]).removeprefix("=").removesuffix(";").strip()
                items.append(ApiItem(_text(names[0]), "alias", "", target))
    return items


def text_after(node: Any, child: Any) -> str:
    raw: bytes = node.text
    return " ".join(raw[child.end_byte - node.start_byte :].decode("utf-8").split())


def _dart_class(node: Any) -> list[ApiItem]:
    name_node = _first(node, "identifier")
    if name_node is None:
        return []
    name = _text(name_node)
    if name.startswith("_"):
        return []
    body = _first(node, "class_body")
    head_end = body.start_byte - node.start_byte if body is not None else len(node.text)
    header = " ".join(node.text[:head_end].decode("utf-8").split())
    header = _without_annotations(header)
    items = [ApiItem(name, "class", "", header.replace(f" {name}", "", 1))]
    if body is None:
        return items
    for declaration in body.named_children:
        if declaration.type != "declaration":
            continue
        identifiers = _first(declaration, "initialized_identifier_list")
        signature = _first(
            declaration,
            "constant_constructor_signature",
            "constructor_signature",
        )
        if identifiers is not None and "static" not in _text(declaration).split()[:2]:
            type_text = _dart_field_type(declaration, identifiers)
            for identifier in identifiers.named_children:
                member = _text(identifier).split("=")[0].strip()
                if not member.startswith("_"):
                    items.append(ApiItem(name, "field", member, type_text))
        elif signature is not None and _dart_constructor_name(signature) == name:
            items += _dart_params(name, signature)
    return items


def _without_annotations(header: str) -> str:
    """``@FromSchema('X', nullable: true) final class X`` -> ``final class X``: annotations
    are metadata, not API."""
    while header.startswith("@"):
        depth, end = 0, len(header)
        for index, char in enumerate(header):
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    end = index + 1
                    break
            elif char == " " and depth == 0 and index > 1:
                end = index
                break
        header = header[end:].strip()
    return header


def _dart_field_type(declaration: Any, identifiers: Any) -> str:
    raw: bytes = declaration.text
    head = raw[: identifiers.start_byte - declaration.start_byte].decode("utf-8").split()
    return " ".join(w for w in head if w not in ("final", "late", "const", "static", "var"))


def _dart_constructor_name(signature: Any) -> str:
    names = [c for c in signature.named_children if c.type == "identifier"]
    return ".".join(_text(n) for n in names)


def _dart_params(owner: str, signature: Any) -> list[ApiItem]:
    items: list[ApiItem] = []
    parameters = _first(signature, "formal_parameter_list")
    if parameters is None:
        return items
    for child in parameters.named_children:
        named = child.type == "optional_formal_parameters"
        group = child.named_children if named else [child]
        optional_positional = named and _text(child).startswith("[")
        for parameter in group:
            if parameter.type != "formal_parameter":
                continue
            words = _text(parameter).split()
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
                default = following.next_named_sibling
                if default is not None:
                    state = f"optional = {_text(default)}"
            items.append(ApiItem(owner, "param", member, state))
    return items


def _dart_enum(node: Any) -> list[ApiItem]:
    name = _text(_first(node, "identifier"))
    items = [ApiItem(name, "enum")]
    body = _first(node, "enum_body")
    for constant in body.named_children if body is not None else []:
        if constant.type != "enum_constant":
            continue
        member = _text(_first(constant, "identifier"))
        arguments = _first(constant, "argument_part")
        value = _text(arguments).strip("()") if arguments is not None else ""
        items.append(ApiItem(name, "case", member, "", value))
    return items


_PHP_TYPES = frozenset({"class_declaration", "enum_declaration", "interface_declaration"})


def php_api(text: str) -> list[ApiItem]:
    """Classes, interfaces and enums (with their headers), public properties and promoted
    constructor parameters with types, constructor parameters (required when they have no
    default), enum cases with values."""
    root = _parse("php", text)
    items: list[ApiItem] = []
    for node in _walk(
        root, frozenset({"class_declaration", "enum_declaration", "interface_declaration"})
    ):
        name_node = node.child_by_field_name("name")
        if name_node is None:
            continue
        name = _text(name_node)
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
                        _text(case) if case is not None else "",
                        "",
                        _text(value) if value is not None else "",
                    )
                )
            elif member.type == "property_declaration" and _php_public(member):
                type_node = member.child_by_field_name("type")
                for element in member.named_children:
                    if element.type == "property_element":
                        prop = _text(_first(element, "variable_name")).lstrip("$")
                        type_text = _text(type_node) if type_node is not None else ""
                        items.append(ApiItem(name, "field", prop, type_text))
            elif member.type == "method_declaration":
                method = member.child_by_field_name("name")
                if method is not None and _text(method) == "__construct":
                    items += _php_params(name, member)
    return items


def _php_public(node: Any) -> bool:
    modifiers = [_text(c) for c in node.named_children if c.type == "visibility_modifier"]
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
        member = _text(name_node).lstrip("$")
        default = parameter.child_by_field_name("default_value")
        state = "required" if default is None else f"optional = {_text(default)}"
        items.append(ApiItem(owner, "param", member, state))
        if parameter.type == "property_promotion_parameter" and _php_public(parameter):
            type_node = parameter.child_by_field_name("type")
            type_text = _text(type_node) if type_node is not None else ""
            items.append(ApiItem(owner, "field", member, type_text))
    return items


EXTRACTORS: dict[str, Callable[[str], list[ApiItem]]] = {
    "python": python_api,
    "dart": dart_api,
    "php": php_api,
}
SUFFIXES = {"python": (".py",), "dart": (".dart",), "php": (".php",)}


def is_support_file(path: str) -> bool:
    """The emitters' runtime helpers (``_runtime.py``, ``_support.dart``, ``Support/*.php``):
    the same for every schema, so not part of any model's API."""
    return path.rsplit("/", 1)[-1].startswith("_") or "/Support/" in f"/{path}"


def listing(language: str, files: dict[str, str], wanted: Wanted | None = None) -> list[ApiItem]:
    """The sorted public API of the generated model files of one language; with ``wanted``
    (a test on type or file names), files and classes it rejects are not read."""
    items: set[ApiItem] = set()
    for path, content in files.items():
        if not path.endswith(SUFFIXES[language]) or is_support_file(path):
            continue
        if language == "python":
            items.update(python_api(content, wanted))
            continue
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if wanted is None or wanted(stem):
            items.update(EXTRACTORS[language](content))
    return sorted(items)


# --- comparing listings ---


@dataclass(frozen=True)
class CodeChange:
    """One difference between the two listings of a language, attributed to a model."""

    models: tuple[str | None, str | None]  # (old name, new name) of the model compared
    owner: str
    member: str  # "" for the type itself
    what: str  # type_removed, type_renamed, field_type_changed, case_renamed, ...
    level: Level
    reason: str
    value: str = ""  # enum case value, for matching enum findings

    def keys(self) -> set[str]:
        return {k for k in (norm(self.member), norm(self.value)) if k}


def norm(name: str) -> str:
    """Name compared across spellings: ``quantity_unit``, ``quantityUnit``, ``$quantityUnit``,
    ``class_``, ``"tokens"``, ``'tokens'`` all compare equal to their plain words."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _strip_null(type_text: str) -> tuple[str, bool]:
    t = type_text.replace(" ", "")
    for suffix in ("|None", "|null"):
        if t.endswith(suffix):
            return t[: -len(suffix)], True
    for prefix in ("None|", "null|"):
        if t.startswith(prefix):
            return t[len(prefix) :], True
    if t.startswith("Optional[") and t.endswith("]"):
        return t[9:-1], True
    if t.startswith("?"):
        return t[1:], True
    if t.endswith("?"):
        return t[:-1], True
    return t, False


def _union_parts(type_text: str) -> set[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in type_text.replace(" ", ""):
        if char in "[(<{":
            depth += 1
        elif char in "])>}":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return set(parts)


Aliases = dict[str, str]  # generated alias name -> its target type text


def compare_owner(
    language: str,
    model: tuple[str | None, str | None],
    old: list[ApiItem],
    new: list[ApiItem],
    aliases: tuple[Aliases, Aliases] = ({}, {}),
) -> list[CodeChange]:
    """Changes between two versions of one generated type (``old``/``new``: its items)."""
    changes: list[CodeChange] = []
    old_head = next((i for i in old if i.kind in TYPE_KINDS), None)
    new_head = next((i for i in new if i.kind in TYPE_KINDS), None)
    assert old_head is not None and new_head is not None
    owner = new_head.owner

    def add(member: str, what: str, level: Level, reason: str, value: str = "") -> None:
        changes.append(CodeChange(model, owner, member, what, level, reason, value))

    if old_head.owner != new_head.owner:
        add(
            "",
            "type_renamed",
            "breaking",
            f"{old_head.kind} {old_head.owner} is now {new_head.owner}",
        )
    if old_head.kind != new_head.kind:
        add("", "type_kind_changed", "breaking", f"{old_head.kind} became {new_head.kind}")
    elif old_head.signature != new_head.signature:
        if old_head.kind == "alias":
            before, after = _union_parts(old_head.signature), _union_parts(new_head.signature)
            if before < after:
                add("", "alias_widened", "warning", f"{owner} also admits {_join(after - before)}")
            else:
                add("", "alias_changed", "breaking", f"{owner} is now {new_head.signature}")
        else:
            add(
                "",
                "type_header_changed",
                "warning",
                f"declaration changed: {old_head.signature or '(none)'} -> "
                f"{new_head.signature or '(none)'}",
            )
    changes += [
        CodeChange(model, owner, c.member, c.what, c.level, c.reason, c.value)
        for c in _compare_members(language, owner, old, new, aliases)
    ]
    return changes


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _expand(type_text: str, aliases: Aliases) -> str:
    """Alias names in a type replaced by what they stand for (a few levels deep)."""
    for _ in range(5):
        expanded = _IDENTIFIER.sub(lambda m: aliases.get(m.group(0), m.group(0)), type_text)
        if expanded == type_text:
            break
        type_text = expanded
    return type_text.replace("??", "?")


def _same_type(a: str, b: str, aliases: tuple[Aliases, Aliases]) -> bool:
    return _union_parts(_expand(a, aliases[0])) == _union_parts(_expand(b, aliases[1]))


def _widens(a: str, b: str, aliases: tuple[Aliases, Aliases]) -> bool:
    """``b`` is a union of everything ``a`` admits and more."""
    return _union_parts(_expand(a, aliases[0])) < _union_parts(_expand(b, aliases[1]))


def _join(parts: Iterable[str]) -> str:
    return ", ".join(sorted(parts))


def _compare_members(
    language: str,
    owner: str,
    old: list[ApiItem],
    new: list[ApiItem],
    aliases: tuple[Aliases, Aliases],
) -> list[CodeChange]:
    out: list[CodeChange] = []

    def add(member: str, what: str, level: Level, reason: str, value: str = "") -> None:
        out.append(CodeChange((None, None), owner, member, what, level, reason, value))

    for kind in ("field", "param"):
        before = {i.member: i.signature for i in old if i.kind == kind}
        after = {i.member: i.signature for i in new if i.kind == kind}
        for member in sorted(set(before) | set(after)):
            a, b = before.get(member), after.get(member)
            if a == b:
                continue
            if kind == "field":
                if b is None:
                    add(member, "field_removed", "breaking", f"field {member} removed")
                elif a is None:
                    add(member, "field_added", "safe", f"new field {member}: {b}")
                else:
                    (base_a, _), (base_b, null_b) = _strip_null(a), _strip_null(b)
                    if _same_type(a, b, aliases):
                        add(
                            member,
                            "field_type_renamed",
                            "safe",
                            f"{member}: {a} -> {b} (an alias of the same type)",
                        )
                    elif base_a == base_b and null_b:
                        add(
                            member,
                            "field_became_nullable",
                            "warning",
                            f"{member} may now be null ({a} -> {b})",
                        )
                    elif base_a == base_b:
                        add(member, "field_became_non_nullable", "safe", f"{member}: {a} -> {b}")
                    elif _widens(a, b, aliases):
                        add(
                            member,
                            "field_type_widened",
                            "warning",
                            f"{member} may hold more kinds of value ({a} -> {b})",
                        )
                    else:
                        add(member, "field_type_changed", "breaking", f"{member}: {a} -> {b}")
            elif a is None:
                if b == "required":
                    add(
                        member,
                        "required_param_added",
                        "breaking",
                        f"constructor gains required parameter {member}",
                    )
                else:
                    add(member, "optional_param_added", "safe", f"new optional parameter {member}")
            elif b is None:
                add(
                    member,
                    "param_removed",
                    "breaking",
                    f"constructor parameter {member} removed",
                )
            elif b == "required":
                add(member, "param_became_required", "breaking", f"{member} must now be passed")
            elif a == "required":
                add(member, "param_became_optional", "safe", f"{member} may now be left out")
            else:
                add(
                    member,
                    "param_default_changed",
                    "warning",
                    f"leaving {member} out now means {b.removeprefix('optional = ')}"
                    f" (was {a.removeprefix('optional = ')})",
                )
    old_cases = {i.value or i.member: i.member for i in old if i.kind == "case"}
    new_cases = {i.value or i.member: i.member for i in new if i.kind == "case"}
    for value in sorted(set(old_cases) | set(new_cases)):
        a, b = old_cases.get(value), new_cases.get(value)
        if a == b:
            continue
        if a is not None and b is not None:
            add(
                b,
                "case_renamed",
                "breaking",
                f"enum case {owner}.{a} is now {owner}.{b} (same value {value})",
                value,
            )
        elif b is None:
            add(a or "", "case_removed", "breaking", f"enum case {owner}.{a} removed", value)
        elif language == "dart":
            add(
                b,
                "case_added",
                "warning",
                f"new enum case {b}: exhaustive switches over {owner} stop compiling",
                value,
            )
        else:
            add(b, "case_added", "safe", f"new enum case {owner}.{b}", value)
    return out


# --- driving the emitters ---


def closure(models: ModelSet, names: Iterable[str]) -> ModelSet:
    """``models`` cut down to ``names`` and everything they reference."""
    by_name = models.by_name()
    keep: set[str] = set()
    stack = [n for n in names if n in by_name]
    while stack:
        name = stack.pop()
        if name in keep:
            continue
        keep.add(name)
        stack.extend(r for r in model_refs(by_name[name]) if r in by_name and r not in keep)
    return replace(
        models,
        models=tuple(m for m in models.models if m.name in keep),
        request_roots=models.request_roots & keep,
        response_roots=models.response_roots & keep,
    )


def attribute(owner: str, models: dict[str, str]) -> str | None:
    """The model a generated type belongs to: the model of the same name (compared with
    :func:`norm`), else the longest model name it starts with (helper types the emitters add,
    like a union's variant wrappers). ``models``: normalised name -> model name."""
    key = norm(owner)
    for end in range(len(key), 0, -1):
        if key[:end] in models:
            return models[key[:end]]
    for name in sorted(models, key=len, reverse=True):  # UnknownFoo, FooFactory
        if name in key:
            return models[name]
    return None


@dataclass
class Surface:
    """What the generated code of each language says about a diff."""

    languages: tuple[str, ...] = ()
    changes: dict[str, list[CodeChange]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    code_diff: dict[str, str] = field(default_factory=dict)


def surface(
    old: ModelSet,
    new: ModelSet,
    findings: list[Finding],
    languages: Iterable[str],
    emit: Callable[[str, ModelSet], dict[str, str]],
    want_code_diff: bool = False,
) -> Surface:
    """Emit the changed models of both versions in each language and compare their APIs.

    ``emit(language, models)`` returns the generated files (path -> text); a
    :class:`ModelgenError` from it becomes a note, and that language's verdicts stay n/a.
    """
    old_by_name, new_by_name = old.by_name(), new.by_name()
    pairs = sorted(
        {
            (
                (f.old_model or f.model) if (f.old_model or f.model) in old_by_name else None,
                f.model if f.model in new_by_name else None,
            )
            for f in findings
            if not f.description_only  # documentation never changes the API listing
        },
        key=lambda pair: (pair[1] or "", pair[0] or ""),
    )
    old_names = {a for a, _ in pairs if a is not None}
    new_names = {b for _, b in pairs if b is not None}
    result = Surface(languages=tuple(languages))
    if not old_names and not new_names:
        return result
    old_subset, new_subset = closure(old, old_names), closure(new, new_names)
    # Generated types worth reading: those of the changed models and of what they reference
    # directly (for aliases in field types).
    interesting = {
        norm(name)
        for side, names in ((old_by_name, old_names), (new_by_name, new_names))
        for name in names
        for name in (name, *model_refs(side[name]))
    }

    lookup = {n: n for n in interesting}

    def wanted(name: str) -> bool:
        return attribute(name, lookup) is not None

    for language in result.languages:
        if language not in EXTRACTORS:
            result.notes.append(f"{language}: no public-API reader for it; no code verdicts")
            continue
        try:
            old_files = emit(language, old_subset) if old_names else {}
            new_files = emit(language, new_subset) if new_names else {}
        except ModelgenError as error:
            result.notes.append(f"{language}: could not generate code to compare: {error}")
            continue
        except Exception as error:  # an emitter bug must not hide the wire review
            result.notes.append(
                f"{language}: the emitter failed ({type(error).__name__}: {error});"
                " code verdicts left out, please report this"
            )
            continue
        old_listing = listing(language, old_files, wanted)
        new_listing = listing(language, new_files, wanted)
        aliases = (_aliases(old_listing), _aliases(new_listing))
        sealed = _sealed(old_listing) & _sealed(new_listing)  # sealed in both versions
        old_items = _by_model(old_listing, old_subset)
        new_items = _by_model(new_listing, new_subset)
        changes: list[CodeChange] = []
        for a, b in pairs:
            before = old_items.get(a, {}) if a is not None else {}
            after = new_items.get(b, {}) if b is not None else {}
            changes += _compare_model(language, (a, b), before, after, aliases, sealed)
        result.changes[language] = changes
        if want_code_diff:
            result.code_diff[language] = _unified(old_files, new_files, language)
    return result


def _aliases(items: list[ApiItem]) -> Aliases:
    return {i.owner: i.signature for i in items if i.kind == "alias"}


def _by_model(items: list[ApiItem], models: ModelSet) -> dict[str, dict[str, list[ApiItem]]]:
    """items -> model name -> owner -> its items."""
    names = {norm(m.name): m.name for m in models.models}
    out: dict[str, dict[str, list[ApiItem]]] = {}
    for item in items:
        model = attribute(item.owner, names)
        if model is not None:
            out.setdefault(model, {}).setdefault(item.owner, []).append(item)
    return out


def _main_owner(model: str, owners: dict[str, list[ApiItem]]) -> str | None:
    for owner in sorted(owners):
        if norm(owner) == norm(model):
            return owner
    return min(owners, key=len) if owners else None


def _compare_model(
    language: str,
    model: tuple[str | None, str | None],
    before: dict[str, list[ApiItem]],
    after: dict[str, list[ApiItem]],
    aliases: tuple[Aliases, Aliases] = ({}, {}),
    sealed: frozenset[str] = frozenset(),
) -> list[CodeChange]:
    """All code changes of one model: its main type paired across versions (even when
    renamed), helper types paired by name."""
    changes: list[CodeChange] = []
    pairs: list[tuple[str, str]] = []
    main_before = _main_owner(model[0] or "", before)
    main_after = _main_owner(model[1] or "", after)
    if main_before is not None and main_after is not None:
        pairs.append((main_before, main_after))
    for owner in sorted(set(before) & set(after)):
        if owner not in (main_before, main_after):
            pairs.append((owner, owner))
    paired_before = {a for a, _ in pairs}
    paired_after = {b for _, b in pairs}
    for a, b in pairs:
        if not any(i.kind in TYPE_KINDS for i in before[a]) or not any(
            i.kind in TYPE_KINDS for i in after[b]
        ):
            continue
        changes += compare_owner(language, model, before[a], after[b], aliases)
    for owner in sorted(set(before) - paired_before):
        changes.append(
            CodeChange(model, owner, "", "type_removed", "breaking", f"{owner} no longer exists")
        )
    for owner in sorted(set(after) - paired_after):
        parent = _sealed_parent(after[owner], sealed)
        if parent is not None:
            changes.append(
                CodeChange(
                    model,
                    owner,
                    "",
                    "subtype_added",
                    "warning",
                    f"new subtype {owner}: exhaustive switches over {parent} stop compiling",
                )
            )
        else:
            changes.append(CodeChange(model, owner, "", "type_added", "safe", f"new type {owner}"))
    return changes


def _sealed(items: list[ApiItem]) -> frozenset[str]:
    """The sealed classes (Dart) of a listing."""
    return frozenset(
        i.owner for i in items if i.kind in TYPE_KINDS and "sealed" in i.signature.split()
    )


def _sealed_parent(items: list[ApiItem], sealed: frozenset[str]) -> str | None:
    """The already existing sealed class that a new type extends or implements, if any."""
    head = next((i for i in items if i.kind in TYPE_KINDS), None)
    if head is None:
        return None
    words = head.signature.replace(",", " ").split()
    for keyword in ("extends", "implements"):
        if keyword in words:
            for parent in words[words.index(keyword) + 1 :]:
                if parent in sealed:
                    return parent
    return None


def _unified(old_files: dict[str, str], new_files: dict[str, str], language: str) -> str:
    chunks: list[str] = []
    for path in sorted(set(old_files) | set(new_files)):
        a, b = old_files.get(path), new_files.get(path)
        if a == b or not path.endswith(SUFFIXES[language]):
            continue
        chunks.extend(
            difflib.unified_diff(
                (a or "").splitlines(keepends=True),
                (b or "").splitlines(keepends=True),
                fromfile=f"a/{path}" if a is not None else "/dev/null",
                tofile=f"b/{path}" if b is not None else "/dev/null",
            )
        )
    return "".join(chunks)


# --- verdicts for findings ---

MODEL_LEVEL_PREFIXES = ("model.", "union.", "alias.", "object.", "enum.base", "additional.")


def apply(findings: list[Finding], result: Surface) -> list[Finding]:
    """``findings`` with a code verdict per language, plus findings for code changes no
    wire-level finding explains."""
    claimed: set[tuple[str, int]] = set()
    out: list[Finding] = []
    for finding in findings:
        code: list[tuple[str, Verdict]] = []
        for language in result.languages:
            changes = result.changes.get(language)
            if changes is None:
                code.append((language, Verdict("n/a", "code not generated (see notes)")))
                continue
            matched = _matching(finding, changes)
            claimed.update((language, id(c)) for c in matched)
            code.append((language, _verdict(matched)))
        out.append(replace(finding, code=tuple(code)))
    out += _unexplained(result, claimed)
    return out


def _matching(finding: Finding, changes: list[CodeChange]) -> list[CodeChange]:
    if finding.description_only:
        return []  # never breaking; a code change beside it is reported on its own
    if finding.old_model:
        mine = [c for c in changes if c.models == (finding.old_model, finding.model)]
    else:
        mine = [
            c
            for c in changes
            if (c.models[1] or c.models[0]) == finding.model
            and c.models[0] in (None, finding.model)
        ]
    if finding.member is not None and finding.kind.startswith("enum.value"):
        wanted = _json_value(finding.member)
        return [c for c in mine if c.value and _unquote(c.value) == wanted]
    if finding.member is not None:
        key = norm(finding.member)
        matched = [c for c in mine if key in c.keys()]
        if matched or not finding.kind.startswith(MODEL_LEVEL_PREFIXES):
            return matched
    return [c for c in mine if not c.member]


def _json_value(text: str) -> str:
    """An enum finding's member (the value as JSON) as plain text: ``"a"`` -> ``a``."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, str) else text


def _unquote(literal: str) -> str:
    """A case value as written in code (``'a'``, ``"a"``, ``1``) as plain text."""
    if len(literal) >= 2 and literal[0] == literal[-1] and literal[0] in "'\"":
        return literal[1:-1]
    return literal


def _verdict(changes: list[CodeChange]) -> Verdict:
    if not changes:
        return Verdict("safe", "generated API unchanged")
    worst = min(changes, key=lambda c: RANK[c.level])
    more = len(changes) - 1
    return Verdict(worst.level, worst.reason + (f" (+{more} more)" if more else ""))


_CODE_KINDS = {"case_renamed": "enum.symbol_changed"}


def _unexplained(result: Surface, claimed: set[tuple[str, int]]) -> list[Finding]:
    """Code changes with no wire-level finding, as findings of their own (safe ones are left
    out): one per model, member and kind of change, with a verdict for each language."""
    from .ir import Source

    groups: dict[tuple[str, str, str], dict[str, CodeChange]] = {}
    for language, changes in result.changes.items():
        for change in changes:
            if (language, id(change)) in claimed or change.level == "safe":
                continue
            # enum values as JSON text, like the wire-level enum findings
            member = change.member
            if change.value:
                unquoted = _unquote(change.value)
                member = json.dumps(unquoted) if unquoted != change.value else change.value
            model = change.models[1] or change.models[0] or change.owner
            key = (model, member, _CODE_KINDS.get(change.what, f"code.{change.what}"))
            groups.setdefault(key, {})[language] = change
    out: list[Finding] = []
    wire = Verdict("safe", "the wire does not change")
    for (model, member, kind), by_language in sorted(groups.items()):
        code = tuple(
            (
                language,
                Verdict(by_language[language].level, by_language[language].reason)
                if language in by_language
                else Verdict("safe", "generated API unchanged"),
            )
            for language in result.languages
        )
        out.append(
            Finding(
                model=model,
                kind=kind,
                source=Source("<generated code>"),
                before=None,
                after=None,
                request=wire,
                response=wire,
                member=member or None,
                code=code,
            )
        )
    return out
