"""The OpenAPI 3.0 / 3.1 loader: a spec (YAML or JSON, possibly several files) to a ModelSet.

Models
    Every schema under ``components/schemas`` becomes a model with its own name, whatever its
    shape (an object, an enum, a union, or an alias of an array, map or primitive). Inline
    schemas that need a class of their own also become models: objects with properties,
    enums of two or more values, unions. Plain primitives, arrays and maps of those, and
    free-form objects stay inline type references. An inline enum of ONE value (and ``const``)
    is a primitive with ``Field.const`` set: that is how discriminator tags are spelled.

Inline names
    ``Parent`` + ``Property`` in Pascal case (``CreateRunRequestToolChoice``), without repeating
    the words that end the parent (``Certificate.certificate_details`` is
    ``CertificateDetails``); array items add ``Item``, map values ``Value``. A union member is
    named, best first, by its ``title``, the component it is in + title, ``Parent`` + title,
    ``Parent`` + its single-valued tag (``type: {enum: [text]}`` gives ``ParentText``),
    ``Parent`` + its kind (``Object``, ``Enum``, ``Union``) when no other member is of that
    kind, else ``Parent`` + its 1-based index; a member that is one value (``{title: GUILD,
    const: 0}``) by ``Parent`` + title, else ``Parent`` + the value. Request and response
    bodies are named ``<OperationId>Request`` and ``<OperationId>Response``
    (``<OperationId>Response<status>`` for non-2xx statuses), + the media type word
    (``Multipart``, ``Form``, ``Xml``) when another media type of the body took the name;
    without an operationId, the method and path words stand in. The first of those names that
    is free is taken; a numeric suffix (``Foo2``) is the last resort. Component names are
    reserved first, compared by their words (``payment_intent`` and ``PaymentIntent`` are one
    name in every target), so an inline name never takes one. Components are processed sorted
    by name, so names do not depend on the order of the spec's mappings. Identical inline
    schemas (the same JSON) under one parent family (one component, one operation) are one
    model: an enum or union wherever it is repeated there, an object where it would have had
    the same name (a body in several media types); two identical members of one union stay two.

References
    A ``$ref`` to ``#/components/schemas/X`` is ``Ref("X")``. A ``$ref`` to any other schema
    makes that schema a model: named after the key it is defined under (``other.yaml#/Pet``,
    ``#/$defs/Pet``), the file's stem for a whole-file schema (``pet.yaml`` is ``Pet``), or,
    inside another schema, the name the inline rules give it; with a suffix on collision.
    See :mod:`refs` for which files may be opened. ``$ref`` siblings that only annotate
    (description, nullable, default, ...) apply to the field; a ``$ref`` beside
    ``properties`` or ``allOf`` is treated as one more ``allOf`` parent. A redeclared
    property's merged keywords are only taken from schemas of the same file (else the later
    one replaces the earlier), so relative ``$ref`` strings keep their meaning.

Nullability
    ``nullable: true`` (3.0), ``null`` in ``type`` (3.1), ``null`` in ``enum``, ``const: null``
    and a ``{type: "null"}`` member of ``oneOf``/``anyOf`` all make the schema nullable; a
    union of null and one schema is that schema, nullable: the keywords of that member that
    describe the place (description, default, deprecated, readOnly/writeOnly, constraints)
    apply to the field or alias, and a model made from the member is nullable and takes the
    place's description, default and deprecation where it has none, as in the 3.0 spelling. A
    union with a member that admits null is nullable. A field whose type is a Ref to a
    nullable model is nullable too. Optional (not in ``required``) is kept apart from it.

allOf
    Merged into one object: parent fields first (``inherited_from`` names the model that
    declared them), required lists joined, a property declared again later wins with its
    keywords merged over the earlier ones. ``$ref`` parents that are objects are listed in
    ``bases``. A ``$ref`` parent that is a union (the polymorphic pattern: ``X: {oneOf: [A, B]}``
    with ``A: {allOf: [X, ...]}``) adds nothing. An ``allOf`` of one ``$ref`` plus annotations
    is just that ``$ref`` (the usual way to make a reference nullable or describe it). An
    ``allOf`` with no object member (``allOf: [{type: string}, {maxLength: 3}]``) merges the
    keywords into one schema.

oneOf / anyOf
    A UnionModel, variants in spec order (``exclusive`` for oneOf). The discriminator is the
    declared one (mapping values may be refs or bare schema names; variants the mapping does
    not list get the value of their single-valued tag property, else their model name), or,
    when none is declared, an INFERRED one when every variant is an object model with the same
    property holding one string value (``type`` preferred). A schema with ``properties`` (or
    ``allOf``) AND ``oneOf``/``anyOf`` is an object: its properties win, and the object members'
    properties are added as optional fields (the union only constrains which combinations are
    valid, which a model class cannot express). A oneOf/anyOf whose members only list
    ``required`` names validates and is ignored. A literal member (``const: inf``) becomes a
    one-value EnumModel so its value survives. ``type: [string, integer]`` is a union of the
    two primitives. A discriminator on an object (not a union) cannot be placed in the IR,
    but the subtypes its mapping names are loaded as models.

Objects and maps
    ``additionalProperties: true`` or ``{}`` gives ``additional=ANY``; a schema gives that type;
    ``false`` sets ``closed``. An object with no properties is a map (``MapOf``), an
    ``AliasModel`` of it when named; ``type: object`` alone is a free-form map ``MapOf(ANY)``;
    ``additionalProperties: false`` with no properties is an empty closed ObjectModel.

Operations
    ``request_roots`` / ``response_roots`` name the models what clients send and what they read
    use directly, through arrays and maps too, for every media type: request bodies and
    parameters (path, query, header, cookie) are sent, responses and their headers read. Webhooks
    and callbacks go the other way (the API sends the request, its client answers). A
    parameter's own schema makes no model; only the models it refers to count.
    ``components/requestBodies``, ``responses``, ``parameters`` and ``callbacks`` refs are
    followed.

Versions
    3.0 and 3.1 keywords are accepted in either version (``nullable`` in a 3.1 spec,
    ``type: [X, "null"]`` in a 3.0 one): specs mix them, and each has one meaning. Swagger 2.0
    documents are read by the same walk (:mod:`.swagger2`), and so are JSON Schemas
    (:mod:`generator.sources.jsonschema`); ``dialect`` switches the few keywords they spell
    differently. ``patternProperties`` are the values of a map; ``dependentRequired`` is noted
    and ignored. Path items and operations may be ``$ref``s, and so may a ``properties``
    mapping (``properties: {$ref: attributes.yml#/x}``, as DigitalOcean's spec writes it).

Errors and warnings
    Problems that make the whole document meaningless are a ModelgenError with the file
    (relative to the spec's folder) and the JSON pointer: not a mapping, not OpenAPI 3,
    ``components`` of the wrong shape, content-free ``$ref`` loops, ``allOf`` cycles, schemas
    nested too deeply, ``$ref``s the reference policy refuses. A problem confined to one schema
    is degraded through :class:`generator.errors.Warnings` (an error with ``--strict``): an
    unknown type name is read as the type it means (``float`` as ``number``) or dropped; an
    enum mixing value kinds is a union of one enum per kind; enum values its ``type`` does not
    allow are dropped (a plain value of the type when none is left); a dangling ``$ref``, a
    ``$ref`` to a node that is not a schema, a schema that is not a mapping is any JSON value;
    a keyword of the wrong shape (``allOf: {}``, ``minLength: -1``) is ignored, and so is an
    ``allOf`` member that is not a schema (``allOf: [null]``). An enum that lists a value twice
    (``[a, a]``, or ``[1, 1.0]``: one JSON number) has one member for it, the first spelling
    kept, with a warning (a Python enum could not hold both, nor could a decoder tell them
    apart). Recursion
    through named models (self-reference, A -> B -> A) is fine.
"""

from __future__ import annotations

import functools
import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from generator.errors import ModelgenError, Warnings
from generator.ir import (
    ANY,
    NO_CONSTRAINTS,
    AliasModel,
    Const,
    Constraints,
    Discriminator,
    EnumModel,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    Ref,
    Source,
    TypeRef,
    UnionModel,
    json_kind,
)
from generator.naming import NameAllocator, join_name, name_key, pascal, short_hash
from generator.sources import LoadOptions, sniff
from generator.sources.openapi.enum_names import enum_values, keep_aligned
from generator.sources.openapi.refs import DanglingRef, Documents, Location, child

MAX_SCHEMA_DEPTH = 128  # inline schema nesting the loader follows

# Keywords that only constrain one kind of value (the others ignore them).
_KIND_KEYWORDS = {
    "properties": "object",
    "required": "object",
    "additionalProperties": "object",
    "patternProperties": "object",
    "minProperties": "object",
    "maxProperties": "object",
    "items": "array",
    "prefixItems": "array",
    "minItems": "array",
    "maxItems": "array",
    "uniqueItems": "array",
}
_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array", "null"})
_TYPE_TUPLES = {t: (t,) for t in _TYPES}  # ``type: X``, the usual spelling, read without a list
_PRIMITIVES = frozenset({"string", "integer", "number", "boolean"})
# What a type name that is not a JSON Schema type means (``type: float`` in an OpenAI revision).
_TYPE_ALIASES = {
    "float": "number",
    "double": "number",
    "decimal": "number",
    "int": "integer",
    "int32": "integer",
    "int64": "integer",
    "long": "integer",
    "bool": "boolean",
    "str": "string",
    "date": "string",
    "datetime": "string",
    "date-time": "string",
    "file": "string",
    "binary": "string",
    "dict": "object",
    "map": "object",
    "list": "array",
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keywords that only describe a schema; an allOf member made only of these adds no shape.
_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "default",
        "example",
        "examples",
        "nullable",
        "readOnly",
        "writeOnly",
        "deprecated",
        "externalDocs",
        "xml",
        "$comment",
        "discriminator",
    }
)
# Keywords that give a schema a shape; a oneOf/anyOf whose members have none only validates.
_SHAPE_KEYS = frozenset(
    {
        "type",
        "properties",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "$ref",
        "allOf",
        "oneOf",
        "anyOf",
        "format",
    }
)
_MISSING: Any = object()
# Shapes whose type is never a model made for the place (no inline name is needed for them).
_UNNAMED = frozenset({"ref", "primitive", "any", "const"})


# --- entry points ----------------------------------------------------------------------------


_ENTRY_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.json")


def _entry(path: Path) -> Path | None:
    if path.is_dir():
        for name in _ENTRY_NAMES:
            if (path / name).is_file():
                return path / name
        return None
    return path


def detect(path: Path) -> bool:
    """An OpenAPI 3 or Swagger 2.0 document (a YAML or JSON mapping with a top-level
    ``openapi`` or ``swagger`` key, wherever it is; see :mod:`generator.sources.sniff`), or a
    folder holding ``openapi.yaml|yml|json`` or ``swagger.yaml|json``."""
    entry = _entry(path)
    if entry is None or entry.suffix.lower() not in sniff.SUFFIXES:
        return False
    if entry.exists() and not entry.is_file():
        return True  # a FIFO or a device: reading it to look would consume it
    return sniff.kind(entry) in ("openapi", "swagger")


def load(path: Path, options: LoadOptions) -> ModelSet:
    entry = _entry(path)
    if entry is None:
        raise ModelgenError(
            "no " + ", ".join(_ENTRY_NAMES[:-1]) + f" or {_ENTRY_NAMES[-1]} in this folder",
            Source(str(path)),
        )
    loader = _Loader(entry, options)
    root = loader.docs.doc(loader.root_rel)
    if isinstance(root, dict) and "swagger" in root and "openapi" not in root:
        from generator.sources.openapi import swagger2

        return swagger2.run(loader, root)
    return loader.run()


# --- helpers -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Prop:
    name: str
    loc: Location
    schema: JsonValue
    declared_by: str | None


@dataclass(slots=True)
class _Collected:
    """An object's properties after allOf merging, before they become Fields."""

    props: dict[str, _Prop]
    required: set[str]
    bases: list[str]
    additional: tuple[Location, JsonValue] | None  # the additionalProperties node, if declared


@dataclass(slots=True)
class _Made:
    """An inline model that an identical schema of its family may be too (see
    :meth:`_Loader._identical`): the schema, its JSON (None until written), the model, the name
    it was meant to have, and where it was made."""

    schema: dict[str, Any]
    text: str | None
    name: str
    meant: str
    loc: Location


# What _json_text gives for a schema that is not JSON (JSON text is never empty).
_NOT_JSON = ""


def _json_text(schema: dict[str, Any]) -> str:
    """The schema as canonical JSON, or _NOT_JSON (keys of several types, values that are
    not JSON): such a schema is identical to none."""
    try:
        return json.dumps(schema, sort_keys=True, allow_nan=True)
    except (TypeError, ValueError):
        return _NOT_JSON


@dataclass(slots=True)
class _Shape:
    """What a schema is, with ``null`` taken out. Read-only once :meth:`_Loader._shape`
    returns it (the shapes of plain schemas are shared, see :data:`_PLAIN_SHAPES`)."""

    kind: str  # ref enum const union single object map array primitive multi any merged
    nullable: bool
    types: tuple[str, ...]
    members: list[tuple[Location, JsonValue]]  # non-null oneOf/anyOf members (allOf: merged)
    enum: list[Any] | None = None
    ref: tuple[Location, JsonValue] | None = None  # kind "ref": where the $ref is, and it


# The keywords _Loader._shape reads besides ``type``. A schema with none of them is told by its
# ``type`` alone (``{type: string, description: ...}``, most properties): its shape is one of
# these, shared.
_SHAPING = frozenset(
    {
        "nullable",
        "x-nullable",
        "enum",
        "const",
        "oneOf",
        "anyOf",
        "allOf",
        "$ref",
        "properties",
        "additionalProperties",
        "patternProperties",
        "items",
        "prefixItems",
    }
)
_PLAIN_SHAPES: dict[str | None, _Shape] = {
    **{t: _Shape("primitive", False, (t,), []) for t in ("string", "integer", "number", "boolean")},
    "object": _Shape("map", False, ("object",), []),
    "array": _Shape("array", False, ("array",), []),
    None: _Shape("any", False, (), []),
}
# A ``$ref`` with annotations only (``{$ref: X, description: ...}``) is told by the ``$ref``.
_SHAPING_BESIDE_REF = (_SHAPING - {"$ref"}) | {"type"}


def _quick_shape(loc: Location, s: dict[str, Any]) -> _Shape | None:
    """The shape of a schema told by its ``type`` alone (:data:`_PLAIN_SHAPES`) or by a
    ``$ref`` with annotations only, or None for every other schema (and no warning in any
    case). The type of such a schema is never a model made for the place it is used in."""
    if _SHAPING.isdisjoint(s):
        t = s.get("type")
        if t is None or type(t) is str:
            return _PLAIN_SHAPES.get(t)
    elif "$ref" in s and _SHAPING_BESIDE_REF.isdisjoint(s):
        return _Shape("ref", False, (), [], None, (loc, s["$ref"]))
    return None


def _names_nothing(loc: Location, schema: dict[str, Any], shape: _Shape) -> bool:
    """Whether the type :meth:`_Loader._type` gives ``schema`` (of shape ``shape``) is surely no
    model made for the place, so that no name needs to be worked out for it: its kind needs
    none (a ``$ref``, a primitive, an enum of one value), or it is an array, map or nullable
    union whose one inner schema is told by :func:`_quick_shape` (``items: {$ref: X}``,
    ``anyOf: [{$ref: X}, {type: 'null'}]``, ``additionalProperties: {type: string}``). False
    when unsure."""
    kind = shape.kind
    if kind in _UNNAMED:
        return True
    if kind == "enum":  # of one value: a primitive with that value (a tag)
        return shape.enum is not None and len(shape.enum) == 1
    inner: JsonValue
    if kind == "array":
        inner = schema.get("items")
    elif kind == "single":
        inner = shape.members[0][1]
    elif kind == "map":
        if "additionalProperties" not in schema:
            return not schema.get("patternProperties")
        inner = schema["additionalProperties"]
    else:
        return False
    return not isinstance(inner, dict) or _quick_shape(loc, inner) is not None


def _is_null_schema(schema: JsonValue) -> bool:
    if not isinstance(schema, dict):
        return False
    t = schema.get("type")
    if t == "null" or t == ["null"]:
        return True
    if schema.get("enum") == [None]:
        return True
    return "const" in schema and schema["const"] is None


# Keywords the one non-null member of ``anyOf: [X, {type: 'null'}]`` states about the place the
# schema is used (the 3.0 spelling, ``X`` + ``nullable: true``, states them on the schema
# itself), and the annotations of that place an inline model made from ``X`` takes.
_LIFTED_UP = frozenset({"description", "default", "deprecated", "readOnly", "writeOnly"})
_LIFTED_DOWN = ("description", "default", "deprecated")


def _only_member(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The one non-null member of a ``oneOf``/``anyOf`` that is nothing but that member, null
    aside (``anyOf: [X, {type: 'null'}]``), or None."""
    key = "oneOf" if "oneOf" in schema else "anyOf" if "anyOf" in schema else None
    if key is None or "$ref" in schema or "allOf" in schema or schema.get("properties"):
        return None
    listed = schema[key]
    if not isinstance(listed, list):
        return None
    members = [m for m in listed if not _is_null_schema(m)]
    if len(members) != 1 or not isinstance(members[0], dict) or not _SHAPE_KEYS & set(members[0]):
        return None
    return members[0]


def _lifted(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the keywords of its only member (:func:`_only_member`) that describe the
    place it is used, where it has none of its own: each nullable spelling reads the same."""
    member = _only_member(schema)
    if member is None:
        return schema
    keys = _LIFTED_UP.union(_CONSTRAINT_KEYS)
    return {**{k: v for k, v in member.items() if k in keys}, **schema}


@functools.lru_cache(maxsize=8192)
def _part(name: str) -> str:
    return pascal(name) or f"Property{short_hash(name)}"


@functools.lru_cache(maxsize=8192)
def _join(parent: str, part: str) -> str:
    """``parent`` + ``part`` without stutter (:func:`join_name`); a part with no letters or
    digits is named by its hash."""
    return join_name(parent, part) if pascal(part) else parent + _part(part)


def _str_or_none(value: JsonValue) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _check_json(value: object, source: Source) -> JsonValue:
    """Defaults, consts and enum values must be JSON values (YAML tags could make dates,
    bytes or sets)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif item is not None and not isinstance(item, str | int | float | bool):
            raise ModelgenError(f"{item!r} is not a JSON value", source)
    result: JsonValue = value  # type: ignore[assignment]
    return result


def _unwrap(type_ref: TypeRef) -> Iterator[str]:
    while isinstance(type_ref, ListOf | MapOf):
        type_ref = type_ref.item if isinstance(type_ref, ListOf) else type_ref.value
    if isinstance(type_ref, Ref):
        yield type_ref.name


# --- the loader --------------------------------------------------------------------------------


Dialect = Literal["openapi", "swagger", "jsonschema"]
# (where, the operation, its method, its path, its path item)
Operation = tuple[Location, dict[str, Any], str, str, dict[str, Any]]


class _Loader:
    """The schema walk: every source of JSON-Schema-like schemas (OpenAPI 3, Swagger 2.0 in
    :mod:`.swagger2`, JSON Schema in :mod:`generator.sources.jsonschema`) names its top-level
    schemas with :meth:`add_named`, hands request and response bodies to :meth:`body_type`,
    and builds the set with :meth:`model_set`. ``dialect`` switches the few keywords the
    three spell differently (``x-nullable`` and ``type: file`` in Swagger 2.0)."""

    def __init__(
        self,
        entry: Path,
        options: LoadOptions,
        dialect: Dialect = "openapi",
        docs: Documents | None = None,
    ) -> None:
        self.docs = docs or Documents(entry, options.allow_external_refs, options.allow_remote_refs)
        self.dialect: Dialect = dialect
        self.warnings = options.warnings()
        self.root_rel = self.docs.root_rel
        self.names: dict[Location, str] = {}
        self.models: dict[str, Model] = {}
        self.pending: deque[tuple[Location, JsonValue, str]] = deque()
        self.collected: dict[Location, _Collected] = {}
        self.collecting: set[Location] = set()
        # union name -> declared (property, explicit mapping), for the discriminator pass
        self.unions: list[tuple[str, tuple[str, list[tuple[str, str]]] | None]] = []
        self.allocator = NameAllocator(fold=name_key)
        # (file, parent family) -> the inline models made there, in order: see :meth:`_identical`
        self.identical: dict[tuple[str, str], list[_Made]] = {}
        self.reserved: set[str] = set()
        self.components = "/components/schemas"
        self.inline: set[str] = set()  # models named by the inline rules (Model.inline)
        self.request_roots: set[str] = set()
        self.response_roots: set[str] = set()
        self.sources: dict[Location, Source] = {}  # one Source per location (see _src)
        self.refs: dict[str, Ref] = {}  # one Ref per model name (see _ref)
        # ($ref, referring file) -> the Ref to the model it names, once named (a model's name
        # never changes, and a $ref string names the same place from the same file)
        self.ref_types: dict[tuple[str, str], Ref] = {}

    # -- top level

    def run(self) -> ModelSet:
        root = self.docs.doc(self.root_rel)
        src = Source(self.root_rel)
        if not isinstance(root, dict):
            raise ModelgenError("not an OpenAPI document (the top level is not a mapping)", src)
        version = root.get("openapi")
        if not isinstance(version, str) or not version.startswith("3."):
            raise ModelgenError(
                f"not an OpenAPI 3 document (openapi: {version!r}; expected 3.0.x or 3.1.x)",
                Source(self.root_rel, "/openapi"),
            )
        self.add_named(self.root_rel, "/components/schemas", self._components(root))
        self.drain()
        self._operations(root)
        self.drain()
        return self.model_set(root)

    def add_named(self, rel: str, base: str, schemas: dict[str, JsonValue]) -> None:
        """The schemas under ``base`` in file ``rel`` (``/components/schemas``,
        ``/definitions``, ``$defs``) are models named by their keys, reserved before any
        inline name is given. Call it for every such group before :meth:`drain`."""
        if rel == self.root_rel and not self.reserved:
            self.components = base  # where a discriminator mapping's bare names point
        for name in sorted(schemas):
            self.add_schema((rel, child(base, name)), schemas[name], name, reserve=False)
        self.allocator = NameAllocator(self.reserved, fold=name_key)

    def add_schema(
        self, loc: Location, schema: JsonValue, name: str, *, reserve: bool = True
    ) -> None:
        """The schema at ``loc`` is a model named ``name``, reserved: no inline name takes it
        (``reserve=False``: the caller renews :attr:`allocator` once after many)."""
        self.names[loc] = name
        self.reserved.add(name)
        if reserve:
            self.allocator = NameAllocator(self.reserved, fold=name_key)
        self.pending.append((loc, schema, name))

    def model_set(self, root: dict[str, Any], title: str | None = None) -> ModelSet:
        """The loaded models, the title and version of ``root``'s ``info``, the roots of the
        operations, and the warnings."""
        models = self._finish()
        info = root.get("info")
        version_text = None
        if isinstance(info, dict):
            title = _str_or_none(info.get("title"))
            version_text = _str_or_none(info.get("version"))
        return ModelSet(
            models=models,
            source=Source(self.root_rel),
            title=title,
            version=version_text,
            request_roots=frozenset(self.request_roots),
            response_roots=frozenset(self.response_roots),
            diagnostics=tuple(self.warnings.items),
        )

    def object_type(
        self, loc: Location, hint: str, props: list[tuple[str, Location, JsonValue, bool]]
    ) -> TypeRef:
        """A model for properties that are not one schema of the document (Swagger 2.0's
        formData parameters): ``(name, where, schema, required)`` each; the model is named
        ``hint`` (inline) and located at ``loc``."""
        if loc in self.names:
            return self._ref(self.names[loc])
        name = self.allocator.allocate(f"{loc[0]}#{loc[1]}", hint, separator="")
        self.inline.add(name)
        self.names[loc] = name
        fields = tuple(
            self._field(_Prop(key, where, schema, None), required, name, 0)
            for key, where, schema, required in props
        )
        self.models[name] = ObjectModel(name, fields, source=self._src(loc), inline=True)
        return self._ref(name)

    def body_type(self, loc: Location, schema: JsonValue, hint: str) -> TypeRef:
        """The type of a request or response body schema used in place (named ``hint``)."""
        type_ref, _, _ = self._type(loc, schema, hint, 0)
        return type_ref

    def _components(self, root: dict[str, JsonValue]) -> dict[str, JsonValue]:
        components = root.get("components", {})
        if components is None:
            return {}
        if not isinstance(components, dict):
            raise ModelgenError(
                "components must be a mapping", Source(self.root_rel, "/components")
            )
        schemas = components.get("schemas", {})
        if schemas is None:
            return {}
        if not isinstance(schemas, dict):
            raise ModelgenError(
                "components/schemas must be a mapping",
                Source(self.root_rel, "/components/schemas"),
            )
        return schemas

    def drain(self) -> None:
        while self.pending:
            loc, schema, name = self.pending.popleft()
            if name not in self.models:
                self._build(loc, schema, name, 0)

    # -- references

    def _ref(self, name: str) -> Ref:
        """The reference to model ``name``: one object for all the places that refer to it."""
        ref = self.refs.get(name)
        if ref is None:
            ref = self.refs[name] = Ref(name)
        return ref

    def _src(self, loc: Location) -> Source:
        """The Source of a location; one object per location, however often it is asked for."""
        src = self.sources.get(loc)
        if src is None:
            src = self.sources[loc] = Source(loc[0], loc[1])
        return src

    def _resolve(self, loc: Location, ref: JsonValue) -> tuple[Location, JsonValue]:
        return self.docs.resolve(ref, loc[0], self._src(loc))

    def _dangling(self, error: DanglingRef, loc: Location) -> None:
        self.warnings.degrade(
            error.message,
            error.source if error.source is not None else self._src(loc),
            "read as any JSON value",
            "dangling-ref",
        )

    def _ref_type(self, loc: Location, ref: JsonValue) -> TypeRef:
        """The type a ``$ref`` stands for: Ref to the model of the target location (any JSON
        value, with a warning, where it names nothing or something that is not a schema)."""
        key = (ref, loc[0]) if isinstance(ref, str) else None
        if key is not None:
            known = self.ref_types.get(key)
            if known is not None:
                return known
        try:
            target, node = self._resolve(loc, ref)
        except DanglingRef as error:
            self._dangling(error, loc)
            return ANY
        if target in self.names:
            known = self._ref(self.names[target])
            if key is not None:
                self.ref_types[key] = known
            return known
        if isinstance(node, bool):
            return ANY
        if not self._is_schema_node(target, node, ref, loc):
            return ANY
        wanted, inline = _pointer_name(target)
        candidates = [wanted]
        if not inline:  # ``actions.yml#/action`` beside ``action.yml``: ``ActionsAction``
            candidates.append(_join(_part(Path(target[0]).stem), wanted))
        name = self.allocator.allocate_first(f"{target[0]}#{target[1]}", candidates, "")
        if inline:
            self.inline.add(name)
        self.names[target] = name
        self.pending.append((target, node, name))
        return self._ref(name)

    def _not_a_schema(self, loc: Location, schema: JsonValue) -> None:
        self.warnings.degrade(
            f"a schema must be a mapping, not {type(schema).__name__}",
            self._src(loc),
            "read as any JSON value",
            "not-a-schema",
        )

    def _is_schema_node(
        self, target: Location, node: JsonValue, ref: JsonValue, loc: Location
    ) -> bool:
        """A $ref must point at a schema: a mapping, and, inside an OpenAPI document, somewhere
        schemas live (components/schemas, a ``schema`` of a body or parameter, $defs; in
        Swagger 2.0, definitions). Anything else is degraded with a warning."""
        problem = None
        if not isinstance(node, dict):
            problem = f"$ref {ref!r} points at a {type(node).__name__}, not a schema"
        else:
            document = self.docs.doc(target[0])
            if isinstance(document, dict) and ("openapi" in document or "swagger" in document):
                tokens = target[1].split("/")[1:]
                in_schemas = tokens[:2] == ["components", "schemas"] and len(tokens) > 2
                if not in_schemas and not {"schema", "$defs", "definitions"} & set(tokens):
                    problem = (
                        f"$ref {ref!r} points at {target[1] or 'the whole document'},"
                        " which is not a schema"
                    )
        if problem is None:
            return True
        self.warnings.degrade(problem, self._src(loc), "read as any JSON value", "not-a-schema")
        return False

    def _deref(self, loc: Location, schema: JsonValue) -> tuple[Location, JsonValue]:
        """Follow a chain of pure ``$ref`` schemas to the first one with content (an empty
        schema, with a warning, where a ``$ref`` names nothing)."""
        seen: set[Location] = set()
        while isinstance(schema, dict) and "$ref" in schema:
            if loc in seen:
                raise ModelgenError("a $ref loop with no schema in it", self._src(loc))
            seen.add(loc)
            try:
                loc, schema = self._resolve(loc, schema["$ref"])
            except DanglingRef as error:
                self._dangling(error, loc)
                return loc, {}
        return loc, schema

    # -- classification

    def _types(self, loc: Location, s: dict[str, Any]) -> tuple[str, ...]:
        """The names in ``type``; a name that is not a JSON Schema type is read as the type it
        means (``float`` as ``number``) or left out, with a warning."""
        raw = s.get("type")
        if raw is None:
            return ()
        if isinstance(raw, str):
            if raw in _TYPES:
                return _TYPE_TUPLES[raw]
            names: list[str] = [raw]
        elif isinstance(raw, list) and raw and all(isinstance(t, str) or t is None for t in raw):
            # an unquoted YAML null in a type list means "null"
            names = ["null" if t is None else t for t in raw]
        else:
            self.warnings.degrade(
                f"type must be a name or a list of names, not {raw!r}",
                self._src(loc),
                "the type is ignored",
                "bad-type",
            )
            return ()
        types: list[str] = []
        for t in names:
            if t in _TYPES:
                types.append(t)
                continue
            if t == "file" and self.dialect == "swagger":
                types.append("string")  # Swagger 2.0's file upload (format: binary)
                continue
            meant = _TYPE_ALIASES.get(t.lower())
            self.warnings.degrade(
                f"unknown type {t!r} (expected one of: {', '.join(sorted(_TYPES))})",
                Source(loc[0], child(loc[1], "type")),
                f"read as {meant}" if meant else "left out (any JSON value)",
                "unknown-type",
            )
            if meant:
                types.append(meant)
        return tuple(dict.fromkeys(types))

    def _shape(self, loc: Location, s: dict[str, Any]) -> _Shape:
        """What the schema ``s`` at ``loc`` is."""
        quick = _quick_shape(loc, s)
        if quick is not None:
            return quick
        nullable = s.get("nullable") is True or (
            self.dialect == "swagger" and s.get("x-nullable") is True
        )
        types = self._types(loc, s)
        if "null" in types:
            nullable = True
            types = tuple(t for t in types if t != "null")
        enum = s.get("enum")
        if enum is not None:
            if not isinstance(enum, list):
                self.warnings.degrade(
                    "enum must be a list",
                    Source(loc[0], child(loc[1], "enum")),
                    "the enum is ignored",
                    "bad-enum",
                )
                enum = None
            elif None in enum:
                nullable = True
                enum = [v for v in enum if v is not None]
        if "const" in s and s["const"] is None:
            nullable = True
        members: list[tuple[Location, JsonValue]] = []
        union_key = "oneOf" if "oneOf" in s else "anyOf" if "anyOf" in s else None
        if union_key is not None:
            listed = s[union_key]
            if not isinstance(listed, list):
                self.warnings.degrade(
                    f"{union_key} must be a list",
                    Source(loc[0], child(loc[1], union_key)),
                    f"the {union_key} is ignored",
                    "bad-keyword",
                )
                listed = []
            base = child(loc[1], union_key)
            for i, member in enumerate(listed):
                if _is_null_schema(member):
                    nullable = True
                else:
                    members.append(((loc[0], child(base, i)), member))
            if all(isinstance(m, dict) and not _SHAPE_KEYS & set(m) for _, m in members):
                members = []  # only validation (``oneOf: [{required: [a]}, {required: [b]}]``)

        result = _Shape("any", nullable, types, members, enum)  # the kind is decided below
        properties = s.get("properties")
        has_props = isinstance(properties, dict) and bool(properties)
        if "$ref" in s:
            if has_props or "allOf" in s:
                result.kind = "object"
            else:
                result.kind = "ref"
                result.ref = (loc, s["$ref"])
        elif "allOf" in s:
            self._all_of_shape(loc, s, result, has_props)
        elif members and not has_props:
            result.kind = "union" if len(members) > 1 else "single"
        elif has_props and len(types) > 1 and "object" in types:
            result.kind = "multi"  # ``type: [object, string]`` with properties
        elif (
            self.dialect == "jsonschema"
            and not types
            and has_props
            and ("items" in s or "prefixItems" in s)
        ):
            # untyped, with keywords for objects and arrays: every kind of value is valid,
            # each checked by its own keywords (quicktype's implicit-class-array-union)
            result.kind = "multi"
            result.types = ("object", "array", "string", "number", "boolean")
        elif has_props:
            result.kind = "object"
        elif types == ("object",) or (
            not types and ("additionalProperties" in s or "patternProperties" in s)
        ):
            result.kind = "object" if s.get("additionalProperties") is False else "map"
        elif enum:
            self._enum_shape(loc, result, types, enum)
        elif "const" in s and s["const"] is not None:
            result.kind = "const"
        elif len(types) > 1:
            result.kind = "multi"
        elif types == ("array",) or (not types and "items" in s):
            result.kind = "array"
        elif len(types) == 1 and types[0] in _PRIMITIVES:
            result.kind = "primitive"
        return result

    def _enum_shape(
        self, loc: Location, result: _Shape, types: tuple[str, ...], enum: list[Any]
    ) -> None:
        """An enum, when its values are scalars of one kind that its ``type`` allows. Else,
        with a warning: values of several kinds and no type are a union with one enum per kind
        (``multi``); values that the declared type does not allow are a plain value of that
        type; values that are not scalars are any JSON value. Values whose kinds are all among
        several declared types are that union without a warning."""
        result.kind = "enum"
        kinds = set()
        for value in enum:
            kind = json_kind(value)
            if kind not in _PRIMITIVES:
                self.warnings.degrade(
                    f"enum values must be scalars, not {value!r}",
                    Source(loc[0], child(loc[1], "enum")),
                    "read as any JSON value",
                    "bad-enum",
                )
                result.kind, result.enum, result.types = "any", None, ()
                return
            kinds.add(kind)
        declared = [t for t in types if t in _PRIMITIVES]
        if declared:
            want = declared[0]
            wrong = kinds - ({want, "integer"} if want == "number" else {want})
            allowed = set(declared) | ({"integer"} if "number" in declared else set())
            if wrong and kinds <= allowed:
                result.kind = "multi"  # a type list with values of several of its types
            elif wrong:
                kept = [v for v in enum if _fits(v, want)]
                self.warnings.degrade(
                    f"enum values of type {', '.join(sorted(wrong))} under type: {want}"
                    f" ({enum!r}); quote the values in the spec if they are strings",
                    Source(loc[0], child(loc[1], "enum")),
                    f"read as an enum of its {want} values only"
                    if kept
                    else f"read as a plain {want} (the enum is dropped)",
                    "enum-type",
                )
                if kept:
                    result.enum = kept
                else:
                    result.kind, result.enum, result.types = "primitive", None, (want,)
            return
        if kinds == {"integer", "number"}:
            kinds = {"number"}
        if len(kinds) > 1:
            self.warnings.degrade(
                f"enum mixes value types ({', '.join(sorted(kinds))}): {enum!r}",
                Source(loc[0], child(loc[1], "enum")),
                f"read as a union of its value kinds ({' | '.join(sorted(kinds))})",
                "mixed-enum",
            )
            result.kind, result.types = "multi", tuple(sorted(kinds))

    def _all_of_shape(
        self, loc: Location, s: dict[str, Any], result: _Shape, has_props: bool
    ) -> None:
        parts = self._all_of(loc, s)
        base = child(loc[1], "allOf")
        content = [
            ((loc[0], child(base, i)), p)
            for i, p in enumerate(parts)
            if not (isinstance(p, dict) and set(p) <= _ANNOTATIONS)
        ]
        result.kind = "object"
        if any(isinstance(p, dict) and p.get("nullable") is True for p in parts):
            result.nullable = True  # allOf: [{$ref: X}, {nullable: true}]
        if (
            len(content) == 1
            and isinstance(content[0][1], dict)
            and "$ref" in content[0][1]
            and not has_props
            and "additionalProperties" not in s
            and "oneOf" not in s
            and "anyOf" not in s
            and set(content[0][1]) <= _ANNOTATIONS | {"$ref"}
        ):
            result.kind = "ref"
            ref_loc, ref_schema = content[0]
            assert isinstance(ref_schema, dict)
            result.ref = (ref_loc, ref_schema["$ref"])
            return
        if has_props or "oneOf" in s or "anyOf" in s or "additionalProperties" in s:
            return
        for member_loc, member in content:
            _, target = self._deref(member_loc, member)
            if not isinstance(target, dict):
                continue
            if (
                "properties" in target
                or "allOf" in target
                or "additionalProperties" in target
                or target.get("type") == "object"
                or "oneOf" in target
                or "anyOf" in target
            ):
                return
        result.kind = "merged"
        result.members = content

    # -- types

    def _type(
        self,
        loc: Location,
        schema: JsonValue,
        hint: str,
        depth: int,
        alternates: tuple[str, ...] = (),
        shape: _Shape | None = None,
    ) -> tuple[TypeRef, bool, Any]:
        """(type, nullable, const value or _MISSING) of a schema used in place. A model made
        for it is named ``hint``, else the first free of ``alternates``, else ``hint``
        numbered. ``shape``: the schema's, when the caller has it already."""
        if isinstance(schema, bool):
            return ANY, False, _MISSING
        if not isinstance(schema, dict):
            self._not_a_schema(loc, schema)
            return ANY, False, _MISSING
        if depth > MAX_SCHEMA_DEPTH:
            raise ModelgenError(
                f"schemas nested more than {MAX_SCHEMA_DEPTH} levels deep", self._src(loc)
            )
        if shape is None:
            shape = self._shape(loc, schema)
        nullable = shape.nullable
        named = self.names.get(loc)
        if named is not None:
            return self._ref(named), nullable, _MISSING
        kind = shape.kind
        if kind == "primitive":  # the most common kinds first
            return _primitive(shape.types[0], _format(schema)), nullable, _MISSING
        if kind == "ref":
            assert shape.ref is not None
            return self._ref_type(*shape.ref), nullable, _MISSING
        if kind == "single":
            member_loc, member = shape.members[0]
            if isinstance(member, dict) and "$ref" not in member and member_loc not in self.names:
                # a model made from the member is the model ``member + nullable: true`` makes
                down = {k: schema[k] for k in _LIFTED_DOWN if k in schema}
                member = {**down, **member, **({"nullable": True} if nullable else {})}
            inner, inner_null, const = self._type(member_loc, member, hint, depth + 1, alternates)
            return inner, nullable or inner_null, const
        if kind == "merged":
            merged = self._merged(loc, schema, shape)
            inner, inner_null, const = self._type(loc, merged, hint, depth + 1, alternates)
            return inner, nullable or inner_null, const
        if kind == "enum":
            assert shape.enum is not None
            if len(shape.enum) == 1:
                base = self._enum_base(loc, schema, shape.enum, shape.types)
                value = _check_json(shape.enum[0], self._src(loc))
                return _primitive(base, _format(schema)), nullable, value
        if kind == "const":
            value = _check_json(schema["const"], self._src(loc))
            return _primitive(_value_kind(value), _format(schema)), nullable, value
        if kind == "map":
            return MapOf(self._additional(loc, schema, hint, depth)), nullable, _MISSING
        if kind == "array":
            return self._array(loc, schema, hint, depth), nullable, _MISSING
        if kind == "any":
            return ANY, nullable, _MISSING
        # object, enum, union, multi: a model of its own, or the one an identical schema
        # under the same parent family already made
        # objects are one model only as bodies of one operation (used at depth 0): no other
        # object is serialised to be compared
        family = (loc[0], _family(loc[1])) if kind != "object" or depth == 0 else None
        text = None
        if family is not None:
            text, found = self._identical(family, schema, loc, hint, kind)
            if found is not None:
                self.names[loc] = found
                return self._ref(found), nullable, _MISSING
        name = self.allocator.allocate_first(f"{loc[0]}#{loc[1]}", (hint, *alternates), "")
        self.inline.add(name)
        self.names[loc] = name
        if family is not None:
            self.identical.setdefault(family, []).append(_Made(schema, text, name, hint, loc))
        self._build(loc, schema, name, depth + 1, shape)
        return self._ref(name), nullable, _MISSING

    def _identical(
        self, family: tuple[str, str], schema: dict[str, Any], loc: Location, hint: str, kind: str
    ) -> tuple[str | None, str | None]:
        """The inline model an identical schema already made, when this one is to be that model
        too: an enum or union anywhere under the same parent family (a component, an
        operation), an object only where it was meant to have the same name (the bodies of one
        operation in several media types). Two identical members of one union stay two.

        Identical: the same file and family (``family``) and the same JSON; the first model
        made for that JSON is the one. A schema's JSON is written only when another schema
        of its family is compared with it (most families have one inline model). Returns the
        schema's JSON (None when not written) and the model."""
        made = self.identical.get(family)
        if not made:
            return None, None
        text = _json_text(schema)
        if text == _NOT_JSON:
            return text, None
        for earlier in made:
            if earlier.text is None:
                earlier.text = _json_text(earlier.schema)
            if earlier.text == text:
                if _siblings(earlier.loc, loc) or (kind == "object" and earlier.meant != hint):
                    return text, None
                return text, earlier.name
        return text, None

    def _merged(self, loc: Location, schema: dict[str, Any], shape: _Shape) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for member_loc, member in shape.members:
            _, target = self._deref(member_loc, member)
            if isinstance(target, dict):
                merged.update(target)
        merged.update({k: v for k, v in schema.items() if k != "allOf"})
        merged.pop("allOf", None)
        return merged

    def _additional(self, loc: Location, schema: dict[str, Any], hint: str, depth: int) -> TypeRef:
        extra_loc = (loc[0], child(loc[1], "additionalProperties"))
        extra = schema.get("additionalProperties", True)
        patterns = schema.get("patternProperties")
        if "additionalProperties" not in schema and isinstance(patterns, dict) and patterns:
            extra_loc, extra = _pattern_values(loc, patterns)
        if extra is True or extra == {} or extra is None:
            return ANY
        if extra is False:
            return ANY
        value, _, _ = self._type(extra_loc, extra, hint + "Value", depth + 1)
        return value

    def _array(self, loc: Location, schema: dict[str, Any], hint: str, depth: int) -> TypeRef:
        items = schema.get("items")
        unique = schema.get("uniqueItems") is True
        if items is None or items is True or items == {}:
            return ListOf(ANY, unique)
        if isinstance(items, list):  # tuple form (not OpenAPI): a list of anything
            return ListOf(ANY, unique)
        item, _, _ = self._type((loc[0], child(loc[1], "items")), items, hint + "Item", depth + 1)
        return ListOf(item, unique)

    def _enum_base(
        self, loc: Location, schema: dict[str, Any], values: list[Any], types: tuple[str, ...]
    ) -> Any:
        """The base type of an enum or a const. :meth:`_enum_shape` has already turned enums
        it cannot be into something else; a ``const`` that is not a scalar or does not match
        its ``type`` is degraded here."""
        keyword = "enum" if "enum" in schema else "const"
        kinds = set()
        for value in values:
            kind = json_kind(value)
            if kind not in _PRIMITIVES:
                self.warnings.degrade(
                    f"enum values must be scalars, not {value!r}",
                    Source(loc[0], child(loc[1], keyword)),
                    "read as a string enum",
                    "bad-enum",
                )
                return "string"
            kinds.add(kind)
        declared = [t for t in types if t in _PRIMITIVES]
        if declared:
            want = declared[0]
            allowed = {want, "integer"} if want == "number" else {want}
            wrong = kinds - allowed
            if wrong:
                self.warnings.degrade(
                    f"enum values of type {', '.join(sorted(wrong))} under type: {want}"
                    f" ({values!r}); quote the values in the spec if they are strings",
                    Source(loc[0], child(loc[1], keyword)),
                    f"read as a {sorted(kinds)[0]} enum",
                    "enum-type",
                )
                return sorted(kinds)[0]
            return want
        if kinds == {"integer", "number"}:
            kinds = {"number"}
        return sorted(kinds)[0] if kinds else "string"

    # -- models

    def _build(
        self, loc: Location, schema: JsonValue, name: str, depth: int, shape: _Shape | None = None
    ) -> None:
        src = self._src(loc)
        if isinstance(schema, bool) or not isinstance(schema, dict):
            if not isinstance(schema, bool):
                self._not_a_schema(loc, schema)
            stand_in = AliasModel(name, ANY, source=src, inline=name in self.inline)
            self.models[name] = stand_in
            return
        if depth > MAX_SCHEMA_DEPTH:
            raise ModelgenError(f"schemas nested more than {MAX_SCHEMA_DEPTH} levels deep", src)
        if shape is None:
            shape = self._shape(loc, schema)
        nullable = Nullable.YES if shape.nullable else Nullable.NO
        description = _str_or_none(schema.get("description"))
        deprecated = schema.get("deprecated") is True
        inline = name in self.inline
        kind = shape.kind
        model: Model
        if kind == "object":
            model = self._object(loc, schema, name, depth, nullable, inline)
        elif kind in ("enum", "const"):
            if kind == "const":
                values = [schema["const"]]
            else:
                assert shape.enum is not None
                values = shape.enum
            base = self._enum_base(loc, schema, values, shape.types)
            default = Const(_check_json(schema["default"], src)) if "default" in schema else None
            distinct = list(dict.fromkeys(values))
            if len(distinct) < len(values):
                self.warnings.degrade(
                    f"enum lists a value twice ({values!r}; 1 and 1.0 are one JSON number)",
                    Source(loc[0], child(loc[1], "enum" if "enum" in schema else "const")),
                    "one member per value, the first spelling kept",
                    "duplicate-enum-value",
                )
            model = EnumModel(
                name,
                base,
                enum_values(schema, [_check_json(v, src) for v in distinct], src, self.warnings),
                nullable=nullable,
                default=default,
                description=description,
                deprecated=deprecated,
                source=src,
                inline=inline,
            )
        elif kind in ("union", "multi"):
            model = self._union(loc, schema, name, depth, shape, nullable, inline)
        else:
            if kind == "merged":
                # the merged keywords may describe anything: classify again (no allOf left)
                merged = self._merged(loc, schema, shape)
                self._build(loc, merged, name, depth + 1, self._shape(loc, merged))
                return
            target, _, _ = self._type_forced(loc, schema, name, depth, shape)
            lifted = _lifted(schema)
            model = AliasModel(
                name,
                target,
                nullable=nullable,
                constraints=_constraints(loc, lifted, self.warnings),
                description=_str_or_none(lifted.get("description")),
                deprecated=lifted.get("deprecated") is True,
                source=src,
                inline=inline,
            )
        self.models[name] = model

    def _type_forced(
        self, loc: Location, schema: dict[str, Any], name: str, depth: int, shape: _Shape
    ) -> tuple[TypeRef, bool, Any]:
        """The target type of an alias model (the schema's own name is already taken by the
        model, so it must not resolve to itself)."""
        kind = shape.kind
        if kind == "ref":
            assert shape.ref is not None
            return self._ref_type(*shape.ref), False, _MISSING
        if kind == "single":
            member_loc, member = shape.members[0]
            return self._type(member_loc, member, name + "Option", depth + 1)
        if kind == "map":
            return MapOf(self._additional(loc, schema, name, depth)), False, _MISSING
        if kind == "array":
            return self._array(loc, schema, name, depth), False, _MISSING
        if kind == "primitive":
            return _primitive(shape.types[0], _format(schema)), False, _MISSING
        return ANY, False, _MISSING

    def _object(
        self,
        loc: Location,
        schema: dict[str, Any],
        name: str,
        depth: int,
        nullable: Nullable,
        inline: bool,
    ) -> ObjectModel:
        info = self._collect(loc, schema, depth)
        if isinstance(schema.get("discriminator"), dict):
            # a base object naming its subtypes: the IR has no place for the mapping on an
            # object, but the subtypes it names are models of the API all the same
            self._declared_mapping(loc, schema["discriminator"])
        fields: list[Field] = []
        for prop in info.props.values():
            parent = prop.declared_by or name
            fields.append(self._field(prop, prop.name in info.required, parent, depth))
        additional: TypeRef | None = None
        closed = False
        if info.additional is not None:
            extra_loc, extra = info.additional
            if extra is False:
                closed = True
            elif extra is True or extra == {} or extra is None:
                additional = ANY
            else:
                additional, _, _ = self._type(extra_loc, extra, name + "Value", depth + 1)
        fields += self._undeclared_required(loc, info, additional)
        return ObjectModel(
            name,
            tuple(fields),
            bases=tuple(dict.fromkeys(info.bases)),
            additional=additional,
            closed=closed,
            nullable=nullable,
            description=_str_or_none(schema.get("description")),
            deprecated=schema.get("deprecated") is True,
            source=self._src(loc),
            inline=inline,
        )

    def _undeclared_required(
        self, loc: Location, info: _Collected, additional: TypeRef | None
    ) -> list[Field]:
        """Keys ``required`` names but ``properties`` never declares: required fields of the
        additional properties' type (free-form unless declared), each with a warning, so that
        no language drops them."""
        fields: list[Field] = []
        undeclared = info.required.difference(info.props)
        if not undeclared:
            return fields
        src = Source(loc[0], child(loc[1], "required"))
        for key in sorted(undeclared):
            self.warnings.note(
                f"required property {key!r} is not declared in properties;"
                " read as a required free-form field",
                src,
                "undeclared-required",
            )
            fields.append(Field(key, additional or ANY, True, source=src))
        return fields

    def _field(self, prop: _Prop, required: bool, parent: str, depth: int) -> Field:
        """The field for a property of model ``parent`` (a model made for its schema is named
        ``parent`` + the property's name)."""
        loc, schema = prop.loc, prop.schema
        src = self._src(loc)
        shape = None
        hint = ""  # the name is worked out only for a schema that may need one
        if isinstance(schema, dict) and depth + 1 <= MAX_SCHEMA_DEPTH:
            shape = self._shape(loc, schema)
            if not _names_nothing(loc, schema, shape):
                hint = _join(parent, prop.name)
        else:
            hint = _join(parent, prop.name)
        type_ref, nullable, const = self._type(loc, schema, hint, depth + 1, shape=shape)
        if not isinstance(schema, dict):
            return Field(prop.name, type_ref, required, inherited_from=prop.declared_by, source=src)
        if "const" in schema and schema["const"] is not None and const is _MISSING:
            const = _check_json(schema["const"], src)
        if shape is None or shape.kind == "single":  # only then has it an only member
            schema = _lifted(schema)
        return Field(
            name=prop.name,
            type=type_ref,
            required=required,
            nullable=Nullable.YES if nullable else Nullable.NO,
            default=Const(_check_json(schema["default"], src)) if "default" in schema else None,
            const=None if const is _MISSING else Const(const),
            read_only=schema.get("readOnly") is True,
            write_only=schema.get("writeOnly") is True,
            deprecated=schema.get("deprecated") is True,
            description=_str_or_none(schema.get("description")),
            constraints=_constraints(loc, schema, self.warnings),
            inherited_from=prop.declared_by,
            source=src,
        )

    def _collect(self, loc: Location, schema: dict[str, Any], depth: int) -> _Collected:
        """Properties of an object schema with its allOf parents merged in (memoised)."""
        done = self.collected.get(loc)
        if done is not None:
            return done
        if loc in self.collecting:
            raise ModelgenError("allOf includes the schema itself (an allOf cycle)", self._src(loc))
        if depth > MAX_SCHEMA_DEPTH:
            raise ModelgenError(
                f"allOf nested more than {MAX_SCHEMA_DEPTH} levels deep", self._src(loc)
            )
        self.collecting.add(loc)
        result = _Collected({}, set(), [], None)
        try:
            parts: list[tuple[Location, JsonValue]] = []
            if "$ref" in schema:
                parts.append((loc, {"$ref": schema["$ref"]}))
            if "allOf" in schema:
                all_of = self._all_of(loc, schema)
                base = child(loc[1], "allOf")
                parts.extend(((loc[0], child(base, i)), p) for i, p in enumerate(all_of))
            for part_loc, part in parts:
                self._collect_part(result, part_loc, part, depth)
            self._own(result, loc, schema, declared_by=None)
            members_key = "oneOf" if "oneOf" in schema else "anyOf" if "anyOf" in schema else None
            if members_key is not None and isinstance(schema[members_key], list):
                mbase = child(loc[1], members_key)
                for i, member in enumerate(schema[members_key]):
                    self._collect_optional(result, (loc[0], child(mbase, i)), member, depth)
        finally:
            self.collecting.discard(loc)
        self.collected[loc] = result
        return result

    def _all_of(self, loc: Location, schema: dict[str, Any]) -> list[JsonValue]:
        """The members of ``allOf``; those that are not schemas (``allOf: [null]``) are
        ignored, with a warning."""
        parts = schema.get("allOf", [])
        if isinstance(parts, list):
            for i, part in enumerate(parts):
                if not isinstance(part, dict | bool):
                    self.warnings.degrade(
                        "an allOf member must be a schema",
                        Source(loc[0], child(child(loc[1], "allOf"), i)),
                        "the member is ignored",
                        "not-a-schema",
                    )
            return parts
        self.warnings.degrade(
            "allOf must be a list",
            Source(loc[0], child(loc[1], "allOf")),
            "the allOf is ignored",
            "bad-keyword",
        )
        return []

    def _collect_part(self, result: _Collected, loc: Location, part: JsonValue, depth: int) -> None:
        if not isinstance(part, dict):
            if not isinstance(part, bool):
                self.warnings.degrade(
                    "an allOf member must be a schema",
                    self._src(loc),
                    "the member is ignored",
                    "not-a-schema",
                )
            return
        if "$ref" in part:
            target, node = self._deref(loc, part)
            if not isinstance(node, dict):
                return
            parent = self._ref_type(loc, part["$ref"])
            parent_name = parent.name if isinstance(parent, Ref) else None
            shape = self._shape(target, node)
            if shape.kind in ("union", "single") and not node.get("properties"):
                # the polymorphic pattern: a parent whose oneOf lists its children. It adds
                # no fields (merging its variants would give each child its siblings' fields).
                return
            if shape.kind not in ("object", "map", "merged", "ref") and "properties" not in node:
                self.warnings.note(
                    "allOf member is not an object; its constraints are not merged",
                    self._src(loc),
                )
                return
            inner = self._collect(target, node, depth + 1)
            for prop in inner.props.values():
                declared = prop.declared_by or parent_name
                self._merge_prop(result, _Prop(prop.name, prop.loc, prop.schema, declared))
            result.required |= inner.required
            if parent_name is not None and (inner.props or node.get("type") == "object"):
                result.bases.append(parent_name)
            if inner.additional is not None:
                result.additional = inner.additional
            return
        inner = self._collect(loc, part, depth + 1)
        for prop in inner.props.values():
            self._merge_prop(result, prop)
        result.required |= inner.required
        result.bases.extend(inner.bases)
        if inner.additional is not None:
            result.additional = inner.additional

    def _collect_optional(
        self, result: _Collected, loc: Location, member: JsonValue, depth: int
    ) -> None:
        """Union members of an object: their properties join as optional fields."""
        target, node = self._deref(loc, member)
        if not isinstance(node, dict) or target in self.collecting:
            return
        inner = self._collect(target, node, depth + 1)
        for prop in inner.props.values():
            if prop.name not in result.props:
                result.props[prop.name] = prop

    def _own(
        self, result: _Collected, loc: Location, schema: dict[str, Any], declared_by: str | None
    ) -> None:
        props = schema.get("properties")
        props_loc = (loc[0], child(loc[1], "properties"))
        if isinstance(props, dict) and len(props) == 1 and isinstance(props.get("$ref"), str):
            # ``properties: {$ref: attributes.yml#/x}`` (DigitalOcean's spec): not a property
            # named "$ref" but the properties mapping kept elsewhere, as JSON-reference tools
            # read it
            try:
                props_loc, props = self._resolve(props_loc, props["$ref"])
            except DanglingRef as error:
                self._dangling(error, props_loc)
                props = None
        if props is not None and not isinstance(props, dict):
            self.warnings.degrade(
                "properties must be a mapping",
                Source(loc[0], child(loc[1], "properties")),
                "the properties are ignored",
                "bad-keyword",
            )
            props = None
        if props is not None:
            file, base = props_loc
            merged = result.props
            for key, value in props.items():
                prop = _Prop(key, (file, child(base, key)), value, declared_by)
                if key in merged:
                    self._merge_prop(result, prop)
                else:
                    merged[key] = prop
        required = schema.get("required")
        if isinstance(required, list):
            result.required.update(r for r in required if isinstance(r, str))
        elif required is not None and not isinstance(required, bool):
            self.warnings.degrade(
                "required must be a list of names",
                Source(loc[0], child(loc[1], "required")),
                "every property is read as optional",
                "bad-keyword",
            )
        for key in ("dependentRequired", "dependencies", "dependentSchemas"):
            if key in schema:
                self.warnings.note(
                    f"{key} only validates (which properties come together); ignored",
                    Source(loc[0], child(loc[1], key)),
                    "ignored-keyword",
                )
        if "additionalProperties" in schema:
            result.additional = (
                (loc[0], child(loc[1], "additionalProperties")),
                schema["additionalProperties"],
            )
        elif isinstance(schema.get("patternProperties"), dict) and schema["patternProperties"]:
            result.additional = _pattern_values(loc, schema["patternProperties"])

    def _merge_prop(self, result: _Collected, prop: _Prop) -> None:
        old = result.props.get(prop.name)
        if (
            old is not None
            and old.loc[0] == prop.loc[0]
            and isinstance(old.schema, dict)
            and isinstance(prop.schema, dict)
        ):
            if "$ref" in prop.schema:  # a new $ref replaces the old shape, keeps annotations
                merged = {k: v for k, v in old.schema.items() if k in _ANNOTATIONS}
                merged.update(prop.schema)
            else:
                merged = {**old.schema, **prop.schema}
                if "$ref" in old.schema and not set(prop.schema) <= _ANNOTATIONS:
                    del merged["$ref"]  # the new keywords describe the shape themselves
            prop = _Prop(prop.name, prop.loc, merged, prop.declared_by)
        # a redeclared property keeps the place where it was first declared
        result.props[prop.name] = prop

    def _union(
        self,
        loc: Location,
        schema: dict[str, Any],
        name: str,
        depth: int,
        shape: _Shape,
        nullable: Nullable,
        inline: bool,
    ) -> UnionModel:
        variants: list[TypeRef] = []
        discriminator = schema.get("discriminator")
        tag_property = "type"
        if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
            tag_property = discriminator["propertyName"]
        if shape.kind == "multi":
            for i, t in enumerate(shape.types):
                sub = {k: v for k, v in schema.items() if _KIND_KEYWORDS.get(k, t) == t}
                sub["type"] = t
                if isinstance(sub.get("enum"), list):
                    # each type keeps the enum values of its kind (none: a plain value)
                    keep_aligned(sub, [_fits(v, t) for v in sub["enum"]])
                    kept = [v for v in sub["enum"] if _fits(v, t)]
                    if kept:
                        sub["enum"] = kept
                    else:
                        del sub["enum"]
                sub_loc = (loc[0], child(child(loc[1], "type"), i))
                variant, _, _ = self._type(sub_loc, sub, name + _part(t), depth + 1)
                variants.append(variant)
        else:
            kinds = [_member_kind(member) for _, member in shape.members]
            for i, (member_loc, member) in enumerate(shape.members):
                kind_word = kinds[i] if kinds[i] and kinds.count(kinds[i]) == 1 else None
                hints = self._member_hints(member_loc, member, tag_property, name, i, kind_word)
                inner = None
                if isinstance(member, dict) and member_loc not in self.names:
                    inner = self._shape(member_loc, member)
                    if inner.kind == "const" or (
                        inner.kind == "enum" and len(inner.enum or ()) == 1
                    ):
                        # a literal member (``const: inf``) keeps its value as a one-value enum
                        # named after the union and its title or value
                        hints = _literal_hints(member, name, hints)
                        self.names[member_loc] = self.allocator.allocate_first(
                            f"{member_loc[0]}#{member_loc[1]}", hints, separator=""
                        )
                        self.inline.add(self.names[member_loc])
                        self._build(member_loc, member, self.names[member_loc], depth + 1, inner)
                variant, member_null, _ = self._type(
                    member_loc, member, hints[0], depth + 1, tuple(hints[1:]), inner
                )
                variants.append(variant)
                if member_null:  # ``oneOf: [{type: string, nullable: true}, ...]``
                    nullable = Nullable.YES
        self.unions.append((name, self._declared_mapping(loc, discriminator)))
        return UnionModel(
            name,
            tuple(variants),
            exclusive="oneOf" in schema or shape.kind == "multi",
            nullable=nullable,
            description=_str_or_none(schema.get("description")),
            deprecated=schema.get("deprecated") is True,
            source=self._src(loc),
            inline=inline,
        )

    def _declared_mapping(
        self, loc: Location, declared: JsonValue
    ) -> tuple[str, list[tuple[str, str]]] | None:
        """The declared discriminator's property and explicit mapping, targets resolved."""
        if not isinstance(declared, dict) or not isinstance(declared.get("propertyName"), str):
            return None
        mapping: list[tuple[str, str]] = []
        raw = declared.get("mapping")
        if isinstance(raw, dict):
            mloc = (loc[0], child(child(loc[1], "discriminator"), "mapping"))
            for value, target in raw.items():
                target_name = self._mapping_target((mloc[0], child(mloc[1], value)), target)
                if target_name is not None:
                    mapping.append((str(value), target_name))
        prop = declared["propertyName"]
        assert isinstance(prop, str)
        return prop, mapping

    def _member_hints(
        self,
        loc: Location,
        member: JsonValue,
        tag_property: str,
        parent: str,
        i: int,
        kind_word: str | None,
    ) -> list[str]:
        """The names a union member's model may take, best first: its title, the component it
        is defined in + title, parent + title; parent + the member's tag value (the
        discriminator property, else the first property holding one string); parent + its kind
        (``Object``, ``Enum``, ``Union``: when no other member is of that kind); parent + its
        1-based index, the last resort."""
        root = self.names.get((loc[0], _family(loc[1])), parent)
        hints = self._member_names(member, tag_property, root, parent)
        if kind_word is not None:
            hints.append(parent + kind_word)
        hints.append(f"{parent}{i + 1}")
        return hints

    def _member_names(
        self, member: JsonValue, tag_property: str, root: str, parent: str
    ) -> list[str]:
        names: list[str] = []
        if isinstance(member, dict):
            title = member.get("title")
            if isinstance(title, str) and pascal(title):
                names += [pascal(title), _join(root, title), _join(parent, title)]
            props = member.get("properties")
            if isinstance(props, dict):
                keys = [tag_property] if tag_property in props else []
                keys.extend(n for n in props if n != tag_property)
                for prop_name in keys:
                    tag = props[prop_name]
                    if not isinstance(tag, dict):
                        continue
                    value = tag.get("const", _MISSING)
                    enum = tag.get("enum")
                    if value is _MISSING and isinstance(enum, list) and len(enum) == 1:
                        value = enum[0]
                    if isinstance(value, str) and pascal(value):
                        names.append(_join(parent, value))
                        break
        return names

    # -- operations

    def _operations(self, root: dict[str, Any]) -> None:
        for section in ("paths", "webhooks"):
            items = root.get(section)
            if not isinstance(items, dict):
                continue
            for path in sorted(items):
                # a webhook's request is sent by the API to its client
                self._path_item(
                    (self.root_rel, child(f"/{section}", path)),
                    items[path],
                    path,
                    inbound=section == "webhooks",
                    depth=0,
                )

    def operations(self, root: dict[str, Any]) -> Iterator[Operation]:
        """Every operation of ``paths`` (Swagger 2.0), path items and operations followed
        through their ``$ref``: (where, the operation, method, path, path item)."""
        items = root.get("paths")
        if not isinstance(items, dict):
            return
        for path in sorted(items):
            item_loc, item = self.deref_node((self.root_rel, child("/paths", path)), items[path])
            if not isinstance(item, dict):
                continue
            for method, op_loc, op in self._item_operations(item_loc, item):
                yield op_loc, op, method, path, item

    def _item_operations(
        self, loc: Location, item: dict[str, Any]
    ) -> Iterator[tuple[str, Location, dict[str, Any]]]:
        """A path item's operations, each through its ``$ref`` (DigitalOcean's spec keeps
        one operation per file)."""
        for method in _METHODS:
            if method in item:
                op_loc, op = self.deref_node((loc[0], child(loc[1], method)), item[method])
                if isinstance(op, dict):
                    yield method, op_loc, op

    def _path_item(
        self, loc: Location, item: JsonValue, path: str, inbound: bool, depth: int
    ) -> None:
        """Roots of a path item's operations. ``inbound``: the API sends these requests (a
        webhook, a callback) and its client answers, so requests count as responses (what
        clients read) and responses as requests (what clients send)."""
        loc, item = self.deref_node(loc, item)
        if not isinstance(item, dict) or depth > 8:
            return
        sent, read = (
            (self.response_roots, self.request_roots)
            if inbound
            else (self.request_roots, self.response_roots)
        )
        self._parameters((loc[0], child(loc[1], "parameters")), item.get("parameters"), sent)
        for method, op_loc, op in self._item_operations(loc, item):
            self._operation(op_loc, op, method, path, sent, read)
            self._parameters(
                (op_loc[0], child(op_loc[1], "parameters")), op.get("parameters"), sent
            )
            callbacks = op.get("callbacks")
            if isinstance(callbacks, dict):
                cbase = child(op_loc[1], "callbacks")
                for name in sorted(callbacks):
                    cloc, callback = self.deref_node(
                        (op_loc[0], child(cbase, name)), callbacks[name]
                    )
                    if isinstance(callback, dict):
                        for expression in sorted(callback):
                            self._path_item(
                                (cloc[0], child(cloc[1], expression)),
                                callback[expression],
                                expression,
                                not inbound,
                                depth + 1,
                            )

    def deref_node(self, loc: Location, node: JsonValue) -> tuple[Location, JsonValue]:
        """A path item, operation, body, response or parameter through its ``$ref`` (None,
        with a warning, where the ``$ref`` names nothing)."""
        seen: set[Location] = set()
        while isinstance(node, dict) and "$ref" in node:
            if loc in seen:
                raise ModelgenError("a $ref loop", self._src(loc))
            seen.add(loc)
            try:
                loc, node = self._resolve(loc, node["$ref"])
            except DanglingRef as error:
                self.warnings.degrade(
                    error.message,
                    error.source if error.source is not None else self._src(loc),
                    "left out",
                    "dangling-ref",
                )
                return loc, None
        return loc, node

    def _operation(
        self,
        loc: Location,
        op: dict[str, Any],
        method: str,
        path: str,
        sent: set[str],
        read: set[str],
    ) -> None:
        op_id = op.get("operationId")
        base = _part(op_id) if isinstance(op_id, str) and op_id else _part(f"{method} {path}")
        body = op.get("requestBody")
        if body is not None:
            body_loc, body = self.deref_node((loc[0], child(loc[1], "requestBody")), body)
            for type_ref in self._bodies(body_loc, body, base + "Request"):
                sent.update(_unwrap(type_ref))
        responses = op.get("responses")
        if isinstance(responses, dict):
            rbase = child(loc[1], "responses")
            for code in sorted(responses, key=str):
                rloc, response = self.deref_node((loc[0], child(rbase, code)), responses[code])
                suffix = "Response" if str(code).startswith("2") else f"Response{_part(code)}"
                for type_ref in self._bodies(rloc, response, base + suffix):
                    read.update(_unwrap(type_ref))
                if isinstance(response, dict):
                    headers = response.get("headers")
                    self._parameters((rloc[0], child(rloc[1], "headers")), headers, read)

    def _parameters(self, loc: Location, params: JsonValue, roots: set[str]) -> None:
        """Models the schemas of parameters (path, query, header, cookie; or response headers,
        ``{name: header}``) refer to. No model is made for a parameter's own schema: only the
        models it names count, as request (or response) roots."""
        listed: list[tuple[str | int, JsonValue]]
        if isinstance(params, dict):
            listed = list(params.items())
        elif isinstance(params, list):
            listed = list(enumerate(params))
        else:
            return
        for key, param in listed:
            try:
                ploc, node = self.deref_node((loc[0], child(loc[1], key)), param)
            except ModelgenError:
                continue  # a parameter that does not resolve holds no model
            if not isinstance(node, dict):
                continue
            schemas = [((ploc[0], child(ploc[1], "schema")), node.get("schema"))]
            content = node.get("content")
            if isinstance(content, dict):
                cbase = child(ploc[1], "content")
                for media, media_obj in content.items():
                    if isinstance(media_obj, dict):
                        where = (ploc[0], child(child(cbase, media), "schema"))
                        schemas.append((where, media_obj.get("schema")))
            for where, schema in schemas:
                self._named_in(where, schema, roots)

    def _named_in(self, loc: Location, schema: JsonValue, found: set[str]) -> None:
        """Add the models a schema that is no model refers to (through ``$ref``s, following
        the keywords that nest schemas) to ``found``."""
        stack: list[tuple[Location, JsonValue]] = [(loc, schema)]
        seen: set[Location] = set()
        while stack:
            loc, node = stack.pop()
            if not isinstance(node, dict) or loc in seen or len(seen) > 10_000:
                continue
            seen.add(loc)
            if "$ref" in node:
                try:
                    target, value = self._resolve(loc, node["$ref"])
                except ModelgenError:
                    continue
                if target in self.names:
                    found.add(self.names[target])
                else:
                    stack.append((target, value))
            for key in ("items", "additionalProperties", "not"):
                stack.append(((loc[0], child(loc[1], key)), node.get(key)))
            for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
                members = node.get(key)
                if isinstance(members, list):
                    base = child(loc[1], key)
                    stack.extend(((loc[0], child(base, i)), m) for i, m in enumerate(members))
            for key in ("properties", "patternProperties"):
                members = node.get(key)
                if isinstance(members, dict):
                    base = child(loc[1], key)
                    stack.extend(((loc[0], child(base, k)), m) for k, m in members.items())

    def _bodies(self, loc: Location, body: JsonValue, hint: str) -> Iterator[TypeRef]:
        if not isinstance(body, dict):
            return
        content = body.get("content")
        if not isinstance(content, dict):
            return
        cbase = child(loc[1], "content")
        for media in sorted(content):
            media_obj = content[media]
            if isinstance(media_obj, dict) and "schema" in media_obj:
                schema_loc = (loc[0], child(child(cbase, media), "schema"))
                schema = media_obj["schema"]
                # the other name a model made for it may take (none is made for a $ref)
                alternates: tuple[str, ...] = ()
                if isinstance(schema, dict) and _quick_shape(schema_loc, schema) is None:
                    alternates = (_join(hint, _media_word(media)),)
                type_ref, _, _ = self._type(schema_loc, schema, hint, 0, alternates)
                yield type_ref

    # -- final passes

    def _finish(self) -> tuple[Model, ...]:
        self._check_alias_loops()
        for name, declared in self.unions:
            model = self.models[name]
            assert isinstance(model, UnionModel)
            found = self._discriminator(model, declared)
            if found is not None:
                self.models[name] = replace(model, discriminator=found)
        nullable_models = {n for n, m in self.models.items() if m.nullable is Nullable.YES}
        if nullable_models:
            for name, model in self.models.items():
                if isinstance(model, ObjectModel) and any(
                    isinstance(f.type, Ref) and f.type.name in nullable_models for f in model.fields
                ):
                    fields = tuple(
                        replace(f, nullable=Nullable.YES)
                        if isinstance(f.type, Ref) and f.type.name in nullable_models
                        else f
                        for f in model.fields
                    )
                    self.models[name] = replace(model, fields=fields)
        return tuple(self.models[n] for n in sorted(self.models))

    def _check_alias_loops(self) -> None:
        """Aliases of aliases must end in a model with content (each chain walked once)."""
        done: set[str] = set()
        for start in self.models:
            chain: list[str] = []
            name: str | None = start
            while name is not None and name not in done:
                if name in chain:
                    raise ModelgenError(
                        "a $ref loop with no schema in it: "
                        + " -> ".join([*chain[chain.index(name) :], name]),
                        self.models[name].source,
                    )
                chain.append(name)
                model = self.models.get(name)
                name = (
                    model.target.name
                    if isinstance(model, AliasModel) and isinstance(model.target, Ref)
                    else None
                )
            done.update(chain)

    def _tag(self, model: Model, prop: str) -> str | None:
        """The single string a variant model's property holds, if it holds exactly one."""
        if not isinstance(model, ObjectModel):
            return None
        for f in model.fields:
            if f.name != prop:
                continue
            if f.const is not None and isinstance(f.const.value, str):
                return f.const.value
            if isinstance(f.type, Ref):
                target = self.models.get(f.type.name)
                if (
                    isinstance(target, EnumModel)
                    and target.values is not None
                    and len(target.values) == 1
                    and isinstance(target.values[0].value, str)
                ):
                    return target.values[0].value
            return None
        return None

    def _discriminator(
        self, model: UnionModel, declared: tuple[str, list[tuple[str, str]]] | None
    ) -> Discriminator | None:
        names = [v.name for v in model.variants if isinstance(v, Ref)]
        if declared is not None:
            prop, explicit = declared
            mapping: dict[str, str] = {}
            for value, target in explicit:
                mapping.setdefault(value, target)
            listed = set(mapping.values())
            for variant in names:
                if variant in listed:
                    continue
                tag = self._tag(self.models[variant], prop) if variant in self.models else None
                mapping.setdefault(tag if tag is not None else variant, variant)
            return Discriminator(prop, tuple(sorted(mapping.items())))
        if not names or len(names) != len(model.variants):
            return None
        variant_models = [self.models.get(n) for n in names]
        if not all(isinstance(m, ObjectModel) for m in variant_models):
            return None
        candidates: set[str] | None = None
        for m in variant_models:
            assert isinstance(m, ObjectModel)
            tagged = {f.name for f in m.fields if self._tag(m, f.name) is not None}
            candidates = tagged if candidates is None else candidates & tagged
        if not candidates:
            return None
        for prop in ["type", *sorted(candidates - {"type"})]:
            if prop not in candidates:
                continue
            values = [self._tag(m, prop) for m in variant_models if m is not None]
            if len(set(values)) == len(values):
                pairs = {str(v): n for v, n in zip(values, names, strict=True)}
                return Discriminator(prop, tuple(sorted(pairs.items())), inferred=True)
        return None

    def _mapping_target(self, loc: Location, target: JsonValue) -> str | None:
        if not isinstance(target, str):
            self.warnings.degrade(
                "a discriminator mapping value must be a string",
                self._src(loc),
                "the mapping entry is ignored",
                "bad-keyword",
            )
            return None
        if "#" in target or "/" in target or target.endswith((".yaml", ".yml", ".json")):
            ref = self._ref_type(loc, target)
            return ref.name if isinstance(ref, Ref) else None
        component = (self.root_rel, child(self.components, target))
        if component in self.names:
            return self.names[component]
        self.warnings.note(
            f"discriminator mapping names an unknown schema {target!r}", self._src(loc)
        )
        return None


_NAMED_CONTAINERS = frozenset({"schemas", "$defs", "definitions"})
_STRUCTURAL = {"items": "Item", "additionalProperties": "Value", "properties": ""}


def _family(pointer: str) -> str:
    """The top of the pointer that a schema's parent family is named by: the component
    (``/components/schemas/Pet``), the operation (``/paths/~1pets/post``), the ``$defs`` entry,
    or the whole file."""
    tokens = pointer.split("/")
    if tokens[1:3] == ["components", "schemas"]:
        return "/".join(tokens[:4])
    if tokens[1:2] in (["paths"], ["webhooks"]):
        return "/".join(tokens[:4])
    if tokens[1:2] in (["$defs"], ["definitions"]):
        return "/".join(tokens[:3])
    return ""


def _siblings(a: Location, b: Location) -> bool:
    """Whether two locations are members of one ``oneOf``/``anyOf`` list (two identical
    members stay two variants)."""
    head_a, _, _ = a[1].rpartition("/")
    head_b, _, _ = b[1].rpartition("/")
    return a[0] == b[0] and head_a == head_b and head_a.rsplit("/", 1)[-1] in ("oneOf", "anyOf")


def _member_kind(member: JsonValue) -> str | None:
    """The word a union member of no title or tag is named by: what kind of model it makes."""
    if not isinstance(member, dict) or "$ref" in member:
        return None
    if "oneOf" in member or "anyOf" in member:
        return "Union"
    if "enum" in member:
        return "Enum"
    if member.get("type") == "object" or "properties" in member:
        return "Object"
    return None


def _literal_hints(member: dict[str, Any], parent: str, hints: list[str]) -> list[str]:
    """The names of a union member that is one value (``{title: GUILD, const: 0}``): parent +
    title, parent + the value (a string), then the member's other names."""
    names: list[str] = []
    title = member.get("title")
    if isinstance(title, str) and pascal(title):
        names.append(_join(parent, title))
    value = member.get("const")
    if isinstance(value, str) and pascal(value):
        names.append(_join(parent, value))
    bare = pascal(title) if isinstance(title, str) else None  # a class named GUILD: no
    return [*names, *(h for h in hints if h != bare)]


# The word that tells two bodies of one operation apart by media type.
_MEDIA_WORDS = {
    "application/x-www-form-urlencoded": "Form",
    "multipart/form-data": "Multipart",
    "text/plain": "Text",
}


def _media_word(media: str) -> str:
    media = media.split(";")[0].strip().lower()
    if media in _MEDIA_WORDS:
        return _MEDIA_WORDS[media]
    subtype = media.rpartition("/")[2]
    for prefix in ("x-", "vnd."):
        subtype = subtype.removeprefix(prefix)
    return _part(subtype) or "Body"


def _pointer_name(target: Location) -> tuple[str, bool]:
    """The model name for a referenced schema that is not a root component, and whether it is
    an inline name: the key it is defined under (``other.yaml#/Pet``, ``#/$defs/Pet``,
    ``x.yaml#/components/schemas/Pet``), the file's stem for a whole-file schema, and for a
    schema inside another schema the name the inline rules give it
    (``#/components/schemas/Foo/properties/bar`` is ``FooBar``, inline)."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in target[1].split("/")[1:]]
    if not tokens:
        return _part(Path(target[0]).stem), False
    if len(tokens) == 1 or tokens[-2] in _NAMED_CONTAINERS:
        last = tokens[-1]
        return (last if last[:1].isalpha() else _part(last)), False
    start = 0
    name = _part(Path(target[0]).stem)
    for i, token in enumerate(tokens[:-1]):
        if token in _NAMED_CONTAINERS:
            start, name = i + 2, tokens[i + 1]
    for token in tokens[start:]:
        if token in _STRUCTURAL:
            name += _STRUCTURAL[token]
        elif token in ("allOf", "oneOf", "anyOf"):
            continue
        elif token.isdigit():
            name += str(int(token) + 1)
        else:
            name += _part(token)
    return name, True


@functools.lru_cache(maxsize=1024)
def _primitive(kind: PrimitiveKind, fmt: str | None) -> Primitive:
    """One Primitive per kind and format, shared by every place of that type."""
    return Primitive(kind, fmt)


def _format(schema: dict[str, Any]) -> str | None:
    if schema.get("type") == "file":
        return "binary"  # Swagger 2.0's upload type (other dialects warn about it)
    fmt = schema.get("format")
    return fmt if isinstance(fmt, str) and fmt else None


def _pattern_values(loc: Location, patterns: dict[str, Any]) -> tuple[Location, JsonValue]:
    """``patternProperties`` as the values of a map: the one pattern's schema, or any JSON
    value for several patterns (the keys' patterns are not checked by the generated code)."""
    base = child(loc[1], "patternProperties")
    if len(patterns) == 1:
        ((key, value),) = patterns.items()
        return (loc[0], child(base, key)), value
    return (loc[0], base), True


def _fits(value: JsonValue, type_name: str) -> bool:
    """Whether an enum value belongs under ``type_name`` (an integer fits ``number``)."""
    kind = json_kind(value)
    return kind == type_name or (kind == "integer" and type_name == "number")


def _value_kind(value: JsonValue) -> Any:
    kind = json_kind(value)
    return kind if kind in _PRIMITIVES else "any"


_CONSTRAINT_KEYS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)
_CONSTRAINT_SET = frozenset(_CONSTRAINT_KEYS)


def _constraints(loc: Location, schema: dict[str, Any], warnings: Warnings) -> Constraints:
    """The schema's validation keywords; one of the wrong kind is ignored, with a warning."""
    if _CONSTRAINT_SET.isdisjoint(schema):
        return NO_CONSTRAINTS

    def ignored(rule: str, key: str) -> None:
        warnings.degrade(
            rule, Source(loc[0], child(loc[1], key)), f"{key} is ignored", "bad-constraint"
        )

    def number(key: str) -> int | float | None:
        value = schema.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            ignored(f"{key} must be a number, not {value!r}", key)
            return None
        return value

    def count(key: str) -> int | None:
        value = schema.get(key)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            ignored(f"{key} must be a non-negative integer, not {value!r}", key)
            return None
        return value

    minimum = number("minimum")
    maximum = number("maximum")
    exclusive_min = exclusive_max = False
    raw_min = schema.get("exclusiveMinimum")
    if raw_min is True:
        exclusive_min = minimum is not None
    elif raw_min is not None and raw_min is not False:
        bound = number("exclusiveMinimum")
        if bound is not None and (minimum is None or bound >= minimum):
            minimum, exclusive_min = bound, True
    raw_max = schema.get("exclusiveMaximum")
    if raw_max is True:
        exclusive_max = maximum is not None
    elif raw_max is not None and raw_max is not False:
        bound = number("exclusiveMaximum")
        if bound is not None and (maximum is None or bound <= maximum):
            maximum, exclusive_max = bound, True
    pattern = schema.get("pattern")
    if pattern is not None and not isinstance(pattern, str):
        ignored("pattern must be a string", "pattern")
        pattern = None
    return Constraints(
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_min,
        exclusive_maximum=exclusive_max,
        multiple_of=number("multipleOf"),
        min_length=count("minLength"),
        max_length=count("maxLength"),
        pattern=pattern,
        min_items=count("minItems"),
        max_items=count("maxItems"),
        unique_items=schema.get("uniqueItems") is True,
        min_properties=count("minProperties"),
        max_properties=count("maxProperties"),
    )
