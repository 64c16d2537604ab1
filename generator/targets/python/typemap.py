"""The type mapping: which Python type annotates a schema type and which runtime decoder reads
it from JSON, both as expression trees for ``layout``. Also the enum and const rules that
depend on Python's types (what a ``Literal`` can hold, which values an enum decoder accepts)."""

from __future__ import annotations

import math

from generator.errors import ModelgenError
from generator.ir import (
    Const,
    EnumModel,
    Field,
    FreeFormNull,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    type_nullable,
)
from generator.targets.python.escaping import py_literal
from generator.targets.python.layout import Atom, BitOr, Call, Expr, render
from generator.targets.python.markers import ENUM_OF, FROM_DICT, LITERAL, NULLABLE
from generator.targets.python.names import ModelNames

# (kind, format) -> the annotation of a primitive; (kind, None) for every other format. The
# reader maps these spellings back to primitives.
TYPES: dict[tuple[PrimitiveKind, str | None], str] = {
    ("string", None): "str",
    ("integer", None): "int",
    ("number", None): "float",
    ("boolean", None): "bool",
    ("any", None): "_t.Any",
    ("string", "date-time"): "_dt.datetime",
    ("string", "date"): "_dt.date",
    ("string", "uuid"): "_uuid.UUID",
}
# (kind, format) -> the runtime decoder of a primitive, likewise.
DECODERS: dict[tuple[PrimitiveKind, str | None], str] = {
    ("string", None): "_rt.decode_str",
    ("integer", None): "_rt.decode_int",
    ("number", None): "_rt.decode_float",
    ("boolean", None): "_rt.decode_bool",
    ("any", None): "_rt.decode_any",
    ("string", "date-time"): "_rt.decode_datetime",
    ("string", "date"): "_rt.decode_date",
    ("string", "uuid"): "_rt.decode_uuid",
}
NONE = Atom("None")


def _primitive(table: dict[tuple[PrimitiveKind, str | None], str], type_: Primitive) -> Atom:
    return Atom(table.get((type_.kind, type_.format)) or table[(type_.kind, None)])


class TypeMap:
    """Annotations and decoders for the types of one model set."""

    def __init__(self, models: ModelSet, names: ModelNames) -> None:
        self.by_name = models.by_name()
        self.names = names
        self.decoders: dict[TypeRef, Expr] = {}  # type -> decoder()

    def model(self, ref: Ref) -> Model:
        try:
            return self.by_name[ref.name]
        except KeyError:
            raise ModelgenError(f"reference to unknown model {ref.name!r}") from None

    def ref_nullable(self, ref: Ref) -> bool:
        """Whether a reference admits null, seen through aliases (unknown counts as null)."""
        return type_nullable(
            ref, self.by_name.get, unknown=UnknownNull.AS_NULL, free_form=FreeFormNull.DECLARED
        )

    def field_nullable(self, field: Field) -> bool:
        """Whether a field's annotation needs ``| None`` beyond what its type already says."""
        if isinstance(field.type, Primitive) and field.type.kind == "any":
            return False
        if field.nullable is not Nullable.NO:
            return not (isinstance(field.type, Ref) and self.ref_nullable(field.type))
        return False

    def annotation(self, type_: TypeRef) -> Expr:
        if isinstance(type_, Primitive):
            return _primitive(TYPES, type_)
        if isinstance(type_, ListOf):
            return Call("list", (self.annotation(type_.item),), square=True)
        if isinstance(type_, MapOf):
            return Call("dict", (Atom("str"), self.annotation(type_.value)), square=True)
        name = Atom(self.names.classes[self.model(type_).name])
        return BitOr((name, NONE)) if self.ref_nullable(type_) else name

    def decoder(self, type_: TypeRef) -> Expr:
        """The decoder of ``type_``: a callable ``(data, where) -> value``. Made once per type
        (types recur: the same reference in many fields and unions)."""
        found = self.decoders.get(type_)
        if found is None:
            found = self.decoders[type_] = self._decoder(type_, frozenset())
        return found

    def _decoder(self, type_: TypeRef, seen: frozenset[str]) -> Expr:
        """:meth:`decoder`; ``seen``: the aliases followed to get here."""
        if isinstance(type_, Primitive):
            return _primitive(DECODERS, type_)
        if isinstance(type_, ListOf):
            return Call("_rt.list_of", (self._decoder(type_.item, seen),))
        if isinstance(type_, MapOf):
            return Call("_rt.map_of", (self._decoder(type_.value, seen),))
        target = self.model(type_)
        name = self.names.classes[target.name]
        inner: Expr
        if isinstance(target, ObjectModel):
            inner = Atom(f"{name}.{FROM_DICT}")
        elif isinstance(target, EnumModel):
            inner = Call(ENUM_OF, (Atom(name), *(Atom(k) for k in enum_kinds(target))))
        elif isinstance(target, UnionModel):
            inner = Atom(self.names.decoders[target.name])
        else:
            if target.name in seen:
                raise ModelgenError(
                    f"alias {target.name!r} refers to itself with no content", target.source
                )
            inner = self._decoder(target.target, seen | {target.name})
        if target.nullable is not Nullable.NO:
            inner = Call(NULLABLE, (inner,))
        return inner


def literal_of(const: Const | None) -> str | None:
    """The ``Literal[...]`` argument for a const property: strings, integers and booleans."""
    if const is None or isinstance(const.value, float) or const.value is None:
        return None
    if isinstance(const.value, int) and not -(2**63) <= const.value < 2**63:
        return None  # mypy cannot type Literal integers beyond 64 bits
    if isinstance(const.value, (str, int, bool)):
        return py_literal(const.value)
    return None


def literal_type(literal: str) -> Expr:
    return Call(LITERAL, (Atom(literal),), square=True)


def with_part(expr: Expr, extra: Expr) -> Expr:
    """``expr | extra``, unless ``extra`` already is one of its parts."""
    parts = expr.parts if isinstance(expr, BitOr) else (expr,)
    if render(extra) in {render(p) for p in parts}:
        return expr
    return BitOr((*parts, extra))


def enum_kinds(model: EnumModel) -> list[str]:
    """The Python types (``str``, ``int``...) whose values the enum's decoder accepts."""
    kinds: list[str] = []
    values: list[object] = [v.value for v in model.values or () if v.value is not None]
    if not values:
        values = [{"string": "", "integer": 0, "number": 0.0, "boolean": False}[model.base]]
    for value in values:
        kind = type(value).__name__
        if kind not in kinds:
            kinds.append(kind)
    if "float" in kinds and "int" not in kinds:
        kinds.append("int")
    return kinds


def check_enum_values(model: EnumModel, values: list[object]) -> None:
    """Refuses values that cannot be distinct members of a Python enum."""
    seen: dict[object, object] = {}
    for value in values:
        if isinstance(value, float) and not math.isfinite(value):
            raise ModelgenError(
                f"enum {model.name!r}: value {value!r} cannot be a Python enum value",
                model.source,
            )
        if value in seen and type(seen[value]) is not type(value):
            raise ModelgenError(
                f"enum {model.name!r}: values {seen[value]!r} and {value!r} are equal in Python"
                " and would collapse into one member",
                model.source,
            )
        if value in seen:
            raise ModelgenError(f"enum {model.name!r}: duplicate value {value!r}", model.source)
        seen[value] = value
