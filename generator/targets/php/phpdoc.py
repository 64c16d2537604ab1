"""PHPDoc, read as data: a docblock's tags (``@param``, ``@var``, ``@property``,
``@phpstan-type`` ...) and the PHPStan / Psalm type syntax they use, parsed into a small type
tree. Native PHP types (``?Foo``, ``int|string|null``) are a subset of that syntax and parse
alike.

The type tree (:data:`DocType`):

- :class:`TName`: a named type with its generic arguments (``string``, ``array<int, Foo>``,
  ``list<Foo>``, ``Foo``; ``Foo[]`` is ``list<Foo>``);
- :class:`TShape`: an ``array{...}``, ``list{...}`` or ``object{...}`` shape, each entry a key
  (``None`` for a positional entry), whether it is optional (``key?:``) and its type;
- :class:`TUnion`: ``A|B`` (``?A`` is ``A|null``);
- :class:`TLiteral`: ``'text'``, ``42``, ``1.5``.

A type the grammar below does not cover (conditional types, ``callable(...)`` signatures with
shapes inside, ...) raises :class:`DocTypeError`; callers treat it as unknown.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TypeAlias


class DocTypeError(ValueError):
    """A PHPDoc type this parser does not read."""


@dataclass(frozen=True, slots=True)
class TName:
    name: str
    args: tuple[DocType, ...] = ()


@dataclass(frozen=True, slots=True)
class ShapeEntry:
    key: str | None
    optional: bool
    type: DocType


@dataclass(frozen=True, slots=True)
class TShape:
    kind: str  # array, list, object
    entries: tuple[ShapeEntry, ...]


@dataclass(frozen=True, slots=True)
class TUnion:
    members: tuple[DocType, ...]


@dataclass(frozen=True, slots=True)
class TLiteral:
    value: str | int | float


DocType: TypeAlias = TName | TShape | TUnion | TLiteral

NULL = TName("null")

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<number>-?\d+(?:\.\d+)?)
    | (?P<variable>&?(?:\.\.\.)?\$[A-Za-z_]\w*)
    | (?P<name>\\?[A-Za-z_][\w-]*(?:\\[A-Za-z_][\w-]*)*)
    | (?P<ellipsis>\.\.\.)
    | (?P<punct>[{}<>()\[\],:?|&=*])
    | (?P<other>\S)
    )""",
    re.X,
)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    end: int  # offset just after the token


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.lastgroup is None:  # only whitespace left
            break
        found.append(_Token(match.lastgroup, match.group(match.lastgroup), match.end()))
        position = match.end()
    return found


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


_SHAPE_NAMES = frozenset({"array", "list", "object", "non-empty-array", "non-empty-list"})


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self, ahead: int = 0) -> _Token | None:
        index = self.at + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def is_punct(self, text: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token is not None and token.kind == "punct" and token.text == text

    def expect(self, text: str) -> None:
        if not self.is_punct(text):
            token = self.peek()
            raise DocTypeError(f"expected {text!r}, found {token.text if token else 'end'!r}")
        self.at += 1

    def type(self) -> DocType:
        members = [self.intersection()]
        while self.is_punct("|"):
            self.at += 1
            members.append(self.intersection())
        return members[0] if len(members) == 1 else TUnion(tuple(members))

    def intersection(self) -> DocType:
        first = self.prefixed()
        if self.is_punct("&"):
            while self.is_punct("&"):
                self.at += 1
                self.prefixed()
            return TName("mixed")  # an intersection: no JSON counterpart
        return first

    def prefixed(self) -> DocType:
        if self.is_punct("?"):
            self.at += 1
            return TUnion((self.prefixed(), NULL))
        atom = self.atom()
        while self.is_punct("[") and self.is_punct("]", 1):
            self.at += 2
            atom = TName("list", (atom,))
        return atom

    def atom(self) -> DocType:
        token = self.peek()
        if token is None:
            raise DocTypeError("a type is missing")
        if token.kind == "punct" and token.text == "(":
            self.at += 1
            inner = self.type()
            self.expect(")")
            return inner
        if token.kind == "string":
            self.at += 1
            return TLiteral(_unquote(token.text))
        if token.kind == "number":
            self.at += 1
            return TLiteral(float(token.text) if "." in token.text else int(token.text))
        if token.kind != "name":
            raise DocTypeError(f"not a type: {token.text!r}")
        self.at += 1
        name = token.text
        if self.is_punct("{") and name.lower() in _SHAPE_NAMES:
            return self.shape(name.lower())
        if self.is_punct("<"):
            return TName(name, self.arguments())
        if self.is_punct("(") and name.lower() in ("callable", "closure", "\\closure"):
            self.skip_balanced("(", ")")
            if self.is_punct(":"):
                self.at += 1
                self.prefixed()
            return TName("callable")
        if self.is_punct(":") and self.is_punct(":", 1):  # Foo::BAR, Foo::*
            raise DocTypeError(f"class constant types are not read ({name}::...)")
        return TName(name)

    def arguments(self) -> tuple[DocType, ...]:
        self.expect("<")
        args = [self.type()]
        while self.is_punct(","):
            self.at += 1
            args.append(self.type())
        self.expect(">")
        return tuple(args)

    def shape(self, kind: str) -> TShape:
        self.expect("{")
        entries: list[ShapeEntry] = []
        while not self.is_punct("}"):
            token = self.peek()
            if token is None:
                raise DocTypeError("an unclosed shape")
            if token.kind == "ellipsis":  # an unsealed shape: array{a: int, ...}
                self.at += 1
                if self.is_punct("<"):
                    self.arguments()
            else:
                entries.append(self.entry())
            if self.is_punct(","):
                self.at += 1
            elif not self.is_punct("}"):
                raise DocTypeError("expected ',' or '}' in a shape")
        self.at += 1
        return TShape(kind.removeprefix("non-empty-"), tuple(entries))

    def entry(self) -> ShapeEntry:
        token = self.peek()
        assert token is not None
        keyed = token.kind in ("name", "string", "number") and (
            self.is_punct(":", 1) or (self.is_punct("?", 1) and self.is_punct(":", 2))
        )
        if not keyed:
            return ShapeEntry(None, False, self.type())
        self.at += 1
        key = _unquote(token.text) if token.kind == "string" else token.text
        optional = self.is_punct("?")
        if optional:
            self.at += 1
        self.expect(":")
        return ShapeEntry(key, optional, self.type())

    def skip_balanced(self, opening: str, closing: str) -> None:
        depth = 0
        while (token := self.peek()) is not None:
            self.at += 1
            if token.kind == "punct" and token.text == opening:
                depth += 1
            elif token.kind == "punct" and token.text == closing:
                depth -= 1
                if depth == 0:
                    return
        raise DocTypeError(f"unbalanced {opening!r}")


@functools.lru_cache(maxsize=8192)
def parse_type(text: str) -> DocType:
    """The whole of ``text`` as one type."""
    parser = _Parser(_tokens(text))
    found = parser.type()
    rest = parser.peek()
    if rest is not None:
        raise DocTypeError(f"unexpected {rest.text!r} after a type")
    return found


@functools.lru_cache(maxsize=8192)
def parse_leading_type(text: str) -> tuple[DocType, str]:
    """The type at the start of ``text`` and the text after it (a ``$name``, a description)."""
    parser = _Parser(_tokens(text))
    found = parser.type()
    end = parser.tokens[parser.at - 1].end if parser.at else 0
    return found, text[end:].strip()


# --- docblocks -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tag:
    """One tag of a docblock: ``name`` without the ``@`` (``param``, ``phpstan-type``), its
    text with continuation lines joined, and its line (0-based, within the docblock)."""

    name: str
    text: str
    line: int


_TAG_LINE = re.compile(r"@([A-Za-z][\w-]*)\s*(.*)$")


def tags(docblock: str) -> list[Tag]:
    """The tags of a ``/** ... */`` comment, in order."""
    if not docblock.startswith("/**"):
        return []
    body = docblock[3:]
    if body.endswith("*/"):
        body = body[:-2]
    found: list[Tag] = []
    current: tuple[str, list[str], int] | None = None
    for number, raw in enumerate(body.split("\n")):
        line = raw.strip()
        if line.startswith("*"):
            line = line[1:].strip()
        match = _TAG_LINE.match(line)
        if match is not None:
            if current is not None:
                found.append(Tag(current[0], " ".join(current[1]).strip(), current[2]))
            current = (match.group(1), [match.group(2)], number)
        elif current is not None and line:
            current[1].append(line)
    if current is not None:
        found.append(Tag(current[0], " ".join(current[1]).strip(), current[2]))
    return found


@dataclass(frozen=True, slots=True)
class Typed:
    """A tag that types a variable or property: ``@param T $x``, ``@var T $x``, ``@property T
    $x`` (``variable`` without the ``$``; empty for ``@var T`` on a property)."""

    type: DocType
    variable: str
    line: int


def typed_tag(tag: Tag) -> Typed:
    """``T $name description`` -> the type and the name. Raises :class:`DocTypeError`."""
    found, rest = parse_leading_type(tag.text)
    match = re.match(r"&?(?:\.\.\.)?\$([A-Za-z_]\w*)", rest)
    return Typed(found, match.group(1) if match else "", tag.line)


_ALIAS = re.compile(r"([A-Za-z_]\w*)\s*=?\s*(.*)$", re.S)
_IMPORT = re.compile(r"([A-Za-z_]\w*)\s+from\s+(\\?[\w\\]+)(?:\s+as\s+([A-Za-z_]\w*))?")

ALIAS_TAGS = ("phpstan-type", "psalm-type")
IMPORT_TAGS = ("phpstan-import-type", "psalm-import-type")


def alias_tag(tag: Tag) -> tuple[str, DocType] | None:
    """``@phpstan-type Name Type`` (or ``Name = Type``) -> (name, type); ``None`` when it does
    not read."""
    match = _ALIAS.match(tag.text)
    if match is None:
        return None
    try:
        return match.group(1), parse_leading_type(match.group(2))[0]
    except DocTypeError:
        return None


def import_tag(tag: Tag) -> tuple[str, str, str] | None:
    """``@phpstan-import-type Name from Class as Local`` -> (local name, class, name)."""
    match = _IMPORT.match(tag.text)
    if match is None:
        return None
    name, cls, local = match.group(1), match.group(2), match.group(3)
    return local or name, cls, name
