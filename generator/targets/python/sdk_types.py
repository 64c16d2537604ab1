"""Python type annotations as the IR's types, for the SDK reader (:mod:`sdk_reader`).

Typing constructs are recognised by their last name (``Optional``, ``typing.Optional``,
``t.Optional`` alike; a name imported under another, ``from datetime import date as
date_aliased``, by the name it has where it is defined) once the name is known not to be a
class of the SDK: ``Optional[X]`` and
``X | None`` are nullable, ``Union[...]`` of several types is a union, ``Literal["a"]`` a
constant and ``Literal["a", "b"]`` an enum, ``List``/``Sequence``/``Iterable`` lists,
``Dict``/``Mapping`` maps, ``Annotated[X, ...]`` is ``X`` with what its metadata says
(``PropertyInfo(discriminator=...)``, ``Field(discriminator=..., alias=...)``),
``Required``/``NotRequired`` say whether a TypedDict key is required. A union, enum or other
schema written in place becomes a model of its own, ``inline``, named after where it is
(``<Class>.<field>``; a union's members ``<Class>.<field>.<n>``).

What no convention explains (``Callable``, a name the SDK does not declare and no library
spells) raises :class:`UnknownType`; the reader skips that field and counts it.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    ListOf,
    MapOf,
    Model,
    Nullable,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)

# Scalar spellings (by last name) -> the primitive they carry.
SCALARS: dict[str, TypeRef] = {
    "str": Primitive("string"),
    "StrictStr": Primitive("string"),
    "constr": Primitive("string"),
    "int": Primitive("integer"),
    "StrictInt": Primitive("integer"),
    "conint": Primitive("integer"),
    "float": Primitive("number"),
    "StrictFloat": Primitive("number"),
    "confloat": Primitive("number"),
    "Decimal": Primitive("number"),
    "bool": Primitive("boolean"),
    "StrictBool": Primitive("boolean"),
    "bytes": Primitive("string", "binary"),
    "bytearray": Primitive("string", "binary"),
    "FileTypes": Primitive("string", "binary"),
    "FileContent": Primitive("string", "binary"),
    "Base64FileInput": Primitive("string", "binary"),
    "datetime": Primitive("string", "date-time"),
    "AwareDatetime": Primitive("string", "date-time"),
    "NaiveDatetime": Primitive("string", "date-time"),
    "date": Primitive("string", "date"),
    "time": Primitive("string", "time"),
    "UUID": Primitive("string", "uuid"),
    "UUID4": Primitive("string", "uuid"),
    "AnyUrl": Primitive("string", "uri"),
    "HttpUrl": Primitive("string", "uri"),
    "AnyHttpUrl": Primitive("string", "uri"),
    "EmailStr": Primitive("string", "email"),
    "IPv4Address": Primitive("string", "ipv4"),
    "IPv6Address": Primitive("string", "ipv6"),
    "IPvAnyAddress": Primitive("string"),
    "Any": ANY,
    "object": ANY,
    "Json": ANY,
    "JsonValue": ANY,
}
LISTS = frozenset(
    {
        "List",
        "list",
        "Sequence",
        "MutableSequence",
        "Iterable",
        "Collection",
        "SequenceNotStr",
        "Tuple",
        "tuple",
        "conlist",
    }
)
SETS = frozenset({"Set", "set", "FrozenSet", "frozenset", "AbstractSet", "MutableSet", "conset"})
MAPS = frozenset(
    {"Dict", "dict", "Mapping", "MutableMapping", "DefaultDict", "OrderedDict", "TypedMapping"}
)
WRAPPERS = frozenset({"Required", "NotRequired", "ReadOnly", "Final"})
UNIONS = frozenset({"Union", "Optional"})


class UnknownType(Exception):
    """An annotation no convention explains (the field is skipped and counted)."""

    def __init__(self, message: str, node: ast.AST) -> None:
        super().__init__(message)
        self.node = node


@dataclass(frozen=True, slots=True)
class Typed:
    """What an annotation says about a field (or an alias)."""

    type: TypeRef
    nullable: bool
    const: Const | None = None
    required: bool | None = None  # Required[...] True, NotRequired[...] False, else None
    alias: str | None = None  # the JSON key Annotated metadata gives (``alias=``)
    discriminator: str | None = None


def dotted(node: ast.expr) -> str:
    """``a.b.C`` for a name or attribute chain, ``""`` for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted(node.value)
        return f"{head}.{node.attr}" if head else ""
    return ""


def last_name(node: ast.expr) -> str:
    return dotted(node).rsplit(".", 1)[-1]


def subscript_args(node: ast.Subscript) -> list[ast.expr]:
    inner = node.slice
    return list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]


def keyword_text(call: ast.Call, name: str) -> str | None:
    """A string constant keyword argument of a call (``alias="x"``), if given."""
    for kw in call.keywords:
        value = kw.value
        if kw.arg == name and isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    return None


def literal_value(node: ast.expr) -> str | int | float | bool | None:
    """The value of a ``Literal[...]`` member; raises :class:`UnknownType` for others."""
    if isinstance(node, ast.Constant) and (
        node.value is None or isinstance(node.value, (str, int, float, bool))
    ):
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, (int, float))
        and not isinstance(node.operand.value, bool)
    ):
        return -node.operand.value
    raise UnknownType("a Literal member that is no constant", node)


def enum_base(values: Sequence[str | int | float | bool | None]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "integer"
    if kinds and kinds <= {int, float}:
        return "number"
    return "string"


Resolve = Callable[[ast.expr], str | None]
"""The SDK model a name or attribute chain refers to, ``None`` when it names none."""

Original = Callable[[ast.expr], str]
"""The last name a library symbol has where it is defined: ``date`` for ``date_aliased``
after ``from datetime import date as date_aliased`` (datamodel-code-generator imports a type
under another name where a field has that name)."""


class TypeReader:
    """Turns annotations into types, adding the models declared in place to ``inline``."""

    def __init__(
        self, resolve: Resolve, file: str, taken: set[str], original: Original = last_name
    ) -> None:
        self.resolve = resolve
        self.original = original  # the name typing constructs and scalars are known by
        self.file = file
        self.taken = taken  # every model name in use (shared by the whole set)
        self.inline: list[Model] = []

    def unique(self, name: str) -> str:
        candidate, n = name, 2
        while candidate in self.taken:
            candidate = f"{name}~{n}"
            n += 1
        self.taken.add(candidate)
        return candidate

    def source(self, node: ast.AST) -> Source:
        return Source(self.file, line=getattr(node, "lineno", None))

    # --- entry points ----------------------------------------------------------------------

    def field(self, node: ast.expr, where: str) -> Typed:
        """A field's annotation; ``where`` names what it declares in place (``Owner.field``)."""
        return self._top(node, where)

    def alias(self, node: ast.expr, name: str) -> Model:
        """The model a module-level type alias ``name = <node>`` declares: a union, an enum
        (``Literal`` of several values) or an alias of another type."""
        typed = self._top(node, name, declared=name)
        nullable = Nullable.YES if typed.nullable else Nullable.NO
        for model in self.inline:
            if model.name == name:
                self.inline.remove(model)
                if isinstance(model, (UnionModel, EnumModel)):
                    model = _renamed(model, inline=False, nullable=nullable)
                return model
        return AliasModel(name, typed.type, nullable=nullable, source=self.source(node))

    # --- the walk ----------------------------------------------------------------------------

    def _top(self, node: ast.expr, where: str, declared: str | None = None) -> Typed:
        """Wrappers (``Annotated``, ``Required``...) and the union, then one type."""
        node = _unquote(node)
        required: bool | None = None
        alias: str | None = None
        discriminator: str | None = None
        while isinstance(node, ast.Subscript) and self.resolve(node.value) is None:
            outer = self.original(node.value)
            args = subscript_args(node)
            if outer in WRAPPERS:
                if outer == "Required":
                    required = True
                elif outer == "NotRequired":
                    required = False
                node = _unquote(args[0])
            elif outer == "Annotated":
                for meta in args[1:]:
                    if isinstance(meta, ast.Call):
                        alias = keyword_text(meta, "alias") or alias
                        discriminator = keyword_text(meta, "discriminator") or discriminator
                node = _unquote(args[0])
            else:
                break
        parts = self._union_parts(node)
        nullable = any(_is_none(p) for p in parts)
        rest = [p for p in parts if not _is_none(p)]
        if not rest:
            raise UnknownType("an annotation that allows only None", node)
        literals = [p for p in rest if self._is_literal(p)]
        if len(literals) == len(rest):
            values = [v for p in literals for v in self._literal_values(p)]
            nullable = nullable or None in values
            values = [v for v in values if v is not None]
            if len(values) == 1 and declared is None:
                value = values[0]
                base = enum_base([value])
                return Typed(Primitive(base), nullable, Const(value), required, alias)  # type: ignore[arg-type]
            ref = self._enum(values, declared or where, node, declared is not None)
            return Typed(ref, nullable, None, required, alias)
        if len(rest) == 1:
            return Typed(self._one(rest[0], where), nullable, None, required, alias)
        ref = self._union(rest, declared or where, node, discriminator, declared is not None)
        return Typed(ref, nullable, None, required, alias, discriminator)

    def _one(self, node: ast.expr, where: str) -> TypeRef:
        """One type that is not a union at its top (a union inside is declared in place)."""
        node = _unquote(node)
        model = self.resolve(node)
        if model is not None:
            return Ref(model)
        if isinstance(node, ast.Subscript):
            outer = self.original(node.value)
            args = subscript_args(node)
            if outer in UNIONS or outer in WRAPPERS or outer in ("Annotated", "Literal"):
                typed = self._top(node, where)
                if typed.const is not None:  # a constant inside a container: its enum
                    return self._enum([typed.const.value], where, node, False)  # type: ignore[list-item]
                return typed.type
            if outer in LISTS or outer in SETS:
                if not args:
                    return ListOf(ANY, unique=outer in SETS)
                if outer in ("Tuple", "tuple"):  # Tuple[X, ...]; a fixed tuple: any items
                    variadic = len(args) == 2 and _is_ellipsis(args[1])
                    return ListOf(self._inner(args[0], where) if variadic else ANY)
                return ListOf(self._inner(args[0], where), unique=outer in SETS)
            if outer in MAPS:
                return MapOf(self._inner(args[1], where) if len(args) == 2 else ANY)
            if outer in ("Type", "type", "Callable", "Awaitable", "Coroutine"):
                raise UnknownType(f"{outer}[...] is no JSON type", node)
            return self._one(node.value, where)  # a generic class: Page[Item] -> Page
        name = self.original(node)
        if name in SCALARS:
            return SCALARS[name]
        if name in LISTS or name in SETS:
            return ListOf(ANY, unique=name in SETS)
        if name in MAPS:
            return MapOf(ANY)
        if isinstance(node, ast.BinOp):
            typed = self._top(node, where)
            return typed.type
        raise UnknownType(f"unknown type {ast.unparse(node)!r}", node)

    def _inner(self, node: ast.expr, where: str) -> TypeRef:
        """A list's item or a map's value: null allowed inside is not the field's."""
        typed = self._top(node, where)
        if typed.const is not None:
            return self._enum([typed.const.value], where, node, False)  # type: ignore[list-item]
        return typed.type

    def _union_parts(self, node: ast.expr) -> list[ast.expr]:
        node = _unquote(node)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self._union_parts(node.left) + self._union_parts(node.right)
        if isinstance(node, ast.Subscript) and self.resolve(node.value) is None:
            outer = self.original(node.value)
            if outer in UNIONS:
                parts = [p for a in subscript_args(node) for p in self._union_parts(a)]
                return [*parts, ast.Constant(None)] if outer == "Optional" else parts
        return [node]

    def _is_literal(self, node: ast.expr) -> bool:
        return (
            isinstance(node, ast.Subscript)
            and self.original(node.value) == "Literal"
            and self.resolve(node.value) is None
        )

    def _literal_values(self, node: ast.expr) -> list[str | int | float | bool | None]:
        assert isinstance(node, ast.Subscript)
        return [literal_value(a) for a in subscript_args(node)]

    def _enum(
        self,
        values: Sequence[str | int | float | bool | None],
        where: str,
        node: ast.AST,
        declared: bool,
    ) -> Ref:
        name = where if declared else self.unique(where)
        unique = list(dict.fromkeys(values))
        model = EnumModel(
            name,
            enum_base(unique),  # type: ignore[arg-type]
            tuple(EnumValue(v) for v in unique),
            source=self.source(node),
            inline=not declared,
        )
        self.inline.append(model)
        return Ref(name)

    def _union(
        self,
        parts: list[ast.expr],
        where: str,
        node: ast.AST,
        discriminator: str | None,
        declared: bool,
    ) -> Ref:
        name = where if declared else self.unique(where)
        variants: list[TypeRef] = []
        literals = [p for p in parts if self._is_literal(p)]
        position = 0
        for part in parts:
            if part in literals:
                if part is not literals[0]:
                    continue  # every Literal member of a union is one enum
                values = [v for p in literals for v in self._literal_values(p) if v is not None]
                variants.append(self._enum(values, f"{name}.{position}", part, False))
            else:
                variants.append(self._inner(part, f"{name}.{position}"))
            position += 1
        found = Discriminator(discriminator, ()) if discriminator else None
        model = UnionModel(
            name,
            tuple(dict.fromkeys(variants)),
            discriminator=found,
            source=self.source(node),
            inline=not declared,
        )
        self.inline.append(model)
        return Ref(name)


def _unquote(node: ast.expr) -> ast.expr:
    """A string annotation (a forward reference) as the expression it spells."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            return ast.parse(node.value.strip(), mode="eval").body
        except SyntaxError as error:
            raise UnknownType("a string annotation that is not Python", node) from error
    return node


def _is_ellipsis(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def _is_none(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and node.value is None) or dotted(node) in (
        "NoneType",
        "types.NoneType",
    )


def _renamed(model: UnionModel | EnumModel, *, inline: bool, nullable: Nullable) -> Model:
    from dataclasses import replace

    return replace(model, inline=inline, nullable=nullable)
