"""The intermediate model (IR): what every loader produces and every emitter, parity check and
diff consumes.

Language-neutral, frozen, and free of behaviour beyond small derived properties. Names here are
the schema's own names (``CreateRunRequestToolChoice``, ``event_id``); each emitter decides its
own identifiers. Every model and field carries a :class:`Source` saying where it came from.

What a source cannot express is recorded, never guessed: a field's nullability may be
``Nullable.UNKNOWN``, an enum's values may be ``None``, and :attr:`ModelSet.knows` lists which
facets the source can state at all (markdown docs cannot state formats, say).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a thing came from: a file, plus a JSON pointer (specs) or a line (markdown, code)."""

    file: str
    pointer: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.pointer:
            where += f"#{self.pointer}"
        return where


NO_SOURCE = Source("<unknown>")


class Nullable(enum.Enum):
    """Whether ``null`` is a valid value. ``UNKNOWN`` where the source cannot say."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


# --- type references -----------------------------------------------------------------------

PrimitiveKind = Literal["string", "integer", "number", "boolean", "any"]


@dataclass(frozen=True, slots=True)
class Primitive:
    """A scalar, or ``any`` (free-form JSON). ``format`` is the OpenAPI format, if any
    (date-time, date, uuid, binary, byte, int32, int64, float, double, ...)."""

    kind: PrimitiveKind
    format: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a named model of the same :class:`ModelSet`."""

    name: str


@dataclass(frozen=True, slots=True)
class ListOf:
    item: TypeRef
    unique: bool = False


@dataclass(frozen=True, slots=True)
class MapOf:
    """A JSON object with string keys and values of one type (``additionalProperties``)."""

    value: TypeRef


TypeRef: TypeAlias = Primitive | Ref | ListOf | MapOf

ANY = Primitive("any")


@dataclass(frozen=True, slots=True)
class Const:
    """A literal JSON value; wrapping it keeps "no default" apart from "default null"."""

    value: JsonValue


@dataclass(frozen=True, slots=True)
class Constraints:
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    multiple_of: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False
    min_properties: int | None = None
    max_properties: int | None = None


NO_CONSTRAINTS = Constraints()


# --- fields and models -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """One property of an object model, in declaration order."""

    name: str  # wire name, exactly as in JSON
    type: TypeRef
    required: bool
    nullable: Nullable = Nullable.NO
    default: Const | None = None
    const: Const | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    description: str | None = None
    constraints: Constraints = NO_CONSTRAINTS
    inherited_from: str | None = None  # the allOf parent model that declared it, if any
    source: Source = NO_SOURCE
    # The name the user chose for it in code (a naming override); ``None``: code names it after
    # the wire name. Targets spell either their own way; the wire name stays ``name``.
    code_name: str | None = None


@dataclass(frozen=True, slots=True)
class ObjectModel:
    """A JSON object with known properties. allOf parents are already merged into ``fields``;
    ``bases`` names the parents that are models of their own."""

    name: str
    fields: tuple[Field, ...]
    bases: tuple[str, ...] = ()
    # additionalProperties: None when not declared, the value type when declared true or a
    # schema (true is ANY); ``closed`` when declared false.
    additional: TypeRef | None = None
    closed: bool = False
    nullable: Nullable = Nullable.NO
    description: str | None = None
    deprecated: bool = False
    source: Source = NO_SOURCE
    inline: bool = False  # declared inline, named by the source (see Model)

    kind: Literal["object"] = "object"


@dataclass(frozen=True, slots=True)
class EnumValue:
    """One enum value; ``name`` is the member name the source asks for (``x-enum-varnames``),
    which each target spells as its language spells member names."""

    value: str | int | float | bool | None
    description: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class EnumModel:
    """A closed set of scalar values. ``values`` is ``None`` where the source cannot list them."""

    name: str
    base: Literal["string", "integer", "number", "boolean"]
    values: tuple[EnumValue, ...] | None
    nullable: Nullable = Nullable.NO
    default: Const | None = None
    description: str | None = None
    deprecated: bool = False
    source: Source = NO_SOURCE
    inline: bool = False  # declared inline, named by the source (see Model)

    kind: Literal["enum"] = "enum"


@dataclass(frozen=True, slots=True)
class Discriminator:
    """The property whose value picks the variant; ``mapping`` is sorted (value, model name)."""

    property: str
    mapping: tuple[tuple[str, str], ...]
    inferred: bool = False  # True when no discriminator was declared but every variant has one


@dataclass(frozen=True, slots=True)
class UnionModel:
    """oneOf / anyOf. Variants are in spec order (that order is the documented try order)."""

    name: str
    variants: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None
    exclusive: bool = True  # oneOf: True; anyOf: False
    nullable: Nullable = Nullable.NO
    description: str | None = None
    deprecated: bool = False
    source: Source = NO_SOURCE
    inline: bool = False  # declared inline, named by the source (see Model)

    kind: Literal["union"] = "union"


@dataclass(frozen=True, slots=True)
class AliasModel:
    """A named array, map or primitive (``type: string, format: uuid`` under a name)."""

    name: str
    target: TypeRef
    nullable: Nullable = Nullable.NO
    constraints: Constraints = NO_CONSTRAINTS
    description: str | None = None
    deprecated: bool = False
    source: Source = NO_SOURCE
    inline: bool = False  # declared inline, named by the source (see Model)

    kind: Literal["alias"] = "alias"


Model: TypeAlias = ObjectModel | EnumModel | UnionModel | AliasModel
"""Every model kind records its origin in ``inline``: ``True`` when the source invented the
model's name for a schema declared inline (a property's object, enum or union, an array's
items, a union's member, a request or response body, hoisted into a model of its own and named
after its parent by the source's rules), ``False`` when the source itself names it (an OpenAPI
component, a ``$defs`` entry, a documented class). Comparisons use it to tell a change of a
named schema from a change inside its parent, whatever the source's pointers look like."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A located warning (never fatal; fatal problems raise). ``code`` names the rule
    (``unknown-type``, ``flattened-union``).

    ``degraded`` marks a degradation: the source says something at ``source`` that the loader
    could not read (an unknown type spelling, a mixed-type enum, a reference to a model that is
    not there), so it put a stand-in in its place (a free-form value, a string, a union of the
    value kinds) and went on; the message says what was broken and what was done instead. The
    model or field at ``source`` (see :func:`generator.ir.query.degraded_places`) is lossy:
    a comparison must call a difference there lossy, not drift. With ``--strict`` a
    degradation is the error it would otherwise be, and no set holding one is ever built.
    """

    message: str
    source: Source = NO_SOURCE
    code: str = "warning"
    degraded: bool = False

    def __str__(self) -> str:
        return f"{self.source}: {self.code}: {self.message}"


# Facets a source may or may not be able to state. A facet missing from ModelSet.knows is
# unknown for every model of that set, and comparisons must not report it as a mismatch.
FACETS = frozenset(
    {
        "nullable",  # field and model nullability
        "formats",  # string/number formats beyond what the type spelling implies
        "enum_values",  # the values of enums
        "composition",  # unions, discriminators, allOf bases
        "defaults",
        "constraints",
        "read_only",
        "write_only",
        "deprecated",
        "descriptions",
        "operations",  # which models requests and responses use
        "wire_names",  # field names are the JSON keys (Dart docs show Dart names: eventId)
    }
)


@dataclass(frozen=True, slots=True)
class ModelSet:
    """Everything one source describes. ``models`` is sorted by name."""

    models: tuple[Model, ...]
    source: Source
    title: str | None = None
    version: str | None = None
    knows: frozenset[str] = FACETS
    # Models that request bodies / responses reference directly (reachability is derived).
    request_roots: frozenset[str] = frozenset()
    response_roots: frozenset[str] = frozenset()
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    # The registered source kind that read it (``openapi``, ``python-code``, ``python-sdk``
    # ...), set by ``generator.sources.load``; ``None`` for a set built in memory. Parity
    # matches the classes of an SDK (a ``*-sdk`` kind) to the spec's models by convention,
    # see ``generator/compare/README-sdk-matching.md``.
    kind: str | None = None

    def by_name(self) -> dict[str, Model]:
        return {m.name: m for m in self.models}
