"""Dart names: reserved words, class and member identifiers for schema names, file stems and the
pub package name. Every rename a hostile spec name needs is decided here."""

from __future__ import annotations

from collections.abc import Callable

from generator import naming
from generator.ir import ModelSet
from generator.targets.dart import DartOptions
from generator.targets.dart.markers import FROM_SCHEMA, PRESENT

# The 33 reserved words of the Dart language specification.
RESERVED_WORDS = frozenset(
    """assert break case catch class const continue default do else enum extends false final
    finally for if in is new null rethrow return super switch this throw true try var void
    while with""".split()
)
# Built-in identifiers (invalid as type names) and contextual keywords (invalid in some places).
BUILT_IN_IDENTIFIERS = frozenset(
    """abstract as covariant deferred dynamic export extension external factory Function get
    implements import interface late library mixin operator part required set static
    typedef""".split()
)
CONTEXTUAL_KEYWORDS = frozenset(
    "async await base hide inline of on sealed show sync when yield".split()
)
KEYWORDS = RESERVED_WORDS | BUILT_IN_IDENTIFIERS | CONTEXTUAL_KEYWORDS

# dart:core names a model class must not shadow (we use several; a user may use the others).
CORE_TYPES = frozenset(
    """BigInt bool Comparable DateTime Deprecated double Duration Enum Error Exception Expando
    Finalizer FormatException Function Future Invocation Iterable Iterator List Map MapEntry
    Match Never Null num Object Pattern Record RegExp Runes Set Sink StackTrace Stopwatch
    Stream String StringBuffer StringSink Symbol Type Uri WeakReference int dynamic
    void""".split()
)
# Names of the support part (lib/src/_support.dart).
SUPPORT_TYPES = frozenset({PRESENT, FROM_SCHEMA})

# Members of every generated class, and lower-case names the generated bodies refer to
# (``other`` is the parameter of ``==``, which compares fields by their bare names).
OBJECT_MEMBERS = frozenset(
    """hashCode runtimeType toString noSuchMethod copyWith toJson fromJson identical int
    double num bool other""".split()
)
ENUM_MEMBERS = OBJECT_MEMBERS | frozenset({"value", "values", "index", "name", "fromValue"})

_KEYWORDS_FOLDED = frozenset(k.lower() for k in KEYWORDS)
_FIELD_TAKEN = OBJECT_MEMBERS | KEYWORDS  # what no field may be called
_ENUM_TAKEN = ENUM_MEMBERS | KEYWORDS  # what no enum member may be called


def class_name(name: str) -> str:
    """A Dart class name for a schema name: PascalCase ASCII, never a keyword or a dart:core
    type (``List`` -> ``ListModel``, ``Function`` -> ``FunctionModel``)."""
    ident = naming.fallback(name, naming.pascal(name), "Model")
    if ident in CORE_TYPES or ident in SUPPORT_TYPES or ident.lower() in _KEYWORDS_FOLDED:
        ident += "Model"
    return naming.limit_length(ident, name)


def member_name(name: str, prefix: str = "field") -> str:
    """A lowerCamelCase ASCII identifier (``_id`` -> ``id``, ``class`` -> ``class_``)."""
    ident = naming.fallback(name, naming.camel(name), prefix)
    if ident in KEYWORDS:
        ident += "_"
    return naming.limit_length(ident, name)


def package_name(models: ModelSet, options: DartOptions) -> str:
    """``options.package``, else the snake_case title; always a valid pub package name."""
    wanted = options.package or models.title or "models"
    name = naming.snake(wanted) or "models"
    if name[0].isdigit():
        name = f"models_{name}"
    if name in KEYWORDS:
        name += "_models"
    return naming.limit_length(name, wanted, 64)


def file_stem(ident: str) -> str:
    """The file name (without ``.dart``) of a class's part: snake_case, never a device name."""
    stem = naming.snake(ident) or "model"
    if naming.is_windows_device(stem):
        stem += "_model"
    return stem


def class_allocator() -> naming.NameAllocator:
    """The allocator of a library's class names: none may be a keyword, a dart:core type or a
    support class."""
    return naming.NameAllocator(KEYWORDS | CORE_TYPES | SUPPORT_TYPES)


def field_names(
    owner: str, wire_names: list[str], spell: Callable[[str], str] = member_name
) -> dict[str, str]:
    """Distinct member names for an object's fields (wire name -> Dart name), each wanted as
    ``spell`` spells it (:func:`member_name`, or a memo of it). Names whose identifier is the
    wire name itself come first, so ``id`` keeps ``id`` and ``_id`` next to it becomes ``id2``;
    the rest in declaration order."""
    keys = [(wire, spell(wire)) for wire in wire_names]
    wanted = {ident for _, ident in keys}
    if len(wanted) == len(keys) and owner not in wanted and not wanted & _FIELD_TAKEN:
        return dict(keys)  # no clashes: what the allocator would give, without building it
    allocator = naming.NameAllocator(_FIELD_TAKEN | {owner})
    exact = [(key, ident) for key, ident in keys if ident == key]
    rest = [(key, ident) for key, ident in keys if ident != key]
    for key, ident in exact + rest:
        allocator.allocate(key, ident, separator="")
    return dict(allocator.names)


def enum_member_names(keys: list[tuple[str, str]]) -> dict[str, str]:
    """Distinct names for an enum's members: ``keys`` are (value key, wanted spelling) in
    declaration order (the wanted spelling is the value, or the name the spec gives the member:
    ``x-enum-varnames``, ``NOT_EQUALS`` -> ``notEquals``); returns value key -> Dart name."""
    wanted = [(key, member_name(wire, "v")) for key, wire in keys]
    idents = {ident for _, ident in wanted}
    if len(idents) == len(wanted) and not idents & _ENUM_TAKEN:
        return dict(wanted)  # no clashes: what the allocator would give, without building it
    allocator = naming.NameAllocator(_ENUM_TAKEN)
    for key, ident in wanted:
        allocator.allocate(key, ident, separator="_")
    return dict(allocator.names)
