"""Spec text made safe for PHP source: string literals, constant expressions for JSON values, and
docblock lines."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache

from generator import naming
from generator.ir import JsonValue

# Characters that make a string literal double-quoted, with escapes: control characters and
# the invisible/bidi ones (never raw in generated code).
_NEEDS_ESCAPES = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]"
)


@lru_cache(maxsize=1 << 14)  # the same keys and names recur across models and files
def php_string(text: str) -> str:
    """A PHP string literal whose runtime value is ``text``: single-quoted (no interpolation)
    unless it holds control or invisible characters, which are then spelled as escapes in a
    double-quoted literal with ``$`` escaped."""
    # printable ASCII (most keys and names) holds none of them: no need for the regex
    if (text.isascii() and text.isprintable()) or not _NEEDS_ESCAPES.search(text):
        if "\\" in text or "'" in text:
            text = text.replace("\\", "\\\\").replace("'", "\\'")
        return f"'{text}'"
    out = []
    for char in text:
        if char in '\\"$':
            out.append("\\" + char)
        elif _NEEDS_ESCAPES.match(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x80 else f"\\u{{{code:x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def php_literal(value: JsonValue) -> str:
    """A PHP constant expression for a JSON scalar or array."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        if -(2**63) < value < 2**63:
            return str(value)
        return php_literal(float(value))
    if isinstance(value, float):
        if math.isnan(value):
            return "\\NAN"
        if math.isinf(value):
            return "\\INF" if value > 0 else "-\\INF"
        text = repr(value)
        return text if any(c in text for c in ".eE") else text + ".0"
    if isinstance(value, str):
        return php_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(php_literal(item) for item in value) + "]"
    return "[" + ", ".join(f"{php_string(k)} => {php_literal(v)}" for k, v in value.items()) + "]"


def doc_lines(text: str | None) -> list[str]:
    """Spec text as docblock lines: invisible characters dropped, line breaks normalised, ``*/``
    unable to close the comment, and a leading ``@`` unable to start a tag."""
    if not text:
        return []
    lines = naming.clean_text(text).replace("*/", "*\\/").split("\n")
    lines = ["\\" + line if line.lstrip().startswith("@") else line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def doc_json(value: JsonValue) -> str:
    """JSON that is safe inside a docblock (``/`` escaped, so ``*/`` cannot occur; ASCII only);
    used for the schema names, keys and mappings the code reader needs back."""
    if isinstance(value, str) and value.isascii() and value.isprintable():
        if '"' not in value and "\\" not in value:  # what json.dumps writes for such a name
            return f'"{value}"'.replace("/", "\\/")
    return json.dumps(value).replace("/", "\\/")
