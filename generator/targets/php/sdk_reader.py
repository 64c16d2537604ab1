"""Reads PHP model code that modelgen did not write (an SDK written by hand or by another
generator) into a ModelSet, by convention rather than by author (the ``php-sdk`` source kind,
for ``modelgen parity``). Parsed with tree-sitter-php (:mod:`.sdk_scan`); nothing is executed.

The conventions, per class-like declaration:

- **array-shape factory** (openai-php/client): a static ``from*(array $attributes)`` whose
  ``@param`` types ``$attributes`` with an array shape, written in place or as a
  ``@phpstan-type`` / ``@psalm-type`` alias (imported ones too). The shape's keys are the JSON
  keys, ``key?:`` is optional, ``?T`` / ``T|null`` is nullable. Where the shape describes a
  nested object in place and the factory builds a class of the SDK for that key (``Foo::from(
  $attributes['key'])``, ``array_map(fn ... => Foo::from(...), $attributes['key'])``, or a
  constructor parameter typed ``Foo`` / ``array<int, Foo>``), the field refers to that class;
  a type alias that is a class's own shape refers to that class.
- **keyed factory**: such a factory without a shape: the keys it reads (``$attributes['key']``)
  are the fields, typed by the constructor parameters they are passed to; a key read with
  ``??`` or under ``isset`` is optional.
- **typed properties**: public properties, promoted constructor parameters and ``@property``
  tags, typed by ``@var`` / ``@param`` / ``@property`` or the declared type; a property with a
  default is optional. The JSON keys are the keys ``toArray()`` / ``jsonSerialize()`` writes
  the properties under, else the property names.
- **backed enums** (``enum Status: string``) and **class-constant enums** (a class declaring
  only scalar constants of one type); in a model class, constants named after a field
  (``const STATUS_ACTIVE = 'active'`` for ``status``) are that field's values.

PHPDoc types map to the IR: ``list<X>``, ``X[]``, ``array<int, X>`` (and ``array<X>``,
``array<array-key, X>``: PHP lists) are lists, ``array<string, X>`` maps; literal unions
(``'a'|'b'``) are enums, one literal is a ``const``; other unions are unions. Shapes, literal
unions and unions with no class of their own become inline models named after the parent and
the key (``Batch`` + ``errors`` -> ``BatchErrors``; ``Item`` for list items, ``Value`` for map
values), as the OpenAPI loader names inline schemas.

Names are the class names without namespace; a name declared in several namespaces is
qualified (``Responses\\Chat\\CreateResponse``, the namespace below the one all classes share).
Interfaces, traits, exceptions, pure enums and classes with no public data are skipped and
counted (diagnostics), as are types the reader cannot resolve (read as any JSON, nullability
unknown). Formats, defaults, constraints and descriptions are not read (``knows`` says so).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    Const,
    Diagnostic,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.naming import pascal, short_hash, upper_snake
from generator.sources import LoadOptions
from generator.targets.php import phpdoc
from generator.targets.php.phpdoc import NULL, DocType, TLiteral, TName, TShape, TUnion
from generator.targets.php.sdk_scan import (
    Decl,
    Method,
    Param,
    literal,
    php_files,
    scan,
    text,
)

# What the conventions state: nullability (``?T``), enum values, unions. ``wire_names`` is
# added when every object's field names are JSON keys (see :func:`load`).
KNOWS = frozenset({"nullable", "enum_values", "composition"})
MAX_DEPTH = 40

_STRING = frozenset(
    {
        "string", "non-empty-string", "numeric-string", "lowercase-string", "uppercase-string",
        "literal-string", "non-falsy-string", "truthy-string", "class-string", "interface-string",
        "trait-string", "enum-string", "callable-string", "key-of", "scalar",
    }
)  # fmt: skip
_INTEGER = frozenset(
    {"int", "integer", "positive-int", "negative-int", "non-positive-int", "non-negative-int",
     "non-zero-int", "int-mask", "int-mask-of"}
)  # fmt: skip
_NUMBER = frozenset({"float", "double", "number", "numeric"})
_BOOLEAN = frozenset({"bool", "boolean", "true", "false"})
_LISTS = frozenset({"array", "list", "non-empty-array", "non-empty-list", "iterable"})
_ANY = frozenset(
    {"mixed", "object", "resource", "callable", "void", "never", "closure", "\\closure",
     "stdclass", "\\stdclass", "array-key"}
)  # fmt: skip
_SELF = frozenset({"self", "static", "$this"})
_DATE_TIMES = frozenset(
    {"DateTimeInterface", "DateTimeImmutable", "DateTime", "Carbon\\Carbon",
     "Carbon\\CarbonImmutable", "Carbon\\CarbonInterface"}
)  # fmt: skip
_FACTORY_ARRAY_TYPES = frozenset({"array", "iterable"})


def detect(path: Path) -> bool:
    """A ``.php`` file, or a folder with one somewhere under it (the readers of modelgen's own
    PHP and of OpenAPI Generator's come first; this one reads any PHP)."""
    if path.is_file():
        return path.suffix == ".php"
    return path.is_dir() and next(php_files(path), None) is not None


@dataclass
class _Typed:
    type: TypeRef
    nullable: Nullable = Nullable.NO
    const: JsonValue = None
    has_const: bool = False


@dataclass
class _Link:
    """A JSON key a factory reads, and what it does with it."""

    key: str
    param: Param | None
    code: DocType | None  # the type the code gives it (class names fully qualified)
    defaulted: bool  # read with ?? or under isset(): it may be absent
    line: int


@dataclass
class _Stats:
    conventions: Counter[str] = field(default_factory=Counter)
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unresolved: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unreadable: int = 0
    property_names: list[str] = field(default_factory=list)  # objects keyed by PHP names
    qualified: list[str] = field(default_factory=list)  # names declared in several namespaces


def _unknown() -> _Typed:
    return _Typed(ANY, Nullable.UNKNOWN)


def _is_null(t: DocType) -> bool:
    return isinstance(t, TName) and t.name.lower() in ("null", "void")


def _strip_null(t: DocType) -> DocType | None:
    if isinstance(t, TUnion):
        rest = [m for m in t.members if not _is_null(m)]
        if not rest:
            return None
        return rest[0] if len(rest) == 1 else TUnion(tuple(rest))
    return None if _is_null(t) else t


def _fq(fqn: str) -> TName:
    """A class reference that resolves the same in every file."""
    return TName("\\" + fqn)


def _literal_kind(value: JsonValue) -> Literal["string", "integer", "number", "boolean"] | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return None


def _part(key: str) -> str:
    return pascal(key) or f"Property{short_hash(key)}"


class _Reader:
    def __init__(self, decls: list[Decl]) -> None:
        self.stats = _Stats()
        self.decls = [d for d in decls if not d.broken]
        for decl in decls:
            if decl.broken:
                self.stats.skipped["syntax errors in the declaration"].append(decl.name)
        self.by_fqn: dict[str, Decl] = {}
        for decl in self.decls:
            self.by_fqn.setdefault(decl.fqn.lower(), decl)
        self.aliases: dict[str, dict[str, DocType]] = defaultdict(dict)
        self.imports: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for decl in self.decls:
            self._read_aliases(decl)
        self.models: dict[str, Model] = {}
        self.names: dict[str, str] = {}  # fqn (lower) -> model name
        self.shape_of: dict[tuple[str, str], str] = {}  # (alias decl fqn, alias) -> class fqn
        self.factories: dict[str, tuple[Method, Param]] = {}
        self.used: set[str] = set()
        self.conventions: dict[str, str | None] = {}  # fqn (lower) -> convention
        self.union_members: dict[str, list[tuple[DocType, Decl]] | None] = {}

    # -- aliases ---------------------------------------------------------------------------

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
        if lower in _SELF:
            return _fq(ctx.fqn)
        if lower in _BUILTIN_NAMES or (t.name.startswith("\\") and "::" in t.name):
            return TName(t.name, args)
        if not args:
            alias = self.alias(t.name, ctx)
            if alias is not None:
                return TName(f"\\{alias[1].fqn}::{alias[2]}")
        owner = self.lookup_class(t.name, ctx)
        return TName("\\" + owner.fqn, args) if owner is not None else TName(t.name, args)

    def lookup_class(self, name: str, ctx: Decl) -> Decl | None:
        return self.by_fqn.get(ctx.file.resolve(name).lower())

    # -- which declarations are models ------------------------------------------------------

    def factory(self, decl: Decl) -> tuple[Method, Param] | None:
        """The static ``from*`` method taking an array, and that parameter."""
        candidates = sorted(
            (m for m in decl.methods.values() if m.static and m.name.lower().startswith("from")),
            key=lambda m: (m.name.lower() != "from", m.line),
        )
        for method in candidates:
            if not method.params:
                continue
            first = method.params[0]
            native = first.native
            members = native.members if isinstance(native, TUnion) else (native,)
            if native is None or any(
                isinstance(m, TName) and m.name.lower() in _FACTORY_ARRAY_TYPES for m in members
            ):
                return method, first
        return None

    def public_props(self, decl: Decl) -> list[str]:
        names = [p.name for p in decl.props if p.public and not p.static]
        constructor = decl.methods.get("__construct")
        if constructor is not None:
            names += [p.name for p in constructor.params if p.promoted and p.public]
        names += [n for n, _, _ in self.property_tags(decl)]
        return names

    def property_tags(self, decl: Decl) -> list[tuple[str, DocType, int]]:
        found = []
        for tag in decl.tags:
            if tag.name in _PROPERTY_TAGS:
                try:
                    typed = phpdoc.typed_tag(tag)
                except phpdoc.DocTypeError:
                    decl.unreadable += 1
                    continue
                if typed.variable:
                    found.append((typed.variable, typed.type, decl.doc_line + tag.line))
        return found

    def scalar_constants(self, decl: Decl) -> list[tuple[str, str | int | float | bool]]:
        return [
            (name, value)
            for name, value, public in decl.constants
            if public and isinstance(value, str | int | float | bool)
        ]

    def classify(self, decl: Decl) -> str | None:
        """The convention ``decl`` is read by, or ``None`` (the reason is counted)."""
        skip = self.stats.skipped
        if decl.kind in ("interface", "trait"):
            skip[f"{decl.kind}s"].append(decl.name)
            return None
        if decl.kind == "enum":
            if decl.enum_base is None:
                skip["pure enums (no backed values)"].append(decl.name)
                return None
            return "backed enum"
        if self._is_exception(decl):
            skip["exceptions"].append(decl.name)
            return None
        if decl.fqn.lower() in self.factories:
            if self.factory_shape(decl) is not None:
                return "array-shape factory"
            if self.factory_union(decl) is not None:
                return "union factory"
            return "keyed factory"
        if self._scalar_factory(decl):
            skip["value objects built from a scalar (a from() taking no array)"].append(decl.name)
            return None
        if self.public_props(decl):
            return "typed properties"
        constants = self.scalar_constants(decl)
        all_public = [c for c in decl.constants if c[2]]
        kinds = {_literal_kind(v) for _, v in constants}
        if constants and len(constants) == len(all_public) and len(kinds) == 1:
            return "class-constant enum"
        skip["no public data (no from() factory, public property or scalar constants)"].append(
            decl.name
        )
        return None

    def _scalar_factory(self, decl: Decl) -> bool:
        for method in decl.methods.values():
            if method.static and method.name.lower().startswith("from") and method.params:
                native = method.params[0].native
                if isinstance(native, TName) and native.name.lower() in (
                    _STRING | _INTEGER | _NUMBER | _BOOLEAN
                ):
                    return True
        return False

    def factory_union(self, decl: Decl) -> list[tuple[DocType, Decl]] | None:
        """The members of the factory's ``@param`` type when it is a union of other classes'
        shapes (a class wrapping one of several objects: a union)."""
        own = decl.fqn.lower()
        if own in self.union_members:
            return self.union_members[own]
        self.union_members[own] = None
        found = self.factories.get(own)
        doc = found[0].doc("param", found[1].name) if found is not None else None
        if doc is None:
            return None
        members = [(m, c) for m, c in self.flatten(doc[0], decl, 0) if not _is_null(m)]
        classes = [m for m, _ in members if isinstance(m, TName) and m.name.startswith("\\")]
        if len(members) < 2 or not classes:
            return None
        t, ctx = doc[0], decl  # the aliases naming this union name this class
        while isinstance(t, TName) and not t.args and (alias := self.alias(t.name, ctx)):
            t, ctx, name = alias
            key = (ctx.fqn.lower(), name)
            if key[0] == own or key not in self.shape_of:
                self.shape_of[key] = own
        self.union_members[own] = members
        return members

    def _is_exception(self, decl: Decl) -> bool:
        seen = 0
        parent = decl.extends
        while parent is not None and seen < 16:
            bare = parent.rsplit("\\", 1)[-1]
            if bare in ("Exception", "Error", "Throwable") or bare.endswith("Exception"):
                return True
            owner = self.by_fqn.get(parent.lower())
            parent = owner.extends if owner is not None else None
            seen += 1
        return False

    def factory_shape(self, decl: Decl) -> tuple[TShape, Decl] | None:
        """The array shape the factory's ``@param`` gives its array, and the declaration it is
        written in (an alias may live in another class)."""
        found = self.factories.get(decl.fqn.lower())
        if found is None:
            return None
        method, param = found
        doc = method.doc("param", param.name)
        if doc is None:
            return None
        t: DocType | None = doc[0]
        ctx = decl
        chain: list[tuple[str, str]] = []  # the aliases followed
        for _ in range(8):
            if isinstance(t, TUnion):
                shapes = [m for m in t.members if isinstance(m, TShape | TName) and not _is_null(m)]
                shapes = [m for m in shapes if not (isinstance(m, TName) and m.name == "string")]
                t = shapes[0] if len(shapes) == 1 else None
            if isinstance(t, TShape):
                keyed = t.kind in ("array", "object") and all(e.key is not None for e in t.entries)
                if not (keyed and t.entries):
                    return None
                for key in chain:  # each alias is this class's shape: its own, else the first
                    if key[0] == decl.fqn.lower() or key not in self.shape_of:
                        self.shape_of[key] = decl.fqn.lower()
                return t, ctx
            if isinstance(t, TName) and not t.args:
                alias = self.alias(t.name, ctx)
                if alias is None:
                    return None
                t, ctx, name = alias
                chain.append((ctx.fqn.lower(), name))
                continue
            return None
        return None

    # -- names -------------------------------------------------------------------------------

    def allocate_class_names(self, decls: list[Decl]) -> None:
        by_name: dict[str, list[Decl]] = defaultdict(list)
        for decl in decls:
            by_name[decl.name].append(decl)
        namespaces = [d.fqn.split("\\")[:-1] for d in decls]
        common: list[str] = []
        if namespaces:
            for parts in zip(*namespaces, strict=False):
                if len(set(parts)) != 1:
                    break
                common.append(parts[0])
        for name, group in by_name.items():
            for decl in group:
                model_name = name
                if len(group) > 1:
                    model_name = "\\".join(decl.fqn.split("\\")[len(common) :])
                self.names[decl.fqn.lower()] = model_name
                self.used.add(model_name)
        self.stats.qualified = sorted(
            self.names[d.fqn.lower()] for g in by_name.values() if len(g) > 1 for d in g
        )

    def allocate(self, hint: str) -> str:
        name = hint
        number = 2
        while name in self.used:
            name = f"{hint}{number}"
            number += 1
        self.used.add(name)
        return name

    # -- types -----------------------------------------------------------------------------

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
        if isinstance(t, TName) and not t.args and t.name.lower() not in _BUILTIN_NAMES:
            alias = self.alias(t.name, ctx)
            if alias is not None:
                body, owner, name = alias
                cls = self.shape_of.get((owner.fqn.lower(), name))
                if cls is not None:
                    return [(_fq(self.by_fqn[cls].fqn), ctx)]
                return self.flatten(body, owner, depth + 1)
        return [(t, ctx)]

    def convert(self, t: DocType, ctx: Decl, hint: str, depth: int = 0) -> _Typed:
        members = self.flatten(t, ctx, depth)
        nullable = Nullable.YES if any(_is_null(m) for m, _ in members) else Nullable.NO
        rest = [(m, c) for m, c in members if not _is_null(m)]
        if any(isinstance(m, TName) and m.name.lower() == "mixed" for m, _ in rest):
            return _Typed(ANY, Nullable.UNKNOWN)
        if not rest:
            return _Typed(ANY, Nullable.YES)
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
            return _Typed(variants[0], nullable)
        name = self.allocate(hint)
        self.models[name] = UnionModel(name, tuple(variants), source=ctx.source(), inline=True)
        return _Typed(Ref(name), nullable)

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

    def literals(self, literals: list[DocType], ctx: Decl, hint: str) -> _Typed:
        values: list[str | int | float | bool] = []
        for member in literals:
            if isinstance(member, TLiteral):
                value: str | int | float | bool = member.value
            else:
                value = isinstance(member, TName) and member.name.lower() == "true"
            if value not in values:
                values.append(value)
        kinds = {_literal_kind(v) for v in values}
        if kinds == {"boolean"} and len(values) == 2:
            return _Typed(Primitive("boolean"))
        if len(values) == 1:
            kind = _literal_kind(values[0]) or "string"
            return _Typed(Primitive(kind), const=values[0], has_const=True)
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
        return _Typed(Ref(name))

    def single(self, t: DocType, ctx: Decl, hint: str, depth: int) -> _Typed:
        """One member of a union (not null, not a literal)."""
        if depth > MAX_DEPTH:
            return _unknown()
        if isinstance(t, TUnion | TLiteral):
            return self.convert(t, ctx, hint, depth + 1)
        if isinstance(t, TShape):
            if t.kind == "list" or any(e.key is None for e in t.entries):
                return _Typed(ListOf(ANY))  # a tuple
            return _Typed(Ref(self.inline_object(t, ctx, hint, depth + 1)))
        name = t.name
        lower = name.lower()
        if lower in _STRING:
            return _Typed(Primitive("string"))
        if lower in _INTEGER:
            return _Typed(Primitive("integer"))
        if lower in _NUMBER:
            return _Typed(Primitive("number"))
        if lower in _BOOLEAN:
            return _Typed(Primitive("boolean"))
        if lower in _ANY:
            return _Typed(ANY, Nullable.UNKNOWN if lower == "mixed" else Nullable.NO)
        if lower in _LISTS:
            if not t.args:
                return _Typed(ListOf(ANY)) if lower != "array" else _Typed(ANY)
            key = t.args[0] if len(t.args) == 2 else None
            if key is not None and self.is_string_key(key, ctx):
                return _Typed(MapOf(self.convert(t.args[-1], ctx, hint + "Value", depth + 1).type))
            return _Typed(ListOf(self.convert(t.args[-1], ctx, hint + "Item", depth + 1).type))
        if lower == "value-of" and t.args:
            inner = t.args[0]
            if isinstance(inner, TName):
                owner = self.lookup_class(inner.name, ctx)
                if owner is not None and owner.fqn.lower() in self.names:
                    return _Typed(Ref(self.names[owner.fqn.lower()]))
            return _unknown()
        if lower in _SELF:
            return _Typed(Ref(self.names.get(ctx.fqn.lower(), ctx.name)))
        owner = self.lookup_class(name, ctx)
        if owner is not None:
            if owner.fqn.lower() in self.names:
                return _Typed(Ref(self.names[owner.fqn.lower()]))
            return _unknown()  # a class of the SDK that is not a model
        qualified = ctx.file.resolve(name)
        if qualified in _DATE_TIMES or name.lstrip("\\") in _DATE_TIMES:
            return _Typed(Primitive("string", "date-time"))
        self.stats.unresolved[name.lstrip("\\")].append(ctx.name)
        return _unknown()

    def is_string_key(self, key: DocType, ctx: Decl) -> bool:
        members = [m for m, _ in self.flatten(key, ctx, 0)]
        return all(
            (isinstance(m, TName) and m.name.lower() in _STRING)
            or (isinstance(m, TLiteral) and isinstance(m.value, str))
            for m in members
        )

    def inline_object(self, shape: TShape, ctx: Decl, hint: str, depth: int) -> str:
        name = self.allocate(hint)
        fields = []
        for entry in shape.entries:
            assert entry.key is not None
            typed = self.convert(entry.type, ctx, name + _part(entry.key), depth + 1)
            fields.append(_field(entry.key, typed, not entry.optional, ctx.source()))
        self.models[name] = ObjectModel(name, tuple(fields), source=ctx.source(), inline=True)
        return name

    # -- code types: what the factory and constructor say ----------------------------------

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
            if lower in _SELF:
                return _fq(ctx.fqn)
            if lower in _BUILTIN_NAMES or self.alias(t.name, ctx) is not None:
                return None
            owner = self.lookup_class(t.name, ctx)
            if owner is not None and owner.fqn.lower() in self.names:
                return _fq(owner.fqn)
        return None

    def expression_type(
        self, node: Any, decl: Decl, depth: int = 0, assignments: dict[str, list[Any]] | None = None
    ) -> DocType | None:
        """The SDK class an expression of a factory builds (``Foo::from(...)``, a list of them
        through ``array_map``), fully qualified; ``None`` when it builds none."""
        if node is None or depth > 8:
            return None
        kind = node.type
        if kind == "variable_name" and assignments:
            for assigned in assignments.get(text(node), []):
                found = self.expression_type(assigned, decl, depth + 1, assignments)
                if found is not None:
                    return found
            return None
        if kind == "parenthesized_expression" and node.named_children:
            return self.expression_type(node.named_children[0], decl, depth + 1, assignments)
        if kind == "conditional_expression":
            branches = [c for c in node.named_children[1:] if c.type != "null"]
            for branch in branches:
                found = self.expression_type(branch, decl, depth + 1, assignments)
                if found is not None:
                    return found
            return None
        if kind == "binary_expression" and node.named_children:
            return self.expression_type(node.named_children[0], decl, depth + 1, assignments)
        if kind == "match_expression":  # match ($x['type']) { 'a' => A::from($x), ... }
            arms: list[DocType] = []
            block = next((c for c in node.named_children if c.type == "match_block"), None)
            for arm in block.named_children if block is not None else []:
                if arm.type == "match_conditional_expression" and arm.named_children:
                    arm_value = arm.named_children[-1]
                    built = self.expression_type(arm_value, decl, depth + 1, assignments)
                    if built is not None and built not in arms:
                        arms.append(built)
            return (arms[0] if len(arms) == 1 else TUnion(tuple(arms))) if arms else None
        if kind == "scoped_call_expression":
            scope = node.child_by_field_name("scope")
            method = node.child_by_field_name("name")
            if scope is None or method is None:
                return None
            scope_text = text(scope)
            if scope_text.lower() in _SELF:
                return _fq(decl.fqn)
            owner = self.lookup_class(scope_text, decl)
            if owner is not None and owner.fqn.lower() in self.names:
                return _fq(owner.fqn)
            return None
        if kind == "function_call_expression":
            function = node.child_by_field_name("function")
            if function is not None and text(function).lstrip("\\").lower() == "array_map":
                args = node.child_by_field_name("arguments")
                first = _argument_values(args)[:1] if args is not None else []
                if first:
                    body = _callable_result(first[0])
                    item = self.expression_type(body, decl, depth + 1, assignments)
                    if item is not None:
                        return TName("list", (item,))
        return None

    def links(self, decl: Decl) -> list[_Link]:
        """The JSON keys the factory reads, each with the constructor parameter it goes to and
        the type the code gives it, in argument order."""
        found_factory = self.factories.get(decl.fqn.lower())
        if found_factory is None:
            return []
        method, param = found_factory
        variable = "$" + param.name
        body = method.node.child_by_field_name("body")
        if body is None:
            return []
        assignments: dict[str, list[Any]] = defaultdict(list)
        creation = None
        for node in _descendants(body):
            if node.type == "assignment_expression":
                left = node.child_by_field_name("left")
                right = node.child_by_field_name("right")
                if left is not None and right is not None and left.type == "variable_name":
                    assignments[text(left)].append(right)
            elif node.type == "object_creation_expression" and creation is None:
                created = next(
                    (c for c in node.named_children if c.type in ("name", "qualified_name")), None
                )
                if created is not None and (
                    text(created).lower() in _SELF
                    or decl.file.resolve(text(created)).lower() == decl.fqn.lower()
                ):
                    creation = node
        constructor = decl.methods.get("__construct")
        params = constructor.params if constructor is not None else []
        by_name = {p.name: p for p in params}
        arguments = None
        if creation is not None:
            arguments = next((c for c in creation.named_children if c.type == "arguments"), None)
        links: list[_Link] = []
        seen: set[str] = set()
        if arguments is not None:
            position = 0
            for argument in arguments.named_children:
                if argument.type != "argument" or not argument.named_children:
                    continue
                named = argument.child_by_field_name("name")
                value = argument.named_children[-1]
                if named is not None:
                    target = by_name.get(text(named))
                else:
                    target = params[position] if position < len(params) else None
                    position += 1
                keys, defaulted = _keys_read(value, variable, assignments)
                if len(keys) != 1 or keys[0] in seen:
                    continue
                seen.add(keys[0])
                built = self.expression_type(value, decl, 0, assignments)
                links.append(self.link(keys[0], target, value, built, defaulted, decl, constructor))
        # keys read elsewhere in the factory (into local variables used otherwise)
        for node in _descendants(body):
            key = _subscript_key(node, variable)
            if key is not None and key not in seen:
                seen.add(key)
                links.append(_Link(key, None, None, _is_defaulted(node), node.start_point[0] + 1))
        return links

    def link(
        self,
        key: str,
        target: Param | None,
        value: Any,
        built: DocType | None,
        defaulted: bool,
        decl: Decl,
        constructor: Method | None,
    ) -> _Link:
        code: DocType | None = None
        if target is not None:
            declared = None
            if constructor is not None:
                doc = constructor.doc("param", target.name)
                declared = doc[0] if doc is not None else None
            if declared is None:
                prop = next((p for p in decl.props if p.name == target.name), None)
                declared = prop.doc if prop is not None and prop.doc is not None else None
            if declared is None:
                declared = target.native
            code = self.resolved(declared, decl)
            if code is None and declared is not None:
                code = declared if _has_precise_type(declared) else None
        if built is not None and (code is None or self.resolved(code, decl) is None):
            nullable = (
                target is not None
                and target.native is not None
                and (_strip_null(target.native) != target.native)
            )
            code = TUnion((built, NULL)) if nullable else built
        return _Link(key, target, code, defaulted, value.start_point[0] + 1)

    def overlay(
        self, shape_type: DocType, ctx: Decl, code: DocType | None, depth: int = 0
    ) -> DocType:
        """The shape's type (written in ``ctx``), with the classes the code builds where the
        shape describes their objects in place (``errors?: array{...}`` built as
        ``BatchErrors``)."""
        if code is None or depth > 8:
            return shape_type
        bare_code = _merge_lists(_strip_null(code))
        if bare_code is None:
            return shape_type
        if isinstance(shape_type, TName) and not shape_type.args:
            alias = self.alias(shape_type.name, ctx)
            if alias is not None and (alias[1].fqn.lower(), alias[2]) not in self.shape_of:
                body = self.qualify(alias[0], alias[1])
                overlaid = self.overlay(body, alias[1], code, depth + 1)
                return overlaid if overlaid != body else shape_type
        if isinstance(shape_type, TUnion):
            members = [m for m in shape_type.members if not _is_null(m)]
            nulls = [m for m in shape_type.members if _is_null(m)]
            if self.is_enum(bare_code) and all(isinstance(m, TLiteral) for m in members):
                return TUnion((bare_code, *nulls))  # 'a'|'b' read as the SDK's enum
            code_members: list[DocType] = (
                list(bare_code.members) if isinstance(bare_code, TUnion) else [bare_code]
            )
            if len(members) == 1:
                return TUnion((self.overlay(members[0], ctx, bare_code, depth + 1), *nulls))
            if len(members) == len(code_members):
                return TUnion((*self.pair(members, ctx, code_members, depth), *nulls))
            return shape_type
        if isinstance(shape_type, TShape) and isinstance(bare_code, TName):
            if bare_code.name.startswith("\\") and not bare_code.args:
                return bare_code
            return shape_type
        if isinstance(shape_type, TName) and isinstance(bare_code, TName):
            if shape_type.name.lower() in _LISTS and shape_type.args:
                code_item = _item(bare_code)
                if code_item is not None:
                    inner = self.overlay(shape_type.args[-1], ctx, code_item, depth + 1)
                    return TName(shape_type.name, (*shape_type.args[:-1], inner))
                return shape_type
            if bare_code.name.startswith("\\") and not bare_code.args:
                if self.is_enum(bare_code) and shape_type.name.lower() in _STRING | _INTEGER:
                    return bare_code
        return shape_type

    def pair(
        self, members: list[DocType], ctx: Decl, code: list[DocType], depth: int
    ) -> list[DocType]:
        """The members of a union in a shape, each overlaid with the member of the code's
        union with the same tag (the literal of ``type``, or of another one-literal key), else
        the member at the same position."""
        tags = [_shape_tag(m) for m in members]
        code_tags = [self.class_tag(c) for c in code]
        if None not in tags and sorted(map(str, tags)) == sorted(map(str, code_tags)):
            by_tag = dict(zip(code_tags, code, strict=True))
            pairs = zip(members, tags, strict=True)
            return [self.overlay(m, ctx, by_tag[t], depth + 1) for m, t in pairs]
        return [self.overlay(m, ctx, c, depth + 1) for m, c in zip(members, code, strict=True)]

    def class_tag(self, t: DocType) -> str | None:
        """The tag of a fully qualified class of the SDK: its shape's ``type`` literal."""
        if not (isinstance(t, TName) and t.name.startswith("\\")):
            return None
        owner = self.by_fqn.get(t.name[1:].lower())
        shape = self.factory_shape(owner) if owner is not None else None
        return _shape_tag(shape[0]) if shape is not None else None

    def is_enum(self, t: DocType) -> bool:
        """``t`` is a fully qualified enum of the SDK."""
        if not (isinstance(t, TName) and t.name.startswith("\\") and not t.args):
            return False
        convention = self.conventions.get(t.name[1:].lower())
        return convention in ("backed enum", "class-constant enum")

    # -- models ----------------------------------------------------------------------------

    def read(self) -> list[Model]:
        for decl in self.decls:  # first every factory and the aliases that are class shapes
            factory = self.factory(decl) if decl.kind == "class" else None
            if factory is not None:
                self.factories[decl.fqn.lower()] = factory
                self.factory_shape(decl)
        readable = []
        for decl in self.decls:
            convention = self.classify(decl)
            self.conventions[decl.fqn.lower()] = convention
            if convention is not None:
                readable.append((decl, convention))
        self.allocate_class_names([d for d, _ in readable])
        for decl, convention in readable:
            self.stats.conventions[convention] += 1
            name = self.names[decl.fqn.lower()]
            if convention == "backed enum":
                self.models[name] = self.backed_enum(decl, name)
            elif convention == "class-constant enum":
                self.models[name] = self.constant_enum(decl, name)
            elif convention == "array-shape factory":
                self.models[name] = self.shape_object(decl, name)
            elif convention == "keyed factory":
                self.models[name] = self.keyed_object(decl, name)
            elif convention == "union factory":
                self.models[name] = self.union(decl, name)
            else:
                self.models[name] = self.property_object(decl, name)
            self.stats.unreadable += decl.unreadable
        return sorted(self.models.values(), key=lambda m: m.name)

    def backed_enum(self, decl: Decl, name: str) -> EnumModel:
        base: Literal["string", "integer"] = "integer" if decl.enum_base == "int" else "string"
        values = tuple(
            EnumValue(v) for _, v in decl.cases if isinstance(v, str | int | float | bool)
        )
        return EnumModel(name, base, values, source=decl.source())

    def constant_enum(self, decl: Decl, name: str) -> EnumModel:
        constants = self.scalar_constants(decl)
        kind = _literal_kind(constants[0][1]) or "string"
        values = tuple(dict.fromkeys(v for _, v in constants))
        return EnumModel(name, kind, tuple(EnumValue(v) for v in values), source=decl.source())

    def shape_object(self, decl: Decl, name: str) -> ObjectModel:
        found = self.factory_shape(decl)
        assert found is not None
        shape, ctx = found
        method, _ = self.factories[decl.fqn.lower()]
        line = method.doc_line or method.line
        links = {link.key: link for link in self.links(decl)}
        fields = []
        for entry in shape.entries:
            assert entry.key is not None
            link = links.pop(entry.key, None)
            code = link.code if link is not None else None
            # the code's classes are fully qualified: they read the same in the alias's file
            typed = self.convert(self.overlay(entry.type, ctx, code), ctx, name + _part(entry.key))
            fields.append(_field(entry.key, typed, not entry.optional, decl.source(line)))
        for link in links.values():  # read by the factory but missing from its shape
            fields.append(self.link_field(link, decl, name))
        fields = self.constant_values(decl, name, fields)
        return ObjectModel(name, tuple(fields), source=decl.source())

    def union(self, decl: Decl, name: str) -> UnionModel:
        members = self.factory_union(decl) or []
        variants: list[TypeRef] = []
        for member, ctx in members:
            variant = self.convert(member, ctx, self.variant_hint(member, name, variants)).type
            if variant not in variants:
                variants.append(variant)
        return UnionModel(name, tuple(variants), source=decl.source())

    def keyed_object(self, decl: Decl, name: str) -> ObjectModel:
        fields = [self.link_field(link, decl, name) for link in self.links(decl)]
        fields = self.constant_values(decl, name, fields)
        return ObjectModel(name, tuple(fields), source=decl.source())

    def link_field(self, link: _Link, decl: Decl, model: str) -> Field:
        if link.code is None:
            typed = _unknown()
        else:
            typed = self.convert(link.code, decl, model + _part(link.key))
        if link.defaulted and typed.nullable is Nullable.YES:
            typed.nullable = Nullable.UNKNOWN  # `?? null` makes an absent key null
        return _field(link.key, typed, not link.defaulted, decl.source(link.line))

    def property_object(self, decl: Decl, name: str) -> ObjectModel:
        wire = self.written_keys(decl)
        constructor = decl.methods.get("__construct")
        found: dict[str, Field] = {}
        for prop_name, doc_type, line in self.property_tags(decl):
            typed = self.convert(doc_type, decl, name + _part(prop_name))
            found[prop_name] = _field(
                wire.get(prop_name, prop_name), typed, True, decl.source(line)
            )
        for prop in decl.props:
            if not prop.public or prop.static or prop.name in found:
                continue
            declared = prop.doc or prop.native
            typed = self.typed_or_unknown(declared, decl, name + _part(prop.name))
            found[prop.name] = _field(
                wire.get(prop.name, prop.name), typed, not prop.has_default, decl.source(prop.line)
            )
        for param in constructor.params if constructor is not None else []:
            if not (param.promoted and param.public) or param.name in found:
                continue
            doc = constructor.doc("param", param.name) if constructor is not None else None
            declared = doc[0] if doc is not None else param.native
            typed = self.typed_or_unknown(declared, decl, name + _part(param.name))
            key = wire.get(param.name, param.name)
            found[param.name] = _field(key, typed, not param.has_default, decl.source(param.line))
        if any(prop not in wire for prop in found):
            self.stats.property_names.append(name)
        fields = self.constant_values(decl, name, list(found.values()))
        return ObjectModel(name, tuple(fields), source=decl.source())

    def typed_or_unknown(self, t: DocType | None, ctx: Decl, hint: str) -> _Typed:
        return self.convert(t, ctx, hint) if t is not None else _unknown()

    def written_keys(self, decl: Decl) -> dict[str, str]:
        """Property name -> the JSON key ``toArray()`` / ``jsonSerialize()`` writes it under."""
        found: dict[str, str] = {}
        for method_name in ("toarray", "jsonserialize"):
            method = decl.methods.get(method_name)
            if method is None:
                continue
            for node in _descendants(method.node):
                if node.type != "array_element_initializer" or len(node.named_children) != 2:
                    continue
                key_node, value = node.named_children
                if key_node.type != "string":
                    continue
                key = text(key_node)[1:-1]
                for inner in [value, *_descendants(value)]:
                    if inner.type in (
                        "member_access_expression",
                        "nullsafe_member_access_expression",
                    ):
                        obj = inner.child_by_field_name("object")
                        member = inner.child_by_field_name("name")
                        if obj is not None and member is not None and text(obj) == "$this":
                            found.setdefault(text(member), key)
                            break
            if found:
                break
        return found

    def constant_values(self, decl: Decl, model: str, fields: list[Field]) -> list[Field]:
        """Fields typed by a primitive whose values the class lists as constants named after
        them (``STATUS_ACTIVE`` for ``status``) get an inline enum of those values."""
        constants = self.scalar_constants(decl)
        if not constants:
            return fields
        result = []
        for f in fields:
            prefix = upper_snake(f.name) + "_"
            values = [v for n, v in constants if n.startswith(prefix)]
            kinds = {_literal_kind(v) for v in values}
            base = kinds.pop() if len(kinds) == 1 else None
            if base is not None and isinstance(f.type, Primitive) and f.type.kind == base:
                name = self.allocate(model + _part(f.name))
                self.models[name] = EnumModel(
                    name,
                    base,
                    tuple(EnumValue(v) for v in dict.fromkeys(values)),
                    source=f.source,
                    inline=True,
                )
                f = replace(f, type=Ref(name))
            result.append(f)
        return result

    # -- diagnostics -----------------------------------------------------------------------

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        where = Source(str(path))
        found = []
        read = ", ".join(f"{n} by {c}" for c, n in sorted(self.stats.conventions.items()))
        found.append(Diagnostic(f"read {read}", where, "php-sdk"))
        for reason, names in sorted(self.stats.skipped.items()):
            found.append(
                Diagnostic(f"skipped {len(names)} {reason}: {_examples(names)}", where, "skipped")
            )
        if self.stats.qualified:
            found.append(
                Diagnostic(
                    f"{len(self.stats.qualified)} classes share a name with a class of another"
                    " namespace and are named with their namespace below the common one:"
                    f" {_examples(self.stats.qualified)}",
                    where,
                    "qualified",
                )
            )
        if self.stats.unresolved:
            names = sorted(self.stats.unresolved)
            uses = sum(len(v) for v in self.stats.unresolved.values())
            found.append(
                Diagnostic(
                    f"{uses} uses of {len(names)} types not found in the folder, read as any"
                    f" JSON: {_examples(names)}",
                    where,
                    "unresolved",
                )
            )
        if self.stats.unreadable:
            found.append(
                Diagnostic(
                    f"{self.stats.unreadable} PHPDoc or PHP types not read (read as any JSON)",
                    where,
                    "unreadable",
                )
            )
        if self.stats.property_names:
            found.append(
                Diagnostic(
                    f"{len(self.stats.property_names)} classes name fields by their PHP"
                    " properties, not JSON keys, so JSON keys are not compared:"
                    f" {_examples(self.stats.property_names)}",
                    where,
                    "property-names",
                )
            )
        return found


_BUILTIN_NAMES = (
    _STRING | _INTEGER | _NUMBER | _BOOLEAN | _LISTS | _ANY | _SELF
    | frozenset({"null", "void", "value-of", "key-of", "int-range"})
)  # fmt: skip


_ABSENCE_CHECKS = frozenset({"isset", "empty", "array_key_exists"})
_PROPERTY_TAGS = frozenset(
    f"{prefix}{tag}"
    for prefix in ("", "phpstan-", "psalm-")
    for tag in ("property", "property-read", "property-write")
)


def _is_bool_literal(t: DocType) -> bool:
    return isinstance(t, TName) and t.name.lower() in ("true", "false")


def _number_kind(t: DocType) -> str | None:
    if isinstance(t, TName) and t.name.lower() in _INTEGER:
        return "integer"
    if isinstance(t, TName) and not t.args and t.name.lower() in _NUMBER:
        return "number"
    return None


def _shape_tag(t: DocType) -> str | None:
    """The string literal of a shape's ``type`` key."""
    if isinstance(t, TShape):
        for entry in t.entries:
            if entry.key == "type" and isinstance(entry.type, TLiteral):
                return str(entry.type.value)
    return None


def _merge_lists(t: DocType | None) -> DocType | None:
    """``A[]|B[]`` (a loose spelling of a list of either) -> ``list<A|B>``."""
    if not isinstance(t, TUnion):
        return t
    items = [_item(m) for m in t.members]
    if all(item is not None for item in items):
        return TName("list", (TUnion(tuple(i for i in items if i is not None)),))
    return t


def _item(t: DocType) -> DocType | None:
    """The item (value) type of a list or map type."""
    if isinstance(t, TName) and t.name.lower() in _LISTS and t.args:
        return t.args[-1]
    return None


def _has_precise_type(t: DocType) -> bool:
    """A declared type that says more than ``array`` / ``mixed``."""
    bare = _strip_null(t)
    vague = ("array", "mixed", "iterable")
    return not (isinstance(bare, TName) and not bare.args and bare.name.lower() in vague)


def _field(name: str, typed: _Typed, required: bool, source: Source) -> Field:
    return Field(
        name=name,
        type=typed.type,
        required=required,
        nullable=typed.nullable,
        const=Const(typed.const) if typed.has_const else None,
        source=source,
    )


def _examples(names: list[str], limit: int = 5) -> str:
    unique = sorted(set(names))
    shown = ", ".join(unique[:limit])
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


def _descendants(node: Any) -> list[Any]:
    """Every named node under ``node``, in source order, not entering nested functions."""
    found = []
    stack = list(reversed(node.named_children))
    while stack:
        current = stack.pop()
        found.append(current)
        if current.type in ("anonymous_function", "arrow_function", "function_definition"):
            continue
        stack.extend(reversed(current.named_children))
    return found


def _subscript_key(node: Any, variable: str) -> str | None:
    """``'key'`` of ``$variable['key']``."""
    if node.type != "subscript_expression" or len(node.named_children) < 2:
        return None
    base, index = node.named_children[0], node.named_children[1]
    if text(base) != variable or index.type not in ("string", "encapsed_string"):
        return None
    value = literal(index)
    return value if isinstance(value, str) else None


def _is_defaulted(node: Any) -> bool:
    """A read that tolerates an absent key: under ``??``, ``isset()``, ``array_key_exists()``
    or ``empty()``."""
    current = node.parent
    for _ in range(6):
        if current is None:
            return False
        if current.type == "binary_expression" and any(c.type == "??" for c in current.children):
            return True
        if current.type == "function_call_expression":
            function = current.child_by_field_name("function")
            if function is not None and text(function).lower() in _ABSENCE_CHECKS:
                return True
        current = current.parent
    return False


def _keys_read(
    value: Any, variable: str, assignments: dict[str, list[Any]]
) -> tuple[list[str], bool]:
    """The keys of ``$variable`` an argument reads (following local variables once), and
    whether any read tolerates an absent key."""
    keys: list[str] = []
    defaulted = False
    pending = [value]
    followed: set[str] = set()
    while pending:
        node = pending.pop()
        for inner in [node, *_descendants(node)]:
            key = _subscript_key(inner, variable)
            if key is not None:
                if key not in keys:
                    keys.append(key)
                defaulted = defaulted or _is_defaulted(inner)
            elif (
                inner.type == "function_call_expression"
                and text(inner.child_by_field_name("function") or inner).lower()
                == "array_key_exists"
            ):
                args = inner.child_by_field_name("arguments")
                values = _argument_values(args) if args is not None else []
                if len(values) == 2 and text(values[1]) == variable:
                    name = literal(values[0])
                    if isinstance(name, str):
                        if name not in keys:
                            keys.append(name)
                        defaulted = True
            elif inner.type == "variable_name":
                name = text(inner)
                if name != variable and name in assignments and name not in followed:
                    followed.add(name)
                    pending.extend(assignments[name])
    return keys, defaulted


def _argument_values(arguments: Any) -> list[Any]:
    return [
        a.named_children[-1]
        for a in arguments.named_children
        if a.type == "argument" and a.named_children
    ]


def _callable_result(node: Any) -> Any | None:
    """The expression an arrow function returns (or a closure's first ``return``)."""
    if node.type == "arrow_function":
        return node.child_by_field_name("body")
    if node.type == "anonymous_function":
        body = node.child_by_field_name("body")
        for inner in _descendants(body) if body is not None else []:
            if inner.type == "return_statement" and inner.named_children:
                return inner.named_children[0]
    if node.type == "scoped_call_expression":  # Foo::from(...), a first-class callable
        return node
    return None


def load(path: Path, options: LoadOptions) -> ModelSet:
    if not detect(path):
        raise ModelgenError("no PHP files here", Source(str(path)))
    scanned = scan(path)
    reader = _Reader(scanned.decls)
    models = reader.read()
    knows = KNOWS if reader.stats.property_names else KNOWS | {"wire_names"}
    diagnostics = reader.diagnostics(path)
    for rel, reason in scanned.unread_files:
        diagnostics.append(Diagnostic(f"not read: {reason}", Source(rel), "skipped"))
    return ModelSet(
        tuple(models), Source(str(path)), knows=frozenset(knows), diagnostics=tuple(diagnostics)
    )
