"""The line each key of a TOML document is written on.

``tomllib`` gives values without positions; a configuration error must still name the line
(``pyproject.toml:14: unknown key 'lnag'``). :func:`key_lines` reads the document's structure
once more, just enough to place keys: table and array-of-tables headers, ``key = value``
lines, dotted keys, and the keys of inline tables, arrays of them included. It runs only on
text ``tomllib`` has already accepted, so it trusts the syntax; if it meets something it does
not follow it returns what it found so far, and an error then names the nearest line it knows
(:func:`line_of`), or just the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TypeAlias

KeyPath: TypeAlias = tuple[str | int, ...]
"""A key's place: table and key names, with the index of each array element on the way
(``("tool", "modelgen", "jobs", 1, "lang")``)."""

_BARE = re.compile(r"[A-Za-z0-9_+\-:]+")
_PUNCT = "[]{}=,."

Token: TypeAlias = tuple[str, str, int]  # kind ("str", "bare", "punct", "nl"), text, line


class _Unfollowed(Exception):
    """The scanner met a construct it does not follow."""


def _string(text: str, i: int, quote: str) -> tuple[str, int]:
    """The string starting at ``text[i]`` (a quote) and the index after it."""
    triple = text.startswith(quote * 3, i)
    basic = quote == '"'
    j = i + (3 if triple else 1)
    out: list[str] = []
    while j < len(text):
        c = text[j]
        if basic and c == "\\":
            out.append(text[j : j + 2])
            j += 2
            continue
        if triple and text.startswith(quote * 3, j):
            end = j + 3
            while end < len(text) and text[end] == quote and end - j < 5:
                end += 1  # up to two quotes before the closing three belong to the string
            out.append(quote * (end - j - 3))
            return "".join(out), end
        if not triple and c == quote:
            return "".join(out), j + 1
        if not triple and c == "\n":
            raise _Unfollowed
        out.append(c)
        j += 1
    raise _Unfollowed


def _unescape(raw: str) -> str:
    """A basic string's escapes, enough for key names."""
    return re.sub(
        r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)",
        lambda m: (
            chr(int(m.group(1)[1:], 16))
            if m.group(1)[0] in "uU"
            else {"n": "\n", "t": "\t", "b": "\b", "f": "\f", "r": "\r"}.get(m.group(1), m.group(1))
        ),
        raw,
    )


def _tokens(text: str) -> Iterator[Token]:
    line = 1
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\n":
            yield ("nl", "", line)
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif c == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif c in "\"'":
            start = line
            value, end = _string(text, i, c)
            line += text.count("\n", i, end)
            yield ("str", _unescape(value) if c == '"' else value, start)
            i = end
        elif c in _PUNCT:
            yield ("punct", c, line)
            i += 1
        else:
            match = _BARE.match(text, i)
            if match is None:
                raise _Unfollowed
            yield ("bare", match.group(), line)
            i = match.end()


class _Reader:
    def __init__(self, text: str) -> None:
        self.tokens = list(_tokens(text))
        self.i = 0
        self.lines: dict[KeyPath, int] = {}
        self.arrays: dict[tuple[str, ...], int] = {}  # array-of-tables path -> elements so far

    def peek(self, offset: int = 0) -> Token:
        j = self.i + offset
        return self.tokens[j] if j < len(self.tokens) else ("eof", "", 0)

    def is_punct(self, text: str, offset: int = 0) -> bool:
        kind, value, _ = self.peek(offset)
        return kind == "punct" and value == text

    def expect(self, text: str) -> None:
        if not self.is_punct(text):
            raise _Unfollowed
        self.i += 1

    def skip_newlines(self) -> None:
        while self.peek()[0] == "nl":
            self.i += 1

    def key(self) -> list[str]:
        keys: list[str] = []
        while True:
            kind, value, _ = self.peek()
            if kind not in ("str", "bare"):
                raise _Unfollowed
            keys.append(value)
            self.i += 1
            if not self.is_punct("."):
                return keys
            self.i += 1

    def record(self, path: KeyPath, line: int) -> None:
        for n in range(1, len(path) + 1):
            self.lines.setdefault(path[:n], line)

    def concrete(self, plain: tuple[str, ...]) -> KeyPath:
        """A header's path with the current element index after each array of tables."""
        path: list[str | int] = []
        for n, name in enumerate(plain):
            path.append(name)
            count = self.arrays.get(plain[: n + 1])
            if count is not None:
                path.append(count - 1)
        return tuple(path)

    def read(self) -> None:
        table: KeyPath = ()
        while self.i < len(self.tokens):
            kind, _, line = self.peek()
            if kind == "nl":
                self.i += 1
            elif self.is_punct("["):
                double = self.is_punct("[", 1)
                self.i += 2 if double else 1
                plain = tuple(self.key())
                self.expect("]")
                if double:
                    self.expect("]")
                    self.arrays[plain] = self.arrays.get(plain, 0) + 1
                table = self.concrete(plain)
                self.record(table, line)
                self.lines[table] = line
            else:
                keys = self.key()
                self.record((*table, *keys), line)
                self.expect("=")
                self.value((*table, *keys))

    def value(self, path: KeyPath) -> None:
        kind = self.peek()[0]
        if self.is_punct("["):
            self.i += 1
            index = 0
            while True:
                self.skip_newlines()
                if self.is_punct("]"):
                    self.i += 1
                    return
                self.lines.setdefault((*path, index), self.peek()[2])
                self.value((*path, index))
                self.skip_newlines()
                if self.is_punct(","):
                    self.i += 1
                    index += 1
        elif self.is_punct("{"):
            self.i += 1
            while not self.is_punct("}"):
                keys = self.key()
                self.record((*path, *keys), self.tokens[self.i - 1][2])
                self.expect("=")
                self.value((*path, *keys))
                if self.is_punct(","):
                    self.i += 1
            self.i += 1
        elif kind in ("str", "bare"):
            self.i += 1  # a scalar; a date-time or float may span several tokens
            while self.peek()[0] in ("str", "bare") or self.is_punct("."):
                self.i += 1
        else:
            raise _Unfollowed


def key_lines(text: str) -> dict[KeyPath, int]:
    """Every key's path -> the line (from 1) it is written on; a table's path -> its header's
    line; an array element's path -> the line it starts on."""
    try:
        reader = _Reader(text)
    except _Unfollowed:
        return {}
    try:
        reader.read()
    except _Unfollowed:
        pass
    return reader.lines


def line_of(lines: Mapping[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path``, or of the nearest enclosing key or table that has one."""
    for n in range(len(path), 0, -1):
        found = lines.get(path[:n])
        if found is not None:
            return found
    return None
