"""The markdown loader and docs emitters on the real corpus: OpenAI 2.3.0's model docs as
OpenAPI Generator wrote them (691 PHP files, 889 Dart files), and the spec the PHP docs were
generated from. Skips cleanly without ../shared/corpus. About 3 s of CPU in all: each folder and
the spec are loaded once per session."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
)
from generator.sources import load
from generator.targets import emit
from tests.support.paths import CORPUS, OPENAI_SPEC, need

DOCS = {
    "php": (CORPUS / "openai-2.3.0" / "php-docs", "docs-php", 691),
    "dart": (CORPUS / "openai-2.3.0" / "dart-docs", "docs-dart", 889),
}
# A table row as OpenAPI Generator writes it, counted without the loader's help.
ROW = re.compile(r"^\*\*.*\*\* \| ", re.M)


@cache
def loaded(dialect: str) -> ModelSet:
    folder, _, _ = DOCS[dialect]
    return load(need(folder))


@cache
def spec() -> ModelSet:
    return load(need(OPENAI_SPEC))


@pytest.mark.parametrize("dialect", ["php", "dart"])
def test_every_corpus_file_loads_with_every_row_read(dialect: str) -> None:
    folder, _, count = DOCS[dialect]
    models = loaded(dialect)
    files = sorted(need(folder).glob("*.md"))
    assert len(files) == count
    assert len(models.models) == count
    by_file = {Path(m.source.file).name: m for m in models.models}
    unread = []
    for file in files:
        model = by_file[file.name]
        assert isinstance(model, ObjectModel)
        rows = len(ROW.findall(file.read_text(encoding="utf-8")))
        if rows != len(model.fields):
            unread.append(file.name)
    assert unread == []
    assert not [d for d in models.diagnostics if d.code != "flattened-union"]


@pytest.mark.parametrize("dialect", ["php", "dart"])
def test_writing_the_loaded_docs_back_reproduces_every_file_byte_for_byte(dialect: str) -> None:
    folder, language, count = DOCS[dialect]
    files = emit(language, loaded(dialect)).files
    assert len(files) == count
    different = [
        name
        for name, text in sorted(files.items())
        if (folder / name).read_bytes() != text.encode("utf-8")
    ]
    assert different == []


def test_corpus_namespace_and_package_are_derived_from_the_docs() -> None:
    assert loaded("php").title == "JeedomOpenAI"
    assert loaded("dart").title == "openai_flutter_sdk"


# Tables flagged as flattened unions. Checked by hand against openapi.yaml: for PHP, 28 are
# oneOf/anyOf schemas in the spec and the 29th (CreateModerationRequestInputOneOfInner) is the
# inline oneOf of CreateModerationRequest.input's items; no flagged table is an object in the
# spec (zero false positives). About 20 flattened tables are missed (their variants are not
# separate docs and their discriminator is not pinned). The Dart docs are of a later revision.
FLATTENED = {"php": 29, "dart": 44}


@pytest.mark.parametrize("dialect", ["php", "dart"])
def test_flattened_union_warnings_on_the_corpus(dialect: str) -> None:
    flagged = {
        d.message.split()[0] for d in loaded(dialect).diagnostics if d.code == "flattened-union"
    }
    assert len(flagged) == FLATTENED[dialect]
    assert {"RealtimeClientEvent", "RealtimeServerEvent", "ComputerAction", "Tool"} <= flagged
    spec_models = spec().by_name()
    objects_in_spec = {n for n in flagged if isinstance(spec_models.get(n), ObjectModel)}
    assert objects_in_spec == set()


# --- the PHP docs against the spec they were generated from ---------------------------------


def _php_property_name(wire: str) -> str:
    """OpenAPI Generator's PHP property names for the wire names in this spec: snake_case,
    which turns the dots of ``api_key.created`` into underscores."""
    return wire.replace(".", "_")


def _type_disagreement(doc: TypeRef, spec_type: TypeRef, models: dict[str, Model]) -> str | None:
    if doc == spec_type:
        return None
    if isinstance(doc, Primitive) and isinstance(spec_type, Primitive):
        if doc.kind == spec_type.kind:
            return None  # formats beyond the spelling: markdown cannot say
        return "free-form-object" if doc == ANY else "other"
    if isinstance(spec_type, Ref):
        target = models.get(spec_type.name)
        if isinstance(target, AliasModel):
            inner = _type_disagreement(doc, target.target, models)
            return "alias-inlined" if inner is None else inner
        if isinstance(target, EnumModel) and isinstance(doc, Primitive):
            return "enum-as-base-type"
        if isinstance(doc, Ref):
            return "inline-model-name"
        return "other"
    if isinstance(doc, ListOf) and isinstance(spec_type, ListOf):
        return _type_disagreement(doc.item, spec_type.item, models)
    if isinstance(doc, MapOf) and isinstance(spec_type, MapOf):
        return _type_disagreement(doc.value, spec_type.value, models)
    if doc == ANY and isinstance(spec_type, MapOf):
        return "free-form-object"
    return "other"


def _disagreements(docs: ModelSet, spec_set: ModelSet) -> Counter[str]:
    found: Counter[str] = Counter()
    spec_models = spec_set.by_name()
    for model in docs.models:
        assert isinstance(model, ObjectModel)
        counterpart = spec_models.get(model.name)
        if counterpart is None:
            found["model-only-in-docs"] += 1
            continue
        if not isinstance(counterpart, ObjectModel):
            if model.fields:
                kind = "flattened-union" if isinstance(counterpart, UnionModel) else "other"
                found[f"{kind if kind != 'other' else counterpart.kind + '-with-properties'}"] += 1
            continue
        spec_fields = {_php_property_name(f.name): f for f in counterpart.fields}
        doc_fields = {f.name: f for f in model.fields}
        if model.fields and not doc_fields.keys() & spec_fields.keys():
            found["overwritten-by-inline-model"] += 1
            continue
        found["field-only-in-docs"] += len(doc_fields.keys() - spec_fields.keys())
        found["field-only-in-spec"] += len(spec_fields.keys() - doc_fields.keys())
        for name in doc_fields.keys() & spec_fields.keys():
            doc_field, spec_field = doc_fields[name], spec_fields[name]
            if name != spec_field.name:
                found["renamed-by-php-naming"] += 1
            if doc_field.required != spec_field.required:
                found["required"] += 1
            category = _type_disagreement(doc_field.type, spec_field.type, spec_models)
            if category is not None:
                found[category] += 1
    return +found


def test_php_docs_agree_with_their_spec_except_where_lossy_or_flattened() -> None:
    """Field names, types and required-ness of the PHP docs against openapi.yaml, by category.
    The counts depend on the OpenAPI loader's naming of inline schemas; re-pin them (after
    reading the new examples) when that changes."""
    assert _disagreements(loaded("php"), spec()) == {
        # Inline enums: OpenAPI Generator spells the base type (`string`), the spec loader makes
        # an enum model of each. Lossy: markdown has no enum values.
        "enum-as-base-type": 123,
        # Inline models OpenAPI Generator names differently from the spec loader (`...Inner` for
        # array items, `...AllOf...`, one name for identical inline schemas reused elsewhere):
        # the docs' models that have no namesake in the spec, and the fields referring to them.
        "model-only-in-docs": 96,
        "inline-model-name": 91,
        # A $ref to a named array, map or scalar: OpenAPI Generator spells the target inline.
        "alias-inlined": 47,
        # oneOf/anyOf schemas flattened into one table (the loader warns about them).
        "flattened-union": 33,
        # Keys the spec requires without declaring them: the loader makes free-form fields of
        # them (warning undeclared-required), OpenAPI Generator leaves them out.
        "field-only-in-spec": 9,
        # Wire names with dots (`api_key.created`): the PHP docs show `api_key_created`.
        "renamed-by-php-naming": 20,
        # allOf-only schemas the spec loader keeps as aliases of their single parent, which
        # OpenAPI Generator documents with the parent's properties.
        "alias-with-properties": 4,
        # `type: object` without properties: PHP spells it `object`, read as any JSON value;
        # the spec loader says map of any.
        "free-form-object": 3,
        # OpenAPI Generator's inline-model name clash (anchors.md, "Names"): its docs'
        # StaticChunkingStrategy is an inline schema ({type, static}) that overwrote the
        # component of that name ({max_chunk_size_tokens, chunk_overlap_tokens}).
        "overwritten-by-inline-model": 1,
    }
