"""Helpers shared by the JSON Schema target's tests: the document for a model set, the 2020-12
meta-schema check, a validator for one model's ``$defs`` entry, and ``$ref`` lookup."""

from __future__ import annotations

import json
from typing import Any

from jsonschema.validators import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.ir import ModelSet
from generator.targets import emit
from generator.targets.jsonschema.emit import FILE, def_ref

Document = dict[str, Any]
BASE = "urn:modelgen:test"


def schema_text(models: ModelSet) -> str:
    return emit("jsonschema", models).files[FILE]


def document(models: ModelSet) -> Document:
    loaded: Document = json.loads(schema_text(models))
    return loaded


def check(doc: Document) -> None:
    """Raises ``SchemaError`` unless ``doc`` is valid under the 2020-12 meta-schema. The
    meta-schema's ``regex`` format is checked with Python's ``re``."""
    Draft202012Validator.check_schema(doc)


def validator(doc: Document, name: str) -> Draft202012Validator:
    """A validator for model ``name``: a wrapper schema ``{"$ref": <its def>}`` beside the
    document's ``$defs``."""
    return Draft202012Validator({**doc, "$ref": def_ref(name)})


def valid(doc: Document, name: str, value: Any) -> bool:
    return bool(validator(doc, name).is_valid(value))


def lookup(doc: Document, ref: str) -> Any:
    """What ``ref`` (a ``$ref`` string of the document) points at, resolved by ``referencing``
    as validators resolve it."""
    resource = Resource.from_contents(doc, default_specification=DRAFT202012)
    resolver = Registry().with_resource(BASE, resource).resolver(base_uri=BASE)
    return resolver.lookup(ref).contents


_SCHEMA_MAPS = ("properties", "$defs")


def one_of_as_any_of(schema: Any) -> Any:
    """``schema`` with every ``oneOf`` read as ``anyOf`` (property names left alone)."""
    if isinstance(schema, list):
        return [one_of_as_any_of(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: one_of_as_any_of(v) for k, v in value.items()}
        elif key in ("const", "default", "enum"):
            out[key] = value
        else:
            out["anyOf" if key == "oneOf" else key] = one_of_as_any_of(value)
    return out
