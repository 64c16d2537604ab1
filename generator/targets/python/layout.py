"""Black-compatible line layout for the few statement shapes the Python emitter writes.

Generated Python must be stable under black's default style (line length 88) without running
black at generation time. The emitter builds every statement that can grow long (calls,
signatures, annotated fields, aliases) as a small expression tree, and this module lays it out
the way black would: on one line when it fits, otherwise split at the last bracket, with the
bracket's contents on one indented line if they fit there, else one element per line with a
trailing comma (black's "right hand split" then "delimiter split"). A test runs ``black
--check`` over generated code with deliberately long names to keep this honest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

LINE_LENGTH = 88
INDENT = "    "

# Every node knows, from when it is made, its ``text`` on one line and whether it is
# ``forced`` onto several lines by a trailing comma inside ("magic trailing comma"). The nodes
# are frozen; those with derived fields set them in their own ``__init__`` (through
# ``_set``, as frozen dataclasses do), which makes building the tree about a third cheaper
# than a generated ``__init__`` plus ``__post_init__`` (bench/emit_python.py).
_set = object.__setattr__


@dataclass(frozen=True, slots=True)
class Atom:
    """Text that is never split: a name, a dotted name, a literal."""

    text: str
    forced: ClassVar[bool] = False


@dataclass(frozen=True, slots=True, init=False)
class Call:
    """``func(args)`` or, with square brackets, ``func[args]`` (a subscript)."""

    func: str
    args: tuple[Expr, ...]
    square: bool
    magic: bool  # written with a trailing comma: always one argument per line
    text: str = field(repr=False, compare=False)
    forced: bool = field(repr=False, compare=False)

    def __init__(
        self, func: str, args: tuple[Expr, ...], square: bool = False, magic: bool = False
    ) -> None:
        # one pass over the arguments for both (half the cost of two comprehensions)
        texts: list[str] = []
        forced = magic and bool(args)
        for arg in args:
            texts.append(arg.text)
            if arg.forced:
                forced = True
        inner = ", ".join(texts)
        if magic and args:
            inner += ","
        _set(self, "func", func)
        _set(self, "args", args)
        _set(self, "square", square)
        _set(self, "magic", magic)
        _set(self, "text", f"{func}[{inner}]" if square else f"{func}({inner})")
        _set(self, "forced", forced)


@dataclass(frozen=True, slots=True, init=False)
class Keyword:
    """``name=value`` inside a call."""

    name: str
    value: Expr
    text: str = field(repr=False, compare=False)
    forced: bool = field(repr=False, compare=False)

    def __init__(self, name: str, value: Expr) -> None:
        _set(self, "name", name)
        _set(self, "value", value)
        _set(self, "text", f"{name}={value.text}")
        _set(self, "forced", value.forced)


@dataclass(frozen=True, slots=True, init=False)
class BitOr:
    """``a | b | c`` (a type union)."""

    parts: tuple[Expr, ...]
    text: str = field(repr=False, compare=False)
    forced: bool = field(repr=False, compare=False)

    def __init__(self, parts: tuple[Expr, ...]) -> None:
        texts: list[str] = []
        forced = False
        for part in parts:
            texts.append(part.text)
            if part.forced:
                forced = True
        _set(self, "parts", parts)
        _set(self, "text", " | ".join(texts))
        _set(self, "forced", forced)


Expr = Atom | Call | Keyword | BitOr


def render(expr: Expr) -> str:
    """The expression on one line."""
    return expr.text


def _fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


def _has_magic(expr: Expr) -> bool:
    """Whether a trailing comma inside forces ``expr`` onto several lines."""
    return expr.forced


def lay_out(indent: str, prefix: str, expr: Expr, suffix: str = "") -> list[str]:
    """``prefix + expr + suffix`` at ``indent``, split the way black splits it."""
    line = f"{indent}{prefix}{render(expr)}{suffix}"
    if _fits(line) and not _has_magic(expr):
        return [line]
    if isinstance(expr, Keyword):
        return lay_out(indent, f"{prefix}{expr.name}=", expr.value, suffix)
    if not isinstance(expr, Call) or not expr.args:
        return [line]
    magic = expr.magic
    opening, closing = ("[", "]") if expr.square else ("(", ")")
    head = f"{indent}{prefix}{expr.func}{opening}"
    tail = f"{indent}{closing}{suffix}"
    inner = indent + INDENT
    if not _has_magic(expr):
        # the arguments on one line: the call's own text without ``func(`` and ``)``
        body = inner + expr.text[len(expr.func) + 1 : -1]
        if _fits(body):
            return [head, body, tail]
    if len(expr.args) == 1 and not magic:
        return [head, *lay_out(inner, "", expr.args[0]), tail]
    lines = [head]
    for arg in expr.args:
        one_line = f"{inner}{arg.text},"
        if isinstance(arg, Atom) or (_fits(one_line) and not _has_magic(arg)):
            lines.append(one_line)  # what lay_out gives an argument that fits (or an atom)
        else:
            lines.extend(lay_out(inner, "", arg, ","))
    lines.append(tail)
    return lines


def _lay_out_union(indent: str, union: BitOr) -> list[str]:
    """The contents of parentheses holding ``a | b``: one line, or one operand per line."""
    line = indent + render(union)
    if _fits(line):
        return [line]
    lines: list[str] = []
    for n, part in enumerate(union.parts):
        lines.extend(lay_out(indent, "| " if n else "", part))
    return lines


def annotated(indent: str, name: str, annotation: Expr, default: str | None = None) -> list[str]:
    """``name: annotation = default`` (a dataclass field or an explicit type alias).

    The default is always a short atom. Black first wraps the default in parentheses if the
    line up to them fits; else it wraps a union annotation in parentheses, splits a subscript
    annotation at its bracket, and wraps a long bare name in parentheses.
    """
    suffix = f" = {default}" if default is not None else ""
    line = f"{indent}{name}: {render(annotation)}{suffix}"
    if _fits(line):
        return [line]
    inner = indent + INDENT
    if default is not None:
        head = f"{indent}{name}: {render(annotation)} = ("
        if _fits(head) and not _has_magic(annotation):
            return [head, inner + default, f"{indent})"]
    if isinstance(annotation, Call):
        return lay_out(indent, f"{name}: ", annotation, suffix)
    if isinstance(annotation, BitOr):
        body = _lay_out_union(inner, annotation)
    else:
        body = lay_out(inner, "", annotation)
        if not _fits(body[0]):
            return [line]  # parentheses would not help a name that long: black leaves it
    return [f"{indent}{name}: (", *body, f"{indent}){suffix}"]


def alias(name: str, target: Expr, explicit: bool = True) -> list[str]:
    """A module-level type alias, ``Name: _t.TypeAlias = target``, or ``Name = target`` when
    ``explicit`` is false (black would otherwise break a long name's annotation apart).

    Black splits a subscript at its bracket when the line up to the bracket fits, and else
    wraps the right-hand side in parentheses, splitting a union there one operand per line.
    """
    prefix = f"{name}: _t.TypeAlias = " if explicit else f"{name} = "
    line = prefix + render(target)
    if _fits(line):
        return [line]
    if explicit and not _fits(prefix + "("):
        # black then parenthesises the annotation and lays the value out after ``) = ``
        return [f"{name}: (", f"{INDENT}_t.TypeAlias", *_alias_value(") = ", target, True)]
    return _alias_value(prefix, target, explicit)


def _alias_value(prefix: str, target: Expr, explicit: bool) -> list[str]:
    line = prefix + render(target)
    if _fits(line):
        return [line]
    if isinstance(target, Call):
        split = lay_out("", prefix, target)
        if _fits(split[0]):
            return split
        if not explicit:
            # black's "second opinion": the value in parentheses, if every line then fits
            wrapped = [f"{prefix}(", *lay_out(INDENT, "", target), ")"]
            return wrapped if all(_fits(line) for line in wrapped) else split
    if isinstance(target, BitOr):
        body = _lay_out_union(INDENT, target)
    else:
        body = lay_out(INDENT, "", target)
    return [f"{prefix}(", *body, ")"]


def signature(indent: str, name: str, params: list[str], returns: Expr) -> list[str]:
    """``def name(params) -> returns:``; split like black: parameters on one indented line if
    they fit there, else one per line with a trailing comma; then, if the closing line is
    still too long, the return annotation goes in parentheses."""
    line = f"{indent}def {name}({', '.join(params)}) -> {render(returns)}:"
    if _fits(line):
        return [line]
    call = Call(f"def {name}", tuple(Atom(p) for p in params))
    lines = lay_out(indent, "", call, f" -> {render(returns)}:")
    if len(lines) == 3 and len(params) == 1:
        lines[1] += ","  # black adds the comma when a lone parameter gets its own line
    if len(lines) > 1 and not _fits(lines[-1]):
        inner = indent + INDENT
        if isinstance(returns, BitOr):
            lines[-1:] = [f"{indent}) -> (", *_lay_out_union(inner, returns), f"{indent}):"]
        elif _fits(inner + render(returns)):
            lines[-1:] = [f"{indent}) -> (", inner + render(returns), f"{indent}):"]
    return lines


def fitted(lines: list[str], indent: str, prefix: str = "", suffix: str = "") -> str:
    """Laid-out lines as one text for a template to place: the lines were laid out at
    ``indent`` (after ``prefix``, before ``suffix``, which black counts in the line length but
    the template writes itself); the text drops the indent and the prefix from its first line
    and the suffix from its last, and its later lines keep their indentation, so a template
    places it with ``{{ text }}`` after writing ``indent`` and ``prefix``. Blank lines stay
    blank; no lines give ``""``."""
    if not lines:
        return ""
    text = lines[0] if len(lines) == 1 else "\n".join(lines)
    return text[len(indent) + len(prefix) : len(text) - len(suffix)]


def fit(indent: str, prefix: str, expr: Expr, suffix: str = "") -> str:
    """``fitted(lay_out(indent, prefix, expr, suffix), indent, prefix, suffix)``, without
    building the line when the expression fits on it."""
    if not expr.forced and len(indent) + len(prefix) + len(expr.text) + len(suffix) <= LINE_LENGTH:
        return expr.text
    return fitted(lay_out(indent, prefix, expr, suffix), indent, prefix, suffix)
