"""Generated Python reads every RFC 3339 date-time (issue 11, item 8): ``t`` and ``z`` in lower
case, and a leap second, and gives back the JSON text it read."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.support import models
from tests.targets.python.support import import_package

SESSION = {
    "model": "realtime-mini",
    "voice": "alloy",
    "instructions": "hi",
    "modalities": ["text"],
    "temperature": 1,
    "max_output_tokens": "inf",
    "input_audio_format": "pcm16",
    "turn_detection": None,
    "id": "7F1D2A4C-1B7E-4D8E-9C55-0A6B3E2D1F00",
    "created_at": "2024-05-01T12:00:00.120Z",
    "expires_at": 9007199254740993,
    "previous_session_id": None,
}


@pytest.fixture(scope="module")
def example() -> Any:
    return import_package(models.example(), "datetime_example_pkg")


def session_at(example: Any, text: str) -> Any:
    return example.Session.from_dict({**SESSION, "created_at": text})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01t12:00:00z", datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC)),
        ("2024-05-01T12:00:00z", datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC)),
        ("2024-05-01t12:00:00.5+02:00", None),
    ],
)
def test_lower_case_t_and_z_are_rfc_3339(
    example: Any, text: str, expected: datetime.datetime | None
) -> None:
    session = session_at(example, text)
    assert isinstance(session.created_at, datetime.datetime)
    if expected is not None:
        assert session.created_at == expected
    assert session.to_dict()["created_at"] == text


@pytest.mark.parametrize(
    "text", ["2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "2016-12-31t18:59:60-05:00"]
)
def test_a_leap_second_reads_as_the_end_of_the_minute_and_keeps_its_text(
    example: Any, text: str
) -> None:
    session = session_at(example, text)
    at = session.created_at
    assert (at.minute, at.second, at.microsecond) == (59, 59, 999999)
    assert at.utcoffset() is not None
    assert session.to_dict()["created_at"] == text


@pytest.mark.parametrize(
    "text", ["2016-12-31T23:59:61Z", "2016-12-31T23:60:00Z", "yesterday", "2016-12-31X23:59:60Z"]
)
def test_what_is_not_a_date_time_is_still_refused(example: Any, text: str) -> None:
    with pytest.raises(example._rt.DecodeError, match="date-time"):
        session_at(example, text)
