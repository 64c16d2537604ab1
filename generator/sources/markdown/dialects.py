"""The flavours of OpenAPI Generator's markdown model docs: how each generator spells types,
headings, names and text in its ``Name | Type | Description | Notes`` property tables.

Reading (every dialect; the type cells themselves in :mod:`.types`) and writing (the PHP, Dart
and Python cells) both live here, so a type spelling is decided in one place. Nothing here
reads files: :mod:`.loader` parses the docs and ``generator/targets/docs`` lays them out.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from generator.ir import ANY, Const, JsonValue, ListOf, MapOf, Primitive, Ref, TypeRef
from generator.naming import camel, pascal, snake
from generator.sources.markdown.types import ModelName, TypeCell, read_cell

# --- dialects --------------------------------------------------------------------------------

# Facets every markdown dialect states: descriptions, [readonly], [default to X].
MARKDOWN_KNOWS = frozenset({"defaults", "read_only", "descriptions"})


def _c_model(name: str) -> TypeRef | None:
    """C names a model ``foo_t`` and an inline enum ``..._e``."""
    if name.endswith("_e"):
        return Primitive("string")
    return Ref(name[:-2] if name.endswith("_t") else name)


def _ref(name: str) -> TypeRef | None:
    return Ref(name)


@dataclass(frozen=True)
class Dialect:
    """One generator's model docs (``../shared/docs/oag-dialects.md``). ``overrides``: type
    spellings that mean something else in this dialect than in :data:`types.SCALARS`;
    ``html_text``: descriptions are HTML-escaped (jmustache's escaping); ``rstrip``: rows carry
    no trailing spaces; ``model_name``: a model spelling in a type cell to its type;
    ``heading_name``: the model name a heading gives to the name the docs' links use (C's
    ``pet_t`` heading is the model ``pet``); ``no_default``: ``[default to X]`` spellings this
    generator prints on rows with no default."""

    name: str
    overrides: dict[str, TypeRef] = field(default_factory=dict)
    html_text: bool = True
    rstrip: bool = False
    # The property name as this generator prints it, from a wire name.
    display_name: Callable[[str], str] = lambda wire: wire
    model_name: ModelName = _ref
    heading_name: Callable[[str], str] = lambda name: name
    no_default: frozenset[str] = frozenset()
    nullable_names: bool = False  # Go: NullableString, [**NullablePet**](Pet.md)

    @property
    def knows(self) -> frozenset[str]:
        return MARKDOWN_KNOWS

    def read_type(self, cell: str) -> TypeCell | None:
        """The type a cell states; None when its spelling is not one modelgen knows (a cell
        seen before is not parsed again: most are ``**string**``)."""
        if DIALECTS.get(self.name) is self:
            return _read_type(self.name, cell)
        return self._read_type(cell)

    def _read_type(self, cell: str) -> TypeCell | None:
        found = read_cell(cell, self.overrides, self.model_name, self.nullable_names)
        if (
            found is not None
            and self.name == "c"
            and found.type == ListOf(ANY)
            and found.target
            and not found.target.startswith("#")
        ):
            # C: ``[**list_t**](pet.md) *`` is a list of pets
            item = self.model_name(found.target.rsplit("/", 1)[-1] + "_t")
            if item is not None:
                found = replace(found, type=ListOf(item))
        return found

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


def _pascal_name(wire: str) -> str:
    return pascal(wire) or wire


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
_DATE: dict[str, TypeRef] = {"Date": Primitive("string", "date"), "Float": Primitive("number")}

DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect("php", _PHP, rstrip=True, display_name=_php_name),
        Dialect("dart", {"Object": ANY}, html_text=False, display_name=_dart_name),
        Dialect("python", _PY, display_name=_php_name),
        Dialect("java", _JAVA, display_name=_dart_name),
        Dialect("typescript", {}),
        Dialect("javascript", {}, display_name=_dart_name),
        Dialect("go", {}, display_name=_pascal_name, nullable_names=True),
        Dialect("csharp", {"float": Primitive("number", "float")}, display_name=_pascal_name),
        Dialect("ruby", _DATE),
        Dialect("kotlin", {}, display_name=_dart_name),
        Dialect("rust", {}, html_text=False, display_name=_php_name),
        Dialect("swift", {}, display_name=_dart_name),
        Dialect("objc", {}, display_name=_dart_name),
        Dialect("c", {}, model_name=_c_model, heading_name=lambda n: n.removesuffix("_t")),
        Dialect("perl", _DATE),
        Dialect("r", {}),
        Dialect("bash", {}, no_default=frozenset({"null"})),
        Dialect("eiffel", {}),
        Dialect("julia", {}, no_default=frozenset({"nothing"})),
        Dialect("powershell", {}, display_name=_pascal_name),
        Dialect("scala", {}, display_name=_dart_name),
    )
}


@functools.lru_cache(maxsize=8192)
def _read_type(dialect: str, cell: str) -> TypeCell | None:
    return DIALECTS[dialect]._read_type(cell)


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
