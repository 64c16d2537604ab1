"""The seeds (``../shared/seeds/``): one markdown doc each, ``RealtimeClientEvent`` as OpenAPI
Generator's PHP and Dart docs write it (an anyOf of 11 or 12 events flattened into one table).

Alone, each gives Python, Dart and PHP whose ``RealtimeClientEvent`` is a usable class (the
models its table links to, which are not loaded, are read as any JSON value, with warnings);
with ``--spec`` the OpenAI spec, it is the real union, and the generated Python decodes two
different events to their own classes by their ``type``."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from generator.errors import Warnings
from generator.ir import UnionModel
from generator.ir.check import check_references
from generator.sources import LoadOptions, load
from generator.targets import emit
from generator.targets.python.emit import decoder_sources
from tests.sources.generated import dart_problems, generate, php_problems, python_problems
from tests.support.paths import OPENAI_SPEC, SHARED, need, need_php

SEEDS = SHARED / "seeds"
NAMES = ["php-RealtimeClientEvent.md", "dart-RealtimeClientEvent.md"]


def test_each_seed_alone_loads_with_warnings_for_what_it_links_to() -> None:
    for name in NAMES:
        models = load(need(SEEDS / name))
        checked = check_references(models, Warnings())
        codes = sorted(d.code for d in checked.diagnostics)
        assert codes == ["flattened-union", *["missing-model"] * 3], name
        assert [m.name for m in checked.models] == ["RealtimeClientEvent"]


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    entries = {name: load(need(SEEDS / name)) for name in NAMES}
    return generate(entries, tmp_path_factory.mktemp("seeds"))


def test_each_seed_alone_generates_python_that_imports(alone: dict[str, dict[str, Path]]) -> None:
    assert python_problems(alone["python"]) == []


def test_each_seed_alone_generates_php_that_parses(alone: dict[str, dict[str, Path]]) -> None:
    assert php_problems(need_php(), alone["php"]) == []


def test_each_seed_alone_generates_dart_that_parses(alone: dict[str, dict[str, Path]]) -> None:
    assert dart_problems(alone["dart"]) == []


EVENTS = [
    {"type": "response.cancel", "response_id": "resp_1"},
    {"type": "input_audio_buffer.clear", "event_id": "ev_2"},
]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_with_the_spec_each_seed_is_a_union_that_dispatches_on_type(
    name: str, tmp_path: Path
) -> None:
    options = LoadOptions(spec=need(OPENAI_SPEC))
    models = load(need(SEEDS / name), options)
    union = models.by_name()["RealtimeClientEvent"]
    assert isinstance(union, UnionModel) and union.discriminator is not None
    assert union.discriminator.property == "type"
    mapping = dict(union.discriminator.mapping)
    package = f"seed_{name.split('-')[0]}"
    emitted = emit("python", models, package=package)
    for rel, text in emitted.files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module(f"{package}.models")
        decode = eval(decoder_sources(models)["RealtimeClientEvent"], vars(module))
        decoded = [decode(event, "RealtimeClientEvent") for event in EVENTS]
        classes = [type(value).__name__ for value in decoded]
        wanted = [emitted.symbols[mapping[str(e["type"])]][0].name for e in EVENTS]
        assert classes == wanted and len(set(classes)) == 2
        again = [module._rt.to_json(value) for value in decoded]
        assert json.dumps(again, sort_keys=True) == json.dumps(EVENTS, sort_keys=True)
    finally:
        sys.path.remove(str(tmp_path))
        for loaded_name in [m for m in sys.modules if m.startswith(package)]:
            del sys.modules[loaded_name]
