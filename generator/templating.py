"""Jinja environments for the targets. Templates only lay text out: every name, type string and
escaped piece of spec text is decided in the target's Python code before it reaches here.

Each target keeps its templates in ``templates/`` inside its own package (shipped in the wheel);
:func:`folder` finds it from the target module's ``__file__``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2


def folder(module_file: str) -> Path:
    """The ``templates/`` folder beside ``module_file`` (a target module's ``__file__``)."""
    return Path(module_file).resolve().parent / "templates"


@cache
def environment(templates: Path) -> jinja2.Environment:
    """The environment for the folder ``templates``. Spec text is passed in as data, never as
    template source, so Jinja syntax inside a description is emitted verbatim."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates do not change during a run: no stat per lookup
        bytecode_cache=_bytecode_cache(),
    )


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (Jinja's per-user folder in the temp folder, keyed
    on each template's text): compiling them is most of what a small run costs. None when
    that folder cannot be had safely."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def render(templates: Path, template: str, **context: object) -> str:
    return environment(templates).get_template(template).render(**context)
