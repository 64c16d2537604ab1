"""Reading the type cells of OpenAPI Generator's model docs, in every dialect it writes
(``../shared/docs/oag-dialects.md``): ``**string**``, ``Pointer to **int64**``,
``Option<[**models::Tag**](Tag.md)>``, ``[**list_t**](tag.md) \\*``, ``**NSArray<OAITag>***``,
``` `List<String>` ```, ``[**`Kind`**](#`Kind`)``, ``{ [key: string]: Foo; }``...

A cell is taken apart in three steps: the markdown around the spelling (a link, bold,
backticks, escapes, HTML entities) is removed, keeping the link target as a hint; the wrappers
that only say "optional" or "nullable" (Go's ``Pointer to`` and ``NullableX``, Rust's
``Option<...>``) are noted and removed; the spelling left is parsed as a type expression with
every container syntax of every dialect (``T[]``, ``[]T``, ``[T]``, ``[String: T]``,
``{String: T}``, ``Head<T>``, ``Head[T]``, ``Head{T}``, ``Head(T)``, ``HEAD [T]``,
``map[string]T``, pointer ``*``). A name that is no known scalar is a model: its namespace
(``\\Ns\\Model\\``, ``models::``, ``Org.Pkg.Model.``) is dropped and kept as a hint for the
package name. A link to an anchor in the same doc (``(#XEnum)``) is an inline enum: a string.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import ANY, ListOf, MapOf, Primitive, Ref, TypeRef

_S = Primitive("string")
_I = Primitive("integer")
_N = Primitive("number")
_B = Primitive("boolean")
_DATE_TIME = Primitive("string", "date-time")
_DATE = Primitive("string", "date")
_BINARY = Primitive("string", "binary")
_BYTE = Primitive("string", "byte")
_UUID = Primitive("string", "uuid")
_URI = Primitive("string", "uri")


def _all(names: str, t: TypeRef) -> dict[str, TypeRef]:
    return dict.fromkeys(names.split(), t)


# Scalar spellings, exactly as written (after the markdown is removed). One table for every
# dialect: where two dialects spell different things alike (``Date``), the dialect overrides.
SCALARS: dict[str, TypeRef] = {
    # strings
    **_all(
        "string String str StrictStr kotlin.String java.lang.String std::string character"
        " char char* NSString STRING STRING_8 STRING_32 System.String",
        _S,
    ),
    # integers
    **_all(
        "int Integer integer StrictInt isize usize u8 u16 u32 u64 i8 i16 BigInteger INTEGER"
        " INTEGER_8 INTEGER_16 NATURAL NATURAL_16 NATURAL_32 NATURAL_64 Int Int8 Int16 UInt"
        " UInt32 UInt64 short Short int8 int16 uint uint8 uint16 uint32 uint64",
        _I,
    ),
    **_all("kotlin.Int int32 i32 Int32 INTEGER_32 System.Int32", Primitive("integer", "int32")),
    **_all(
        "long Long kotlin.Long int64 i64 Int64 INTEGER_64 System.Int64",
        Primitive("integer", "int64"),
    ),
    # numbers
    **_all(
        "num number Number numeric decimal Decimal BigDecimal java.math.BigDecimal StrictFloat"
        " NSNumber REAL System.Decimal float",
        _N,
    ),
    **_all(
        "double Double kotlin.Double float64 f64 Float64 REAL_64 System.Double",
        Primitive("number", "double"),
    ),
    **_all(
        "Float kotlin.Float float32 f32 Float32 REAL_32 System.Single", Primitive("number", "float")
    ),
    # booleans
    **_all("bool boolean Boolean kotlin.Boolean StrictBool BOOLEAN Bool System.Boolean", _B),
    # dates and times
    **_all(
        "\\DateTime DateTime datetime OffsetDateTime java.time.OffsetDateTime DateTimeOffset"
        " time.Time Time DATE_TIME ZonedDateTime NSDate System.DateTime Date"
        " chrono::DateTime<chrono::FixedOffset> chrono::DateTime<chrono::Utc>",
        _DATE_TIME,
    ),
    **_all("date LocalDate java.time.LocalDate DateOnly chrono::NaiveDate DATE", _DATE),
    # files and bytes
    **_all(
        "\\SplFileObject MultipartFile File java.io.File *os.File os.File bytearray"
        " System.IO.Stream FileParameter std::path::PathBuf Blob binary_t FILE"
        " System.IO.FileInfo URL_or_File HttpFile",
        _BINARY,
    ),
    **_all(
        "byte[] kotlin.ByteArray ByteArray bytes Uint8List ByteString NSData Data Vec<u8>",
        _BYTE,
    ),
    # other formats
    **_all("UUID java.util.UUID uuid::Uuid Guid System.Guid", _UUID),
    **_all("URI java.net.URI URL NSURL Uri System.Uri", _URI),
    "decimal.Decimal": Primitive("string", "decimal"),  # Python: a string of format decimal
    # anything
    **_all(
        "mixed object Object AnyType any Any kotlin.Any interface{} serde_json::Value dynamic"
        " JsonNode JToken JsonObject AnyCodable JSONValue NSObject ANY object_t any_type_t"
        " PSCustomObject data.frame Mixed JsonValue OpenApiAny OAIAnyType OasAnyTypeNotMapped"
        " Null null nil None NoneType",
        ANY,
    ),
    # free-form maps without a value type
    **_all(
        "map Map System.Collections.Hashtable SystemCollectionsHashtable Hashtable HASH hash"
        " Hash NSDictionary dict Dict",
        MapOf(ANY),
    ),
    **_all("array list_t list List NSArray ARRAY Array Vec", ListOf(ANY)),
}

_LIST_HEADS = frozenset(
    "list array vec arraylist seq collection ilist ienumerable mutablelist builtlist nsarray"
    " vector iterable sequence linkedlist".split()
)
_SET_HEADS = frozenset("set hashset linkedhashset mutableset builtset nsset sortedset".split())
_MAP_HEADS = frozenset(
    "map dictionary hash hashmap record idictionary mutablemap builtmap nsdictionary dict"
    " string_table hashtable table treemap linkedhashmap btreemap".split()
)
_WRAPPER_HEADS = frozenset("option optional nullable box arc rc".split())
_IDENT = re.compile(r"^(?:\\|::)?[A-Za-z_$][\w$]*(?:(?:\\|::|\.)[A-Za-z_$][\w$]*)*$")
_CLOSE = {"<": ">", "[": "]", "{": "}", "(": ")"}
_GO_NULLABLE = re.compile(r"^Nullable(?=[A-Z*])")

ModelName = Callable[[str], TypeRef | None]
"""A model spelling to the type it stands for (``Ref(name)`` unless a dialect says otherwise)."""


@dataclass(frozen=True)
class TypeCell:
    """A parsed type cell: the IR type, what the cell says beyond it, and the hints.

    ``spelling``: the type as written, markdown removed (``List<Foo>``); ``namespace``: the
    namespace its model names carried (``JeedomOpenAI\\Model``); ``target``: the link target
    without ``.md`` (None for an unlinked type); ``nullable``: the cell says null is allowed
    (Go's ``NullableX``); ``optional``: it says the property may be absent (Go's
    ``Pointer to``, Rust's ``Option<...>``)."""

    spelling: str
    type: TypeRef
    namespace: str | None = None
    target: str | None = None
    nullable: bool = False
    optional: bool = False


def _matching(text: str, start: int) -> int:
    """The index of the bracket closing the one at ``start`` (-1 when unbalanced)."""
    opening = text[start]
    closing = {"[": "]", "(": ")"}[opening]
    depth = 0
    for i in range(start, len(text)):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i
    return -1


def unlink(text: str) -> tuple[str, str | None]:
    """``text`` with every markdown link ``[shown](target)`` replaced by what it shows, and the
    first link's target."""
    target: str | None = None
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "[":
            end = _matching(text, i)
            if end > 0 and end + 1 < len(text) and text[end + 1] == "(":
                close = _matching(text, end + 1)
                if close > 0:
                    if target is None:
                        target = text[end + 2 : close]
                    out.append(text[i + 1 : end])
                    i = close + 1
                    continue
        out.append(text[i])
        i += 1
    return "".join(out), target


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


def plain(cell: str) -> tuple[str, str | None]:
    """A cell's text without markdown: HTML entities decoded, links replaced by their text
    (the first target returned), bold, backticks and backslash escapes removed."""
    text = html.unescape(cell) if "&" in cell else cell
    text, target = unlink(text.strip())
    text = _BOLD.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text.replace("`", ""))
    return " ".join(text.split()), target


def split_args(text: str) -> list[str]:
    """Split at the commas outside brackets: ``String, List<Foo>`` -> two parts; generic
    arguments, or a union cell's ``A, Vector{B}, Dict{String, C}``."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "<[({":
            depth += 1
        elif ch in ">])}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def _balanced_end(text: str, start: int) -> int:
    """The index of the bracket closing ``text[start]``, any bracket kind nested; -1 if none."""
    stack: list[str] = []
    for i in range(start, len(text)):
        ch = text[i]
        if ch in _CLOSE:
            stack.append(_CLOSE[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                return i
        elif ch in ">])}":
            return -1
    return -1


class Reader:
    """Parses spellings into IR types for one dialect. ``overrides`` wins over
    :data:`SCALARS`; ``model_name`` turns a model spelling into the model's name (C drops
    ``_t``); ``local`` makes every model name a string (the names in a link to an anchor of
    the same doc are inline enums). Namespaces seen are collected in ``namespaces``."""

    def __init__(
        self,
        overrides: dict[str, TypeRef],
        model_name: ModelName | None = None,
        nullable_names: bool = False,
    ) -> None:
        self.overrides = overrides
        self.model_name = model_name or _same
        self.nullable_names = nullable_names  # Go: NullableX is X, nullable
        self.namespaces: set[str] = set()
        self.local = False
        self.nullable = False

    def scalar(self, text: str) -> TypeRef | None:
        found = self.overrides.get(text)
        return found if found is not None else SCALARS.get(text)

    def parse(self, text: str) -> TypeRef | None:
        text = text.strip()
        if not text:
            return None
        found = self.scalar(text)
        if found is not None:
            return found
        if self.nullable_names and _GO_NULLABLE.match(text) and not self.local:
            self.nullable = True
            return self.parse(text[len("Nullable") :])
        if text.endswith("[]") and len(text) > 2:
            item = self.parse(text[:-2])
            return None if item is None else ListOf(item)
        if text.endswith(("*", "?", "!")):  # C/Objective-C pointers, nullable markers
            return self.parse(text[:-1])
        if text.startswith("[]"):
            item = self.parse(text[2:])
            return None if item is None else ListOf(item)
        if text.startswith("map[string]"):
            value = self.parse(text[len("map[string]") :])
            return None if value is None else MapOf(value)
        if text.startswith("*"):  # Go and Julia pointers
            return self.parse(text[1:])
        if text[0] in "[{" and _balanced_end(text, 0) == len(text) - 1:
            return self._bracketed(text[0], text[1:-1].strip())
        for i, ch in enumerate(text):
            if ch in "<[{(":
                if _balanced_end(text, i) != len(text) - 1:
                    return None
                head = text[:i].strip()
                return self._generic(head, split_args(text[i + 1 : -1]))
        if _IDENT.match(text):
            return self._name(text)
        return None

    def _bracketed(self, opening: str, inner: str) -> TypeRef | None:
        """``[T]`` (JavaScript, Swift lists), ``[K: V]`` (Swift maps), ``{String: T}``
        (JavaScript maps), ``{ [key: string]: T; }`` (TypeScript maps)."""
        if opening == "{" and inner.startswith("[key:"):
            close = _balanced_end(inner, 0)
            spelled = inner[close + 1 :].strip().lstrip(":").strip().rstrip(";").strip()
            parsed = self.parse(spelled)
            return None if parsed is None else MapOf(parsed)
        depth = 0
        for i, ch in enumerate(inner):
            if ch in "<[({":
                depth += 1
            elif ch in ">])}":
                depth -= 1
            elif ch == ":" and depth == 0 and not inner[i:].startswith("::"):
                if i > 0 and inner[i - 1] == ":":
                    continue
                value = self.parse(inner[i + 1 :])
                return None if value is None else MapOf(value)
        if opening == "[":
            item = self.parse(inner)
            return None if item is None else ListOf(item)
        return None

    def _generic(self, head: str, args: list[str]) -> TypeRef | None:
        short = re.split(r"\.|::|\\", head)[-1].lower()
        if short in _WRAPPER_HEADS and len(args) == 1:
            if short == "nullable":
                self.nullable = True
            return self.parse(args[0])
        if short == "array" and len(args) == 2:
            short = "map"  # PHP: array<string,T>
        if short in _LIST_HEADS or short in _SET_HEADS:
            if len(args) != 1:
                return None
            item = self.parse(args[0])
            return None if item is None else ListOf(item, unique=short in _SET_HEADS)
        if short in _MAP_HEADS:
            if len(args) == 2:
                key = self.parse(args[0])
                if key is None or not (key == _S or isinstance(key, Ref)):
                    return None  # keys are strings in JSON (a model here: a key type's name)
            elif len(args) != 1:
                return None
            value = self.parse(args[-1])
            return None if value is None else MapOf(value)
        return None

    def _name(self, text: str) -> TypeRef | None:
        for separator in ("\\", "::", "."):
            if separator in text:
                prefix, _, name = text.rpartition(separator)
                prefix = prefix.strip("\\:")
                found = self.scalar(name)
                if found is not None:
                    return found
                if prefix:
                    self.namespaces.add(prefix)
                return self._model(name)
        return self._model(text)

    def _model(self, name: str) -> TypeRef | None:
        if self.local:
            return _S
        return self.model_name(name)


def _same(name: str) -> TypeRef | None:
    return Ref(name)


def read_cell(
    cell: str,
    overrides: dict[str, TypeRef],
    model_name: ModelName | None = None,
    nullable_names: bool = False,
) -> TypeCell | None:
    """The type a cell states, or None when its spelling is not one this module knows."""
    text, target = plain(cell)
    optional = False
    if text.startswith("Pointer to "):  # Go: an optional property
        optional = True
        text = text[len("Pointer to ") :]
    reader = Reader(overrides, model_name, nullable_names)
    if text.startswith("Option<") and text.endswith(">"):  # Rust: optional or nullable
        optional = True
        text = text[len("Option<") : -1].strip()
    reader.local = target is not None and target.startswith("#")
    if reader.local and text in ("inline", "kotlin.String"):
        parsed: TypeRef | None = _S
    else:
        parsed = reader.parse(text)
    if parsed is None:
        return None
    if target is not None:
        target = target[:-3] if target.endswith(".md") else target
    namespace = sorted(reader.namespaces)[0] if reader.namespaces else None
    return TypeCell(text, parsed, namespace, target, reader.nullable, optional)
