"""Parsing generated code with tree-sitter grammars, to check it is well formed without the
language's own toolchain. Grammars are imported only when a language is first asked for."""

from __future__ import annotations

import importlib
from functools import cache

import tree_sitter

# language -> (module, function returning the grammar)
_GRAMMARS = {
    "php": ("tree_sitter_php", "language_php"),
    "dart": ("tree_sitter_dart", "language"),
}


@cache
def _parser(language: str) -> tree_sitter.Parser:
    if language not in _GRAMMARS:
        raise ValueError(f"no tree-sitter grammar for {language!r}")
    module_name, function = _GRAMMARS[language]
    module = importlib.import_module(module_name)
    return tree_sitter.Parser(tree_sitter.Language(getattr(module, function)()))


def parse(language: str, source: str) -> tree_sitter.Tree:
    return _parser(language).parse(source.encode("utf-8"))


def problems(tree: tree_sitter.Tree) -> list[str]:
    """Every ERROR or MISSING node, as ``line:column: kind text``; empty when the parse is clean."""
    found: list[str] = []
    if not tree.root_node.has_error:
        return found
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if not node.has_error and not node.is_missing:
            continue
        if node.is_error or node.is_missing:
            row, column = node.start_point
            kind = "MISSING" if node.is_missing else "ERROR"
            text = (node.text or b"")[:40].decode("utf-8", "replace")
            found.append(f"{row + 1}:{column + 1}: {kind} {node.type} {text!r}")
        stack.extend(reversed(node.children))
    return found
