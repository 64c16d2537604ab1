"""JSON instances for the schemas of an OpenAPI document, from ``hypothesis-jsonschema``, for
round-trip tests of generated code.

OpenAPI 3.0 schemas are turned into self-contained JSON Schemas first: ``nullable: true``
becomes a ``null`` branch, OpenAPI-only keywords (discriminator, xml, example, readOnly...) and
``format``/``pattern`` (not checked by generated code; some patterns are not Python regexes)
are dropped, ``$ref`` is inlined with recursion cut (a schema already being expanded becomes
``false``, so optional recursive properties are left out and recursive lists stay empty),
``allOf`` object parts are merged, objects with properties but no ``additionalProperties``
are closed (generated models drop keys they do not know), and integers are bounded to 64 bits
(the range PHP and Dart ints hold), and lists hold at most two items (unless more are
required), which keeps generation fast.

``oneOf`` is generated as ``anyOf`` (an exact-one filter is slow). A component that is a
union of ``$ref``s to other components gets one instance of each variant instead (every
variant is then exercised, at no extra cost).

Generation is derandomized: the same spec gives the same instances on every run, and
:func:`spec_instances` caches them in a folder by spec hash.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

JsonSchema = dict[str, Any] | bool

_DROP = frozenset(
    {
        "discriminator", "xml", "example", "examples", "externalDocs", "deprecated",
        "readOnly", "writeOnly", "nullable", "format", "pattern", "title", "description",
        "default",
    }
)  # fmt: skip
_INT64 = (-(2**63), 2**63 - 1)


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


class _Converter:
    def __init__(self, components: Mapping[str, Any], max_depth: int) -> None:
        self.components = components
        self.max_depth = max_depth

    def convert(self, node: Any, stack: tuple[str, ...], close: bool = True) -> JsonSchema:
        if isinstance(node, bool):
            return node
        if not isinstance(node, dict):
            return {}
        parts = node.get("allOf")
        if isinstance(parts, list):
            # allOf: [{$ref}, {nullable: true}] is OpenAPI 3.0's nullable reference
            markers = [p for p in parts if isinstance(p, dict) and set(p) <= _DROP]
            real = [p for p in parts if p not in markers]
            if markers and len(real) == 1:
                nullable = node.get("nullable") is True or any(
                    p.get("nullable") is True for p in markers
                )
                rest = {k: v for k, v in node.items() if k not in _DROP and k != "allOf"}
                inner = {**rest, "allOf": real} if rest else real[0]
                return _nullable_schema(self.convert(inner, stack, close), nullable)
        if "$ref" in node:
            name = _ref_name(str(node["$ref"]))
            if name in stack or len(stack) >= self.max_depth or name not in self.components:
                return False
            return self.convert(self.components[name], (*stack, name), close)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in _DROP or key.startswith("x-"):
                continue
            if key == "properties" and isinstance(value, dict):
                out[key] = {p: self.convert(s, stack) for p, s in value.items()}
            elif key in ("items", "additionalProperties", "not"):
                out[key] = self.convert(value, stack) if isinstance(value, dict) else value
            elif key in ("anyOf", "oneOf"):
                # oneOf as anyOf: generating "exactly one" filters instances, which is slow;
                # decoders of generated code take the first variant that fits anyway
                out["anyOf"] = [self.convert(s, stack) for s in value]
            elif key == "allOf":
                out[key] = [self.convert(s, stack, close=False) for s in value]
            else:
                out[key] = value
        if "allOf" in out:
            out = _merge_all_of(out)
        # OpenAPI documents often leave out the type their keywords imply; loaders infer it
        if "type" not in out and not any(k in out for k in ("anyOf", "allOf", "enum", "const")):
            if "properties" in out or "required" in out or "additionalProperties" in out:
                out["type"] = "object"
            elif "items" in out:
                out["type"] = "array"
        is_object = out.get("type") == "object" or "properties" in out
        if close and is_object and out.get("properties") and "additionalProperties" not in out:
            out["additionalProperties"] = False
        if out.get("type") == "array" or "items" in out:
            # small lists keep generation fast; a list's items are checked the same either way
            out["maxItems"] = max(min(out.get("maxItems", 2), 2), out.get("minItems", 0))
        if out.get("type") == "integer":
            out.setdefault("minimum", _INT64[0])
            out.setdefault("maximum", _INT64[1])
        if node.get("nullable") is True:
            if isinstance(out.get("enum"), list) and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
            return {"anyOf": [out, {"type": "null"}]}
        return out


def _nullable_schema(schema: JsonSchema, nullable: bool) -> JsonSchema:
    return {"anyOf": [schema, {"type": "null"}]} if nullable else schema


def _merge_all_of(schema: dict[str, Any]) -> dict[str, Any]:
    """Merges object parts of allOf into the schema; leaves allOf alone when a part is not a
    plain object schema."""
    parts = schema["allOf"]
    plain = {"type", "properties", "required", "additionalProperties"}
    if not all(isinstance(p, dict) and set(p) <= plain for p in parts):
        return schema
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = dict(merged.get("properties", {}))
    required: list[str] = list(merged.get("required", []))
    for part in parts:
        properties.update(part.get("properties", {}))
        required += [r for r in part.get("required", []) if r not in required]
        if "additionalProperties" in part:
            merged["additionalProperties"] = part["additionalProperties"]
    merged["type"] = "object"
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def component_json_schemas(spec: Mapping[str, Any], max_depth: int = 8) -> dict[str, JsonSchema]:
    """Every ``components/schemas`` entry as a self-contained JSON Schema, by name."""
    components = spec.get("components", {}).get("schemas", {})
    converter = _Converter(components, max_depth)
    return {name: converter.convert(schema, (name,)) for name, schema in components.items()}


def instances(schema: JsonSchema, count: int) -> list[Any]:
    """Up to ``count`` instances of ``schema``, the same ones on every run; ``[]`` when
    hypothesis-jsonschema cannot build a strategy or finds no instance."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import HypothesisException
    from hypothesis_jsonschema import from_schema

    found: list[Any] = []
    try:
        strategy = from_schema(schema)
    except (HypothesisException, ValueError, TypeError, RecursionError):
        return found

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Any) -> None:
        if len(found) < count and value not in found:
            found.append(value)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            collect()
        except (HypothesisException, ValueError, TypeError, RecursionError):
            pass
    return found


def _union_refs(schema: Any) -> list[str] | None:
    """The component names of a schema that is only a oneOf/anyOf of $refs, else None."""
    if not isinstance(schema, dict):
        return None
    for key in ("oneOf", "anyOf"):
        branches = schema.get(key)
        if isinstance(branches, list) and branches:
            if all(isinstance(b, dict) and set(b) == {"$ref"} for b in branches):
                return [_ref_name(str(b["$ref"])) for b in branches]
    return None


def spec_instances(
    spec_path: Path, count: int, cache_dir: Path | None = None
) -> dict[str, list[Any]]:
    """Instances of every component schema of the spec at ``spec_path``, by schema name:
    ``count`` each from hypothesis-jsonschema, or one per variant for unions of ``$ref``s.
    With ``cache_dir``, results are kept there under the spec's hash and ``count``."""
    import yaml

    text = spec_path.read_bytes()
    key = hashlib.sha256(text + f"/{count}/v4".encode()).hexdigest()[:16]
    cache = cache_dir / f"{key}.json" if cache_dir is not None else None
    if cache is not None and cache.is_file():
        cached: dict[str, list[Any]] = json.loads(cache.read_text(encoding="utf-8"))
        return cached
    spec = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    raw = spec.get("components", {}).get("schemas", {})
    schemas = component_json_schemas(spec)
    result: dict[str, list[Any]] = {}
    unions: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        refs = _union_refs(raw.get(name))
        if refs is not None and all(ref in raw for ref in refs):
            unions[name] = refs
        else:
            result[name] = instances(schema, count)
    for name, refs in unions.items():
        found: list[Any] = []
        for ref in refs:
            if ref in unions:
                continue
            variant = result.get(ref) or []
            if variant and variant[0] not in found:
                found.append(variant[0])
        result[name] = found
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(result), encoding="utf-8")
    return result


def drawn_from(spec_path: Path, found: Mapping[str, list[Any]]) -> dict[tuple[str, int], str]:
    """(schema name, instance index) -> the component schema the instance was drawn for: the
    schema itself, or, for a union of ``$ref``s, the variant whose first instance it is (see
    :func:`spec_instances`)."""
    import yaml

    spec = yaml.load(spec_path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    raw = spec.get("components", {}).get("schemas", {})
    result: dict[tuple[str, int], str] = {}
    for name, values in found.items():
        refs = _union_refs(raw.get(name))
        for index, value in enumerate(values):
            if refs is None:
                result[name, index] = name
                continue
            source = next((r for r in refs if found.get(r) and found[r][0] == value), None)
            if source is not None:
                result[name, index] = source
    return result
