"""Lenient by default, ``--strict`` for CI, ``--quiet`` for silence: the warnings of every command
that loads a source (generate, parity, diff), as the command line prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli

HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"


def write_spec(folder: Path, properties: int = 1, name: str = "spec.yaml") -> Path:
    body = "".join(f"        p{i}: {{type: float}}\n" for i in range(properties))
    path = folder / name
    path.write_text(HEAD + "    A:\n      type: object\n      properties:\n" + body)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err.strip().splitlines()


def test_a_degraded_place_is_one_located_warning_and_the_count_at_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(tmp_path)
    code, lines = run(
        capsys, "generate", str(spec), "--lang", "python", "--out", str(tmp_path / "o")
    )
    assert code == 0
    assert lines == [
        "warning: spec.yaml#/components/schemas/A/properties/p0/type: unknown-type: unknown"
        " type 'float' (expected one of: array, boolean, integer, null, number, object, string);"
        " read as number",
        "1 warning",
    ]
    assert (tmp_path / "o").is_dir()


def test_strict_makes_it_the_error_it_is_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(tmp_path)
    out = tmp_path / "o"
    code, lines = run(
        capsys, "generate", str(spec), "--lang", "python", "--out", str(out), "--strict"
    )
    assert code == 2 and not out.exists()
    assert lines == [
        "modelgen: error: spec.yaml#/components/schemas/A/properties/p0/type: unknown type"
        " 'float' (expected one of: array, boolean, integer, null, number, object, string)"
    ]


def test_quiet_prints_no_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write_spec(tmp_path, properties=3)
    code, lines = run(
        capsys, "generate", str(spec), "--lang", "python", "--out", str(tmp_path / "o"), "--quiet"
    )
    assert code == 0 and lines == []


def test_warnings_repeated_for_many_places_are_counted_not_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(tmp_path, properties=8)
    code, lines = run(
        capsys, "generate", str(spec), "--lang", "python", "--out", str(tmp_path / "o")
    )
    assert code == 0
    shown = [line for line in lines if "unknown type 'float'" in line]
    assert [line.split("/properties/")[1].split("/")[0] for line in shown] == [
        f"p{i}" for i in range(cli.SHOWN_PER_CODE)
    ]
    assert lines[-2:] == ["warning: ... and 3 more unknown-type warnings", "8 warnings"]


def test_parity_and_diff_load_leniently_and_strictly_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write_spec(tmp_path, name="old.yaml")
    new = write_spec(tmp_path, properties=2, name="new.yaml")
    code, lines = run(capsys, "parity", str(old), str(new))
    assert code == 1  # p1 is only in new: drift, found despite the stand-ins
    assert lines[-1] == "3 warnings"
    code, lines = run(capsys, "diff", str(old), str(new), "--lang", "none")
    assert code == 0 and lines[-1] == "3 warnings"
    for command in (["parity", str(old), str(new)], ["diff", str(old), str(new)]):
        code, lines = run(capsys, *command, "--strict")
        assert code == 2 and len(lines) == 1 and "unknown type 'float'" in lines[0]
