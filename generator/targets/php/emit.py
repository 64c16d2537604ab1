"""PHP 8.1+ models: one PSR-4 file per model under a namespace, plus a small runtime in
``<namespace>\\Support``.

Every decision about PHP lives here: class, property and enum-case names (reserved words,
collisions), the native and PHPDoc type of every property, the decode and encode expression of
every value, and the escaping of spec text for docblocks and string literals. The templates in
``templates/`` only lay the results out.

What each model becomes:

- object -> ``final class`` with promoted ``public readonly`` properties (required ones first,
  so call the constructor with named arguments), ``fromArray()`` (arrays or ``\\stdClass``)
  and ``jsonSerialize()`` returning ``\\stdClass`` (an array would write ``{}`` as ``[]``).
  Optional properties that cannot be null default to ``null`` (null means absent); optional
  nullable (or free-form) ones default to ``Support\\Absent::Value``, so absent and null stay
  apart. Declared ``additionalProperties`` land in ``$additionalProperties``.
- enum -> backed ``enum`` plus an ``Unknown<Enum>`` value class; properties are typed
  ``Voice|UnknownVoice`` so a value the generator did not know survives a round trip. Enums PHP
  cannot back (floats, booleans, mixed types) become aliases with a ``VALUES`` constant.
- union -> ``interface`` implemented by every object variant, and ``<Union>Factory`` whose
  ``fromJson()`` dispatches on the discriminator, or tries the variants in a fixed order.
- alias -> a non-instantiable class with ``fromJson()`` / ``toJson()`` for its target type.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator import naming
from generator.errors import ModelgenError
from generator.ir import (
    AliasModel,
    EnumModel,
    Field,
    FreeFormNull,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    resolve,
    type_nullable,
)
from generator.targets import Emitted
from generator.targets.php import PhpOptions
from generator.templating import environment, folder, render

TEMPLATES = folder(__file__)

# Names PHP refuses (or reserves) as class, interface or enum names, compared case-insensitively.
RESERVED_CLASS_NAMES = frozenset(
    """
    __halt_compiler abstract and array as break callable case catch class clone const continue
    declare default die do echo else elseif empty enddeclare endfor endforeach endif endswitch
    endwhile enum eval exit extends final finally fn for foreach function global goto if
    implements include include_once instanceof insteadof interface isset list match namespace
    new or print private protected public readonly require require_once return static switch
    throw trait try unset use var while xor yield
    int float bool string true false null void iterable object mixed never self parent resource
    numeric
    """.split()
)
# Property (and named-argument) names PHP refuses.
RESERVED_PROPERTY_NAMES = frozenset({"this"})
# Class constant / enum case names PHP refuses.
RESERVED_CONSTANT_NAMES = frozenset({"class"})

SUPPORT = "Support"
ABSENT = f"{SUPPORT}\\Absent"
ABSENT_VALUE = f"{ABSENT}::Value"
JSON = f"{SUPPORT}\\Json"
DECODE_ERROR = f"{SUPPORT}\\DecodeException"
ADDITIONAL = "additionalProperties"

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_COMPOSER_NAME = re.compile(r"^[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$")
# Characters that make a string literal double-quoted, with escapes: control characters and
# the invisible/bidi ones (never raw in generated code).
_NEEDS_ESCAPES = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]"
)


# --- escaping --------------------------------------------------------------------------------


def php_string(text: str) -> str:
    """A PHP string literal whose runtime value is ``text``: single-quoted (no interpolation)
    unless it holds control or invisible characters, which are then spelled as escapes in a
    double-quoted literal with ``$`` escaped."""
    if not _NEEDS_ESCAPES.search(text):
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    out = []
    for char in text:
        if char in '\\"$':
            out.append("\\" + char)
        elif _NEEDS_ESCAPES.match(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x80 else f"\\u{{{code:x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def php_literal(value: JsonValue) -> str:
    """A PHP constant expression for a JSON scalar or array."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        if -(2**63) < value < 2**63:
            return str(value)
        return php_literal(float(value))
    if isinstance(value, float):
        if math.isnan(value):
            return "\\NAN"
        if math.isinf(value):
            return "\\INF" if value > 0 else "-\\INF"
        text = repr(value)
        return text if any(c in text for c in ".eE") else text + ".0"
    if isinstance(value, str):
        return php_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(php_literal(item) for item in value) + "]"
    return "[" + ", ".join(f"{php_string(k)} => {php_literal(v)}" for k, v in value.items()) + "]"


def doc_lines(text: str | None) -> list[str]:
    """Spec text as docblock lines: invisible characters dropped, line breaks normalised, ``*/``
    unable to close the comment, and a leading ``@`` unable to start a tag."""
    if not text:
        return []
    lines = naming.clean_text(text).replace("*/", "*\\/").split("\n")
    lines = ["\\" + line if line.lstrip().startswith("@") else line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def class_doc(
    description: str | None, schema: str, deprecated: bool, notes: Iterable[str] = ()
) -> list[str]:
    """The lines of a class-level docblock: the description, notes, then the original schema
    name (the tag the code reader looks for)."""
    lines = doc_lines(description)
    notes = list(notes)
    if lines and notes:
        lines.append("")
    lines += notes
    if lines:
        lines.append("")
    lines.append(f"@modelgen-schema {doc_json(schema)}")
    if deprecated:
        lines.append("@deprecated")
    return lines


def doc_json(text: str) -> str:
    """A JSON string that is safe inside a docblock (``/`` escaped, so ``*/`` cannot occur);
    used for the original schema and key names the code reader needs back."""
    return json.dumps(text).replace("/", "\\/")  # ASCII only: \u escapes for the rest


# --- names -----------------------------------------------------------------------------------


def class_name(name: str) -> str:
    identifier = naming.limit_length(naming.fallback(name, naming.pascal(name), "Model"), name)
    if identifier.casefold() in RESERVED_CLASS_NAMES or naming.is_windows_device(identifier):
        identifier += "Model"
    return identifier


def property_name(name: str) -> str:
    identifier = naming.limit_length(naming.fallback(name, naming.camel(name), "field"), name)
    if identifier in RESERVED_PROPERTY_NAMES:
        identifier += "_"
    return identifier


def case_name(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Value{value}" if value >= 0 else f"ValueMinus{-value}"
    text = str(value)
    identifier = naming.limit_length(naming.fallback(text, naming.pascal(text), "Value"), text)
    if identifier.casefold() in RESERVED_CONSTANT_NAMES:
        identifier += "Value"
    return identifier


def default_namespace(title: str | None) -> str:
    base = naming.pascal(title or "") or "Modelgen"
    base = naming.limit_length(naming.fallback(title or "", base, "Api"), title or "", 60)
    if base.casefold() in RESERVED_CLASS_NAMES:
        base += "Api"
    return f"{base}\\Model"


def check_namespace(namespace: str) -> str:
    parts = namespace.strip("\\").split("\\")
    for part in parts:
        if not _IDENTIFIER.match(part) or part.casefold() in RESERVED_CLASS_NAMES:
            raise ModelgenError(
                f"--php-namespace {namespace!r}: {part!r} is not a usable namespace segment"
            )
    return "\\".join(parts)


def composer_name(namespace: str) -> str:
    parts = [naming.snake(p).replace("_", "-") for p in namespace.split("\\")]
    candidate = f"{parts[0]}/{'-'.join(parts[1:]) or 'model'}"
    return candidate if _COMPOSER_NAME.match(candidate) else "modelgen/model"


# --- the plan --------------------------------------------------------------------------------


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@dataclass
class _Kinds:
    """The list and map encoders a union needs for array values."""

    list_encode: str | None = None
    map_encode: str | None = None


@dataclass
class _Plan:
    models: ModelSet
    namespace: str
    by_name: dict[str, Model] = field(init=False)
    classes: dict[str, str] = field(init=False)  # model name -> PHP class/interface/enum
    unknown: dict[str, str] = field(init=False)  # enum name -> Unknown<Enum> class
    factories: dict[str, str] = field(init=False)  # union name -> <Union>Factory class
    implements: dict[str, list[str]] = field(init=False)  # object name -> union interfaces

    def __post_init__(self) -> None:
        self.by_name = self.models.by_name()
        self._object_variants: dict[str, list[str]] = {}
        allocator = naming.NameAllocator(fold=str.casefold)
        for model in self.models.models:
            allocator.allocate(model.name, class_name(model.name))
        self.classes = dict(allocator.names)
        self.unknown = {}
        self.factories = {}
        for model in self.models.models:
            cls = self.classes[model.name]
            if isinstance(model, EnumModel) and self.backing(model) is not None:
                self.unknown[model.name] = allocator.allocate(
                    "unknown " + model.name, naming.limit_length("Unknown" + cls, cls)
                )
            elif isinstance(model, UnionModel):
                self.factories[model.name] = allocator.allocate(
                    "factory " + model.name, naming.limit_length(cls + "Factory", cls)
                )
        self.implements = {}
        for model in self.models.models:
            if isinstance(model, UnionModel):
                for target in self.object_variants(model):
                    interfaces = self.implements.setdefault(target, [])
                    if self.classes[model.name] not in interfaces:
                        interfaces.append(self.classes[model.name])

    # -- model facts --

    def model(self, ref: Ref) -> Model:
        return self.by_name[ref.name]

    def backing(self, model: EnumModel) -> str | None:
        """``string`` or ``int`` when PHP can back the enum, else None (emitted as an alias)."""
        if model.values is None:
            return None
        values = [v.value for v in model.values if v.value is not None]
        if all(isinstance(v, str) for v in values) and model.base == "string":
            return "string"
        if model.base in ("integer", "number") and all(
            isinstance(v, int) and not isinstance(v, bool) and -(2**63) <= v < 2**63 for v in values
        ):
            return "int" if values or model.base == "integer" else None
        return None

    def object_variants(self, union: UnionModel) -> list[str]:
        """The variants that are object models: the classes implementing the union."""
        cached = self._object_variants.get(union.name)
        if cached is not None:
            return cached
        names = []
        for variant in union.variants:
            if isinstance(variant, Ref) and isinstance(self.by_name.get(variant.name), ObjectModel):
                names.append(variant.name)
        self._object_variants[union.name] = result = _dedupe(names)
        return result

    def tags(self, name: str, prop: str, seen: frozenset[str] = frozenset()) -> list[str]:
        """The discriminator values the model ``name`` can carry in property ``prop``: a
        string ``const``, a one-value enum, or the values of a union discriminated the same."""
        model = self.by_name.get(name)
        if isinstance(model, ObjectModel):
            for f in model.fields:
                if f.name != prop:
                    continue
                if f.const is not None and isinstance(f.const.value, str):
                    return [f.const.value]
                if isinstance(f.type, Ref):
                    target = self.by_name.get(f.type.name)
                    if isinstance(target, EnumModel) and target.values and len(target.values) == 1:
                        value = target.values[0].value
                        return [value] if isinstance(value, str) else []
            return []
        if isinstance(model, UnionModel) and name not in seen:
            found: list[str] = []
            if model.discriminator is not None and model.discriminator.property == prop:
                found += [value for value, _ in model.discriminator.mapping]
            for variant in model.variants:
                if isinstance(variant, Ref):
                    found += self.tags(variant.name, prop, seen | {name})
            return _dedupe(found)
        return []

    def dispatch(self, union: UnionModel) -> list[tuple[str, str]]:
        """(discriminator value, model) pairs the factory can dispatch on directly: the
        mapping, plus the values of nested unions, minus values more than one variant carries
        (those, and missing or unknown values, fall back to trying the variants in order)."""
        assert union.discriminator is not None
        prop = union.discriminator.property
        candidates: dict[str, list[str]] = {}
        for value, target in union.discriminator.mapping:
            candidates.setdefault(value, []).append(target)
        for variant in union.variants:
            if isinstance(variant, Ref):
                for tag in self.tags(variant.name, prop, frozenset({union.name})):
                    targets = candidates.setdefault(tag, [])
                    if variant.name not in targets:
                        targets.append(variant.name)
        return [
            (value, targets[0])
            for value, targets in candidates.items()
            if len(targets) == 1 and targets[0] in self.by_name
        ]

    def nullable(self, t: TypeRef) -> bool:
        """Whether a value of ``t`` may be null by its own definition (through aliases),
        including an enum that lists null among its values."""
        if type_nullable(
            t, self.by_name.get, unknown=UnknownNull.AS_NULL, free_form=FreeFormNull.ADMITS
        ):
            return True
        end, _ = resolve(t, self.by_name.get)
        model = self.by_name.get(end.name) if isinstance(end, Ref) else None
        if isinstance(model, EnumModel) and model.values is not None:
            return any(v.value is None for v in model.values)
        return False

    def alias_target(self, model: Model) -> TypeRef | None:
        if isinstance(model, AliasModel):
            return model.target
        if isinstance(model, EnumModel) and self.backing(model) is None:
            if model.values is not None:
                kinds = {type(v.value) for v in model.values if v.value is not None}
                if len(kinds) > 1 and kinds != {int, float}:
                    return Primitive("any")
            return Primitive(model.base)
        return None

    # -- types --

    def atoms(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> list[str]:
        """The PHP native types a (non-null) value of ``t`` may have."""
        if isinstance(t, Primitive):
            return {
                "string": ["string"],
                "integer": ["int"],
                "number": ["int", "float"],
                "boolean": ["bool"],
            }.get(t.kind, ["mixed"])
        if isinstance(t, ListOf | MapOf):
            return ["array"]
        if t.name in seen:
            return ["mixed"]
        model = self.model(t)
        seen = seen | {t.name}
        target = self.alias_target(model)
        if target is not None:
            return self.atoms(target, seen)
        if isinstance(model, EnumModel):
            return [self.classes[t.name], self.unknown[t.name]]
        if isinstance(model, UnionModel):
            found = [self.classes[t.name]] if self.object_variants(model) else []
            for variant in model.variants:
                if isinstance(variant, Ref) and variant.name in self.object_variants(model):
                    continue
                found.extend(self.atoms(variant, seen))
            return _dedupe(found) or ["mixed"]
        return [self.classes[t.name]]

    def native(self, t: TypeRef, nullable: bool, absent: bool = False) -> str:
        atoms = self.atoms(t)
        if "mixed" in atoms:
            return "mixed"
        if absent:
            atoms = [*atoms, ABSENT]
        if nullable:
            return f"?{atoms[0]}" if len(atoms) == 1 else "|".join([*atoms, "null"])
        return "|".join(atoms)

    def doc(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> str:
        """The PHPDoc type of a (non-null) value of ``t``, with list and map generics."""
        if isinstance(t, ListOf):
            return f"list<{self.doc_nullable(t.item, seen)}>"
        if isinstance(t, MapOf):
            return f"array<string, {self.doc_nullable(t.value, seen)}>"
        if isinstance(t, Primitive) or t.name in seen:
            return "|".join(self.atoms(t, seen))
        model = self.model(t)
        outer, seen = seen, seen | {t.name}
        target = self.alias_target(model)
        if target is not None:
            return self.doc(target, seen)
        if isinstance(model, UnionModel):
            objects = self.object_variants(model)
            parts = [self.classes[t.name]] if objects else []
            for variant in model.variants:
                if not (isinstance(variant, Ref) and variant.name in objects):
                    parts.append(self.doc(variant, seen))
            return "|".join(_dedupe(parts)) or "mixed"
        return "|".join(self.atoms(t, outer))

    def doc_nullable(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> str:
        text = self.doc(t, seen)
        return f"{text}|null" if self.nullable(t) and text != "mixed" else text

    # -- decoding and encoding expressions --

    def decode(self, t: TypeRef, expr: str, where: str, depth: int = 0) -> str:
        """A PHP expression turning the JSON value ``expr`` (not null) into a value of ``t``,
        throwing ``Support\\DecodeException`` when it does not fit."""
        if isinstance(t, Primitive):
            helper = {"string": "string", "integer": "int", "number": "number", "boolean": "bool"}
            if t.kind not in helper:
                return expr
            return f"{JSON}::{helper[t.kind]}({expr}, {where})"
        if isinstance(t, ListOf | MapOf):
            item = t.item if isinstance(t, ListOf) else t.value
            container = f"{JSON}::{'list' if isinstance(t, ListOf) else 'map'}({expr}, {where})"
            if item == Primitive("any"):
                return container
            var = f"$v{depth}"
            inner = self.decode_nullable(item, var, where, depth + 1)
            return f"array_map(static fn (mixed {var}) => {inner}, {container})"
        model = self.model(t)
        cls = self.classes[t.name]
        if isinstance(model, ObjectModel):
            return f"{cls}::fromArray({JSON}::object({expr}, {where}))"
        if isinstance(model, UnionModel):
            return f"{self.factories[t.name]}::fromJson({expr})"
        return f"{cls}::fromJson({expr})"

    def decode_nullable(self, t: TypeRef, expr: str, where: str, depth: int = 0) -> str:
        inner = self.decode(t, expr, where, depth)
        if self.nullable(t) and inner != expr:
            return f"{expr} === null ? null : {inner}"
        return inner

    def needs_encode(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> bool:
        """Whether a value of ``t`` needs converting before ``json_encode`` (maps must become
        objects so that an empty one stays ``{}``)."""
        if isinstance(t, MapOf):
            return True
        if isinstance(t, ListOf):
            return self.needs_encode(t.item, seen)
        if isinstance(t, Primitive) or t.name in seen:
            return False
        model = self.model(t)
        seen = seen | {t.name}
        target = self.alias_target(model)
        if target is not None:
            return self.needs_encode(target, seen)
        if isinstance(model, UnionModel):
            return any(self.needs_encode(v, seen) for v in model.variants)
        return False

    def encode(self, t: TypeRef, expr: str, depth: int = 0) -> str:
        """A PHP expression turning ``expr`` (a non-null value of ``t``) into what
        ``json_encode`` writes as the right JSON."""
        if not self.needs_encode(t):
            return expr
        if isinstance(t, ListOf | MapOf):
            item = t.item if isinstance(t, ListOf) else t.value
            cast = "(object) " if isinstance(t, MapOf) else ""
            if not self.needs_encode(item):
                return f"{cast}{expr}"
            var = f"$v{depth}"
            inner = self.encode_nullable(item, var, depth + 1)
            return f"{cast}array_map(static fn ({var}) => {inner}, {expr})"
        assert isinstance(t, Ref)
        if isinstance(self.model(t), UnionModel):
            return f"{self.factories[t.name]}::toJson({expr})"
        return f"{self.classes[t.name]}::toJson({expr})"

    def encode_nullable(self, t: TypeRef, expr: str, depth: int = 0) -> str:
        inner = self.encode(t, expr, depth)
        if self.nullable(t) and inner != expr:
            return f"{expr} === null ? null : {inner}"
        return inner

    def array_kinds(self, t: TypeRef, expr: str, seen: frozenset[str] = frozenset()) -> _Kinds:
        """How a union encodes an array value of variant ``t``: as a list, or as a map."""
        kinds = _Kinds()
        if isinstance(t, ListOf):
            kinds.list_encode = self.encode(t, expr)
        elif isinstance(t, MapOf):
            kinds.map_encode = self.encode(t, expr)
        elif isinstance(t, Ref) and t.name not in seen:
            model = self.model(t)
            target = self.alias_target(model)
            if target is not None:
                inner = self.array_kinds(target, expr, seen | {t.name})
                own = self.encode(t, expr)
                kinds.list_encode = own if inner.list_encode is not None else None
                kinds.map_encode = own if inner.map_encode is not None else None
            elif isinstance(model, UnionModel):
                own = self.encode(t, expr)
                for variant in model.variants:
                    inner = self.array_kinds(variant, expr, seen | {t.name})
                    if inner.list_encode is not None and kinds.list_encode is None:
                        kinds.list_encode = own
                    if inner.map_encode is not None and kinds.map_encode is None:
                        kinds.map_encode = own
        return kinds


# --- per-model contexts ----------------------------------------------------------------------


def _where(model_name: str, key: str | None = None) -> str:
    return php_string(model_name if key is None else f"{model_name}.{key}")


def _param_doc(doc_type: str, prop: str, description: str | None) -> list[str]:
    lines = doc_lines(description)
    head = f"@param {doc_type} ${prop}"
    if not lines:
        return [head]
    return [f"{head} {lines[0]}".rstrip(), *("    " + line if line else "" for line in lines[1:])]


def _field_text(f: Field) -> str | None:
    """A property's docblock text: its description, then what the schema says of its default
    (not applied: an absent property stays absent) and deprecation."""
    parts = [f.description.strip()] if f.description and f.description.strip() else []
    if f.default is not None:
        default = json.dumps(f.default.value, ensure_ascii=False, allow_nan=True)
        parts.append(f"Default: {default}.")
    if f.deprecated:
        parts.append("Deprecated.")
    return "\n".join(parts) or None


def _const_value(f: Field) -> str | None:
    """The literal a required field with a scalar ``const`` defaults to."""
    if f.const is None or not f.required:
        return None
    value = f.const.value
    if isinstance(f.type, Primitive) and (
        (f.type.kind == "string" and isinstance(value, str))
        or (f.type.kind == "integer" and isinstance(value, int) and not isinstance(value, bool))
        or (f.type.kind == "boolean" and isinstance(value, bool))
    ):
        return php_literal(value)
    return None


def _object_context(plan: _Plan, model: ObjectModel) -> dict[str, object]:
    cls = plan.classes[model.name]
    allocator = naming.NameAllocator(taken=[ADDITIONAL] if model.additional is not None else [])
    fields = []
    for f in model.fields:
        prop = allocator.allocate(f.name, property_name(f.name), separator="")
        where = _where(model.name, f.name)
        nullable = f.nullable is not Nullable.NO or plan.nullable(f.type)
        const = _const_value(f)
        # a free-form value may itself be null, so absence needs the sentinel there too
        absent = not f.required and (nullable or "mixed" in plan.atoms(f.type))
        access = f"$data[{php_string(f.name)}]"
        decode = plan.decode(f.type, access, where)
        if const is not None:
            decode = f"{JSON}::constant({decode}, {const}, {where})"
        if nullable and decode != access:
            decode = f"{access} === null ? null : {decode}"
        if not f.required:
            fallback = ABSENT_VALUE if absent else "null"
            if nullable and decode.startswith(access + " === null"):
                decode = f"({decode})"
            decode = f"array_key_exists({php_string(f.name)}, $data) ? {decode} : {fallback}"
        value = f"$this->{prop}"
        encode = plan.encode(f.type, value)
        if nullable and encode != value:
            encode = f"{value} === null ? null : {encode}"
        doc_type = plan.doc(f.type)
        if doc_type != "mixed":
            doc_type += (f"|{ABSENT}" if absent else "") + (
                "|null" if nullable or not f.required else ""
            )
        if f.required:
            default = const
            presence = "always"
        elif absent:
            default = ABSENT_VALUE
            presence = "absent"
        else:
            default = "null"
            presence = "null"
        fields.append(
            {
                "prop": prop,
                "key": php_string(f.name),
                "native": plan.native(f.type, nullable or not f.required, absent),
                "default": default,
                "presence": presence,
                "decode": decode,
                "encode": encode,
                "doc": _param_doc(doc_type, prop, _field_text(f)),
            }
        )
    params = [f for f in fields if f["default"] is None] + [
        f for f in fields if f["default"] is not None
    ]
    additional = None
    if model.additional is not None:
        value_type = model.additional
        where = _where(model.name)
        decode = plan.decode_nullable(value_type, "$v0", where, 1)
        extra = f"{JSON}::extra($data, self::WIRE_NAMES)"
        encode = plan.encode_nullable(value_type, "$value", 1)
        additional = {
            "prop": ADDITIONAL,
            "decode": extra
            if decode == "$v0"
            else f"array_map(static fn (mixed $v0) => {decode}, {extra})",
            "encode": encode,
            "doc": _param_doc(
                f"array<string, {plan.doc_nullable(value_type)}>",
                ADDITIONAL,
                "Properties the schema does not name, by JSON key.",
            ),
        }
    interfaces = plan.implements.get(model.name, [])
    return {
        "cls": cls,
        "doc": class_doc(model.description, model.name, model.deprecated),
        "implements": ", ".join(interfaces or ["\\JsonSerializable"]),
        "fields": fields,
        "params": params,
        "additional": additional,
        "wire_names": [(f["key"], php_string(str(f["prop"]))) for f in fields],
        "where": _where(model.name),
        "required_keys": ", ".join(php_string(f.name) for f in model.fields if f.required),
    }


def _enum_context(plan: _Plan, model: EnumModel, backing: str) -> dict[str, object]:
    allocator = naming.NameAllocator(fold=str.casefold)
    cases = []
    for value in model.values or ():
        if value.value is None:
            continue
        name = allocator.allocate(repr(value.value), case_name(value.value))
        cases.append(
            {"name": name, "value": php_literal(value.value), "doc": doc_lines(value.description)}
        )
    return {
        "cls": plan.classes[model.name],
        "unknown": plan.unknown[model.name],
        "backing": backing,
        "check": "is_string" if backing == "string" else "is_int",
        "doc": class_doc(model.description, model.name, model.deprecated),
        "cases": cases,
        "where": _where(model.name),
    }


def _alias_context(plan: _Plan, model: Model, target: TypeRef) -> dict[str, object]:
    values = None
    if isinstance(model, EnumModel) and model.values is not None:
        values = php_literal([v.value for v in model.values])
    native = plan.native(target, False)
    return {
        "cls": plan.classes[model.name],
        "doc": class_doc(model.description, model.name, model.deprecated),
        "native": native,
        "doc_type": plan.doc(target),
        "decode": plan.decode(target, "$data", _where(model.name)),
        "encode": plan.encode(target, "$value"),
        "values": values,
    }


def _union_contexts(plan: _Plan, model: UnionModel) -> tuple[dict[str, object], dict[str, object]]:
    cls = plan.classes[model.name]
    objects = plan.object_variants(model)
    where = _where(model.name)
    arms = []
    if model.discriminator is not None:
        for value, target in plan.dispatch(model):
            if isinstance(plan.by_name.get(target), ObjectModel):
                expr = f"{plan.classes[target]}::fromArray($object)"
            else:
                expr = plan.decode(Ref(target), "$object", where)
            arms.append({"value": php_string(value), "expr": expr})
    attempts = []
    for variant in model.variants:
        guard = None
        if isinstance(variant, Ref) and variant.name in objects:
            variant_model = plan.by_name[variant.name]
            assert isinstance(variant_model, ObjectModel)
            if variant_model.additional is None:
                guard = f"{JSON}::fits($data, {plan.classes[variant.name]}::WIRE_NAMES)"
        attempts.append({"guard": guard, "expr": plan.decode(variant, "$data", where)})
    for variant in model.variants:
        if isinstance(variant, Ref) and variant.name in objects:
            variant_model = plan.by_name[variant.name]
            if isinstance(variant_model, ObjectModel) and variant_model.additional is None:
                attempts.append({"guard": None, "expr": plan.decode(variant, "$data", where)})
    kinds = _Kinds()
    for variant in model.variants:
        found = plan.array_kinds(variant, "$value")
        kinds.list_encode = kinds.list_encode or found.list_encode
        kinds.map_encode = kinds.map_encode or found.map_encode
    native = plan.native(Ref(model.name), False)
    notes = [f"Decode with {plan.factories[model.name]}::fromJson()."]
    if objects:
        notes.insert(0, f"Implemented by {', '.join(plan.classes[name] for name in objects)}.")
    interface: dict[str, object] = {
        "cls": cls,
        "doc": class_doc(model.description, model.name, model.deprecated, notes),
    }
    factory = {
        "cls": plan.factories[model.name],
        "interface": cls,
        "schema": doc_json(model.name),
        "native": native,
        "doc_type": plan.doc(Ref(model.name)),
        "object_only": len(objects) == len(model.variants) and bool(objects),
        "discriminator": php_string(model.discriminator.property)
        if model.discriminator is not None
        else None,
        "discriminator_json": doc_json(model.discriminator.property)
        if model.discriminator is not None
        else None,
        "mapping_json": json.dumps(
            {value: target for value, target in model.discriminator.mapping}
        ).replace("/", "\\/")
        if model.discriminator is not None
        else None,
        "arms": arms,
        "attempts": attempts,
        "list_encode": kinds.list_encode,
        "map_encode": kinds.map_encode,
        "where": where,
    }
    return interface, factory


# --- emit ------------------------------------------------------------------------------------


def emit(models: ModelSet, options: PhpOptions) -> Emitted:
    if options.php_namespace:
        namespace = check_namespace(options.php_namespace)
    else:
        namespace = default_namespace(models.title)
    plan = _Plan(models, namespace)
    common = {"namespace": namespace, "header": render(TEMPLATES, "_header.php.jinja")}
    files: dict[str, str] = {}

    templates = {
        name: environment(TEMPLATES).get_template(f"{name}.php.jinja")
        for name in ("class", "alias", "enum", "unknown", "interface", "factory")
    }

    def put(cls: str, template: str, context: dict[str, object]) -> None:
        files[f"src/{cls}.php"] = templates[template].render(**common, **context)

    for model in models.models:
        target = plan.alias_target(model)
        if isinstance(model, ObjectModel):
            put(plan.classes[model.name], "class", _object_context(plan, model))
        elif target is not None:
            put(plan.classes[model.name], "alias", _alias_context(plan, model, target))
        elif isinstance(model, EnumModel):
            backing = plan.backing(model)
            assert backing is not None
            context = _enum_context(plan, model, backing)
            put(plan.classes[model.name], "enum", context)
            put(plan.unknown[model.name], "unknown", context)
        elif isinstance(model, UnionModel):
            interface, factory = _union_contexts(plan, model)
            put(plan.classes[model.name], "interface", interface)
            put(plan.factories[model.name], "factory", factory)
    for support in ("Absent", "DecodeException", "Json"):
        files[f"src/{SUPPORT}/{support}.php"] = render(TEMPLATES, f"{support}.php.jinja", **common)
    composer = {
        "name": composer_name(namespace),
        "description": "Models generated by modelgen. Do not edit.",
        "type": "library",
        "require": {"php": ">=8.1", "ext-json": "*"},
        "autoload": {"psr-4": {namespace + "\\": "src/"}},
    }
    files["composer.json"] = json.dumps(composer, indent=4) + "\n"
    return Emitted(files)


def entry_points(models: ModelSet) -> dict[str, tuple[str, str | None]]:
    """For each model, the static methods (relative to the namespace) that decode a JSON value
    into it and, where one is needed, prepare it for ``json_encode``: what a caller of the
    generated code uses, and what the round-trip tests call."""
    plan = _Plan(models, "")
    points: dict[str, tuple[str, str | None]] = {}
    for model in models.models:
        cls = plan.classes[model.name]
        if isinstance(model, ObjectModel):
            points[model.name] = (f"{cls}::fromArray", None)
        elif plan.alias_target(model) is not None:
            points[model.name] = (f"{cls}::fromJson", f"{cls}::toJson")
        elif isinstance(model, UnionModel):
            factory = plan.factories[model.name]
            points[model.name] = (f"{factory}::fromJson", f"{factory}::toJson")
        else:
            points[model.name] = (f"{cls}::fromJson", None)
    return points
