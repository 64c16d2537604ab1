"""Generated Python is black-stable without running black at generation time: schemas with
random name lengths (short to far past the line length) give code that black leaves as is."""

from __future__ import annotations

import black
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir import (
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)
from generator.targets import emit
from generator.targets.python.layout import Atom, BitOr, Call, annotated, lay_out

MODE = black.Mode()


def _stable(text: str) -> bool:
    return black.format_str(text, mode=MODE) == text


def test_short_call_stays_on_one_line() -> None:
    assert lay_out("", "x = ", Call("f", (Atom("a"), Atom("b")))) == ["x = f(a, b)"]


def test_long_call_splits_like_black() -> None:
    args = tuple(Atom(f"argument_number_{n}") for n in range(8))
    lines = lay_out("", "result = ", Call("function", args))
    assert _stable("\n".join(lines) + "\n")
    assert lines[-1] == ")"


def test_long_union_annotation_is_parenthesised_like_black() -> None:
    union = BitOr(tuple(Atom(f"SomeRatherLongTypeName{n}") for n in range(5)))
    source = "class C:\n" + "\n".join(annotated("    ", "field", union, "_rt.UNSET")) + "\n"
    assert _stable(source)


def _name(length: int, seed: str) -> str:
    base = (seed * (length // max(len(seed), 1) + 1))[:length]
    return base[:1].upper() + base[1:]


lengths = st.integers(min_value=1, max_value=110)


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(lengths, lengths, lengths, lengths)
def test_random_name_lengths_give_black_stable_code(a: int, b: int, c: int, d: int) -> None:
    obj, other, union, enum = _name(a, "Abc"), _name(b, "Xyz"), _name(c, "Uni"), _name(d, "Enm")
    wire = "w" * (c + d)
    text = Primitive("string")
    models = ModelSet(
        models=(
            ObjectModel(
                obj,
                (
                    Field(wire, ListOf(MapOf(Ref(other))), False),
                    Field("w" * d, Ref(other), True, nullable=Nullable.YES),
                    Field("kind", text, True, const=Const("k" * b)),
                    Field("e" * a, Ref(enum), False),
                    Field("u", Ref(union), True),
                ),
                additional=Ref(other),
            ),
            ObjectModel(other, (Field("kind", text, True, const=Const("o" * c)),)),
            UnionModel(
                union,
                (Ref(obj), Ref(other), ListOf(Ref(union))),
                discriminator=Discriminator("kind", (("k" * b, obj), ("o" * c, other))),
            ),
            EnumModel(enum, "string", (EnumValue("v" * (a + b)), EnumValue("x"))),
            AliasModel(union + "Alias", MapOf(ListOf(Ref(obj))), nullable=Nullable.YES),
        ),
        source=Source("lengths.yaml"),
    )
    for rel, source in emit("python", models, package="p").files.items():
        if rel.endswith(".py"):
            assert _stable(source), rel
