"""``--include`` / ``--exclude``: the chosen models and everything they reference, a pattern
that matches nothing refused, and the summary saying how many models were left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.errors import ModelgenError
from generator.ir import Discriminator, Field, ModelSet, ObjectModel, Primitive, Ref, Source
from generator.ir.model import UnionModel
from generator.ir.select import Pattern, select
from generator.sources import load
from tests.support.paths import EXAMPLE_SPEC

STRING = Primitive("string")


def zoo() -> ModelSet:
    def obj(name: str, *refs: str) -> ObjectModel:
        fields = tuple(Field(r.lower(), Ref(r), False) for r in refs)
        return ObjectModel(name, (Field("kind", STRING, True), *fields))

    union = UnionModel(
        "Pet",
        (Ref("Cat"),),
        Discriminator("kind", (("cat", "Cat"), ("dog", "Dog"))),  # Dog only by the mapping
    )
    models = (
        obj("Cat", "Owner"),
        obj("Dog"),
        obj("Owner"),
        union,
        obj("Shop", "Pet"),
        obj("Unrelated"),
    )
    return ModelSet(models, Source("s.yaml"), request_roots=frozenset({"Shop", "Unrelated"}))


def kept(selection_models: ModelSet) -> list[str]:
    return [m.name for m in selection_models.models]


def test_an_included_model_brings_everything_it_references() -> None:
    selection = select(zoo(), include=[Pattern("Shop")])
    assert kept(selection.models) == ["Cat", "Dog", "Owner", "Pet", "Shop"]
    assert selection.dropped == 1 and selection.total == 6
    assert selection.models.request_roots == {"Shop"}


def test_globs_match_many_and_exclude_removes_roots() -> None:
    selection = select(zoo(), include=[Pattern("*o*"), Pattern("O*")], exclude=[Pattern("Shop")])
    assert kept(selection.models) == ["Dog", "Owner"]  # Shop matched, then excluded
    assert selection.needed == ()


def test_an_excluded_model_a_kept_one_needs_is_kept_and_reported() -> None:
    selection = select(zoo(), exclude=[Pattern("Owner"), Pattern("Unrelated")])
    assert "Owner" in kept(selection.models) and "Unrelated" not in kept(selection.models)
    assert selection.needed == ("Owner",)


def test_a_pattern_that_matches_nothing_is_refused_where_it_was_written() -> None:
    where = Source("pyproject.toml", line=9)
    with pytest.raises(ModelgenError, match=r"pyproject.toml:9: include 'Cow\*' matches no model"):
        select(zoo(), include=[Pattern("Cow*", where)])
    with pytest.raises(ModelgenError, match="exclude 'cat' matches no model"):
        select(zoo(), exclude=[Pattern("cat")])  # case-sensitive


def test_no_pattern_keeps_the_set_as_it_is() -> None:
    models = zoo()
    assert select(models).models is models


def test_the_summary_says_how_many_models_were_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out)]
    assert cli.main([*argv, "--include", "ServerEvent", "--exclude", "ErrorEvent"]) == 0
    captured = capsys.readouterr()
    total = len(load(EXAMPLE_SPEC).models)
    line = captured.out.strip()
    assert line.startswith(f"{out}: 4 files: 4 written, 0 unchanged, 0 deleted; ")
    kept_count = int(line.split("; ")[1].split()[0])
    assert line.endswith(
        f"; {kept_count} of {total} models ({total - kept_count} left out by include/exclude)"
    )
    assert "ErrorEvent" in captured.err and "excluded-but-needed" in captured.err
    assert 0 < kept_count < total
