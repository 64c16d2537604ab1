"""Matching an SDK's classes to a spec's models (``generator.compare.matching``) and the SDK
lossiness categories of parity, on small hand-built model sets: a spec, and an SDK as an SDK
reader records it (class names, nested ``Outer.Inner``, files under the folder read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.compare.matching import MapEntry, match, parse_map
from generator.compare.parity import ParityReport, compare
from generator.compare.parity_report import load_map, match_summaries, render_json
from generator.errors import ModelgenError
from generator.ir import (
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.sources import split_kind

STRING = Primitive("string")
INTEGER = Primitive("integer")
ROOT = "sdk/types"


def _f(name: str, t: TypeRef = STRING, required: bool = True, **more: object) -> Field:
    return Field(name, t, required, **more)  # type: ignore[arg-type]


def _obj(name: str, *fields: Field, file: str = "", inline: bool = False) -> ObjectModel:
    source = Source(f"{ROOT}/{file}.py", line=1) if file else Source("spec.yaml")
    return ObjectModel(name, fields, source=source, inline=inline)


def _spec(*models: Model) -> ModelSet:
    return ModelSet(tuple(sorted(models, key=lambda m: m.name)), Source("spec.yaml"))


def _sdk(*models: Model) -> ModelSet:
    knows = frozenset({"nullable", "enum_values", "composition", "formats", "wire_names"})
    return ModelSet(
        tuple(sorted(models, key=lambda m: m.name)), Source(ROOT), knows=knows, kind="python-sdk"
    )


def _pairs(spec: ModelSet, sdk: ModelSet, *pinned: MapEntry) -> dict[str, tuple[str, str]]:
    return {m.sdk: (m.model, m.rule) for m in match(spec, sdk, pinned).matches if not m.twin}


# --- the rules ---------------------------------------------------------------------------------


def test_exact_and_normalised_names() -> None:
    spec = _spec(_obj("Batch", _f("id")), _obj("MCPToolCall", _f("id")))
    sdk = _sdk(_obj("Batch", _f("id"), file="batch"), _obj("McpToolCall", _f("id"), file="mcp"))
    assert _pairs(spec, sdk) == {
        "Batch": ("Batch", "exact"),
        "McpToolCall": ("MCPToolCall", "normalised"),
    }


def test_nesting_in_a_class_and_in_the_module_of_a_class() -> None:
    spec = _spec(
        _obj("Batch", _f("id")),
        _obj("BatchErrors", _f("data"), inline=True),
        _obj("BatchRequestCounts", _f("total"), inline=True),
    )
    sdk = _sdk(
        _obj("Batch", _f("id"), file="batch"),
        _obj("Errors", _f("data"), file="batch"),  # declared in the module of Batch
        _obj("Batch.RequestCounts", _f("total"), file="batch"),  # nested in Batch
    )
    assert _pairs(spec, sdk) == {
        "Batch": ("Batch", "exact"),
        "Errors": ("BatchErrors", "nesting"),
        "Batch.RequestCounts": ("BatchRequestCounts", "nesting"),
    }


def test_module_qualified_names_match_by_their_last_segment_and_module() -> None:
    spec = _spec(
        _obj("Batch", _f("id")),
        _obj("BatchErrors", _f("data"), inline=True),
        _obj("FineTuningJob", _f("id")),
        _obj("FineTuningJobErrors", _f("code"), inline=True),
    )
    sdk = _sdk(
        _obj("Batch", _f("id"), file="batch"),
        _obj("batch.Errors", _f("data"), file="batch"),
        _obj("FineTuningJob", _f("id"), file="fine_tuning/fine_tuning_job"),
        _obj("fine_tuning.fine_tuning_job.Errors", _f("code"), file="fine_tuning/fine_tuning_job"),
    )
    pairs = _pairs(spec, sdk)
    assert pairs["batch.Errors"] == ("BatchErrors", "nesting")
    assert pairs["fine_tuning.fine_tuning_job.Errors"] == ("FineTuningJobErrors", "nesting")


def test_loose_names_pair_params_with_request_bodies_but_not_with_responses() -> None:
    spec = _spec(
        _obj("CreateBatchRequest", _f("endpoint"), _f("input_file_id")),
        _obj("ListBatchesResponse", _f("data"), _f("has_more")),
    )
    sdk = _sdk(
        _obj("BatchCreateParams", _f("endpoint"), _f("input_file_id"), file="batch_create_params"),
        _obj("BatchListParams", _f("after"), _f("limit"), file="batch_list_params"),
    )
    assert _pairs(spec, sdk) == {"BatchCreateParams": ("CreateBatchRequest", "loose")}


def test_fields_of_matched_models_pair_what_they_type() -> None:
    spec = _spec(
        _obj("Response", _f("output", ListOf(Ref("OutputItem")))),
        UnionModel("OutputItem", (Ref("OutputMessage"), Ref("ImageGenToolCall"))),
        _obj("OutputMessage", _f("content"), _f("type", const=Const("message"))),
        _obj("ImageGenToolCall", _f("result"), _f("type", const=Const("image_generation_call"))),
    )
    sdk = _sdk(
        _obj("Response", _f("output", ListOf(Ref("ResponseOutputItem"))), file="response"),
        UnionModel(
            "ResponseOutputItem",
            (Ref("ResponseOutputMessage"), Ref("ImageGenerationCall")),
            source=Source(f"{ROOT}/response_output_item.py"),
        ),
        _obj(
            "ResponseOutputMessage",
            _f("content"),
            _f("type", const=Const("message")),
            file="response_output_message",
        ),
        _obj(
            "ImageGenerationCall",
            _f("result"),
            _f("type", const=Const("image_generation_call")),
            file="response_output_item",
        ),
    )
    pairs = _pairs(spec, sdk)
    assert pairs["ResponseOutputItem"] == ("OutputItem", "fields")
    assert pairs["ImageGenerationCall"] == ("ImageGenToolCall", "fields")
    assert pairs["ResponseOutputMessage"] == ("OutputMessage", "fields")


def test_shape_pairs_the_one_model_of_the_same_keys_and_constants() -> None:
    spec = _spec(
        _obj("OpenAIFile", _f("id"), _f("bytes"), _f("filename"), _f("object", const=Const("file")))
    )
    sdk = _sdk(
        _obj(
            "FileObject",
            _f("id"),
            _f("bytes"),
            _f("filename"),
            _f("object", const=Const("file")),
            file="file_object",
        )
    )
    assert _pairs(spec, sdk) == {"FileObject": ("OpenAIFile", "shape")}


def test_a_name_does_not_pair_a_class_with_other_keys_where_a_model_has_exactly_its_own() -> None:
    # The beta schema has the GA one's keys and `agent`; the beta class is named like the GA.
    ga = (_f("id"), _f("code"), _f("type", const=Const("program")))
    spec = _spec(
        _obj("Program", *ga),
        _obj("BetaProgramItemParam", *ga, _f("agent")),
    )
    beta = _sdk(_obj("beta.item.Program", *ga, _f("agent"), file="beta/item"))
    assert _pairs(spec, beta) == {"beta.item.Program": ("BetaProgramItemParam", "shape")}
    # The words SDKs add to a name count for nothing: `ResponseOutputText` is the model of
    # its keys, `OutputTextContent`, not the other API's `ResponseOutputText` of fewer keys.
    text = (_f("text"), _f("type", const=Const("output_text")))
    spec = _spec(
        _obj("ResponseOutputText", *text),
        _obj("OutputTextContent", *text, _f("logprobs")),
    )
    sdk = _sdk(_obj("ResponseOutputText", *text, _f("logprobs"), file="response_output_text"))
    assert _pairs(spec, sdk) == {"ResponseOutputText": ("OutputTextContent", "shape")}
    # Without the beta schema, the name pairs the beta class with the GA one (drift: `agent`).
    assert _pairs(_spec(_obj("Program", *ga)), beta) == {"beta.item.Program": ("Program", "exact")}


def test_wire_names_break_a_tie_between_names() -> None:
    spec = _spec(
        _obj("MCPUsage", _f("input_tokens"), _f("output_tokens")),
        _obj("MCP_Usage", _f("seconds")),
    )
    sdk = _sdk(_obj("McpUsage", _f("seconds"), file="mcp_usage"))
    assert _pairs(spec, sdk) == {"McpUsage": ("MCP_Usage", "normalised")}


def test_a_second_class_for_a_matched_model_is_its_twin() -> None:
    spec = _spec(_obj("Metadata", _f("key")))
    sdk = _sdk(
        _obj("shared.metadata.Metadata", _f("key"), file="shared/metadata"),
        _obj("shared_params.metadata.Metadata", _f("key"), file="shared_params/metadata"),
    )
    result = match(spec, sdk)
    assert [(m.sdk, m.model, m.twin) for m in result.matches] == [
        ("shared.metadata.Metadata", "Metadata", False),
        ("shared_params.metadata.Metadata", "Metadata", True),
    ]
    assert result.matched_classes() == 2 and result.unmatched == ()


def test_a_map_entry_pairs_what_no_rule_pairs_and_unused_entries_are_reported() -> None:
    spec = _spec(_obj("OpenAIFile", _f("id")))
    sdk = _sdk(_obj("FileObject", _f("name"), file="file_object"))
    entries = (
        MapEntry("OpenAIFile", "FileObject", "named after its object value"),
        MapEntry("Nothing", "FileObject", "stale"),
    )
    result = match(spec, sdk, entries)
    assert [(m.sdk, m.model, m.rule) for m in result.matches] == [
        ("FileObject", "OpenAIFile", "map")
    ]
    assert [e.model for e in result.unused_map] == ["Nothing"]


def test_the_matching_counts_classes_unmatched_classes_and_models_without_class() -> None:
    spec = _spec(_obj("Batch", _f("id")), _obj("Upload", _f("id")), _obj("BatchErrors", _f("x")))
    sdk = _sdk(
        _obj("Batch", _f("id"), file="batch"),
        _obj("WebsocketOptions", _f("retries"), file="websocket"),
        _obj("Batch.status", _f("q"), file="batch", inline=True),
    )
    result = match(spec, sdk)
    assert result.classes == ("Batch", "WebsocketOptions")  # declared, not inline
    assert result.unmatched == ("WebsocketOptions",)
    assert result.without_class == ("BatchErrors", "Upload")


def test_parse_map_requires_a_class_and_a_reason() -> None:
    def error(message: str) -> Exception:
        return ValueError(message)

    data = {"map": {"OpenAIFile": {"class": "FileObject", "reason": "renamed"}}}
    assert parse_map(data, error) == [MapEntry("OpenAIFile", "FileObject", "renamed")]
    with pytest.raises(ValueError, match="'reason' must be a non-empty string"):
        parse_map({"map": {"OpenAIFile": {"class": "FileObject"}}}, error)
    with pytest.raises(ValueError, match="unknown key 'klass'"):
        parse_map({"map": {"X": {"klass": "Y", "reason": "r"}}}, error)


# --- the SDK categories -------------------------------------------------------------------------


def _report(spec: ModelSet, sdk: ModelSet) -> ParityReport:
    return compare([spec, sdk], ["spec", "sdk"])


def _findings(report: ParityReport) -> dict[tuple[str | None, str], str]:
    return {(f.field, f.kind): f.category for f in report.findings()}


def test_optional_written_as_nullable_is_the_sdks_convention() -> None:
    spec = _spec(
        _obj(
            "Batch",
            _f("model", required=False),
            _f("error", required=True, nullable=Nullable.YES),
            _f("id", required=True),
        )
    )
    sdk = _sdk(
        _obj(
            "Batch",
            _f("model", required=False, nullable=Nullable.YES),  # Optional[str] = None
            _f("error", required=False, nullable=Nullable.YES),  # Optional[str] = None
            _f("id", required=True, nullable=Nullable.YES),  # id: Optional[str]: drift
            file="batch",
        )
    )
    assert _findings(_report(spec, sdk)) == {
        ("model", "nullable"): "optional-nullable",
        ("error", "required"): "optional-nullable",
        ("id", "nullable"): "drift",
    }


def test_formats_the_sdk_does_not_carry_and_expandable_ids() -> None:
    spec = _spec(
        _obj(
            "Charge",
            _f("created", Primitive("integer", "unixtime")),
            _f("customer", Ref("Customer")),
            _f("amount", Primitive("integer", "int64")),
        ),
        _obj("Customer", _f("id"), _f("email")),
    )
    sdk = _sdk(
        _obj(
            "Charge",
            _f("created", INTEGER),
            _f("customer", Ref("Charge.customer")),
            _f("amount", Primitive("string", "date-time")),
            file="charge",
        ),
        UnionModel(
            "Charge.customer",
            (STRING, Ref("Customer")),
            source=Source(f"{ROOT}/charge.py"),
            inline=True,
        ),
        _obj("Customer", _f("id"), _f("email"), file="customer"),
    )
    assert _findings(_report(spec, sdk)) == {
        ("created", "type"): "format-not-carried",
        ("customer", "type"): "expandable-id",
        ("amount", "type"): "drift",
        (None, "model-missing"): "inline-schema",
    }


def test_enums_typed_as_strings_params_classes_and_list_pages() -> None:
    spec = _spec(
        _obj("Batch", _f("status", Ref("BatchStatus"))),
        EnumModel("BatchStatus", "string", (EnumValue("done"),), inline=True),
        _obj(
            "ListBatchesResponse",
            _f("data", ListOf(Ref("Batch"))),
            _f("has_more", Primitive("boolean")),
        ),
    )
    sdk = _sdk(
        _obj("Batch", _f("status", STRING), file="batch"),
        _obj("BatchListParams", _f("after"), file="batch_list_params"),
    )
    report = _report(spec, sdk)
    by_model = {(m.name, f.kind): f.category for m in report.models for f in m.findings}
    assert by_model == {
        ("Batch", "type"): "enum-as-base-type",
        ("BatchStatus", "model-missing"): "inline-schema",
        ("ListBatchesResponse", "model-missing"): "list-page",
        ("BatchListParams", "model-missing"): "params-only",
    }
    assert report.in_parity


def test_the_matrix_marks_the_lossy_side_not_the_spec() -> None:
    spec = _spec(_obj("Batch", _f("model", required=False)))
    sdk = _sdk(_obj("Batch", _f("model", required=False, nullable=Nullable.YES), file="batch"))
    (model,) = _report(spec, sdk).models
    assert [model.status(0), model.status(1)] == ["ok", "lossy"]


def test_reports_say_how_many_classes_matched() -> None:
    spec = _spec(_obj("Batch", _f("id")), _obj("Upload", _f("id")))
    sdk = _sdk(
        _obj("Batch", _f("id"), file="batch"),
        _obj("WebsocketOptions", _f("retries"), file="websocket"),
    )
    report = _report(spec, sdk)
    (summary,) = match_summaries(report)
    assert (summary.classes, summary.matched, summary.rate) == (2, 1, 0.5)
    assert summary.unmatched == (("WebsocketOptions", "sdk-only"),)
    assert '"models_without_class": [\n          "Upload"\n        ]' in render_json(report)


# --- the command line ----------------------------------------------------------------------------


def test_kind_prefix_counts_only_for_registered_kinds(tmp_path: Path) -> None:
    assert split_kind("python-sdk:src/openai/types") == ("python-sdk", "src/openai/types")
    assert split_kind("main:openapi.yaml") == (None, "main:openapi.yaml")  # a git REV:path
    assert split_kind("C:\\specs\\api.yaml") == (None, "C:\\specs\\api.yaml")
    assert split_kind("openapi.yaml") == (None, "openapi.yaml")
    existing = tmp_path / "python-sdk:odd"
    existing.mkdir()
    assert split_kind(str(existing)) == (None, str(existing))


def test_parity_command_with_a_forced_kind_and_a_map_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n"
        "  schemas:\n    OpenAIFile:\n      type: object\n      required: [id]\n"
        "      properties:\n        id: {type: string}\n",
        encoding="utf-8",
    )
    sdk = tmp_path / "types"
    sdk.mkdir()
    (sdk / "file_object.py").write_text(
        "from pydantic import BaseModel\n\nclass FileObject(BaseModel):\n    id: str\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "map:\n  OpenAIFile:\n    class: FileObject\n    reason: renamed by the SDK\n",
        encoding="utf-8",
    )
    assert load_map(mapping) == [MapEntry("OpenAIFile", "FileObject", "renamed by the SDK")]
    args = ["parity", str(spec), f"python-sdk:{sdk}", "--map", str(mapping)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "classes of [2]: 1 of 1 matched to models of [1] (100.0%: map 1)" in out
    assert main(["parity", str(spec), f"openapi:{sdk}"]) == 2  # forced, and not a spec
    bad = tmp_path / "bad.yaml"
    bad.write_text("map:\n  OpenAIFile: {class: FileObject}\n", encoding="utf-8")
    with pytest.raises(ModelgenError, match="'reason' must be a non-empty string"):
        load_map(bad)


def test_a_class_named_like_a_request_body_is_not_that_body_by_loose_names() -> None:
    shared = [_f("model"), _f("instructions"), _f("tools"), _f("status")]
    spec = ModelSet(
        (
            _obj("CreateResponse", *shared, _f("input")),
            _obj("ModelResponse", *shared, _f("id"), _f("output"), _f("usage")),
        ),
        Source("spec.yaml"),
        request_roots=frozenset({"CreateResponse"}),
        response_roots=frozenset({"ModelResponse"}),
    )
    # the SDK's CreateResponse (named with its namespace, as the php-sdk reader names a class
    # declared in several) is what creating a response returns, not the request body
    name = "Responses\\CreateResponse"
    sdk = _sdk(_obj(name, *shared, _f("id"), _f("output"), file="create_response"))
    assert _pairs(spec, sdk).get(name, ("", ""))[0] != "CreateResponse"


def test_a_class_whose_fields_type_a_models_classes_is_that_model() -> None:
    top = [_f("id"), _f("created"), _f("model")]
    spec = _spec(
        _obj("CreateCompletionResponse", *top, _f("choices", ListOf(Ref("CompletionChoice")))),
        _obj("CompletionChoice", _f("text"), _f("index"), _f("finish_reason")),
        _obj(
            "CreateChatCompletionResponse",
            *top,
            _f("choices", ListOf(Ref("ChatChoice"))),
            _f("service_tier"),
        ),
        _obj("ChatChoice", _f("message"), _f("index"), _f("finish_reason")),
    )
    sdk = _sdk(
        # the same top-level keys as the legacy completion; its choices are chat choices
        _obj("CreateResponse", *top, _f("choices", ListOf(Ref("Choice"))), file="chat/create"),
        _obj("Choice", _f("message"), _f("index"), _f("finish_reason"), file="chat/choice"),
    )
    pairs = _pairs(spec, sdk)
    assert pairs["Choice"][0] == "ChatChoice"
    assert pairs["CreateResponse"] == ("CreateChatCompletionResponse", "fields")


def test_defaults_an_sdk_leaves_to_the_api_are_conventions() -> None:
    spec = _spec(
        _obj(
            "ImageRequest",
            _f("n", INTEGER, required=False, default=Const(1)),
            _f("type", required=True, const=Const("image"), default=Const("image")),
            _f("style", required=False, default=Const("vivid")),
        )
    )
    sdk = ModelSet(
        (
            _obj(
                "ImageRequest",
                _f("n", INTEGER, required=False),  # int? n: left out, the API's default
                _f("type", required=True, const=Const("image")),  # one value: moot
                _f("style", required=False, default=Const("natural")),  # another default
                file="image_request",
            ),
        ),
        Source(ROOT),
        knows=frozenset({"nullable", "defaults", "wire_names"}),
        kind="dart-sdk",
    )
    assert _findings(_report(spec, sdk)) == {
        ("n", "default"): "server-default",
        ("type", "default"): "const-default",
        ("style", "default"): "drift",
    }


def test_a_union_member_the_sdk_types_as_its_enums_base_type_is_a_convention() -> None:
    spec = _spec(
        UnionModel("BatchSize", (Ref("Auto"), INTEGER)),
        EnumModel("Auto", "string", (EnumValue("auto"),)),
    )
    sdk = _sdk(UnionModel("BatchSize", (INTEGER, STRING), source=Source(f"{ROOT}/job.py")))
    assert _findings(_report(spec, sdk))[(None, "variants")] == "enum-as-base-type"


def test_union_members_whose_formats_the_sdk_does_not_carry_are_a_convention() -> None:
    spec = _spec(UnionModel("Nonce", (Primitive("integer", "int64"), Primitive("string", "n"))))
    sdk = _sdk(UnionModel("Nonce", (INTEGER, STRING), source=Source(f"{ROOT}/nonce.py")))
    other = _sdk(UnionModel("Nonce", (INTEGER, Primitive("boolean")), source=sdk.source))
    stated = _sdk(UnionModel("Nonce", (INTEGER, Primitive("string", "uuid")), source=sdk.source))
    assert _findings(_report(spec, sdk)) == {(None, "variants"): "format-not-carried"}
    assert _findings(_report(spec, other)) == {(None, "variants"): "drift"}
    assert _findings(_report(spec, stated)) == {(None, "variants"): "drift"}


def test_union_members_the_sdk_tags_as_the_discriminator_does_are_the_same_members() -> None:
    """The spec's variants state their tag only through the union's discriminator; the SDK
    types it ``Literal["cat"]`` on each variant. Another tag is drift (the constant the
    discriminator gives the field differs)."""
    spec = _spec(
        UnionModel(
            "Pet",
            (Ref("Cat"), Ref("Dog")),
            discriminator=Discriminator("kind", (("cat", "Cat"), ("dog", "Dog"))),
        ),
        _obj("Cat", _f("kind"), _f("lives", INTEGER)),
        _obj("Dog", _f("kind")),
    )

    def sdk_with(cat_tag: str) -> ModelSet:
        return _sdk(
            UnionModel("Pet", (Ref("Cat"), Ref("Dog")), source=Source(f"{ROOT}/pet.py")),
            _obj("Cat", _f("kind", const=Const(cat_tag)), _f("lives", INTEGER), file="pet"),
            _obj("Dog", _f("kind", const=Const("dog")), file="pet"),
        )

    assert _findings(_report(spec, sdk_with("cat"))) == {}
    assert _findings(_report(spec, sdk_with("kitty"))) == {
        (None, "variants"): "same-shape",  # the same classes, by name
        ("kind", "const"): "drift",
    }
