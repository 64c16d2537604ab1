"""PHPDoc and PHP types of an SDK, mapped to the IR for the php-sdk reader
(:mod:`.sdk_reader`): names resolved through namespaces, imports and ``@phpstan-type`` /
``@psalm-type`` aliases (imported ones too); shapes, literal unions and unions with no class of
their own made inline models named after the parent and the key (``Item`` for list items,
``Value`` for map values), as the OpenAPI loader names inline schemas.

``list<X>``, ``X[]``, ``array<int, X>`` (and ``array<X>``, ``array<array-key, X>``: PHP lists)
are lists, ``array<string, X>`` maps, a bare ``array`` any JSON; ``'a'|'b'`` is an enum, one
literal a ``const``, ``int|float`` a number; ``mixed`` and names found nowhere are any JSON
whose nullability is unknown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Literal

from generator.ir import (
    ANY,
    Const,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.naming import pascal, short_hash
from generator.targets.php import phpdoc
from generator.targets.php.phpdoc import DocType, TLiteral, TName, TShape, TUnion
from generator.targets.php.sdk_scan import Decl

MAX_DEPTH = 40

STRINGS = frozenset(
    {
        "string", "non-empty-string", "numeric-string", "lowercase-string", "uppercase-string",
        "literal-string", "non-falsy-string", "truthy-string", "class-string", "interface-string",
        "trait-string", "enum-string", "callable-string", "key-of", "scalar",
    }
)  # fmt: skip
INTEGERS = frozenset(
    {"int", "integer", "positive-int", "negative-int", "non-positive-int", "non-negative-int",
     "non-zero-int", "int-mask", "int-mask-of"}
)  # fmt: skip
NUMBERS = frozenset({"float", "double", "number", "numeric"})
BOOLEANS = frozenset({"bool", "boolean", "true", "false"})
LISTS = frozenset({"array", "list", "non-empty-array", "non-empty-list", "iterable"})
ANY_NAMES = frozenset(
    {"mixed", "object", "resource", "callable", "void", "never", "closure", "\\closure",
     "stdclass", "\\stdclass", "array-key"}
)  # fmt: skip
SELF_NAMES = frozenset({"self", "static", "$this"})
DATE_TIMES = frozenset(
    {"DateTimeInterface", "DateTimeImmutable", "DateTime", "Carbon\\Carbon",
     "Carbon\\CarbonImmutable", "Carbon\\CarbonInterface"}
)  # fmt: skip
BUILTIN_NAMES = (
    STRINGS | INTEGERS | NUMBERS | BOOLEANS | LISTS | ANY_NAMES | SELF_NAMES
    | frozenset({"null", "void", "value-of", "key-of", "int-range"})
)  # fmt: skip


@dataclass
class Typed:
    type: TypeRef
    nullable: Nullable = Nullable.NO
    const: JsonValue = None
    has_const: bool = False


def unknown() -> Typed:
    return Typed(ANY, Nullable.UNKNOWN)


def is_null(t: DocType) -> bool:
    return isinstance(t, TName) and t.name.lower() in ("null", "void")


def strip_null(t: DocType) -> DocType | None:
    if isinstance(t, TUnion):
        rest = [m for m in t.members if not is_null(m)]
        if not rest:
            return None
        return rest[0] if len(rest) == 1 else TUnion(tuple(rest))
    return None if is_null(t) else t


def fq(fqn: str) -> TName:
    """A class reference that resolves the same in every file."""
    return TName("\\" + fqn)


def literal_kind(value: JsonValue) -> Literal["string", "integer", "number", "boolean"] | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return None


def part(key: str) -> str:
    return pascal(key) or f"Property{short_hash(key)}"


def _is_bool_literal(t: DocType) -> bool:
    return isinstance(t, TName) and t.name.lower() in ("true", "false")


def _number_kind(t: DocType) -> str | None:
    if isinstance(t, TName) and t.name.lower() in INTEGERS:
        return "integer"
    if isinstance(t, TName) and not t.args and t.name.lower() in NUMBERS:
        return "number"
    return None


def make_field(name: str, typed: Typed, required: bool, source: Source) -> Field:
    return Field(
        name=name,
        type=typed.type,
        required=required,
        nullable=typed.nullable,
        const=Const(typed.const) if typed.has_const else None,
        source=source,
    )


class Types:
    """The declarations of an SDK as types: name resolution, aliases, and the IR models the
    conversion creates (``models``: the classes' models, added by the reader, and the inline
    ones, added here)."""

    def __init__(self, decls: list[Decl]) -> None:
        self.by_fqn: dict[str, Decl] = {}  # fqn (lower) -> declaration
        for decl in decls:
            self.by_fqn.setdefault(decl.fqn.lower(), decl)
        self.aliases: dict[str, dict[str, DocType]] = defaultdict(dict)
        self.imports: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for decl in decls:
            self._read_aliases(decl)
        self.models: dict[str, Model] = {}
        self.names: dict[str, str] = {}  # fqn (lower) -> model name
        self.used: set[str] = set()  # model names taken
        self.shape_of: dict[tuple[str, str], str] = {}  # (alias decl fqn, alias) -> class fqn
        self.tags: dict[str, str] = {}  # class fqn (lower) -> its shape's `type` literal
        self.conventions: dict[str, str | None] = {}  # fqn (lower) -> convention read by
        self.unresolved: dict[str, list[str]] = defaultdict(list)  # type name -> used in

    def _read_aliases(self, decl: Decl) -> None:
        key = decl.fqn.lower()
        for tag in decl.tags:
            if tag.name in phpdoc.ALIAS_TAGS:
                alias = phpdoc.alias_tag(tag)
                if alias is None:
                    decl.unreadable += 1
                else:
                    self.aliases[key][alias[0]] = alias[1]
            elif tag.name in phpdoc.IMPORT_TAGS:
                imported = phpdoc.import_tag(tag)
                if imported is not None:
                    local, cls, name = imported
                    self.imports[key][local] = (decl.file.resolve(cls).lower(), name)

    def alias(self, name: str, ctx: Decl, depth: int = 0) -> tuple[DocType, Decl, str] | None:
        """The type alias ``name`` seen from ``ctx``: its type, the declaration that defines it
        (the context of its type) and its name there. ``\\Owner::Name`` names the alias
        ``Name`` of class ``Owner`` from anywhere (see :meth:`qualify`)."""
        if name.startswith("\\") and "::" in name:
            owner_name, _, name = name[1:].partition("::")
            owner = self.by_fqn.get(owner_name.lower())
            return self.alias(name, owner, depth + 1) if owner is not None else None
        key = ctx.fqn.lower()
        if name in self.aliases.get(key, {}):
            return self.aliases[key][name], ctx, name
        imported = self.imports.get(key, {}).get(name)
        if imported is not None and depth < 8:
            owner = self.by_fqn.get(imported[0])
            if owner is not None:
                return self.alias(imported[1], owner, depth + 1)
        return None

    def qualify(self, t: DocType, ctx: Decl) -> DocType:
        """``t`` with every class and alias name written so that it reads the same from any
        file: ``\\Ns\\Foo`` for a class, ``\\Ns\\Owner::Alias`` for an alias."""
        if isinstance(t, TUnion):
            return TUnion(tuple(self.qualify(m, ctx) for m in t.members))
        if isinstance(t, TShape):
            entries = tuple(replace(e, type=self.qualify(e.type, ctx)) for e in t.entries)
            return TShape(t.kind, entries)
        if not isinstance(t, TName):
            return t
        args = tuple(self.qualify(a, ctx) for a in t.args)
        lower = t.name.lower()
        if lower in SELF_NAMES:
            return fq(ctx.fqn)
        if lower in BUILTIN_NAMES or (t.name.startswith("\\") and "::" in t.name):
            return TName(t.name, args)
        if not args:
            alias = self.alias(t.name, ctx)
            if alias is not None:
                return TName(f"\\{alias[1].fqn}::{alias[2]}")
        owner = self.lookup_class(t.name, ctx)
        return TName("\\" + owner.fqn, args) if owner is not None else TName(t.name, args)

    def lookup_class(self, name: str, ctx: Decl) -> Decl | None:
        return self.by_fqn.get(ctx.file.resolve(name).lower())

    def allocate(self, hint: str) -> str:
        name = hint
        number = 2
        while name in self.used:
            name = f"{hint}{number}"
            number += 1
        self.used.add(name)
        return name

    def flatten(self, t: DocType, ctx: Decl, depth: int) -> list[tuple[DocType, Decl]]:
        """The members of a union, aliases that are not a class's own shape expanded (each
        member with the declaration it is written in)."""
        if depth > MAX_DEPTH:
            return [(TName("mixed"), ctx)]
        if isinstance(t, TUnion):
            found: list[tuple[DocType, Decl]] = []
            for member in t.members:
                found.extend(self.flatten(member, ctx, depth + 1))
            return found
        if isinstance(t, TName) and not t.args and t.name.lower() not in BUILTIN_NAMES:
            alias = self.alias(t.name, ctx)
            if alias is not None:
                body, owner, name = alias
                cls = self.shape_of.get((owner.fqn.lower(), name))
                if cls is not None:
                    return [(fq(self.by_fqn[cls].fqn), ctx)]
                return self.flatten(body, owner, depth + 1)
        return [(t, ctx)]

    def convert(self, t: DocType, ctx: Decl, hint: str, depth: int = 0) -> Typed:
        members = self.flatten(t, ctx, depth)
        nullable = Nullable.YES if any(is_null(m) for m, _ in members) else Nullable.NO
        rest = [(m, c) for m, c in members if not is_null(m)]
        if any(isinstance(m, TName) and m.name.lower() == "mixed" for m, _ in rest):
            return Typed(ANY, Nullable.UNKNOWN)
        if not rest:
            return Typed(ANY, Nullable.YES)
        literals = [m for m, _ in rest if isinstance(m, TLiteral) or _is_bool_literal(m)]
        others = [(m, c) for m, c in rest if not (isinstance(m, TLiteral) or _is_bool_literal(m))]
        if not others:
            return replace(self.literals(literals, ctx, hint), nullable=nullable)
        if len(others) == 1 and not literals:
            typed = self.single(others[0][0], others[0][1], hint, depth + 1)
            if typed.nullable is Nullable.UNKNOWN:
                return typed
            return replace(typed, nullable=nullable)
        variants: list[TypeRef] = []
        if literals:
            variants.append(self.literals(literals, ctx, f"{hint}{len(variants) + 1}").type)
        numbers = {_number_kind(m) for m, _ in others} - {None}
        if len(numbers) > 1:  # int|float: a JSON number
            others = [(m, c) for m, c in others if _number_kind(m) is None]
            variants.append(Primitive("number"))
        for member, member_ctx in others:
            member_hint = self.variant_hint(member, hint, variants)
            variant = self.single(member, member_ctx, member_hint, depth + 1).type
            if variant not in variants:
                variants.append(variant)
        if len(variants) == 1:
            return Typed(variants[0], nullable)
        name = self.allocate(hint)
        self.models[name] = UnionModel(name, tuple(variants), source=ctx.source(), inline=True)
        return Typed(Ref(name), nullable)

    def variant_hint(self, member: DocType, hint: str, variants: list[TypeRef]) -> str:
        """A union's inline variant is named after the union and its tag (the first key with
        one string literal, ``type`` first), else its position (as the OpenAPI loader does)."""
        if isinstance(member, TShape):
            entries = sorted(member.entries, key=lambda e: e.key != "type")
            for entry in entries:
                if isinstance(entry.type, TLiteral) and isinstance(entry.type.value, str):
                    if pascal(entry.type.value):
                        return hint + pascal(entry.type.value)
        return f"{hint}{len(variants) + 1}"

    def literals(self, literals: list[DocType], ctx: Decl, hint: str) -> Typed:
        values: list[str | int | float | bool] = []
        for member in literals:
            if isinstance(member, TLiteral):
                value: str | int | float | bool = member.value
            else:
                value = isinstance(member, TName) and member.name.lower() == "true"
            if value not in values:
                values.append(value)
        kinds = {literal_kind(v) for v in values}
        if kinds == {"boolean"} and len(values) == 2:
            return Typed(Primitive("boolean"))
        if len(values) == 1:
            kind = literal_kind(values[0]) or "string"
            return Typed(Primitive(kind), const=values[0], has_const=True)
        if kinds == {"integer", "number"}:
            kinds = {"number"}
        base = kinds.pop() if len(kinds) == 1 else "string"
        assert base is not None
        name = self.allocate(hint)
        self.models[name] = EnumModel(
            name,
            base,
            tuple(EnumValue(v) for v in values),
            source=ctx.source(),
            inline=True,
        )
        return Typed(Ref(name))

    def single(self, t: DocType, ctx: Decl, hint: str, depth: int) -> Typed:
        """One member of a union (not null, not a literal)."""
        if depth > MAX_DEPTH:
            return unknown()
        if isinstance(t, TUnion | TLiteral):
            return self.convert(t, ctx, hint, depth + 1)
        if isinstance(t, TShape):
            if t.kind == "list" or any(e.key is None for e in t.entries):
                return Typed(ListOf(ANY))  # a tuple
            return Typed(Ref(self.inline_object(t, ctx, hint, depth + 1)))
        name = t.name
        lower = name.lower()
        if lower in STRINGS:
            return Typed(Primitive("string"))
        if lower in INTEGERS:
            return Typed(Primitive("integer"))
        if lower in NUMBERS:
            return Typed(Primitive("number"))
        if lower in BOOLEANS:
            return Typed(Primitive("boolean"))
        if lower in ANY_NAMES:
            return Typed(ANY, Nullable.UNKNOWN if lower == "mixed" else Nullable.NO)
        if lower in LISTS:
            if not t.args:
                return Typed(ListOf(ANY)) if lower != "array" else Typed(ANY)
            key = t.args[0] if len(t.args) == 2 else None
            if key is not None and self.is_string_key(key, ctx):
                return Typed(MapOf(self.convert(t.args[-1], ctx, hint + "Value", depth + 1).type))
            return Typed(ListOf(self.convert(t.args[-1], ctx, hint + "Item", depth + 1).type))
        if lower == "value-of" and t.args:
            inner = t.args[0]
            if isinstance(inner, TName):
                owner = self.lookup_class(inner.name, ctx)
                if owner is not None and owner.fqn.lower() in self.names:
                    return Typed(Ref(self.names[owner.fqn.lower()]))
            return unknown()
        if lower in SELF_NAMES:
            return Typed(Ref(self.names.get(ctx.fqn.lower(), ctx.name)))
        owner = self.lookup_class(name, ctx)
        if owner is not None:
            if owner.fqn.lower() in self.names:
                return Typed(Ref(self.names[owner.fqn.lower()]))
            return unknown()  # a class of the SDK that is not a model
        qualified = ctx.file.resolve(name)
        if qualified in DATE_TIMES or name.lstrip("\\") in DATE_TIMES:
            return Typed(Primitive("string", "date-time"))
        self.unresolved[name.lstrip("\\")].append(ctx.name)
        return unknown()

    def is_string_key(self, key: DocType, ctx: Decl) -> bool:
        members = [m for m, _ in self.flatten(key, ctx, 0)]
        return all(
            (isinstance(m, TName) and m.name.lower() in STRINGS)
            or (isinstance(m, TLiteral) and isinstance(m.value, str))
            for m in members
        )

    def inline_object(self, shape: TShape, ctx: Decl, hint: str, depth: int) -> str:
        name = self.allocate(hint)
        fields = []
        for entry in shape.entries:
            assert entry.key is not None
            typed = self.convert(entry.type, ctx, name + part(entry.key), depth + 1)
            fields.append(make_field(entry.key, typed, not entry.optional, ctx.source()))
        self.models[name] = ObjectModel(name, tuple(fields), source=ctx.source(), inline=True)
        return name

    def resolved(self, t: DocType | None, ctx: Decl) -> DocType | None:
        """``t`` with the SDK's class names fully qualified (so it reads the same anywhere);
        ``None`` when it names no class of the SDK."""
        if t is None:
            return None
        if isinstance(t, TUnion):
            members = [self.resolved(m, ctx) for m in t.members]
            if all(m is None for m in members):
                return None
            pairs = zip(members, t.members, strict=True)
            return TUnion(tuple(r if r is not None else m for r, m in pairs))
        if isinstance(t, TName):
            if t.args:
                args = [self.resolved(a, ctx) for a in t.args]
                if all(a is None for a in args):
                    return None
                pairs = zip(args, t.args, strict=True)
                return TName(t.name, tuple(r if r is not None else a for r, a in pairs))
            lower = t.name.lower()
            if lower in SELF_NAMES:
                return fq(ctx.fqn)
            if lower in BUILTIN_NAMES or self.alias(t.name, ctx) is not None:
                return None
            owner = self.lookup_class(t.name, ctx)
            if owner is not None and owner.fqn.lower() in self.names:
                return fq(owner.fqn)
        return None

    def is_enum(self, t: DocType) -> bool:
        """``t`` is a fully qualified enum of the SDK."""
        if not (isinstance(t, TName) and t.name.startswith("\\") and not t.args):
            return False
        convention = self.conventions.get(t.name[1:].lower())
        return convention in ("backed enum", "class-constant enum")

    def class_tag(self, t: DocType) -> str | None:
        """The tag of a fully qualified class of the SDK: its shape's ``type`` literal."""
        if not (isinstance(t, TName) and t.name.startswith("\\")):
            return None
        return self.tags.get(t.name[1:].lower())
