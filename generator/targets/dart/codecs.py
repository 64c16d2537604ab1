"""Dart type mapping and escaping: how every IR type is spelled, read from decoded JSON and
written back (a :class:`Codec`), the class names of a model set and what follows from them
(:class:`Plan`), and the escaping of spec text into Dart string literals and doc comments."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import cache

from generator import naming
from generator.ir import (
    AliasModel,
    EnumModel,
    EnumValue,
    FreeFormNull,
    JsonValue,
    ListOf,
    MapOf,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    resolve,
    type_nullable,
    type_refs,
)
from generator.targets.dart.names import (
    class_allocator,
    class_name,
    enum_member_names,
    member_name,
)
from generator.targets.dart.views import DartEnumMember, DartField

_PLAIN = re.compile(r"[ !#%&(-\[\]-~]*")  # printable ASCII but for \ ' $

# --- text ------------------------------------------------------------------------------------


def doc_lines(text: str | None) -> tuple[str, ...]:
    """``///`` lines for spec text. Dart line comments end only at a line break, and
    :func:`naming.clean_text` spells every line break ``\\n``, so nothing can leave them.
    ASCII only, like all Dart output (:func:`naming.ascii_text`: other characters as
    ``\\u{...}``); ``/*`` is written ``/\\*`` (the same in dartdoc's Markdown), which
    tree-sitter's Dart grammar would otherwise read as a block comment left open."""
    if not text:
        return ()
    text = naming.ascii_text(naming.clean_text(text), _comment_escape).replace("/*", "/\\*")
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return tuple(f"/// {line}" if line else "///" for line in lines)


def _comment_escape(char: str) -> str:
    return f"\\u{{{ord(char):x}}}"


def string_literal(text: str) -> str:
    """A single-quoted Dart literal whose value is ``text``: no interpolation (``$`` escaped),
    ASCII only (everything else as ``\\u{...}``)."""
    if _PLAIN.fullmatch(text):
        return f"'{text}'"
    out: list[str] = ["'"]
    for char in text:
        code = ord(char)
        if char in "\\'$":
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code >= 0x7F:
            out.append(f"\\u{{{code:x}}}")
        else:
            out.append(char)
    out.append("'")
    return "".join(out)


def json_literal(value: JsonValue) -> str | None:
    """A const Dart expression for a JSON scalar, or None where there is no exact one."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if abs(value) < 2**63 else None
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else None
    if isinstance(value, str):
        return string_literal(value)
    return None


# --- types -----------------------------------------------------------------------------------

PLACEHOLDER = "\x00"  # stands for the JSON expression in a Codec's ``decode``


@dataclass(frozen=True)
class Codec:
    """How one type is spelled, read from ``dynamic`` and written to JSON. ``encode`` is a
    suffix applied to a non-null value (``.toJson()``), "" when the value is written as is."""

    type: str
    decode: str  # with PLACEHOLDER for the JSON expression
    encode: str = ""
    cast: bool = False  # decode is a plain ``x as T`` (so ``x as T?`` reads a nullable one)
    deep: bool = False  # == must compare deeply

    def read(self, json: str) -> str:
        """The expression reading ``json`` as this type."""
        return self.decode.replace(PLACEHOLDER, json)


class Plan:
    """The decisions about a whole model set that every declaration depends on: the class name
    of each model (and of the helper classes allocated as declarations are built), which unions
    are families of object classes, which enums have a value class, which aliases are cyclic,
    and each type's :class:`Codec`."""

    def __init__(self, models: ModelSet) -> None:
        self.models = models
        # Wire names and spec texts repeat across models (``id``, ``type``): spelled once.
        self.member_name = cache(member_name)
        self.doc_lines = cache(doc_lines)
        self.by_name = models.by_name()
        self.classes = class_allocator()
        for model in models.models:
            self.classes.allocate(model.name, class_name(model.name), separator="")
        self.names = dict(self.classes.names)
        self.families: dict[str, list[str]] = {}  # object model -> families it belongs to
        self.family_unions: set[str] = set()
        for model in models.models:
            if isinstance(model, UnionModel) and self._is_family(model):
                self.family_unions.add(model.name)
                for variant in model.variants:
                    assert isinstance(variant, Ref)
                    self.families.setdefault(variant.name, []).append(self.names[model.name])
        self.cyclic_aliases = self._cyclic_aliases()
        self._codecs: dict[tuple[TypeRef, int], Codec] = {}
        self._members: dict[str, tuple[DartEnumMember, ...]] = {}
        self._nullable: dict[TypeRef, bool] = {}
        # a field's view by what it depends on (``emit._field``): fields repeat across models
        self.fields: dict[Hashable, DartField] = {}
        self.value_classes: dict[str, str] = {}
        for model in models.models:
            # An enum with no value Dart can spell (only null, say) is its base type.
            if isinstance(model, EnumModel) and self.enum_members(model):
                self.value_classes[model.name] = self.derived(model.name, "Value")

    def enum_members(self, model: EnumModel) -> tuple[DartEnumMember, ...]:
        if model.name not in self._members:
            self._members[model.name] = _enum_members(model)
        return self._members[model.name]

    def derived(self, model: str, suffix: str) -> str:
        """The class name of a helper of ``model`` (``VoiceUnknown``), allocated once."""
        return self.classes.allocate(f"{model}\x00{suffix}", self.names[model] + suffix, "")

    def variant(self, model: str, index: int, suffix: str) -> str:
        """The class name of the ``index``-th variant class of the wrapper union ``model``."""
        key = f"{model}\x00variant\x00{index}"
        return self.classes.allocate(key, self.names[model] + suffix, "")

    def _is_family(self, union: UnionModel) -> bool:
        if union.discriminator is None or not union.variants:
            return False
        names = [v.name for v in union.variants if isinstance(v, Ref)]
        return len(names) == len(union.variants) == len(set(names)) and all(
            isinstance(self.by_name.get(n), ObjectModel) for n in names
        )

    def _cyclic_aliases(self) -> set[str]:
        cyclic: set[str] = set()

        for model in self.models.models:
            if not isinstance(model, AliasModel):
                continue
            seen: set[str] = set()
            todo = list(type_refs(model.target))
            while todo:
                name = todo.pop()
                if name == model.name:
                    cyclic.add(model.name)
                    break
                target = self.by_name.get(name)
                if name in seen or not isinstance(target, AliasModel):
                    continue
                seen.add(name)
                todo.extend(type_refs(target.target))
        return cyclic

    # Codecs --------------------------------------------------------------------------------

    def codec(self, t: TypeRef, depth: int = 0) -> Codec:
        key = (t, depth)
        if key not in self._codecs:
            self._codecs[key] = self._codec(t, depth)
        return self._codecs[key]

    def _codec(self, t: TypeRef, depth: int) -> Codec:
        x = PLACEHOLDER
        if isinstance(t, Primitive):
            return primitive_codec(t)
        if isinstance(t, ListOf):
            item = self.codec(t.item, depth + 1)
            v = f"v{depth or ''}"
            decoded = item.decode.replace(PLACEHOLDER, v)
            encode = f".map(({v}) => {v}{item.encode}).toList()" if item.encode else ""
            return Codec(
                f"List<{item.type}>",
                f"({x} as List<dynamic>).map(({v}) => {decoded}).toList()",
                encode,
                deep=True,
            )
        if isinstance(t, MapOf):
            value = self.codec(t.value, depth + 1)
            k, v = f"k{depth or ''}", f"v{depth or ''}"
            decoded = value.decode.replace(PLACEHOLDER, v)
            encode = f".map(({k}, {v}) => MapEntry({k}, {v}{value.encode}))" if value.encode else ""
            return Codec(
                f"Map<String, {value.type}>",
                f"({x} as Map<String, dynamic>).map(({k}, {v}) => MapEntry({k}, {decoded}))",
                encode,
                deep=True,
            )
        model = self.by_name.get(t.name)
        if model is None:
            return _ANY
        name = self.names[model.name]
        if isinstance(model, ObjectModel) or model.name in self.family_unions:
            return Codec(name, f"{name}.fromJson({x} as Map<String, dynamic>)", ".toJson()")
        if isinstance(model, UnionModel):
            if not model.variants:  # ``typedef U = Object?``
                return Codec(name, PLACEHOLDER, deep=True)
            return Codec(name, f"{name}.fromJson({x})", ".toJson()")
        if isinstance(model, EnumModel):
            if model.name in self.value_classes:
                value_class = self.value_classes[model.name]
                return Codec(value_class, f"{value_class}.fromJson({x})", ".toJson()")
            base = primitive_codec(Primitive(model.base))  # ``typedef E = String``
            return Codec(name, base.decode, base.encode, base.cast, base.deep)
        if model.name in self.cyclic_aliases:  # ``typedef A = Object?``: read as is
            return Codec(name, PLACEHOLDER, deep=True)
        target = self.codec(model.target, depth)
        return Codec(name, target.decode, target.encode, target.cast, target.deep)

    def nullable(self, t: TypeRef) -> bool:
        """Whether a type admits null on its own (free-form values, nullable named models,
        through aliases; and what Dart reads as ``Object?``: an unknown model, a union with no
        variants)."""
        if t not in self._nullable:  # fields of one type repeat (``string``, a model)
            self._nullable[t] = self._admits_null(t)
        return self._nullable[t]

    def _admits_null(self, t: TypeRef) -> bool:
        if type_nullable(
            t, self.by_name.get, unknown=UnknownNull.UNSTATED, free_form=FreeFormNull.ADMITS
        ):
            return True
        end, _ = resolve(t, self.by_name.get)
        if not isinstance(end, Ref):
            return False
        model = self.by_name.get(end.name)
        return model is None or (isinstance(model, UnionModel) and not model.variants)


_ANY = Codec("Object?", PLACEHOLDER, deep=True)


def primitive_codec(t: Primitive) -> Codec:
    x = PLACEHOLDER
    if t.kind == "string":
        if t.format == "date-time":
            return Codec("DateTime", f"DateTime.parse({x} as String)", ".toIso8601String()")
        return Codec("String", f"{x} as String", cast=True)
    if t.kind == "integer":
        return Codec("int", f"({x} as num).toInt()")
    if t.kind == "number":
        if t.format in ("float", "double"):
            return Codec("double", f"({x} as num).toDouble()")
        return Codec("num", f"{x} as num", cast=True)
    if t.kind == "boolean":
        return Codec("bool", f"{x} as bool", cast=True)
    return _ANY


def enum_value_type(model: EnumModel) -> tuple[str, str]:
    """The Dart type of an enum's wire values, and how ``fromJson`` reads an unknown one.
    Values that do not fit the declared base (``[1, "1"]``) make it ``Object``."""
    kinds: set[type] = {type(v.value) for v in model.values or () if v.value is not None}
    fits: dict[str, set[type]] = {
        "string": {str},
        "integer": {int},
        "number": {int, float},
        "boolean": {bool},
    }
    if not kinds <= fits[model.base]:
        return "Object", "json as Object"
    return {
        "string": ("String", "json as String"),
        "integer": ("int", "(json as num).toInt()"),
        "number": ("num", "json as num"),
        "boolean": ("bool", "json as bool"),
    }[model.base]


def _enum_members(model: EnumModel) -> tuple[DartEnumMember, ...]:
    """The members of an enum class: every value Dart can spell as a constant, named."""
    values = [v for v in model.values or () if v.value is not None]
    names = enum_member_names([(_value_key(v), v.name or str(v.value)) for v in values])
    members = []
    for value in values:
        literal = json_literal(value.value)
        if literal is not None:
            members.append(
                DartEnumMember(names[_value_key(value)], literal, doc_lines(value.description))
            )
    return tuple(members)


def _value_key(value: EnumValue) -> str:
    return f"{type(value.value).__name__}:{value.value!r}"
