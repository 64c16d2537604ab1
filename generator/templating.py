"""Jinja environments for the emitters. Templates only lay text out: every name, type string and
escaped piece of spec text is decided in the emitter's Python module before it reaches here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2


def templates_root() -> Path:
    """``templates/``: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"modelgen templates not found near {here}")


@cache
def environment(language: str) -> jinja2.Environment:
    """The environment for ``templates/<language>/``. Spec text is passed in as data, never as
    template source, so Jinja syntax inside a description is emitted verbatim."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_root() / language)),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates do not change during a run: no stat per lookup
    )


def render(language: str, template: str, **context: object) -> str:
    return environment(language).get_template(template).render(**context)
