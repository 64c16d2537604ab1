"""Spec constructs that are legal-looking but meaningless or lossy are degraded with a
located warning, not silently (issue 11, item 8): ``allOf: [null]``, an enum listing one value
twice (``[1, 1.0]``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import EnumModel
from tests.sources.test_openapi_loader import models, spec


@pytest.mark.parametrize(
    ("schemas", "pointer"),
    [
        ("A:\n  allOf: [null]\n", "/components/schemas/A/allOf/0"),
        (
            "B:\n  type: object\n  properties:\n    x:\n      allOf: [null]\n",
            "/components/schemas/B/properties/x/allOf/0",
        ),
        ("C:\n  allOf: [{type: string}, 3]\n", "/components/schemas/C/allOf/1"),
    ],
)
def test_an_allof_member_that_is_no_schema_is_ignored_with_a_located_warning(
    tmp_path: Path, schemas: str, pointer: str
) -> None:
    loaded = spec(tmp_path, schemas)
    found = [d for d in loaded.diagnostics if d.code == "not-a-schema"]
    assert [d.source.pointer for d in found if d.source is not None] == [pointer]
    with pytest.raises(ModelgenError, match="allOf member"):
        spec(tmp_path, schemas, strict=True)


@pytest.mark.parametrize(
    ("values", "kept"),
    [("[1, 1.0]", (1,)), ("[1.0, 1, 2]", (1.0, 2)), ("[a, b, a]", ("a", "b"))],
)
def test_an_enum_listing_a_value_twice_keeps_one_member_and_warns(
    tmp_path: Path, values: str, kept: tuple[object, ...]
) -> None:
    loaded = spec(tmp_path, f"E:\n  enum: {values}\n")
    enum = models(loaded)["E"]
    assert isinstance(enum, EnumModel) and enum.values is not None
    assert tuple(v.value for v in enum.values) == kept
    assert [type(v.value) for v in enum.values] == [type(k) for k in kept]
    (warning,) = [d for d in loaded.diagnostics if d.code == "duplicate-enum-value"]
    assert warning.source is not None and warning.source.pointer == "/components/schemas/E/enum"


def test_integer_and_boolean_enum_values_are_not_one_value(tmp_path: Path) -> None:
    """``True == 1`` in Python: the duplicate check must not take them for one value."""
    loaded = spec(tmp_path, "E:\n  type: [integer, boolean]\n  enum: [1, true]\n")
    assert not [d for d in loaded.diagnostics if d.code == "duplicate-enum-value"]
