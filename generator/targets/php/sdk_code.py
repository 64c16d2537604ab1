"""What the code of an SDK class says beyond its declarations, for the php-sdk reader
(:mod:`.sdk_reader`): the JSON keys a ``from()`` factory reads and the constructor parameters
and classes it passes them to, the keys ``toArray()`` / ``jsonSerialize()`` write properties
under, and the shape types overlaid with the classes the code builds for them. Read from the
tree-sitter tree; nothing is executed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from generator.targets.php.phpdoc import NULL, DocType, TLiteral, TName, TShape, TUnion
from generator.targets.php.sdk_scan import Decl, Method, Param, literal, text
from generator.targets.php.sdk_types import (
    INTEGERS,
    LISTS,
    SELF_NAMES,
    STRINGS,
    Types,
    fq,
    is_null,
    strip_null,
)


@dataclass
class Link:
    """A JSON key a factory reads, and what it does with it."""

    key: str
    param: Param | None
    code: DocType | None  # the type the code gives it (class names fully qualified)
    defaulted: bool  # read with ?? or under isset(): it may be absent
    line: int


_ABSENCE_CHECKS = frozenset({"isset", "empty", "array_key_exists"})


def expression_type(
    types: Types,
    node: Any,
    decl: Decl,
    depth: int = 0,
    assignments: dict[str, list[Any]] | None = None,
) -> DocType | None:
    """The SDK class an expression of a factory builds (``Foo::from(...)``, a list of them
    through ``array_map``), fully qualified; ``None`` when it builds none."""
    if node is None or depth > 8:
        return None
    kind = node.type
    if kind == "variable_name" and assignments:
        for assigned in assignments.get(text(node), []):
            found = expression_type(types, assigned, decl, depth + 1, assignments)
            if found is not None:
                return found
        return None
    if kind == "parenthesized_expression" and node.named_children:
        return expression_type(types, node.named_children[0], decl, depth + 1, assignments)
    if kind == "conditional_expression":
        branches = [c for c in node.named_children[1:] if c.type != "null"]
        for branch in branches:
            found = expression_type(types, branch, decl, depth + 1, assignments)
            if found is not None:
                return found
        return None
    if kind == "binary_expression" and node.named_children:
        return expression_type(types, node.named_children[0], decl, depth + 1, assignments)
    if kind == "match_expression":  # match ($x['type']) { 'a' => A::from($x), ... }
        arms: list[DocType] = []
        block = next((c for c in node.named_children if c.type == "match_block"), None)
        for arm in block.named_children if block is not None else []:
            if arm.type == "match_conditional_expression" and arm.named_children:
                arm_value = arm.named_children[-1]
                built = expression_type(types, arm_value, decl, depth + 1, assignments)
                if built is not None and built not in arms:
                    arms.append(built)
        return (arms[0] if len(arms) == 1 else TUnion(tuple(arms))) if arms else None
    if kind == "scoped_call_expression":
        scope = node.child_by_field_name("scope")
        method = node.child_by_field_name("name")
        if scope is None or method is None:
            return None
        scope_text = text(scope)
        if scope_text.lower() in SELF_NAMES:
            return fq(decl.fqn)
        owner = types.lookup_class(scope_text, decl)
        if owner is not None and owner.fqn.lower() in types.names:
            return fq(owner.fqn)
        return None
    if kind == "function_call_expression":
        function = node.child_by_field_name("function")
        if function is not None and text(function).lstrip("\\").lower() == "array_map":
            args = node.child_by_field_name("arguments")
            first = argument_values(args)[:1] if args is not None else []
            if first:
                body = _callable_result(first[0])
                item = expression_type(types, body, decl, depth + 1, assignments)
                if item is not None:
                    return TName("list", (item,))
    return None


def links(types: Types, decl: Decl, method: Method, param: Param) -> list[Link]:
    """The JSON keys the factory reads, each with the constructor parameter it goes to and
    the type the code gives it, in argument order."""
    variable = "$" + param.name
    body = method.node.child_by_field_name("body")
    if body is None:
        return []
    assignments: dict[str, list[Any]] = defaultdict(list)
    creation = None
    for node in descendants(body):
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if left is not None and right is not None and left.type == "variable_name":
                assignments[text(left)].append(right)
        elif node.type == "object_creation_expression" and creation is None:
            created = next(
                (c for c in node.named_children if c.type in ("name", "qualified_name")), None
            )
            if created is not None and (
                text(created).lower() in SELF_NAMES
                or decl.file.resolve(text(created)).lower() == decl.fqn.lower()
            ):
                creation = node
    constructor = decl.methods.get("__construct")
    params = constructor.params if constructor is not None else []
    by_name = {p.name: p for p in params}
    arguments = None
    if creation is not None:
        arguments = next((c for c in creation.named_children if c.type == "arguments"), None)
    links: list[Link] = []
    seen: set[str] = set()
    if arguments is not None:
        position = 0
        for argument in arguments.named_children:
            if argument.type != "argument" or not argument.named_children:
                continue
            named = argument.child_by_field_name("name")
            value = argument.named_children[-1]
            if named is not None:
                target = by_name.get(text(named))
            else:
                target = params[position] if position < len(params) else None
                position += 1
            keys, defaulted = _keys_read(value, variable, assignments)
            if len(keys) != 1 or keys[0] in seen:
                continue
            seen.add(keys[0])
            built = expression_type(types, value, decl, 0, assignments)
            links.append(link(types, keys[0], target, value, built, defaulted, decl, constructor))
    # keys read elsewhere in the factory (into local variables used otherwise)
    for node in descendants(body):
        key = _subscript_key(node, variable)
        if key is not None and key not in seen:
            seen.add(key)
            links.append(Link(key, None, None, _is_defaulted(node), node.start_point[0] + 1))
    return links


def link(
    types: Types,
    key: str,
    target: Param | None,
    value: Any,
    built: DocType | None,
    defaulted: bool,
    decl: Decl,
    constructor: Method | None,
) -> Link:
    code: DocType | None = None
    if target is not None:
        declared = None
        if constructor is not None:
            doc = constructor.doc("param", target.name)
            declared = doc[0] if doc is not None else None
        if declared is None:
            prop = next((p for p in decl.props if p.name == target.name), None)
            declared = prop.doc if prop is not None and prop.doc is not None else None
        if declared is None:
            declared = target.native
        code = types.resolved(declared, decl)
        if code is None and declared is not None:
            code = declared if _has_precise_type(declared) else None
    if built is not None and (code is None or types.resolved(code, decl) is None):
        nullable = (
            target is not None
            and target.native is not None
            and (strip_null(target.native) != target.native)
        )
        code = TUnion((built, NULL)) if nullable else built
    return Link(key, target, code, defaulted, value.start_point[0] + 1)


def overlay(
    types: Types, shape_type: DocType, ctx: Decl, code: DocType | None, depth: int = 0
) -> DocType:
    """The shape's type (written in ``ctx``), with the classes the code builds where the
    shape describes their objects in place (``errors?: array{...}`` built as
    ``BatchErrors``)."""
    if code is None or depth > 8:
        return shape_type
    bare_code = _merge_lists(strip_null(code))
    if bare_code is None:
        return shape_type
    if isinstance(shape_type, TName) and not shape_type.args:
        alias = types.alias(shape_type.name, ctx)
        if alias is not None and (alias[1].fqn.lower(), alias[2]) not in types.shape_of:
            body = types.qualify(alias[0], alias[1])
            overlaid = overlay(types, body, alias[1], code, depth + 1)
            return overlaid if overlaid != body else shape_type
    if isinstance(shape_type, TUnion):
        members = [m for m in shape_type.members if not is_null(m)]
        nulls = [m for m in shape_type.members if is_null(m)]
        if types.is_enum(bare_code) and all(isinstance(m, TLiteral) for m in members):
            return TUnion((bare_code, *nulls))  # 'a'|'b' read as the SDK's enum
        code_members: list[DocType] = (
            list(bare_code.members) if isinstance(bare_code, TUnion) else [bare_code]
        )
        if len(members) == 1:
            return TUnion((overlay(types, members[0], ctx, bare_code, depth + 1), *nulls))
        if len(members) == len(code_members):
            return TUnion((*pair(types, members, ctx, code_members, depth), *nulls))
        return shape_type
    if isinstance(shape_type, TShape) and isinstance(bare_code, TName):
        if bare_code.name.startswith("\\") and not bare_code.args:
            return bare_code
        return shape_type
    if isinstance(shape_type, TName) and isinstance(bare_code, TName):
        if shape_type.name.lower() in LISTS and shape_type.args:
            code_item = _item(bare_code)
            if code_item is not None:
                inner = overlay(types, shape_type.args[-1], ctx, code_item, depth + 1)
                return TName(shape_type.name, (*shape_type.args[:-1], inner))
            return shape_type
        if bare_code.name.startswith("\\") and not bare_code.args:
            if types.is_enum(bare_code) and shape_type.name.lower() in STRINGS | INTEGERS:
                return bare_code
    return shape_type


def pair(
    types: Types, members: list[DocType], ctx: Decl, code: list[DocType], depth: int
) -> list[DocType]:
    """The members of a union in a shape, each overlaid with the member of the code's
    union with the same tag (the literal of ``type`` in the shape and in the class's own
    shape), else with the member at the same position."""
    tags = [shape_tag(m) for m in members]
    code_tags = [types.class_tag(c) for c in code]
    if None not in tags and sorted(map(str, tags)) == sorted(map(str, code_tags)):
        by_tag = dict(zip(code_tags, code, strict=True))
        pairs = zip(members, tags, strict=True)
        return [overlay(types, m, ctx, by_tag[t], depth + 1) for m, t in pairs]
    return [overlay(types, m, ctx, c, depth + 1) for m, c in zip(members, code, strict=True)]


def written_keys(decl: Decl) -> dict[str, str]:
    """Property name -> the JSON key ``toArray()`` / ``jsonSerialize()`` writes it under."""
    found: dict[str, str] = {}
    for method_name in ("toarray", "jsonserialize"):
        method = decl.methods.get(method_name)
        if method is None:
            continue
        for node in descendants(method.node):
            if node.type != "array_element_initializer" or len(node.named_children) != 2:
                continue
            key_node, value = node.named_children
            key = literal(key_node)
            if not isinstance(key, str):
                continue
            for inner in [value, *descendants(value)]:
                if inner.type in (
                    "member_access_expression",
                    "nullsafe_member_access_expression",
                ):
                    obj = inner.child_by_field_name("object")
                    member = inner.child_by_field_name("name")
                    if obj is not None and member is not None and text(obj) == "$this":
                        found.setdefault(text(member), key)
                        break
        if found:
            break
    return found


def shape_tag(t: DocType) -> str | None:
    """The string literal of a shape's ``type`` key."""
    if isinstance(t, TShape):
        for entry in t.entries:
            if entry.key == "type" and isinstance(entry.type, TLiteral):
                return str(entry.type.value)
    return None


def _merge_lists(t: DocType | None) -> DocType | None:
    """``A[]|B[]`` (a loose spelling of a list of either) -> ``list<A|B>``."""
    if not isinstance(t, TUnion):
        return t
    items = [_item(m) for m in t.members]
    if all(item is not None for item in items):
        return TName("list", (TUnion(tuple(i for i in items if i is not None)),))
    return t


def _item(t: DocType) -> DocType | None:
    """The item (value) type of a list or map type."""
    if isinstance(t, TName) and t.name.lower() in LISTS and t.args:
        return t.args[-1]
    return None


def _has_precise_type(t: DocType) -> bool:
    """A declared type that says more than ``array`` / ``mixed``."""
    bare = strip_null(t)
    vague = ("array", "mixed", "iterable")
    return not (isinstance(bare, TName) and not bare.args and bare.name.lower() in vague)


def descendants(node: Any) -> list[Any]:
    """Every named node under ``node``, in source order, not entering nested functions."""
    found = []
    stack = list(reversed(node.named_children))
    while stack:
        current = stack.pop()
        found.append(current)
        if current.type in ("anonymous_function", "arrow_function", "function_definition"):
            continue
        stack.extend(reversed(current.named_children))
    return found


def _subscript_key(node: Any, variable: str) -> str | None:
    """``'key'`` of ``$variable['key']``."""
    if node.type != "subscript_expression" or len(node.named_children) < 2:
        return None
    base, index = node.named_children[0], node.named_children[1]
    if text(base) != variable or index.type not in ("string", "encapsed_string"):
        return None
    value = literal(index)
    return value if isinstance(value, str) else None


def _is_defaulted(node: Any) -> bool:
    """A read that tolerates an absent key: under ``??``, ``isset()``, ``array_key_exists()``
    or ``empty()``."""
    current = node.parent
    for _ in range(6):
        if current is None:
            return False
        if current.type == "binary_expression" and any(c.type == "??" for c in current.children):
            return True
        if current.type == "function_call_expression":
            function = current.child_by_field_name("function")
            if function is not None and text(function).lower() in _ABSENCE_CHECKS:
                return True
        current = current.parent
    return False


def _keys_read(
    value: Any, variable: str, assignments: dict[str, list[Any]]
) -> tuple[list[str], bool]:
    """The keys of ``$variable`` an argument reads (following local variables once), and
    whether any read tolerates an absent key."""
    keys: list[str] = []
    defaulted = False
    pending = [value]
    followed: set[str] = set()
    while pending:
        node = pending.pop()
        for inner in [node, *descendants(node)]:
            key = _subscript_key(inner, variable)
            if key is not None:
                if key not in keys:
                    keys.append(key)
                defaulted = defaulted or _is_defaulted(inner)
            elif (
                inner.type == "function_call_expression"
                and text(inner.child_by_field_name("function") or inner).lower()
                == "array_key_exists"
            ):
                args = inner.child_by_field_name("arguments")
                values = argument_values(args) if args is not None else []
                if len(values) == 2 and text(values[1]) == variable:
                    name = literal(values[0])
                    if isinstance(name, str):
                        if name not in keys:
                            keys.append(name)
                        defaulted = True
            elif inner.type == "variable_name":
                name = text(inner)
                if name != variable and name in assignments and name not in followed:
                    followed.add(name)
                    pending.extend(assignments[name])
    return keys, defaulted


def argument_values(arguments: Any) -> list[Any]:
    return [
        a.named_children[-1]
        for a in arguments.named_children
        if a.type == "argument" and a.named_children
    ]


def _callable_result(node: Any) -> Any | None:
    """The expression an arrow function returns (or a closure's first ``return``)."""
    if node.type == "arrow_function":
        return node.child_by_field_name("body")
    if node.type == "anonymous_function":
        body = node.child_by_field_name("body")
        for inner in descendants(body) if body is not None else []:
            if inner.type == "return_statement" and inner.named_children:
                return inner.named_children[0]
    if node.type == "scoped_call_expression":  # Foo::from(...), a first-class callable
        return node
    return None
