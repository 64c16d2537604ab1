"""Line breaking for the generated Dart, in the shape ``dart format`` gives it: no code line over
80 columns where it can be broken, trailing commas where ``dart format`` puts them.

The templates write each statement on one line; :func:`fit` then breaks every line over 80
columns, the way ``dart format`` breaks it, trying in order:

- after ``=>`` (the body on the next line, +4), after the ``=`` of a declaration (+4);
- a conditional: ``? then`` and ``: else`` on lines of their own (+4);
- after ``??``, ``||``, ``&&``, ``==`` or ``!=`` (the loosest found), one operand a line;
- before ``implements`` / ``extends`` / ``with`` in a class or enum header (+4);
- a method chain before each ``.call(...)`` that follows a parenthesised or called target (+4);
- an ``if (...)`` statement after its condition (+2);
- an argument or parameter list (or a list or record literal): one element a line (+2), with
  a trailing comma, the closing bracket back at the line's indentation;
- a field ``final Type name;`` between the type and the name (+4).

Each new line is fitted again. Dart ignores line breaks between tokens, so a break outside
string literals and comments never changes what the code means; a trailing comma is added
only where Dart allows one (argument, parameter and list brackets). What cannot be broken stays
as it is: a string literal or a name longer than the line, a type such as ``T? Function()?``,
comments (``dart format`` does not reflow them), and directives.
"""

from __future__ import annotations

import re
from itertools import compress, count

WIDTH = 80
_KEYWORD_CALLS = frozenset({"if", "for", "while", "switch", "catch", "assert", "return"})
_HEADER = re.compile(r"^(?:(?:abstract|base|final|sealed|interface|mixin)\s+)*(?:class|enum)\s")
_FIELD = re.compile(r"^((?:final|late|static|const)\s+(?:final\s+)?)(.+?) (\w+;)$")
_WORD = re.compile(r"\w")
_LAST_WORD = re.compile(r"(\w+)$")
_CALL = re.compile(r"\.\w+[(<]")  # ``.name(`` or ``.name<``: a method call in a chain
_BINARY = (" ?? ", " || ", " && ", " == ", " != ")
# What _Scan stops at: quotes, brackets and ``//``; every other character keeps the depth.
_SIGNIFICANT = re.compile(r"""['"()\[\]{}<>]|//""")


def fit(text: str, width: int = WIDTH) -> str:
    """``text`` (Dart source) with its long code lines broken."""
    lines = text.split("\n")
    # Most lines fit: only the long ones are visited, each replaced by its pieces.
    long = list(compress(count(), map(width.__lt__, map(len, lines))))
    if not long:
        return text
    previous, last = "", -1  # the line written before, the last long line broken
    for i in long:
        if i and i - 1 != last:  # the line before fits: it is written as it is
            previous = lines[i - 1]
        pieces = _fit_line(lines[i], width, previous)
        previous, last = pieces[-1], i
        lines[i] = "\n".join(pieces)
    return "\n".join(lines)


def _fit_line(line: str, width: int, previous: str) -> list[str]:
    content = line.lstrip(" ")
    indent = len(line) - len(content)
    if content.startswith(("//", "import ", "export ", "part ", "library ")):
        return [line]
    scan = _Scan(content)
    if scan.comment:
        return [line]
    for split in (
        _after_arrow,
        _assignment,
        _conditional,
        _binary,
        _header,
        _chain,
        _if_statement,
        _brackets,
        _field,
    ):
        pieces = split(scan, indent, previous)
        if pieces is not None and line not in pieces:
            result: list[str] = []
            for piece in pieces:
                if len(piece) <= width:
                    result.append(piece)
                else:
                    result.extend(_fit_line(piece, width, result[-1] if result else previous))
            return result
    return [line]


class _Scan:
    """A line's code: which characters are outside string literals, the bracket depth before
    each character (brackets opened on this line only), and each bracket's partner."""

    def __init__(self, text: str) -> None:
        self.text = text
        n = len(text)
        self.code = code = [True] * n  # False inside string literals
        self.depth = depth = [0] * n
        self.partner: dict[int, int] = {}
        partner = self.partner
        self.comment = False
        # how many characters of a continuation's ``? `` / ``: `` lead to skip
        self.lead = 2 if text.startswith(("? ", ": ")) else 0
        stack: list[int] = []
        i = 0  # depth[:i] is filled in (depth 0 needs no filling)
        for found in _SIGNIFICANT.finditer(text):
            at = found.start()
            if at < i:  # inside a string literal read already
                continue
            level = len(stack)
            if level:
                depth[i : at + 1] = [level] * (at + 1 - i)
            char = text[at]
            if char in "'\"":
                end = _string_end(text, at)
                code[at:end] = [False] * (end - at)
                if level:
                    depth[at:end] = [level] * (end - at)
                i = end
                continue
            if char == "/":  # a comment: the rest of the line
                self.comment = True
                return
            if char in "([{" or (char == "<" and at and _WORD.match(text[at - 1])):
                stack.append(at)  # ``<`` after a name opens type arguments (``Map<K, V>``)
            elif (char == ">" and stack and text[stack[-1]] == "<") or (
                char in ")]}" and stack and text[stack[-1]] != "<"
            ):
                opener = stack.pop()
                partner[opener] = at
                partner[at] = opener
                depth[at] = len(stack)
            i = at + 1
        if stack:
            depth[i:] = [len(stack)] * (n - i)

    def top(self, needle: str, start: int = 0, end: int | None = None) -> list[int]:
        """Where ``needle`` occurs at depth 0 in code, between ``start`` and ``end``."""
        found = []
        stop = len(self.text) if end is None else end
        i = self.text.find(needle, start, stop)
        while i != -1:
            if self.code[i] and self.depth[i] == 0 and i + len(needle) <= stop:
                found.append(i)
            i = self.text.find(needle, i + 1, stop)
        return found


def _string_end(text: str, start: int) -> int:
    """The index after the string literal starting at ``start`` (interpolations included)."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "$" and text.startswith("${", i):
            depth = 0
            while i < len(text):
                if text[i] == "{":
                    depth += 1
                elif text[i] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
        elif char == quote:
            return i + 1
        i += 1
    return len(text)


def _pad(indent: int, text: str) -> str:
    return " " * indent + text


def _after_arrow(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    for i in scan.top(" => "):
        head, body = scan.text[: i + 3], scan.text[i + 4 :]
        if body and not _opens_lambda(scan, i, indent):
            return [_pad(indent, head), _pad(indent + 4, body)]
    return None


def _opens_lambda(scan: _Scan, arrow: int, indent: int) -> bool:
    """Whether the ``=>`` at ``arrow`` belongs to a function literal ``(v) => ...`` that starts
    the line and whose body has arguments to break, opened within the line's width (those
    are broken there instead)."""
    head = scan.text[:arrow]
    if not (head.startswith("(") and scan.partner.get(0) == arrow - 1):
        return False
    text = scan.text
    return any(
        text[i] == "(" and scan.depth[i] == 0 and scan.partner.get(i, -1) > i + 1
        for i in range(arrow, min(len(text), WIDTH - indent))
    )


def _assignment(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    """``typedef A = B;``, ``final x = value;``: the value on the next line (+4)."""
    marks = scan.top(" = ")
    if not marks or scan.text.startswith(("? ", ": ")):
        return None
    text = scan.text
    return [_pad(indent, text[: marks[0] + 2]), _pad(indent + 4, text[marks[0] + 3 :])]


def _conditional(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    lead = scan.lead
    marks = [i for i in scan.top(" ? ") if i >= lead]
    if not marks:
        return None
    question = marks[0]
    nested = 0
    # the `` ? `` and `` : `` that follow at depth 0, in order (a `` ? `` opens a nested one)
    questions = [(i, True) for i in marks if i >= question + 3]
    colons = [(i, False) for i in scan.top(" : ", question + 3)]
    for i, opens in sorted(questions + colons):
        if opens:
            nested += 1
        else:
            if nested == 0:
                text = scan.text
                step = indent + 4 + lead
                return [
                    _pad(indent, text[:question]),
                    _pad(step, text[question + 1 : i]),
                    _pad(step, text[i + 1 :]),
                ]
            nested -= 1
    return None


def _binary(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    for operator in _BINARY:
        marks = scan.top(operator, scan.lead)
        if not marks:
            continue
        text = scan.text
        step = indent if previous.rstrip().endswith(("=>", "(", "return")) else indent + 4
        pieces = [_pad(indent, text[: marks[0]] + operator.rstrip())]
        for start, end in zip(marks, [*marks[1:], len(text)], strict=True):
            piece = text[start + len(operator) : end]
            pieces.append(_pad(step, piece + (operator.rstrip() if end != len(text) else "")))
        return pieces
    return None


def _header(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    if not _HEADER.match(scan.text):
        return None
    for keyword in (" extends ", " with ", " implements "):
        marks = scan.top(keyword)
        if marks:
            text = scan.text
            return [_pad(indent, text[: marks[0]]), _pad(indent + 4, text[marks[0] + 1 :])]
    return None


def _chain(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    text = scan.text
    dots = [i for i in scan.top(".", scan.lead + 1) if text[i - 1] in ")]" and _CALL.match(text, i)]
    if not dots:
        return None
    pieces = [_pad(indent, text[: dots[0]])]
    for start, end in zip(dots, [*dots[1:], len(text)], strict=True):
        pieces.append(_pad(indent + 4 + scan.lead, text[start:end]))
    return pieces


def _if_statement(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    text = scan.text
    if not text.startswith("if ("):
        return None
    close = scan.partner.get(3)
    if close is None or close + 2 >= len(text):
        return None
    return [_pad(indent, text[: close + 1]), _pad(indent + 2, text[close + 2 :])]


def _brackets(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    """The last list of arguments, parameters or list elements closed on the line, one
    element a line."""
    text = scan.text
    openers = [i for i in scan.partner if text[i] in "([" and scan.code[i] and i < scan.partner[i]]
    # the outermost lists first (inside a condition's parentheses when nothing else is left)
    for opener in sorted(openers, key=lambda i: (scan.depth[i], -i)):
        close = scan.partner[opener]
        if close == opener + 1:
            continue
        comma = _allows_comma(text, opener)
        items = _items(scan, opener, close)
        if comma is None and _is_record(text, opener, items):
            comma = True
        if comma is None:
            continue
        lead = scan.lead
        inner = indent + 2 + lead
        pieces = [_pad(indent, text[: opener + 1])]
        pieces += [_pad(inner, item + ",") for item in items[:-1]]
        last = items[-1] + ("," if comma else "")
        pieces.append(_pad(inner, last))
        pieces.append(_pad(indent + lead, text[close:]))
        return pieces
    return None


def _is_record(text: str, opener: int, items: list[str]) -> bool:
    """A record literal ``(a, b)`` in a list or argument position: two or more fields (a
    parenthesised expression has one), where Dart allows a trailing comma."""
    before = text[:opener].rstrip()
    return text[opener] == "(" and len(items) > 1 and (not before or before[-1] in "([,")


def _allows_comma(text: str, opener: int) -> bool | None:
    """For the bracket at ``opener``: True where Dart allows a trailing comma (arguments,
    parameters, list literals), False where the list may be broken without one, None where
    it is not a list to break (a condition, an index, a parenthesised expression)."""
    before = text[:opener].rstrip()
    word = _LAST_WORD.search(before)
    if text[opener] == "[":
        return True if not before or before[-1] in "(,:=[>?" or before.endswith("return") else None
    if word is not None:
        return None if word.group(1) in _KEYWORD_CALLS else True
    if before.endswith("=>"):
        return None
    if before.endswith((">", ")")):
        return True
    # ``(v) => ...`` (a function literal's parameters) or a parenthesised expression
    return None


def _items(scan: _Scan, opener: int, close: int) -> list[str]:
    text = scan.text
    base = scan.depth[opener] + 1
    items: list[str] = []
    start = opener + 1
    i = text.find(",", start, close)
    while i != -1:
        if scan.code[i] and scan.depth[i] == base:
            items.append(text[start:i].strip())
            start = i + 1
        i = text.find(",", i + 1, close)
    last = text[start:close].strip()
    if last:
        items.append(last)
    return items


def _field(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    match = _FIELD.match(scan.text)
    if match is None or "(" in match.group(2) or "=" in match.group(2):
        return None
    return [_pad(indent, match.group(1) + match.group(2)), _pad(indent + 4, match.group(3))]
