"""The plan of a PHP emit: the class every model becomes (names allocated once, in model
order), what PHP can make of each model (backed enum, alias class, interface), and the PHP of
every IR type: native and PHPDoc types, and the expressions that decode a JSON value into it and
encode it back. The view models (``views.py``) are built from these answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator import naming
from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    FreeFormNull,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    resolve,
    type_nullable,
)
from generator.targets.php import markers
from generator.targets.php.escape import doc_lines
from generator.targets.php.names import class_name, factory_name, unknown_name

ABSENT = markers.ABSENT
ABSENT_VALUE = f"{ABSENT}::Value"
JSON = markers.JSON
FROM_ARRAY = markers.FROM_ARRAY
FROM_JSON = markers.FROM_JSON
TO_JSON = markers.TO_JSON


_PRIMITIVE_ATOMS = {
    "string": ("string",),
    "integer": ("int",),
    "number": ("int", "float"),
    "boolean": ("bool",),
}


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _backing(model: EnumModel) -> str | None:
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


@dataclass(frozen=True, slots=True)
class Declared:
    """How a property holding a type is declared, by whether the field itself admits null and
    whether it is required: what its field adds to the type's own answers."""

    nullable: bool  # it may hold null: the field admits it, or the type does
    absent: bool  # absence needs the ``Support\\Absent`` sentinel (null alone cannot say it)
    native: str  # the declared type
    default: str | None  # an optional property's default; None for a required one
    doc: str  # the PHPDoc type
    encodes: bool  # the value needs converting before ``json_encode`` (:meth:`Plan.needs_encode`)


@dataclass
class Kinds:
    """The list and map encoders a union needs for array values."""

    list_encode: str | None = None
    map_encode: str | None = None


@dataclass
class Plan:
    """What every model becomes in PHP, and the PHP of every type (see the module)."""

    models: ModelSet
    by_name: dict[str, Model] = field(init=False)
    classes: dict[str, str] = field(init=False)  # model name -> PHP class/interface/enum
    unknown: dict[str, str] = field(init=False)  # enum name -> Unknown<Enum> class
    factories: dict[str, str] = field(init=False)  # union name -> <Union>Factory class
    implements: dict[str, list[str]] = field(init=False)  # object name -> union interfaces

    def __post_init__(self) -> None:
        self.by_name = self.models.by_name()
        self._object_variants: dict[str, list[str]] = {}
        # answers for a type seen from the top (no recursion guard yet), asked many times
        self._atoms: dict[TypeRef, tuple[str, ...]] = {}
        self._doc: dict[TypeRef, str] = {}
        self._needs_encode: dict[TypeRef, bool] = {}
        self._nullable: dict[TypeRef, bool] = {}
        self._doc_lines: dict[str | None, tuple[str, ...]] = {}
        self._param_docs: dict[tuple[str, str, str | None], tuple[str, ...]] = {}
        self._declared: dict[tuple[TypeRef, bool, bool], Declared] = {}
        self._backing = {
            m.name: _backing(m) for m in self.models.models if isinstance(m, EnumModel)
        }
        self._alias_target = {m.name: self._find_alias_target(m) for m in self.models.models}
        # Names are allocated, and interfaces listed, in name order whatever the input order.
        ordered = sorted(self.models.models, key=lambda m: m.name)
        allocator = naming.NameAllocator(fold=str.casefold)
        for model in ordered:
            allocator.allocate(model.name, class_name(model.name))
        self.classes = dict(allocator.names)
        self.unknown = {}
        self.factories = {}
        for model in ordered:
            cls = self.classes[model.name]
            if isinstance(model, EnumModel) and self.backing(model) is not None:
                self.unknown[model.name] = allocator.allocate(
                    "unknown " + model.name, unknown_name(cls)
                )
            elif isinstance(model, UnionModel):
                self.factories[model.name] = allocator.allocate(
                    "factory " + model.name, factory_name(cls)
                )
        self.implements = {}
        for model in ordered:
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
        return self._backing[model.name]

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

    def nullable(self, t: TypeRef) -> bool:
        """Whether a value of ``t`` may be null by its own definition (through aliases),
        including an enum that lists null among its values."""
        found = self._nullable.get(t)
        if found is None:
            found = self._nullable[t] = self._admits_null(t)
        return found

    def _admits_null(self, t: TypeRef) -> bool:
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
        """The type a model is emitted as an alias class of: an alias's target, or the base
        type of an enum PHP cannot back; None for the others."""
        return self._alias_target[model.name]

    def _find_alias_target(self, model: Model) -> TypeRef | None:
        if isinstance(model, AliasModel):
            return model.target
        if isinstance(model, EnumModel) and self.backing(model) is None:
            if model.values is not None:
                kinds = {type(v.value) for v in model.values if v.value is not None}
                if len(kinds) > 1 and kinds != {int, float}:
                    return Primitive("any")
            return Primitive(model.base)
        return None

    def doc_lines(self, text: str | None) -> tuple[str, ...]:
        """Spec text as docblock lines (:func:`~.escape.doc_lines`), once per distinct text:
        the same descriptions recur across models and fields."""
        found = self._doc_lines.get(text)
        if found is None:
            found = self._doc_lines[text] = tuple(doc_lines(text))
        return found

    def param_doc(self, doc_type: str, name: str, text: str | None) -> tuple[str, ...]:
        """The lines of a ``@param`` tag: the PHPDoc type and the parameter, then ``text`` as
        docblock lines, the later ones indented; once per distinct tag: the same properties,
        with the same descriptions, recur across models."""
        key = (doc_type, name, text)
        found = self._param_docs.get(key)
        if found is None:
            found = self._param_docs[key] = self._param_lines(doc_type, name, text)
        return found

    def _param_lines(self, doc_type: str, name: str, text: str | None) -> tuple[str, ...]:
        head = f"@param {doc_type} ${name}"
        first, *more = self.doc_lines(text) or ("",)
        return (f"{head} {first}".rstrip(), *("    " + line if line else "" for line in more))

    # -- types --

    def atoms(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The PHP native types a (non-null) value of ``t`` may have."""
        if isinstance(t, Primitive):
            return _PRIMITIVE_ATOMS.get(t.kind, ("mixed",))
        if isinstance(t, ListOf | MapOf):
            return ("array",)
        if seen:
            return ("mixed",) if t.name in seen else self._ref_atoms(t, seen)
        found = self._atoms.get(t)
        if found is None:
            found = self._atoms[t] = self._ref_atoms(t, seen)
        return found

    def _ref_atoms(self, t: Ref, seen: frozenset[str]) -> tuple[str, ...]:
        model = self.model(t)
        seen = seen | {t.name}
        target = self.alias_target(model)
        if target is not None:
            return self.atoms(target, seen)
        if isinstance(model, EnumModel):
            return (self.classes[t.name], self.unknown[t.name])
        if isinstance(model, UnionModel):
            found = [self.classes[t.name]] if self.object_variants(model) else []
            for variant in model.variants:
                if isinstance(variant, Ref) and variant.name in self.object_variants(model):
                    continue
                found.extend(self.atoms(variant, seen))
            return tuple(_dedupe(found)) or ("mixed",)
        return (self.classes[t.name],)

    def native(self, t: TypeRef, nullable: bool, absent: bool = False) -> str:
        atoms = self.atoms(t)
        if "mixed" in atoms:
            return "mixed"
        if absent:
            atoms = (*atoms, ABSENT)
        if nullable:
            return f"?{atoms[0]}" if len(atoms) == 1 else "|".join((*atoms, "null"))
        return "|".join(atoms)

    def doc(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> str:
        """The PHPDoc type of a (non-null) value of ``t``, with list and map generics."""
        if seen:
            return self._doc_of(t, seen)
        found = self._doc.get(t)
        if found is None:
            found = self._doc[t] = self._doc_of(t, seen)
        return found

    def _doc_of(self, t: TypeRef, seen: frozenset[str]) -> str:
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

    def declared(self, t: TypeRef, nullable: bool, required: bool) -> Declared:
        """How a property holding ``t`` is declared, when its field admits null (``nullable``)
        or not, and is required or not; once per distinct answer: the same few field shapes
        recur across models."""
        key = (t, nullable, required)
        found = self._declared.get(key)
        if found is None:
            found = self._declared[key] = self._declare(t, nullable, required)
        return found

    def _declare(self, t: TypeRef, nullable: bool, required: bool) -> Declared:
        nullable = nullable or self.nullable(t)
        # a free-form value may itself be null, so absence needs the sentinel there too
        absent = not required and (nullable or "mixed" in self.atoms(t))
        doc = self.doc(t)
        if doc != "mixed":
            doc += (f"|{ABSENT}" if absent else "") + ("|null" if nullable or not required else "")
        return Declared(
            nullable=nullable,
            absent=absent,
            native=self.native(t, nullable or not required, absent),
            default=None if required else ABSENT_VALUE if absent else "null",
            doc=doc,
            encodes=self.needs_encode(t),
        )

    def doc_nullable(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> str:
        text = self.doc(t, seen)
        return f"{text}|null" if self.nullable(t) and text != "mixed" else text

    # -- decoding and encoding expressions --

    def decode(self, t: TypeRef, expr: str, where: str, depth: int = 0) -> str:
        """A PHP expression turning the JSON value ``expr`` (not null) into a value of ``t``,
        throwing ``Support\\DecodeException`` when it does not fit."""
        if isinstance(t, Primitive):
            helper = markers.DECODE_HELPERS.get(t.kind)
            if helper is None:
                return expr
            return f"{JSON}::{helper}({expr}, {where})"
        if isinstance(t, ListOf | MapOf):
            item = t.item if isinstance(t, ListOf) else t.value
            helper = markers.LIST_HELPER if isinstance(t, ListOf) else markers.MAP_HELPER
            container = f"{JSON}::{helper}({expr}, {where})"
            if item == ANY:
                return container
            var = f"$v{depth}"
            inner = self.decode_nullable(item, var, where, depth + 1)
            return f"array_map(static fn (mixed {var}) => {inner}, {container})"
        model = self.model(t)
        cls = self.classes[t.name]
        if isinstance(model, ObjectModel):
            return f"{cls}::{FROM_ARRAY}({JSON}::object({expr}, {where}))"
        if isinstance(model, UnionModel):
            return f"{self.factories[t.name]}::{FROM_JSON}({expr})"
        return f"{cls}::{FROM_JSON}({expr})"

    def decode_nullable(self, t: TypeRef, expr: str, where: str, depth: int = 0) -> str:
        inner = self.decode(t, expr, where, depth)
        if self.nullable(t) and inner != expr:
            return f"{expr} === null ? null : {inner}"
        return inner

    def needs_encode(self, t: TypeRef, seen: frozenset[str] = frozenset()) -> bool:
        """Whether a value of ``t`` needs converting before ``json_encode`` (maps must become
        objects so that an empty one stays ``{}``)."""
        if seen:
            return self._encoded(t, seen)
        found = self._needs_encode.get(t)
        if found is None:
            found = self._needs_encode[t] = self._encoded(t, seen)
        return found

    def _encoded(self, t: TypeRef, seen: frozenset[str]) -> bool:
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
            return f"{self.factories[t.name]}::{TO_JSON}({expr})"
        return f"{self.classes[t.name]}::{TO_JSON}({expr})"

    def encode_nullable(self, t: TypeRef, expr: str, depth: int = 0) -> str:
        inner = self.encode(t, expr, depth)
        if self.nullable(t) and inner != expr:
            return f"{expr} === null ? null : {inner}"
        return inner

    def array_kinds(self, t: TypeRef, expr: str, seen: frozenset[str] = frozenset()) -> Kinds:
        """How a union encodes an array value of variant ``t``: as a list, or as a map."""
        kinds = Kinds()
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
