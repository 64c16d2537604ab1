"""Real specs (``../shared/corpus/real-specs/``): 55 Twilio specs (OpenAPI 3.0; six put
``openapi:`` after the first 64 KiB), Discord (3.1, JSON), DigitalOcean (3.0 over ~2,900 files,
operations given by ``$ref``), and readme.io's feature examples for Swagger 2.0, OpenAPI 3.0 and
3.1. Each is detected, loads (with the degradations pinned here: ``--strict`` stops at the first
with a located error) and generates valid Python, Dart and PHP.

The OpenAI spec and the dmcg edge cases are generated and checked by the targets' own tests
(tests/targets/, tests/test_dmcg_generate.py).

Cost (measured on a 2-core machine under load): loading every spec takes about 35 s of CPU
(DigitalOcean alone about a third: 1,444 YAML files), once per session; generating and
checking all three languages for all of them about 2 minutes, so the code check takes every
spec but the Twilio ones, and every fifth Twilio spec (one generator wrote them all)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.sources import LoadOptions, kinds, load
from generator.sources.openapi import loader as openapi
from tests.sources.generated import dart_problems, generate, php_problems, python_problems
from tests.support.paths import need, need_php
from tests.support.real_specs import REAL, SPECS, loaded, rel

# Degradations per spec: (code, where) of each. Everything else loads without one.
DEGRADED: dict[str, list[tuple[str, str]]] = {
    # `type: number` with the values '' and 0, 1, 2: the enum keeps its numbers
    "oas-examples/3.0/yaml/schema-enums.yaml": [
        (
            "enum-type",
            "/paths/~1anything~1strings/get/requestBody/content/application~1json/schema"
            "/properties/enum (with empty option)/enum",
        ),
        (
            "enum-type",
            "/paths/~1anything~1strings/get/requestBody/content/application~1json/schema"
            "/properties/enum (with duplicate options)/enum",
        ),
        # `enum: ['', '', available, available]`: one member per value
        (
            "duplicate-enum-value",
            "/paths/~1anything~1strings/get/requestBody/content/application~1json/schema"
            "/properties/enum (with duplicate options)/enum",
        ),
        (
            "duplicate-enum-value",
            "/paths/~1anything~1strings/post/requestBody/content/application~1json/schema"
            "/properties/enum (with duplicate options)/enum",
        ),
    ],
}


def test_the_corpus_has_every_kind_of_real_spec() -> None:
    need(REAL)
    assert len(SPECS) == 55 + 2 + 7 + 38 + 11  # Twilio, Discord and DO, 2.0, 3.0, 3.1
    assert {rel(p) for p in SPECS} >= set(DEGRADED)


def test_every_real_spec_is_detected_as_a_spec_wherever_its_openapi_key_is() -> None:
    need(REAL)
    late = [p for p in SPECS if b"openapi:" not in p.read_bytes()[:65536] and "twilio" in str(p)]
    assert len(late) == 6  # the ones the first 64 KiB did not show
    assert [rel(p) for p in SPECS if not openapi.detect(p)] == []
    assert next(iter(kinds())) == "openapi"


@pytest.mark.slow
@pytest.mark.parametrize("path", SPECS, ids=[rel(p) for p in SPECS])
def test_every_real_spec_loads_with_its_pinned_degradations(path: Path) -> None:
    models = loaded(rel(path))
    got = [(d.code, d.source.pointer) for d in models.diagnostics if d.degraded]
    assert got == DEGRADED.get(rel(path), [])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DEGRADED))
def test_in_strict_mode_a_degraded_spec_stops_at_its_first_degradation(name: str) -> None:
    need(REAL)
    with pytest.raises(ModelgenError) as error:
        load(REAL / name, LoadOptions(strict=True))
    assert error.value.source is not None
    assert error.value.source.pointer == DEGRADED[name][0][1]


def test_swagger_examples_load_into_models_named_by_their_definitions() -> None:
    petstore = load(need(REAL / "oas-examples/2.0/yaml/petstore.yaml"))
    names = [m.name for m in petstore.models]
    assert {"Pet", "Category", "Tag", "Order", "User", "ApiResponse"} <= set(names)
    # form data of updatePetWithForm and uploadFile: one model per operation
    assert {"UpdatePetWithFormRequest", "UploadFileRequest"} <= petstore.request_roots
    assert Counter(m.inline for m in petstore.models)[True] == 4  # 2 forms, 2 inline enums


# The code check: all but the Twilio specs, and every fifth of those.
SAMPLE = [p for p in SPECS if "twilio" not in str(p)] + [p for p in SPECS if "twilio" in str(p)][
    ::5
]


@pytest.fixture(scope="module")
def code(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    need(REAL)
    entries = {rel(p): loaded(rel(p)) for p in SAMPLE}
    return generate(entries, tmp_path_factory.mktemp("real"))


@pytest.mark.slow
def test_real_specs_generate_python_that_imports(code: dict[str, dict[str, Path]]) -> None:
    assert python_problems(code["python"]) == []


@pytest.mark.slow
def test_real_specs_generate_php_that_parses(code: dict[str, dict[str, Path]]) -> None:
    assert php_problems(need_php(), code["php"]) == []


@pytest.mark.slow
def test_real_specs_generate_dart_that_parses_clean(code: dict[str, dict[str, Path]]) -> None:
    assert dart_problems(code["dart"]) == []
