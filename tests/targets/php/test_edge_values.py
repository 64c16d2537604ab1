"""Values the generated PHP used to get wrong (issue 11, item 5): a top-level null of a
nullable named schema, integers beyond 64 bits inside free-form values, a key starting with
NUL, and such an integer in an ``int | "inf"`` union."""

from __future__ import annotations

from pathlib import Path

from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    EnumValue,
    Field,
    MapOf,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)
from tests.support.paths import need_php
from tests.targets.php.support import generate, round_trip

BIG = "99999999999999999999"


def _models() -> ModelSet:
    effort = EnumModel("Effort", "string", (EnumValue("low"), EnumValue("high")), Nullable.YES)
    return ModelSet(
        (
            effort,
            AliasModel("Metadata", MapOf(Primitive("string")), Nullable.YES),
            UnionModel("Limit", (Primitive("integer"), Ref("Inf"))),
            EnumModel("Inf", "string", (EnumValue("inf"),)),
            UnionModel(
                "Either", (Primitive("integer"), Primitive("string")), nullable=Nullable.YES
            ),
            ObjectModel("Holder", (Field("free", ANY, False), Field("limit", Ref("Limit"), False))),
        ),
        Source("edge.yaml"),
    )


def _run(tmp_path: Path, cases: list[tuple[str, str, str]]) -> dict[str, tuple[str, str, str]]:
    models = _models()
    files = generate(models, tmp_path)
    return round_trip(need_php(), tmp_path, files, models, cases)


def test_a_nullable_named_schema_decodes_a_top_level_null(tmp_path: Path) -> None:
    got = _run(tmp_path, [(name, name, "null") for name in ("Effort", "Metadata", "Either")])
    assert {case: (found[0], found[2]) for case, found in got.items()} == {
        "Effort": ("ok", "null"),
        "Metadata": ("ok", "null"),
        "Either": ("ok", "null"),
    }


def test_integers_beyond_64_bits_inside_free_form_values_survive(tmp_path: Path) -> None:
    text = (
        f'{{"free":{{"a":{BIG},"b":[-{BIG},9223372036854775807,-9223372036854775808],'
        f'"s":"{BIG} \\"{BIG}\\""}}}}'
    )
    got = _run(tmp_path, [("big", "Holder", text)])
    assert got["big"][0] == "ok" and got["big"][2] == text


def test_a_key_starting_with_nul_decodes_and_survives_in_a_free_form_value(
    tmp_path: Path,
) -> None:
    text = '{"free":{"\\u0000a":1,"b":"\\u0000"}}'
    got = _run(tmp_path, [("nul", "Holder", text)])
    assert got["nul"][0] == "ok" and got["nul"][2] == text


def test_an_integer_beyond_64_bits_in_an_int_or_inf_union_is_refused_not_a_string(
    tmp_path: Path,
) -> None:
    got = _run(
        tmp_path, [("limit", "Limit", BIG), ("inf", "Limit", '"inf"'), ("int", "Limit", "7")]
    )
    assert got["limit"][0] == "error" and "DecodeException" in got["limit"][1]
    assert got["inf"][0] == got["int"][0] == "ok"
    assert (got["inf"][2], got["int"][2]) == ('"inf"', "7")
