"""Spec text and JSON values in Python source: string and scalar literals, docstrings and ``#:``
comments, each escaped so that no spec text can end its literal or comment, and spelled the
way black would leave it."""

from __future__ import annotations

import functools
import json
import math
import re

from generator.errors import ModelgenError
from generator.naming import clean_text

# Characters that may need an escape: anything but printable ASCII other than the backslash.
_SPECIAL = re.compile(r"[^\x20-\x5b\x5d-\x7e]")
_NAMED_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    if char.isprintable():
        return char
    return _hex_escape(char)


def _escape_ascii_char(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED_ESCAPES.get(char) or _hex_escape(char)


def _hex_escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape(text: str) -> str:
    """Backslashes, tabs, line breaks and unprintable characters as escapes (lower-case hex,
    as black writes them); printable non-ASCII stays as it is."""
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text
    return _SPECIAL.sub(_escape_char, text)


@functools.lru_cache(maxsize=1 << 16)
def py_str(text: str) -> str:
    """A string literal for ``text``, in the quote style black prefers (double, unless single
    quotes need fewer escapes). Code lines are ASCII only: black measures a line by its display
    width (a wide character counts twice), so every non-ASCII character is escaped and a line's
    length is its width."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    plain = text.isascii() and text.isprintable() and "\\" not in text
    escaped = text if plain else _SPECIAL.sub(_escape_ascii_char, text)
    return f"{quote}{escaped.replace(quote, chr(92) + quote)}{quote}"


def py_literal(value: object) -> str:
    """A Python literal for a scalar JSON value; non-finite numbers are refused."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ModelgenError(f"{value!r} cannot be written as a Python literal")
        return repr(value)
    if isinstance(value, str):
        return py_str(value)
    raise ModelgenError(f"{value!r} is not a scalar")


def docstring(text: str, indent: str) -> list[str]:
    """Docstring lines for spec text. The text is escaped so it cannot end the literal, laid out
    as black lays docstrings out (first line stripped, common indentation of the rest removed,
    trailing spaces dropped), so ``inspect.getdoc()`` returns the text normalised that way."""
    if text.isascii() and text.isprintable() and text == text.strip() and text:
        if "\\" not in text and '"' not in text:  # one line, nothing to escape or strip
            return [f'{indent}"""{text}"""']
    raw_lines = [_escape(line).rstrip() for line in clean_text(text).split("\n")]
    while raw_lines and not raw_lines[0].strip():
        raw_lines.pop(0)
    while raw_lines and not raw_lines[-1].strip():
        raw_lines.pop()
    if not raw_lines:
        return []
    raw_lines[0] = raw_lines[0].lstrip()
    rest = raw_lines[1:]
    common = min((len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0)
    lines = [raw_lines[0]] + [line[common:] for line in rest]
    joined = "\n".join(lines)
    lead = trail = ""
    if joined.startswith('"'):  # black would pad a leading or trailing quote with a space
        joined, lead = joined[1:], "\\x22"
    if joined.endswith('"'):
        joined, trail = joined[:-1], "\\x22"
    joined = lead + joined.replace('"""', '""\\"') + trail
    out = joined.split("\n")
    if len(out) == 1:
        return [f'{indent}"""{out[0]}"""']
    body = [f"{indent}{line}" if line else "" for line in out[1:]]
    return [f'{indent}"""{out[0]}', *body, f'{indent}"""']


@functools.cache
def _unprintable() -> re.Pattern[str]:
    """Compiled on first use (most runs never meet a comment that needs it). Spelled as the
    ranges it matches rather than as the complement of the ranges it keeps (``[^\\x20-\\x7e
    \\u00a1-\\u2027\\u202a-\\ud7ff\\ue000-\\ufffd]``, the same characters), which compiles
    in 1 ms instead of 9."""
    return re.compile(
        r"[\x00-\x1f\x7f-\xa0\u2028\u2029\ud800-\udfff\ufffe\uffff\U00010000-\U0010ffff]"
    )


def comment(text: str, indent: str) -> list[str]:
    """``#:`` comment lines (the Sphinx attribute-doc form) for spec text."""
    if not text:
        return []
    lines = []
    for line in clean_text(text).split("\n"):
        if not (line.isascii() and line.isprintable()):
            line = _unprintable().sub(lambda m: repr(m.group())[1:-1], line)
        safe = line.rstrip()
        lines.append(f"{indent}#: {safe}" if safe else f"{indent}#:")
    while lines and lines[-1].endswith("#:"):
        lines.pop()
    return lines


def json_text(value: object) -> str:
    """A JSON value as spec text shows it (in documentation, not in code)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=True, sort_keys=False)
