"""Reading a YAML or JSON document safely: the one place that turns spec bytes into Python data.

What it guarantees, whatever the input (bad-inputs.md §D and §F):

- Inputs above :data:`MAX_BYTES` are refused before parsing, counting the bytes read (a FIFO
  or ``/dev/zero`` stops there too).
- Text: UTF-8 (with or without BOM) and UTF-16/32 with a BOM are accepted; invalid UTF-8 and
  NUL bytes are an error with the line. CRLF is fine.
- Nesting: a cheap scan of the text refuses documents nested deeper than :data:`MAX_DEPTH`
  flow brackets or compact ``- - -`` levels, or indented more than ``2 * MAX_DEPTH`` columns,
  before the text reaches a parser (libyaml's C loader segfaults at about 26,000 levels and
  yaml-rs at about 100,000 compact ``- - -`` levels; real
  specs stay under 20 brackets and 100 columns), naming the line where the limit is passed.
  The bracket count is an over-estimate; when it is over the limit, the brackets are counted
  again without those inside quoted strings and comments (JSON strings; YAML's tokens, read by
  libyaml's scanner up to the limit), so 300 ``[`` in a description are no nesting. Whatever
  passes nests at most about 1,000 levels. The loaders that walk the data guard their own
  recursion on top of this.
- YAML is read with PyYAML's C loader and the safe constructor (no tags are ever turned into
  objects), with the YAML 1.2 core schema for plain scalars: ``on``/``yes``/``no`` stay
  strings, ``12:30`` stays a string, dates stay strings, ``0777`` is the integer 777. Tags
  whose values JSON cannot hold (``!!binary``, ``!!set``, ``!!omap``, ``!!pairs``,
  ``!!timestamp``) are an error, as are explicit tags on values they cannot convert.
- Mapping keys are always strings: a scalar key keeps its source text (``200``, ``on``,
  ``1.0`` are the strings you see); a non-scalar key is an error. ``<<`` is a key like any
  other (YAML 1.2 has no merge key: ``<<: *base`` does not merge ``base`` in, and a property
  named ``<<`` is that property).
- Duplicate keys (YAML or JSON) are an error naming the key.
- Aliases: PyYAML shares an aliased node instead of copying it, so loading a "billion laughs"
  document is cheap but walking it is not. Every alias to a mapping or sequence is recorded
  while constructing, and the size the document would have with aliases expanded is computed
  (memoised on identity) and capped at :data:`MAX_EXPANDED_NODES`. A recursive alias
  (``&a [*a]``) is an error.
- A redefined anchor (``&a`` twice; legal in YAML 1.2, rejected by PyYAML) is accepted: the
  later definition wins for the aliases after it (the anchors are renamed in the text and the
  text is loaded again).
- Several YAML documents in one file are an error. JSON is strict: ``NaN``/``Infinity`` and
  comments are errors, with the line.

Speed: most specs are read by yaml-rs (a YAML 1.2 parser in Rust; PyYAML's C loader builds
every node in Python) when the text has nothing that only the PyYAML path above handles
(:func:`_fast_load` lists what sends a document there, and how tags and aliases are checked).
On the 3 MB OpenAI spec that is 0.18 s of CPU, checks included, against 0.46 s. A test reads
every YAML file of the corpus both ways and finds them identical, types and key order included.
Any doubt, and every error, goes to the PyYAML path, so the messages and guarantees above hold
whichever path reads a document.
"""

from __future__ import annotations

import codecs
import json
import re
import types
from pathlib import Path
from typing import Any

from generator.errors import ModelgenError
from generator.ir import JsonValue, Source
from generator.sources.reading import read_limited

yaml_rs: types.ModuleType | None
try:
    import yaml_rs
except ImportError:  # no wheel for this platform: the PyYAML path reads everything
    yaml_rs = None

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 256  # flow brackets and leading "- " runs are capped by this, indentation by twice it
MAX_EXPANDED_NODES = 2_000_000  # mappings and sequences the aliases may add once expanded


# --- text ------------------------------------------------------------------------------------


# Byte order marks and the codecs that read past them (UTF-32's first: its little-endian mark
# starts with UTF-16's).
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOMS = tuple(bom for bom, _ in _BOM_CODECS)


def decode(data: bytes, source: Source) -> str:
    """Bytes to text: BOMs honoured, UTF-8 otherwise, NUL refused."""
    encoding = "utf-8"
    for bom, name in _BOM_CODECS:
        if data.startswith(bom):
            encoding = name
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ModelgenError(
            f"not valid {encoding.upper()} text ({err.reason} at byte {err.start})",
            Source(source.file, line=line),
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        raise ModelgenError(
            "the text contains a NUL character (UTF-16 without a byte order mark?)",
            Source(source.file, line=text.count("\n", 0, nul) + 1),
        )
    return text


_LEADING_INDICATORS = re.compile(r"(?:[-?][ \t]+){" + str(MAX_DEPTH) + ",}")


def check_depth(
    text: str, source: Source, json_syntax: bool = False, encoded: bytes | None = None
) -> None:
    """Refuse text nested deeper than :data:`MAX_DEPTH` levels, cheaply and before parsing.

    An upper-bound estimate: the deepest run of unclosed flow brackets (``[``/``{``, quoted
    text included, which can only make the estimate larger; counted again without it when the
    estimate is over the limit), and for block YAML the indentation and runs of compact
    ``- - -`` indicators on one line. ``encoded``: the text in UTF-8, when the caller has it.

    The scans run over the UTF-8 bytes: a bracket, a space and a line break are one byte each
    there, never part of another character's bytes, and bytes are scanned faster."""
    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")
    depth = 0
    deepest = 0
    # Only bracket characters matter: drop everything else at C speed, then count.
    for char in encoded.translate(None, _NOT_BRACKETS).decode("ascii"):
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif depth:
            depth -= 1
    if deepest > MAX_DEPTH:
        if json_syntax:
            at = _json_too_deep(text)
        else:
            from generator.sources.openapi.yaml_pyyaml import yaml_too_deep

            at = yaml_too_deep(text)
        if at is not None:
            raise ModelgenError(
                f"nested more than {MAX_DEPTH} levels deep (brackets); refused",
                Source(source.file, line=at),
            )
    indented = encoded.find(b"\n" + b" " * (2 * MAX_DEPTH))
    if indented >= 0:
        raise ModelgenError(
            f"indented more than {2 * MAX_DEPTH} columns; refused as too deeply nested",
            Source(source.file, line=encoded.count(b"\n", 0, indented) + 2),
        )
    # A run of MAX_DEPTH compact indicators needs a line of 2 * MAX_DEPTH characters: only
    # the (few) long lines are searched (a line has at least as many bytes as characters).
    first = encoded.partition(b"\n")[0]
    long_lines = [first] if len(first) >= 2 * MAX_DEPTH else []
    long_lines += (match[1] for match in _LONG_LINE.finditer(encoded))
    for raw in long_lines:
        line = raw.decode("utf-8", "surrogatepass")
        if len(line) >= 2 * MAX_DEPTH and _LEADING_INDICATORS.search(line) is not None:
            raise ModelgenError(
                f"nested more than {MAX_DEPTH} levels deep (compact sequences); refused",
                Source(source.file, line=text.count("\n", 0, text.find(line)) + 1),
            )


# Every byte but the brackets, for bytes.translate to delete.
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
# A line (after the first) of 2 * MAX_DEPTH bytes or more, in group 1.
_LONG_LINE = re.compile(rb"\n([^\n]{" + str(2 * MAX_DEPTH).encode() + rb",})")
# A JSON string (brackets in it are text), or a bracket.
_JSON_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')


def _json_too_deep(text: str) -> int | None:
    """The line where JSON text passes :data:`MAX_DEPTH` brackets outside strings, or None."""
    depth = 0
    for match in _JSON_BRACKETS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, match.start()) + 1
        elif char in "]}" and depth:
            depth -= 1
    return None


# --- YAML --------------------------------------------------------------------------------------


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


_SEPARATORS = frozenset(" \t\r\n[]{},")
_TOKEN_END = r"(?=[\s,\]}#:]|$)"
# Tokens that yaml-rs reads as numbers and the YAML 1.2 core schema as strings: binary and
# upper-case radix prefixes, signed prefixes (``0b101``, ``0X1F``, ``-0o17``), and digit
# separators (``1_000``, ``_1``, ``1.0_1``). Each pattern starts with a literal, which the
# regular expression engine finds fast; whether the match starts a token is checked after.
_RADIX = re.compile(r"0[bBoOxX][0-9a-zA-Z_]*" + _TOKEN_END, re.MULTILINE)
_SEPARATED = re.compile(r"_[0-9._eE+-]*" + _TOKEN_END, re.MULTILINE)
_NUMBER_PART = frozenset("0123456789.eE+-")


def _starts_token(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] in _SEPARATORS


def _number_yaml_rs_reads_differently(text: str) -> bool:
    """Over-matching only costs speed (the PyYAML path reads the document)."""
    for match in _RADIX.finditer(text):
        start = match.start()
        if start and text[start - 1] in "+-":
            start -= 1
        if _starts_token(text, start):
            return True
    for match in _SEPARATED.finditer(text):
        start = match.start()
        while start and text[start - 1] in _NUMBER_PART:
            start -= 1
        token = text[start : match.end()]
        if _starts_token(text, start) and any(c.isdigit() for c in token):
            return True
    return False


def _fast_load(text: str, encoded: bytes | None = None) -> dict[str, Any] | None:
    """The document read by yaml-rs, or None when the PyYAML path must read it: yaml-rs is
    missing; the text has a byte order mark, a directive (``%YAML``), a token yaml-rs reads as a
    number where the core schema reads a string (:func:`_number_yaml_rs_reads_differently`) or
    no final line break (yaml-rs then keeps a line break at the end of a last ``|`` block);
    yaml-rs fails for any reason (every error is reported by the PyYAML path) or aliases expand
    to more than a million events; the result is not a mapping of plain JSON with string keys
    (a plain key such as ``200`` or ``1.10``, whose text only the PyYAML path keeps); a tag is
    used (:func:`_tags_used`) or an alias is recursive (:func:`_alias_recursive`).
    ``encoded``: the text in UTF-8, when the caller has it (yaml-rs reads it then)."""
    if (
        yaml_rs is None
        or not text.endswith("\n")
        or "\ufeff" in text  # a byte order mark, which yaml-rs keeps in the first key
        or _line_starts_with_percent(text)
        or _number_yaml_rs_reads_differently(text)
    ):
        return None
    data = _yaml_rs(text if encoded is None else encoded)
    if type(data) is not dict or not _plain_json(data) or _tags_used(data, text):
        return None
    return None if _alias_recursive(data, text) else data


def _line_starts_with_percent(text: str) -> bool:
    """Whether a line of ``text`` starts with ``%`` (a directive such as ``%YAML``). Each
    ``%`` is looked at (most specs have a few dozen), the first thousand of them; the rest of
    the text is searched for ``"\n%"`` (slower: line breaks are everywhere)."""
    index = text.find("%")
    for _ in range(1000):
        if index < 0:
            return False
        if index == 0 or text[index - 1] == "\n":
            return True
        index = text.find("%", index + 1)
    return index >= 0 and text.find("\n%", index - 1) >= 0


def _yaml_rs(text: str | bytes) -> Any:
    """``text`` read by yaml-rs, or None; given as its UTF-8 bytes, it is read the same
    without being encoded again."""
    assert yaml_rs is not None
    try:
        return (yaml_rs.loads if isinstance(text, str) else yaml_rs.load)(
            text,
            parse_datetime=False,
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
            alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=1_000_000),
        )
    except Exception:  # any failure: the PyYAML path reads the text and says why
        return None


def _plain_json(root: dict[str, Any]) -> bool:
    """Every key a string, every value a JSON value (finite numbers)."""
    stack: list[Any] = [root]
    pop, push_all = stack.pop, stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is dict:
            for key in value:
                if type(key) is not str:
                    return False
            push_all(value.values())
        elif kind is list:
            push_all(value)
        elif kind is float:
            if value - value != 0:  # inf, nan
                return False
        elif kind is not str and kind is not int and kind is not bool and value is not None:
            return False
    return True


def _replaced(text: str, indicator: str, by: str, named: bool = False) -> tuple[str, bool]:
    """``text`` with each ``indicator`` that starts a token replaced by ``by`` (with the name
    that follows it when ``named``: an alias ``*name``, a name required); whether any was."""
    parts: list[str] = []
    last = 0
    index = text.find(indicator)
    while index >= 0:
        end = index + 1
        if named:
            while end < len(text) and text[end] not in _SEPARATORS:
                end += 1
        if (end > index + 1 or not named) and _starts_token(text, index):
            parts.append(text[last:index])
            parts.append(by)
            last = end
        index = text.find(indicator, end)
    parts.append(text[last:])
    return "".join(parts), last > 0


# The character _tags_used puts in place of a ``!`` (one of Unicode's private use, printable in
# YAML), and the string _alias_recursive puts in place of an alias.
_NOT_A_TAG = "\ue000"
_ALIAS_MARK = "\x01alias"


def _tags_used(data: Any, text: str) -> bool:
    """yaml-rs drops tags (``!!binary x`` and ``!custom x`` read as ``"x"``), which the PyYAML
    path refuses. A ``!`` that could start a tag is often text (``if err != nil`` in a code
    sample), so the text is read again with each such ``!`` replaced by another character:
    no tag was used when that gives the same tree but for that character in strings."""
    if not _may_hold_a_tag(text):
        return False
    marked_text, replaced = _replaced(text, "!", _NOT_A_TAG)
    if not replaced:
        return False
    if _NOT_A_TAG in text:
        return True
    marked = _yaml_rs(marked_text)
    stack: list[tuple[Any, Any]] = [(data, marked)]
    while stack:
        value, mark = stack.pop()
        if value == mark:  # most of the tree: no "!" replaced inside
            continue
        kind = type(mark)
        if kind is not type(value):
            return True
        if kind is str:
            if mark.replace(_NOT_A_TAG, "!") != value:
                return True
        elif kind is dict:
            if [key.replace(_NOT_A_TAG, "!") for key in mark] != list(value):
                return True
            stack.extend(zip(value.values(), mark.values(), strict=True))
        elif kind is list:
            if len(mark) != len(value):
                return True
            stack.extend(zip(value, mark, strict=True))
        else:
            return True
    return False


def _may_hold_a_tag(text: str) -> bool:
    """Whether a ``!`` in ``text`` stands where a node may start, so that it may be a tag: at
    the start of its line, or after what can come right before a node on one line (``key:``,
    ``-``, ``?``, ``[``, ``{``, ``,``, an anchor ``&a``). A ``!`` after other text on its line
    (``if err != nil`` in a code sample, ``wow!`` in a comment) is inside a scalar or a comment,
    never a tag; where this cannot tell, it says "may": only speed depends on it."""
    index = text.find("!")
    while index >= 0:
        if _starts_token(text, index):
            before = text[text.rfind("\n", 0, index) + 1 : index].rstrip()
            if not before or before[-1] in ":-?[{," or before.split()[-1].startswith("&"):
                return True
        index = text.find("!", index + 1)
    return False


def _alias_recursive(data: Any, text: str) -> bool:
    """yaml-rs reads an alias inside the node of its own anchor (``&a [*a]``, which the PyYAML
    path refuses) as null. The text is read again with every alias replaced by a marker
    string: an alias is recursive when a marker stands where ``data`` has null, or the marked
    tree has another shape. (A ``*`` inside a string may be replaced too: that changes only
    the string, or makes the marked text unreadable, and the PyYAML path reads it then.)"""
    if not _anchored(text):
        return False  # an alias without an anchor is an error: yaml-rs fails on it
    # the marker in YAML's double-quoted escapes
    marked_text, replaced = _replaced(text, "*", '"\\x01alias"', named=True)
    if not replaced:
        return False
    marked = _yaml_rs(marked_text)
    stack: list[tuple[Any, Any]] = [(data, marked)]
    while stack:
        value, mark = stack.pop()
        if mark == _ALIAS_MARK:
            if value is None:
                return True
        elif value == mark:
            continue
        elif type(mark) is dict:
            if type(value) is not dict or value.keys() != mark.keys():
                return True
            stack.extend((value[key], mark[key]) for key in mark)
        elif type(mark) is list:
            if type(value) is not list or len(value) != len(mark):
                return True
            stack.extend(zip(value, mark, strict=True))
        elif mark is None:
            return True
    return False


def _anchored(text: str) -> bool:
    """Whether an anchor (``&name`` starting a token) may be in ``text``."""
    index = text.find("&")
    while index >= 0:
        if index + 1 < len(text) and text[index + 1] not in _SEPARATORS:
            if _starts_token(text, index):
                return True
        index = text.find("&", index + 1)
    return False


def load_yaml(text: str, source: Source, encoded: bytes | None = None) -> JsonValue:
    """``encoded``: the text in UTF-8, when the caller has it."""
    fast = _fast_load(text, encoded)
    return fast if fast is not None else load_yaml_pyyaml(text, source)


def load_yaml_pyyaml(text: str, source: Source) -> JsonValue:
    """The reference path: PyYAML's C loader with the guarantees of this module's docstring
    (in :mod:`generator.sources.openapi.yaml_pyyaml`, imported only when a document needs it)."""
    from generator.sources.openapi import yaml_pyyaml

    return yaml_pyyaml.load(text, source)


def check_alias_expansion(aliased: list[object], source: Source) -> None:
    """Refuse documents whose aliases expand to more than :data:`MAX_EXPANDED_NODES` mappings
    and sequences, and recursive aliases. Memoised on identity, iterative, so a billion laughs
    costs a few microseconds per distinct node."""
    sizes: dict[int, int] = {}
    total = 0
    for root in aliased:
        total += _expanded_size(root, sizes, source)
        if total > MAX_EXPANDED_NODES:
            raise ModelgenError(
                f"YAML aliases expand to more than {MAX_EXPANDED_NODES} nodes"
                " (an alias bomb?); refused",
                Source(source.file),
            )


def _expanded_size(root: object, sizes: dict[int, int], source: Source) -> int:
    if not isinstance(root, dict | list):
        return 0
    on_path: set[int] = set()
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children: Any = node.values() if isinstance(node, dict) else node
            size = 1
            for child in children:
                if isinstance(child, dict | list):
                    size += sizes[id(child)]
            sizes[key] = min(size, MAX_EXPANDED_NODES + 1)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise ModelgenError("a recursive YAML alias (a node contains itself)", source)
        on_path.add(key)
        stack.append((node, True))
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, dict | list):
                ckey = id(child)
                if ckey in on_path:
                    raise ModelgenError(
                        "a recursive YAML alias (a node contains itself)", Source(source.file)
                    )
                if ckey not in sizes:
                    stack.append((child, False))
    return sizes[id(root)]


# --- JSON --------------------------------------------------------------------------------------


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key, 0)
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _json_key_line(text: str, key: str) -> int | None:
    """The line of the second appearance of ``"key":`` (only on the error path; the hook that
    finds duplicates does not know positions)."""
    spelled = re.compile(re.escape(json.dumps(key)) + r"\s*:")
    matches = spelled.finditer(text)
    next(matches, None)
    second = next(matches, None)
    return None if second is None else text.count("\n", 0, second.start()) + 1


def load_json(text: str, source: Source) -> JsonValue:
    try:
        data: JsonValue = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except _DuplicateKey as err:
        raise ModelgenError(
            f"duplicate key {err.key!r} in an object",
            Source(source.file, line=_json_key_line(text, err.key)),
        ) from None
    except json.JSONDecodeError as err:
        raise ModelgenError(
            f"invalid JSON: {err.msg} (column {err.colno})", Source(source.file, line=err.lineno)
        ) from None
    except ValueError as err:
        raise ModelgenError(f"invalid JSON: {err}", source) from None
    except RecursionError:
        raise ModelgenError("nested too deeply", source) from None
    return data


# --- files -------------------------------------------------------------------------------------


def looks_like_json(path: Path, text: str) -> bool:
    if path.suffix.lower() == ".json":
        return True
    if path.suffix.lower() in (".yaml", ".yml"):
        return False
    return text.lstrip()[:1] in ("{", "[")


def read_document(path: Path, source: Source) -> JsonValue:
    """Read, check and parse one YAML or JSON file."""
    data = read_limited(path, MAX_BYTES, source)
    text = decode(data, source)
    # UTF-8 without a byte order mark (nearly every spec) decodes from and so encodes back to
    # the very bytes read: they need not be encoded again
    encoded = data if not data.startswith(_BOMS) else None
    return parse_text(text, source, looks_like_json(path, text), encoded)


def parse_text(
    text: str, source: Source, json_syntax: bool, encoded: bytes | None = None
) -> JsonValue:
    """``encoded``: the text in UTF-8, when the caller has it."""
    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")  # for the depth check and yaml-rs
    check_depth(text, source, json_syntax, encoded)
    if json_syntax:
        return load_json(text, source)
    return load_yaml(text, source, encoded)
