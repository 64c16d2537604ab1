"""The public-API listing the emitter returns (``Emitted.api``, built from its view models) is
the listing ``api.listing`` parses from the generated files, item for item, and both spell
types the one way ``api.type_text`` documents."""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir import (
    AliasModel,
    Const,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)
from generator.targets import ApiItem, emit
from generator.targets.python.api import RULES, listing, python_api, type_text
from tests.support.models import example, hostile


def _cross_check(models: ModelSet) -> list[ApiItem]:
    emitted = emit("python", models)
    parsed = listing(emitted.files)
    assert list(emitted.api) == parsed
    return parsed


def test_example_api_from_the_emitter_equals_the_api_parsed_from_its_files() -> None:
    items = _cross_check(example())
    kinds = {item.kind for item in items}
    assert kinds == {"class", "enum", "alias", "field", "param", "case"}


def test_hostile_api_from_the_emitter_equals_the_api_parsed_from_its_files() -> None:
    items = _cross_check(hostile())
    # string literals the two sides spell differently before type_text: Literal values with
    # quotes and backslashes, forward references, escaped non-ASCII enum values
    assert any("Literal[" in item.signature and "\\" in item.signature for item in items)
    assert any(item.kind == "case" and "\\n" in item.value for item in items)


@pytest.mark.slow
def test_openai_api_from_the_emitter_equals_the_api_parsed_from_its_files(
    openai_models: ModelSet,
) -> None:
    items = _cross_check(openai_models)
    assert len(items) > 5000


lengths = st.integers(min_value=1, max_value=110)


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(lengths, lengths, st.text(max_size=8))
def test_api_cross_check_holds_for_long_names_and_odd_literals(a: int, b: int, tag: str) -> None:
    """Long names make implicit aliases (``Name = Other``) and split lines; odd tags make
    string literals the two spellings quote and escape differently."""
    obj, union = "O" + "b" * a, "U" + "n" * b
    text = Primitive("string")
    models = ModelSet(
        models=(
            AliasModel(obj + "Alias", Ref(obj)),
            AliasModel(union + "List", ListOf(Ref(union))),
            EnumModel("E" + "n" * b, "string", (EnumValue(tag), EnumValue(tag + "é"))),
            ObjectModel(
                obj, (Field("kind", text, True, const=Const(tag)), Field("u", Ref(union), False))
            ),
            UnionModel(union, (Ref(obj), ListOf(Ref(union + "List")))),
        ),
        source=Source("names.yaml"),
    )
    _cross_check(models)


def test_type_text_spells_string_literals_as_repr_does() -> None:
    assert type_text('_t.Literal["audio"]') == "_t.Literal['audio']"
    assert type_text('_t.Literal["caf\\xe9"]') == "_t.Literal['café']"
    assert type_text("_t.Literal['it\\'s \"x\"']") == "_t.Literal['it\\'s \"x\"']"
    assert type_text('_t.Union["Later", int]') == "_t.Union['Later', int]"
    assert type_text("list[Model] | None") == "list[Model] | None"


@given(st.text())
def test_type_text_of_any_literal_is_the_unparsed_literal(value: str) -> None:
    for source in (repr(value), ast.unparse(ast.Constant(value))):
        assert type_text(f"_t.Literal[{source}]") == ast.unparse(
            ast.parse(f"_t.Literal[{source}]", mode="eval")
        )


def test_listing_reads_an_implicit_alias_of_a_plain_name() -> None:
    assert python_api("LongName = Other\n_private = Other\n") == [
        ApiItem("LongName", "alias", "", "Other")
    ]


# --- the rules diff reads this listing with ---------------------------------------------------


def test_rules_take_none_out_wherever_it_stands_among_the_alternatives() -> None:
    assert RULES.split_null("Unit | None") == ("Unit", True)
    assert RULES.split_null("None | Unit") == ("Unit", True)
    assert RULES.split_null("Unit | None | _rt.Unset") == ("Unit|_rt.Unset", True)
    assert RULES.split_null("dict[str, Unit | None]") == ("dict[str,Unit|None]", False)
    assert RULES.split_null("None") == ("None", False)


def test_rules_read_a_union_spelled_for_forward_references_as_its_alternatives() -> None:
    assert RULES.alternatives("_t.Union['Later', int, None]") == {"Later", "int", "None"}
    assert RULES.alternatives("Later | int | None") == {"Later", "int", "None"}
    assert RULES.split_null("_t.Union['Later', None]") == ("Later", True)
    assert RULES.alternatives("_t.Literal['a b']") == {"_t.Literal['ab']"}


def test_rules_read_the_forward_reference_union_the_emitter_writes() -> None:
    """A union naming an alias defined after it is spelled ``_t.Union[O, 'UList']``."""
    models = ModelSet(
        models=(
            AliasModel("UList", ListOf(Ref("U"))),
            ObjectModel("O", (Field("kind", Primitive("string"), True),)),
            UnionModel("U", (Ref("O"), Ref("UList"))),
        ),
        source=Source("cycle.yaml"),
    )
    [union] = [i for i in emit("python", models).api if i.owner == "U"]
    assert "_t.Union[" in union.signature
    assert RULES.alternatives(union.signature) == {"O", "UList"}
