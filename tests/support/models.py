"""The IR fixtures every target's tests share: the example and the hostile set.

``example()`` is the example schema (``schemas/realtime.yaml``) as the OpenAPI loader reads it,
plus hand-built models for constructs the schema does not have (:data:`EXAMPLE_EXTRAS`).

``hostile()`` holds every hostile name, text and enum value any target's tests came up with
(bad-inputs.md §A and §B): the words each language reserves, the names its generated code or
runtime uses, odd spellings, texts that try to leave a comment or a literal, and enum values
that collide once sanitised. A word one language reserves is tried in every language: as a
property name, as a class name and as an enum value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)
from generator.sources import load
from tests.support.paths import EXAMPLE_SPEC

STRING = Primitive("string")
INT = Primitive("integer")
NUMBER = Primitive("number")


def unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats, in first-seen order."""
    return list(dict.fromkeys(items))


# --- the example ---------------------------------------------------------------------------

EXAMPLE_EXTRAS: tuple[Model, ...] = (
    # An event in two unions (ClientEvent and AnyEvent; ErrorEvent in ServerEvent and AnyEvent),
    # and a tag typed by a one-value enum rather than a const string.
    UnionModel(
        "AnyEvent",
        (Ref("ResponseCancelEvent"), Ref("ErrorEvent"), Ref("AlertEvent")),
        Discriminator(
            "type",
            (
                ("alert", "AlertEvent"),
                ("error", "ErrorEvent"),
                ("response.cancel", "ResponseCancelEvent"),
            ),
        ),
    ),
    EnumModel("AlertEventType", "string", (EnumValue("alert"),)),
    ObjectModel(
        "AlertEvent",
        (
            Field("type", Ref("AlertEventType"), required=True),
            Field("when", Primitive("string", "date-time"), required=False),
            Field("payload", ANY, required=False, nullable=Nullable.YES),
        ),
    ),
    # Discriminated, but one variant is itself a union and one is a string: a wrapper that
    # dispatches on the tag first, then tries the rest.
    UnionModel(
        "PartOrEvent",
        (Ref("ContentPart"), Ref("ResponseCancelEvent"), STRING),
        Discriminator("kind", (("event", "ResponseCancelEvent"), ("part", "ContentPart"))),
    ),
    # anyOf over every kind of type, free-form last.
    UnionModel(
        "Mixed",
        (
            Primitive("string", "date-time"),
            NUMBER,
            Primitive("boolean"),
            ListOf(Ref("Voice")),
            MapOf(INT),
            Ref("Voice"),
            Ref("TextPart"),
            ANY,
        ),
        exclusive=False,
    ),
    # anyOf mixing an object with extra properties, a list, a map and an enum.
    UnionModel(
        "Anything",
        (Ref("TextPart"), Ref("Bag"), ListOf(INT), MapOf(Ref("Tags")), Ref("Voice")),
        exclusive=False,
    ),
    ObjectModel("Bag", (Field("name", STRING, required=True),), additional=INT),
    # Enums of numbers, of booleans, and of an int and a string that print alike.
    EnumModel("Ratio", "number", (EnumValue(0.5), EnumValue(1.5), EnumValue(2))),
    EnumModel("Flag", "boolean", (EnumValue(True),)),
    EnumModel("OneOrOne", "string", (EnumValue(1), EnumValue("1"))),
    # A oneOf of two primitives.
    UnionModel("Limit", (INT, STRING)),
    # Defaults of every kind, one of them not even of the field's type.
    ObjectModel(
        "Settings",
        (
            Field("ratio", Ref("Ratio"), required=False, default=Const(0.5)),
            Field("flag", Ref("Flag"), required=False, default=Const(True), deprecated=True),
            Field("one", Ref("OneOrOne"), required=False, default=Const("*/ ?> $x")),
            Field("mode", Ref("Voice"), required=False, default=Const(["a", {"b": None}])),
            Field("limit", Ref("Limit"), required=False),
        ),
    ),
)


def example() -> ModelSet:
    """``schemas/realtime.yaml`` as loaded, plus :data:`EXAMPLE_EXTRAS`."""
    loaded = load(EXAMPLE_SPEC)
    models = sorted((*loaded.models, *EXAMPLE_EXTRAS), key=lambda m: m.name)
    return dataclasses.replace(loaded, models=tuple(models))


# --- the hostile set: names ----------------------------------------------------------------

# The words each language reserves.
DART_RESERVED = (
    "assert break case catch class const continue default do else enum extends false final "
    "finally for if in is new null rethrow return super switch this throw true try var void "
    "while with"
).split()
PYTHON_KEYWORDS = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
]  # fmt: skip
# Words PHP refuses as class names, in any case.
PHP_RESERVED = [
    "List", "Object", "Empty", "Array", "Match", "Readonly", "Static", "Self", "Parent",
    "Mixed", "Never", "Int", "Null", "Enum", "Iterable", "Callable", "Void", "Bool", "Float",
    "String", "True", "False", "Class", "Function", "Namespace", "Fn", "Print", "Yield",
]  # fmt: skip
RESERVED = unique([*DART_RESERVED, *PYTHON_KEYWORDS, *PHP_RESERVED])

# Names the generated code, its runtime or the language's core library already use.
MEMBER_NAMES = unique(
    [
        # Dart: members of Object and of the generated classes, core types, built-in words
        "hashCode", "runtimeType", "toString", "noSuchMethod", "copyWith", "toJson",
        "fromJson", "json", "other", "int", "String", "identical", "required", "Function",
        "dynamic", "late",
        # Python: soft keywords, builtins, names the generated module imports or defines
        "type", "match", "case", "_", "id", "list", "str", "int", "float", "bool", "dict",
        "object", "field", "dataclass", "Optional", "datetime", "self", "cls", "__init__",
        "__x", "__v", "_id", "json", "Any", "from_dict", "to_dict", "additional_properties",
        "UNSET", "print", "__slots__", "__dict__",
        # PHP: members of the generated classes, superglobals, keywords allowed as properties
        "class", "list", "this", "additionalProperties", "fromArray", "jsonSerialize",
        "WIRE_NAMES", "data", "GLOBALS", "_GET", "__construct",
    ]
)  # fmt: skip

# Names with no letters, leading digits, separators, case-only differences, look-alikes,
# invisible and bidi characters, and a name too long for a file system.
ODD_NAMES = [
    "1st", "200", "", "!", " ", "  ", "   ", "foo_bar", "fooBar", "FooBar", "foo-bar",
    "foo bar", "Type", "a", "A", "café", "\ufb01eld", "\U0001d400", "zero\u200bwidth",
    "\u200bzero", "nbsp\u00a0x", "\u202eevil", "\u0430dmin", "\u0421yrillic", "$ref", "a.b",
    "@type", "x" * 300,
]  # fmt: skip

# Every name above, as a property of the one model that holds them all.
FIELD_NAMES = unique([*RESERVED, *MEMBER_NAMES, *ODD_NAMES])

# Class names each language's core library, or modelgen's runtime beside the models, uses.
CORE_CLASS_NAMES = [
    # Dart
    "Function", "Type", "Library", "Dynamic", "Mixin", "List", "Map", "String", "Object",
    "DateTime", "Enum", "Present", "FromSchema",
    # Python
    "UNSET", "Unset", "DecodeError", "Model",
    # PHP
    "Support", "Json", "Absent",
]  # fmt: skip
# Model names that differ only in case or separators, file names a file system refuses.
ODD_CLASS_NAMES = [
    "Pet", "pet", "pet_store", "PetStore", "model", "con", "CON", "../etc/passwd", "", "_",
    "1st", "y" * 300, "L" * 300, "zero\u200bwidth\u202e */ name\n",
]  # fmt: skip
# Names the helper classes of enum ``Weird`` would take (PHP, Dart).
HELPER_CLASS_NAMES = ["UnknownWeird", "WeirdUnknown", "WeirdValue"]

# --- the hostile set: texts and values -----------------------------------------------------

TEXTS = unique(
    [
        "Ends */ and opens /* a comment; $x and ${1+1}; quote ' and \" and a backslash \\\n"
        "second line\r\nthird\u2028fourth\u2029fifth\x0bsixth\x00 {{ 7*7 }} \u202e bidi",
        "ends a docblock */ here",
        "?> <?php echo 1; ?>",
        "?><?php echo 'x'; ?>",
        "opens /* a comment",
        "{{ 7*7 }} {% raw %} {#",
        "line\rbreak\r\nand\u2028more\u2029and\vthe\fend\x00nul",
        "@param int $x injected tag",
        "bidi \u202e reversed \u2066 isolate",
        "quotes \"double\" 'single' and back\\slash\\",
        "$x ${x} {$x}",
        'ends with a quote"',
        '"starts with a quote',
        'triple """ quotes and \\""" and ""\\"',
        "trailing backslash \\",
        "\\N{BULLET} \\u1234 C:\\users \\d \\x41",
        "line\rbreaks\r\nall\vover\fthe\u2028place\u2029end",
        "nul\x00char and bidi \u202e and zero\u200bwidth",
        "{{ 7*7 }} {% raw %} {# comment",
        "tab\tinside and 'single' quotes",
        "  indented\n    more\n  less  ",
        "',\n\"\"\"; import os; os.system('x') #",
    ]
)

# String enum values that collide once sanitised, look like other types, hold quotes,
# backslashes, interpolation and comment markers, or name a member of the generated enum;
# then every reserved word.
ENUM_VALUES = unique(
    [
        "date", "-date", "in stock", "in-stock", "g", "\u03bcg", "a+", "a_plus", "", "1",
        "-1", "null", "name", "value", "values", "index", "'", '"', "\\", "a\nb", "new\nline",
        "$x", "{$x}", "?>", "*/", "{{ 7*7 }}", "it's", "back\\",
        "it's $x ${1+1} \\ \n end", "_missing_", "UNKNOWN", "CLASS", "Class", "v" * 200,
        *RESERVED,
    ]
)  # fmt: skip

# A const tag no language may interpolate.
TAG = "it's $x {$x} \\"


def _object(name: str, n: int) -> ObjectModel:
    """A plain model named ``name``: one text property, and one referring to itself."""
    text = TEXTS[n % len(TEXTS)]
    fields = (
        Field("value", STRING, required=True, description=text),
        Field("v", Ref(name), required=False),
    )
    return ObjectModel(name, fields, description=text)


def _hostile_special() -> list[Model]:
    """The models whose shape matters, not just their name."""
    names = tuple(
        Field(name, STRING, required=n % 2 == 0, description=TEXTS[n % len(TEXTS)])
        for n, name in enumerate(FIELD_NAMES)
    )
    values = (
        Field("d_nan", NUMBER, False, default=Const(float("nan"))),
        Field("d_inf", NUMBER, False, default=Const(float("-inf"))),
        Field("d_big", INT, False, default=Const(2**64 + 1)),
        Field("d_negzero", NUMBER, False, default=Const(-0.0)),
        Field("d_list", ListOf(STRING), False, default=Const(["a", "b\n"])),
        Field("d_dict", MapOf(ANY), False, default=Const({"k": [1, None]})),
        Field("d_str", STRING, False, default=Const('quote " and \\ and \n newline')),
        Field("c_str", STRING, True, const=Const('it\'s "const" \\')),
        Field("c_int", INT, True, const=Const(2**70)),
        Field("c_bool", Primitive("boolean"), False, const=Const(False)),
        Field("nullable_unknown", STRING, False, nullable=Nullable.UNKNOWN),
        Field("required_nullable", STRING, True, nullable=Nullable.YES),
        Field("any", ANY, False, nullable=Nullable.YES),
        Field("when", Primitive("string", "date-time"), False),
        Field("day", Primitive("string", "date"), False),
        Field("uid", Primitive("string", "uuid"), False),
        Field("tree", Ref("Tree"), False),
        Field("json_value", Ref("JsonValue"), False),
        Field("numbers", Ref("Numbers"), False),
        Field("flags", ListOf(Ref("Flag")), False),
        Field("maybe", Ref("Maybe"), False),
        Field("pet", Ref("Pet"), False),
        Field("pet2", Ref("pet"), False),
        Field("long", Ref("L" * 300), False),
    )
    return [
        # Every hostile name as a property, a const tag and the hostile enum.
        ObjectModel(
            'Hostile"""Name',
            (
                *names,
                Field("tag", STRING, required=True, const=Const(TAG)),
                Field("colour", Ref("class"), required=False),
            ),
            description="\n".join(TEXTS),
        ),
        # Defaults and consts of every kind, formats, and references to the odd models.
        ObjectModel("Values", values, description=TEXTS[13]),
        EnumModel(
            "class",
            "string",
            tuple(
                EnumValue(v, description=TEXTS[n % len(TEXTS)]) for n, v in enumerate(ENUM_VALUES)
            ),
            description=TEXTS[0],
        ),
        EnumModel("Weird", "string", (EnumValue("?>"), EnumValue("*/")), description="?> */"),
        # Members named by the spec (x-enum-varnames): every hostile name, colliding once cased.
        EnumModel(
            "Named",
            "string",
            tuple(EnumValue(f"v{n}", name=name) for n, name in enumerate(FIELD_NAMES)),
        ),
        EnumModel(
            "MixedEnum",
            "string",
            (EnumValue(1), EnumValue("1"), EnumValue(False), EnumValue("true"), EnumValue(2.5)),
        ),
        EnumModel("Floats", "number", (EnumValue(1.5), EnumValue(-0.0), EnumValue(2))),
        EnumModel("Numbers", "integer", tuple(EnumValue(v) for v in (1, -1, 0, 2**60))),
        EnumModel("Flag", "boolean", (EnumValue(True), EnumValue(False))),
        EnumModel("OnlyNull", "string", (EnumValue(None),), nullable=Nullable.YES),
        EnumModel("Unlisted", "integer", None),
        ObjectModel(
            "SelfNamed",
            (Field("SelfNamed", STRING, required=True), Field("selfNamed", STRING, True)),
        ),
        ObjectModel(
            "Tree",
            (
                Field("value", INT, True),
                Field("children", ListOf(Ref("Tree")), False),
                Field("by_name", MapOf(Ref("Tree")), False),
            ),
            closed=True,
            description=TEXTS[11],
        ),
        UnionModel(
            "JsonValue",
            (STRING, NUMBER, ListOf(Ref("JsonValue")), MapOf(Ref("JsonValue"))),
            exclusive=False,
            description=TEXTS[14],
        ),
        ObjectModel("Maybe", (Field("x", STRING, False),), nullable=Nullable.YES),
        # Two models whose names differ only in case, each a variant of a union.
        ObjectModel(
            "Pet",
            (
                Field("kind", STRING, True, const=Const("pet")),
                Field("a", STRING, False),
                Field("A", STRING, False),
                Field("v", Ref("Pet"), False),
            ),
        ),
        ObjectModel("pet", (Field("kind", STRING, True, const=Const("PET")),)),
        UnionModel(
            "AnyPet",
            (Ref("Pet"), Ref("pet")),
            discriminator=Discriminator("kind", (("PET", "pet"), ("pet", "Pet"))),
        ),
        ObjectModel("L" * 300, (Field("y" * 300, Ref("None"), True),)),
        AliasModel("None", ListOf(Ref("Unset"))),
        AliasModel("Unset", Primitive("string", "uuid"), nullable=Nullable.YES),
        ObjectModel("1st", (), closed=True, description=""),
        ObjectModel("DecodeError", (), additional=INT),
        ObjectModel("Model", (Field("model", Ref("Model"), False),)),
        # A cyclic alias. (A union with no variants is not here: the Python target refuses
        # one, as a user error.)
        AliasModel("Loop", ListOf(Ref("Loop"))),
    ]


CLASS_NAMES = unique(
    [
        *PHP_RESERVED,
        *(n.upper() for n in PHP_RESERVED),
        *(n.lower() for n in PHP_RESERVED),
        *DART_RESERVED,
        *PYTHON_KEYWORDS,
        *CORE_CLASS_NAMES,
        *ODD_CLASS_NAMES,
        *HELPER_CLASS_NAMES,
    ]
)


def hostile() -> ModelSet:
    """Every hostile name as a property, a class name and an enum value; every hostile text as
    a description; defaults, consts and enums of every kind; recursion through lists, maps,
    aliases and unions."""
    special = _hostile_special()
    taken = {m.name for m in special}
    plain = [_object(name, n) for n, name in enumerate(CLASS_NAMES) if name not in taken]
    return ModelSet(
        models=tuple(sorted([*special, *plain], key=lambda m: m.name)),
        source=Source("hostile.yaml"),
        title='List """ {{ 7*7 }} $x */\nTitle',
        version="1.0\r\n",
    )
