"""Names matched across naming conventions (``generator.compare.names``)."""

from __future__ import annotations

import pytest

from generator.compare.names import bare_name, name_key


@pytest.mark.parametrize(
    "spelling",
    ["event_id", "eventId", "EventId", "EVENT_ID", "event-id", "'event_id'", '"eventId"'],
)
def test_name_key_is_the_same_across_conventions_and_quotes(spelling: str) -> None:
    assert name_key(spelling, qualified=False) == name_key("event_id", qualified=False)


@pytest.mark.parametrize("escaped", ["class_", "$class", "class$"])
def test_name_key_undoes_reserved_word_escapes(escaped: str) -> None:
    for qualified in (True, False):
        assert name_key(escaped, qualified=qualified) == "class"


@pytest.mark.parametrize("spelling", ["\\Ns\\Model\\EventId", "pkg.model.EventId"])
def test_qualified_names_drop_their_namespace_or_package(spelling: str) -> None:
    assert name_key(spelling, qualified=True) == "eventid"


def test_unqualified_names_keep_every_part_a_json_key_may_hold() -> None:
    assert name_key("pkg.model.EventId", qualified=False) == "pkgmodeleventid"
    assert name_key("a.b", qualified=False) != name_key("b", qualified=False)


def test_accented_letters_key_as_the_ascii_letters_emitters_write() -> None:
    assert name_key("café_au_lait", qualified=False) == name_key("CafeAuLait", qualified=False)


@pytest.mark.parametrize("name", ["μ", "π", "!", ""])
def test_a_name_with_no_ascii_letter_or_digit_is_its_own_key(name: str) -> None:
    assert name_key(name, qualified=False) == name
    assert name_key(name, qualified=True) == name


def test_bare_name_drops_namespaces_and_packages() -> None:
    assert bare_name("\\Ns\\Model\\Pet") == "Pet"
    assert bare_name("package.model.Pet") == "Pet"
    assert bare_name("Pet") == "Pet"
