"""The parity engine on hand-built model sets: name and type normalisation, each kind of
finding, unknown-is-not-a-mismatch, lossiness categories, ignore rules, and the renderers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.compare.parity import (
    Finding,
    IgnoreRule,
    ParityReport,
    apply_ignores,
    compare,
    parse_ignores,
)
from generator.compare.parity_report import (
    load_ignores,
    render_html,
    render_json,
    render_markdown,
    render_text,
)
from generator.errors import ModelgenError
from generator.ir import (
    FACETS,
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
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

STRING = Primitive("string")
INTEGER = Primitive("integer")
DOCS_KNOW = FACETS - {"nullable", "formats", "enum_values", "composition"}


def models(*items: Model, name: str = "src", knows: frozenset[str] = FACETS) -> ModelSet:
    return ModelSet(
        models=tuple(sorted(items, key=lambda m: m.name)), source=Source(name), knows=knows
    )


def obj(name: str, *fields: Field) -> ObjectModel:
    return ObjectModel(name=name, fields=fields)


def fld(name: str, type_: TypeRef = STRING, required: bool = True, **kw: Any) -> Field:
    return Field(name=name, type=type_, required=required, **kw)


def findings(report: ParityReport) -> list[Finding]:
    return list(report.findings())


def kinds(report: ParityReport) -> list[tuple[str, str | None, str, str]]:
    return [(f.model, f.field, f.kind, f.category) for f in report.findings()]


# --- names ---


def test_sets_that_differ_only_in_naming_conventions_are_in_parity() -> None:
    a = models(
        obj("RealtimeEvent", fld("event_id"), fld("class", Ref("Item_ref"))),
        obj("Item_ref", fld("item_count", INTEGER)),
    )
    b = models(
        obj("\\Acme\\Model\\RealtimeEvent", fld("eventId"), fld("class_", Ref("ItemRef"))),
        obj("ItemRef", fld("itemCount", INTEGER)),
        knows=FACETS - {"wire_names"},
    )
    report = compare([a, b])
    assert findings(report) == []
    assert report.in_parity


def test_wire_names_are_compared_only_between_sources_that_state_them() -> None:
    a = models(obj("M", fld("event_id")))
    b = models(obj("M", fld("eventId")))
    c = models(obj("M", fld("eventId")), knows=FACETS - {"wire_names"})
    assert kinds(compare([a, b])) == [("M", "event_id", "wire-name", "drift")]
    assert kinds(compare([a, c])) == []


# --- each kind of finding ---


def test_a_model_missing_from_one_source_is_drift_flagging_that_source() -> None:
    a = models(obj("Pet", fld("id")), obj("Owner", fld("id")))
    b = models(obj("Pet", fld("id")))
    report = compare([a, b])
    (finding,) = findings(report)
    assert (finding.model, finding.kind, finding.category, finding.odd) == (
        "Owner",
        "model-missing",
        "drift",
        (1,),
    )
    owner = next(m for m in report.models if m.name == "Owner")
    assert [owner.status(0), owner.status(1)] == ["ok", "missing"]
    assert not report.in_parity


def test_field_missing_type_required_and_default_mismatches_are_reported() -> None:
    a = models(
        obj(
            "Pet",
            fld("id", INTEGER),
            fld("name"),
            fld("tag", required=False),
            fld("age", INTEGER, required=False, default=Const(1)),
        )
    )
    b = models(
        obj(
            "Pet",
            fld("id", STRING),
            fld("name", required=False),
            fld("age", INTEGER, required=False, default=Const(2)),
        )
    )
    assert kinds(compare([a, b])) == [
        ("Pet", "id", "type", "drift"),
        ("Pet", "name", "required", "drift"),
        ("Pet", "tag", "field-missing", "drift"),
        ("Pet", "age", "default", "drift"),
    ]


def test_defaults_one_and_one_point_zero_agree_but_true_and_one_do_not() -> None:
    a = models(
        obj("M", fld("x", Primitive("number"), default=Const(1)), fld("y", default=Const(1)))
    )
    b = models(
        obj("M", fld("x", Primitive("number"), default=Const(1.0)), fld("y", default=Const(True)))
    )
    assert kinds(compare([a, b])) == [("M", "y", "default", "drift")]


def test_nullable_mismatch_is_reported_and_unknown_nullability_is_not() -> None:
    a = models(obj("M", fld("x", nullable=Nullable.YES)))
    b = models(obj("M", fld("x", nullable=Nullable.NO)))
    c = models(obj("M", fld("x", nullable=Nullable.UNKNOWN)))
    d = models(obj("M", fld("x", nullable=Nullable.NO)), knows=DOCS_KNOW)
    assert kinds(compare([a, b])) == [("M", "x", "nullable", "drift")]
    assert kinds(compare([a, c])) == []
    assert kinds(compare([a, d])) == []


def test_enum_values_mismatch_names_the_values_a_source_lacks() -> None:
    a = models(EnumModel("Voice", "string", (EnumValue("alloy"), EnumValue("ash"))))
    b = models(EnumModel("Voice", "string", (EnumValue("alloy"),)))
    (finding,) = findings(compare([a, b]))
    assert finding.kind == "enum-values"
    assert finding.values == ('"alloy", "ash"', '"alloy"')
    assert '"ash"' in finding.message


def test_enum_values_a_source_cannot_list_are_unknown() -> None:
    a = models(EnumModel("Voice", "string", (EnumValue("alloy"),)))
    b = models(EnumModel("Voice", "string", None))
    c = models(EnumModel("Voice", "string", (EnumValue("x"),)), knows=DOCS_KNOW)
    assert findings(compare([a, b])) == []
    assert findings(compare([a, c])) == []


def test_enum_value_order_does_not_matter() -> None:
    a = models(EnumModel("E", "string", (EnumValue("a"), EnumValue("b"))))
    b = models(EnumModel("E", "string", (EnumValue("b"), EnumValue("a"))))
    assert findings(compare([a, b])) == []


def test_union_variants_are_compared_by_normalised_names() -> None:
    a = models(
        UnionModel("Event", (Ref("session_update"), Ref("ItemCreate"))),
        obj("session_update"),
        obj("ItemCreate"),
    )
    b = models(
        UnionModel("Event", (Ref("SessionUpdate"), Ref("ItemCreate"))),
        obj("SessionUpdate"),
        obj("ItemCreate"),
    )
    c = models(
        UnionModel("Event", (Ref("SessionUpdate"),)), obj("SessionUpdate"), obj("ItemCreate")
    )
    assert findings(compare([a, b])) == []
    assert kinds(compare([a, c])) == [("Event", None, "variants", "drift")]


def test_formats_count_only_when_every_source_states_them() -> None:
    when = Primitive("string", "date-time")
    a = models(obj("M", fld("at", when)))
    b = models(obj("M", fld("at", STRING)))
    c = models(obj("M", fld("at", STRING)), knows=DOCS_KNOW)
    assert kinds(compare([a, b])) == [("M", "at", "type", "drift")]
    assert kinds(compare([a, c])) == []


def test_named_aliases_are_resolved_before_types_are_compared() -> None:
    a = models(
        obj("M", fld("meta", Ref("Metadata"))),
        AliasModel("Metadata", MapOf(STRING)),
    )
    b = models(obj("M", fld("meta", MapOf(STRING))))
    assert kinds(compare([a, b])) == [("Metadata", None, "model-missing", "alias-inlined")]


def test_an_alias_that_contains_itself_is_compared_without_recursing_forever() -> None:
    """``Tree = list[Tree]`` (nested JSON arrays) resolves to an infinite type: it is spelt
    to a fixed depth, so equal recursive aliases agree and different ones are reported."""
    tree = AliasModel("Tree", ListOf(Ref("Tree")))
    a = models(obj("M", fld("tree", Ref("Tree"))), tree)
    b = models(obj("M", fld("tree", Ref("Tree"))), tree)
    c = models(obj("M", fld("tree", Ref("Tree"))), AliasModel("Tree", MapOf(Ref("Tree"))))
    assert kinds(compare([a, b])) == []
    assert kinds(compare([a, c])) == [
        ("M", "tree", "type", "drift"),
        ("Tree", None, "type", "drift"),
    ]


def test_with_three_sources_the_odd_one_out_is_flagged() -> None:
    a = models(obj("M", fld("x", INTEGER)))
    b = models(obj("M", fld("x", INTEGER)))
    c = models(obj("M", fld("x", ListOf(INTEGER))))
    report = compare([a, b, c])
    (finding,) = findings(report)
    assert finding.odd == (2,)
    assert finding.values == ("integer", "integer", "list[integer]")
    model = report.models[0]
    assert [model.status(i) for i in range(3)] == ["ok", "ok", "drift"]


# --- lossiness categories ---


def test_a_union_flattened_into_an_object_by_a_source_without_composition_is_lossy() -> None:
    a = models(UnionModel("Event", (Ref("A"), Ref("B"))), obj("A", fld("x")), obj("B", fld("y")))
    b = models(
        obj("Event", fld("x"), fld("y")), obj("A", fld("x")), obj("B", fld("y")), knows=DOCS_KNOW
    )
    report = compare([a, b])
    assert kinds(report) == [("Event", None, "model-kind", "flattened")]
    assert report.in_parity


def test_an_enum_typed_as_its_base_type_is_lossy() -> None:
    a = models(obj("M", fld("type", Ref("MType"))), EnumModel("MType", "string", None))
    b = models(obj("M", fld("type", STRING)), EnumModel("MType", "string", None))
    assert kinds(compare([a, b])) == [("M", "type", "type", "enum-as-base-type")]


def test_an_inline_enum_the_docs_do_not_have_is_lossy() -> None:
    inline = EnumModel(
        "MType",
        "string",
        None,
        source=Source("spec.yaml", "/components/schemas/M/properties/type"),
        inline=True,
    )
    named = EnumModel(
        "Voice", "string", None, source=Source("spec.yaml", "/components/schemas/Voice")
    )
    a = models(obj("M", fld("type", Ref("MType"))), inline, named)
    b = models(obj("M", fld("type", STRING)), knows=DOCS_KNOW)
    assert kinds(compare([a, b])) == [
        ("M", "type", "type", "enum-as-base-type"),
        ("MType", None, "model-missing", "inline-enum"),
        ("Voice", None, "model-missing", "drift"),
    ]


def test_an_empty_list_default_on_one_side_only_is_the_generators() -> None:
    a = models(obj("M", fld("tags", ListOf(STRING), default=Const([]))))
    b = models(obj("M", fld("tags", ListOf(STRING))))
    c = models(obj("M", fld("tags", ListOf(STRING), default=Const(["x"]))))
    d = models(obj("M", fld("tags", ListOf(STRING), default=Const(["y"]))))
    assert kinds(compare([a, b])) == [("M", "tags", "default", "generator-default")]
    assert kinds(compare([c, b])) == [("M", "tags", "default", "container-default")]
    assert kinds(compare([c, d])) == [("M", "tags", "default", "drift")]


# --- ignore rules ---


def test_ignore_rules_mark_findings_and_restore_parity() -> None:
    a = models(obj("Pet", fld("event_id", INTEGER)), obj("Owner"))
    b = models(obj("Pet", fld("eventId", STRING)), knows=FACETS - {"wire_names"})
    rules = [
        IgnoreRule(reason="renamed later", model="Pet", field="eventId", kind="type"),
        IgnoreRule(reason="never matches", model="Nothing*"),
        IgnoreRule(reason="not shipped in Dart", model="Own*"),
    ]
    report, used = apply_ignores(compare([a, b]), rules)
    assert report.in_parity
    assert used == {0: 1, 1: 0, 2: 1}
    assert report.counts()["ignored"] == 2
    assert [f.ignored for f in report.findings()] == ["not shipped in Dart", "renamed later"]


def test_ignore_file_is_read_from_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "ignore.yaml"
    yaml_file.write_text("ignore:\n  - model: Pet\n    kind: type\n    reason: known\n")
    json_file = tmp_path / "ignore.json"
    json_file.write_text('{"ignore": [{"model": "Pet", "kind": "type", "reason": "known"}]}')
    expected = [IgnoreRule(reason="known", model="Pet", kind="type")]
    assert load_ignores(yaml_file) == expected
    assert load_ignores(json_file) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "'ignore' list"),
        ({"ignore": [{"model": "Pet"}]}, "needs a 'reason'"),
        ({"ignore": [{"reason": "x", "kind": "typo"}]}, "unknown kind"),
        ({"ignore": [{"reason": "x", "colour": "red"}]}, "unknown key"),
        ({"ignore": [{"reason": ""}]}, "non-empty string"),
    ],
)
def test_malformed_ignore_rules_are_errors(data: object, message: str) -> None:
    with pytest.raises(ModelgenError, match=message):
        parse_ignores(data, ModelgenError)


# --- renderers and CLI ---


def _drifting() -> ParityReport:
    a = models(
        obj("Pet", fld("id", INTEGER), fld("name")), obj("Owner", fld("id")), name="sdk/php-docs"
    )
    b = models(obj("Pet", fld("id", STRING)), name="sdk/dart-docs")
    return compare([a, b])


def test_json_output_is_stable_sorted_and_complete() -> None:
    report = _drifting()
    text = render_json(report)
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, indent=2) + "\n"
    assert data["counts"] == {
        "drift": 3,
        "findings": 3,
        "ignored": 0,
        "lossy": 0,
        "models": 2,
        "models_in_parity": 0,
        "models_with_drift": 2,
    }
    assert [s["label"] for s in data["sources"]] == ["php-docs", "dart-docs"]
    assert [m["name"] for m in data["models"]] == ["Owner", "Pet"]
    assert data["models"][1]["status"] == ["drift", "drift"]
    assert data["models"][1]["findings"][0]["values"] == ["integer", "string"]


def test_markdown_is_a_models_by_sources_table() -> None:
    text = render_markdown(_drifting())
    assert "| Model | php-docs | dart-docs | Drift | Lossy |" in text
    assert "| Owner | ✅ | ⬜ | 1 | 0 |" in text
    assert "| Pet | `id` | type | integer | string |" in text


def test_text_summary_counts_and_lists_the_worst_models() -> None:
    text = render_text(_drifting())
    assert "models: 2 in all, 0 in parity, 2 with drift" in text
    assert "findings: 3 drift, 0 lossy (none), 0 ignored" in text
    assert text.rstrip().endswith("DRIFT: the sources are not in parity")


def test_html_page_is_self_contained_and_escapes_names() -> None:
    a = models(obj("Pet</script><b>", fld("x")), name="a")
    b = models(obj("Other"), name="b")
    page = render_html(compare([a, b]))
    assert "Pet</script><b>" not in page
    assert "Pet&lt;/script&gt;&lt;b&gt;" in page
    assert "http://" not in page and "https://" not in page
    assert page.count("<script") == 2


def _spec(path: Path, props: str) -> Path:
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Pet:\n      type: object\n      properties:\n" + props
    )
    return path


def test_cli_exit_codes_are_0_in_parity_1_on_drift_2_on_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("generator.sources.openapi.loader")
    one = _spec(tmp_path / "one.yaml", "        id: {type: integer}\n")
    same = _spec(tmp_path / "same.yaml", "        id: {type: integer}\n")
    other = _spec(tmp_path / "other.yaml", "        id: {type: string}\n")
    assert main(["parity", str(one), str(same)]) == 0
    assert capsys.readouterr().out.endswith("in parity\n")
    assert main(["parity", str(one), str(other), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["counts"]["drift"] == 1
    assert main(["parity", str(one), str(tmp_path / "absent.yaml")]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("ignore: [{model: Pet}]\n")
    assert main(["parity", str(one), str(other), "--ignore", str(bad)]) == 2
    assert "needs a 'reason'" in capsys.readouterr().err


def test_cli_ignore_file_accepts_differences_and_reports_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("generator.sources.openapi.loader")
    one = _spec(tmp_path / "one.yaml", "        id: {type: integer}\n")
    other = _spec(tmp_path / "other.yaml", "        id: {type: string}\n")
    rules = tmp_path / "accepted.yaml"
    rules.write_text(
        "ignore:\n"
        "  - {model: Pet, field: id, kind: type, reason: ids became strings in v2}\n"
        "  - {model: Gone, reason: removed}\n"
    )
    assert main(["parity", str(one), str(other), "--ignore", str(rules)]) == 0
    out = capsys.readouterr().out
    assert "0 drift, 0 lossy (none), 1 ignored" in out
    assert "note: ignore rule matched nothing: Gone (removed)" in out


def test_cli_needs_two_sources_and_writes_reports_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("generator.sources.openapi.loader")
    one = _spec(tmp_path / "one.yaml", "        id: {type: integer}\n")
    assert main(["parity", str(one)]) == 2
    assert "at least two sources" in capsys.readouterr().err
    page = tmp_path / "report.html"
    assert main(["parity", str(one), str(one), "--format", "html", "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out == ""


def test_inline_schema_names_are_matched_only_across_differently_naming_sources() -> None:
    spec = models(
        obj("Pet", fld("tags", ListOf(Ref("PetTagsItem")))), obj("PetTagsItem", fld("label"))
    )
    docs = models(
        obj("Pet", fld("tags", ListOf(Ref("PetTagsInner")))),
        obj("PetTagsInner", fld("label")),
        knows=DOCS_KNOW,
    )
    other_docs = models(
        obj("Pet", fld("tags", ListOf(Ref("PetTagsItem")))),
        obj("PetTagsItem", fld("label")),
        knows=DOCS_KNOW,
    )
    assert kinds(compare([spec, docs])) == [("PetTagsItem", None, "model-name", "inline-name")]
    assert sorted(kinds(compare([other_docs, docs]))) == [
        ("Pet", "tags", "type", "drift"),
        ("PetTagsInner", None, "model-missing", "drift"),
        ("PetTagsItem", None, "model-missing", "drift"),
    ]


def test_the_report_does_not_depend_on_model_order() -> None:
    items = [obj(n, fld("id", INTEGER), fld("name")) for n in ("Pet", "Owner", "Tag", "Shop")]
    a = models(*items, name="a")
    b = ModelSet(models=tuple(reversed(items[1:])), source=Source("b"), knows=DOCS_KNOW)
    assert render_json(compare([a, b])) == render_json(
        compare([a, models(*items[1:], name="b", knows=DOCS_KNOW)])
    )


def test_a_nullable_model_counts_as_nullable_at_the_fields_that_use_it() -> None:
    spec = models(
        obj("Session", fld("turn", Ref("Turn"), required=False)),
        ObjectModel("Turn", (fld("ms", INTEGER),), nullable=Nullable.YES),
    )
    code = models(
        obj("Session", fld("turn", Ref("Turn"), required=False, nullable=Nullable.YES)),
        obj("Turn", fld("ms", INTEGER)),
    )
    stale = models(
        obj("Session", fld("turn", Ref("Turn"), required=False)), obj("Turn", fld("ms", INTEGER))
    )
    assert kinds(compare([spec, code])) == []
    assert kinds(compare([spec, stale])) == [("Session", "turn", "nullable", "drift")]


# --- what two sources spell differently and mean alike ---


def test_a_union_of_one_variant_is_in_parity_with_an_alias_of_that_variant() -> None:
    """Code may have one spelling for both (pydantic's ``RootModel[Pet]``); a spec may list
    the variant twice (``anyOf: [Pet, Pet]``)."""
    spec = models(
        obj("Home", fld("pet", Ref("Only"))),
        UnionModel("Only", (Ref("Pet"), Ref("Pet"))),
        obj("Pet"),
        obj("Owner"),
    )
    code = models(
        obj("Home", fld("pet", Ref("Only"))),
        AliasModel("Only", Ref("Pet")),
        obj("Pet"),
        obj("Owner"),
    )
    other = models(
        obj("Home", fld("pet", Ref("Only"))),
        AliasModel("Only", Ref("Owner")),
        obj("Pet"),
        obj("Owner"),
    )
    assert kinds(compare([spec, code])) == []
    assert kinds(compare([spec, other])) == [
        ("Home", "pet", "type", "drift"),
        ("Only", None, "variants", "drift"),
    ]


def test_a_number_enum_of_whole_numbers_is_in_parity_with_an_integer_enum_of_them() -> None:
    whole = (EnumValue(0), EnumValue(1), EnumValue(2))
    spec = models(EnumModel("Level", "number", whole))
    code = models(EnumModel("Level", "integer", (EnumValue(0), EnumValue(1), EnumValue(2))))
    half = models(EnumModel("Level", "number", (EnumValue(0), EnumValue(1.5))))
    ints = models(EnumModel("Level", "integer", (EnumValue(0), EnumValue(1))))
    text = models(EnumModel("Level", "string", (EnumValue("0"), EnumValue("1"), EnumValue("2"))))
    assert kinds(compare([spec, code])) == []
    assert ("Level", None, "enum-base", "drift") in kinds(compare([half, ints]))
    assert ("Level", None, "enum-base", "drift") in kinds(compare([spec, text]))


def test_a_discriminator_tag_on_a_variant_whose_schema_lacks_it_is_the_unions() -> None:
    """The spec's discriminator says every value of ``gcs`` carries ``kind: gcs``; a source
    that declares that field on the variant says the same. Another tag, or a field that is
    no constant, is drift."""

    def spec_with(*variant_fields: Field) -> ModelSet:
        return models(
            UnionModel(
                "Storage",
                (Ref("gcs"), Ref("s3")),
                discriminator=Discriminator("kind", (("gcs", "gcs"), ("s3", "s3"))),
            ),
            obj("gcs", fld("bucket"), *variant_fields),
            obj("s3", fld("bucket")),
        )

    spec = spec_with()
    tagged = spec_with(fld("kind", const=Const("gcs")))
    wrong = spec_with(fld("kind", const=Const("s3")))
    loose = spec_with(fld("kind"))
    assert kinds(compare([spec, tagged])) == [("gcs", "kind", "field-missing", "discriminator-tag")]
    assert kinds(compare([spec, wrong])) == [("gcs", "kind", "field-missing", "drift")]
    assert kinds(compare([spec, loose])) == [("gcs", "kind", "field-missing", "drift")]
