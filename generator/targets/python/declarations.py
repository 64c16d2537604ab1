"""What each model declares: its generated names, the types of its fields and aliases on one
line, their defaults and its enum members. Both the generated files (``emit.Plan`` builds its
view models from these) and the public-API listing (``api.declared_listing``, which diff's
code verdicts take without rendering any file) are made of them, so each name, type and
default has this one definition.

Nothing here lays a statement out, documents or decodes anything: that is the view models'
part (``emit.Plan``), which only the files need.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    EnumValue,
    Field,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    TypeRef,
    UnionModel,
    type_refs,
)
from generator.naming import NameAllocator
from generator.targets import Symbol
from generator.targets.python.escaping import py_literal, py_str
from generator.targets.python.layout import LINE_LENGTH, Atom, BitOr, Call, Expr, render
from generator.targets.python.markers import (
    ENUM_BASE,
    EXTRAS_DEFAULT,
    MODEL_BASE,
    UNION,
    UNSET,
    UNSET_TYPE,
)
from generator.targets.python.names import (
    EXTRAS_FIELD,
    RESERVED_FIELDS,
    field_name,
    member_name,
    model_names,
)
from generator.targets.python.typemap import (
    NONE,
    TypeMap,
    check_enum_values,
    literal_of,
    literal_type,
    with_part,
)
from generator.targets.python.unions import variants


@dataclass(frozen=True, slots=True)
class FieldDecl:
    """One dataclass field, for one JSON property."""

    field: Field
    name: str  # the Python identifier
    annotation: Expr  # the declared type
    default: str | None  # the default value's expression; None for a required field
    nullable: bool  # whether ``None`` is added to what the type itself admits
    literal: str | None  # the ``Literal`` value of a const property, else None
    # what decides the four above but the field's name (its type, nullability, requiredness
    # and const literal: ``Declarations.field_types``) as a number, alike for fields alike
    # in these, for the view models' memos to key on
    type_key: int


@dataclass(frozen=True, slots=True)
class ExtrasDecl:
    """The field of an open object that keeps the properties the schema does not name."""

    name: str
    value_type: TypeRef
    annotation: Expr  # ``_t.Mapping[str, <value type>]``
    default: str = EXTRAS_DEFAULT


@dataclass(frozen=True, slots=True)
class ObjectDecl:
    model: ObjectModel
    name: str  # the class name
    fields: tuple[FieldDecl, ...]
    extras: ExtrasDecl | None  # None for a closed object
    base: str = MODEL_BASE


@dataclass(frozen=True, slots=True)
class MemberDecl:
    value: EnumValue
    name: str
    literal: str  # the value as a Python literal


@dataclass(frozen=True, slots=True)
class EnumDecl:
    model: EnumModel
    name: str
    members: tuple[MemberDecl, ...]
    base: str = ENUM_BASE


@dataclass(frozen=True, slots=True)
class AliasDecl:
    model: AliasModel
    name: str
    annotation: Expr  # the aliased type, names defined later as strings
    explicit: bool  # ``Name: _t.TypeAlias = ...``, else ``Name = ...``


@dataclass(frozen=True, slots=True)
class UnionDecl:
    model: UnionModel
    name: str
    variants: tuple[TypeRef, ...]  # flattened (``unions.variants``)
    annotation: Expr  # the union, names defined later as strings
    explicit: bool
    decoder: str  # the decoding function's name
    encoder: str  # the encoding function's name


Declaration = ObjectDecl | EnumDecl | AliasDecl | UnionDecl


class Declarations:
    """The declarations of one model set."""

    def __init__(self, models: ModelSet) -> None:
        self.models = models
        self.by_name = models.by_name()
        self.names = model_names(models)
        self.classes = self.names.classes
        self.types = TypeMap(models, self.names)
        self.field_names: dict[str, str] = {}  # wire name -> field_name(): names recur
        # (type, nullability, requiredness, const literal) -> field_type(): types recur
        self.field_types: dict[
            tuple[TypeRef, Nullable, bool, str | None], tuple[Expr, str | None, bool, int]
        ] = {}
        self.extras: dict[tuple[str, TypeRef], ExtrasDecl] = {}  # (name, value type) -> decl

    def field_name(self, wire: str) -> str:
        found = self.field_names.get(wire)
        if found is None:
            found = self.field_names[wire] = field_name(wire)
        return found

    def object_decl(self, model: ObjectModel) -> ObjectDecl:
        idents = self.field_idents(model)
        fields: list[FieldDecl] = []
        for f, ident in zip(model.fields, idents, strict=False):
            literal = literal_of(f.const)
            key = (f.type, f.nullable, f.required, literal)
            typed = self.field_types.get(key)
            if typed is None:
                typed = self.field_types[key] = self.field_type(f, literal)
            annotation, default, nullable, type_key = typed
            fields.append(FieldDecl(f, ident, annotation, default, nullable, literal, type_key))
        extras: ExtrasDecl | None = None
        if not model.closed:
            extras = self.extras_decl(idents[-1], model.additional or ANY)
        return ObjectDecl(model, self.classes[model.name], tuple(fields), extras)

    def field_idents(self, model: ObjectModel) -> list[str]:
        """The identifiers of an object's fields, made distinct and kept clear of
        :data:`RESERVED_FIELDS`, then, for an open object, that of its extras field."""
        keys = [f.name for f in model.fields]
        wanted = [self.field_name(f.code_name or f.name) for f in model.fields]
        if not model.closed:
            keys.append("\0extras")
            wanted.append(EXTRAS_FIELD)
        n = len(keys)
        if len(set(keys)) == n and len(set(wanted)) == n and RESERVED_FIELDS.isdisjoint(wanted):
            return wanted  # every name free: what the allocator gives, without making one
        allocator = NameAllocator(RESERVED_FIELDS)
        return [allocator.allocate(key, name) for key, name in zip(keys, wanted, strict=True)]

    def extras_decl(self, name: str, value_type: TypeRef) -> ExtrasDecl:
        """The extras field ``name`` of values ``value_type``: one object per such pair (most
        open objects have the same)."""
        found = self.extras.get((name, value_type))
        if found is None:
            annotation = Call(
                "_t.Mapping", (Atom("str"), self.types.annotation(value_type)), square=True
            )
            found = self.extras[(name, value_type)] = ExtrasDecl(name, value_type, annotation)
        return found

    def field_type(self, f: Field, literal: str | None) -> tuple[Expr, str | None, bool, int]:
        """A field's annotation, its default, whether ``None`` is added to its type, and the
        number of its key in :attr:`field_types` (``FieldDecl.type_key``)."""
        annotation = self.types.annotation(f.type) if literal is None else literal_type(literal)
        nullable = self.types.field_nullable(f)
        if nullable:
            annotation = with_part(annotation, NONE)
        default: str | None = None
        if not f.required:
            annotation = with_part(annotation, Atom(UNSET_TYPE))
            default = UNSET
        elif literal is not None:
            default = literal
        return annotation, default, nullable, len(self.field_types)

    def enum_decl(self, model: EnumModel) -> EnumDecl:
        values = [v for v in model.values or () if v.value is not None]
        check_enum_values(model, [v.value for v in values])
        allocator = NameAllocator()
        members: list[MemberDecl] = []
        for v in values:
            assert v.value is not None
            member = allocator.allocate(repr(v.value), member_name(v.name or v.value))
            members.append(MemberDecl(v, member, py_literal(v.value)))
        return EnumDecl(model, self.classes[model.name], tuple(members))

    def alias_decl(self, model: AliasModel, forward: frozenset[str]) -> AliasDecl:
        name = self.classes[model.name]
        rhs = self.forward(self.types.annotation(model.target), forward)
        return AliasDecl(model, name, rhs, _explicit_alias(name, bool(forward)))

    def union_decl(self, model: UnionModel, forward: frozenset[str]) -> UnionDecl:
        name = self.classes[model.name]
        found = tuple(variants(self.by_name, model))
        rhs = self.forward(self.union_annotation(found), forward)
        return UnionDecl(
            model,
            name,
            found,
            rhs,
            _explicit_alias(name, bool(forward)),
            self.names.decoders[model.name],
            self.names.encoders[model.name],
        )

    def union_annotation(self, found: Sequence[TypeRef]) -> Expr:
        parts: list[Expr] = []
        texts: set[str] = set()  # the parts' texts
        for variant in found:
            expr = self.types.annotation(variant)
            for part in expr.parts if isinstance(expr, BitOr) else (expr,):
                text = render(part)
                if text not in texts:
                    texts.add(text)
                    parts.append(part)
        return parts[0] if len(parts) == 1 else BitOr(tuple(parts))

    def forward(self, expr: Expr, forward: frozenset[str]) -> Expr:
        """``expr`` with the classes of the models ``forward`` as strings (forward
        references)."""
        return _forward(expr, {self.classes[n] for n in forward})

    # the module ---------------------------------------------------------------------------

    def declarations(self, subset: Sequence[Model] | None = None) -> list[Declaration]:
        """Enums, then classes (each sorted by name: classes may refer to one another, as
        annotations are not evaluated), then unions and aliases, which are evaluated at import,
        in :meth:`late_order`. ``subset``: the models of one module (``modules.py``), where
        those of the other modules are imported; all by default."""
        enums: list[EnumModel] = []
        objects: list[ObjectModel] = []
        late: list[UnionModel | AliasModel] = []
        for m in self.models.models if subset is None else subset:
            if isinstance(m, EnumModel):
                enums.append(m)
            elif isinstance(m, ObjectModel):
                objects.append(m)
            else:
                late.append(m)
        enums.sort(key=self.class_of)
        objects.sort(key=self.class_of)
        result: list[Declaration] = [self.enum_decl(m) for m in enums]
        result += [self.object_decl(m) for m in objects]
        for model, forward in self.late_order(late) if late else ():
            if isinstance(model, UnionModel):
                result.append(self.union_decl(model, forward))
            else:
                result.append(self.alias_decl(model, forward))
        return result

    def class_of(self, model: EnumModel | ObjectModel | UnionModel | AliasModel) -> str:
        return self.classes[model.name]

    def late_order(
        self, late: list[UnionModel | AliasModel]
    ) -> list[tuple[UnionModel | AliasModel, frozenset[str]]]:
        """Unions and aliases are evaluated at import, after every class: each goes after the
        unions and aliases it names. Where they form a cycle, one of them goes first and names
        the ones not yet defined as strings (forward references); those are returned with it."""
        names = {m.name for m in late}
        deps: dict[str, set[str]] = {}
        for m in late:
            refs: set[str] = set()
            for t in m.variants if isinstance(m, UnionModel) else (m.target,):
                refs.update(type_refs(t))
            deps[m.name] = refs & names
        done: set[str] = set()
        order: list[tuple[UnionModel | AliasModel, frozenset[str]]] = []
        pending = sorted(late, key=self.class_of)
        while pending:
            ready = [m for m in pending if deps[m.name] <= done]
            if ready:
                for m in ready:
                    order.append((m, frozenset()))
                    done.add(m.name)
            else:
                first = pending[0]
                order.append((first, frozenset(deps[first.name] - done)))
                done.add(first.name)
            pending = [m for m in pending if m.name not in done]
        return order

    def symbols(self, declared: Sequence[Declaration]) -> dict[str, tuple[Symbol, ...]]:
        """Schema name -> the names generated for it, its main type first, in model order."""
        found: dict[str, tuple[Symbol, ...]] = {}
        for d in declared:
            if isinstance(d, ObjectDecl):
                found[d.model.name] = (Symbol("class", d.name),)
            elif isinstance(d, EnumDecl):
                found[d.model.name] = (Symbol("enum", d.name),)
            elif isinstance(d, UnionDecl):
                found[d.model.name] = (
                    Symbol("alias", d.name),
                    Symbol("decoder", d.decoder),
                    Symbol("encoder", d.encoder),
                )
            else:
                found[d.model.name] = (Symbol("alias", d.name),)
        return {m.name: found[m.name] for m in self.models.models}


def _explicit_alias(name: str, quoted: bool) -> bool:
    """``Name: _t.TypeAlias = ...``; a name too long for that line (over 66 characters)
    makes an implicit alias ``Name = ...``, which type checkers read the same way; a
    quoted (forward-reference) alias must stay explicit."""
    return quoted or len(name) + len(": _t.TypeAlias = (") <= LINE_LENGTH


def _forward(expr: Expr, names: set[str]) -> Expr:
    """``expr`` with the given names as strings (forward references), spelled so that it
    still evaluates at import: a union holding a string becomes ``_t.Union[...]``."""
    if not names:
        return expr
    if isinstance(expr, Atom):
        return Atom(py_str(expr.text)) if expr.text in names else expr
    if isinstance(expr, BitOr):
        parts = tuple(_forward(p, names) for p in expr.parts)
        if any(isinstance(p, Atom) and p.text.startswith('"') for p in parts):
            return Call(UNION, parts, square=True)
        return BitOr(parts)
    if isinstance(expr, Call):
        return Call(
            expr.func, tuple(_forward(a, names) for a in expr.args), expr.square, expr.magic
        )
    return expr
