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

from generator.ir import ANY, JsonValue, ModelSet, ObjectModel
from tests.support.paths import OPENAI_SPEC, need

# Schemas whose instances do not round-trip, with the reason. A listed schema that starts
# round-tripping fails the test, so the list cannot go stale.
EXEMPT: dict[str, str] = {}


EXTRA_KEY = "modelgen_undeclared"  # a property no OpenAI schema declares
EXTRA_VALUE: JsonValue = {"kept": [1, 1.5, "x", None]}


def with_extra_key(models: ModelSet, name: str, value: JsonValue) -> JsonValue:
    """``value`` with an undeclared property added, when ``name`` is an open object whose
    schema says nothing of other properties' values (else ``value`` unchanged)."""
    model = models.by_name()[name]
    if (
        isinstance(value, dict)
        and isinstance(model, ObjectModel)
        and not model.closed
        and model.additional in (None, ANY)
        and EXTRA_KEY not in value
    ):
        return {**value, EXTRA_KEY: EXTRA_VALUE}
    return value


def expected_classes(
    models: ModelSet, instances: dict[str, list[JsonValue]], package: str
) -> dict[tuple[str, int], str]:
    """(schema, instance index) -> the generated class the instance must decode to, for the
    instances drawn for an object schema (a union's: for its object variant)."""
    from generator.targets import emit
    from tests.support.jsonschema_instances import drawn_from

    symbols = emit("python", models, package=package).symbols
    by_name = models.by_name()
    return {
        key: symbols[source][0].name
        for key, source in drawn_from(need(OPENAI_SPEC), instances).items()
        if isinstance(by_name.get(source), ObjectModel) and instances[key[0]][key[1]] is not None
    }


@pytest.mark.slow
@pytest.mark.parametrize("extra", [False, True], ids=["as-drawn", "extra-key"])
def test_openai_instances_round_trip_through_generated_python(
    openai_models: ModelSet, openai_instances: dict[str, list[JsonValue]], extra: bool
) -> None:
    """Each instance decodes to the class it was drawn for and encodes back to itself; with
    ``extra``, an open object's instance carries an undeclared property, which it keeps."""
    from generator.targets.python.emit import decoder_sources
    from tests.targets.python.support import import_package

    module = import_package(openai_models, "openai_pkg")
    decoders = decoder_sources(openai_models)
    assert set(openai_instances) <= set(decoders)
    classes = expected_classes(openai_models, openai_instances, "openai_pkg")
    assert len(classes) > 800

    failures: dict[str, str] = {}
    checked = extended = 0
    for name, values in sorted(openai_instances.items()):
        decode: Any = eval(decoders[name], vars(module))
        for index, drawn in enumerate(values):
            value = with_extra_key(openai_models, name, drawn) if extra else drawn
            extended += value is not drawn
            checked += 1
            try:
                decoded = decode(value, name)
                encoded = module._rt.to_json(decoded)
            except Exception as error:
                failures.setdefault(name, f"{type(error).__name__}: {str(error)[:300]}")
                continue
            want = classes.get((name, index))
            if want is not None and type(decoded).__name__ != want:
                failures.setdefault(name, f"decoded a {type(decoded).__name__}, not a {want}")
                continue
            written, read = json.dumps(encoded, sort_keys=True), json.dumps(value, sort_keys=True)
            if written != read:
                failures.setdefault(name, f"wrote {written[:150]} for {read[:150]}")

    unexpected = {n: why for n, why in failures.items() if n not in EXEMPT}
    now_passing = sorted(set(EXEMPT) - set(failures))
    assert not unexpected, "\n".join(f"{n}: {why}" for n, why in sorted(unexpected.items()))
    assert not now_passing, f"exempt schemas that now pass (remove them from EXEMPT): {now_passing}"
    assert checked > 1.5 * len(openai_instances)
    assert extended > 500 if extra else extended == 0
