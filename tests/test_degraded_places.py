"""Degradations are recorded in the IR: ``Diagnostic.degraded`` on the model set, and
``ir.degraded_places`` naming the model and field each lies in, for specs (JSON pointers, inline
models nested in their parents) and for markdown docs (lines)."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Warnings
from generator.ir import (
    Diagnostic,
    Field,
    ModelSet,
    ObjectModel,
    Primitive,
    Source,
    degraded_places,
)
from generator.sources import load


def test_a_spec_degradation_lies_in_the_innermost_model_and_field_around_its_pointer(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A:\n      type: object\n      properties:\n        x: {type: float}\n"
        "        inner: {type: object, properties: {y: {type: decimal}}}\n"
        "    B: {enum: [1, a]}\n"
    )
    models = load(spec)
    assert degraded_places(models) == {("A", "x"), ("AInner", "y"), ("B", None)}


def test_a_markdown_degradation_lies_in_the_field_of_its_row(tmp_path: Path) -> None:
    doc = tmp_path / "Pet.md"
    doc.write_text(
        "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n"
        "------------ | ------------- | ------------- | -------------\n"
        "**id** | **int** |  | \n**odd** | **int; drop table** |  | [optional]\n"
    )
    assert degraded_places(load(doc)) == {("Pet", "odd")}


def test_plain_warnings_are_no_degradation() -> None:
    source = Source("Pet.md", line=7)
    fields = (Field("id", Primitive("integer"), True, source=source),)
    pet = ObjectModel("Pet", fields, source=Source("Pet.md", line=1))
    warnings = Warnings()
    warnings.note("a note", source)
    models = ModelSet((pet,), Source("Pet.md"), diagnostics=tuple(warnings.items))
    assert degraded_places(models) == frozenset()
    flagged = ModelSet(
        (pet,), Source("Pet.md"), diagnostics=(Diagnostic("x; y", source, "c", degraded=True),)
    )
    assert degraded_places(flagged) == {("Pet", "id")}
