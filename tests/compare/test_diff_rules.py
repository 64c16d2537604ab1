"""The wire verdicts have one source, ``diff.RULES``: the README shows the table made from it,
and every rule is in the table."""

from __future__ import annotations

from generator.compare.diff import RULES, TABLE, rules_table
from tests.support.paths import ROOT


def test_the_readme_shows_the_rules_table_the_code_uses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table() in readme, (
        "README.md's verdict table differs from generator.compare.diff.rules_table();"
        " paste its output into the README's diff section"
    )


def test_every_rule_is_in_the_table() -> None:
    shown = {key for _, keys in TABLE for key in keys}
    assert set(RULES) == shown


def test_narrowing_is_safe_for_readers_and_widening_for_senders() -> None:
    """The two rules most verdicts derive from, as the README states them."""
    assert RULES["narrowed"].response[0] == "safe"
    assert RULES["narrowed"].request[0] == "breaking"
    assert RULES["widened"].request[0] == "safe"
    assert RULES["widened"].response[0] == "breaking"
    assert "| type widened" in rules_table()
