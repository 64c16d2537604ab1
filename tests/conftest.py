"""Session fixtures: what test modules of several targets need and is expensive to compute,
computed once per test session. A test asks for one by naming it as a parameter."""

from __future__ import annotations

import pytest

from generator.ir import JsonValue, ModelSet
from generator.sources import load
from tests.support.paths import OPENAI_LATEST_SPEC, OPENAI_SPEC, need


@pytest.fixture(scope="session")
def openai_models() -> ModelSet:
    """The OpenAI 2.3.0 spec as the OpenAPI loader reads it (skips without the corpus)."""
    return load(need(OPENAI_SPEC))


@pytest.fixture(scope="session")
def openai_latest_models() -> ModelSet:
    """The OpenAI spec of 2026-08 (``sdks/openai``), 164 tagged unions, as the loader reads it."""
    return load(need(OPENAI_LATEST_SPEC))


@pytest.fixture(scope="session")
def openai_instances(request: pytest.FixtureRequest) -> dict[str, list[JsonValue]]:
    """Two derandomized hypothesis-jsonschema instances per component schema of the OpenAI
    spec (one per variant for a union of ``$ref``s), by schema name: drawn once per session
    (about a minute of CPU), and kept between sessions in pytest's cache folder by spec hash.
    The Python, PHP and JSON Schema targets' tests all check these same instances."""
    from tests.support.jsonschema_instances import spec_instances

    spec = need(OPENAI_SPEC)
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    cache_dir = cache.mkdir("jsonschema-instances") if cache is not None else None
    found: dict[str, list[JsonValue]] = spec_instances(spec, 2, cache_dir)
    return found
