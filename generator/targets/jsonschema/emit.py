"""The JSON Schema emitter: the model set as ONE JSON Schema 2020-12 document, ``schema.json``.

Every model is a ``$defs`` entry keyed by its IR name (inline schemas are already models of
their own, hoisted and named by the sources), and every reference is a ``$ref`` to
``#/$defs/<name>`` (a JSON pointer, ``~``/``/`` escaped, percent-encoded where a URI fragment
needs it). The document's root has no type of its own: it is a container of definitions. The
output is meant to be read by JSON Schema validators and by code generators such as
datamodel-code-generator (the ``pydantic`` target feeds it this document).

Choices (also in the README):

- Objects: ``properties`` by wire name in declaration order, ``required`` apart from
  nullability, ``additionalProperties`` as the IR says: left out when the source did not
  declare it (open), ``false`` when closed, ``true`` or the value schema when declared.
  allOf parents are already merged into the fields, so an object's entry is complete in itself
  (no ``allOf``: a closed parent would reject the child's own properties).
- Null: a plain schema gets ``"null"`` in its ``type`` array (``["string", "null"]``), a
  ``$ref`` or a ``const`` gets ``anyOf: [..., {"type": "null"}]``, an enum also lists ``null``.
  A model that allows null says so in its own entry too (so a union's ``oneOf`` never gets a
  second null branch), and a nullable field that refers to it still has its null branch.
  ``Nullable.UNKNOWN`` (a source that cannot say) counts as nullable, as in the code targets.
  Free-form values (``{}``) already allow null.
- Enums: ``type`` (the base type, plus ``null`` when nullable) and ``enum``; value
  descriptions go to ``x-enum-descriptions`` and member names to ``x-enum-varnames`` (aligned
  with ``enum``; annotations that datamodel-code-generator and the OpenAPI loader read). An
  enum whose values the source cannot list is its type.
- Unions: ``oneOf`` when the IR says ``exclusive``, else ``anyOf``, variants in spec order.
  A discriminated union's variants carry their tag as a ``const`` in their own entries (the
  sources give a one-value tag property a ``const``); where a variant object does not pin the
  tag itself, its branch adds ``properties: {tag: {const}}`` and ``required: [tag]``. The
  discriminator itself is kept as OpenAPI's ``discriminator`` keyword (``propertyName``,
  ``mapping`` to ``$ref`` strings): 2020-12 treats unknown keywords as annotations, so it does
  not change validation, and code generators use it for tagged unions. A union that contains
  itself (directly or through other unions) lists the variants of the cycle instead, as the
  code targets do; a validator would otherwise recurse without end. A union with no variants
  (or none but itself) accepts no value: ``{"not": {}}``.
- Constraints, formats, defaults, ``deprecated``, ``readOnly``, ``writeOnly`` and
  descriptions are kept. An exclusive bound is 2020-12's ``exclusiveMinimum: <number>``.
  Values JSON cannot hold (NaN, infinities) are left out with a ``$comment`` saying so; a
  ``const`` or enum value of that kind is an error.
- Text is verbatim: descriptions read back equal. Characters that are not printable (controls,
  bidi and zero-width marks, lone surrogates) are written as ``\\u`` escapes, so the file is
  valid UTF-8 and safe to review.
- Deterministic: keywords sorted, ``$defs`` sorted by name, properties and variants in IR
  order, two-space indentation, a trailing newline.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import PurePath
from urllib.parse import quote

from generator.errors import ModelgenError
from generator.ir import (
    NO_SOURCE,
    AliasModel,
    Constraints,
    EnumModel,
    Field,
    FreeFormNull,
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
    UnknownNull,
    json_kind,
    resolve,
    resolve_name,
    type_nullable,
)
from generator.targets import Emitted, NoOptions, Symbol

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE = "schema.json"
SYMBOL_KIND = "def"  # the kind of every Symbol: a $defs entry, named by its $ref

Schema = dict[str, JsonValue]

_NULL_TYPE = "null"
# Characters a URI fragment may hold unencoded (RFC 3986 pchar minus "%", which is escaped).
_FRAGMENT_SAFE = "!$&'()*+,;=:@-._~"
# Keywords whose value is a schema, a list of schemas, or a name -> schema mapping.
_SCHEMA_KEYWORDS = frozenset({"items", "additionalProperties", "not"})
_SCHEMA_LISTS = frozenset({"anyOf", "oneOf", "allOf"})
_SCHEMA_MAPS = frozenset({"properties", "$defs"})


def def_ref(name: str) -> str:
    """The ``$ref`` of model ``name``: ``#/$defs/`` + the name as a JSON pointer token,
    percent-encoded where a URI fragment needs it (``a b`` -> ``#/$defs/a%20b``). A name
    holding a lone surrogate (possible in JSON specs, not Unicode text) is an error."""
    token = name.replace("~", "~0").replace("/", "~1")
    try:
        return "#/$defs/" + quote(token, safe=_FRAGMENT_SAFE)
    except UnicodeEncodeError:
        raise ModelgenError(
            f"model name {name!r} holds a lone surrogate, which a $ref cannot spell"
        ) from None


# --- JSON values -------------------------------------------------------------------------


def json_safe(value: JsonValue) -> bool:
    """Whether ``value`` can be written as JSON: no NaN or infinity anywhere inside."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(json_safe(v) for v in value)
    if isinstance(value, dict):
        return all(json_safe(v) for v in value.values())
    return True


def json_type(value: JsonValue) -> str:
    """The JSON Schema type of a value (an integral float is an ``integer``, as 2020-12
    counts it)."""
    return json_kind(value, numbers="by-value") or "object"


def _value_key(value: JsonValue) -> str:
    """A key telling JSON values apart the way JSON Schema does: ``1`` is not ``true``, and
    ``1.0`` is ``1``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json_type(value) + ":" + json.dumps(value, sort_keys=True)


def _fits(value: JsonValue, base: str) -> bool:
    kind = json_type(value)
    return kind == base or (base == "number" and kind == "integer")


# --- the document ------------------------------------------------------------------------


class _Builder:
    def __init__(self, models: ModelSet) -> None:
        self.models = models
        self.by_name = models.by_name()

    # references ---------------------------------------------------------------------------

    def model(self, name: str) -> Model:
        try:
            return self.by_name[name]
        except KeyError:
            raise ModelgenError(f"reference to unknown model {name!r}") from None

    def resolve(self, name: str) -> str:
        """``name``, or the model an alias chain (``A = B``) leads to."""
        return resolve_name(name, self.by_name.get)

    def union_reach(self, name: str) -> set[str]:
        """The unions reachable from union ``name`` through variants that are (aliases of)
        unions."""
        found: set[str] = set()
        todo = [name]
        while todo:
            model = self.by_name.get(todo.pop())
            if not isinstance(model, UnionModel):
                continue
            for variant in model.variants:
                if not isinstance(variant, Ref):
                    continue
                target = self.resolve(variant.name)
                if isinstance(self.by_name.get(target), UnionModel) and target not in found:
                    found.add(target)
                    todo.append(target)
        return found

    def variants(self, model: UnionModel) -> list[TypeRef]:
        """The variants, with unions of the same cycle replaced by their own variants (a union
        that contains itself is the union of its other variants), without repeats; empty for
        a union of nothing but itself."""
        reach = self.union_reach(model.name)
        cycle = (
            {u for u in reach if model.name in self.union_reach(u)}
            if model.name in reach
            else set()
        )
        result: list[TypeRef] = []
        seen = {model.name}

        def add(variants: tuple[TypeRef, ...]) -> None:
            for variant in variants:
                target = self.resolve(variant.name) if isinstance(variant, Ref) else ""
                if target == model.name or target in cycle:
                    if target not in seen:
                        seen.add(target)
                        inner = self.by_name[target]
                        assert isinstance(inner, UnionModel)
                        add(inner.variants)
                elif variant not in result:
                    result.append(variant)

        add(model.variants)
        return result

    def accepts_null(self, type_: TypeRef, seen: frozenset[str] = frozenset()) -> bool:
        """Whether the schema written for ``type_`` already accepts null: the type does
        (through aliases; unknown nullability counts), or it stands for a union with a
        variant that does or for an enum listing null."""
        if type_nullable(
            type_, self.by_name.get, unknown=UnknownNull.AS_NULL, free_form=FreeFormNull.ADMITS
        ):
            return True
        end, _ = resolve(type_, self.by_name.get)
        if not isinstance(end, Ref) or end.name in seen:
            return False
        target = self.model(end.name)
        if isinstance(target, UnionModel):
            return any(self.accepts_null(v, seen | {end.name}) for v in self.variants(target))
        if isinstance(target, EnumModel):
            return any(v.value is None for v in target.values or ())
        return False

    # types --------------------------------------------------------------------------------

    def type_schema(self, type_: TypeRef) -> Schema:
        if isinstance(type_, Ref):
            return {"$ref": def_ref(self.model(type_.name).name)}
        if isinstance(type_, ListOf):
            out: Schema = {"type": "array", "items": self.type_schema(type_.item)}
            if type_.unique:
                out["uniqueItems"] = True
            return out
        if isinstance(type_, MapOf):
            return {"type": "object", "additionalProperties": self.value_schema(type_.value)}
        out = {} if type_.kind == "any" else {"type": type_.kind}
        if type_.format is not None:
            out["format"] = type_.format
        return out

    def value_schema(self, type_: TypeRef) -> JsonValue:
        """The schema of ``additionalProperties``: ``true`` for free-form values."""
        if isinstance(type_, Primitive) and type_.kind == "any" and type_.format is None:
            return True
        return self.type_schema(type_)

    # models -------------------------------------------------------------------------------

    def object_def(self, model: ObjectModel) -> Schema:
        out: Schema = {"type": "object"}
        properties: Schema = {}
        required: list[JsonValue] = []
        for f in model.fields:
            properties[f.name] = self.field_schema(f, model)
            if f.required and f.name not in required:
                required.append(f.name)
        if properties:
            out["properties"] = properties
        if required:
            out["required"] = required
        if model.closed:
            out["additionalProperties"] = False
        elif model.additional is not None:
            out["additionalProperties"] = self.value_schema(model.additional)
        if model.nullable is not Nullable.NO:
            out = _with_null(out)
        return _annotated(out, model.description, model.deprecated)

    def field_schema(self, f: Field, owner: Model) -> Schema:
        out = self.type_schema(f.type)
        where = f.source if f.source != NO_SOURCE else owner.source
        if f.const is not None:
            _check_value(f.const.value, f"{owner.name}.{f.name}: const", where)
            out["const"] = f.const.value
        if f.nullable is not Nullable.NO:
            if f.const is not None:
                if f.const.value is not None:  # a const null allows null already
                    out = _with_null(out)
            elif isinstance(f.type, Ref) or not self.accepts_null(f.type):
                # a nullable reference says so even where its target allows null already:
                # harmless in an anyOf, and code generators read nullability off the field
                out = _with_null(out)
        out.update(_constraints(f.constraints))
        comments: list[str] = []
        if f.default is not None:
            if json_safe(f.default.value):
                out["default"] = f.default.value
            else:
                comments.append(f"default {f.default.value!r} is not a JSON value; left out")
        if f.read_only:
            out["readOnly"] = True
        if f.write_only:
            out["writeOnly"] = True
        comments.extend(_constraint_notes(f.constraints))
        if comments:
            out["$comment"] = "; ".join(comments)
        return _annotated(out, f.description, f.deprecated)

    def enum_def(self, model: EnumModel) -> Schema:
        types: list[JsonValue] = [model.base]
        out: Schema = {}
        if model.values:
            values: list[JsonValue] = []
            descriptions: list[JsonValue] = []
            names: list[JsonValue] = []
            seen: set[str] = set()
            for v in model.values:
                _check_value(v.value, f"enum {model.name!r}: value", model.source)
                key = _value_key(v.value)
                if key in seen:
                    continue
                seen.add(key)
                values.append(v.value)
                descriptions.append(v.description)
                names.append(v.name)
                if not _fits(v.value, model.base) and json_type(v.value) not in types:
                    types.append(json_type(v.value))
            if model.nullable is not Nullable.NO and None not in values:
                values.append(None)
                descriptions.append(None)
                names.append(None)
            out["enum"] = values
            if any(d is not None for d in descriptions):
                out["x-enum-descriptions"] = descriptions
            if any(n is not None for n in names):
                out["x-enum-varnames"] = names
        if model.nullable is not Nullable.NO and _NULL_TYPE not in types:
            types.append(_NULL_TYPE)
        out["type"] = types[0] if len(types) == 1 else types
        if model.default is not None:
            if json_safe(model.default.value):
                out["default"] = model.default.value
            else:
                out["$comment"] = f"default {model.default.value!r} is not a JSON value; left out"
        return _annotated(out, model.description, model.deprecated)

    def union_def(self, model: UnionModel) -> Schema:
        variants = self.variants(model)
        branches: list[JsonValue] = [self.variant_schema(model, v) for v in variants]
        if model.nullable is not Nullable.NO and not any(self.accepts_null(v) for v in variants):
            branches.append({"type": _NULL_TYPE})
        out: Schema = {"oneOf" if model.exclusive else "anyOf": branches}
        if not branches:  # no variants (or only itself): no value is valid
            out = {"not": {}, "$comment": "a union without variants: no value is valid"}
        if model.discriminator is not None:
            mapping: Schema = {}
            for tag, name in model.discriminator.mapping:
                mapping.setdefault(tag, def_ref(self.model(name).name))
            out["discriminator"] = {
                "propertyName": model.discriminator.property,
                "mapping": mapping,
            }
        return _annotated(out, model.description, model.deprecated)

    def variant_schema(self, union: UnionModel, variant: TypeRef) -> Schema:
        """A union branch: the variant's schema; for a discriminated union, a variant object
        that does not pin the tag itself gets it pinned here."""
        out = self.type_schema(variant)
        if union.discriminator is None or not isinstance(variant, Ref):
            return out
        prop = union.discriminator.property
        names = {variant.name, self.resolve(variant.name)}
        tags: list[JsonValue] = []
        for tag, name in union.discriminator.mapping:
            if name in names and tag not in tags:
                tags.append(tag)
        target = self.by_name.get(self.resolve(variant.name))
        if not tags or not isinstance(target, ObjectModel) or self.pins(target, prop, tags):
            return out
        if target.closed and all(f.name != prop for f in target.fields):
            return out  # the variant cannot hold the tag at all: pinning would reject it
        pin: Schema = {"const": tags[0]} if len(tags) == 1 else {"enum": tags}
        out["properties"] = {prop: pin}
        out["required"] = [prop]
        return out

    def pins(self, model: ObjectModel, prop: str, tags: list[JsonValue]) -> bool:
        """Whether ``model``'s own entry already allows exactly ``tags`` for ``prop``."""
        for f in model.fields:
            if f.name != prop:
                continue
            if f.const is not None:
                return [f.const.value] == tags
            if isinstance(f.type, Ref):
                target = self.by_name.get(self.resolve(f.type.name))
                if isinstance(target, EnumModel) and target.values:
                    return {_value_key(v.value) for v in target.values} == {
                        _value_key(t) for t in tags
                    }
        return False

    def alias_def(self, model: AliasModel) -> Schema:
        end = self.by_name.get(self.resolve(model.name))
        if isinstance(end, AliasModel) and isinstance(end.target, Ref):
            # the alias chain runs into a loop of aliases: nothing to validate against
            raise ModelgenError(
                f"alias {model.name!r} leads to a loop of aliases with no content", model.source
            )
        out = self.type_schema(model.target)
        if model.nullable is not Nullable.NO and (
            isinstance(model.target, Ref) or not self.accepts_null(model.target)
        ):
            out = _with_null(out)
        out.update(_constraints(model.constraints))
        notes = _constraint_notes(model.constraints)
        if notes:
            out["$comment"] = "; ".join(notes)
        return _annotated(out, model.description, model.deprecated)

    def definition(self, model: Model) -> Schema:
        if isinstance(model, ObjectModel):
            return self.object_def(model)
        if isinstance(model, EnumModel):
            return self.enum_def(model)
        if isinstance(model, UnionModel):
            return self.union_def(model)
        return self.alias_def(model)

    def document(self) -> Schema:
        title = self.models.title or PurePath(self.models.source.file).stem
        what = f"{title} {self.models.version}" if self.models.version else title
        defs: Schema = {
            m.name: self.definition(m) for m in sorted(self.models.models, key=lambda m: m.name)
        }
        return {
            "$schema": DIALECT,
            "$comment": (
                f"Generated by modelgen from the schema {what!r}. Do not edit: changes are"
                " lost when the schema is regenerated."
            ),
            "$defs": defs,
        }


def _with_null(schema: Schema) -> Schema:
    """``schema`` that also accepts null: ``null`` added to a plain ``type``, else an
    ``anyOf`` with a null branch."""
    kind = schema.get("type")
    if isinstance(kind, str) and "const" not in schema and "enum" not in schema:
        return {**schema, "type": [kind, _NULL_TYPE]}
    if isinstance(kind, list):
        return schema if _NULL_TYPE in kind else {**schema, "type": [*kind, _NULL_TYPE]}
    if not schema:
        return schema  # free-form: null is already allowed
    return {"anyOf": [schema, {"type": _NULL_TYPE}]}


def _annotated(schema: Schema, description: str | None, deprecated: bool) -> Schema:
    if description is not None:
        schema["description"] = description
    if deprecated:
        schema["deprecated"] = True
    return schema


def _finite(value: int | float | None) -> bool:
    return value is not None and (not isinstance(value, float) or math.isfinite(value))


def _constraints(c: Constraints) -> Schema:
    """The 2020-12 keywords of ``c``; values a keyword cannot hold are left out (see
    :func:`_constraint_notes`)."""
    out: Schema = {}
    if _finite(c.minimum):
        out["exclusiveMinimum" if c.exclusive_minimum else "minimum"] = c.minimum
    if _finite(c.maximum):
        out["exclusiveMaximum" if c.exclusive_maximum else "maximum"] = c.maximum
    if _finite(c.multiple_of) and c.multiple_of is not None and c.multiple_of > 0:
        out["multipleOf"] = c.multiple_of
    counts = {
        "minLength": c.min_length,
        "maxLength": c.max_length,
        "minItems": c.min_items,
        "maxItems": c.max_items,
        "minProperties": c.min_properties,
        "maxProperties": c.max_properties,
    }
    for key, value in counts.items():
        if value is not None and value >= 0:
            out[key] = value
    if c.pattern is not None:
        out["pattern"] = c.pattern
    if c.unique_items:
        out["uniqueItems"] = True
    return out


def _constraint_notes(c: Constraints) -> list[str]:
    notes: list[str] = []
    for key, value in (("minimum", c.minimum), ("maximum", c.maximum)):
        if value is not None and not _finite(value):
            notes.append(f"{key} {value!r} is not a JSON value; left out")
    if c.multiple_of is not None and not (_finite(c.multiple_of) and c.multiple_of > 0):
        notes.append(f"multipleOf {c.multiple_of!r} is not a positive number; left out")
    return notes


def _check_value(value: JsonValue, what: str, source: Source) -> None:
    if not json_safe(value):
        raise ModelgenError(f"{what} {value!r} cannot be written as JSON", source)


# --- writing -----------------------------------------------------------------------------


def _sorted_schema(schema: JsonValue) -> JsonValue:
    """Keywords sorted; subschemas likewise. Property names and ``$defs`` keep their order,
    and data (``const``, ``default``, ``enum``) is left as it is."""
    if not isinstance(schema, dict):
        return schema
    out: Schema = {}
    for key in sorted(schema):
        value = schema[key]
        if key in _SCHEMA_KEYWORDS:
            value = _sorted_schema(value)
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            value = [_sorted_schema(v) for v in value]
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            value = {k: _sorted_schema(v) for k, v in value.items()}
        elif key == "discriminator" and isinstance(value, dict):
            value = dict(sorted(value.items()))
        out[key] = value
    return out


_UNSAFE = re.compile(r"[^\x00-\x7e]|\x7f")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(document: JsonValue) -> str:
    """The JSON text: two-space indentation, a trailing newline, non-ASCII kept as it is
    except characters that are not printable, which are escaped."""
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return _UNSAFE.sub(_escape, text) + "\n"


def emit(models: ModelSet, options: NoOptions) -> Emitted:
    builder = _Builder(models)
    document = _sorted_schema(builder.document())
    symbols = {m.name: (Symbol(SYMBOL_KIND, def_ref(m.name)),) for m in models.models}
    return Emitted({FILE: dumps(document)}, symbols)
