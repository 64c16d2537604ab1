"""What hand-written ``fromJson`` and ``toJson`` bodies say, for the SDK reader
(:mod:`generator.targets.dart.sdk_reader`): the keys ``toJson`` writes and the field each
key's value comes from, the ``json['key']`` reads ``fromJson`` passes to the constructor, and
the discriminator a family's ``fromJson`` dispatches on. Read from tree-sitter's syntax tree;
anything else in a body is ignored.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.targets.dart import sdk_syntax as syntax
from generator.targets.dart.sdk_syntax import EnumRef, Unknown, Value

if TYPE_CHECKING:
    from tree_sitter import Node


def descendants(node: Node) -> list[Node]:
    """Every named node under ``node``, in source order."""
    out: list[Node] = []
    stack = list(reversed(node.named_children))
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(current.named_children))
    return out


# --- toJson -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One key ``toJson`` writes: from the Dart field ``field``, or the constant ``const``."""

    field: str | None
    conditional: bool  # written under an `if` (only sometimes)
    line: int
    const: Value | None = None


@dataclass
class Written:
    entries: dict[str, Entry]
    spreads_super: bool  # `...super.toJson()`
    unread: int  # entries whose field this reader cannot tell


def to_json_entries(body: Node, fields: Container[str]) -> Written:
    """The entries of the map ``toJson`` returns: pairs of its map literals (not those nested
    in a pair's value), and ``map['key'] = value`` assignments."""
    written = Written({}, False, 0)
    for node in descendants(body):
        if node.type == "spread_element" and syntax.text(node).startswith("...super"):
            written.spreads_super = True
        elif node.type == "pair" and _outermost_pair(node):
            key_node, *value = node.named_children
            key = syntax.expression([key_node])
            if isinstance(key, str):
                _entry(written, key, value, fields, _conditional(node, body), node)
        elif node.type == "assignment_expression" and node.named_children:
            target = node.named_children[0]
            selectors = [s for s in descendants(target) if s.type == "index_selector"]
            if not selectors:
                continue
            key = syntax.expression(selectors[-1].named_children)
            if isinstance(key, str):
                value = node.named_children[1:]
                _entry(written, key, value, fields, _conditional(node, body), node)
    return written


def _entry(
    written: Written,
    key: str,
    value: list[Node],
    fields: Container[str],
    conditional: bool,
    node: Node,
) -> None:
    literal = syntax.expression(value)
    if not isinstance(literal, Unknown | EnumRef):
        written.entries[key] = Entry(None, False, syntax.line(node), literal)
        return
    for part in value:
        for sub in [part, *descendants(part)]:
            if sub.type == "identifier" and syntax.text(sub) in fields:
                written.entries[key] = Entry(syntax.text(sub), conditional, syntax.line(node))
                return
    written.unread += 1


def _outermost_pair(pair: Node) -> bool:
    """A pair of a map literal that is not itself inside another pair's value."""
    node = pair.parent
    while node is not None:
        if node.type == "pair":
            return False
        if node.type == "function_body":
            return True
        node = node.parent
    return True


def _conditional(node: Node, body: Node) -> bool:
    current = node.parent
    while current is not None and current != body:
        if current.type in ("if_element", "if_statement", "conditional_expression"):
            return True
        current = current.parent
    return False


def returned_identifier(body: Node) -> str | None:
    """``value`` of ``=> value`` or ``return value;``."""
    children = body.named_children
    if len(children) == 1 and children[0].type == "identifier":
        return syntax.text(children[0])
    for node in descendants(body):
        if node.type == "return_statement" and len(node.named_children) == 1:
            only = node.named_children[0]
            if only.type == "identifier":
                return syntax.text(only)
    return None


# --- fromJson ---------------------------------------------------------------------------------


def from_json_reads(
    body: Node, param: str, positional: list[str], params: Container[str]
) -> dict[str, tuple[str, int]]:
    """Constructor parameter -> (JSON key, line): the ``param['key']`` reads passed to a
    constructor, by the label or the position (``positional``: the constructor's positional
    parameters) of the outermost argument they are in."""
    out: dict[str, tuple[str, int]] = {}
    for node in descendants(body):
        if node.type != "index_selector":
            continue
        key = _read_key(node, param)
        argument = _outermost_argument(node, body) if key is not None else None
        if argument is None or key is None:
            continue
        if argument.type == "named_argument":
            name = syntax.text(argument.named_children[0]).rstrip(":").strip()
        else:
            arguments = argument.parent
            siblings = arguments.named_children if arguments is not None else []
            index = [s.id for s in siblings if s.type == "argument"].index(argument.id)
            name = positional[index] if index < len(positional) else ""
        if name in params and name not in out:
            out[name] = (key, syntax.line(argument))
    return out


def _read_key(index: Node, param: str) -> str | None:
    """``'key'`` when ``index`` is the ``['key']`` of ``param['key']``."""
    holder = index.parent
    if holder is None or holder.type != "unconditional_assignable_selector":
        return None
    selector = holder.parent
    receiver = selector.prev_named_sibling if selector is not None else None
    if receiver is None or receiver.type != "identifier" or syntax.text(receiver) != param:
        return None
    key = syntax.expression(index.named_children)
    return key if isinstance(key, str) else None


def _outermost_argument(node: Node, body: Node) -> Node | None:
    found = None
    current = node.parent
    while current is not None and current.id != body.id:
        if current.type in ("argument", "named_argument"):
            found = current
        current = current.parent
    return found


def dispatch(
    body: Node, param: str, classes: Container[str]
) -> tuple[str, list[tuple[str, str]]] | None:
    """(key, [(value, class)]) of a ``fromJson`` that picks a class by ``param['key']``: a
    switch statement or expression on it, or ``if (param['key'] == 'value')``; the class is
    the first of ``classes`` named in the branch."""
    found: dict[str, list[tuple[str, str]]] = {}
    for node in descendants(body):
        if node.type in ("switch_statement", "switch_expression"):
            key = _index_key(node.named_children[:1], param)
            if key is None:
                continue
            for case in node.named_children[1:]:
                for sub in [case, *descendants(case)]:
                    if sub.type in ("switch_statement_case", "switch_expression_case"):
                        _case(sub, key, classes, found)
        elif node.type == "equality_expression" and node.parent is not None:
            parts = node.named_children
            at = next((i for i, p in enumerate(parts) if p.type == "equality_operator"), 0)
            key = _index_key(parts[:at], param)
            value = syntax.expression(parts[at + 1 :])
            target = _constructed(node.parent, classes)
            if key is not None and isinstance(value, str) and target is not None:
                found.setdefault(key, []).append((value, target))
    if not found:
        return None
    key = max(found, key=lambda k: len(found[k]))
    return key, found[key]


def _case(
    case: Node, key: str, classes: Container[str], found: dict[str, list[tuple[str, str]]]
) -> None:
    pattern = next((c for c in case.named_children if c.type == "constant_pattern"), None)
    if pattern is None:
        return
    value = syntax.expression(pattern.named_children)
    target = _constructed(case, classes)
    if isinstance(value, str) and target is not None:
        found.setdefault(key, []).append((value, target))


def _constructed(node: Node, classes: Container[str]) -> str | None:
    """The first of ``classes`` named in ``node`` (``X.fromJson(json)``, ``X(...)``)."""
    for sub in descendants(node):
        if sub.type == "identifier" and syntax.text(sub) in classes:
            return syntax.text(sub)
    return None


def _index_key(parts: list[Node], param: str) -> str | None:
    """``'type'`` of ``param['type']`` given as sibling nodes (also parenthesised or cast)."""
    while len(parts) == 1 and parts[0].type in ("parenthesized_expression", "type_cast_expression"):
        parts = parts[0].named_children
    if len(parts) < 2 or parts[0].type != "identifier" or syntax.text(parts[0]) != param:
        return None
    if parts[1].type != "selector":
        return None
    selectors = [s for s in descendants(parts[1]) if s.type == "index_selector"]
    if not selectors:
        return None
    key = syntax.expression(selectors[0].named_children)
    return key if isinstance(key, str) else None
