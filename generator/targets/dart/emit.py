"""Dart 3 models: builds the view models (``views``) for a model set from its names (``names``)
and type mapping (``codecs``), renders them through the templates in ``templates/``, and
returns the files with the symbol table and the public-API listing (``api.from_views``).
:func:`listing` gives the same symbols and listing without any view: it calls the functions
the view builders take each name, declared type and default from (``_kind``, ``_declared``,
``_members``, ...), and ``api``'s row functions.

Layout: ``pubspec.yaml``, one library ``lib/<package>.dart`` and one ``part`` file per model in
``lib/src/`` (a sealed class and its subclasses must share a library, and a model may belong to
several unions), plus ``lib/src/_support.dart`` with the deep-equality helpers and ``Present``.

Design (also in the README section):
- an object model is a ``final class`` with ``final`` fields, a ``const`` constructor with named
  parameters, ``fromJson``/``toJson``, ``copyWith``, ``==``/``hashCode`` (deep for lists and
  maps) and ``toString``;
- an optional field has type ``T?`` (null: absent); an optional field that may also be null has
  type ``Present<T?>?``: null means absent, ``Present(null)`` means an explicit JSON null;
- ``copyWith`` takes ``T?`` for a non-nullable field and ``T? Function()?`` for a nullable one,
  so ``copyWith(x: () => null)`` sets a field back to null;
- an enum ``E`` is an enhanced enum carrying its wire value; fields hold ``EValue``, a sealed
  type implemented by ``E`` and by ``EUnknown`` (a value this library does not know, written
  back unchanged);
- a discriminated union of object models is a ``sealed class`` that its variants implement
  (a model in several unions implements several), with a ``fromJson`` switching on the
  discriminator and ``<Union>Unknown`` keeping any other object; any other union is a sealed
  wrapper with one subclass per variant, dispatching on the discriminator when there is one and
  otherwise trying the variants in spec order;
- every model's declaration carries ``@FromSchema('SchemaName', ...)`` for the code reader.

Lines are kept within 80 columns where the code allows, as ``dart format`` would: which layout
fits is decided here (it needs the lengths), and the templates lay out the one chosen.

Symbols (:attr:`Emitted.symbols`), per model, main type first: ``class`` (an object model),
``enum``, ``sealed class`` (a union) or ``typedef``; then its helpers: ``value`` (an enum's
``XValue``), ``unknown`` (``XUnknown`` of an enum or a family) and ``variant`` (a wrapper's
variant classes, in spec order).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import repeat
from typing import Literal

from generator import naming
from generator.ir import (
    AliasModel,
    EnumModel,
    Field,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    dispatch_tags,
)
from generator.ir.query import homes
from generator.targets import Emitted, Symbol
from generator.targets.dart import DartOptions, api, markers
from generator.targets.dart.codecs import (
    Codec,
    Plan,
    doc_lines,
    enum_value_type,
    json_literal,
    primitive_codec,
    string_literal,
)
from generator.targets.dart.layout import Fitter
from generator.targets.dart.names import field_names, file_stem, package_name
from generator.targets.dart.views import (
    DartAlias,
    DartAttempt,
    DartCase,
    DartEnum,
    DartExpr,
    DartFamily,
    DartField,
    DartLibrary,
    DartObject,
    DartPart,
    DartVariant,
    DartWrappedCase,
    DartWrapper,
    Declaration,
    HeaderLayout,
)
from generator.templating import Folders, folder, render

TEMPLATES = folder(__file__)

# What each template is given: template -> variable -> its type (for a macro template, the
# macro's parameters). `modelgen templates LANG` documents it; a test checks it against what
# the templates really receive.
CONTEXTS: dict[str, dict[str, object]] = {
    "pubspec.yaml.jinja": {"header": str, "package": str, "description": str},
    "library.dart.jinja": {"header": str, "library": DartLibrary},
    "part.dart.jinja": {"header": str, "package": str},
    "support.dart.jinja": {"present": str, "from_schema": str},
    "object.dart.jinja": {"b": DartObject},
    "enum.dart.jinja": {"b": DartEnum},
    "family.dart.jinja": {"b": DartFamily},
    "wrapper.dart.jinja": {"b": DartWrapper},
    "alias.dart.jinja": {"b": DartAlias},
}
LINE_LENGTH = 80


# --- fitting in 80 columns -------------------------------------------------------------------


def _fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


@dataclass(frozen=True)
class _Cond:
    """``test ? then : other``, kept apart so a long one can be laid out on three lines."""

    test: str
    then: str
    other: str

    def __str__(self) -> str:
        return f"{self.test} ? {self.then} : {self.other}"


def _argument(indent: int, label: str, value: str | _Cond) -> DartExpr:
    """``label: value,`` as an argument at ``indent``: split before ``?`` and ``:`` when it is
    a conditional that does not fit on one line."""
    text = str(value)
    if not isinstance(value, _Cond):
        return DartExpr(text)
    split = not _fits(f"{' ' * indent}{label}: {text},")
    return DartExpr(text, value.test, value.then, value.other, split)


def _signature_splits(indent: int, head: str, params: list[str], tail: str) -> bool:
    """Whether ``head params tail`` must put each parameter on a line of its own."""
    return not _fits(f"{' ' * indent}{head}{', '.join(params)}{tail}")


def _string_lines(indent: int, parts: list[str]) -> tuple[str, ...]:
    """The contents of adjacent string literals holding ``parts`` (never split), each line
    within 80 columns where the parts allow (with its quotes and the final ``;``). The parts
    are code, not spec text."""
    lines: list[str] = []
    current = ""
    for part in parts:
        if current and indent + len(current) + len(part) + 2 > LINE_LENGTH:
            lines.append(current)
            current = ""
        current += part
    lines.append(current)
    return tuple(lines)


# --- fields ----------------------------------------------------------------------------------


def _decode_nullable(codec: Codec, x: str) -> str | _Cond:
    if codec.type.endswith("?"):
        return codec.read(x)
    if codec.cast:
        return f"{x} as {codec.type}?"
    return _Cond(f"{x} == null", "null", codec.read(x))


def _encode_nullable(codec: Codec, e: str) -> str:
    return f"{e}?{codec.encode}" if codec.encode else e


# How a field is declared: ``Present<T?>?`` (optional, and null is a value of its own), ``T``
# (required, not nullable), ``T?`` (required, nullable) or ``T?`` (optional).
FieldShape = Literal["present", "required", "required_nullable", "optional"]


@dataclass(frozen=True, slots=True)
class _Declared:
    """What a field's declaration says (all the public API needs of a field): its shape, its
    declared type and its constructor parameter."""

    shape: FieldShape
    codec: Codec  # of the field's type
    type: str
    nullable: bool  # the declared type admits null
    required: bool  # a ``required`` constructor parameter
    default: str  # the constructor parameter's default ("" for none)


def _declared(plan: Plan, f: Field) -> _Declared:
    codec = plan.codec(f.type)
    admits_null = plan.nullable(f.type)
    base = codec.type
    nullable_base = base if base.endswith("?") else base + "?"
    shape: FieldShape
    if not f.required and (f.nullable is Nullable.YES or admits_null):
        shape, type_ = "present", f"{markers.PRESENT}<{nullable_base}>?"
    elif f.required and f.nullable is Nullable.NO and not admits_null:
        shape, type_ = "required", base
    else:
        shape, type_ = ("required_nullable" if f.required else "optional"), nullable_base
    nullable = type_.endswith("?")
    default = None if nullable else _const_default(plan, f)  # nullable: optional without one
    return _Declared(shape, codec, type_, nullable, not nullable and default is None, default or "")


def _field(plan: Plan, f: Field, name: str) -> DartField:
    """The view of ``f``, a field named ``name``. Fields alike in all their view depends on
    repeat across models (``id``, ``object``, ``created_at``): each is built once per plan."""
    const = f.const.value if f.const is not None and isinstance(f.const.value, str) else None
    key = (f.name, name, f.type, f.required, f.nullable, const, f.description, f.deprecated)
    view = plan.fields.get(key)
    if view is None:
        view = plan.fields[key] = _build_field(plan, f, name)
    return view


def _build_field(plan: Plan, f: Field, name: str) -> DartField:
    declared = _declared(plan, f)
    codec = declared.codec
    wire = string_literal(f.name)
    x = f"json[{wire}]"
    decode: str | _Cond
    guard = ""
    if declared.shape == "present":
        decode = _Cond(
            f"json.containsKey({wire})", f"{markers.PRESENT}({_decode_nullable(codec, x)})", "null"
        )
        guard, encode = f"{name} != null", _encode_nullable(codec, name + "!.value")
    elif declared.shape == "required":
        decode = codec.read(x)
        if declared.default:
            decode = _Cond(f"json.containsKey({wire})", decode, declared.default)
        encode = f"{name}{codec.encode}"
    elif declared.shape == "required_nullable":
        decode = _decode_nullable(codec, x)
        encode = _encode_nullable(codec, name)
    else:
        decode = _decode_nullable(codec, x)
        guard, encode = f"{name} != null", _encode_nullable(codec, name)
    nullable = declared.nullable
    return DartField(
        name=name,
        wire=wire,
        type=declared.type,
        nullable=nullable,
        required=declared.required,
        default=declared.default,
        decode=_argument(4, name, decode),
        guard=guard,
        encode=encode,
        encode_split=bool(guard) and not _fits(f"    if ({guard}) {wire}: {encode},"),
        copy_split=nullable and not _fits(f"    {name}: {name} != null ? {name}() : this.{name},"),
        deep=codec.deep or declared.shape == "present",
        doc=plan.doc_lines(f.description),
        deprecated=f.deprecated,
    )


def _const_default(plan: Plan, f: Field) -> str | None:
    """The constructor default of a required field that has one possible value (``const``, or
    an enum of one value), so ``SessionUpdateEvent(session: s)`` needs no ``type:``."""
    if not f.required or f.nullable is not Nullable.NO:
        return None
    if f.const is not None and isinstance(f.type, Primitive) and f.type.kind == "string":
        return json_literal(f.const.value) if isinstance(f.const.value, str) else None
    if isinstance(f.type, Ref):
        model = plan.by_name.get(f.type.name)
        if isinstance(model, EnumModel) and model.values and len(model.values) == 1:
            members = plan.enum_members(model)
            if members:
                return f"{plan.names[model.name]}.{members[0].name}"
    return None


# --- declarations ----------------------------------------------------------------------------


def _members(plan: Plan, model: ObjectModel) -> dict[str, str]:
    """The Dart name of each field of ``model`` (by wire name)."""
    renamed = {f.name: f.code_name for f in model.fields if f.code_name}

    def spell(wire: str) -> str:
        return plan.member_name(renamed.get(wire, wire))

    return field_names(plan.names[model.name], [f.name for f in model.fields], spell)


def _implements(plan: Plan, model: ObjectModel) -> tuple[str, ...]:
    """The families (sealed classes) an object class implements."""
    return tuple(sorted(plan.families.get(model.name, [])))


def _object(plan: Plan, model: ObjectModel, annotation: str) -> DartObject:
    name = plan.names[model.name]
    members = _members(plan, model)
    fields = tuple(_field(plan, f, members[f.name]) for f in model.fields)
    families = _implements(plan, model)
    head = f"final class {name}"
    implements = f"implements {', '.join(families)} {{"
    header: HeaderLayout
    if not families or _fits(f"{head} {implements}"):
        header = "one_line"
    elif _fits(f"    {implements}"):
        header = "implements_below"
    else:
        header = "one_per_line"
    last = len(fields) - 1
    parts = [f"{f.name}: ${f.name}{', ' if i < last else ''}" for i, f in enumerate(fields)]
    one_line = f"{name}({''.join(parts)})"
    to_string_split = not _fits(f"  String toString() => '{one_line}';")
    return DartObject(
        name=name,
        doc=plan.doc_lines(model.description),
        deprecated=model.deprecated,
        annotation=annotation,
        implements=families,
        header=header,
        from_json_split=_signature_splits(
            2, f"factory {name}.fromJson(", ["Map<String, dynamic> json"], f") => {name}("
        ),
        fields=fields,
        to_string=_string_lines(6, [f"{name}(", *parts, ")"]) if to_string_split else (one_line,),
        to_string_split=to_string_split,
    )


def _enum(plan: Plan, model: EnumModel, annotation: str) -> DartEnum:
    value_type, unknown_cast = enum_value_type(model)
    name, unknown = plan.names[model.name], _unknown_class(plan, model)
    return DartEnum(
        name=name,
        doc=plan.doc_lines(model.description),
        deprecated=model.deprecated,
        annotation=annotation,
        value_class=plan.value_classes[model.name],
        unknown_class=unknown,
        value_type=value_type,
        unknown_cast=unknown_cast,
        members=plan.enum_members(model),
        from_json_split=not _fits(f"      {name}.fromValue(json) ?? {unknown}({unknown_cast});"),
    )


def _unknown_class(plan: Plan, model: EnumModel | UnionModel) -> str:
    """The class holding a value an enum class, or an object a family, does not know."""
    return plan.derived(model.name, "Unknown")


def _family(plan: Plan, model: UnionModel, annotation: str) -> DartFamily:
    assert model.discriminator is not None
    name = plan.names[model.name]
    return DartFamily(
        name=name,
        doc=plan.doc_lines(model.description),
        deprecated=model.deprecated,
        annotation=annotation,
        unknown_class=_unknown_class(plan, model),
        property=string_literal(model.discriminator.property),
        cases=tuple(
            DartCase(literal, plan.names[target]) for literal, target in _cases(plan, model)
        ),
        variants=tuple(
            (_constant_tag(plan, v.name, model.discriminator.property), plan.names[v.name])
            for v in model.variants
            if isinstance(v, Ref)
        ),
        from_json_split=_signature_splits(
            2, f"factory {name}.fromJson(", ["Map<String, dynamic> json"], ") {"
        ),
    )


# The class name suffix of a wrapper's variant of each Dart type (models: the model's name).
_SUFFIXES = {
    "String": "String",
    "DateTime": "DateTime",
    "int": "Int",
    "double": "Double",
    "num": "Num",
    "bool": "Bool",
    "Object?": "Any",
}


_FROM_OBJECT = ".fromJson(json as Map<String, dynamic>)"  # how an object class is read


def _variant_classes(plan: Plan, model: UnionModel) -> list[tuple[TypeRef, Codec, str]]:
    """Each variant of a wrapper union, in spec order: its type, codec and the class name of
    its variant class."""
    classes: list[tuple[TypeRef, Codec, str]] = []
    for variant in model.variants:
        codec = plan.codec(variant)
        if isinstance(variant, Ref) and variant.name in plan.names:
            suffix = plan.names[variant.name]
        else:
            suffix = _SUFFIXES.get(codec.type, codec.type.split("<")[0])
        classes.append((variant, codec, plan.variant(model.name, len(classes), suffix)))
    return classes


def _wrapper(plan: Plan, model: UnionModel, annotation: str) -> DartWrapper:
    variants: list[DartVariant] = []
    attempts: list[DartAttempt] = []
    by_ref: dict[str, DartVariant] = {}  # model name -> the variant reading it with fromJson
    total = False
    union = plan.names[model.name]
    for variant, codec, class_name in _variant_classes(plan, model):
        view = DartVariant(
            name=class_name,
            type=codec.type,
            encode=f"value{codec.encode}",
            deep=codec.deep,
        )
        variants.append(view)
        if not total:
            attempts.append(_attempt(plan, variant, codec, view.name))
            total = codec.type == "Object?"
        if isinstance(variant, Ref) and codec.read("json").endswith(_FROM_OBJECT):
            by_ref.setdefault(variant.name, view)
    return DartWrapper(
        name=union,
        doc=plan.doc_lines(model.description),
        deprecated=model.deprecated,
        annotation=annotation,
        variants=tuple(variants),
        property=string_literal(model.discriminator.property) if model.discriminator else "",
        cases=tuple(
            DartWrappedCase(literal, by_ref[target].name, by_ref[target].type)
            for literal, target in _cases(plan, model)
            if target in by_ref
        ),
        attempts=tuple(attempts),
        total=total,
        ranked=not total and any(a.kind == "try" for a in attempts),
        from_json_split=_signature_splits(2, f"factory {union}.fromJson(", ["Object? json"], ") {"),
        throw_split=_signature_splits(
            4, "throw FormatException(", [f"'no variant of {union} matches'", "json"], ");"
        ),
    )


def _cases(plan: Plan, model: UnionModel) -> list[tuple[str, str]]:
    """(Dart literal of a tag value, model name) for the values exactly one variant carries
    (``ir.dispatch_tags``, the rule every target follows), in variant (spec) order."""
    if model.discriminator is None:
        return []
    tags = dispatch_tags(model, plan.by_name.get)
    return [(string_literal(value), target) for value, target in tags.items()]


def _constant_tag(plan: Plan, name: str, prop: str) -> str:
    """The Dart literal of the ``const`` a variant object declares for the tag, else null."""
    model = plan.by_name.get(name)
    if isinstance(model, ObjectModel):
        for f in model.fields:
            if f.name == prop and f.const is not None and isinstance(f.const.value, str):
                return string_literal(f.const.value)
    return "null"


# How a wrapper tests ``json`` for a variant of each Dart type that ``is`` can recognise.
_CHECKS = {
    "String": "json is String",
    "int": "json is int",
    "num": "json is num",
    "double": "json is num",
    "bool": "json is bool",
}


def _attempt(plan: Plan, t: TypeRef, codec: Codec, name: str) -> DartAttempt:
    """How ``fromJson`` recognises ``json`` as the variant class ``name`` of type ``t``."""
    if codec.type == "Object?":
        return DartAttempt("any", name)
    if codec.type in _CHECKS:
        value = "json.toDouble()" if codec.type == "double" else "json"
        return DartAttempt("is", name, check=_CHECKS[codec.type], value=value)
    if codec.type == "DateTime":
        return DartAttempt("date_time", name)
    if isinstance(t, Ref):
        model = plan.by_name.get(t.name)
        if isinstance(model, EnumModel) and model.name in plan.value_classes:
            return DartAttempt("enum", name, value=plan.names[model.name])
    return DartAttempt("try", name, value=codec.read("json"))


def _alias(plan: Plan, model: Model, annotation: str, target: str) -> DartAlias:
    return DartAlias(
        name=plan.names[model.name],
        doc=plan.doc_lines(model.description),
        deprecated=model.deprecated,
        annotation=annotation,
        target=target,
    )


def annotation(plan: Plan, model: Model) -> str:
    """``@FromSchema('Name', ...)``: the schema name and what Dart code cannot otherwise say
    (allOf bases, anyOf, an inferred discriminator, a nullable model, the declared type of a
    mixed enum), for the code reader."""
    args = [string_literal(model.name)]
    if isinstance(model, ObjectModel) and model.bases:
        args.append(f"{markers.ARG_BASES}: [{', '.join(string_literal(b) for b in model.bases)}]")
    if isinstance(model, UnionModel) and not model.exclusive:
        args.append(f"{markers.ARG_ANY_OF}: true")
    if isinstance(model, UnionModel) and model.discriminator and model.discriminator.inferred:
        args.append(f"{markers.ARG_INFERRED}: true")
    if isinstance(model, EnumModel) and (
        model.name not in plan.value_classes or enum_value_type(model)[0] == "Object"
    ):  # an enum of mixed values, or one that is just its base type (a typedef)
        args.append(f"{markers.ARG_BASE}: {string_literal(model.base)}")
    if model.nullable is Nullable.YES:
        args.append(f"{markers.ARG_NULLABLE}: true")
    return f"@{markers.FROM_SCHEMA}({', '.join(args)})"


# Which declaration a model gets: an object class, an enhanced enum, a family (a sealed class
# its object variants implement), a sealed wrapper, or a typedef.
Kind = Literal["object", "enum", "family", "wrapper", "alias"]


def _kind(plan: Plan, model: Model) -> Kind:
    if isinstance(model, ObjectModel):
        return "object"
    if isinstance(model, EnumModel):
        return "enum" if model.name in plan.value_classes else "alias"
    if isinstance(model, UnionModel):
        if model.name in plan.family_unions:
            return "family"
        return "wrapper" if model.variants else "alias"
    return "alias"


def _alias_target(plan: Plan, model: Model) -> str:
    """The type a model declared as a typedef (:func:`_kind` ``alias``) stands for."""
    if isinstance(model, EnumModel):  # an enum without spellable values: its base type
        return primitive_codec(Primitive(model.base)).type
    if isinstance(model, UnionModel) or model.name in plan.cyclic_aliases:
        return "Object?"  # a union without variants; an alias that refers to itself
    assert isinstance(model, AliasModel)
    return plan.codec(model.target).type


def declaration(plan: Plan, model: Model) -> Declaration:
    """The declaration generated for ``model``."""
    note = annotation(plan, model)
    kind = _kind(plan, model)
    if kind == "object":
        assert isinstance(model, ObjectModel)
        return _object(plan, model, note)
    if kind == "enum":
        assert isinstance(model, EnumModel)
        return _enum(plan, model, note)
    if kind == "family":
        assert isinstance(model, UnionModel)
        return _family(plan, model, note)
    if kind == "wrapper":
        assert isinstance(model, UnionModel)
        return _wrapper(plan, model, note)
    return _alias(plan, model, note, _alias_target(plan, model))


# The symbol kind of each kind of declaration's main type.
_MAIN_SYMBOLS = {
    "object": "class",
    "enum": "enum",
    "family": "sealed class",
    "wrapper": "sealed class",
    "alias": "typedef",
}


def _symbols(kind: Kind, name: str, helpers: Iterable[str] = ()) -> tuple[Symbol, ...]:
    """The names generated for one model's declaration of ``kind``, its main type first:
    ``helpers`` are an enum's value and unknown classes, a family's unknown class, a
    wrapper's variant classes."""
    helper_kinds: Iterable[str]
    if kind in ("object", "alias"):
        return (Symbol(_MAIN_SYMBOLS[kind], name),)
    if kind == "enum":
        helper_kinds = ("value", "unknown")
    elif kind == "family":
        helper_kinds = ("unknown",)
    else:
        helper_kinds = repeat("variant")
    helper_symbols = (Symbol(k, h) for k, h in zip(helper_kinds, helpers, strict=False))
    return (Symbol(_MAIN_SYMBOLS[kind], name), *helper_symbols)


def symbols(view: Declaration) -> tuple[Symbol, ...]:
    """The names generated for one model's declaration, its main type first."""
    if isinstance(view, DartObject):
        return _symbols("object", view.name)
    if isinstance(view, DartEnum):
        return _symbols("enum", view.name, (view.value_class, view.unknown_class))
    if isinstance(view, DartFamily):
        return _symbols("family", view.name, (view.unknown_class,))
    if isinstance(view, DartWrapper):
        return _symbols("wrapper", view.name, [v.name for v in view.variants])
    return _symbols("alias", view.name)


def _listed(plan: Plan, model: Model) -> tuple[tuple[Symbol, ...], list[api.Row]]:
    """The symbols and API rows of ``model``'s declaration, from the same functions as
    :func:`declaration` but without building it (no code, no docs, no layout)."""
    name = plan.names[model.name]
    kind = _kind(plan, model)
    if kind == "object":
        assert isinstance(model, ObjectModel)
        members = _members(plan, model)
        fields = []
        for f in model.fields:
            declared = _declared(plan, f)
            fields.append((members[f.name], declared.type, declared.required, declared.default))
        return _symbols(kind, name), api.object_rows(name, _implements(plan, model), fields)
    if kind == "enum":
        assert isinstance(model, EnumModel)
        value_class, unknown = plan.value_classes[model.name], _unknown_class(plan, model)
        cases = [(m.name, m.literal) for m in plan.enum_members(model)]
        rows = api.enum_rows(name, cases, value_class, unknown, enum_value_type(model)[0])
        return _symbols(kind, name, (value_class, unknown)), rows
    if kind == "family":
        assert isinstance(model, UnionModel)
        unknown = _unknown_class(plan, model)
        return _symbols(kind, name, (unknown,)), api.family_rows(name, unknown)
    if kind == "wrapper":
        assert isinstance(model, UnionModel)
        variants = [(v, codec.type) for _, codec, v in _variant_classes(plan, model)]
        return _symbols(kind, name, [v for v, _ in variants]), api.wrapper_rows(name, variants)
    return _symbols(kind, name), api.alias_rows(name, _alias_target(plan, model))


# --- files -----------------------------------------------------------------------------------


def _pubspec(package: str, models: ModelSet, templates: Folders) -> str:
    title = models.title or package
    description = naming.clean_text(f"Models for {title}, generated by modelgen.")
    # JSON strings are YAML double-quoted scalars; keep them on one line and ASCII.
    return render(
        templates,
        "pubspec.yaml.jinja",
        header=markers.PUBSPEC_HEADER,
        package=package,
        description=json.dumps(" ".join(description.split())),
    )


def _plan(models: ModelSet) -> tuple[ModelSet, Plan]:
    """``models`` in the order names are decided in, and their plan."""
    ordered = tuple(sorted(models.models, key=lambda m: m.name))  # names decided in this order
    if ordered != models.models:
        models = replace(models, models=ordered)
    return models, Plan(models)


def _parts(models: ModelSet) -> tuple[ModelSet, list[DartPart], dict[str, tuple[Symbol, ...]]]:
    """``models`` in the order names are decided in, a part per home (``ir.query.homes``) and
    the symbols. A part is named after the owner whose class name comes first."""
    models, plan = _plan(models)
    views = {model.name: declaration(plan, model) for model in models.models}
    symbol_table = {name: symbols(view) for name, view in views.items()}
    owned = sorted(
        (min(home.owners, key=plan.names.__getitem__), home.members)
        for home in homes(models.models)
    )
    stems = naming.NameAllocator(fold=str.casefold)
    parts: list[DartPart] = []
    for owner, members in owned:
        stem = stems.allocate(owner, file_stem(plan.names[owner]))
        path = f"{markers.PARTS_DIR}/{stem}.dart"
        parts.append(DartPart(path, _uri(path), tuple(views[m] for m in members)))
    return models, parts, symbol_table


def listing(models: ModelSet, options: DartOptions) -> Emitted:
    """The symbols and public-API listing :func:`emit` gives for ``models``, without rendering
    any file (diff's code verdicts need no more), and without building the views that only
    the files need."""
    models, plan = _plan(models)
    symbol_table: dict[str, tuple[Symbol, ...]] = {}
    rows: list[api.Row] = []
    for model in models.models:
        symbol_table[model.name], model_rows = _listed(plan, model)
        rows += model_rows
    return Emitted({}, symbol_table, api.from_rows(rows))


def emit(models: ModelSet, options: DartOptions, templates: Folders = TEMPLATES) -> Emitted:
    package = package_name(models, options)
    models, parts, symbol_table = _parts(models)
    title = f"{markers.TITLE_PREFIX}{models.title}{markers.TITLE_SUFFIX}" if models.title else None
    library = DartLibrary(
        doc=doc_lines(title),
        parts=(_uri(markers.SUPPORT_FILE), *(p.uri for p in parts)),
    )
    # Every part file opens alike: rendered once, followed by each part's own template.
    opening = render(templates, "part.dart.jinja", header=markers.HEADER, package=package)
    support = render(
        templates, "support.dart.jinja", present=markers.PRESENT, from_schema=markers.FROM_SCHEMA
    )
    out: dict[str, str] = {
        markers.PUBSPEC: _pubspec(package, models, templates),
        f"{markers.LIBRARY_DIR}/{package}.dart": render(
            templates, "library.dart.jinja", header=markers.HEADER, library=library
        ),
        markers.SUPPORT_FILE: opening + support,
    }
    for part in parts:  # the declarations one blank line apart
        out[part.path] = opening + "\n".join(
            render(templates, view.template, b=view) for view in part.declarations
        )
    fitter = Fitter()  # one for all the files: the same lines recur across them
    out = {path: fitter.fit(text) if path.endswith(".dart") else text for path, text in out.items()}
    return Emitted(out, symbol_table, lambda: api.from_views(parts))


def _uri(path: str) -> str:
    """A file's path as the library's ``part`` directive names it (relative to ``lib/``)."""
    return path.removeprefix(f"{markers.LIBRARY_DIR}/")
