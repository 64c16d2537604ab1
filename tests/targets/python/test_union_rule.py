"""The one union decoding rule (README, "Unions"), in generated Python: a tag value that one
variant carries picks it; otherwise the variants are tried in schema order and the first that
accepts the value exactly (no unknown enum value, no undeclared property, re-encodes to the
input) wins, else the first that decodes. Pinned on small models and on every tagged union of
the OpenAI spec of 2026-08, by which class each value decodes to."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from generator.ir import (
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ModelSet,
    Primitive,
    Ref,
    Source,
)
from generator.ir import ObjectModel as Obj
from generator.ir import UnionModel as Union
from tests.support.union_cases import union_cases
from tests.targets.python.support import import_package

TEXT = Primitive("string")

# Cases whose instance is also an exact instance of an earlier variant: the rule picks that one.
EXEMPT: dict[str, str] = {
    "RealtimeAudioFormats/PcmuAudioFormat/no-tag": "without its tag it is {}, a PcmAudioFormat",
    "RealtimeAudioFormats/PcmaAudioFormat/no-tag": "without its tag it is {}, a PcmAudioFormat",
}


def _models() -> ModelSet:
    hosted = EnumModel("HostedType", "string", (EnumValue("file_search"), EnumValue("web")))
    return ModelSet(
        (
            # untagged: Hosted accepts {"type": "function", "name": ...} only inexactly
            Union("Choice", (Ref("Hosted"), Ref("Function"), Ref("Open"))),
            Obj("Hosted", (Field("type", Ref("HostedType"), True),)),
            hosted,
            Obj(
                "Function",
                (Field("type", TEXT, True, const=Const("function")), Field("name", TEXT, True)),
            ),
            Obj(
                "Open",
                (Field("type", TEXT, True), Field("name", TEXT, True), Field("extra", TEXT, True)),
            ),
            # tagged, with a variant whose tag is a two-valued enum and one without a tag
            Union(
                "Tool",
                (Ref("Hosted"), Ref("Function"), Ref("Open")),
                Discriminator("type", (("function", "Function"),)),
            ),
        ),
        Source("rule.yaml"),
    )


@pytest.fixture(scope="module")
def rule() -> Any:
    return import_package(_models(), "union_rule_pkg")


def test_a_variant_needing_an_unknown_enum_value_and_extra_keys_ranks_after_an_exact_one(
    rule: Any,
) -> None:
    decoded = rule.choice_from_json({"type": "function", "name": "f"})
    assert type(decoded) is rule.Function


def test_an_inexact_variant_is_taken_when_no_variant_is_exact(rule: Any) -> None:
    decoded = rule.choice_from_json({"type": "new_tool"})
    assert type(decoded) is rule.Hosted
    assert decoded.to_dict() == {"type": "new_tool"}


def test_every_value_of_a_variants_tag_enum_picks_it(rule: Any) -> None:
    assert type(rule.tool_from_json({"type": "web", "name": "x"})) is rule.Hosted


def test_an_unknown_tag_falls_back_to_trying_the_variants_in_order(rule: Any) -> None:
    decoded = rule.tool_from_json({"type": "other", "name": "n", "extra": "e"})
    assert type(decoded) is rule.Open
    assert type(rule.tool_from_json({"type": "other"})) is rule.Hosted  # as an unknown value
    with pytest.raises(rule._rt.DecodeError, match="unknown type 5"):
        rule.tool_from_json({"type": 5})


def test_a_tag_one_variant_carries_picks_it_even_when_it_does_not_decode(rule: Any) -> None:
    with pytest.raises(rule._rt.DecodeError, match="missing required property 'name'"):
        rule.tool_from_json({"type": "function"})


@pytest.fixture(scope="module")
def openai_latest(openai_latest_models: ModelSet) -> Any:
    return import_package(openai_latest_models, "openai_latest_pkg")


@pytest.mark.slow
def test_the_openai_cases_of_the_issue_decode_to_the_right_class(openai_latest: Any) -> None:
    m = openai_latest
    assert type(m.input_item_from_json({"role": "user", "content": "hi"})) is m.EasyInputMessage
    request = {"model": "gpt-4o", "input": [{"role": "user", "content": "hi"}]}
    assert m.CreateResponse.from_dict(request).to_dict() == request
    for data, cls in [
        ({"type": "function", "name": "get_weather"}, m.ToolChoiceFunction),
        ({"type": "mcp", "server_label": "deepwiki"}, m.ToolChoiceMCP),
        ({"type": "custom", "name": "grammar"}, m.ToolChoiceCustom),
        ({"type": "file_search"}, m.ToolChoiceTypes),
    ]:
        assert type(m.tool_choice_param_from_json(data)) is cls, data
    assert type(m.tool_from_json({"type": "web_search_preview"})) is m.WebSearchPreviewTool


@pytest.mark.slow
def test_every_variant_of_every_openai_tagged_union_decodes_to_its_own_class(
    openai_latest_models: ModelSet, openai_latest: Any
) -> None:
    from generator.targets import emit
    from generator.targets.python.emit import decoder_sources

    decoders = decoder_sources(openai_latest_models)
    classes = emit("python", openai_latest_models, package="openai_latest_pkg").symbols
    cases = union_cases(openai_latest_models)
    assert len({c.union for c in cases}) == 164 and sum(not c.tagged for c in cases) >= 8
    wrong: dict[str, str] = {}
    # a package split into modules exposes its names lazily: load them all for eval
    names = {name: getattr(openai_latest, name) for name in openai_latest.__all__}
    runtime = importlib.import_module("openai_latest_pkg._runtime")
    names.update(vars(openai_latest), _rt=runtime)
    for case in cases:
        decode = eval(decoders[case.union], names)
        try:
            got = type(decode(case.data, case.union)).__name__
        except runtime.DecodeError as error:
            got = f"error: {error}"
        if got != classes[case.expected][0].name:
            wrong[case.id] = got
    assert {k: v for k, v in wrong.items() if k not in EXEMPT} == {}
    assert sorted(set(EXEMPT) - set(wrong)) == [], "exempt cases that now pass"
