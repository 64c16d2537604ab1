"""Parity on the real corpus: the two OpenAI SDK doc folders (real drift), and the spec against
the PHP docs generated from it (only lossiness and flattening, by category). Each source is
loaded once per module; the whole module takes about 2 s."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from generator.cli import main
from generator.compare.parity import ParityReport, compare
from generator.errors import ModelgenError
from generator.sources import load
from tests.support.paths import CORPUS, EXAMPLE_SPEC, OPENAI_SPEC, need

PHP_DOCS = CORPUS / "openai-2.3.0" / "php-docs"
DART_DOCS = CORPUS / "openai-2.3.0" / "dart-docs"


@cache
def _report(*paths: Path) -> ParityReport:
    return compare([load(need(p)) for p in paths])


def _missing(report: ParityReport) -> list[int]:
    return [sum(1 for m in report.models if m.names[i] is None) for i in range(len(report.sources))]


# --- PHP docs against Dart docs: two SDKs of one API, built from different revisions ---


def test_docs_against_docs_finds_the_models_each_sdk_lacks() -> None:
    report = _report(PHP_DOCS, DART_DOCS)
    # The corpus README: 240 models only in the Dart docs, 42 only in the PHP docs.
    assert _missing(report) == [240, 42]
    assert report.counts()["models"] == 691 + 240


def test_docs_against_docs_pins_the_field_level_drift() -> None:
    report = _report(PHP_DOCS, DART_DOCS)
    assert report.by_kind("drift") == {
        "default": 12,
        "field-missing": 186,
        "model-missing": 282,
        "required": 19,
        "type": 51,
    }
    assert report.by_category() == {
        "drift": 550,
        "empty-table": 8,
        "generator-default": 244,
        "model-default": 1,
    }
    assert report.counts()["models_with_drift"] == 376
    assert not report.in_parity


def test_docs_against_docs_matches_names_across_dart_and_php_spellings() -> None:
    report = _report(PHP_DOCS, DART_DOCS)
    categories = next(
        m for m in report.models if m.name == "CreateModerationResponseResultsInnerCategories"
    )
    # `hate/threatening` is `hate_threatening` in PHP and `hateSlashThreatening` in Dart.
    assert all(f.field != "hate_threatening" for f in categories.findings)
    log = next(m for m in report.models if m.name == "CreateCompletionRequest")
    assert [f.kind for f in log.findings] == ["default"]  # logitBias: Dart's `const {}`
    assert log.findings[0].category == "generator-default"


def test_sequence_numbers_added_in_the_later_revision_show_as_missing_fields() -> None:
    report = _report(PHP_DOCS, DART_DOCS)
    event = next(m for m in report.models if m.name == "ResponseCompletedEvent")
    assert [(f.field, f.kind, f.odd) for f in event.findings] == [
        ("sequenceNumber", "field-missing", (0,))
    ]


# --- the spec against the PHP docs generated from it ---

# Lossiness and flattening of OpenAPI Generator's docs, per category (see parity.CATEGORIES).
SPEC_VS_PHP_DOCS = {
    "alias-default": 6,  # `default: true` on a named boolean alias, copied onto fields
    "alias-inlined": 11,  # named arrays/maps/primitives: no model, the target written in place
    "any-spelling": 4,  # free-form `object` vs any JSON
    "empty-table": 56,  # enums, aliases, unflattened unions shown as empty tables
    "enum-as-base-type": 140,  # inline enums typed `string` in the docs
    "flattened": 58,  # unions merged into one class
    "form-body": 18,  # multipart request bodies become operation parameters
    "generator-default": 7,  # empty list/map defaults
    "inline-enum": 167,  # inline enums the docs make no model of
    "inline-name": 83,  # `Inner`/`AllOf`/`OneOf1`/`200Response` names for inline schemas
    "model-default": 16,  # defaults of union-typed fields not printed
    "no-properties": 1,  # `CancelUploadRequest: {type: object}` is free-form for the generator
    "null-default": 8,  # `default: null` not printed
    "parameter-schema": 1,  # `ListAuditLogsEffectiveAtParameter`
    "same-shape": 102,  # identical inline schemas deduplicated under the first name
    "undeclared-required": 9,  # keys required, never declared: free-form fields, not in docs
}


def test_spec_against_php_docs_differs_by_lossiness_categories() -> None:
    report = _report(OPENAI_SPEC, PHP_DOCS)
    lossy = {k: v for k, v in report.by_category().items() if k != "drift"}
    assert lossy == SPEC_VS_PHP_DOCS


def test_the_only_drift_against_the_spec_is_the_php_sdks_name_collision() -> None:
    # Three inline schemas titled "Static Chunking Strategy" get the component's name in
    # OpenAPI Generator, and the PHP SDK's `StaticChunkingStrategy` holds `{type, static}`
    # instead of the component's `{max_chunk_size_tokens, chunk_overlap_tokens}` (OpenAPI
    # Generator #2518): a real defect of that SDK, not a lossiness of its docs.
    report = _report(OPENAI_SPEC, PHP_DOCS)
    drift = {(f.model, f.field, f.kind) for f in report.findings() if f.is_drift}
    assert {model for model, _, _ in drift} == {
        "CreateAssistantRequestStaticChunkingStrategy",
        "CreateAssistantRequestStaticChunkingStrategyStatic",
        "CreateThreadRequestAutoChunkingStrategy",
        "CreateThreadRequestStaticChunkingStrategy",
        "CreateThreadRequestStaticChunkingStrategyStatic",
        "StaticChunkingStrategy",
        "StaticChunkingStrategyStatic",
    }
    assert ("StaticChunkingStrategy", "max_chunk_size_tokens", "field-missing") in drift
    assert len(drift) == 10


def test_the_flattened_seed_union_is_reported_as_flattened() -> None:
    report = _report(OPENAI_SPEC, PHP_DOCS)
    seed = next(m for m in report.models if m.name == "RealtimeClientEvent")
    assert [(f.kind, f.category) for f in seed.findings] == [("model-kind", "flattened")]


def test_cli_json_for_the_two_doc_folders_is_stable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["parity", str(need(PHP_DOCS)), str(need(DART_DOCS)), "--format", "json"]
    assert main(args) == 1
    first = capsys.readouterr().out
    assert main(args) == 1
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert data["counts"]["drift"] == 550
    assert [s["label"] for s in data["sources"]] == ["php-docs", "dart-docs"]


# --- modelgen's own output against its source ---

LANGUAGES = ("python", "dart", "php")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example schema and the OpenAI spec, generated once per module in every code
    language modelgen has (about 1 s per language for the OpenAI spec)."""
    from generator.build.run import render_languages
    from generator.output import write_tree
    from generator.targets import TARGETS

    roots: dict[str, Path] = {}
    for name, spec in (("example", EXAMPLE_SPEC), ("openai", OPENAI_SPEC)):
        if not spec.exists():
            continue
        languages = [lang for lang in LANGUAGES if lang in TARGETS]
        root = tmp_path_factory.mktemp(f"modelgen-{name}")
        files = render_languages(load(spec), languages, {})
        if len(languages) == 1:
            files = {f"{languages[0]}/{rel}": text for rel, text in files.items()}
        write_tree(root, files)
        roots[name] = root
    return roots


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("spec_name", ["example", "openai"])
def test_modelgen_output_is_in_parity_with_its_spec(
    generated: dict[str, Path], spec_name: str, language: str
) -> None:
    spec = EXAMPLE_SPEC if spec_name == "example" else need(OPENAI_SPEC)
    folder = generated[spec_name] / language
    if not folder.is_dir():
        pytest.skip(f"no {language} emitter on this branch")
    try:
        code = load(folder)
    except ModelgenError as error:
        pytest.skip(f"no reader for generated {language} yet: {error}")
    report = compare([load(spec), code])
    assert [f for f in report.findings() if f.is_drift] == []
    assert list(report.findings()) == []


def test_parity_command_on_the_spec_and_every_readable_output_exits_0(
    generated: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folders = []
    for language in LANGUAGES:
        folder = generated["example"] / language
        try:
            load(folder)
        except ModelgenError:
            continue
        folders.append(str(folder))
    if not folders:
        pytest.skip("no generated code modelgen can read back yet")
    assert main(["parity", str(EXAMPLE_SPEC), *folders]) == 0
    assert capsys.readouterr().out.endswith("in parity\n")
