"""The JSON Schema target over real specs: the documents for OpenAI 2.3.0, every spec of
``real-specs`` modelgen generates from and every loadable ``dmcg-openapi`` entry are valid under
the 2020-12 meta-schema; and every JSON instance the tests draw for OpenAI 2.3.0 (from the
spec's own schemas, ``tests.support.jsonschema_instances``) validates against its model's
``$defs`` entry."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema.exceptions import SchemaError  # type: ignore[import-untyped]

from generator.errors import ModelgenError
from generator.ir import JsonValue, ModelSet
from generator.sources import load
from tests.support.dmcg import dmcg_entries
from tests.support.paths import CORPUS, need
from tests.support.real_specs import REAL, SPECS, loaded, rel
from tests.targets.jsonschema.support import check, document, one_of_as_any_of, validator

# Instances the document rejects only because the spec's oneOf has overlapping branches: the
# instances are drawn with oneOf read as anyOf (see jsonschema_instances), and these match
# more than one branch, which the spec's own oneOf rejects too. A listed schema that starts
# validating fails the test, so the list cannot go stale.
ONE_OF_OVERLAPS = {
    "CreateModerationRequest": "input: oneOf of two arrays; [] is both",
    "FileSearchTool": "filters: CompoundFilter items are oneOf ComparisonFilter or any object",
    "RealtimeResponseCreateParams": "conversation: oneOf string or enum auto|none",
}


@pytest.mark.slow
def test_openai_document_is_valid_under_the_2020_12_meta_schema(openai_models: ModelSet) -> None:
    models = openai_models
    doc = document(models)
    check(doc)
    assert len(doc["$defs"]) == len(models.models) > 800


@pytest.mark.slow
def test_every_real_spec_modelgen_generates_from_gives_a_valid_document() -> None:
    """Every real spec (the set loaded once per session: tests/support/real_specs.py)."""
    need(REAL)
    failures: dict[str, str] = {}
    for spec in SPECS:
        try:
            check(document(loaded(rel(spec))))
        except (SchemaError, ModelgenError) as error:
            failures[rel(spec)] = str(error)[:500]
    assert not failures, "\n".join(f"{n}: {why}" for n, why in sorted(failures.items()))


@pytest.mark.slow
def test_every_loadable_dmcg_edge_case_spec_gives_a_valid_document() -> None:
    entries = dmcg_entries()
    if not entries:
        pytest.skip(f"{CORPUS / 'dmcg-openapi'} not found")
    failures: dict[str, str] = {}
    generated = 0
    for entry in entries:
        try:
            models = load(entry)
        except ModelgenError:
            continue  # the loader's own tests pin what it refuses
        try:
            check(document(models))
        except (SchemaError, ModelgenError) as error:
            failures[entry.name] = str(error)[:500]
        generated += 1
    assert not failures, "\n".join(f"{n}: {why}" for n, why in sorted(failures.items()))
    assert generated > 200


def _first_error(doc: dict[str, Any], name: str, value: Any) -> str | None:
    errors = list(validator(doc, name).iter_errors(value))
    if not errors:
        return None
    error = min(errors, key=lambda e: len(e.absolute_path))
    return f"{error.message[:200]} at {'/'.join(map(str, error.absolute_schema_path))[:200]}"


@pytest.mark.slow
def test_openai_instances_validate_against_their_models_defs_entry(
    openai_models: ModelSet, openai_instances: dict[str, list[JsonValue]]
) -> None:
    """The session's OpenAI instances (tests/conftest.py; the Python and PHP round trips use
    the same): every one validates with oneOf read as anyOf, as they were drawn; with oneOf as
    written, only the overlaps listed above fail."""
    found = openai_instances
    doc = document(openai_models)
    relaxed = one_of_as_any_of(doc)
    assert set(found) <= set(doc["$defs"])
    rejected: dict[str, str] = {}
    strict: dict[str, str] = {}
    checked = 0
    for name, values in sorted(found.items()):
        for value in values:
            checked += 1
            error = _first_error(relaxed, name, value)
            if error is not None:
                rejected.setdefault(name, error)
            error = _first_error(doc, name, value)
            if error is not None:
                strict.setdefault(name, error)
    assert not rejected, "\n".join(f"{n}: {why}" for n, why in sorted(rejected.items()))
    unexpected = {n: why for n, why in strict.items() if n not in ONE_OF_OVERLAPS}
    assert not unexpected, "\n".join(f"{n}: {why}" for n, why in sorted(unexpected.items()))
    fixed = sorted(set(ONE_OF_OVERLAPS) - set(strict))
    assert not fixed, f"listed overlaps that now validate (remove them): {fixed}"
    assert checked > 1.5 * len(found)
