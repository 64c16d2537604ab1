"""The markdown loader on OpenAPI Generator 7.26's model docs in every dialect that writes them
(``../shared/corpus/oag-docs/SPEC/DIALECT/``, 34 folders of 601 or 680 docs).

What each folder must give is counted here from the docs themselves, without the loader: every
doc is a model named as its heading names it (an object for a property table, an enum for an
``## Enum`` section, a union for a ``## oneOf``/``## anyOf`` list and its Ruby, Rust and Julia
spellings), with one field per table row. The warnings each folder gives, and the references
to models no doc describes, are pinned.

Cost (measured on a 2-core machine under load): loading all 34 folders takes about 30 s of CPU
(once per session, shared by the tests here); generating and checking Python, Dart and PHP for
all of them takes about 7 minutes, so the code check runs on a sample of six folders that
between them hold every kind of spelling (about 90 s). The whole corpus was checked once
when this was written: every folder generates valid code in all three languages."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.errors import Warnings
from generator.ir import ModelSet, ObjectModel
from generator.ir.check import check_references
from generator.sources import LoadOptions
from generator.sources.markdown import loader as markdown
from tests.sources.generated import dart_problems, generate, php_problems, python_problems
from tests.support.paths import CORPUS, need, need_php

DOCS = CORPUS / "oag-docs"
FOLDERS = sorted(p for p in DOCS.glob("*/*") if p.is_dir()) if DOCS.is_dir() else []


def label(folder: Path) -> str:
    return f"{folder.parent.name}/{folder.name}"


@functools.cache
def loaded(name: str) -> ModelSet:
    return markdown.load(need(DOCS / name), LoadOptions())


_HEADER = re.compile(r"^\|?\s*Name\s*\|\s*Type\s*(\|\s*Description\s*\|\s*Notes\s*)?\|?\s*$")


def expected(text: str, c_names: bool) -> tuple[str, str, int]:
    """(kind, name, table rows) of a doc, read the simplest way (``c_names``: C's headings
    name ``pet_t`` the model its links call ``pet``)."""
    lines = [line.strip() for line in text.splitlines()]
    heading = next(line for line in lines if line)
    name = re.findall(r"[A-Za-z0-9_]+", heading)[-1]
    if c_names:
        name = name.removesuffix("_t")
    header = next((i for i, line in enumerate(lines) if _HEADER.match(line)), None)
    if header is not None:
        if re.search(r"This is a (?:oneOf|anyOf) model", text):
            return "union", name, 1
        rows = 0
        for line in lines[header + 2 :]:
            if not line or "|" not in line:
                break
            rows += 1
        return "object", name, rows
    if {"## oneOf", "## anyOf", "### `openapi_one_of`", "### `openapi_any_of`"} & set(lines):
        return "union", name, 0
    if "## Enum" in lines:
        return "enum", name, 0
    if "## Enum Variants" in lines:
        return ("enum" if "| Name | Value |" in lines else "union"), name, 0
    return "none", name, 0


# Warnings per folder (none of them a degradation: every row and spelling is read).
# flattened-union: the tables that look like OpenAPI Generator flattened a oneOf/anyOf (see
# test_markdown_corpus.py); dialects whose docs show unions or drop the evidence have fewer.
WARNINGS: dict[str, dict[str, int]] = {
    **{f"discord/{d}": {} for d in ("csharp", "go", "java", "kotlin", "php-nextgen", "rust")},
    **{
        f"openai-2.3.0/{d}": {"flattened-union": 29}
        for d in (
            "android c dart dart-dio eiffel java java-micronaut-client javascript kotlin objc"
            " perl php python python-pydantic-v1 r scala-pekko swift5 swift6 typescript-axios"
        ).split()
    },
    **{
        f"openai-2.3.0/{d}": {}
        for d in "csharp go julia-client php-nextgen powershell rust typescript-fetch".split()
    },
    "openai-2.3.0/bash": {"flattened-union": 1},
    "openai-2.3.0/ruby": {"flattened-union": 5},
}

# References to models no doc of the folder describes, after loading: C# names its inline enums
# (ModalitiesEnum, HateEnum...) without documenting them (read as strings: the names say Enum);
# typescript-fetch refers to its ModelError doc as Error, unlinked.
MISSING = {"openai-2.3.0/csharp": 21, "openai-2.3.0/typescript-fetch": 2}


def test_every_dialect_folder_of_the_corpus_is_here() -> None:
    need(DOCS)
    assert len(FOLDERS) == 34 and set(WARNINGS) == {label(f) for f in FOLDERS}


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS, ids=[label(f) for f in FOLDERS])
def test_every_doc_of_every_dialect_is_a_model_of_its_name_with_every_row(folder: Path) -> None:
    models = loaded(label(folder))
    by_file = {Path(m.source.file).name: m for m in models.models}
    files = sorted(folder.glob("*.md"))
    same_name = 0
    wrong: list[str] = []
    for file in files:
        kind, name, rows = expected(file.read_text(encoding="utf-8"), folder.name == "c")
        model = by_file.get(file.name)
        if model is None:
            warned = [d for d in models.diagnostics if d.source.file == str(file)]
            wrong.append(f"{file.name}: no model ({'warned' if warned else 'NOT warned'})")
            continue
        same_name += model.name == name
        if model.kind != kind:
            wrong.append(f"{file.name}: a {model.kind}, expected a {kind}")
        elif isinstance(model, ObjectModel) and len(model.fields) != rows:
            wrong.append(f"{file.name}: {len(model.fields)} fields for {rows} rows")
    assert wrong == []
    assert same_name == len(files)  # the acceptance bar is 99%; today every doc
    assert len(models.models) == len(files)


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS, ids=[label(f) for f in FOLDERS])
def test_warnings_and_missing_references_per_dialect(folder: Path) -> None:
    models = loaded(label(folder))
    assert dict(Counter(d.code for d in models.diagnostics)) == WARNINGS[label(folder)]
    assert not [d for d in models.diagnostics if d.degraded]
    warnings = Warnings()
    check_references(models, warnings)
    assert len(warnings.items) == MISSING.get(label(folder), 0)


# The code check's sample: Rust (Option, Vec, unions and enums of variants), php-nextgen
# (oneOf/anyOf lists), Go (pointers, NullableX), C (list_t, pointers, _e enums), Julia (unions
# in a row, backticks), C# (undocumented inline enums).
SAMPLE = [
    "discord/rust",
    "openai-2.3.0/php-nextgen",
    "openai-2.3.0/go",
    "openai-2.3.0/c",
    "openai-2.3.0/julia-client",
    "openai-2.3.0/csharp",
]


@pytest.fixture(scope="module")
def sample_code(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    need(DOCS)
    return generate({name: loaded(name) for name in SAMPLE}, tmp_path_factory.mktemp("dialects"))


@pytest.mark.slow
def test_a_sample_of_dialects_generates_python_that_imports(
    sample_code: dict[str, dict[str, Path]],
) -> None:
    assert python_problems(sample_code["python"]) == []


@pytest.mark.slow
def test_a_sample_of_dialects_generates_php_that_parses(
    sample_code: dict[str, dict[str, Path]],
) -> None:
    assert php_problems(need_php(), sample_code["php"]) == []


@pytest.mark.slow
def test_a_sample_of_dialects_generates_dart_that_parses_clean(
    sample_code: dict[str, dict[str, Path]],
) -> None:
    assert dart_problems(sample_code["dart"]) == []
