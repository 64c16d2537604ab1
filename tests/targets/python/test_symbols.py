"""``Emitted.symbols``: for every model, the names generated for it, its main type first, each
one defined in the generated ``models.py`` and exported; nothing has to be guessed from names."""

from __future__ import annotations

import ast

import pytest

from generator.ir import Field, ModelSet, ObjectModel, Primitive, Source, UnionModel
from generator.targets import Symbol, emit
from generator.targets.python.markers import MODELS_FILE
from tests.support.models import example, hostile

MAIN_KIND = {"object": "class", "enum": "enum", "union": "alias", "alias": "alias"}


def _definitions(text: str) -> dict[str, str]:
    """Top-level name -> what defines it (class, def, alias) in a generated module."""
    found: dict[str, str] = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = "class"
        elif isinstance(node, ast.FunctionDef):
            found[node.name] = "def"
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = "alias"
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = "alias"
    return found


def _check(models: ModelSet) -> dict[str, tuple[Symbol, ...]]:
    emitted = emit("python", models, package="p")
    text = emitted.files[f"p/{MODELS_FILE}"]
    defined = _definitions(text)
    exported = set(ast.literal_eval(text.split("__all__ = ", 1)[1].split("\n\n", 1)[0]))
    symbols = emitted.symbols
    assert list(symbols) == [m.name for m in models.models]
    every = [s.name for found in symbols.values() for s in found]
    assert len(every) == len(set(every))
    for model in models.models:
        main, *helpers = symbols[model.name]
        assert main.kind == MAIN_KIND[model.kind], model.name
        expected = [("decoder", "def"), ("encoder", "def")] if isinstance(model, UnionModel) else []
        assert [(h.kind, defined[h.name]) for h in helpers] == expected, model.name
        for symbol in (main, *helpers):
            assert symbol.name in exported, symbol
        assert defined[main.name] == ("class" if main.kind in ("class", "enum") else "alias")
    assert set(every) == set(defined) - {"__all__"}
    return dict(symbols)


def test_example_symbols_name_what_models_py_defines_for_each_model() -> None:
    symbols = _check(example())
    assert symbols["ClientEvent"] == (
        Symbol("alias", "ClientEvent"),
        Symbol("decoder", "client_event_from_json"),
        Symbol("encoder", "client_event_to_json"),
    )
    assert symbols["Voice"] == (Symbol("enum", "Voice"),)


def test_hostile_symbols_follow_renamed_models() -> None:
    symbols = _check(hostile())
    assert symbols["None"] == (Symbol("alias", "None_"),)
    # Models are named in order, so the object model "Class" keeps "Class" and the enum
    # "class" after it gets the next free name.
    assert symbols["Class"] == (Symbol("class", "Class"),)
    assert symbols["class"] == (Symbol("enum", "Class_2"),)
    assert symbols["DecodeError"] == (Symbol("class", "DecodeError_"),)


@pytest.mark.slow
def test_openai_symbols_name_what_models_py_defines_for_each_model(openai_models: ModelSet) -> None:
    _check(openai_models)


def test_a_schema_named_like_a_runtime_export_gets_another_class_name() -> None:
    """The package's ``__init__`` exports the runtime's ``UNSET`` next to the models."""
    models = ModelSet(
        models=(ObjectModel("UNSET", (Field("a", Primitive("string"), True),)),),
        source=Source("unset.yaml"),
    )
    assert _check(models)["UNSET"] == (Symbol("class", "UNSET_"),)


def test_unions_whose_function_names_collide_get_matching_decoder_and_encoder_names() -> None:
    text = Primitive("string")
    models = ModelSet(
        models=(
            UnionModel("HTTPx", (text, Primitive("integer"))),
            UnionModel("HttPx", (text, Primitive("boolean"))),
        ),
        source=Source("unions.yaml"),
    )
    symbols = _check(models)
    assert [s.name for s in symbols["HTTPx"][1:]] == ["htt_px_from_json", "htt_px_to_json"]
    assert [s.name for s in symbols["HttPx"][1:]] == ["htt_px_from_json_2", "htt_px_to_json_2"]
