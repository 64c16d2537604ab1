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

import hashlib
import json
import sys
import types
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeAlias

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


# How every template is read; the compiled modules shipped with the built-in templates were
# compiled with these very options (see :func:`compiled_modules`).
_OPTIONS: dict[str, Any] = {
    "autoescape": False,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "undefined": jinja2.StrictUndefined,
}


@cache
def environment(templates: Folders) -> jinja2.Environment:
    """The environment for the folder(s) ``templates``. Spec text is passed in as data, never
    as template source, so Jinja syntax inside a description is emitted verbatim. With more
    than one folder (the user's templates in front), templates are reloaded when their file
    changes, so a long-lived process sees a user's edit. The last folder is a built-in one
    (:func:`search_path` puts the user's in front): its templates come from the modules
    compiled from them where those are current (:class:`_Precompiled`); a user's folder is only
    ever read as templates. Nothing is ever written to cache a compiled template."""
    *user, builtin = _folders(templates)
    loader: jinja2.BaseLoader = _Precompiled(builtin)
    if user:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader([str(p) for p in user]), loader])
    # the built-in templates do not change during a run: no stat per lookup
    return jinja2.Environment(loader=loader, auto_reload=bool(user), **_OPTIONS)


# --- built-in templates, compiled ahead ------------------------------------------------------

COMPILED = "compiled"
"""The folder, inside a built-in template folder, of the Python modules compiled from its
templates (Jinja's :class:`~jinja2.ModuleLoader` layout) and of :data:`MANIFEST`. Compiling
the templates is most of what a small run costs; modelgen ships them compiled rather than
caching compiled templates anywhere on the user's disk."""
MANIFEST = "sources.json"  # {"jinja2": version, "templates": {name: sha256 of the source}}


def _digest(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()


class _Precompiled(jinja2.BaseLoader):
    """The templates of one folder, each from its compiled module in :data:`COMPILED` when the
    manifest there records the digest of the template's current source and the installed
    Jinja's version; from the source otherwise (an edited checkout, another Jinja, a folder
    compiled by nobody, a module missing or damaged)."""

    def __init__(self, templates: Path) -> None:
        self.templates = templates
        self.source = jinja2.FileSystemLoader(str(templates))
        self.recorded = _recorded(templates / COMPILED / MANIFEST)
        self.modules = jinja2.ModuleLoader(templates / COMPILED) if self.recorded else None

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        return self.source.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.source.list_templates()

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        path = self.templates / name
        recorded = self.recorded.get(name)
        if self.modules is not None and recorded is not None and _current(path, recorded):
            try:
                loaded = self.modules.load(environment, name, globals)
            except (jinja2.TemplateNotFound, SyntaxError):
                pass  # a module missing or damaged: the source is the truth
            else:
                loaded.filename = str(path)  # errors name the template's file, not the module's
                return loaded
        return self.source.load(environment, name, globals)


def _recorded(manifest: Path) -> dict[str, str]:
    """The source digests ``manifest`` records, if it was written by the installed Jinja."""
    try:
        data = json.loads(manifest.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("jinja2") != jinja2.__version__:
        return {}
    templates = data.get("templates")
    return templates if isinstance(templates, dict) else {}


def _current(path: Path, recorded: str) -> bool:
    try:
        return _digest(path.read_bytes()) == recorded
    except OSError:
        return False


def compiled_modules(templates: Path) -> dict[str, str]:
    """What :data:`COMPILED` of the built-in folder ``templates`` holds, by file name: each
    template compiled to a module, and the manifest."""
    loader = jinja2.FileSystemLoader(str(templates))
    env = jinja2.Environment(loader=loader, **_OPTIONS)
    files: dict[str, str] = {}
    recorded: dict[str, str] = {}
    for name in names(templates):
        source, _, _ = loader.get_source(env, name)  # the text as a run reads it
        code = env.compile(source, name, None, raw=True, defer_init=True)
        files[jinja2.ModuleLoader.get_module_filename(name)] = code
        recorded[name] = _digest((templates / name).read_bytes())
    manifest = {"jinja2": jinja2.__version__, "templates": recorded}
    files[MANIFEST] = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    return files


def builtin_folders() -> list[Path]:
    """Every built-in template folder: the ``templates/`` folders inside the package."""
    package = Path(__file__).resolve().parent
    return sorted(p for p in package.rglob("templates") if p.is_dir() and names(p))


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


def main() -> None:
    """``python -m generator.templating``: compile every built-in template folder's templates
    into its :data:`COMPILED` folder (run after editing a built-in template; a test checks
    they are current). Modules of templates that no longer exist are removed."""
    for templates in builtin_folders():
        target = templates / COMPILED
        target.mkdir(exist_ok=True)
        files = compiled_modules(templates)
        for stale in target.glob("*"):
            if stale.is_file() and stale.name not in files:
                stale.unlink()
        for name, text in files.items():
            (target / name).write_text(text, encoding="utf-8")
        print(f"{target}: {len(files) - 1} templates", file=sys.stderr)


if __name__ == "__main__":
    main()
