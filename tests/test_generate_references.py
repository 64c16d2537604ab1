"""Generating needs a model set that refers only to its own models: whatever the input kind, a
dangling reference stops `generate` with an error naming the place, before any emitter runs.
Loading such a set (one markdown doc without the docs it links to) is fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.errors import ModelgenError
from generator.ir import Field, ListOf, ModelSet, ObjectModel, Ref, Source, UnionModel
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


def test_generating_from_a_doc_without_the_docs_it_links_to_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "Pet.md"
    doc.write_text(TABLE)
    assert [m.name for m in load(doc).models] == ["Pet"]  # loading alone is fine
    code = cli.main(["generate", str(doc), "--lang", "all", "--out", str(tmp_path / "out")])
    message = capsys.readouterr().err.strip()
    assert code == 2 and not (tmp_path / "out").exists()
    assert message.startswith(f"modelgen: error: {doc}:8: ")
    assert "'Tag'" in message and "tags" in message


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
