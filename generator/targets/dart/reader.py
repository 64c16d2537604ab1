"""Reading modelgen-generated Dart back into a :class:`ModelSet` (for ``modelgen parity``).

The folder is a package the Dart emitter wrote: ``pubspec.yaml`` with modelgen's header and
``lib/src/*.dart`` part files. Declarations are found with tree-sitter's Dart grammar; each
model carries ``@FromSchema('Name', ...)`` with its schema name. Fields come from ``toJson``
(wire names, and required: written unconditionally) and the ``final`` declarations (types);
unions from the discriminator ``switch`` or the wrapper subclasses; enums from their members.

What Dart code cannot say is left out of :attr:`ModelSet.knows`: formats other than date-time,
defaults, constraints, descriptions, read/write-only and operations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
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
    resolve,
)
from generator.sources import LoadOptions
from generator.targets.dart import markers

KNOWS = frozenset({"nullable", "enum_values", "composition", "deprecated"})

_LITERAL = r"'(?:[^'\\\n]|\\.)*'"
_ENTRY = re.compile(rf"^ *(?:if \((\w+) != null\)\s*)?({_LITERAL}): (\w+)", re.M)
_FIELD = re.compile(r"^  ((?:@Deprecated\((?:.|\n)*?\)\n  )?)final (.+)\s+(\w+);$", re.M)
# A case of a family's switch statement, or of a wrapper's switch expression (either may be
# broken over lines where too long).
_CASE = re.compile(
    rf"^ *(?:case ({_LITERAL}):\n *return (\w+)\.fromJson\(\s*json,?\s*\);"
    rf"|({_LITERAL}) =>\s+\w+\(\s*(\w+)\.fromJson\(\s*json,?\s*\),?\s*\),)$",
    re.M,
)
_SWITCH = re.compile(rf"switch \(json\[({_LITERAL})\]\)")
# A variant a family tries when no variant carries the tag alone, in order.
_TRIED = re.compile(rf"^ +\(\s*(?:{_LITERAL}|null),\s*(\w+)\.fromJson,?\s*\),$", re.M)
_MEMBER = re.compile(r"^  (\w+)\(\s*(.*?),?\s*\)[,;]$", re.M)
_VALUE_TYPE = re.compile(r"^  final (\w+) value;$", re.M)
_PRIMITIVES: dict[str, TypeRef] = {
    "String": Primitive("string"),
    "DateTime": Primitive("string", "date-time"),
    "int": Primitive("integer"),
    "double": Primitive("number"),
    "num": Primitive("number"),
    "bool": Primitive("boolean"),
    "Object": ANY,
}
_FROM_SCHEMA = re.compile(rf"@{markers.FROM_SCHEMA}\(\s*({_LITERAL})((?:.|\n)*?)\)$", re.M)
_TITLE = re.compile(
    rf"^/// {re.escape(markers.TITLE_PREFIX)}(.*){re.escape(markers.TITLE_SUFFIX)}$", re.M
)
_ENUM_BASES = {"String": "string", "int": "integer", "num": "number", "bool": "boolean"}


def detect(path: Path) -> bool:
    pubspec = path / markers.PUBSPEC
    if not path.is_dir() or not pubspec.is_file():
        return False
    return markers.MARK in pubspec.read_text(encoding="utf-8", errors="replace")[:200]


def unescape(literal: str) -> str:
    """The value of a single-quoted Dart string literal as the emitter writes them."""
    simple = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v"}
    out: list[str] = []
    body = literal[1:-1]
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\" or i + 1 == len(body):
            out.append(char)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u" and body[i + 2 : i + 3] == "{":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3 : end], 16)))
            i = end + 1
        elif nxt == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        else:
            out.append(simple.get(nxt, nxt))
            i += 2
    return "".join(out)


@dataclass
class _Decl:
    """One declaration of a part file: its kind, Dart name, annotation and text."""

    kind: str  # class, enum, typedef
    name: str
    text: str
    header: str
    source: Source
    schema: str | None = None
    bases: tuple[str, ...] = ()
    any_of: bool = False
    inferred: bool = False  # the union's discriminator was inferred
    nullable: bool = False
    base: str | None = None  # an enum whose values do not fit one Dart type
    deprecated: bool = False
    subclasses: list[_Decl] = field(default_factory=list)


def _annotation(decl: _Decl, text: str) -> None:
    match = _FROM_SCHEMA.search(text)
    if match is None:
        return
    decl.schema = unescape(match.group(1))
    rest = match.group(2)
    bases = re.search(rf"{markers.ARG_BASES}: \[((?:.|\n)*?)\]", rest)
    if bases:
        decl.bases = tuple(unescape(b) for b in re.findall(_LITERAL, bases.group(1)))
    decl.any_of = f"{markers.ARG_ANY_OF}: true" in rest
    decl.inferred = f"{markers.ARG_INFERRED}: true" in rest
    base = re.search(rf"{markers.ARG_BASE}: ({_LITERAL})", rest)
    decl.base = unescape(base.group(1)) if base else None
    decl.nullable = f"{markers.ARG_NULLABLE}: true" in rest


def _declarations(path: Path, text: str) -> list[_Decl]:
    from generator.treesitter import parse, problems

    tree = parse("dart", text)
    issues = problems(tree)
    if issues:
        raise ModelgenError(f"not valid Dart: {issues[0]}", Source(str(path)))
    data = text.encode()
    found: list[_Decl] = []
    for node in tree.root_node.named_children:
        kind = {"class_definition": "class", "enum_declaration": "enum", "type_alias": "typedef"}
        if node.type not in kind:
            continue
        body_text = data[node.start_byte : node.end_byte].decode()
        name_node = node.child_by_field_name("name")
        if name_node is None:
            names = [c for c in node.named_children if c.type in ("type_identifier", "identifier")]
            name_node = names[0] if names else None
        if name_node is None:
            continue
        body = node.child_by_field_name("body")
        end = body.start_byte if body is not None else node.end_byte
        header = data[node.start_byte : end].decode()
        decl = _Decl(
            kind[node.type],
            (name_node.text or b"").decode(),
            body_text,
            header,
            Source(str(path), line=node.start_point[0] + 1),
        )
        _annotation(decl, header)
        decl.deprecated = "@Deprecated(" in header
        # Annotations before a typedef are siblings in this grammar.
        previous = node.prev_named_sibling
        while node.type == "type_alias" and previous is not None:
            if previous.type != "annotation" and previous.type != "marker_annotation":
                break
            prior = (previous.text or b"").decode()
            _annotation(decl, prior) if decl.schema is None else None
            decl.deprecated = decl.deprecated or prior.startswith("@Deprecated(")
            previous = previous.prev_named_sibling
        found.append(decl)
    return found


class _Reader:
    def __init__(self, decls: list[_Decl]) -> None:
        self.decls = decls
        self.schemas: dict[str, str] = {}  # Dart type name -> schema name
        by_name = {d.name: d for d in decls}
        for decl in decls:
            if decl.schema is not None:
                self.schemas[decl.name] = decl.schema
            if decl.kind == "enum" and decl.schema is not None:
                value_class = re.search(r"^enum \w+\s+implements (\w+)", decl.header, re.M)
                if value_class:
                    self.schemas[value_class.group(1)] = decl.schema
            parent = re.search(r"^final class \w+\s+extends (\w+)", decl.header, re.M)
            if parent and parent.group(1) in by_name:
                by_name[parent.group(1)].subclasses.append(decl)

    def type_of(self, dart: str, where: Source) -> TypeRef:
        dart = dart.strip().removesuffix("?")
        if dart.startswith("List<") and dart.endswith(">"):
            return ListOf(self.type_of(dart[5:-1], where))
        if dart.startswith("Map<String, ") and dart.endswith(">"):
            return MapOf(self.type_of(dart[12:-1], where))
        if dart in _PRIMITIVES:
            return _PRIMITIVES[dart]
        if dart in self.schemas:
            return Ref(self.schemas[dart])
        raise ModelgenError(f"unknown Dart type {dart!r}", where)

    def model(self, decl: _Decl) -> Model | None:
        if decl.schema is None:
            return None
        nullable = Nullable.YES if decl.nullable else Nullable.NO
        if decl.kind == "typedef" and decl.base is not None:  # an enum without its values
            return EnumModel(
                decl.schema,
                decl.base,  # type: ignore[arg-type]
                None,
                nullable=nullable,
                deprecated=decl.deprecated,
                source=decl.source,
            )
        if decl.kind == "typedef":
            target = re.search(r"^typedef \w+ =\s+(.+);$", decl.text, re.M)
            if target is None:
                raise ModelgenError("typedef not written by modelgen", decl.source)
            return AliasModel(
                decl.schema,
                self.type_of(target.group(1), decl.source),
                nullable=nullable,
                deprecated=decl.deprecated,
                source=decl.source,
            )
        if decl.kind == "enum":
            return self._enum(decl, decl.schema, nullable)
        if re.search(r"^sealed class ", decl.header, re.M):
            return self._union(decl, decl.schema, nullable)
        return self._object(decl, decl.schema, nullable)

    def _enum(self, decl: _Decl, schema: str, nullable: Nullable) -> EnumModel:
        value_type = _VALUE_TYPE.search(decl.text)
        dart_type = value_type.group(1) if value_type else "String"
        values = tuple(EnumValue(_scalar(m.group(2))) for m in _MEMBER.finditer(decl.text))
        base = decl.base or _ENUM_BASES.get(dart_type, "string")
        return EnumModel(
            schema,
            base,  # type: ignore[arg-type]
            values,
            nullable=nullable,
            deprecated=decl.deprecated,
            source=decl.source,
        )

    def _union(self, decl: _Decl, schema: str, nullable: Nullable) -> UnionModel:
        switch = _SWITCH.search(decl.text)
        variants: list[TypeRef] = []
        discriminator = None
        if switch is not None:
            mapping: list[tuple[str, str]] = []
            for match in _CASE.finditer(decl.text):
                literal, dart = match.group(1, 2) if match.group(1) else match.group(3, 4)
                target = self.schemas.get(dart, dart)
                mapping.append((unescape(literal), target))
                if Ref(target) not in variants:
                    variants.append(Ref(target))
            discriminator = Discriminator(
                unescape(switch.group(1)), tuple(sorted(mapping)), inferred=decl.inferred
            )
            tried: list[TypeRef] = [
                Ref(self.schemas.get(dart, dart)) for dart in _TRIED.findall(decl.text)
            ]
            variants = tried or variants  # the fallback lists every variant, in spec order
        if decl.subclasses:  # a wrapper: its subclasses say the variants and their order
            variants = []
            for sub in decl.subclasses:
                value = re.search(r"^  final (.+)\s+value;$", sub.text, re.M)
                if value is None:
                    raise ModelgenError("union variant without a value", sub.source)
                variants.append(self.type_of(value.group(1), sub.source))
        return UnionModel(
            schema,
            tuple(variants),
            discriminator,
            exclusive=not decl.any_of,
            nullable=nullable,
            deprecated=decl.deprecated,
            source=decl.source,
        )

    def _object(self, decl: _Decl, schema: str, nullable: Nullable) -> ObjectModel:
        to_json = decl.text.find("toJson() =>")
        if to_json < 0:
            raise ModelgenError("class without toJson", decl.source)
        entries: dict[str, tuple[str, bool]] = {}  # Dart name -> (wire name, required)
        body_end = decl.text.find("\n  };", to_json)
        for match in _ENTRY.finditer(decl.text, to_json, body_end):
            guard, wire, value = match.groups()
            entries[guard or value] = (unescape(wire), guard is None)
        fields: list[Field] = []
        for match in _FIELD.finditer(decl.text):
            annotation, dart_type, name = match.groups()
            if name not in entries:
                continue
            wire, required = entries[name]
            field_nullable = Nullable.NO
            if dart_type.startswith(f"{markers.PRESENT}<") and dart_type.endswith(">?"):
                dart_type = dart_type[len(markers.PRESENT) + 1 : -2]
                field_nullable = Nullable.YES
            elif required and dart_type.endswith("?"):
                field_nullable = Nullable.YES
            line = decl.source.line or 1
            source = Source(decl.source.file, line=line + decl.text[: match.start()].count("\n"))
            fields.append(
                Field(
                    wire,
                    self.type_of(dart_type, source),
                    required,
                    nullable=field_nullable,
                    deprecated=bool(annotation),
                    source=source,
                )
            )
        return ObjectModel(
            schema,
            tuple(fields),
            bases=decl.bases,
            nullable=nullable,
            deprecated=decl.deprecated,
            source=decl.source,
        )


def _scalar(literal: str) -> str | int | float | bool:
    literal = literal.strip()
    if literal.startswith("'"):
        return unescape(literal)
    if literal in ("true", "false"):
        return literal == "true"
    try:
        return int(literal)
    except ValueError:
        return float(literal)


def _free_form_null_unknown(models: list[Model]) -> list[Model]:
    """A free-form value is ``Object?`` in Dart whether the schema allows null or not (null
    is a JSON value; the emitter asks :class:`~generator.ir.FreeFormNull` ``ADMITS``), so the
    ``?`` of a field whose type is, or names an alias of, a free-form value states nothing:
    its nullability is unknown."""
    by_name = {m.name: m for m in models}
    result: list[Model] = []
    for model in models:
        if isinstance(model, ObjectModel):
            fields = tuple(
                replace(f, nullable=Nullable.UNKNOWN)
                if f.nullable is Nullable.YES and _free_form(f.type, by_name)
                else f
                for f in model.fields
            )
            model = replace(model, fields=fields)
        result.append(model)
    return result


def _free_form(t: TypeRef, by_name: dict[str, Model]) -> bool:
    end, _ = resolve(t, by_name.get)
    return isinstance(end, Primitive) and end.kind == "any"


def load(path: Path, options: LoadOptions) -> ModelSet:

    if not detect(path):
        raise ModelgenError("not a Dart package written by modelgen", Source(str(path)))
    src = path / markers.PARTS_DIR
    if not src.is_dir():
        raise ModelgenError(f"no {markers.PARTS_DIR} folder", Source(str(path)))
    decls: list[_Decl] = []
    for file in sorted(src.glob("*.dart")):
        if markers.is_support_file(file.name):
            continue
        decls += _declarations(file, file.read_text(encoding="utf-8"))
    reader = _Reader(decls)
    models = _free_form_null_unknown([m for m in (reader.model(d) for d in decls) if m is not None])
    title = None
    for library in sorted((path / markers.LIBRARY_DIR).glob("*.dart")):
        match = _TITLE.search(library.read_text(encoding="utf-8"))
        if match:
            title = match.group(1)
    return ModelSet(
        models=tuple(sorted(models, key=lambda m: m.name)),
        source=Source(str(path)),
        title=title,
        knows=KNOWS,
    )
