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

WIDTH = 80
_KEYWORD_CALLS = frozenset({"if", "for", "while", "switch", "catch", "assert", "return"})
_HEADER = re.compile(r"^(?:(?:abstract|base|final|sealed|interface|mixin)\s+)*(?:class|enum)\s")
_FIELD = re.compile(r"^((?:final|late|static|const)\s+(?:final\s+)?)(.+?) (\w+;)$")
_WORD_RUN = re.compile(r"\w+")
_CALL = re.compile(r"\.\w+[(<]")  # ``.name(`` or ``.name<``: a method call in a chain
_BINARY = (" ?? ", " || ", " && ", " == ", " != ")
# What _Scan reads: a run of characters that do not change the depth, then a token: a string
# literal (whole, unless it holds an interpolation ``${...}``), ``//`` or one character
# (a quote, a bracket, a ``/``).
_TOKEN = re.compile(
    r"""([^'"()\[\]{}<>/]*)"""
    r"""('[^'\\$]*(?:(?:\\[\s\S]|\$(?!\{))[^'\\$]*)*'"""
    r"""|"[^"\\$]*(?:(?:\\[\s\S]|\$(?!\{))[^"\\$]*)*"|//|[\s\S])"""
)
_WORD = re.compile(r"\w")


def fit(text: str, width: int = WIDTH) -> str:
    """``text`` (Dart source) with its long code lines broken."""
    return Fitter(width).fit(text)


class Fitter:
    """Breaks the long lines of many texts (the files of one run) to ``width``, each long line
    once: a line recurs in many files (a field read alike in many classes), and the same line
    after the same line is broken the same way."""

    def __init__(self, width: int = WIDTH) -> None:
        self.width = width
        self.fitted: dict[tuple[str, str], list[str]] = {}  # (line, the line before) -> pieces

    def fit(self, text: str) -> str:
        """``text`` (Dart source) with its long code lines broken."""
        width, fitted = self.width, self.fitted
        lines = text.split("\n")
        # Most lines fit: only the long ones are visited, each replaced by its pieces.
        long = [i for i, length in enumerate(map(len, lines)) if length > width]
        if not long:
            return text
        previous, last = "", -1  # the line written before, the last long line broken
        for i in long:
            if i and i - 1 != last:  # the line before fits: it is written as it is
                previous = lines[i - 1]
            key = (lines[i], previous)
            pieces = fitted.get(key)
            if pieces is None:
                pieces = fitted[key] = _fit_line(lines[i], width, previous)
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
    """A line's code: the bracket pairs opened and closed on the line (each bracket's partner,
    each opening bracket's depth), the string literals, and the line with everything that is
    not code at depth 0 hidden (:meth:`top` searches that)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.partner: dict[int, int] = {}
        partner = self.partner
        self.level: dict[int, int] = {}  # opening bracket -> its depth (of brackets before it)
        level = self.level
        # (start, end, depth): a string literal, or the inside of a bracket pair, at ``depth``
        # (each depth's in line order)
        self.hidden: list[tuple[int, int, int]] = []
        hidden = self.hidden
        self.comment = False
        # how many characters of a continuation's ``? `` / ``: `` lead to skip
        self.lead = 2 if text.startswith(("? ", ": ")) else 0
        stack: list[int] = []
        start: int | None = 0  # where to read tokens from (again, after a string read by hand)
        while start is not None:
            at = start
            for run, token in _TOKEN.findall(text, start):  # each token right after its run
                at += len(run)
                char = token[0]
                if char in "'\"":
                    end = at + len(token)
                    if len(token) == 1:  # not read whole by the pattern (``${...}``, not closed)
                        end = _string_end(text, at)
                        hidden.append((at, end, len(stack)))
                        start = end
                        break
                    hidden.append((at, end, len(stack)))
                elif token == "//":  # a comment: the rest of the line
                    self.comment = True
                    return
                elif char in "([{" or (char == "<" and at and _WORD.match(text, at - 1)):
                    level[at] = len(stack)  # ``<`` after a name opens type arguments
                    stack.append(at)
                elif char in ")]}>" and stack and ((char == ">") is (text[stack[-1]] == "<")):
                    opener = stack.pop()
                    partner[opener] = at
                    partner[at] = opener
                    hidden.append((opener + 1, at, len(stack)))
                at += len(token)
            else:
                start = None
        if stack:  # brackets left open: the rest of the line is inside them
            hidden.append((stack[0] + 1, len(text), 0))
        self.top_text = self.masked(0, len(text), 0)

    def masked(self, start: int, end: int, depth: int) -> str:
        """``text[start:end]`` (which holds whole bracket pairs and strings) with the string
        literals and the insides of the brackets at ``depth`` replaced by NULs: the code at
        ``depth`` is what is left."""
        text = self.text
        pieces = []
        for first, after, at in self.hidden:
            if at == depth and first >= start and after <= end:
                pieces.append(text[start:first])
                pieces.append("\0" * (after - first))
                start = after
        if not pieces:
            return text[start:end]
        pieces.append(text[start:end])
        return "".join(pieces)

    def top(self, needle: str, start: int = 0, end: int | None = None) -> list[int]:
        """Where ``needle`` (no quote or opening bracket in it) occurs at depth 0 in code,
        between ``start`` and ``end``."""
        found = []
        code = self.top_text
        stop = len(code) if end is None else end
        i = code.find(needle, start, stop)
        while i != -1:
            found.append(i)
            i = code.find(needle, i + 1, stop)
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
    if " => " not in scan.top_text:
        return None
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
    text, partner, stop = scan.text, scan.partner, min(len(scan.text), WIDTH - indent)
    return any(
        arrow <= i < stop and text[i] == "(" and depth == 0 and partner[i] > i + 1
        for i, depth in scan.level.items()
        if i in partner
    )


def _assignment(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    """``typedef A = B;``, ``final x = value;``: the value on the next line (+4)."""
    if " = " not in scan.top_text:
        return None
    marks = scan.top(" = ")
    if not marks or scan.text.startswith(("? ", ": ")):
        return None
    text = scan.text
    return [_pad(indent, text[: marks[0] + 2]), _pad(indent + 4, text[marks[0] + 3 :])]


def _conditional(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    if " ? " not in scan.top_text:
        return None
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
        if operator not in scan.top_text:
            continue
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
        if keyword not in scan.top_text:
            continue
        marks = scan.top(keyword)
        if marks:
            text = scan.text
            return [_pad(indent, text[: marks[0]]), _pad(indent + 4, text[marks[0] + 1 :])]
    return None


def _chain(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    text = scan.text
    if ")." not in scan.top_text and "]." not in scan.top_text:
        return None
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
    text, level = scan.text, scan.level
    openers = [i for i in scan.partner if text[i] in "([" and i in level]
    # the outermost lists first (inside a condition's parentheses when nothing else is left)
    for opener in sorted(openers, key=lambda i: (level[i], -i)):
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
    if text[opener] == "[":
        return True if not before or before[-1] in "(,:=[>?" or before.endswith("return") else None
    word = _WORD_RUN.match(before[::-1])  # the last word, reversed
    if word is not None:
        return None if word.group()[::-1] in _KEYWORD_CALLS else True
    if before.endswith("=>"):
        return None
    if before.endswith((">", ")")):
        return True
    # ``(v) => ...`` (a function literal's parameters) or a parenthesised expression
    return None


def _items(scan: _Scan, opener: int, close: int) -> list[str]:
    text = scan.text
    code = scan.masked(opener + 1, close, scan.level[opener] + 1)  # the code inside, at its depth
    items: list[str] = []
    start = opener + 1
    i = code.find(",")
    while i != -1:
        items.append(text[start : opener + 1 + i].strip())
        start = opener + 2 + i
        i = code.find(",", i + 1)
    last = text[start:close].strip()
    if last:
        items.append(last)
    return items


def _field(scan: _Scan, indent: int, previous: str) -> list[str] | None:
    match = _FIELD.match(scan.text)
    if match is None or "(" in match.group(2) or "=" in match.group(2):
        return None
    return [_pad(indent, match.group(1) + match.group(2)), _pad(indent + 4, match.group(3))]
