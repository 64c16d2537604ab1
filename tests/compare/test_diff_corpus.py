"""The diff review on real consecutive revisions of the OpenAI spec (``../shared/corpus``).

Each pair is loaded once per run (about 1-2 s per spec) and shared by the tests of that pair.
"""

from __future__ import annotations

import gc
from functools import cache

from generator.compare.diff import Finding, compare
from generator.compare.surface import apply, surface
from generator.ir import ModelSet
from generator.sources import load
from generator.targets import default_languages, emit
from tests.support.paths import CORPUS, need

ALL = default_languages()

DIFFS = CORPUS / "openai-diffs"


@cache
def _pair(name: str) -> tuple[ModelSet, ModelSet]:
    folder = DIFFS / name
    gc.disable()  # as modelgen diff does: the collector only slows loading down
    try:
        return load(folder / "before.yaml"), load(folder / "after.yaml")
    finally:
        gc.enable()


def pair(name: str) -> tuple[ModelSet, ModelSet]:
    need(DIFFS / name / "after.yaml")
    return _pair(name)


@cache
def _findings(name: str) -> tuple[Finding, ...]:
    return tuple(compare(*pair(name)))


def findings(name: str) -> list[Finding]:
    need(DIFFS / name / "after.yaml")
    return list(_findings(name))


QUANTITY_UNIT = "010421dc-13c6a94f"  # "Add quantity_unit field to organization costs results"
INLINE_TO_REF = "b9dc1526-0f23d5fa"  # inline objects replaced by $refs (Metadata)
INTO_ALLOF = "acea67a5-085babab"  # properties moved into allOf parents


def test_added_optional_property_is_the_only_finding() -> None:
    [finding] = findings(QUANTITY_UNIT)
    assert (finding.model, finding.kind, finding.member) == (
        "CostsResult",
        "property.added_optional",
        "quantity_unit",
    )
    assert finding.request.level in ("safe", "n/a")
    assert finding.response.level == "safe"
    assert finding.source.pointer == "/components/schemas/CostsResult/properties/quantity_unit"


def test_inline_object_replaced_by_equal_ref_is_no_wire_change() -> None:
    """``CreateBatchRequest.metadata`` was ``{type: object, additionalProperties: {type:
    string}, nullable: true}`` inline and became ``$ref: Metadata`` with that content."""
    found = findings(INLINE_TO_REF)
    batch = [f for f in found if f.model == "CreateBatchRequest" and not f.description_only]
    assert [(f.kind, f.member) for f in batch] == [("property.type_renamed", "metadata")]
    assert batch[0].after == "Metadata"
    assert batch[0].request.level == batch[0].response.level == "safe"


def test_inline_to_ref_reports_no_removals() -> None:
    found = findings(INLINE_TO_REF)
    removed = [f for f in found if f.kind in ("property.removed", "model.removed")]
    # the only removals: keys the old spec required without declaring them (free-form fields
    # with an undeclared-required warning), which the new one no longer requires
    assert [(f.model, f.member) for f in removed] == [
        ("CostsResult", "sessions"),
        ("CreateChatCompletionFunctionResponseChoicesItem", "logprobs"),
        ("ResponseFormatJsonSchemaJsonSchema", "type"),
    ]
    assert all(f.source.pointer.endswith("/required") for f in removed)


def test_free_form_metadata_replaced_by_string_map_is_a_value_narrowing() -> None:
    """Where the inline schema was a free-form object (values of any type) and ``Metadata``
    has string values, the wire did change: values narrowed, reported as that, not as a
    removal or an unrelated type change."""
    found = findings(INLINE_TO_REF)
    metadata = {(f.model, f.kind) for f in found if f.member == "metadata"}
    assert ("CreateAssistantRequest", "property.map_value_type_narrowed") in metadata
    assert all(
        kind
        in (
            "property.type_renamed",
            "property.map_value_type_narrowed",
            "property.became_nullable",
            "property.description_changed",
        )
        for _, kind in metadata
    ), metadata


def test_properties_moved_into_allof_are_not_removed() -> None:
    found = findings(INTO_ALLOF)
    assert [f for f in found if f.kind == "property.removed"] == []
    bases = [f for f in found if f.kind == "object.bases_changed"]
    assert ("CreateChatCompletionRequest", "CreateModelResponseProperties") in {
        (f.model, f.after) for f in bases
    }
    assert all(f.request.level == "safe" for f in bases)


def test_inline_schemas_replaced_by_one_shared_component_are_renames() -> None:
    """``CreateCompletionRequest.stop`` and ``CreateChatCompletionRequest.stop`` were inline
    unions; both became ``$ref: StopConfiguration``."""
    found = findings(INTO_ALLOF)
    renames = {(f.old_model, f.model) for f in found if f.kind == "model.renamed"}
    assert ("CreateCompletionRequestStop", "StopConfiguration") in renames
    assert ("CreateChatCompletionRequestStop", "StopConfiguration") in renames
    stop = [f for f in found if f.member == "stop" and f.kind == "property.type_renamed"]
    assert {f.model for f in stop} == {"CreateCompletionRequest", "CreateChatCompletionRequest"}
    assert all(f.request.level == "safe" for f in stop)


def test_enum_that_grew_inside_a_replaced_union_is_a_widening() -> None:
    found = findings(INTO_ALLOF)
    [model] = [
        f
        for f in found
        if (f.model, f.member) == ("CreateChatCompletionRequest", "model")
        and not f.description_only
    ]
    assert model.kind == "property.union_grew"
    assert model.request.level == "safe"


def test_a_union_nullable_through_its_member_is_nullable_behind_a_ref_too() -> None:
    """``CreateChatCompletionRequest.stop`` was ``oneOf: [{type: string, nullable: true},
    {type: array}]`` inline and became ``$ref: StopConfiguration`` (``nullable: true`` on the
    union): null was accepted before and after."""
    found = findings(INTO_ALLOF)
    stop = [(f.model, f.kind) for f in found if f.member == "stop"]
    assert ("CreateChatCompletionRequest", "property.type_renamed") in stop
    assert not [kind for _, kind in stop if "nullable" in kind], stop


def test_comparing_a_spec_with_itself_finds_nothing() -> None:
    old, _ = pair(QUANTITY_UNIT)
    assert compare(old, old) == []


# --- code verdicts from the real emitters ---------------------------------------------------------


@cache
def _reviewed(name: str) -> tuple[Finding, ...]:
    old, new = pair(name)
    found = list(_findings(name))
    return tuple(apply(found, surface(old, new, found, ALL, emit)))


def reviewed(name: str) -> list[Finding]:
    need(DIFFS / name / "after.yaml")
    return list(_reviewed(name))


def test_added_optional_property_is_safe_in_every_language() -> None:
    [finding] = reviewed(QUANTITY_UNIT)
    assert [language for language, _ in finding.code] == list(ALL)
    for language, verdict in finding.code:
        assert verdict.level == "safe", (language, verdict)
        assert "quantity" in verdict.reason.lower(), (language, verdict)


def test_ref_to_an_alias_of_the_same_type_is_safe_in_code() -> None:
    """``dict[str, str]`` became the alias ``Metadata`` (Python, Dart); PHP's type did not
    change at all."""
    [finding] = [
        f
        for f in reviewed(INLINE_TO_REF)
        if f.model == "CreateBatchRequest" and f.kind == "property.type_renamed"
    ]
    code = dict(finding.code)
    assert all(v.level == "safe" for v in code.values()), code
    assert "Metadata" in code["python"].reason


def test_inline_schema_replaced_by_a_component_is_a_class_rename_in_code() -> None:
    renames = [
        f
        for f in reviewed(INTO_ALLOF)
        if f.kind == "model.renamed" and f.old_model == "FileSearchRankingOptionsRanker"
    ]
    [finding] = renames
    assert finding.request.level == finding.response.level == "safe"
    for language, verdict in finding.code:
        assert verdict.level == "breaking", (language, verdict)
        assert "FileSearchRanker" in verdict.reason
