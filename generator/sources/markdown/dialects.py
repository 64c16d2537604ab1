"""The flavours of OpenAPI Generator's markdown model docs: how each generator spells types,
headings, names and text in its ``Name | Type | Description | Notes`` property tables.

Reading (any dialect) and writing (the dialects in :data:`WRITERS`) both live here, so a type
spelling is decided in one place. Nothing here reads files: ``generator/loaders/markdown.py``
parses tables and ``generator/emitters/docs.py`` lays them out.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import ANY, Const, JsonValue, ListOf, MapOf, Primitive, Ref, TypeRef
from generator.naming import camel, snake

# --- reading type spellings ----------------------------------------------------------------

_S = Primitive("string")
# Spellings every generator agrees on (or that only one generator uses).
_COMMON: dict[str, TypeRef] = {
    # strings
    "string": _S,
    "String": _S,
    "str": _S,
    "StrictStr": _S,
    "kotlin.String": _S,
    "java.lang.String": _S,
    "std::string": _S,
    # integers
    "int": Primitive("integer"),
    "Integer": Primitive("integer"),
    "StrictInt": Primitive("integer"),
    "kotlin.Int": Primitive("integer", "int32"),
    "int32": Primitive("integer", "int32"),
    "i32": Primitive("integer", "int32"),
    "long": Primitive("integer", "int64"),
    "Long": Primitive("integer", "int64"),
    "kotlin.Long": Primitive("integer", "int64"),
    "int64": Primitive("integer", "int64"),
    "i64": Primitive("integer", "int64"),
    "isize": Primitive("integer"),
    "u8": Primitive("integer"),
    "BigInteger": Primitive("integer"),
    # numbers
    "num": Primitive("number"),
    "number": Primitive("number"),
    "double": Primitive("number", "double"),
    "Double": Primitive("number", "double"),
    "kotlin.Double": Primitive("number", "double"),
    "float64": Primitive("number", "double"),
    "f64": Primitive("number", "double"),
    "Float": Primitive("number", "float"),
    "kotlin.Float": Primitive("number", "float"),
    "float32": Primitive("number", "float"),
    "f32": Primitive("number", "float"),
    "decimal": Primitive("number"),
    "Decimal": Primitive("number"),
    "BigDecimal": Primitive("number"),
    "java.math.BigDecimal": Primitive("number"),
    "StrictFloat": Primitive("number"),
    # booleans
    "bool": Primitive("boolean"),
    "boolean": Primitive("boolean"),
    "Boolean": Primitive("boolean"),
    "kotlin.Boolean": Primitive("boolean"),
    "StrictBool": Primitive("boolean"),
    # dates and times
    "\\DateTime": Primitive("string", "date-time"),
    "DateTime": Primitive("string", "date-time"),
    "datetime": Primitive("string", "date-time"),
    "OffsetDateTime": Primitive("string", "date-time"),
    "java.time.OffsetDateTime": Primitive("string", "date-time"),
    "DateTimeOffset": Primitive("string", "date-time"),
    "time.Time": Primitive("string", "date-time"),
    "Time": Primitive("string", "date-time"),
    "date": Primitive("string", "date"),
    "LocalDate": Primitive("string", "date"),
    "java.time.LocalDate": Primitive("string", "date"),
    "DateOnly": Primitive("string", "date"),
    "chrono::NaiveDate": Primitive("string", "date"),
    # files and bytes
    "\\SplFileObject": Primitive("string", "binary"),
    "MultipartFile": Primitive("string", "binary"),
    "File": Primitive("string", "binary"),
    "java.io.File": Primitive("string", "binary"),
    "*os.File": Primitive("string", "binary"),
    "os.File": Primitive("string", "binary"),
    "bytearray": Primitive("string", "binary"),
    "System.IO.Stream": Primitive("string", "binary"),
    "FileParameter": Primitive("string", "binary"),
    "std::path::PathBuf": Primitive("string", "binary"),
    "Blob": Primitive("string", "binary"),
    "byte[]": Primitive("string", "byte"),
    "kotlin.ByteArray": Primitive("string", "byte"),
    "ByteArray": Primitive("string", "byte"),
    "bytes": Primitive("string", "byte"),
    # other formats
    "UUID": Primitive("string", "uuid"),
    "java.util.UUID": Primitive("string", "uuid"),
    "uuid::Uuid": Primitive("string", "uuid"),
    "Guid": Primitive("string", "uuid"),
    "URI": Primitive("string", "uri"),
    "java.net.URI": Primitive("string", "uri"),
    # anything
    "mixed": ANY,
    "object": ANY,
    "Object": ANY,
    "AnyType": ANY,
    "any": ANY,
    "Any": ANY,
    "kotlin.Any": ANY,
    "interface{}": ANY,
    "serde_json::Value": ANY,
    "dynamic": ANY,
    "JsonNode": ANY,
    "JToken": ANY,
}

_LIST_HEADS = frozenset(
    {
        "List",
        "Array",
        "Vec",
        "ArrayList",
        "Seq",
        "Collection",
        "IList",
        "IEnumerable",
        "MutableList",
    }
)
_SET_HEADS = frozenset({"Set", "LinkedHashSet", "HashSet", "MutableSet"})
_MAP_HEADS = frozenset(
    {"Map", "Dictionary", "Hash", "HashMap", "Record", "IDictionary", "MutableMap", "array"}
)
_GENERIC = re.compile(r"^(?P<head>[A-Za-z_][\w.:]*)\s*<(?P<args>.*)>$", re.S)
_PY_GENERIC = re.compile(r"^(?P<head>List|list|Set|set|Dict|dict)\[(?P<args>.*)\]$", re.S)
_PY_DICT_CALL = re.compile(r"^dict\((?P<args>.*)\)$", re.S)
_TS_MAP = re.compile(r"^\{\s*\[key: string\]: (?P<value>.*?);?\s*\}$", re.S)
_GO_MAP = re.compile(r"^map\[string\](?P<value>.+)$", re.S)
_IDENT = re.compile(r"^\\?(?:[A-Za-z_]\w*(?:\\|::|\.))*[A-Za-z_]\w*$")


@dataclass(frozen=True)
class Spelling:
    """A parsed type cell: the IR type, and the namespace prefix its model links named, if any
    (``JeedomOpenAI\\Model`` for ``\\JeedomOpenAI\\Model\\Foo``)."""

    type: TypeRef
    namespace: str | None = None


def _split_args(text: str) -> list[str]:
    """Split generic arguments at top-level commas: ``String, List<Foo>`` -> two parts."""
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


class _Reader:
    def __init__(self, overrides: dict[str, TypeRef]) -> None:
        self.overrides = overrides
        self.namespaces: set[str] = set()

    def parse(self, text: str) -> TypeRef | None:
        text = text.strip()
        if not text:
            return None
        if text in self.overrides:
            return self.overrides[text]
        if text in _COMMON:
            return _COMMON[text]
        if text.endswith("?"):  # C#, Kotlin and Dart nullable spellings
            return self.parse(text[:-1])
        if text.endswith("[]") and text != "byte[]":
            item = self.parse(text[:-2])
            return None if item is None else ListOf(item)
        if text.startswith("[]"):
            item = self.parse(text[2:])
            return None if item is None else ListOf(item)
        if m := _GO_MAP.match(text):
            value = self.parse(m["value"])
            return None if value is None else MapOf(value)
        if m := _TS_MAP.match(text):
            value = self.parse(m["value"])
            return None if value is None else MapOf(value)
        if m := _PY_GENERIC.match(text) or _GENERIC.match(text):
            head = re.split(r"\.|::", m["head"])[-1]
            args = _split_args(m["args"])
            return self._generic(head, args)
        if m := _PY_DICT_CALL.match(text):
            return self._generic("Dict", _split_args(m["args"]))
        if _IDENT.match(text):
            return self._ref(text)
        return None

    def _generic(self, head: str, args: list[str]) -> TypeRef | None:
        if head in _LIST_HEADS or (head in ("List", "list") and len(args) == 1):
            item = self.parse(args[0]) if len(args) == 1 else None
            return None if item is None else ListOf(item)
        if head in _SET_HEADS or head == "set":
            item = self.parse(args[0]) if len(args) == 1 else None
            return None if item is None else ListOf(item, unique=True)
        if head in _MAP_HEADS or head in ("Dict", "dict"):
            if len(args) != 2:
                return None
            key = self.parse(args[0])
            value = self.parse(args[1])
            if key is None or value is None or key != _S:
                return None
            return MapOf(value)
        if head == "Option" and len(args) == 1:  # Rust
            return self.parse(args[0])
        return None

    def _ref(self, text: str) -> TypeRef:
        for separator in ("\\", "::", "."):
            if separator in text:
                prefix, _, name = text.rpartition(separator)
                prefix = prefix.lstrip("\\")
                if prefix:
                    self.namespaces.add(prefix)
                return Ref(name)
        return Ref(text)


# A cell: optional Go/Rust wrapper, then **Type** or [**Type**](Target.md).
_CELL = re.compile(
    r"^(?P<pointer>Pointer to )?(?P<option>Option<)?"
    r"(?:\[\*\*(?P<linked>.+?)\*\*\]\((?P<target>[^)]*)\)|\*\*(?P<bold>.+?)\*\*)"
    r"(?(option)>)$",
    re.S,
)


@dataclass(frozen=True)
class TypeCell:
    spelling: str  # the type as written, entities decoded (``List<Foo>``)
    type: TypeRef
    namespace: str | None
    target: str | None  # the link target without ``.md``; None for a bold (unlinked) type


# --- dialects --------------------------------------------------------------------------------

# Facets every markdown dialect states: descriptions, [readonly], [default to X].
MARKDOWN_KNOWS = frozenset({"defaults", "read_only", "descriptions"})


@dataclass(frozen=True)
class Dialect:
    """One generator's model docs. ``html_text``: descriptions are HTML-escaped (jmustache's
    escaping); ``rstrip``: rows carry no trailing spaces."""

    name: str
    overrides: dict[str, TypeRef]
    html_text: bool = True
    rstrip: bool = False
    # The property name as this generator prints it, from a wire name.
    display_name: Callable[[str], str] = lambda wire: wire

    @property
    def knows(self) -> frozenset[str]:
        return MARKDOWN_KNOWS

    def read_type(self, cell: str) -> TypeCell | None:
        text = html.unescape(cell) if "&" in cell else cell
        m = _CELL.match(text.strip())
        if m is None:
            return None
        if m["target"] is not None and m["target"].startswith("#"):  # Kotlin inline enums
            return TypeCell(m["linked"], Primitive("string"), None, m["target"])
        spelling = m["linked"] if m["linked"] is not None else m["bold"]
        reader = _Reader(self.overrides)
        parsed = reader.parse(spelling)
        if parsed is None:
            return None
        target = None
        if m["target"] is not None:
            target = m["target"][:-3] if m["target"].endswith(".md") else m["target"]
        namespace = sorted(reader.namespaces)[0] if reader.namespaces else None
        return TypeCell(spelling, parsed, namespace, target)

    def read_text(self, text: str) -> str:
        """A description cell as the spec text it came from (as far as the docs keep it)."""
        if self.html_text and "&" in text:
            text = html.unescape(text)
        return _unescape_backslashes(text) if "\\" in text else text

    def write_text(self, text: str) -> str:
        """Spec text as this generator writes it in a cell: one line, quotes and backslashes
        escaped (OpenAPI Generator's ``escapeText``), HTML-escaped where the dialect does."""
        text = re.sub(r"[\t\n\r]", " ", text).replace("\\", "\\\\").replace('"', '\\"')
        if self.html_text:
            text = "".join(_HTML.get(ch, ch) for ch in text)
        return text

    def normalise_text(self, text: str) -> str:
        """What of ``text`` survives being written and read back."""
        return self.read_text(self.write_text(text))


_HTML = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "`": "&#x60;",
    "=": "&#x3D;",
}


def _unescape_backslashes(text: str) -> str:
    return re.sub(r'\\([\\"])', r"\1", text)


# Words OpenAPI Generator's Dart generator escapes with a trailing underscore (``function_``).
_DART_RESERVED = frozenset(
    "abstract as assert async await break case catch class const continue covariant default"
    " deferred do dynamic else enum export extends extension external factory false final"
    " finally for function get hide if implements import in inout interface is late library"
    " mixin native new null of on operator out part patch required rethrow return set show"
    " source static super switch sync this throw true try typedef var void while with yield".split()
)


def _dart_name(wire: str) -> str:
    """``event_id`` -> ``eventId``, ``api_key.created`` -> ``apiKeyPeriodCreated``,
    ``function`` -> ``function_``: the property names of OpenAPI Generator's Dart models."""
    name = camel(wire.replace(".", "_period_")) or wire
    return name + "_" if name in _DART_RESERVED else name


def _php_name(wire: str) -> str:
    return wire if re.fullmatch(r"[a-z0-9_]+", wire) else (snake(wire) or wire)


_PHP: dict[str, TypeRef] = {"float": Primitive("number"), "object": ANY, "array": ListOf(ANY)}
_PY: dict[str, TypeRef] = {
    "float": Primitive("number"),
    "object": ANY,
    "date": Primitive("string", "date"),
}
_JAVA: dict[str, TypeRef] = {
    "Date": Primitive("string", "date-time"),
    "float": Primitive("number", "float"),
}

DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect("php", _PHP, rstrip=True, display_name=_php_name),
        Dialect("dart", {"Object": ANY}, html_text=False, display_name=_dart_name),
        Dialect("python", _PY, display_name=_php_name),
        Dialect("java", _JAVA, display_name=_dart_name),
        Dialect("typescript", {"Date": Primitive("string", "date-time")}),
        Dialect("go", {"float32": Primitive("number", "float")}),
        Dialect("csharp", {"float": Primitive("number", "float")}),
        Dialect("ruby", {"Date": Primitive("string", "date"), "Float": Primitive("number")}),
        Dialect("kotlin", {}, display_name=_dart_name),
        Dialect("rust", {}, display_name=_php_name),
    )
}


# --- defaults ----------------------------------------------------------------------------------

_INT = re.compile(r"^-?[0-9]+$")
_FLOAT = re.compile(r"^-?[0-9]+\.[0-9]+(?:[eE][-+]?[0-9]+)?$")
# Spellings meaning "no default" (TypeScript and Rust print one on every row).
_NO_DEFAULT = frozenset({"undefined", "None"})


def read_default(text: str) -> Const | None:
    """``'list'``, ``1``, ``0.8``, ``true``, ``const []``, ``null``... as a JSON value; None
    for the placeholders some generators print on every row. Unknown spellings keep their text."""
    text = text.strip()
    if text in _NO_DEFAULT:
        return None
    value: JsonValue
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        value = re.sub(r"\\(.)", r"\1", text[1:-1])
    elif text in ("true", "True"):
        value = True
    elif text in ("false", "False"):
        value = False
    elif text in ("null", "nil"):
        value = None
    elif _INT.match(text):
        value = int(text)
    elif _FLOAT.match(text):
        value = float(text)
    elif text in ("new ArrayList<>()", "List.of()"):
        value = []
    elif text in ("new HashMap<>()",):
        value = {}
    elif text.removeprefix("const ").startswith(("[", "{")):
        try:
            value = json.loads(text.removeprefix("const "))
        except ValueError:
            value = text
    else:
        value = text
    return Const(value)


def write_default(value: JsonValue, python: bool = False) -> str:
    """The Dart/PHP spelling of a default (containers as ``const`` JSON: ``const []``), or the
    Python one (``True``, ``[]``)."""
    if isinstance(value, bool):
        if python:
            return "True" if value else "False"
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if value is None:
        return "null"
    literal = json.dumps(value, separators=(", ", ": "), ensure_ascii=False)
    return literal if python else "const " + literal


# --- writing type cells (the dialects modelgen writes) ----------------------------------------


def _php_spelling(t: TypeRef, model_namespace: str, top: bool) -> str:
    if isinstance(t, Primitive):
        if t.kind == "string":
            if t.format in ("date", "date-time"):
                return "\\DateTime"
            return "\\SplFileObject" if t.format == "binary" else "string"
        if t.kind == "any":
            return "object" if top else "mixed"
        return {"integer": "int", "number": "float", "boolean": "bool"}[t.kind]
    if isinstance(t, Ref):
        return f"\\{model_namespace}\\{t.name}"
    if isinstance(t, ListOf):
        return _php_spelling(t.item, model_namespace, False) + "[]"
    return f"array<string,{_php_spelling(t.value, model_namespace, False)}>"


def _leaf(t: TypeRef) -> TypeRef:
    while isinstance(t, ListOf | MapOf):
        t = t.item if isinstance(t, ListOf) else t.value
    return t


def php_type_cell(t: TypeRef, model_namespace: str) -> str:
    """``**string**``, ``[**\\Ns\\Model\\Foo[]**](Foo.md)``: PHP links every type whose
    innermost item is a model."""
    spelling = _php_spelling(t, model_namespace, True)
    leaf = _leaf(t)
    if isinstance(leaf, Ref):
        return f"[**{spelling}**]({leaf.name}.md)"
    return f"**{spelling}**"


def _dart_scalar(t: Primitive) -> str:
    if t.kind == "string":
        if t.format in ("date", "date-time"):
            return "DateTime"
        return "MultipartFile" if t.format == "binary" else "String"
    if t.kind == "number":
        return "double" if t.format in ("double", "float") else "num"
    return {"integer": "int", "boolean": "bool", "any": "Object"}[t.kind]


def _dart_spelling(t: TypeRef) -> str:
    if isinstance(t, Primitive):
        return _dart_scalar(t)
    if isinstance(t, Ref):
        return t.name
    if isinstance(t, ListOf):
        return f"{'Set' if t.unique else 'List'}<{_dart_spelling(t.item)}>"
    return f"Map<String, {_dart_spelling(t.value)}>"


def _dart_is_primitive(t: TypeRef) -> bool:
    return isinstance(t, Primitive) and t.kind != "any"


def _dart_complex(t: TypeRef) -> str:
    """The link target OpenAPI Generator's Dart docs use (``complexType``)."""
    if isinstance(t, Ref):
        return t.name
    if isinstance(t, ListOf):
        return "Map" if isinstance(t.item, MapOf) else _dart_complex_item(t.item)
    if isinstance(t, MapOf):
        return _dart_complex_item(t.value)
    return ""


def _dart_complex_item(t: TypeRef) -> str:
    if isinstance(t, Primitive):
        return _dart_scalar(t)
    if isinstance(t, MapOf):
        return "Map"
    if isinstance(t, ListOf):
        return "List"
    return t.name


def dart_type_cell(t: TypeRef) -> str:
    """``**String**``, ``**List<int>**``, ``[**List<Foo>**](Foo.md)``, ``[**Object**](.md)``:
    Dart leaves scalars and containers of scalars unlinked and links everything else."""
    spelling = _dart_spelling(t)
    inner = t.item if isinstance(t, ListOf) else t.value if isinstance(t, MapOf) else t
    if _dart_is_primitive(inner):
        return f"**{spelling}**"
    return f"[**{spelling}**]({_dart_complex(t)}.md)"


def _python_spelling(t: TypeRef) -> str:
    if isinstance(t, Primitive):
        if t.kind == "string":
            if t.format in ("date", "date-time"):
                return "date" if t.format == "date" else "datetime"
            return "bytearray" if t.format == "binary" else "str"
        return {"integer": "int", "number": "float", "boolean": "bool", "any": "object"}[t.kind]
    if isinstance(t, Ref):
        return t.name
    if isinstance(t, ListOf):
        return f"List[{_python_spelling(t.item)}]"
    return f"Dict[str, {_python_spelling(t.value)}]"


def python_type_cell(t: TypeRef) -> str:
    """``**str**``, ``**Dict[str, object]**``, ``[**List[Foo]**](Foo.md)``: Python links every
    type whose innermost item is a model."""
    spelling = _python_spelling(t)
    leaf = _leaf(t)
    if isinstance(leaf, Ref):
        return f"[**{spelling}**]({leaf.name}.md)"
    return f"**{spelling}**"
