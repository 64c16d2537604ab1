"""Reading Dart model code that modelgen did not write (an SDK written by hand, or by freezed,
json_serializable or another generator) into a :class:`ModelSet`, by convention, for
``modelgen parity``. Source kind ``dart-sdk``: a folder of ``.dart`` files (or one file).

Nothing is executed: files are parsed with tree-sitter (declarations: :mod:`.sdk_syntax`;
``fromJson`` / ``toJson`` bodies: :mod:`.sdk_bodies`) and these conventions are read; build
outputs (``*.g.dart``, ``*.freezed.dart``) are not, the files beside them say it all:

- **freezed**: a class annotated ``@freezed`` / ``@Freezed(...)`` / ``@unfreezed`` with one
  redirecting factory (``factory X({...}) = _X;``) is an object; its parameters are the
  fields (``@JsonKey(name: ...)``, ``@Default(...)``). With several factories it is a
  union: each factory with named parameters is a variant object named by its redirect
  (``= ResponseFormatText``; ``= _Circle`` is ``Circle``), and the union key
  (``@Freezed(unionKey: 'type')``, else freezed's ``runtimeType``) with
  ``@FreezedUnionValue('x')`` or the factory name in ``unionValueCase`` gives the
  discriminator; the key is a required field of each variant with that constant
  and no default (freezed always writes it and its ``fromJson`` needs it), unless the variant
  declares a parameter of that name without a default: the variant's ``fromJson`` /
  ``toJson`` then read and write what the caller gives, as declared. A factory with one
  positional parameter wraps a value (an untagged union's variant: its type), and a default
  ``Wrapper(value)`` is that value.
- **json_serializable**: ``@JsonSerializable(...)`` classes (or classes calling
  ``_$XFromJson`` / ``_$XToJson``): instance fields, those of superclasses in the folder too;
  ``@JsonKey(name:, required:, disallowNullValue:, defaultValue:, includeFromJson:,
  includeToJson:, ignore:)``, ``fieldRename``; required and defaults from the constructor.
- **plain classes** with ``fromJson`` / ``toJson``: the wire names are the keys of the
  ``toJson`` map (a literal value is a constant field; ``...super.toJson()`` adds the
  superclass's) and, for fields ``toJson`` does not write, the ``json['key']`` reads of
  ``fromJson`` passed to the constructor. A field is required when the constructor requires
  it, or when ``toJson`` writes it unconditionally and its type is not ``T?``.
- **sealed families**: a ``sealed`` class (or an abstract one whose ``fromJson`` dispatches)
  with subclasses in the folder is a union of them; the discriminator comes from the parent's
  ``fromJson`` (``switch (json['type'])``, a switch expression, ``if (json['type'] == 'x')``),
  whose picks are then the variants (a fallback subclass for unknown values is not one), or
  from a constant entry every subclass's ``toJson`` writes.
- **enums**: ``@JsonValue(x)`` on a constant, else ``@JsonEnum(valueField: 'f')``, else the
  value field of an enhanced enum (the field ``toJson`` returns, one named ``value``, or its
  only field), else the constant's name (``@JsonEnum(fieldRename:)`` applied).
- **typedefs** of data types (``typedef Ids = List<String>;``) are aliases.

How ``T?`` maps: Dart's ``?`` means "may be absent or null" and cannot tell which. A
``required`` (or mandatory positional) parameter or field of type ``T?`` is required and
nullable; an optional one is not required and its nullability is unknown; a type without
``?`` is not nullable (``@JsonKey(disallowNullValue: true)`` also says so). ``includeIfNull``
changes nothing: leaving null out of the JSON an SDK writes says nothing of what the API
accepts. Free-form values (``dynamic``, ``Object?``) are the only way to type any JSON, so
their nullability is unknown. A model's own nullability is unknown.

What these conventions cannot say is left out of :attr:`ModelSet.knows`: formats (an ``int``
may be ``int64`` or a Unix time), constraints, read/write-only and operations. Descriptions
are the doc comments. ``build.yaml`` options (a global ``field_rename``) are not read.

Whatever is not one of these conventions is skipped and counted, never fatal: the counts and
reasons are :class:`Diagnostic` s of the result, as are files that do not parse cleanly (read
as far as tree-sitter recovers) and files over the size limit.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Diagnostic,
    Discriminator,
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
from generator.sources.reading import read_limited
from generator.targets.dart import sdk_bodies as bodies
from generator.targets.dart import sdk_syntax as syntax
from generator.targets.dart.sdk_syntax import (
    UNKNOWN,
    AliasDecl,
    Annotation,
    ClassDecl,
    Constructor,
    DartType,
    EnumDecl,
    EnumRef,
    FieldDecl,
    Param,
    Unknown,
    Value,
    Wrapped,
)

if TYPE_CHECKING:
    from tree_sitter import Node

    from generator.sources import LoadOptions

KNOWS = frozenset(
    {
        "nullable",
        "enum_values",
        "composition",
        "defaults",
        "wire_names",
        "deprecated",
        "descriptions",
    }
)
MAX_FILE_BYTES = 5_000_000
# build_runner's outputs: derived from the files beside them, which say everything they do.
GENERATED_SUFFIXES = (".g.dart", ".freezed.dart")
_SKIP_DIRS = frozenset({".dart_tool", "build", ".git", ".pub-cache", "node_modules"})
_DETECT_LIMIT = 5000  # directory entries detect() looks at, at most

_SCALARS: dict[str, TypeRef] = {
    "String": Primitive("string"),
    "int": Primitive("integer"),
    "BigInt": Primitive("integer"),
    "double": Primitive("number"),
    "num": Primitive("number"),
    "bool": Primitive("boolean"),
    "DateTime": Primitive("string", "date-time"),
    "Uri": Primitive("string", "uri"),
    "Uint8List": Primitive("string", "binary"),
}
_FREE_FORM = frozenset({"dynamic", "Object", "JsonValue", "JsonObject"})
_LISTS = frozenset({"List", "Iterable", "Set"})
_FREEZED = frozenset({"freezed", "Freezed", "unfreezed"})


# --- finding the files ------------------------------------------------------------------------


def dart_files(path: Path, limit: int | None = None) -> list[Path]:
    """The ``.dart`` files under ``path`` (sorted; hidden and build folders left out); with
    ``limit``, stop after looking at that many directory entries."""
    if path.is_file():
        return [path] if path.suffix == ".dart" else []
    found: list[Path] = []
    seen = 0
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            seen += 1
            if name.endswith(".dart"):
                found.append(Path(folder) / name)
                if limit is not None:
                    return found
        seen += len(dirs)
        if limit is not None and seen > limit:
            break
    return sorted(found)


def detect(path: Path) -> bool:
    """Any ``.dart`` file, or a folder holding one. Detection order puts this kind last among
    Dart sources: modelgen's own package (``dart-code``) and OpenAPI Generator's model folder
    (``openapi-generator``) are recognised first."""
    return bool(dart_files(path, limit=_DETECT_LIMIT))


# --- naming conventions -----------------------------------------------------------------------

_UPPER = re.compile(r"[A-Z]")


def _fix_case(name: str, separator: str) -> str:
    """json_serializable's and freezed's case change: a separator before every capital."""

    def lower(match: re.Match[str]) -> str:
        low = match.group(0).lower()
        return separator + low if match.start() > 0 else low

    return _UPPER.sub(lower, name)


def renamed(name: str, rule: str | None) -> str:
    """``createdAt`` under ``FieldRename`` / ``FreezedUnionCase`` ``rule`` (``snake``,
    ``kebab``, ``pascal``, ``screamingSnake``, ``none``)."""
    if rule == "snake":
        return _fix_case(name, "_")
    if rule == "kebab":
        return _fix_case(name, "-")
    if rule == "screamingSnake":
        return _fix_case(name, "_").upper()
    if rule == "pascal":
        return name[:1].upper() + name[1:]
    return name


def _rule(value: Value) -> str | None:
    """``FieldRename.snake`` -> ``snake``."""
    return value.member if isinstance(value, EnumRef) else None


def _annotation(annotations: list[Annotation], *names: str) -> Annotation | None:
    return next((a for a in annotations if a.name in names), None)


def _deprecated(annotations: list[Annotation]) -> bool:
    return _annotation(annotations, "Deprecated", "deprecated") is not None


# --- the reader -------------------------------------------------------------------------------


@dataclass
class _WireField:
    """What a convention says about one field before it becomes a :class:`Field`."""

    dart_name: str
    wire: str
    spelling: str | None
    required: bool
    default: Value | None  # None: no default written
    annotations: list[Annotation]
    line: int
    doc: str | None = None
    const: Value | None = None


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.classes: dict[str, ClassDecl] = {}
        self.enums: dict[str, EnumDecl] = {}
        self.aliases: dict[str, AliasDecl] = {}
        self.models: dict[str, Model] = {}
        self.read: Counter[str] = Counter()  # convention -> models read
        self.skipped: dict[str, list[str]] = {}  # reason -> declarations skipped
        self.notes: Counter[str] = Counter()  # field-level things this reader could not read
        self.diagnostics: list[Diagnostic] = []
        self.enum_values: dict[tuple[str, str], str | int | float | bool] = {}
        self.wrappers: set[str] = set()  # classes of freezed variants that hold one value

    # --- collecting ---

    def add_file(self, file: Path) -> None:
        rel = file.name if self.root.is_file() else file.relative_to(self.root).as_posix()
        try:
            data = read_limited(file, MAX_FILE_BYTES, Source(str(file)))
        except ModelgenError as error:
            self.diagnostics.append(Diagnostic(f"{error.message}; skipped", Source(str(file))))
            return
        from generator.treesitter import parse, problems

        tree = parse("dart", data)
        issues = problems(tree)
        if issues:
            where, _, what = issues[0].partition(": ")
            self.diagnostics.append(
                Diagnostic(
                    f"does not parse cleanly ({len(issues)} problems; read as far as"
                    f" tree-sitter recovers): {what}",
                    Source(str(file), line=int(where.split(":")[0])),
                    code="parse",
                )
            )
        for decl in syntax.declarations(tree.root_node, rel):
            if not decl.name:
                continue
            if decl.name in self.classes or decl.name in self.enums or decl.name in self.aliases:
                self.skip("a second declaration of the same name", decl.name)
                continue
            if isinstance(decl, ClassDecl):
                self.classes[decl.name] = decl
            elif isinstance(decl, EnumDecl):
                self.enums[decl.name] = decl
            else:
                self.aliases[decl.name] = decl

    def skip(self, reason: str, name: str) -> None:
        self.skipped.setdefault(reason, []).append(name)

    # --- reading ---

    def run(self) -> None:
        for enum in self.enums.values():
            self.add(self._enum(enum), "enum")
        for alias in self.aliases.values():
            if alias.type is None:
                self.skip("a typedef of a function type", alias.name)
                continue
            typ = self.type_of(syntax.parse_type(alias.type))
            self.add(
                AliasModel(
                    alias.name,
                    typ,
                    nullable=Nullable.UNKNOWN,
                    description=alias.doc,
                    deprecated=_deprecated(alias.annotations),
                    source=Source(alias.file, line=alias.line),
                ),
                "typedef",
            )
        children: dict[str, list[ClassDecl]] = {}
        for cls in self.classes.values():
            if _annotation(cls.annotations, *_FREEZED) is not None:
                self.wrappers.update(
                    str(c.redirect) for c in cls.constructors if _wraps(c) and c.redirect
                )
            for parent in {cls.extends, *cls.implements} - {None}:
                children.setdefault(str(parent), []).append(cls)
        for cls in self.classes.values():
            self._class(cls, children.get(cls.name, []))
        known = set(self.models)
        for model in self.models.values():
            for name in _refs(model):
                if name not in known:
                    self.notes["references to a type not read from the folder"] += 1

    def add(self, model: Model, convention: str) -> None:
        if model.name in self.models:
            self.skip("a second declaration of the same name", model.name)
            return
        self.models[model.name] = model
        self.read[convention] += 1

    def _class(self, cls: ClassDecl, subclasses: list[ClassDecl]) -> None:
        if cls.kind != "class":
            self.skip(
                f"{'an' if cls.kind == 'extension' else 'a'} {cls.kind}, not a class", cls.name
            )
        elif "JsonConverter" in cls.implements or cls.extends == "JsonConverter":
            self.skip("a JSON converter (implements JsonConverter)", cls.name)
        elif cls.name.startswith("_"):
            self.skip("a private class", cls.name)
        elif _annotation(cls.annotations, *_FREEZED) is not None:
            self._freezed(cls)
        elif subclasses and self._is_family(cls):
            self._family(cls, subclasses)
        elif self._is_json_serializable(cls):
            self.add(self._object(cls, self._serializable_fields(cls)), "json_serializable")
        elif cls.method("fromJson") is not None or cls.method("toJson") is not None:
            self.add(self._object(cls, self._plain_fields(cls)), "fromJson/toJson")
        else:
            self.skip(
                "no JSON convention (no fromJson, toJson or serialization annotation)", cls.name
            )

    # --- enums ---

    def _enum(self, enum: EnumDecl) -> EnumModel:
        json_enum = _annotation(enum.annotations, "JsonEnum")
        rename = _rule(json_enum.value("fieldRename")) if json_enum else None
        value_field = self._value_field(enum, json_enum)
        position = _field_position(enum.constructors, value_field) if value_field else None
        values: list[EnumValue] = []
        nullable = Nullable.UNKNOWN
        unknown = False
        for constant in enum.constants:
            json_value = _annotation(constant.annotations, "JsonValue")
            if json_value is not None:
                value = json_value.value()
            elif value_field is not None:
                value = _argument(constant.arguments, constant.named, value_field, position)
            else:
                value = renamed(constant.name, rename)
            if value is None:
                nullable = Nullable.YES
                continue
            if not isinstance(value, str | int | float | bool):
                unknown = True
                continue
            self.enum_values[(enum.name, constant.name)] = value
            values.append(EnumValue(value, constant.doc))
        if unknown:
            self.notes["enums whose values are not constants (values unknown)"] += 1
        return EnumModel(
            enum.name,
            _enum_base([v.value for v in values]),
            None if unknown else tuple(values),
            nullable=nullable,
            description=enum.doc,
            deprecated=_deprecated(enum.annotations),
            source=Source(enum.file, line=enum.line),
        )

    def _value_field(self, enum: EnumDecl, json_enum: Annotation | None) -> str | None:
        if json_enum is not None:
            named = json_enum.value("valueField")
            if isinstance(named, str):
                return named
        instance = [f for f in enum.fields if not f.static]
        if not instance:
            return None
        names = {f.name for f in instance}
        to_json = next((m for m in enum.methods if m.name == "toJson"), None)
        if to_json is not None and to_json.body is not None:
            returned = bodies.returned_identifier(to_json.body)
            if returned in names:
                return returned
        if "value" in names:
            return "value"
        return instance[0].name if len(instance) == 1 else None

    # --- freezed ---

    def _freezed(self, cls: ClassDecl) -> None:
        factories = [c for c in cls.constructors if c.factory and c.redirect is not None]
        if not factories:
            self.skip("a freezed class without a redirecting factory", cls.name)
            return
        if len(factories) == 1 and not _wraps(factories[0]):
            fields = self._factory_fields(cls, factories[0])
            self.add(self._object(cls, fields), "freezed")
            return
        config = _annotation(cls.annotations, "Freezed")
        key = config.value("unionKey") if config is not None else UNKNOWN
        key = key if isinstance(key, str) else "runtimeType"
        case = _rule(config.value("unionValueCase")) if config is not None else None
        variants: list[TypeRef] = []
        mapping: list[tuple[str, str]] = []
        objects = 0
        for factory in factories:
            if _wraps(factory):
                spelling = factory.params[0].type or "dynamic"
                variants.append(self.type_of(syntax.parse_type(spelling)))
                continue
            name = str(factory.redirect).lstrip("_")  # `= _Circle`: the variant Circle
            union_value = _annotation(factory.annotations, "FreezedUnionValue")
            value = union_value.value() if union_value is not None else UNKNOWN
            if not isinstance(value, str):
                value = "default" if factory.name is None else renamed(factory.name, case)
            fields = self._factory_fields(cls, factory)
            if not any(f.wire == key for f in fields):
                fields.insert(0, _WireField(key, key, "String", True, None, [], factory.line))
            for f in fields:
                # freezed writes the key, and its fromJson needs it; a parameter of that name
                # the caller must give (no default) is written as given, not as the value.
                if f.wire == key and (f.default is not None or f.spelling == "String"):
                    f.required, f.const, f.default = True, value, None
            variant = ObjectModel(
                name,
                tuple(self.field(f, cls.file) for f in fields),
                nullable=Nullable.UNKNOWN,
                description=factory.doc,
                deprecated=_deprecated(factory.annotations),
                source=Source(cls.file, line=factory.line),
            )
            self.add(variant, "freezed union variant")
            variants.append(Ref(name))
            mapping.append((value, name))
            objects += 1
        discriminator = None
        if objects == len(factories):
            discriminator = Discriminator(key, tuple(sorted(mapping)))
        self.add(
            UnionModel(
                cls.name,
                tuple(variants),
                discriminator,
                nullable=Nullable.UNKNOWN,
                description=cls.doc,
                deprecated=_deprecated(cls.annotations),
                source=Source(cls.file, line=cls.line),
            ),
            "freezed union",
        )

    def _factory_fields(self, cls: ClassDecl, factory: Constructor) -> list[_WireField]:
        serializable = _annotation(factory.annotations + cls.annotations, "JsonSerializable")
        rename = _rule(serializable.value("fieldRename")) if serializable else None
        fields: list[_WireField] = []
        for param in factory.params:
            default = _annotation(param.annotations, "Default")
            value = default.value() if default is not None else None
            if default is None and param.default is not None:
                value = syntax.expression(param.default)
            wire = self._wire(param.name, param.annotations, rename)
            if wire is None:
                continue
            fields.append(
                _WireField(
                    param.name,
                    wire,
                    param.type,
                    param.required and default is None,
                    value,
                    param.annotations,
                    param.line,
                    param.doc,
                )
            )
        return fields

    def _wire(self, name: str, annotations: list[Annotation], rename: str | None) -> str | None:
        """The JSON key of a field, or None when ``@JsonKey`` leaves it out of JSON."""
        key = _annotation(annotations, "JsonKey")
        if key is not None:
            if key.value("ignore") is True or (
                key.value("includeFromJson") is False and key.value("includeToJson") is False
            ):
                self.notes["fields left out of JSON by @JsonKey"] += 1
                return None
            named = key.value("name")
            if isinstance(named, str):
                return named
        return renamed(name, rename)

    # --- sealed families ---

    def _is_family(self, cls: ClassDecl) -> bool:
        if "sealed" in cls.modifiers:
            return True
        return "abstract" in cls.modifiers and self._dispatch(cls) is not None

    def _dispatch(self, cls: ClassDecl) -> tuple[str, list[tuple[str, str]]] | None:
        from_json = cls.method("fromJson")
        if from_json is None or from_json.body is None or from_json.param is None:
            return None
        return bodies.dispatch(from_json.body, from_json.param, self.classes)

    def _family(self, cls: ClassDecl, subclasses: list[ClassDecl]) -> None:
        names = [s.name for s in subclasses]
        dispatch = self._dispatch(cls)
        discriminator = None
        if dispatch:
            key, pairs = dispatch
            mapping = tuple(sorted((v, n) for v, n in pairs if n in names))
            discriminator = Discriminator(key, mapping)
            # The variants are the classes fromJson picks (not a fallback for unknown values).
            picked = [n for n in names if any(n == target for _, target in mapping)]
            if picked:
                left = len(names) - len(picked)
                if left:
                    self.notes["subclasses a family's fromJson never picks (not variants)"] += left
                names = picked
        else:  # a constant entry every subclass's toJson writes
            constants = [self._constants(s) for s in subclasses]
            shared = set.intersection(*(set(c) for c in constants))
            if shared:
                key = sorted(shared)[0]
                mapping = tuple(sorted((c[key], s) for c, s in zip(constants, names, strict=True)))
                discriminator = Discriminator(key, mapping)
        self.add(
            UnionModel(
                cls.name,
                tuple(Ref(n) for n in names),
                discriminator,
                nullable=Nullable.UNKNOWN,
                description=cls.doc,
                deprecated=_deprecated(cls.annotations),
                source=Source(cls.file, line=cls.line),
            ),
            "sealed family",
        )

    def _constants(self, cls: ClassDecl) -> dict[str, str]:
        written = self._written(cls, count=False)
        return {k: e.const for k, e in written.items() if isinstance(e.const, str)}

    # --- json_serializable ---

    def _is_json_serializable(self, cls: ClassDecl) -> bool:
        if _annotation(cls.annotations, "JsonSerializable") is not None:
            return True
        for name in ("fromJson", "toJson"):
            method = cls.method(name)
            if method is not None and method.body is not None:
                if f"_${cls.name}{name[0].upper()}{name[1:]}" in syntax.text(method.body):
                    return True
        return False

    def _ancestors(self, cls: ClassDecl) -> list[ClassDecl]:
        chain: list[ClassDecl] = []
        parent = self.classes.get(cls.extends or "")
        while parent is not None and parent not in chain and parent is not cls:
            chain.insert(0, parent)
            parent = self.classes.get(parent.extends or "")
        return chain

    def _instance_fields(self, cls: ClassDecl) -> list[FieldDecl]:
        fields: list[FieldDecl] = []
        for owner in [*self._ancestors(cls), cls]:
            fields += [f for f in owner.fields if not f.static]
        return fields

    def _serializable_fields(self, cls: ClassDecl) -> list[_WireField]:
        config = _annotation(cls.annotations, "JsonSerializable")
        rename = _rule(config.value("fieldRename")) if config else None
        wanted = config.value("constructor") if config else UNKNOWN
        params = _params_by_name(cls, wanted if isinstance(wanted, str) else "")
        fields: list[_WireField] = []
        for decl in self._instance_fields(cls):
            wire = self._wire(decl.name, decl.annotations, rename)
            if wire is None:
                continue
            param = params.get(decl.name)
            key = _annotation(decl.annotations, "JsonKey")
            default: Value | None = key.value("defaultValue") if key else None
            if isinstance(default, Unknown):
                default = None
            if default is None and param is not None and param.default is not None:
                default = syntax.expression(param.default)
            fields.append(
                _WireField(
                    decl.name,
                    wire,
                    decl.type or (param.type if param else None),
                    param is not None and param.required,
                    default,
                    decl.annotations,
                    decl.line,
                    decl.doc,
                )
            )
        return fields

    # --- plain fromJson / toJson ---

    def _plain_fields(self, cls: ClassDecl) -> list[_WireField]:
        declared = {f.name: f for f in self._instance_fields(cls)}
        params = _params_by_name(cls, "")
        written = self._written(cls)
        fields: list[_WireField] = []
        for wire, entry in written.items():
            if entry.field is None:
                spelling = _literal_type(entry.const)
                fields.append(
                    _WireField(wire, wire, spelling, True, None, [], entry.line, const=entry.const)
                )
                continue
            always = not entry.conditional
            fields.append(
                self._plain_field(entry.field, wire, declared, params, always, entry.line)
            )
        from_json = cls.method("fromJson")
        if from_json is None or from_json.body is None or from_json.param is None:
            return fields
        taken = {f.dart_name for f in fields}
        positional = [p.name for p in _constructor(cls, "").params if not p.named] if params else []
        reads = bodies.from_json_reads(from_json.body, from_json.param, positional, params)
        for name, (wire, line) in reads.items():
            if name not in taken and wire not in written:
                fields.append(self._plain_field(name, wire, declared, params, False, line))
        return fields

    def _plain_field(
        self,
        name: str,
        wire: str,
        declared: dict[str, FieldDecl],
        params: dict[str, Param],
        written_always: bool,
        line: int,
    ) -> _WireField:
        decl = declared.get(name)
        param = params.get(name)
        spelling = (decl.type if decl else None) or (param.type if param else None)
        # Required: the constructor needs it, or toJson always writes it (never null).
        always = written_always and spelling is not None and not spelling.endswith("?")
        required = (param is not None and param.required) or always
        default = syntax.expression(param.default) if param and param.default else None
        return _WireField(
            name,
            wire,
            spelling,
            required,
            default,
            decl.annotations if decl else [],
            decl.line if decl else line,
            decl.doc if decl else None,
        )

    def _written(self, cls: ClassDecl, count: bool = True) -> dict[str, bodies.Entry]:
        """The entries of ``toJson`` of ``cls`` (and of its superclass, for
        ``...super.toJson()``), by JSON key."""
        method = cls.method("toJson")
        if method is None or method.body is None:
            return {}
        names = {f.name for f in self._instance_fields(cls)}
        written = bodies.to_json_entries(method.body, names)
        if count and written.unread:
            self.notes["toJson entries whose field this reader cannot tell"] += written.unread
        parent = self.classes.get(cls.extends or "")
        if written.spreads_super and parent is not None and parent is not cls:
            return {**self._written(parent, count), **written.entries}
        return written.entries

    # --- fields and types ---

    def _object(self, cls: ClassDecl, fields: list[_WireField]) -> ObjectModel:
        config = _annotation(cls.annotations, "JsonSerializable")
        closed = config is not None and config.value("disallowUnrecognizedKeys") is True
        parents = [a.name for a in self._ancestors(cls)]
        return ObjectModel(
            cls.name,
            tuple(self.field(f, cls.file) for f in fields),
            bases=tuple(p for p in parents[-1:]),
            closed=closed,
            nullable=Nullable.UNKNOWN,
            description=cls.doc,
            deprecated=_deprecated(cls.annotations),
            source=Source(cls.file, line=cls.line),
        )

    def field(self, wire: _WireField, file: str) -> Field:
        parsed = syntax.parse_type(wire.spelling) if wire.spelling else None
        if parsed is None:
            self.notes["fields without a written type (read as any JSON)"] += 1
            parsed = DartType("dynamic")
        typ = self.type_of(parsed)
        key = _annotation(wire.annotations, "JsonKey")
        required = wire.required or (key is not None and key.value("required") is True)
        if key is not None and key.value("disallowNullValue") is True:
            nullable = Nullable.NO
        elif typ == ANY:
            nullable = Nullable.UNKNOWN
        elif parsed.nullable:
            nullable = Nullable.YES if required else Nullable.UNKNOWN
        else:
            nullable = Nullable.NO
        default = wire.default
        if isinstance(typ, ListOf) and default == {}:
            default = []  # `const {}` for a Set is an empty set
        return Field(
            wire.wire,
            typ,
            required,
            nullable=nullable,
            default=self._const(default),
            const=self._const(wire.const),
            deprecated=_deprecated(wire.annotations),
            description=wire.doc,
            source=Source(file, line=wire.line),
        )

    def _const(self, value: Value | None) -> Const | None:
        if value is None:
            return None
        resolved = self._json(value)
        if isinstance(resolved, Unknown):
            self.notes["defaults that are not constants (left out)"] += 1
            return None
        return Const(resolved)

    def _json(self, value: Value) -> JsonValue | Unknown:
        if isinstance(value, EnumRef):
            return self.enum_values.get((value.type, value.member), UNKNOWN)
        if isinstance(value, Wrapped):
            return self._json(value.value) if value.type in self.wrappers else UNKNOWN
        if isinstance(value, list):
            items = [self._json(v) for v in value]
            return UNKNOWN if any(isinstance(i, Unknown) for i in items) else items  # type: ignore[return-value]
        if isinstance(value, dict):
            pairs = {k: self._json(v) for k, v in value.items()}
            if any(isinstance(v, Unknown) for v in pairs.values()):
                return UNKNOWN
            return pairs  # type: ignore[return-value]
        return value

    def type_of(self, dart: DartType) -> TypeRef:
        if not dart.name:
            self.notes["function or record types (read as any JSON)"] += 1
            return ANY
        if dart.name in _FREE_FORM:
            return ANY
        if dart.name in _SCALARS:
            return _SCALARS[dart.name]
        if dart.name in _LISTS:
            item = self.type_of(dart.args[0]) if dart.args else ANY
            return ListOf(item, unique=dart.name == "Set")
        if dart.name == "Map":
            return MapOf(self.type_of(dart.args[1]) if len(dart.args) == 2 else ANY)
        return Ref(dart.name)


# --- small helpers ----------------------------------------------------------------------------


def _refs(model: Model) -> list[str]:
    from generator.ir.query import model_refs

    return list(model_refs(model, mapping_targets=False))


def _constructor(cls: ClassDecl, name: str) -> Constructor:
    wanted = name or None
    for ctor in cls.constructors:
        if ctor.name == wanted and not ctor.factory:
            return ctor
    plain = [c for c in cls.constructors if not c.factory]
    return plain[0] if plain else cls.constructors[0]


def _wraps(factory: Constructor) -> bool:
    """A freezed factory holding one positional value (an untagged union's variant)."""
    return len(factory.params) == 1 and not factory.params[0].named


def _params_by_name(cls: ClassDecl, name: str) -> dict[str, Param]:
    if not cls.constructors:
        return {}
    return {p.name: p for p in _constructor(cls, name).params}


def _field_position(constructors: list[Constructor], field_name: str) -> int | None:
    for ctor in constructors:
        positional = [p for p in ctor.params if not p.named]
        for index, param in enumerate(positional):
            if param.name == field_name:
                return index
    return None


def _argument(
    positional: list[list[Node]], named: dict[str, list[Node]], name: str, index: int | None
) -> Value:
    if name in named:
        return syntax.expression(named[name])
    if index is not None and index < len(positional):
        return syntax.expression(positional[index])
    return UNKNOWN


def _literal_type(value: Value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        return "List<dynamic>"
    if isinstance(value, dict):
        return "Map<String, dynamic>"
    return "dynamic"


def _enum_base(values: list[object]) -> Literal["string", "integer", "number", "boolean"]:
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "integer"
    if kinds and kinds <= {int, float}:
        return "number"
    return "string"


# --- entry point ------------------------------------------------------------------------------


def load(path: Path, options: LoadOptions) -> ModelSet:
    files = dart_files(path)
    if not files:
        raise ModelgenError("no .dart files here", Source(str(path)))
    reader = _Reader(path)
    generated = 0
    for file in files:
        if file.name.endswith(GENERATED_SUFFIXES):
            generated += 1
            continue
        reader.add_file(file)
    reader.run()
    return ModelSet(
        models=tuple(sorted(reader.models.values(), key=lambda m: m.name)),
        source=Source(str(path)),
        knows=KNOWS,
        diagnostics=tuple(reader.diagnostics) + _summary(reader, path, len(files), generated),
    )


def _summary(reader: _Reader, path: Path, files: int, generated: int) -> tuple[Diagnostic, ...]:
    where = Source(str(path))
    read = ", ".join(f"{n} {kind}" for kind, n in sorted(reader.read.items()))
    lines = [
        Diagnostic(
            f"read {len(reader.models)} models from {files - generated} files ({read or 'none'});"
            f" {generated} build_runner outputs (.g.dart, .freezed.dart) not read",
            where,
            code="read",
        )
    ]
    for reason, names in sorted(reader.skipped.items()):
        sample = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        lines.append(
            Diagnostic(f"skipped {len(names)}: {reason} ({sample})", where, code="skipped")
        )
    for note, count in sorted(reader.notes.items()):
        lines.append(Diagnostic(f"{count} {note}", where, code="unread"))
    return tuple(lines)
