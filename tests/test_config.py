"""The configuration file: where it is found, how its jobs are read, how the command line
overrides them, and how every mistake in it names the file and line."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from generator import config
from generator.build.jobs import from_args
from generator.cli import build_parser
from generator.config.lines import key_lines, line_of
from generator.errors import ModelgenError
from generator.targets import option_flags
from tests.support.paths import ROOT

JOBS = """\
[project]
name = "p"

[tool.modelgen]
lang = "python"
php-namespace = "Acme"

[[tool.modelgen.jobs]]
source = "a.yaml"
out = "gen/a"

[[tool.modelgen.jobs]]
name = "b"
source = "specs/b.yaml"
lang = ["dart", "php"]
out = "gen/b"
include = "Pet*, Order"
"""


def write(folder: Path, text: str, name: str = "pyproject.toml") -> Path:
    path = folder / name
    path.write_text(text)
    return path


def args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["generate", *argv])


def line_with(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def error_of(path: Path) -> ModelgenError:
    with pytest.raises(ModelgenError) as caught:
        config.read(path)
    return caught.value


# --- finding it ----------------------------------------------------------------------------------


def test_found_from_a_subfolder_up(tmp_path: Path) -> None:
    path = write(tmp_path, JOBS)
    (tmp_path / "src" / "deep").mkdir(parents=True)
    assert config.find(tmp_path / "src" / "deep") == path


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    outer = write(tmp_path, JOBS)
    inner = tmp_path / "sub"
    inner.mkdir()
    write(inner, "[project]\nname = 'other'\n[tool.black]\nline-length = 100\n")
    assert config.find(inner) == outer


def test_modelgen_toml_comes_before_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    own = write(tmp_path, 'source = "a.yaml"\nlang = "php"\nout = "o"\n', "modelgen.toml")
    assert config.find(tmp_path) == own
    jobs, used = from_args_in(tmp_path)
    assert used == own and [job.languages for job in jobs] == [("php",)]


def test_this_projects_own_pyproject_has_no_jobs() -> None:
    # running the test suite from the checkout must not pick up a configuration
    assert config.find(ROOT) is None or config.find(ROOT) != ROOT / "pyproject.toml"


def from_args_in(folder: Path, *argv: str) -> tuple[list[config.Job], Path | None]:
    import os

    before = Path.cwd()
    os.chdir(folder)
    try:
        return from_args(args(*argv))
    finally:
        os.chdir(before)


# --- reading jobs --------------------------------------------------------------------------------


def test_each_job_gets_the_tables_defaults_and_overrides_them(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    jobs, _ = from_args_in(tmp_path)
    first, second = jobs
    assert first.languages == ("python",) and second.languages == ("dart", "php")
    assert first.options["php_namespace"] == second.options["php_namespace"] == "Acme"
    assert [p.glob for p in second.include] == ["Pet*", "Order"]
    assert first.name == "gen/a" and second.name == "b"


def test_paths_are_relative_to_the_files_folder(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    (tmp_path / "sub").mkdir()
    jobs, _ = from_args_in(tmp_path / "sub")
    assert jobs[1].source == tmp_path.resolve() / "specs" / "b.yaml"
    assert jobs[1].out == tmp_path.resolve() / "gen" / "b"


def test_a_table_without_jobs_is_one_job(tmp_path: Path) -> None:
    write(tmp_path, '[tool.modelgen]\nsource = "s.yaml"\nlang = "python,php"\nout = "o"\n')
    jobs, _ = from_args_in(tmp_path)
    assert len(jobs) == 1 and jobs[0].languages == ("python", "php")


def test_every_target_option_is_a_key_named_like_its_flag() -> None:
    known = config.keys()
    for dest, (flag, _, _) in option_flags().items():
        assert known[flag.removeprefix("--")].dest == dest


def test_the_readme_documents_every_key() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert config.reference_table() in readme, (
        "README.md's configuration table differs from generator.config.reference_table();"
        " paste its output into the README's configuration section"
    )


# --- mistakes, each at its line ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "message"),
    [
        (JOBS.replace('out = "gen/b"', 'otu = "gen/b"'), "otu =", "unknown key 'otu'"),
        (JOBS.replace('lang = "python"', 'lnag = "python"'), "lnag", "did you mean 'lang'?"),
        (JOBS + "[tool.modelgen.jobs.names]\nmodel = {}\n", "model = {}", "did you mean 'models'"),
        (
            JOBS + "[tool.modelgen.jobs.names.models]\nPet = 'my pet'\n",
            "Pet = ",
            "the new name must be an identifier",
        ),
        (
            JOBS + '[tool.modelgen.jobs.names]\npython = { model = { A = "B" } }\n',
            "python = {",
            "unknown key 'model' in names.python",
        ),
        (JOBS.replace('lang = ["dart", "php"]', 'lang = "dart,cobol"'), "dart,cobol", "cobol"),
        (JOBS.replace('lang = ["dart", "php"]', "lang = 3"), "lang = 3", "expected a list"),
        (
            JOBS.replace('name = "b"', 'name = "b"\nallow-remote-refs = "yes"'),
            "allow-remote-refs",
            "expected true or false",
        ),
        (JOBS.replace('name = "b"', 'name = "b"\nfrom = "cobol"'), "from =", "unknown input kind"),
        (
            JOBS.replace('name = "b"', "name = { first = 1 }"),
            "name = {",
            "expected a string",
        ),
    ],
)
def test_a_mistake_names_the_file_and_its_line(
    tmp_path: Path, text: str, fragment: str, message: str
) -> None:
    write(tmp_path, text)
    with pytest.raises(ModelgenError) as caught:
        from_args_in(tmp_path)
    error = caught.value
    assert error.source is not None
    assert error.source.file == str((tmp_path / "pyproject.toml").resolve())
    assert error.source.line == line_with(text, fragment)
    assert message in str(error)


def test_invalid_toml_names_its_line(tmp_path: Path) -> None:
    text = JOBS.replace('out = "gen/a"', "out = gen/a")
    error = error_of(write(tmp_path, text))
    assert error.source is not None and error.source.line == line_with(text, "out = gen/a")
    assert "not valid TOML" in str(error)


def test_a_job_without_out_says_which_key_is_missing(tmp_path: Path) -> None:
    write(tmp_path, '[tool.modelgen]\nsource = "s.yaml"\nlang = "python"\n')
    with pytest.raises(ModelgenError, match="no out given"):
        from_args_in(tmp_path)


def test_no_configuration_and_no_source_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="no SOURCE given, and no configuration found"):
        from_args_in(tmp_path)


# --- the command line over the file ------------------------------------------------------------


def test_flags_override_the_key_in_every_job(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    jobs, _ = from_args_in(tmp_path, "--lang", "php", "--php-namespace", "Other", "--exclude", "X")
    assert [job.languages for job in jobs] == [("php",), ("php",)]
    assert {job.options["php_namespace"] for job in jobs} == {"Other"}
    assert all([p.glob for p in job.exclude] == ["X"] for job in jobs)
    assert [p.glob for p in jobs[1].include] == ["Pet*", "Order"]  # not given: kept


def test_out_on_the_command_line_needs_one_job(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    with pytest.raises(ModelgenError, match="choose one with --job"):
        from_args_in(tmp_path, "--out", "x")
    jobs, _ = from_args_in(tmp_path, "--out", "x", "--job", "b")
    assert [(job.name, job.out) for job in jobs] == [("b", Path("x"))]


def test_an_unknown_job_lists_the_jobs(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    with pytest.raises(ModelgenError, match=r"no such job \(jobs: gen/a, b\)"):
        from_args_in(tmp_path, "--job", "c")


def test_a_source_on_the_command_line_ignores_the_file(tmp_path: Path) -> None:
    write(tmp_path, JOBS)
    jobs, used = from_args_in(tmp_path, "s.yaml", "--lang", "dart", "--out", "o")
    assert used is None
    assert [(job.source, job.languages, job.out) for job in jobs] == [
        (Path("s.yaml"), ("dart",), Path("o"))
    ]
    assert "php_namespace" not in jobs[0].options
    with pytest.raises(ModelgenError, match="no --out given"):
        from_args_in(tmp_path, "s.yaml", "--lang", "dart")


def test_names_can_live_in_a_file_of_their_own(tmp_path: Path) -> None:
    write(tmp_path, '[models]\nPet = "Animal"\n[properties.Pet]\nname = "title"\n', "names.toml")
    write(tmp_path, JOBS.replace('name = "b"', 'name = "b"\nnames = "names.toml"'))
    jobs, _ = from_args_in(tmp_path)
    renames = jobs[1].names.for_language("dart")
    assert renames.models["Pet"].new == "Animal"
    assert renames.properties["Pet"]["name"].new == "title"
    assert renames.models["Pet"].source.line == 2  # in names.toml


def test_per_language_names_apply_over_the_common_ones(tmp_path: Path) -> None:
    names = (
        "[tool.modelgen.jobs.names.models]\nPet = 'Animal'\nOrder = 'Purchase'\n"
        "[tool.modelgen.jobs.names.php.models]\nPet = 'Creature'\n"
    )
    write(tmp_path, JOBS + names)
    jobs, _ = from_args_in(tmp_path)
    overrides = jobs[1].names
    assert overrides.for_language("php").models["Pet"].new == "Creature"
    assert overrides.for_language("php").models["Order"].new == "Purchase"
    assert overrides.for_language("dart").models["Pet"].new == "Animal"


# --- key lines ---------------------------------------------------------------------------------


def test_key_lines_follow_tables_arrays_of_tables_inline_tables_and_multiline_values() -> None:
    text = """\
[tool.other]
x = 1
[tool.modelgen]
lang = "python"  # a comment with = and [brackets]
names.models.A = "B"
[[tool.modelgen.jobs]]
source = \"\"\"a
lnag = "not a key"
\"\"\"
out = [1.5, 2,
  {a = 1, typo = 2},
]
[tool.modelgen.jobs.names]
models = { X = "Y" }
[[tool.modelgen.jobs]]
when = 1979-05-27 07:32:00
"qu.oted" = 'x'
"""
    lines = key_lines(text)
    job0 = ("tool", "modelgen", "jobs", 0)
    assert lines[("tool", "modelgen", "lang")] == 4
    assert lines[("tool", "modelgen", "names", "models", "A")] == 5
    assert lines[job0] == 6
    assert lines[(*job0, "source")] == 7
    assert (*job0, "lnag") not in lines
    assert lines[(*job0, "out", 2, "typo")] == 11
    assert lines[(*job0, "names", "models", "X")] == 14
    assert lines[("tool", "modelgen", "jobs", 1, "qu.oted")] == 17
    assert line_of(lines, (*job0, "names", "models", "X", "deeper")) == 14
    assert lines[("tool",)] == 1


def test_strict_in_the_file_or_on_the_command_line_makes_a_degraded_place_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import cli

    (tmp_path / "spec.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A:\n      type: object\n      properties:\n        p: {type: float}\n"
    )
    write(tmp_path, 'source = "spec.yaml"\nlang = "python"\nout = "o"\n', "modelgen.toml")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["generate"]) == 0
    assert "unknown-type" in capsys.readouterr().err
    assert cli.main(["generate", "--strict"]) == 2
    assert "modelgen: error: spec.yaml#/components/schemas/A/properties/p/type: " in (
        capsys.readouterr().err
    )
    write(
        tmp_path,
        'source = "spec.yaml"\nlang = "python"\nout = "o"\nstrict = true\n',
        "modelgen.toml",
    )
    assert cli.main(["generate"]) == 2
    assert "unknown type 'float'" in capsys.readouterr().err
