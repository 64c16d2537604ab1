"""The view models of the PHP templates, and how each is built from the plan.

Every generated file is one frozen view: its class name, doc lines, native and PHPDoc types,
escaped literals and the decode and encode expressions, all decided here (with ``plan.py``,
``names.py`` and ``escape.py``). A template receives ``head`` (header and namespace), ``view``
and ``markers`` and only lays them out. ``TEMPLATE`` names a view's template; ``KIND`` is what
the declared type is for the model it belongs to (the :class:`~generator.targets.Symbol` kind).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar

from generator import naming
from generator.ir import (
    ANY,
    EnumModel,
    EnumValue,
    Field,
    Model,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    dispatch_tags,
)
from generator.targets.php import markers
from generator.targets.php.escape import doc_json, doc_lines, php_literal, php_string
from generator.targets.php.names import case_name, property_name
from generator.targets.php.plan import Declared, Kinds, Plan

JSON = markers.JSON
Lines = tuple[str, ...]  # docblock lines, without the comment markup; "" for a blank line


@dataclass(frozen=True, slots=True)
class Head:
    """What every file of one emit starts with."""

    header: str  # the rendered ``_header.php.jinja``: open tag, comment, strict types
    namespace: str


@dataclass(frozen=True, slots=True)
class HeaderView:
    """The header template's input: the comment's lines."""

    lines: Lines


# --- objects ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PropertyView:
    """One promoted constructor property of an object class."""

    prop: str  # the PHP name
    key: str  # the JSON key, as a PHP string literal
    native: str  # the declared type
    default: str | None  # the default expression; None when the argument is required
    # when jsonSerialize() writes it: always, unless it is Support\Absent, unless it is null
    presence: Literal["always", "absent", "null"]
    decode: str  # the constructor argument fromArray() passes, from $data
    encode: str  # the JSON value jsonSerialize() writes, from $this->prop
    doc: Lines  # its @param lines in the constructor's docblock


@dataclass(frozen=True, slots=True)
class AdditionalView:
    """The ``$additionalProperties`` array of an object whose schema allows more keys."""

    prop: str
    decode: str  # the last constructor argument fromArray() passes
    encode: str  # the JSON value of one entry, from $value
    doc: Lines


@dataclass(frozen=True, slots=True)
class ClassView:
    """An object model: ``final class`` with readonly properties, fromArray, jsonSerialize."""

    TEMPLATE: ClassVar[str] = "class.php.jinja"
    KIND: ClassVar[str] = "class"

    cls: str
    doc: Lines
    implements: str  # the interfaces, joined
    properties: tuple[PropertyView, ...]  # in JSON order (WIRE_NAMES, jsonSerialize)
    params: tuple[PropertyView, ...]  # in constructor order: required ones first
    additional: AdditionalView | None
    constructor_doc: Lines  # the @param lines of params, then of additional
    wire_names: tuple[tuple[str, str], ...]  # (JSON key, property name) as PHP literals
    where: str  # the model name as a PHP literal, for error messages
    required_keys: str  # the required JSON keys as PHP literals, joined


# --- enums -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseView:
    name: str
    value: str  # a PHP literal
    doc: Lines


@dataclass(frozen=True, slots=True)
class EnumView:
    """An enum PHP can back: a backed ``enum`` whose fromJson() keeps unknown values."""

    TEMPLATE: ClassVar[str] = "enum.php.jinja"
    KIND: ClassVar[str] = "enum"

    cls: str
    unknown: str  # the class holding values the enum does not list
    backing: str  # string or int
    check: str  # the PHP function testing a value's type (is_string, is_int)
    expected: str  # what fromJson() says it expected, as a PHP literal
    doc: Lines
    cases: tuple[CaseView, ...]
    where: str
    nullable: bool  # the schema admits null: fromJson() returns null for it


@dataclass(frozen=True, slots=True)
class UnknownView:
    """The ``Unknown<Enum>`` class: a value of the enum that the generated code does not know."""

    TEMPLATE: ClassVar[str] = "unknown.php.jinja"
    KIND: ClassVar[str] = "unknown"

    cls: str
    enum: str
    backing: str


# --- aliases, unions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AliasView:
    """An alias, or an enum PHP cannot back: a class with static fromJson() and toJson()."""

    TEMPLATE: ClassVar[str] = "alias.php.jinja"
    KIND: ClassVar[str] = "alias"

    cls: str
    doc: Lines
    native: str
    doc_type: str
    decode: str  # from $data
    encode: str  # from $value
    values: str | None  # an enum's values as a PHP array literal; ``null`` if not listed
    values_doc: str  # what the VALUES constant holds


@dataclass(frozen=True, slots=True)
class InterfaceView:
    """A union: the interface its object variants implement."""

    TEMPLATE: ClassVar[str] = "interface.php.jinja"
    KIND: ClassVar[str] = "interface"

    cls: str
    doc: Lines


@dataclass(frozen=True, slots=True)
class ArmView:
    """One discriminator value the factory dispatches on directly."""

    value: str  # a PHP literal
    decode: str  # from $data


@dataclass(frozen=True, slots=True)
class FactoryView:
    """A union's ``<Union>Factory``: fromJson() picks or tries the variants, toJson() encodes."""

    TEMPLATE: ClassVar[str] = "factory.php.jinja"
    KIND: ClassVar[str] = "factory"

    cls: str
    interface: str
    doc: Lines
    native: str
    doc_type: str
    nullable: bool  # the schema admits null: fromJson() returns null for it
    object_only: bool  # every variant is an object: fromArray() is offered too
    discriminator: str | None  # the property, as a PHP literal
    discriminator_doc: str | None  # the property, as docblock-safe JSON
    arms: tuple[ArmView, ...]
    attempts: tuple[str, ...]  # how each variant decodes $data, in the order tried
    list_encode: str | None  # how toJson() encodes a list value, from $value
    map_encode: str | None  # how toJson() encodes a map value
    where: str


View = ClassView | EnumView | UnknownView | AliasView | InterfaceView | FactoryView


# --- signatures: what the public-API listing shows of each file -------------------------------
#
# The lister (diff's code verdicts) builds only these. They have the attributes of the views the
# listing reads, under the same names, built by the same functions: the listing reads a view
# and a signature alike.


@dataclass(frozen=True, slots=True)
class ParamSignature:
    """A promoted constructor property: its name, declared type and default."""

    prop: str
    native: str
    default: str | None  # None when the argument is required


@dataclass(frozen=True, slots=True)
class AdditionalSignature:
    prop: str


@dataclass(frozen=True, slots=True)
class ClassSignature:
    KIND: ClassVar[str] = ClassView.KIND

    cls: str
    implements: str
    params: tuple[ParamSignature, ...]  # in constructor order
    additional: AdditionalSignature | None


@dataclass(frozen=True, slots=True)
class CaseSignature:
    name: str
    value: str  # a PHP literal


@dataclass(frozen=True, slots=True)
class EnumSignature:
    KIND: ClassVar[str] = EnumView.KIND

    cls: str
    backing: str
    cases: tuple[CaseSignature, ...]


@dataclass(frozen=True, slots=True)
class TypeSignature:
    """A file whose listing is its type alone: an alias, interface or factory."""

    KIND: str  # the view's KIND
    cls: str


# what a file's listing is read from: its view (emit) or its signature (the lister)
Signature = ClassSignature | EnumSignature | UnknownView | TypeSignature | View


# --- building --------------------------------------------------------------------------------


def model_kind(plan: Plan, model: Model) -> Literal["class", "alias", "enum", "union"]:
    """Which files a model becomes: a class, an alias (a model that stands for a type PHP
    spells without a class of its own), an enum and its unknown-value class, or an interface
    and its factory."""
    if isinstance(model, ObjectModel):
        return "class"
    if plan.alias_target(model) is not None:
        return "alias"
    if isinstance(model, EnumModel):
        return "enum"
    assert isinstance(model, UnionModel)
    return "union"


def model_views(plan: Plan, model: Model) -> tuple[View, ...]:
    """The files a model becomes, its main type first."""
    kind = model_kind(plan, model)
    if kind == "class":
        assert isinstance(model, ObjectModel)
        return (class_view(plan, model),)
    if kind == "alias":
        target = plan.alias_target(model)
        assert target is not None
        return (alias_view(plan, model, target),)
    if kind == "enum":
        assert isinstance(model, EnumModel)
        backing = plan.backing(model)
        assert backing is not None
        enum = enum_view(plan, model, backing)
        return enum, _unknown_view(plan, model, backing)
    assert isinstance(model, UnionModel)
    return interface_view(plan, model), factory_view(plan, model)


def model_signatures(plan: Plan, model: Model) -> tuple[Signature, ...]:
    """The signatures of the files :func:`model_views` gives, in its order, without building
    what only the files show (docblocks, decode and encode expressions)."""
    cls = plan.classes[model.name]
    kind = model_kind(plan, model)
    if kind == "class":
        assert isinstance(model, ObjectModel)
        return (class_signature(plan, model),)
    if kind == "alias":
        return (TypeSignature(AliasView.KIND, cls),)
    if kind == "enum":
        assert isinstance(model, EnumModel)
        backing = plan.backing(model)
        assert backing is not None
        cases = tuple(CaseSignature(name, literal) for name, literal, _ in _enum_cases(model))
        return EnumSignature(cls, backing, cases), _unknown_view(plan, model, backing)
    assert isinstance(model, UnionModel)
    return (
        TypeSignature(InterfaceView.KIND, cls),
        TypeSignature(FactoryView.KIND, plan.factories[model.name]),
    )


def _unknown_view(plan: Plan, model: EnumModel, backing: str) -> UnknownView:
    return UnknownView(plan.unknown[model.name], plan.classes[model.name], backing)


def class_doc(
    description: str | None, schema: str, deprecated: bool, notes: Iterable[str] = ()
) -> Lines:
    """The lines of a type's docblock: the description, notes, then the original schema name
    (the tag the code reader looks for)."""
    lines = doc_lines(description)
    notes = list(notes)
    if lines and notes:
        lines.append("")
    lines += notes
    if lines:
        lines.append("")
    lines.append(f"{markers.SCHEMA_TAG} {doc_json(schema)}")
    if deprecated:
        lines.append(markers.DEPRECATED_TAG)
    return tuple(lines)


def _where(model_name: str, key: str | None = None) -> str:
    return php_string(model_name if key is None else f"{model_name}.{key}")


def _field_text(f: Field) -> str | None:
    """A property's docblock text: its description, then what the schema says of its default
    (not applied: an absent property stays absent) and deprecation."""
    text = f.description.strip() if f.description else ""
    if f.default is None and not f.deprecated:
        return text or None
    parts = [text] if text else []
    if f.default is not None:
        default = json.dumps(f.default.value, ensure_ascii=False, allow_nan=True)
        parts.append(f"Default: {default}.")
    if f.deprecated:
        parts.append("Deprecated.")
    return "\n".join(parts) or None


def _const_value(f: Field) -> str | None:
    """The literal a required field with a scalar ``const`` defaults to. An integer with no
    PHP int literal (beyond 64 bits, or PHP_INT_MIN) has none: ``php_literal`` writes it as a
    float, which an ``int`` parameter refuses as its default."""
    if f.const is None or not f.required:
        return None
    value = f.const.value
    if isinstance(f.type, Primitive) and (
        (f.type.kind == "string" and isinstance(value, str))
        or (
            f.type.kind == "integer"
            and isinstance(value, int)
            and not isinstance(value, bool)
            and -(2**63) < value < 2**63
        )
        or (f.type.kind == "boolean" and isinstance(value, bool))
    ):
        return php_literal(value)
    return None


def _declared(plan: Plan, f: Field) -> Declared:
    """How the field's property is declared (:meth:`Plan.declared`)."""
    return plan.declared(f.type, f.nullable is not Nullable.NO, f.required)


def _default(f: Field, declared: Declared) -> str | None:
    """The property's default: a required one's const (None: the argument is required), or an
    optional one's stand-in for absence."""
    return _const_value(f) if f.required else declared.default


def _param_signature(plan: Plan, f: Field, prop: str, declared: Declared) -> ParamSignature:
    """The property's declared type and its default."""
    return ParamSignature(prop, declared.native, _default(f, declared))


def _property_view(plan: Plan, model: ObjectModel, f: Field, prop: str) -> PropertyView:
    where = _where(model.name, f.name)
    declared = _declared(plan, f)
    nullable = declared.nullable
    default = _default(f, declared)
    const = default if f.required else None
    key = php_string(f.name)
    access = f"$data[{key}]"
    decode = plan.decode(f.type, access, where)
    if const is not None:
        decode = f"{JSON}::{markers.CONSTANT_HELPER}({decode}, {const}, {where})"
    if nullable and decode != access:
        decode = f"{access} === null ? null : {decode}"
    if not f.required:  # absent: the default
        if nullable and decode.startswith(access + " === null"):
            decode = f"({decode})"
        decode = f"array_key_exists({key}, $data) ? {decode} : {default}"
    value = f"$this->{prop}"
    encode = plan.encode(f.type, value) if declared.encodes else value
    if nullable and encode != value:
        encode = f"{value} === null ? null : {encode}"
    presence: Literal["always", "absent", "null"]
    presence = "always" if f.required else "absent" if declared.absent else "null"
    return PropertyView(
        prop=prop,
        key=key,
        native=declared.native,
        default=default,
        presence=presence,
        decode=decode,
        encode=encode,
        doc=plan.param_doc(declared.doc, prop, _field_text(f)),
    )


def _additional_view(plan: Plan, value_type: TypeRef, where: str) -> AdditionalView:
    decode = plan.decode_nullable(value_type, "$v0", where, 1)
    extra = f"{JSON}::{markers.EXTRA_HELPER}($data, self::{markers.WIRE_NAMES})"
    return AdditionalView(
        prop=markers.ADDITIONAL,
        decode=extra
        if decode == "$v0"
        else f"array_map(static fn (mixed $v0) => {decode}, {extra})",
        encode=plan.encode_nullable(value_type, "$value", 1),
        doc=plan.param_doc(
            f"array<string, {plan.doc_nullable(value_type)}>",
            markers.ADDITIONAL,
            "Properties the schema does not name, by JSON key.",
        ),
    )


def _extra_type(model: ObjectModel) -> TypeRef | None:
    """What the undeclared properties hold, None when the class keeps none: an open object (not
    ``additionalProperties: false``) keeps them, whether or not the schema says what they hold."""
    return model.additional if model.additional is not None else None if model.closed else ANY


def _property_names(model: ObjectModel, extra: TypeRef | None) -> list[str]:
    """The PHP name of each field, in field order: the wanted one, numbered when taken."""
    wanted = [property_name(f.code_name or f.name) for f in model.fields]
    taken = [markers.ADDITIONAL] if extra is not None else []
    if len(set(wanted + taken)) == len(wanted) + len(taken):
        return wanted  # what the allocator gives when no two collide
    allocator = naming.NameAllocator(taken=taken)
    return [allocator.allocate(f.name, w, "") for f, w in zip(model.fields, wanted, strict=True)]


_P = TypeVar("_P", PropertyView, ParamSignature)


def _constructor_order(properties: tuple[_P, ...]) -> tuple[_P, ...]:
    """Required arguments first (PHP deprecates optional ones before required ones)."""
    return tuple(p for p in properties if p.default is None) + tuple(
        p for p in properties if p.default is not None
    )


def _implements(plan: Plan, model: ObjectModel) -> str:
    return ", ".join(plan.implements.get(model.name) or ["\\JsonSerializable"])


def class_signature(plan: Plan, model: ObjectModel) -> ClassSignature:
    extra = _extra_type(model)
    params = tuple(
        _param_signature(plan, f, prop, _declared(plan, f))
        for f, prop in zip(model.fields, _property_names(model, extra), strict=True)
    )
    return ClassSignature(
        plan.classes[model.name],
        _implements(plan, model),
        _constructor_order(params),
        None if extra is None else AdditionalSignature(markers.ADDITIONAL),
    )


def class_view(plan: Plan, model: ObjectModel) -> ClassView:
    extra = _extra_type(model)
    where = _where(model.name)
    properties: list[PropertyView] = []
    wire_names: list[tuple[str, str]] = []
    required_keys: list[str] = []
    for f, prop in zip(model.fields, _property_names(model, extra), strict=True):
        view = _property_view(plan, model, f, prop)
        properties.append(view)
        wire_names.append((view.key, php_string(prop)))
        if f.required:
            required_keys.append(view.key)
    params = _constructor_order(tuple(properties))
    additional = None if extra is None else _additional_view(plan, extra, where)
    constructor_doc = [line for p in params for line in p.doc]
    if additional is not None:
        constructor_doc += additional.doc
    return ClassView(
        cls=plan.classes[model.name],
        doc=class_doc(model.description, model.name, model.deprecated),
        implements=_implements(plan, model),
        properties=tuple(properties),
        params=params,
        additional=additional,
        constructor_doc=tuple(constructor_doc),
        wire_names=tuple(wire_names),
        where=where,
        required_keys=", ".join(required_keys),
    )


def _enum_cases(model: EnumModel) -> list[tuple[str, str, EnumValue]]:
    """Each case's name and PHP literal, with the value it stands for (null is no case)."""
    allocator = naming.NameAllocator(fold=str.casefold)
    return [
        (
            allocator.allocate(repr(value.value), case_name(value.name or value.value)),
            php_literal(value.value),
            value,
        )
        for value in model.values or ()
        if value.value is not None
    ]


def enum_view(plan: Plan, model: EnumModel, backing: str) -> EnumView:
    cases = tuple(
        CaseView(name, literal, plan.doc_lines(value.description))
        for name, literal, value in _enum_cases(model)
    )
    return EnumView(
        cls=plan.classes[model.name],
        unknown=plan.unknown[model.name],
        backing=backing,
        check="is_string" if backing == "string" else "is_int",
        expected=php_string(backing),
        doc=class_doc(model.description, model.name, model.deprecated),
        cases=cases,
        where=_where(model.name),
        nullable=model.nullable is Nullable.YES,
    )


def alias_view(plan: Plan, model: Model, target: TypeRef) -> AliasView:
    values, values_doc = None, ""
    if isinstance(model, EnumModel) and model.values is not None:
        values = php_literal([v.value for v in model.values])
        values_doc = "The values the schema lists; others are kept as they are."
    elif isinstance(model, EnumModel):
        values, values_doc = "null", "An enum whose values the schema does not list."
    nullable = model.nullable is Nullable.YES
    decode = plan.decode(target, "$data", _where(model.name))
    encode = plan.encode(target, "$value")
    doc_type = plan.doc(target)
    if nullable and doc_type != "mixed":
        doc_type += "|null"
    return AliasView(
        cls=plan.classes[model.name],
        doc=class_doc(model.description, model.name, model.deprecated),
        native=plan.native(target, nullable),
        doc_type=doc_type,
        decode=f"$data === null ? null : {decode}" if nullable and decode != "$data" else decode,
        encode=f"$value === null ? null : {encode}" if nullable and encode != "$value" else encode,
        values=values,
        values_doc=values_doc,
    )


def interface_view(plan: Plan, model: UnionModel) -> InterfaceView:
    notes = [f"Decode with {plan.factories[model.name]}::{markers.FROM_JSON}()."]
    objects = plan.object_variants(model)
    if objects:
        notes.insert(0, f"Implemented by {', '.join(plan.classes[name] for name in objects)}.")
    return InterfaceView(
        plan.classes[model.name], class_doc(model.description, model.name, model.deprecated, notes)
    )


def factory_view(plan: Plan, model: UnionModel) -> FactoryView:
    cls = plan.classes[model.name]
    objects = plan.object_variants(model)
    where = _where(model.name)
    arms = []
    if model.discriminator is not None:
        for value, target in dispatch_tags(model, plan.by_name.get).items():
            if isinstance(plan.by_name.get(target), ObjectModel):
                decode = f"{plan.classes[target]}::{markers.FROM_ARRAY}($data)"
            else:
                decode = plan.decode(Ref(target), "$data", where)
            arms.append(ArmView(php_string(value), decode))
    attempts = [plan.decode(variant, "$data", where) for variant in model.variants]
    kinds = Kinds()
    for variant in model.variants:
        found = plan.array_kinds(variant, "$value")
        kinds.list_encode = kinds.list_encode or found.list_encode
        kinds.map_encode = kinds.map_encode or found.map_encode
    doc = [f"Decodes and encodes {cls} values.", "", f"{markers.UNION_TAG} {doc_json(model.name)}"]
    discriminator = model.discriminator
    if discriminator is not None:
        doc.append(f"{markers.DISCRIMINATOR_TAG} {doc_json(discriminator.property)}")
        doc.append(f"{markers.MAPPING_TAG} {doc_json(dict(discriminator.mapping))}")
    nullable = model.nullable is Nullable.YES
    doc_type = plan.doc(Ref(model.name))
    return FactoryView(
        cls=plan.factories[model.name],
        interface=cls,
        doc=tuple(doc),
        native=plan.native(Ref(model.name), nullable),
        doc_type=doc_type + "|null" if nullable and doc_type != "mixed" else doc_type,
        nullable=nullable,
        object_only=len(objects) == len(model.variants) and bool(objects),
        discriminator=None if discriminator is None else php_string(discriminator.property),
        discriminator_doc=None if discriminator is None else doc_json(discriminator.property),
        arms=tuple(arms),
        attempts=tuple(attempts),
        list_encode=kinds.list_encode,
        map_encode=kinds.map_encode,
        where=where,
    )
