"""`modelgen generate` end to end: the committed example output is current, output is the same
bytes whatever the environment, and a failing run leaves the output folder exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator import cli
from generator.build import run
from generator.errors import ModelgenError
from generator.ir import ModelSet
from generator.targets import Emitted, default_languages, emit
from tests.support.paths import EXAMPLE_SPEC, ROOT

ALL = default_languages()

# The languages committed under out/ for the example (README: "Regenerating out/").
OUT_LANGS = "python,dart,php,docs-php,docs-dart"


def run_cli(
    *argv: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_committed_example_output_is_up_to_date() -> None:
    done = run_cli("generate", str(EXAMPLE_SPEC), "--lang", OUT_LANGS, "--out", "out", "--check")
    assert done.returncode == 0, (
        "out/ is stale; regenerate it with: modelgen generate schemas/realtime.yaml "
        f"--lang {OUT_LANGS} --out out\n{done.stdout}{done.stderr}"
    )


def test_check_exits_1_listing_stale_missing_and_extra_files(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert (
        run_cli("generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out)).returncode
        == 0
    )
    models = next(out.rglob("models.py"))
    models.write_text(models.read_text() + "# edited\n")
    (next(out.rglob("py.typed"))).unlink()
    before = snapshot(out)
    done = run_cli("generate", str(EXAMPLE_SPEC), "--lang", "python", "--out", str(out), "--check")
    assert done.returncode == 1
    assert f"stale: {models.relative_to(out).as_posix()}" in done.stdout
    assert "missing: " in done.stdout and "py.typed" in done.stdout
    assert snapshot(out) == before  # --check writes nothing


def test_all_languages_go_into_one_folder_each(tmp_path: Path) -> None:
    done = run_cli("generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(tmp_path / "o"))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "o").iterdir() if p.is_dir()) == sorted(ALL)


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C"},
        {"PYTHONHASHSEED": "1", "TZ": "Asia/Kolkata", "LC_ALL": "C.UTF-8"},
        {"PYTHONHASHSEED": "random", "TZ": "America/St_Johns"},
    ],
)
def test_output_is_identical_under_any_hash_seed_time_zone_locale_and_directory(
    tmp_path: Path, env: dict[str, str]
) -> None:
    # Generated from another working directory, with a relative spec path, and compared with
    # the committed out/ byte for byte.
    relative = os.path.relpath(EXAMPLE_SPEC, tmp_path)
    done = run_cli(
        "generate",
        relative,
        "--lang",
        OUT_LANGS,
        "--out",
        str(ROOT / "out"),
        "--check",
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_second_run_rewrites_nothing(tmp_path: Path) -> None:
    out = tmp_path / "o"
    args = ("generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out))
    assert run_cli(*args).returncode == 0
    before = snapshot(out)
    done = run_cli(*args)
    assert done.returncode == 0 and " files: 0 written, " in done.stdout
    assert done.stdout.strip().endswith(" unchanged, 0 deleted")
    assert snapshot(out) == before


def test_a_run_writes_nothing_outside_its_output_folder(tmp_path: Path) -> None:
    # The places a program caches things in (the temp folder, the home folder and its cache
    # folder, the working directory) stay empty; only the output folder is written.
    places = {name: tmp_path / name for name in ("tmp", "home", "cache", "cwd")}
    for place in places.values():
        place.mkdir()
    env = {
        "TMPDIR": str(places["tmp"]),
        "HOME": str(places["home"]),
        "XDG_CACHE_HOME": str(places["cache"]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for langs in ("all", "python,dart,php,docs-php,docs-dart,jsonschema"):
        out = tmp_path / "o"
        done = run_cli(
            "generate", str(EXAMPLE_SPEC), "--lang", langs, "--out", str(out),
            cwd=places["cwd"], env=env,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        left = {name: sorted(p.iterdir()) for name, p in places.items()}
        assert left == {name: [] for name in places}
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "cwd", "home", "o", "tmp"]


def test_a_bad_spec_leaves_the_output_folder_exactly_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert (
        run_cli("generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out)).returncode == 0
    )
    (out / "mine.txt").write_text("user file\n")
    before = snapshot(out)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/Missing'\n"
    )
    # a dangling $ref only degrades its place by default; --strict makes it the error it is
    done = run_cli("generate", str(bad), "--lang", "all", "--out", str(out), "--strict")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert "bad.yaml" in done.stderr and "Missing" in done.stderr
    assert snapshot(out) == before


def test_an_emitter_failing_midway_leaves_the_output_folder_exactly_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "o"
    assert cli.main(["generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out)]) == 0
    before = snapshot(out)
    real = emit  # what the build step calls (the test replaces it there)

    def failing_emit(
        name: str, models: ModelSet, templates: Sequence[Path] = (), **options: object
    ) -> Emitted:
        emitted = real(name, models, templates, **options)
        if name == "php":
            raise ModelgenError("injected failure in the renderer")
        return emitted

    monkeypatch.setattr(run, "emit", failing_emit)
    argv = ["generate", str(EXAMPLE_SPEC), "--lang", "all", "--out", str(out), "--no-cache"]
    code = cli.main(argv)
    assert code == 2
    assert snapshot(out) == before
