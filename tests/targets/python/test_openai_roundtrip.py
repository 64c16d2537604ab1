"""Round trip of generated Python on the OpenAI 2.3.0 spec: for every component schema,
instances generated from the schema itself (hypothesis-jsonschema) decode with the generated
models and encode back to the same JSON.

The OpenAPI schemas are turned into JSON Schema first: 3.0 ``nullable`` becomes a ``null``
branch, OpenAPI-only keywords are dropped, and ``$ref`` is inlined with recursion cut after
one re-entry (a cut branch is unsatisfiable, so hypothesis leaves it out). Two derandomized
examples per schema keep this test around a minute and a half on the shared CI machine.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import OPENAI_SPEC, need

EXAMPLES_PER_SCHEMA = 2

# Schemas hypothesis-jsonschema cannot draw instances for, with the reason. A listed schema
# that starts working fails the test, so the list cannot go stale.
EXEMPT: dict[str, str] = {}

_DROP = {
    "discriminator",
    "xml",
    "example",
    "examples",
    "externalDocs",
    "nullable",
    "deprecated",
    "readOnly",
    "writeOnly",
    "title",
    "description",
}


def to_json_schema(node: Any, components: dict[str, Any], stack: tuple[str, ...] = ()) -> Any:
    if isinstance(node, list):
        return [to_json_schema(item, components, stack) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if stack.count(name) >= 2:
            return {"not": {}}
        return to_json_schema(components[name], components, (*stack, name))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROP or key.startswith("x-"):
            continue
        if key in ("properties", "patternProperties", "definitions"):
            out[key] = {k: to_json_schema(v, components, stack) for k, v in value.items()}
        elif key in ("enum", "const", "default", "required", "type", "format", "pattern"):
            out[key] = value
        else:
            out[key] = to_json_schema(value, components, stack)
    if "type" not in out and ("properties" in out or "required" in out):
        out["type"] = "object"  # OpenAPI readers (ours too) take these for objects
    if "type" not in out and "items" in out:
        out["type"] = "array"
    if node.get("nullable") is True:
        return {"anyOf": [out, {"type": "null"}]}
    return out


def _spec() -> dict[str, Any]:
    from generator.ir import Source
    from generator.sources.openapi.yaml_safe import read_document

    document = read_document(Path(OPENAI_SPEC), Source(str(OPENAI_SPEC)))
    assert isinstance(document, dict)
    return document


def _round_trip_test(module: Any, decode: Any, name: str, strategy: Any) -> Any:
    from hypothesis import HealthCheck, given, settings

    @settings(
        max_examples=EXAMPLES_PER_SCHEMA,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def round_trip(data: Any) -> None:
        encoded = module._rt.to_json(decode(data, name))
        assert json.dumps(encoded, sort_keys=True) == json.dumps(data, sort_keys=True)

    return round_trip


@pytest.mark.slow
def test_openai_instances_round_trip_through_generated_python() -> None:
    need(OPENAI_SPEC)
    from hypothesis_jsonschema import from_schema

    from generator.targets.python.emit import decoder_sources
    from tests.targets.python.support import import_package, openai_models

    models = openai_models()
    module = import_package(models, "openai_pkg")
    components: dict[str, Any] = _spec()["components"]["schemas"]
    decoders = decoder_sources(models)

    failures: dict[str, str] = {}
    for name in sorted(components):
        if name not in decoders:
            failures[name] = "no model of this name"
            continue
        decode = eval(decoders[name], vars(module))
        schema = to_json_schema(components[name], components, (name,))

        round_trip = _round_trip_test(module, decode, name, from_schema(schema))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                round_trip()
        except Exception as error:
            failures[name] = f"{type(error).__name__}: {str(error)[:300]}"

    unexpected = {n: why for n, why in failures.items() if n not in EXEMPT}
    now_passing = sorted(set(EXEMPT) - set(failures))
    assert not unexpected, "\n".join(f"{n}: {why}" for n, why in sorted(unexpected.items()))
    assert not now_passing, f"exempt schemas that now pass (remove them from EXEMPT): {now_passing}"
    assert len(EXEMPT) < 0.02 * len(components)
