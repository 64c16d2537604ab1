"""Language-neutral naming helpers (``generator.naming``)."""

from __future__ import annotations

import pytest

from generator.naming import is_windows_device


@pytest.mark.parametrize(
    "name", ["con", "CON", "Prn", "aux", "nul", "NUL.txt", "com0", "COM9", "lpt1", "lpt5.php"]
)
def test_windows_device_names_are_refused_in_any_case_and_with_any_extension(name: str) -> None:
    assert is_windows_device(name)


@pytest.mark.parametrize(
    "name", ["console", "con_model", "ConModel", "com10", "lpt", "nulls.txt", "a.con", ""]
)
def test_names_that_only_contain_a_device_name_are_allowed(name: str) -> None:
    assert not is_windows_device(name)
