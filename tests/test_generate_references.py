"""Generating needs a model set that refers only to its own models: whatever the input kind, a
dangling reference is degraded (read as any JSON value, or a string for a name that says Enum)
with a warning naming the place, and with --strict stops `generate` with that error before any
emitter runs. Loading such a set (one markdown doc without the docs it links to) is fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.errors import ModelgenError, Warnings
from generator.ir import Field, ListOf, ModelSet, ObjectModel, Primitive, Ref, Source, UnionModel
from generator.ir.check import check_references
from generator.sources import load

FOOTER = (
    "[[Back to Model list]](../../README.md#models) [[Back to API list]]"
    "(../../README.md#endpoints) [[Back to README]](../../README.md)\n"
)
HEAD = (
    "# # {name}\n\n## Properties\n\nName | Type | Description | Notes\n"
    "------------ | ------------- | ------------- | -------------\n"
)
TABLE = (
    HEAD.format(name="Pet")
    + "**id** | **int** |  |\n"
    + r"**tags** | [**\Acme\Model\Tag[]**](Tag.md) |  | [optional]"
    + "\n\n"
    + FOOTER
)


def test_generating_from_a_doc_without_the_docs_it_links_to_names_file_and_line_in_strict_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "Pet.md"
    doc.write_text(TABLE)
    assert [m.name for m in load(doc).models] == ["Pet"]  # loading alone is fine
    out = tmp_path / "out"
    code = cli.main(["generate", str(doc), "--lang", "all", "--out", str(out), "--strict"])
    message = capsys.readouterr().err.strip()
    assert code == 2 and not out.exists()
    assert message.startswith(f"modelgen: error: {doc}:8: ")
    assert "'Tag'" in message and "tags" in message


def test_generating_from_a_doc_without_the_docs_it_links_to_reads_them_as_any_and_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "Pet.md"
    doc.write_text(TABLE)
    out = tmp_path / "out"
    code = cli.main(["generate", str(doc), "--lang", "python", "--out", str(out)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 0
    assert lines == [
        f"warning: {doc}:8: missing-model: Pet: property 'tags' refers to model 'Tag', which is"
        " not among the loaded models; read as any JSON value",
        "1 warning",
    ]
    assert "tags: list[_t.Any] | None" in (out / "acme" / "models.py").read_text()


def test_a_missing_model_whose_name_says_enum_is_read_as_a_string() -> None:
    source = Source("Pet.md", line=7)
    pet = ObjectModel("Pet", (Field("kind", Ref("KindEnum"), True, source=source),))
    checked = check_references(ModelSet((pet,), Source("Pet.md")), Warnings())
    [model] = checked.models
    assert isinstance(model, ObjectModel) and model.fields[0].type == Primitive("string")
    [warning] = checked.diagnostics
    assert warning.degraded and warning.code == "missing-model" and warning.source == source
    assert warning.message.endswith("read as a string (its name says it is an enum)")


def test_the_same_doc_loads_with_the_doc_it_links_to(tmp_path: Path) -> None:
    (tmp_path / "Pet.md").write_text(TABLE)
    (tmp_path / "Tag.md").write_text(
        HEAD.format(name="Tag") + "**name** | **string** |  |\n\n" + FOOTER
    )
    models = load(tmp_path)
    assert sorted(m.name for m in models.models) == ["Pet", "Tag"]


def test_dangling_union_variants_and_mapping_targets_are_refused() -> None:
    source = Source("s.yaml", "/components/schemas/U")
    union = UnionModel("U", (Ref("A"),), source=source)
    with pytest.raises(ModelgenError, match="a union variant refers to model 'A'"):
        check_references(ModelSet((union,), Source("s.yaml")))
    nested = ObjectModel("O", (Field("xs", ListOf(Ref("Gone")), True, source=source),))
    with pytest.raises(ModelgenError, match="property 'xs' refers to model 'Gone'"):
        check_references(ModelSet((nested,), Source("s.yaml")))
