"""The Dart code reader (``dart-code`` loader): generated Dart read back gives the IR it came
from, for every facet Dart code can state.

Two comparisons: the shared ``generator.shape`` (what ``modelgen parity`` compares), and this
test's stricter shape: model kinds and names; fields with wire names, types, required,
nullability as Dart states it (see ``_nullable``), deprecated; enum values; union variants,
the discriminator with its whole mapping, anyOf and inferred; allOf bases; model nullability
and deprecation. Formats other than date-time, ``uniqueItems``, defaults, constraints and
descriptions are not compared: the reader does not claim to know them (``ModelSet.knows``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compare.parity import compare
from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
    UnknownNull,
    dispatch_tags,
    field_nullable,
)
from generator.output import write_tree
from generator.sources import kinds, load
from generator.targets import emit
from generator.targets.dart.reader import KNOWS, detect
from tests.support.models import example, hostile
from tests.support.paths import EXAMPLE_SPEC
from tests.support.shape import shape as shared_shape


def _type(t: TypeRef) -> object:
    if isinstance(t, Primitive):
        return (t.kind, "date-time" if t.format == "date-time" and t.kind == "string" else None)
    if isinstance(t, ListOf):
        return ("list", _type(t.item))
    if isinstance(t, MapOf):
        return ("map", _type(t.value))
    return ("ref", t.name)


def _nullable(f: Field, models: ModelSet) -> str:
    """A field's nullability as Dart code states it: a reference to a nullable model is a
    nullable field; a field of unknown nullability accepts null (the emitter's rule), so a
    required one is typed nullable and an optional one reads like any optional field."""
    if f.type == ANY:
        # Dart's `Object?` cannot say whether a free-form field allows null.
        return "free-form"
    stated = field_nullable(f, models.by_name().get, unknown=UnknownNull.UNSTATED)
    if stated is Nullable.UNKNOWN:
        return "yes" if f.required else "no"
    return "yes" if stated is Nullable.YES else "no"


def _model(m: Model, models: ModelSet) -> object:
    common = (m.kind, m.name, m.nullable.value, m.deprecated)
    if isinstance(m, ObjectModel):
        fields = [
            (f.name, _type(f.type), f.required, _nullable(f, models), f.deprecated)
            for f in m.fields
        ]
        return (*common, m.bases, fields)
    if isinstance(m, EnumModel):
        return (*common, m.base, [v.value for v in m.values or () if v.value is not None])
    if isinstance(m, UnionModel):
        disc = None
        if m.discriminator is not None:
            # the generated switch is the dispatch table of the one decoding rule
            tags = dispatch_tags(m, models.by_name().get)
            disc = (m.discriminator.property, sorted(tags.items()), m.discriminator.inferred)
        return (*common, [_type(v) for v in m.variants], disc, m.exclusive)
    assert isinstance(m, AliasModel)
    return (*common, _type(m.target))


def shape(models: ModelSet) -> dict[str, object]:
    return {m.name: _model(m, models) for m in models.models}


def _round_trip(models: ModelSet, tmp_path: Path) -> ModelSet:
    write_tree(tmp_path / "dart", emit("dart", models).files)
    return load(tmp_path / "dart")


def _assert_same(read: ModelSet, models: ModelSet) -> None:
    assert shared_shape(read) == shared_shape(models)
    want, got = shape(models), shape(read)
    assert sorted(got) == sorted(want)
    different = {name: (want[name], got[name]) for name in want if want[name] != got[name]}
    assert different == {}


def test_reader_is_registered_and_detects_only_generated_dart(tmp_path: Path) -> None:
    assert kinds()["dart-code"] == "generator.targets.dart.reader"
    write_tree(tmp_path / "dart", emit("dart", example()).files)
    assert detect(tmp_path / "dart")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "pubspec.yaml").write_text("name: other\n")
    assert not detect(tmp_path / "other")
    assert not detect(EXAMPLE_SPEC)


def test_reader_knows_only_what_dart_code_states(tmp_path: Path) -> None:
    read = _round_trip(example(), tmp_path)
    assert read.knows == KNOWS
    assert "formats" not in read.knows and "descriptions" not in read.knows


def test_example_reads_back_to_the_same_shape(tmp_path: Path) -> None:
    _assert_same(_round_trip(example(), tmp_path), example())


def test_hostile_names_read_back_to_the_same_shape(tmp_path: Path) -> None:
    models = hostile()
    read = _round_trip(models, tmp_path)
    # A cyclic alias has no Dart type of its own: it reads back as an alias of a free-form
    # value.
    assert shape(read)["Loop"] == ("alias", "Loop", "no", False, ("any", None))
    want = {k: v for k, v in shape(models).items() if k != "Loop"}
    got = {k: v for k, v in shape(read).items() if k != "Loop"}
    assert got == want


def test_a_union_without_variants_reads_back_as_an_alias_of_a_free_form_value(
    tmp_path: Path,
) -> None:
    models = ModelSet(
        (UnionModel("Nothing", ()), ObjectModel("Holder", (Field("n", Ref("Nothing"), True),))),
        Source("test"),
        title="t",
    )
    read = _round_trip(models, tmp_path)
    assert shape(read)["Nothing"] == ("alias", "Nothing", "no", False, ("any", None))
    holder = shape(read)["Holder"]
    assert isinstance(holder, tuple)
    assert [field[:3] for field in holder[-1]] == [("n", ("ref", "Nothing"), True)]


@pytest.mark.slow
def test_openai_reads_back_to_the_same_shape(tmp_path: Path, openai_models: ModelSet) -> None:
    _assert_same(_round_trip(openai_models, tmp_path), openai_models)


def test_reader_reports_invalid_dart_with_its_file(tmp_path: Path) -> None:
    write_tree(tmp_path / "dart", emit("dart", example()).files)
    broken = tmp_path / "dart" / "lib" / "src" / "voice.dart"
    broken.write_text(
        broken.read_text().replace("enum Voice implements", "enum Voice implements {")
    )
    with pytest.raises(ModelgenError) as error:
        load(tmp_path / "dart")
    assert "voice.dart" in str(error.value)


def test_free_form_fields_read_back_with_unknown_nullability(tmp_path: Path) -> None:
    # Dart spells a free-form value `Object?` whether the schema allows null or not, so the
    # `?` states nothing; the spec's required, non-nullable `content: {}` stays in parity.
    models = ModelSet(
        (
            ObjectModel(
                "Failure",
                (
                    Field("content", ANY, required=True),
                    Field("detail", ANY, required=False),
                    Field("data", ANY, required=True, nullable=Nullable.YES),
                    Field("code", Primitive("integer"), required=True, nullable=Nullable.YES),
                ),
            ),
        ),
        Source("failure.yaml"),
    )
    read = _round_trip(models, tmp_path)
    failure = read.by_name()["Failure"]
    assert isinstance(failure, ObjectModel)
    assert {f.name: f.nullable for f in failure.fields} == {
        "content": Nullable.UNKNOWN,
        "detail": Nullable.UNKNOWN,
        "data": Nullable.UNKNOWN,
        "code": Nullable.YES,
    }
    assert list(compare([models, read]).findings()) == []


def test_a_schema_named_by_the_empty_string_reads_back_under_that_name(tmp_path: Path) -> None:
    models = ModelSet(
        (
            ObjectModel("", (Field("self", Ref(""), False),)),
            EnumModel("E", "string", (EnumValue(""),)),
        ),
        Source("test"),
        title="t",
    )
    read = _round_trip(models, tmp_path)
    assert shape(read) == shape(models)
