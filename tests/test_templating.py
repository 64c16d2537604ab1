"""The built-in templates ship compiled (``templates/compiled/``, written by ``python -m
generator.templating``): a run reads the compiled modules while they are current, reads a
template's source when it is not, never writes a compiled template anywhere, and an error
inside a compiled template still names the template's file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jinja2
import pytest

from generator import templating
from generator.templating import COMPILED, MANIFEST, builtin_folders, compiled_modules

FOLDERS = builtin_folders()


def _code_file(template: jinja2.Template) -> Path:
    return Path(template.root_render_func.__code__.co_filename)


def _copy(folder: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "templates"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_every_target_with_templates_has_a_built_in_folder() -> None:
    assert {p.parent.name for p in FOLDERS} == {"dart", "docs", "php", "python"}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.parent.name)
def test_the_shipped_manifest_records_every_template_source_as_it_is_now(folder: Path) -> None:
    # Fails after a built-in template is edited without `python -m generator.templating`.
    manifest = json.loads((folder / COMPILED / MANIFEST).read_text())
    current = {
        name: templating._digest((folder / name).read_bytes()) for name in templating.names(folder)
    }
    assert manifest["templates"] == current


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.parent.name)
def test_the_shipped_modules_are_what_the_installed_jinja_compiles(folder: Path) -> None:
    recorded = json.loads((folder / COMPILED / MANIFEST).read_text())["jinja2"]
    if recorded != jinja2.__version__:
        pytest.skip(f"compiled with Jinja {recorded}; {jinja2.__version__} reads the sources")
    shipped = {
        p.name: p.read_text(encoding="utf-8") for p in (folder / COMPILED).iterdir() if p.is_file()
    }
    assert shipped == compiled_modules(folder)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.parent.name)
def test_built_in_templates_render_from_their_compiled_modules(folder: Path) -> None:
    env = templating.environment(folder)
    for name in templating.names(folder):
        loaded = env.get_template(name)
        assert _code_file(loaded).parent == folder / COMPILED, name
        assert loaded.filename == str(folder / name)


def test_a_template_edited_after_compiling_is_read_from_its_source(tmp_path: Path) -> None:
    dart = next(p for p in FOLDERS if p.parent.name == "dart")
    copy = _copy(dart, tmp_path)
    part = copy / "part.dart.jinja"
    part.write_text(part.read_text() + "// edited\n")
    env = templating.environment(copy)
    edited = env.get_template("part.dart.jinja")
    assert _code_file(edited).parent != copy / COMPILED
    assert edited.render(header="// h", package="p").endswith("// edited\n")
    untouched = env.get_template("library.dart.jinja")
    assert _code_file(untouched).parent == copy / COMPILED


def test_modules_compiled_by_another_jinja_are_not_used(tmp_path: Path) -> None:
    php = next(p for p in FOLDERS if p.parent.name == "php")
    copy = _copy(php, tmp_path)
    manifest = copy / COMPILED / MANIFEST
    data = json.loads(manifest.read_text())
    data["jinja2"] = "0.0"
    manifest.write_text(json.dumps(data))
    env = templating.environment(copy)
    for name in templating.names(copy):
        assert _code_file(env.get_template(name)).parent != copy / COMPILED, name


def test_a_missing_or_damaged_module_is_replaced_by_the_source(tmp_path: Path) -> None:
    dart = next(p for p in FOLDERS if p.parent.name == "dart")
    copy = _copy(dart, tmp_path)
    module = jinja2.ModuleLoader.get_module_filename
    (copy / COMPILED / module("part.dart.jinja")).unlink()
    (copy / COMPILED / module("library.dart.jinja")).write_text("def root(:\n")
    env = templating.environment(copy)
    for name in ("part.dart.jinja", "library.dart.jinja"):
        loaded = env.get_template(name)
        assert _code_file(loaded).parent != copy / COMPILED, name
    assert env.get_template("part.dart.jinja").render(header="// h", package="p")


def test_a_folder_compiled_by_nobody_is_read_from_its_sources(tmp_path: Path) -> None:
    (tmp_path / "t.jinja").write_text("{{ x }}!\n")
    loaded = templating.environment(tmp_path).get_template("t.jinja")
    assert loaded.render(x=1) == "1!\n"


def test_an_error_inside_a_compiled_built_in_template_names_its_file_and_line() -> None:
    dart = next(p for p in FOLDERS if p.parent.name == "dart")
    source = (dart / "object.dart.jinja").read_text().splitlines()
    line = next(i for i, text in enumerate(source, 1) if "b.doc" in text)
    with pytest.raises(jinja2.UndefinedError) as raised:
        templating.render(dart, "object.dart.jinja", b=object())
    found = templating.template_error(raised.value)
    assert found is not None and found.source is not None
    assert (found.source.file, found.source.line) == (str(dart / "object.dart.jinja"), line)
