"""Reads PHP model code that modelgen did not write (an SDK written by hand or by another
generator) into a ModelSet, by convention rather than by author (the ``php-sdk`` source kind,
for ``modelgen parity``). Declarations are scanned with tree-sitter-php (:mod:`.sdk_scan`),
PHPDoc parsed by :mod:`.phpdoc`, types mapped to the IR by :mod:`.sdk_types`, factory bodies
read by :mod:`.sdk_code`; nothing is executed.

The conventions, per class-like declaration:

- **array-shape factory** (openai-php/client): a static ``from*(array $attributes)`` whose
  ``@param`` types ``$attributes`` with an array shape, written in place or as a
  ``@phpstan-type`` / ``@psalm-type`` alias (imported ones too). The shape's keys are the JSON
  keys, ``key?:`` is optional, ``?T`` / ``T|null`` is nullable. Where the shape describes a
  nested object in place and the factory builds a class of the SDK for that key (``Foo::from(
  $attributes['key'])``, ``array_map(fn ... => Foo::from(...), $attributes['key'])``, or a
  constructor parameter typed ``Foo`` / ``array<int, Foo>``), the field refers to that class;
  a type alias that is a class's own shape refers to that class anywhere it is used. A key
  the shape requires but the factory reads with ``??`` or under ``isset`` is optional, and of
  unknown nullability (the code takes the key absent or null alike).
- **union factory**: such a factory whose ``@param`` is a union of other classes' shapes (a
  class wrapping one of several objects) is a union of those classes.
- **keyed factory**: a factory without a shape: the keys it reads (``$attributes['key']``)
  are the fields, typed by the constructor parameters they are passed to; a key read with
  ``??`` or under ``isset`` is optional (and, read with ``?? null``, of unknown nullability).
- **typed properties**: public properties, promoted constructor parameters and ``@property``
  tags, typed by ``@var`` / ``@param`` / ``@property`` or the declared type; a property with a
  default is optional. The JSON keys are the keys ``toArray()`` / ``jsonSerialize()`` writes
  the properties under, else the property names (and then ``knows`` lacks ``wire_names``).
- **backed enums** (``enum Status: string``) and **class-constant enums** (a class declaring
  only scalar constants of one type); in a model class, constants named after a field
  (``const STATUS_ACTIVE = 'active'`` for ``status``) are that field's values.

Names are the class names without namespace; a name declared in several namespaces is
qualified (``Responses\\Chat\\CreateResponse``, the namespace below the one all classes
share). Interfaces, traits, exceptions, pure enums, value objects built from a scalar
(``from(string $key)``) and classes with no public data are skipped and counted
(diagnostics), as are types the reader cannot resolve (read as any JSON, nullability unknown).
Formats, defaults, constraints, descriptions and deprecation are not read (``knows`` says so).
Each model's source is its file, relative to the folder read, and the line of its declaration.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from generator.errors import ModelgenError
from generator.ir import (
    Diagnostic,
    EnumModel,
    EnumValue,
    Field,
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
from generator.naming import upper_snake
from generator.sources import LoadOptions
from generator.targets.php import phpdoc
from generator.targets.php.phpdoc import DocType, TName, TShape, TUnion
from generator.targets.php.sdk_code import Link, links, overlay, shape_tag, written_keys
from generator.targets.php.sdk_scan import Decl, Method, Param, php_files, scan
from generator.targets.php.sdk_types import (
    BOOLEANS,
    INTEGERS,
    NUMBERS,
    STRINGS,
    Typed,
    Types,
    is_null,
    literal_kind,
    make_field,
    part,
    unknown,
)

KNOWS = frozenset({"nullable", "enum_values", "composition"})
_FACTORY_ARRAY_TYPES = frozenset({"array", "iterable"})
_PROPERTY_TAGS = frozenset(
    f"{prefix}{tag}"
    for prefix in ("", "phpstan-", "psalm-")
    for tag in ("property", "property-read", "property-write")
)


def detect(path: Path) -> bool:
    """A ``.php`` file, or a folder with one somewhere under it (the readers of modelgen's own
    PHP and of OpenAPI Generator's come first; this one reads any PHP)."""
    if path.is_file():
        return path.suffix == ".php"
    return path.is_dir() and next(php_files(path), None) is not None


@dataclass
class _Stats:
    conventions: Counter[str] = field(default_factory=Counter)
    skipped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unreadable: int = 0
    property_names: list[str] = field(default_factory=list)  # objects keyed by PHP names
    qualified: list[str] = field(default_factory=list)  # names declared in several namespaces


class _Reader:
    def __init__(self, decls: list[Decl]) -> None:
        self.stats = _Stats()
        self.decls: list[Decl] = []
        seen: set[str] = set()
        for decl in decls:
            if decl.broken:
                self.stats.skipped["syntax errors in the declaration"].append(decl.name)
            elif decl.fqn.lower() in seen:
                self.stats.skipped["declared again (the first declaration is read)"].append(
                    decl.name
                )
            else:
                seen.add(decl.fqn.lower())
                self.decls.append(decl)
        self.types = Types(self.decls)
        self.factories: dict[str, tuple[Method, Param]] = {}  # fqn (lower) -> from() and array
        self.union_members: dict[str, list[tuple[DocType, Decl]] | None] = {}

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
        kinds = {literal_kind(v) for _, v in constants}
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
                    STRINGS | INTEGERS | NUMBERS | BOOLEANS
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
        members = [(m, c) for m, c in self.types.flatten(doc[0], decl, 0) if not is_null(m)]
        classes = [m for m, _ in members if isinstance(m, TName) and m.name.startswith("\\")]
        if len(members) < 2 or not classes:
            return None
        t, ctx = doc[0], decl  # the aliases naming this union name this class
        while isinstance(t, TName) and not t.args and (alias := self.types.alias(t.name, ctx)):
            t, ctx, name = alias
            key = (ctx.fqn.lower(), name)
            if key[0] == own or key not in self.types.shape_of:
                self.types.shape_of[key] = own
        self.union_members[own] = members
        return members

    def _is_exception(self, decl: Decl) -> bool:
        seen = 0
        parent = decl.extends
        while parent is not None and seen < 16:
            bare = parent.rsplit("\\", 1)[-1]
            if bare in ("Exception", "Error", "Throwable") or bare.endswith("Exception"):
                return True
            owner = self.types.by_fqn.get(parent.lower())
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
                shapes = [m for m in t.members if isinstance(m, TShape | TName) and not is_null(m)]
                shapes = [m for m in shapes if not (isinstance(m, TName) and m.name == "string")]
                t = shapes[0] if len(shapes) == 1 else None
            if isinstance(t, TShape):
                keyed = t.kind in ("array", "object") and all(e.key is not None for e in t.entries)
                if not (keyed and t.entries):
                    return None
                for key in chain:  # each alias is this class's shape: its own, else the first
                    if key[0] == decl.fqn.lower() or key not in self.types.shape_of:
                        self.types.shape_of[key] = decl.fqn.lower()
                return t, ctx
            if isinstance(t, TName) and not t.args:
                alias = self.types.alias(t.name, ctx)
                if alias is None:
                    return None
                t, ctx, name = alias
                chain.append((ctx.fqn.lower(), name))
                continue
            return None
        return None

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
                self.types.names[decl.fqn.lower()] = model_name
                self.types.used.add(model_name)
        self.stats.qualified = sorted(
            self.types.names[d.fqn.lower()] for g in by_name.values() if len(g) > 1 for d in g
        )

    def read(self) -> list[Model]:
        for decl in self.decls:  # first every factory and the aliases that are class shapes
            factory = self.factory(decl) if decl.kind == "class" else None
            if factory is not None:
                self.factories[decl.fqn.lower()] = factory
                shape = self.factory_shape(decl)
                tag = shape_tag(shape[0]) if shape is not None else None
                if tag is not None:
                    self.types.tags[decl.fqn.lower()] = tag
        readable = []
        for decl in self.decls:
            convention = self.classify(decl)
            self.types.conventions[decl.fqn.lower()] = convention
            if convention is not None:
                readable.append((decl, convention))
        self.allocate_class_names([d for d, _ in readable])
        for decl, convention in readable:
            self.stats.conventions[convention] += 1
            name = self.types.names[decl.fqn.lower()]
            if convention == "backed enum":
                self.types.models[name] = self.backed_enum(decl, name)
            elif convention == "class-constant enum":
                self.types.models[name] = self.constant_enum(decl, name)
            elif convention == "array-shape factory":
                self.types.models[name] = self.shape_object(decl, name)
            elif convention == "keyed factory":
                self.types.models[name] = self.keyed_object(decl, name)
            elif convention == "union factory":
                self.types.models[name] = self.union(decl, name)
            else:
                self.types.models[name] = self.property_object(decl, name)
            self.stats.unreadable += decl.unreadable
        return sorted(self.types.models.values(), key=lambda m: m.name)

    def backed_enum(self, decl: Decl, name: str) -> EnumModel:
        base: Literal["string", "integer"] = "integer" if decl.enum_base == "int" else "string"
        values = tuple(
            EnumValue(v) for _, v in decl.cases if isinstance(v, str | int | float | bool)
        )
        return EnumModel(name, base, values, source=decl.source())

    def constant_enum(self, decl: Decl, name: str) -> EnumModel:
        constants = self.scalar_constants(decl)
        kind = literal_kind(constants[0][1]) or "string"
        values = tuple(dict.fromkeys(v for _, v in constants))
        return EnumModel(name, kind, tuple(EnumValue(v) for v in values), source=decl.source())

    def shape_object(self, decl: Decl, name: str) -> ObjectModel:
        found = self.factory_shape(decl)
        assert found is not None
        shape, ctx = found
        method, _ = self.factories[decl.fqn.lower()]
        line = method.doc_line or method.line
        links = {link.key: link for link in self.read_links(decl)}
        fields = []
        for entry in shape.entries:
            assert entry.key is not None
            link = links.pop(entry.key, None)
            code = link.code if link is not None else None
            # the code's classes are fully qualified: they read the same in the alias's file
            typed = self.types.convert(
                overlay(self.types, entry.type, ctx, code), ctx, name + part(entry.key)
            )
            # a key the factory reads under isset() or with ??: the code takes it absent too
            overridden = not entry.optional and link is not None and link.defaulted
            if overridden:  # the shape says the key is there; the code takes it absent or null
                typed.nullable = Nullable.UNKNOWN
            required = not entry.optional and not overridden
            fields.append(make_field(entry.key, typed, required, decl.source(line)))
        for link in links.values():  # read by the factory but missing from its shape
            fields.append(self.link_field(link, decl, name))
        fields = self.constant_values(decl, name, fields)
        return ObjectModel(name, tuple(fields), source=decl.source())

    def union(self, decl: Decl, name: str) -> UnionModel:
        members = self.factory_union(decl) or []
        variants: list[TypeRef] = []
        for member, ctx in members:
            variant = self.types.convert(
                member, ctx, self.types.variant_hint(member, name, variants)
            ).type
            if variant not in variants:
                variants.append(variant)
        return UnionModel(name, tuple(variants), source=decl.source())

    def keyed_object(self, decl: Decl, name: str) -> ObjectModel:
        fields = [self.link_field(link, decl, name) for link in self.read_links(decl)]
        fields = self.constant_values(decl, name, fields)
        return ObjectModel(name, tuple(fields), source=decl.source())

    def read_links(self, decl: Decl) -> list[Link]:
        found = self.factories.get(decl.fqn.lower())
        return links(self.types, decl, *found) if found is not None else []

    def link_field(self, link: Link, decl: Decl, model: str) -> Field:
        if link.code is None:
            typed = unknown()
        else:
            typed = self.types.convert(link.code, decl, model + part(link.key))
        if link.defaulted and typed.nullable is Nullable.YES:
            typed.nullable = Nullable.UNKNOWN  # `?? null` makes an absent key null
        return make_field(link.key, typed, not link.defaulted, decl.source(link.line))

    def property_object(self, decl: Decl, name: str) -> ObjectModel:
        wire = written_keys(decl)
        constructor = decl.methods.get("__construct")
        found: dict[str, Field] = {}
        for prop_name, doc_type, line in self.property_tags(decl):
            typed = self.types.convert(doc_type, decl, name + part(prop_name))
            found[prop_name] = make_field(
                wire.get(prop_name, prop_name), typed, True, decl.source(line)
            )
        for prop in decl.props:
            if not prop.public or prop.static or prop.name in found:
                continue
            declared = prop.doc or prop.native
            typed = self.typed_or_unknown(declared, decl, name + part(prop.name))
            found[prop.name] = make_field(
                wire.get(prop.name, prop.name), typed, not prop.has_default, decl.source(prop.line)
            )
        for param in constructor.params if constructor is not None else []:
            if not (param.promoted and param.public) or param.name in found:
                continue
            doc = constructor.doc("param", param.name) if constructor is not None else None
            declared = doc[0] if doc is not None else param.native
            typed = self.typed_or_unknown(declared, decl, name + part(param.name))
            key = wire.get(param.name, param.name)
            found[param.name] = make_field(
                key, typed, not param.has_default, decl.source(param.line)
            )
        if any(prop not in wire for prop in found):
            self.stats.property_names.append(name)
        fields = self.constant_values(decl, name, list(found.values()))
        return ObjectModel(name, tuple(fields), source=decl.source())

    def typed_or_unknown(self, t: DocType | None, ctx: Decl, hint: str) -> Typed:
        return self.types.convert(t, ctx, hint) if t is not None else unknown()

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
            kinds = {literal_kind(v) for v in values}
            base = kinds.pop() if len(kinds) == 1 else None
            if base is not None and isinstance(f.type, Primitive) and f.type.kind == base:
                name = self.types.allocate(model + part(f.name))
                self.types.models[name] = EnumModel(
                    name,
                    base,
                    tuple(EnumValue(v) for v in dict.fromkeys(values)),
                    source=f.source,
                    inline=True,
                )
                f = replace(f, type=Ref(name))
            result.append(f)
        return result

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        where = Source(str(path))
        found = []
        counts = sorted(self.stats.conventions.items())
        read = ", ".join(f"{n} by {convention}" for convention, n in counts)
        total = sum(self.stats.conventions.values())
        found.append(Diagnostic(f"read {total} declarations: {read}", where, "php-sdk"))
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
        if self.types.unresolved:
            names = sorted(self.types.unresolved)
            uses = sum(len(v) for v in self.types.unresolved.values())
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


def _examples(names: list[str], limit: int = 5) -> str:
    unique = sorted(set(names))
    shown = ", ".join(unique[:limit])
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


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
