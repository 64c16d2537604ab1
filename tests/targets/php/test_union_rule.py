"""The one union decoding rule (README, "Unions"), in generated PHP: the same small models and
OpenAI cases as tests/targets/python/test_union_rule.py, checked by the class each value
decodes to."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir import JsonValue, ModelSet
from generator.targets import emit
from tests.support.paths import need_php
from tests.support.union_cases import union_cases
from tests.targets.php.support import dumps, generate, namespace_of, round_trip
from tests.targets.python.test_union_rule import EXEMPT, _models


def _classes(
    models: ModelSet, tmp_path: Path, cases: list[tuple[str, str, JsonValue]]
) -> dict[str, str]:
    """case id -> the short class name the value decodes to, or "error: ..."."""
    php = need_php()
    files = generate(models, tmp_path)
    prefix = namespace_of(files) + "\\"
    results = round_trip(php, tmp_path, files, models, [(i, m, dumps(v)) for i, m, v in cases])
    return {
        case: (found[1].removeprefix(prefix) if found[0] == "ok" else f"error: {found[1]}")
        for case, found in results.items()
    }


def _class_names(models: ModelSet) -> dict[str, str]:
    """Model name -> its PHP class."""
    return {name: found[0].name for name, found in emit("php", models).symbols.items()}


def test_the_union_rule_picks_the_same_classes_as_python(tmp_path: Path) -> None:
    got = _classes(
        _models(),
        tmp_path,
        [
            ("inexact-last", "Choice", {"type": "function", "name": "f"}),
            ("only-inexact", "Choice", {"type": "new_tool"}),
            ("enum-tag", "Tool", {"type": "web", "name": "x"}),
            ("unknown-tag", "Tool", {"type": "other", "name": "n", "extra": "e"}),
            ("unknown-tag-inexact", "Tool", {"type": "other"}),
            ("tag-picks", "Tool", {"type": "function"}),
        ],
    )
    cls = _class_names(_models())
    assert got["inexact-last"] == cls["Function"]
    assert got["only-inexact"] == cls["Hosted"]
    assert got["enum-tag"] == cls["Hosted"]
    assert got["unknown-tag"] == cls["Open"]
    assert got["unknown-tag-inexact"] == cls["Hosted"]
    assert got["tag-picks"].startswith("error: ") and "name" in got["tag-picks"]


def test_an_open_object_keeps_an_undeclared_property(tmp_path: Path) -> None:
    value: JsonValue = {"type": "web", "name": "x"}
    php = need_php()
    models = _models()
    files = generate(models, tmp_path)
    results = round_trip(php, tmp_path, files, models, [("open", "Hosted", dumps(value))])
    assert results["open"][0] == "ok" and results["open"][2] == dumps(value)


@pytest.mark.slow
def test_the_openai_cases_of_the_issue_decode_to_the_right_class(
    openai_latest_models: ModelSet, tmp_path: Path
) -> None:
    cases: list[tuple[str, str, JsonValue]] = [
        ("item", "InputItem", {"role": "user", "content": "hi"}),
        ("function", "ToolChoiceParam", {"type": "function", "name": "get_weather"}),
        ("mcp", "ToolChoiceParam", {"type": "mcp", "server_label": "deepwiki"}),
        ("custom", "ToolChoiceParam", {"type": "custom", "name": "grammar"}),
        ("hosted", "ToolChoiceParam", {"type": "file_search"}),
        ("preview", "Tool", {"type": "web_search_preview"}),
    ]
    got = _classes(openai_latest_models, tmp_path, cases)
    cls = _class_names(openai_latest_models)
    assert got == {
        "item": cls["EasyInputMessage"],
        "function": cls["ToolChoiceFunction"],
        "mcp": cls["ToolChoiceMCP"],
        "custom": cls["ToolChoiceCustom"],
        "hosted": cls["ToolChoiceTypes"],
        "preview": cls["WebSearchPreviewTool"],
    }


@pytest.mark.slow
def test_every_variant_of_every_openai_tagged_union_decodes_to_its_own_class(
    openai_latest_models: ModelSet, tmp_path: Path
) -> None:
    cls = _class_names(openai_latest_models)
    cases = union_cases(openai_latest_models)
    got = _classes(openai_latest_models, tmp_path, [(c.id, c.union, c.data) for c in cases])
    wrong = {c.id: got[c.id] for c in cases if got[c.id] != cls[c.expected]}
    assert {k: v for k, v in wrong.items() if k not in EXEMPT} == {}
    assert sorted(set(EXEMPT) - set(wrong)) == [], "exempt cases that now pass"
