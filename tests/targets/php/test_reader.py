"""The php-code reader: generated PHP read back (tree-sitter, nothing executed) has the shape
of the IR it was generated from, for the shared example and hostile set and the OpenAI 2.3.0
spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import ModelSet, ObjectModel
from generator.sources import load
from tests.support.models import example, hostile
from tests.support.shape import shape
from tests.targets.php.support import generate


def _read_back(models: ModelSet, tmp_path: Path) -> ModelSet:
    generate(models, tmp_path)
    return load(tmp_path, kind="php-code")


def _differences(expected: ModelSet, found: ModelSet) -> list[str]:
    want, got = shape(expected), shape(found)
    lines = [f"only in IR: {name}" for name in sorted(set(want) - set(got))]
    lines += [f"only in PHP: {name}" for name in sorted(set(got) - set(want))]
    lines += [
        f"{name}: IR {want[name]} != PHP {got[name]}"
        for name in sorted(set(want) & set(got))
        if want[name] != got[name]
    ]
    return lines


@pytest.mark.parametrize("source", ["example", "hostile"])
def test_reader_shape_equals_ir_shape(source: str, tmp_path: Path) -> None:
    models = {"example": example, "hostile": hostile}[source]()
    assert _differences(models, _read_back(models, tmp_path)) == []


@pytest.mark.slow
def test_reader_shape_equals_ir_shape_for_openai(tmp_path: Path, openai_models: ModelSet) -> None:
    assert _differences(openai_models, _read_back(openai_models, tmp_path)) == []


def test_generated_php_folder_is_detected(tmp_path: Path) -> None:
    models = example()
    generate(models, tmp_path)
    assert shape(load(tmp_path)) == shape(models)
    assert shape(load(tmp_path / "src")) == shape(models)


def test_reader_reports_wire_names_and_facets_it_knows(tmp_path: Path) -> None:
    found = _read_back(example(), tmp_path)
    session = found.by_name()["Session"]
    assert isinstance(session, ObjectModel)
    assert [f.name for f in session.fields][:2] == ["model", "voice"]
    assert "wire_names" in found.knows and "descriptions" not in found.knows


def test_a_damaged_file_is_a_one_line_error(tmp_path: Path) -> None:
    generate(example(), tmp_path)
    (tmp_path / "src" / "Bag.php").write_text("<?php\nfinal class Bag {", encoding="utf-8")
    with pytest.raises(ModelgenError) as error:
        load(tmp_path, kind="php-code")
    assert "src/Bag.php" in str(error.value)


def test_an_enum_whose_values_are_not_listed_reads_back_as_one(tmp_path: Path) -> None:
    from generator.ir import AliasModel, EnumModel, Primitive, Source

    models = ModelSet(
        (
            EnumModel("Code", "integer", None),
            EnumModel("Word", "string", None),
            AliasModel("Count", Primitive("integer")),
        ),
        Source("t.yaml"),
        "t",
    )
    generate(models, tmp_path)
    read = load(tmp_path, kind="php-code").by_name()
    assert [(m.kind, getattr(m, "values", "-")) for m in models.models] == [
        (read[m.name].kind, getattr(read[m.name], "values", "-")) for m in models.models
    ]
