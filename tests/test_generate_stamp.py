"""The no-op fast path of ``generate`` (generator/output/stamp.py): an output folder known to
hold what the run would write is left alone without loading the source; anything that could
change the output, or the folder, makes it a full run again."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import cli
from generator.build import run
from generator.ir import ModelSet
from generator.output import stamp
from generator.output.paths import STAMP
from generator.sources import load

SPEC = """\
openapi: 3.0.3
info: {title: Pets, version: '1'}
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        owner: {$ref: 'people.yaml#/Owner'}
        tag: {type: weird}
"""
PEOPLE = """\
Owner:
  type: object
  properties:
    id: {type: integer}
"""


class Loads:
    """Counts the calls of the loader ``generate`` goes through."""

    def __init__(self) -> None:
        self.count = 0


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[Loads]:
    counter = Loads()
    real: Callable[..., ModelSet] = load

    def counting(*args: object, **kwargs: object) -> ModelSet:
        counter.count += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(run, "load", counting)
    yield counter


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "people.yaml").write_text(PEOPLE)
    path = tmp_path / "api" / "spec.yaml"
    path.write_text(SPEC)
    return path


def generate(capsys: pytest.CaptureFixture[str], spec: Path, *extra: str) -> tuple[int, str, str]:
    code = cli.main(["generate", str(spec), "--lang", "python,dart", "--out", "out", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def generated(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_second_run_with_nothing_changed_loads_nothing_and_says_the_same(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    first = generate(capsys, spec)
    assert first[0] == 0 and loads.count == 1
    assert Path("out", STAMP).is_file()
    again = generate(capsys, spec)
    assert loads.count == 1
    assert again[0] == 0
    count = len(generated(Path("out")))
    assert again[1].strip() == f"out: {count} files: 0 written, {count} unchanged, 0 deleted"
    assert again == generate(capsys, spec, "--no-cache")  # says what a full run says
    assert "unknown-type" in first[2] and again[2] == first[2]  # the warnings, repeated


def test_check_on_a_current_folder_loads_nothing(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    generate(capsys, spec)
    fast = generate(capsys, spec, "--check")
    assert loads.count == 1
    assert fast == generate(capsys, spec, "--check", "--no-cache")  # says what a full run says
    assert fast[0] == 0 and "current" in fast[1]


def test_no_cache_always_loads(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    generate(capsys, spec)
    generate(capsys, spec, "--no-cache")
    generate(capsys, spec, "--check", "--no-cache")
    assert loads.count == 3


def test_changed_spec_is_a_full_run(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    generate(capsys, spec)
    spec.write_text(SPEC + "    Toy: {type: object, properties: {id: {type: string}}}\n")
    assert generate(capsys, spec, "--check")[0] == 1  # out of date, and said so
    code, out, _ = generate(capsys, spec)
    assert code == 0 and " 0 written" not in out
    assert loads.count == 3


def test_changed_referenced_file_is_a_full_run(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    generate(capsys, spec)
    (spec.parent / "people.yaml").write_text(PEOPLE + "    name: {type: string}\n")
    assert generate(capsys, spec, "--check")[0] == 1
    assert loads.count == 2


def test_referenced_file_that_appears_is_a_full_run(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    (spec.parent / "people.yaml").unlink()  # a dangling $ref: degraded, with a warning
    assert generate(capsys, spec)[0] == 0
    generate(capsys, spec, "--check")
    assert loads.count == 1
    (spec.parent / "people.yaml").write_text(PEOPLE)
    assert generate(capsys, spec, "--check")[0] == 1
    assert loads.count == 2


def test_changed_option_is_a_full_run(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    generate(capsys, spec)
    assert generate(capsys, spec, "--package", "other", "--check")[0] == 1
    assert loads.count == 2


def test_changed_template_is_a_full_run(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads, tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    (templates / "python").mkdir(parents=True)
    (templates / "python" / "py.typed.jinja").write_text("{{ header }}\n")
    generate(capsys, spec, "--templates", str(templates))
    generate(capsys, spec, "--templates", str(templates))
    assert loads.count == 1
    (templates / "python" / "py.typed.jinja").write_text("{{ header }}\n# typed\n")
    assert generate(capsys, spec, "--templates", str(templates), "--check")[0] == 1
    assert loads.count == 2


def test_changed_modelgen_code_is_a_full_run(
    capsys: pytest.CaptureFixture[str],
    spec: Path,
    loads: Loads,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = tmp_path / "code"
    code.mkdir()
    (code / "emit.py").write_text("x = 1\n")
    monkeypatch.setattr(stamp, "CODE_FOLDERS", (*stamp.CODE_FOLDERS, code))
    generate(capsys, spec)
    generate(capsys, spec)
    assert loads.count == 1
    (code / "emit.py").write_text("x = 2\n")
    generate(capsys, spec)
    assert loads.count == 2


def test_upgraded_formatting_library_is_a_full_run(
    capsys: pytest.CaptureFixture[str],
    spec: Path,
    loads: Loads,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A library that shapes the output (black, say) upgraded in place: a full run, not the
    old output kept. Here a stand-in package on sys.path, rewritten as an upgrade would."""
    site = tmp_path / "site"
    (site / "stand_in_black").mkdir(parents=True)
    init = site / "stand_in_black" / "__init__.py"
    init.write_text("__version__ = '24.1'\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(stamp, "LIBRARIES", (*stamp.LIBRARIES, "stand_in_black"))
    generate(capsys, spec)
    generate(capsys, spec)
    assert loads.count == 1
    init.write_text("__version__ = '25.1.0'\n")
    generate(capsys, spec)
    assert loads.count == 2


@pytest.mark.parametrize("change", ["edited", "touched", "deleted", "manifest touched"])
def test_changed_output_file_is_a_full_run(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads, change: str
) -> None:
    generate(capsys, spec)
    victim = generated(Path("out"))[0]
    original = victim.read_bytes()
    if change == "edited":
        victim.write_bytes(original + b"\n")
    elif change == "touched":
        info = victim.stat()
        os.utime(victim, ns=(info.st_atime_ns, info.st_mtime_ns - 10**9))
    elif change == "deleted":
        victim.unlink()
    else:
        manifest = Path("out", ".modelgen-manifest")
        info = manifest.stat()
        os.utime(manifest, ns=(info.st_atime_ns, info.st_mtime_ns - 10**9))
    code, out, _ = generate(capsys, spec)
    assert code == 0 and loads.count == 2
    assert victim.read_bytes() == original
    if change in ("edited", "deleted"):
        assert "1 written" in out


def test_update_whose_stamp_was_never_recorded_is_not_taken_for_current(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(capsys, spec)
    before = {p: p.read_bytes() for p in generated(Path("out"))}
    spec.write_text(SPEC.replace("name: {type: string}", "name: {type: integer}"))
    with monkeypatch.context() as patch:
        patch.setattr(stamp, "record", lambda *args, **kwargs: False)  # killed right after
        generate(capsys, spec)
    spec.write_text(SPEC)  # back to what the stamp on disk was recorded for
    assert generate(capsys, spec, "--check")[0] == 1
    assert generate(capsys, spec)[0] == 0
    assert loads.count == 4
    assert {p: p.read_bytes() for p in generated(Path("out"))} == before


def test_folder_source_is_never_stamped(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    spec.rename(spec.parent / "openapi.yaml")  # a folder holding openapi.yaml
    generate(capsys, spec.parent)
    generate(capsys, spec.parent)
    assert loads.count == 2
    assert not Path("out", STAMP).exists()


def test_foreign_stamp_is_a_full_run_never_an_error(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    generate(capsys, spec)
    for text in ("not json", "[]", '{"format": 1, "key": 3}', "{}"):
        Path("out", STAMP).write_text(text)
        assert generate(capsys, spec, "--check")[0] == 0
    assert loads.count == 5


def test_jobs_of_a_configuration_file_replay_what_a_full_run_says(
    capsys: pytest.CaptureFixture[str], spec: Path, loads: Loads
) -> None:
    Path("modelgen.toml").write_text(
        '[[jobs]]\nname = "a"\nsource = "api/spec.yaml"\nlang = "python"\nout = "gen/a"\n'
        'include = ["Pet"]\n\n'
        '[[jobs]]\nname = "b"\nsource = "api/spec.yaml"\nlang = "dart"\nout = "gen/b"\n'
    )

    def run_all(*extra: str) -> tuple[int, str, str]:
        code = cli.main(["generate", *extra])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    assert run_all()[0] == 0
    assert loads.count == 2
    fast, fast_check = run_all(), run_all("--check")
    assert loads.count == 2
    assert fast == run_all("--no-cache")
    assert fast_check == run_all("--check", "--no-cache")
    Path("gen/b/.modelgen-manifest").unlink()  # one job's folder in doubt: all run in full
    run_all()
    assert loads.count == 8
