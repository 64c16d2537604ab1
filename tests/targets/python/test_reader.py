"""Reading generated Python back (the ``python-code`` loader) gives the shape of the IR that
generated it: models, wire names, types, required, nullable, enum values, union variants and
discriminators."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir import ModelSet
from generator.sources import load
from tests.support.models import example, hostile
from tests.support.shape import shape
from tests.targets.python.support import generate


def _read_back(models: ModelSet, package: str) -> ModelSet:
    folder = generate(models, package).parent  # the output folder holding the package
    return load(folder)


def _assert_same_shape(models: ModelSet, package: str) -> None:
    expected = shape(models)
    actual = shape(_read_back(models, package))
    assert sorted(actual) == sorted(expected)
    mismatched = {
        name: (expected[name], actual[name]) for name in expected if expected[name] != actual[name]
    }
    assert mismatched == {}


def test_example_reads_back_to_the_same_shape() -> None:
    _assert_same_shape(example(), "example_pkg")


def test_hostile_schema_reads_back_to_the_same_shape() -> None:
    _assert_same_shape(hostile(), "hostile_pkg")


@pytest.mark.slow
def test_openai_reads_back_to_the_same_shape(openai_models: ModelSet) -> None:
    _assert_same_shape(openai_models, "openai_pkg")


def test_reader_is_detected_for_a_generated_folder() -> None:
    read = _read_back(example(), "example_pkg")
    client = read.by_name()["ClientEvent"]
    assert client.kind == "union" and client.discriminator is not None
    assert client.discriminator.property == "type"


def test_a_folder_without_generated_python_is_not_detected(tmp_path: Path) -> None:
    from generator.targets.python import reader as python_code

    (tmp_path / "models.py").write_text("x = 1\n")
    assert not python_code.detect(tmp_path)


def test_schema_names_with_invisible_bidi_and_line_separator_characters_read_back_exactly(
    tmp_path: Path,
) -> None:
    from generator.ir import Field, ObjectModel, Ref, Source
    from generator.output import write_tree
    from generator.targets import emit

    names = ["zero\u200bwidth\u202e */ name\n", "line\u2028separator", "tag\U000e0001"]
    models = ModelSet(
        tuple(
            ObjectModel(name, (Field("next", Ref(names[0]), False),))
            for name in sorted([*names, "Plain"])
        ),
        Source("names.yaml"),
    )
    write_tree(tmp_path, emit("python", models, package="names_pkg").files)
    assert shape(load(tmp_path)) == shape(models)
