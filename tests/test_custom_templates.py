"""``--templates DIR``: a file there replaces the built-in template of its name and the others
stay; a broken template names its file and line and writes nothing; the reference of what each
template receives is generated from the view models and matches what they really receive."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import cli, templating
from generator.targets import target
from generator.template_reference import contexts, reference, with_templates
from generator.templating import names
from tests.support.paths import EXAMPLE_SPEC, ROOT
from tests.support.tree import snapshot
from tests.targets.python.support import mypy_strict


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def generate(
    capsys: pytest.CaptureFixture[str], out: Path, lang: str, *extra: str
) -> tuple[int, str, str]:
    return run(capsys, "generate", str(EXAMPLE_SPEC), "--lang", lang, "--out", str(out), *extra)


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".modelgen")
    }


def builtin(language: str, name: str) -> str:
    folder = target(language).template_folder()
    assert folder is not None
    return (folder / name).read_text()


def override(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)


# --- overriding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "template", "anchor", "changed"),
    [
        ("dart", "enum.dart.jinja", "enum {{ b.name }}", ".dart"),
        ("php", "enum.php.jinja", "enum {{ view.cls }}", ".php"),
        ("docs-php", "php.md.jinja", "# ", ".md"),
    ],
)
def test_a_template_file_replaces_the_built_in_one_of_its_name_and_only_that(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    template: str,
    anchor: str,
    changed: str,
) -> None:
    text = builtin(language, template)
    assert anchor in text
    mark = "MARK-custom-template"
    override(tmp_path / "t", template, text.replace(anchor, f"{mark}\n{anchor}", 1))
    assert generate(capsys, tmp_path / "default", language)[0] == 0
    code, _, err = generate(
        capsys, tmp_path / "custom", language, "--templates", str(tmp_path / "t")
    )
    assert code == 0, err
    default, custom = files(tmp_path / "default"), files(tmp_path / "custom")
    assert default.keys() == custom.keys()
    differing = {rel for rel in default if default[rel] != custom[rel]}
    assert differing and all(rel.endswith(changed) for rel in differing)
    for rel in differing:
        assert custom[rel].replace(f"{mark}\n", "", 1) == default[rel]


def test_a_language_folder_inside_the_templates_folder_is_searched_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = builtin("php", "enum.php.jinja")
    anchor = "enum {{ view.cls }}"
    override(tmp_path / "t", "enum.php.jinja", text.replace(anchor, f"// shared\n{anchor}"))
    override(tmp_path / "t" / "php", "enum.php.jinja", text.replace(anchor, f"// php\n{anchor}"))
    code, _, err = generate(
        capsys, tmp_path / "o", "python,php", "--templates", str(tmp_path / "t")
    )
    assert code == 0, err
    enums = [t for rel, t in files(tmp_path / "o").items() if "// php\n" in t]
    assert enums and not any("// shared" in t for t in files(tmp_path / "o").values())


def test_copied_templates_render_exactly_the_built_in_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for language in ("python", "dart", "php", "docs-dart"):
        copy = tmp_path / language / "copy"
        code, out, _ = run(capsys, "templates", language, "--copy", str(copy))
        assert code == 0 and out.strip().endswith(f"templates of {language} copied")
        assert generate(capsys, tmp_path / language / "a", language)[0] == 0
        assert (
            generate(capsys, tmp_path / language / "b", language, "--templates", str(copy))[0] == 0
        )
        assert files(tmp_path / language / "a") == files(tmp_path / language / "b")
    code, _, err = run(capsys, "templates", "php", "--copy", str(tmp_path / "php" / "copy"))
    assert code == 2 and "exists; copy into an empty folder" in err


def test_a_folder_that_overrides_nothing_and_a_near_miss_name_are_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override(tmp_path / "t", "model.py.jinja", "{{ nothing }}")
    code, _, err = generate(capsys, tmp_path / "o", "python", "--templates", str(tmp_path / "t"))
    assert code == 0
    assert f"{tmp_path / 't'}: templates: overrides no template of python" in err
    assert "no built-in template is named 'model.py.jinja' (did you mean 'models.py.jinja'?)" in err


def test_a_missing_templates_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = generate(capsys, tmp_path / "o", "python", "--templates", str(tmp_path / "no"))
    assert code == 2 and "--templates: no such folder" in err


def test_a_target_without_templates_refuses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override(tmp_path / "t", "x.jinja", "")
    code, _, err = generate(
        capsys, tmp_path / "o", "jsonschema", "--templates", str(tmp_path / "t")
    )
    assert code == 2 and "the jsonschema target has no templates to override" in err


# --- broken templates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{% for x in %}", "template syntax error: "),
        ("{{ model.nmae }}", "template undefined variable: "),
        ("{{ 1 // 0 }}", "template error: ZeroDivisionError"),
    ],
)
def test_a_broken_template_names_its_file_and_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    out = tmp_path / "o"
    assert generate(capsys, out, "python,dart")[0] == 0
    before = snapshot(out)
    text = builtin("python", "object.py.jinja").splitlines()
    at = text.index("{% macro object(model) %}") + 2  # the line after the decorator
    text.insert(at, line)
    override(tmp_path / "t", "object.py.jinja", "\n".join(text) + "\n")
    code, stdout, err = generate(capsys, out, "python,dart", "--templates", str(tmp_path / "t"))
    assert code == 2 and stdout == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    where = tmp_path / "t" / "object.py.jinja"
    assert lines[0].startswith(f"modelgen: error: {where}:{at + 1}: {message}"), lines[0]
    assert snapshot(out) == before


# --- a custom Python template: a decorator and a base class on every dataclass -------------------

MODELS_EXTRA = '''
_T = _t.TypeVar("_T")
REGISTRY: list[type[_t.Any]] = []


def register(cls: type[_T]) -> type[_T]:
    """Records every generated dataclass."""
    REGISTRY.append(cls)
    return cls


class Audited:
    """A mixin every generated dataclass gets."""

    __slots__ = ()

    def audit_name(self) -> str:
        return type(self).__name__
'''


def decorated_templates(folder: Path) -> Path:
    models = builtin("python", "models.py.jinja")
    anchor = "from . import _runtime as _rt\n"
    assert anchor in models
    override(folder, "models.py.jinja", models.replace(anchor, anchor + MODELS_EXTRA, 1))
    obj = builtin("python", "object.py.jinja")
    old = "@_dc.dataclass(frozen=True, slots=True, kw_only=True)\n{{ model.header }}\n"
    assert old in obj
    new = (
        "@register\n@_dc.dataclass(frozen=True, slots=True, kw_only=True)\n"
        "class {{ model.name }}({{ model.base }}, Audited):\n"
    )
    override(folder, "object.py.jinja", obj.replace(old, new, 1))
    return folder


def test_a_decorator_and_a_base_class_on_every_dataclass_import_type_check_and_stay_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = decorated_templates(tmp_path / "t")
    out = tmp_path / "o"
    argv = ("--package", "decorated_models", "--templates", str(templates))
    code, _, err = generate(capsys, out, "python", *argv)
    assert code == 0, err
    package = out / "decorated_models"
    sys.path.insert(0, str(out))
    try:
        models = importlib.import_module("decorated_models.models")
    finally:
        sys.path.remove(str(out))
    classes = [c for c in vars(models).values() if isinstance(c, type) and hasattr(c, "to_dict")]
    dataclasses_ = [
        c for c in classes if c.__module__ == models.__name__ and "__dataclass_fields__" in vars(c)
    ]
    assert dataclasses_ and set(models.REGISTRY) == set(dataclasses_)
    assert all(issubclass(c, models.Audited) for c in dataclasses_)
    event = models.SessionUpdateEvent.from_dict(
        {"type": "session.update", "session": {"model": "realtime-mini"}}
    )
    assert event.audit_name() == "SessionUpdateEvent"
    checked = mypy_strict([package])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert generate(capsys, out, "python", *argv, "--check")[0] == 0
    assert (
        generate(capsys, out, "python", *argv)[1]
        .strip()
        .endswith(" 0 written, 4 unchanged, 0 deleted")
    )


def test_the_output_of_a_custom_python_template_is_black_formatted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import black

    templates = decorated_templates(tmp_path / "t")
    out = tmp_path / "o"
    code, _, err = generate(capsys, out, "python", "--templates", str(templates))
    assert code == 0, err
    for path in sorted(out.rglob("*.py")):
        text = path.read_text()
        assert black.format_str(text, mode=black.Mode()) == text, path


# --- the reference -----------------------------------------------------------------------------


def test_the_templates_reference_in_docs_is_current() -> None:
    for package, users in with_templates().items():
        path = ROOT / "docs" / "templates" / f"{package}.md"
        assert path.read_text(encoding="utf-8") == reference(users[0]), (
            f"{path} is stale; regenerate with: python -m generator.template_reference"
            " docs/templates"
        )


def test_every_template_file_is_in_its_targets_reference() -> None:
    for users in with_templates().values():
        chosen = target(users[0])
        folder = chosen.template_folder()
        assert folder is not None
        assert sorted(contexts(chosen)) == names(folder)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, dict[str, set[type]]]]:
    """Template name -> variable -> the types of the values it was rendered with."""
    seen: dict[str, dict[str, set[type]]] = {}
    real = templating.Template.render

    def render(self: templating.Template, /, **kwargs: Any) -> str:
        variables = seen.setdefault(self.template.name or "", {})
        for name, value in kwargs.items():
            variables.setdefault(name, set()).add(type(value))
        return real(self, **kwargs)

    monkeypatch.setattr(templating.Template, "render", render)
    yield seen


def _accepts(declared: object, value_type: type) -> bool:
    import types
    import typing

    if isinstance(declared, types.ModuleType):
        return value_type is types.ModuleType
    origin = typing.get_origin(declared) or declared
    return isinstance(origin, type) and issubclass(value_type, origin)


@pytest.mark.parametrize("language", ["python", "dart", "php", "docs-php", "docs-dart"])
def test_each_template_receives_what_the_reference_says(
    recorded: dict[str, dict[str, set[type]]], language: str
) -> None:
    from generator.sources import load
    from generator.targets import emit

    emit(language, load(EXAMPLE_SPEC))
    declared = contexts(target(language))
    assert recorded
    if language in ("dart", "php"):  # the example renders every one of their templates
        assert set(recorded) == set(declared)
    for template, variables in recorded.items():
        assert template in declared, template
        assert set(variables) == set(declared[template]), template
        for name, value_types in variables.items():
            for value_type in value_types:
                assert _accepts(declared[template][name], value_type), (template, name, value_type)


def test_the_templates_command_lists_every_target_with_templates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0
    assert out.splitlines()[0].startswith("python: __init__.py.jinja ")
    code, out, _ = run(capsys, "templates", "dart")
    assert code == 0 and out == reference("dart")
