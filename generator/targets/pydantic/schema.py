"""The document datamodel-code-generator reads: the ``jsonschema`` target's document with every
``$defs`` entry keyed by the Python class name of its model (the Python target's names, so the
two targets name their classes alike) and every ``$ref`` pointing there.

datamodel-code-generator names a class after its ``$defs`` key and does not decode the JSON
pointer escapes (``~0``, ``~1``) or the percent-encoding of a ``$ref``; class names are ASCII
identifiers, so their references need neither.

More changes, all for datamodel-code-generator's sake:

- The document's root is given no schema of its own (the root is a container of definitions;
  the emitter also tells datamodel-code-generator to skip it).
- A union branch that pins a variant's tag (``{"$ref": ..., "properties": {tag: {const}}}``,
  see the ``jsonschema`` target) is reduced to its ``$ref``: datamodel-code-generator would
  make the branch a class of its own, and it types the tag of a discriminated union's
  variants itself (``Literal``) from the ``discriminator`` mapping.
- A reference to an object or enum that allows null becomes ``anyOf: [{"$ref"}, {"type":
  "null"}]`` (in a union, the union gets a null branch): datamodel-code-generator makes such a
  model a class, which cannot be None, so the null must be stated where the model is used (as
  the Python target types such a reference ``X | None``).
- An alias of a map becomes a one-branch ``anyOf`` (an object schema would become a BaseModel
  with no fields, not ``RootModel[dict[str, X]]``), and a map that also allows null an
  ``anyOf`` of the map and null (the type list ``[object, null]`` loses the value type).
- A property loses a default that datamodel-code-generator cannot write as a value of the
  property's type: null where the schema does not allow it (a spec's slip: ``default: null``
  on a plain ``$ref``), a value of another JSON type, and any default of a reference other
  than a value of the enum it refers to (datamodel-code-generator would write the raw JSON,
  ``x: Model = {...}``, which is not a ``Model`` and which no type checker accepts). The
  property is optional either way; datamodel-code-generator types it ``X | None = None``.
"""

from __future__ import annotations

import json
import keyword
from collections.abc import Mapping

from generator.ir import AliasModel, JsonValue, ModelSet, ObjectModel
from generator.targets import emit
from generator.targets.jsonschema.emit import FILE, def_ref, json_type

Schema = dict[str, JsonValue]

# Keywords whose value is a schema, a list of schemas, or a name -> schema mapping (what the
# jsonschema target writes).
_SCHEMA_KEYWORDS = frozenset({"items", "additionalProperties", "not"})
_SCHEMA_LISTS = frozenset({"anyOf", "oneOf", "allOf"})
_SCHEMA_MAPS = frozenset({"properties", "$defs"})
_UNION_KEYWORDS = ("anyOf", "oneOf")
_NULL = "null"
# Keywords that annotate a schema rather than constrain its values.
_ANNOTATIONS = frozenset(
    {"description", "deprecated", "$comment", "default", "title", "readOnly", "writeOnly"}
)


def class_ref(name: str) -> str:
    return f"#/$defs/{name}"


def _null_type(schema: JsonValue) -> bool:
    return isinstance(schema, dict) and schema.get("type") == _NULL


def _as_list(value: JsonValue) -> list[JsonValue]:
    return value if isinstance(value, list) else []


def _value_key(value: JsonValue) -> str:
    """Tells JSON values apart as JSON does (``1`` is not ``true``)."""
    return json_type(value) + ":" + json.dumps(value, sort_keys=True)


def allows_null(schema: JsonValue) -> bool:
    """Whether ``schema`` admits null by itself (not through a ``$ref``)."""
    if not isinstance(schema, dict):
        return schema is True
    if not schema:
        return True
    kind = schema.get("type")
    if kind == _NULL or (isinstance(kind, list) and _NULL in kind):
        return True
    enum = schema.get("enum")
    if isinstance(enum, list) and None in enum:
        return True
    if "const" in schema and schema["const"] is None:
        return True
    return any(
        isinstance(schema.get(key), list) and any(allows_null(b) for b in schema[key])  # type: ignore[union-attr]
        for key in _UNION_KEYWORDS
    )


def nullable_class(entry: JsonValue) -> bool:
    """Whether a ``$defs`` entry allows null and becomes a class that cannot hold it (an
    object or an enum)."""
    if not isinstance(entry, dict):
        return False
    kind = entry.get("type")
    if not isinstance(kind, list) or _NULL not in kind:
        return False
    return "enum" in entry or "object" in kind


class _Renamer:
    def __init__(
        self, classes: Mapping[str, str], nullable: set[str], enums: Mapping[str, JsonValue]
    ) -> None:
        # the jsonschema target's $ref of a model -> the $ref of its class
        self.refs = {def_ref(model): class_ref(name) for model, name in classes.items()}
        self.nullable = {def_ref(model) for model in nullable}
        # the $ref of an enum's class -> its values
        self.enums = {
            class_ref(classes[model]): frozenset(_value_key(v) for v in _as_list(values))
            for model, values in enums.items()
        }

    def ref(self, ref: str) -> str:
        return self.refs.get(ref, ref)

    def fits(self, schema: JsonValue, value: JsonValue) -> bool:
        """Whether datamodel-code-generator writes ``value`` as a value of the type it makes of
        ``schema``: null where the schema allows it, a value of an enum it refers to, a plain
        value of a plain type."""
        if not isinstance(schema, dict):
            return schema is True
        if value is None:
            return allows_null(schema)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return _value_key(value) in self.enums.get(ref, frozenset())
        branches = [b for k in _UNION_KEYWORDS for b in _as_list(schema.get(k))]
        if branches:
            return any(self.fits(b, value) for b in branches)
        if "const" in schema or "enum" in schema:
            return False
        kind = schema.get("type")
        if kind is None:
            return True  # free-form
        kinds = kind if isinstance(kind, list) else [kind]
        found = json_type(value)
        return found in kinds or (found == "integer" and "number" in kinds)

    def fitting_default(self, schema: JsonValue) -> JsonValue:
        """A property's schema without its default where the default does not fit it."""
        if isinstance(schema, dict) and "default" in schema:
            if not self.fits(schema, schema["default"]):
                return {k: v for k, v in schema.items() if k != "default"}
        return schema

    def null_ref(self, schema: JsonValue) -> bool:
        """Whether ``schema`` is a reference to a nullable object or enum."""
        return isinstance(schema, dict) and schema.get("$ref") in self.nullable

    def schema(self, schema: JsonValue, union: bool = False, entry: bool = False) -> JsonValue:
        """``schema`` rewritten; ``union``: it is a branch of a union; ``entry``: it is the
        ``$defs`` entry of an object model (which stays an object even without properties)."""
        if not isinstance(schema, dict):
            return schema
        if not entry:
            schema = _map_or_null(schema)
        if union and "$ref" in schema and set(schema) <= {"$ref", "properties", "required"}:
            schema = {"$ref": schema["$ref"]}  # a branch pinning its variant's tag
        if not union and self.null_ref(schema):
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {"anyOf": [{"$ref": schema["$ref"]}, {"type": _NULL}], **rest}
        out: Schema = {}
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = self.ref(value)
            elif key in _SCHEMA_KEYWORDS:
                out[key] = self.schema(value)
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                branches = [self.schema(v, key in _UNION_KEYWORDS) for v in value]
                if key in _UNION_KEYWORDS and any(self.null_ref(v) for v in value):
                    if not any(_null_type(v) for v in value):
                        branches.append({"type": _NULL})
                out[key] = branches
            elif key == "properties" and isinstance(value, dict):
                out[key] = {k: self.fitting_default(self.schema(v)) for k, v in value.items()}
            elif key in _SCHEMA_MAPS and isinstance(value, dict):
                out[key] = {k: self.schema(v) for k, v in value.items()}
            elif key == "x-enum-varnames" and not _plain_member_names(value):
                continue  # dmcg would collide or mangle them: it names the members itself
            elif key == "discriminator" and isinstance(value, dict):
                mapping = value.get("mapping")
                if isinstance(mapping, dict):
                    value = {
                        **value,
                        "mapping": {
                            tag: self.ref(ref) if isinstance(ref, str) else ref
                            for tag, ref in mapping.items()
                        },
                    }
                out[key] = value
            else:
                out[key] = value
        return out


def _plain_member_names(names: JsonValue) -> bool:
    """Enum member names datamodel-code-generator keeps as they are: distinct identifiers
    that are no keyword and do not start with an underscore."""
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return False
    plain = [n for n in names if isinstance(n, str)]
    return len(set(plain)) == len(plain) and all(
        n.isidentifier() and n.isascii() and not keyword.iskeyword(n) and not n.startswith("_")
        for n in plain
    )


def _split(schema: Schema) -> tuple[Schema, Schema]:
    """``schema`` as (what it validates, its annotations)."""
    inner = {k: v for k, v in schema.items() if k not in _ANNOTATIONS}
    outer = {k: v for k, v in schema.items() if k in _ANNOTATIONS}
    return inner, outer


def _map_or_null(schema: Schema) -> Schema:
    """A map that also allows null (``type: [object, null]`` without properties) as ``anyOf``
    of the map and null: datamodel-code-generator reads the type list as a free-form object and
    loses the value type."""
    kind = schema.get("type")
    if not isinstance(kind, list) or _NULL not in kind or "object" not in kind:
        return schema
    if "properties" in schema:
        return schema
    inner, outer = _split(schema)
    rest = [t for t in kind if t != _NULL]
    inner["type"] = rest[0] if len(rest) == 1 else rest
    return {"anyOf": [inner, {"type": _NULL}], **outer}


def _alias_entry(entry: JsonValue) -> JsonValue:
    """The ``$defs`` entry of an alias of a map as a one-branch ``anyOf``: an object schema
    would become a BaseModel (an object with no fields), the branch becomes
    ``RootModel[dict[str, X]]``."""
    if isinstance(entry, dict) and entry.get("type") == "object" and "properties" not in entry:
        inner, outer = _split(entry)
        return {"anyOf": [inner], **outer}
    return entry


def class_document(models: ModelSet, classes: Mapping[str, str]) -> Schema:
    """The ``jsonschema`` target's document for ``models`` with ``$defs`` keyed by
    ``classes`` (model name -> class name; distinct ASCII identifiers)."""
    document: Schema = json.loads(emit("jsonschema", models).files[FILE])
    defs = document.get("$defs")
    assert isinstance(defs, dict)
    nullable = {name for name, entry in defs.items() if nullable_class(entry)}
    enums = {name: e["enum"] for name, e in defs.items() if isinstance(e, dict) and "enum" in e}
    renamer = _Renamer(classes, nullable, enums)
    by_name = models.by_name()
    out: Schema = {}
    for name, entry in defs.items():
        model = by_name[name]
        if isinstance(model, AliasModel):
            entry = _alias_entry(entry)
        out[classes[name]] = renamer.schema(entry, entry=isinstance(model, ObjectModel))
    return {"$schema": document["$schema"], "$defs": out}
