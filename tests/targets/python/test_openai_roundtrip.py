"""Round trip of generated Python on the OpenAI 2.3.0 spec: the session's instances of every
component schema (hypothesis-jsonschema, two derandomized ones per schema and one per variant
for a union of ``$ref``s: ``tests/conftest.py``) decode with the generated models and encode
back to the same JSON. The PHP round trip and the JSON Schema target check the same instances,
drawn once (see ``tests/support/jsonschema_instances.py`` for how the OpenAPI schemas become
JSON Schemas).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.ir import JsonValue, ModelSet

# Schemas whose instances do not round-trip, with the reason. A listed schema that starts
# round-tripping fails the test, so the list cannot go stale.
EXEMPT: dict[str, str] = {}


@pytest.mark.slow
def test_openai_instances_round_trip_through_generated_python(
    openai_models: ModelSet, openai_instances: dict[str, list[JsonValue]]
) -> None:
    from generator.targets.python.emit import decoder_sources
    from tests.targets.python.support import import_package

    module = import_package(openai_models, "openai_pkg")
    decoders = decoder_sources(openai_models)
    assert set(openai_instances) <= set(decoders)

    failures: dict[str, str] = {}
    checked = 0
    for name, values in sorted(openai_instances.items()):
        decode: Any = eval(decoders[name], vars(module))
        for value in values:
            checked += 1
            try:
                encoded = module._rt.to_json(decode(value, name))
            except Exception as error:
                failures.setdefault(name, f"{type(error).__name__}: {str(error)[:300]}")
                continue
            written, read = json.dumps(encoded, sort_keys=True), json.dumps(value, sort_keys=True)
            if written != read:
                failures.setdefault(name, f"wrote {written[:150]} for {read[:150]}")

    unexpected = {n: why for n, why in failures.items() if n not in EXEMPT}
    now_passing = sorted(set(EXEMPT) - set(failures))
    assert not unexpected, "\n".join(f"{n}: {why}" for n, why in sorted(unexpected.items()))
    assert not now_passing, f"exempt schemas that now pass (remove them from EXEMPT): {now_passing}"
    assert checked > 1.5 * len(openai_instances)
