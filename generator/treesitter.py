"""Parsing generated code with a real grammar (tree-sitter), to check it has no syntax errors
and to read generated code back. Grammars are imported lazily: only tests and the code readers
need them."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from typing import Any

from tree_sitter import Language, Node, Parser, Tree


@cache
def _parser(grammar: str) -> Parser:
    """The parser of the grammar package ``tree_sitter_<grammar>`` (the naming convention of
    py-tree-sitter's grammar packages), whose ``language_<grammar>()`` or ``language()``
    returns the grammar: the readers name their own grammar, this module names none."""
    module: Any = importlib.import_module(f"tree_sitter_{grammar}")
    function = getattr(module, f"language_{grammar}", None) or module.language
    return Parser(Language(function()))


def parse(grammar: str, source: str | bytes) -> Tree:
    """The syntax tree of ``source`` in ``grammar`` (a tree-sitter grammar package's suffix)."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    return _parser(grammar).parse(data)


def problems(tree: Tree) -> list[str]:
    """Every ERROR and MISSING node, as ``line:column: ERROR near '...'`` (1-based lines)."""
    found: list[str] = []
    if not tree.root_node.has_error:
        return found
    stack: list[Node] = [tree.root_node]
    while stack:
        node = stack.pop()
        if not node.has_error and not node.is_missing:
            continue
        if node.is_error or node.is_missing:
            kind = "MISSING" if node.is_missing else "ERROR"
            text = (node.text or b"")[:40].decode("utf-8", "replace")
            row, column = node.start_point
            found.append(f"{row + 1}:{column + 1}: {kind} {node.type} near {text!r}")
        stack.extend(reversed(node.children))
    found.sort(key=lambda item: tuple(int(n) for n in item.split(":", 2)[:2]))
    return found


# --- reading trees ---


def root(language: str, text: str) -> Any:
    """The root node of ``text`` parsed as ``language``."""
    return parse(language, text).root_node


def node_text(node: Any) -> str:
    """A node's text with runs of whitespace as one space."""
    return " ".join(node.text.decode("utf-8").split())


def walk(node: Any, types: frozenset[str]) -> Iterable[Any]:
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


def first_child(node: Any, *types: str) -> Any:
    """The first named child of one of ``types``, or None."""
    for child in node.named_children:
        if child.type in types:
            return child
    return None


def text_after(node: Any, child: Any) -> str:
    """The text of ``node`` after its child ``child``, whitespace runs as one space."""
    raw: bytes = node.text
    return " ".join(raw[child.end_byte - node.start_byte :].decode("utf-8").split())
