"""The one union decoding rule (README, "Unions"), in generated Dart: the dispatch table read
back from the generated code (the `switch` of each union) sends every tagged instance of the
OpenAI spec of 2026-08 to the variant it was built from, as Python and PHP decode it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir import ModelSet, Ref, UnionModel
from generator.output import write_tree
from generator.sources import load
from generator.targets import emit
from tests.support.union_cases import union_cases


@pytest.mark.slow
def test_the_dart_dispatch_tables_send_each_openai_variant_to_its_own_class(
    openai_latest_models: ModelSet, tmp_path: Path
) -> None:
    write_tree(tmp_path / "dart", emit("dart", openai_latest_models).files)
    read = load(tmp_path / "dart").by_name()
    wrong: dict[str, str] = {}
    dispatched = 0
    for case in union_cases(openai_latest_models):
        union = read[case.union]
        assert isinstance(union, UnionModel) and union.discriminator is not None, case.union
        assert Ref(case.variant) in union.variants, case.id
        table = dict(union.discriminator.mapping)
        if case.tagged and case.tag in table:
            dispatched += 1
            if table[case.tag] != case.variant:
                wrong[case.id] = table[case.tag]
    assert wrong == {}
    assert dispatched > 900
