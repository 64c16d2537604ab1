"""Jinja environments for the targets. Templates only lay text out: every name, type string and
escaped piece of spec text is decided in the target's Python code before it reaches here.

Each target keeps its templates in ``templates/`` inside its own package (shipped in the wheel);
:func:`folder` finds it from the target module's ``__file__``. A target's emitter takes its
template folders as :data:`Folders`: its own folder, or a tuple searched in order, the user's
folders first (``--templates``): a file there overrides the built-in template of the same name
and the rest fall back to the built-in ones (:func:`search_path`).

A template that fails (a syntax error, an undefined variable, an exception in an expression) is
found in the traceback by :func:`template_error`, which names its file and line.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeAlias

import jinja2

from generator.errors import ModelgenError
from generator.ir import Source

Folders: TypeAlias = Path | tuple[Path, ...]
"""Template folders: one, or several searched in order (the first holding a name wins)."""

SUFFIX = ".jinja"


def folder(module_file: str) -> Path:
    """The ``templates/`` folder beside ``module_file`` (a target module's ``__file__``)."""
    return Path(module_file).resolve().parent / "templates"


def search_path(user: Sequence[Path], builtin: Path) -> tuple[Path, ...]:
    """The folders to render from: the user's ``user`` first, in order, the built-in one last."""
    return (*(p.resolve() for p in user), builtin)


def _folders(templates: Folders) -> tuple[Path, ...]:
    return (templates,) if isinstance(templates, Path) else templates


@cache
def environment(templates: Folders) -> jinja2.Environment:
    """The environment for the folder(s) ``templates``. Spec text is passed in as data, never
    as template source, so Jinja syntax inside a description is emitted verbatim. With more
    than one folder (the user's templates in front), templates are reloaded when their file
    changes, so a long-lived process sees a user's edit."""
    folders = _folders(templates)
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in folders]),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # the built-in templates do not change during a run: no stat per lookup
        auto_reload=len(folders) > 1,
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


class Template:
    """A template to render many times: what ``jinja2.Template.render`` does, but with the
    template's globals (a ChainMap Jinja copies into a new dict for every render, most of what
    rendering a small file costs) copied once."""

    def __init__(self, template: jinja2.Template) -> None:
        self.template = template
        self.globals = dict(template.globals)

    def render(self, /, **context: object) -> str:
        template = self.template
        ctx = template.new_context({**self.globals, **context}, shared=True)
        try:
            return template.environment.concat(template.root_render_func(ctx))
        except Exception:
            template.environment.handle_exception()


def template(templates: Folders, name: str) -> Template:
    """Template ``name`` from the folder(s) ``templates``: a built-in one is looked up once per
    process; with the user's folders in front, at every call (so that an edit is seen)."""
    if len(_folders(templates)) > 1:
        return Template(environment(templates).get_template(name))
    return _builtin(templates, name)


@cache
def _builtin(templates: Folders, name: str) -> Template:
    return Template(environment(templates).get_template(name))


def render(templates: Folders, name: str, /, **context: object) -> str:
    return template(templates, name).render(**context)


def names(templates: Path) -> list[str]:
    """The template files of one folder, sorted (helpers in subfolders included)."""
    return sorted(
        p.relative_to(templates).as_posix() for p in templates.rglob(f"*{SUFFIX}") if p.is_file()
    )


# --- errors ----------------------------------------------------------------------------------


def _template_frames(tb: types.TracebackType | None) -> Iterable[tuple[str, int]]:
    """(file, line) of every traceback frame that runs template code, outermost first. Jinja
    rewrites the traceback of an error raised while rendering so that template code shows as
    frames of the template file at its template line."""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(SUFFIX):
            yield filename, tb.tb_lineno
        tb = tb.tb_next


def template_error(error: BaseException) -> ModelgenError | None:
    """The user-facing error for an exception raised by a template: ``FILE:LINE: template
    error: MESSAGE``, where FILE and LINE are those of the innermost template involved; ``None``
    when no template is involved (the error is the emitter's own)."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        where = Source(error.filename, line=error.lineno)
        return ModelgenError(f"template syntax error: {error.message}", where)
    frames = list(_template_frames(error.__traceback__))
    if not frames:
        return None
    filename, line = frames[-1]
    detail = str(error) if isinstance(error, jinja2.TemplateError) else f"{error!r}"
    kind = "undefined variable" if isinstance(error, jinja2.UndefinedError) else "error"
    return ModelgenError(f"template {kind}: {detail}", Source(filename, line=line))
