"""Python output is rendered by the templates from typed view models: a template folder with
one file changed changes only that part of the output, and fitted text placed by a template
at the indentation it was laid out for is exactly the laid-out statement."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.targets.python import PythonOptions
from generator.targets.python.emit import TEMPLATES, Plan, emit, render_files
from generator.targets.python.layout import (
    INDENT,
    Atom,
    BitOr,
    Call,
    Expr,
    Keyword,
    fit,
    fitted,
    lay_out,
)
from generator.targets.python.markers import MODELS_FILE
from generator.targets.python.views import EnumView, FieldView, ObjectView
from tests.support.models import example, hostile

MARK = "# rendered by a custom enum template"


def _custom_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES, folder)
    enum = folder / "enum.py.jinja"
    text = enum.read_text()
    opening = "{% macro enum(model) %}\n"
    assert opening in text
    enum.write_text(text.replace(opening, opening + MARK + "\n"))
    return folder


def test_a_changed_template_changes_only_its_part_of_the_output(tmp_path: Path) -> None:
    models = example()
    default = emit(models, PythonOptions(package="p")).files
    custom = emit(models, PythonOptions(package="p"), _custom_templates(tmp_path)).files
    assert custom.keys() == default.keys()
    for path in default:
        if path != f"p/{MODELS_FILE}":
            assert custom[path] == default[path], path
    lines = custom[f"p/{MODELS_FILE}"].splitlines()
    enums = sum(isinstance(m, EnumView) for m in Plan(models).definitions())
    marks = [n for n, line in enumerate(lines) if line == MARK]
    assert len(marks) == enums > 0
    assert all(lines[n + 1].startswith("class ") for n in marks)  # just before each enum
    assert [line for line in lines if line != MARK] == default[f"p/{MODELS_FILE}"].splitlines()


def test_rendering_the_plan_with_the_package_templates_is_the_emitted_output() -> None:
    models = hostile()
    package = Plan(models).package("p")
    assert render_files(package) == emit(models, PythonOptions(package="p")).files


def test_view_models_are_frozen() -> None:
    view = next(d for d in Plan(example()).definitions() if isinstance(d, ObjectView))
    # mypy refuses these assignments already; the test checks that Python does too
    for target, attribute, value in (
        (view, "name", "Other"),
        (view.fields[0], "annotation", "int"),
    ):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(target, attribute, value)
    assert isinstance(view.fields[0], FieldView)


# --- fitted text ---------------------------------------------------------------------------

names = st.text(alphabet="abcdefghij_", min_size=1, max_size=40).map(lambda s: "n" + s)
atoms = names.map(Atom)


def _exprs() -> st.SearchStrategy[Expr]:
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.builds(
                Call,
                names,
                st.lists(inner, max_size=5).map(tuple),
                st.booleans(),
                st.booleans(),
            ),
            st.builds(Keyword, names, inner),
            st.lists(inner, min_size=2, max_size=4).map(lambda parts: BitOr(tuple(parts))),
        ),
        max_leaves=12,
    )


_PLACE = jinja2.Environment(keep_trailing_newline=True).from_string(
    "{{ indent }}{{ prefix }}{{ text }}{{ suffix }}"
)


@given(_exprs(), st.sampled_from(["", INDENT, INDENT * 2, INDENT * 3]), st.sampled_from(["", ","]))
def test_fitted_text_placed_at_its_indentation_is_the_laid_out_statement(
    expr: Expr, indent: str, suffix: str
) -> None:
    prefix = "" if isinstance(expr, Keyword) else "return "
    lines = lay_out(indent, prefix, expr, suffix)
    text = fitted(lines, indent, prefix, suffix)
    assert fit(indent, prefix, expr, suffix) == text
    placed = _PLACE.render(indent=indent, prefix=prefix, text=text, suffix=suffix)
    assert placed == "\n".join(lines)
