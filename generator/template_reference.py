"""The reference for custom templates: which templates a target has, what each receives, and
every field of the view models they receive, generated from the dataclasses themselves.

A target with templates names them in its emitter module: ``TEMPLATES`` (the folder) and
``CONTEXTS`` (template -> variable -> type). :func:`reference` writes the markdown that
``modelgen templates LANG`` prints and ``docs/templates/<package>.md`` holds (a test keeps
those files current; ``python -m generator.template_reference docs/templates`` rewrites them).
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import io
import re
import sys
import textwrap
import tokenize
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path

import jinja2
from jinja2 import nodes

from generator.errors import ModelgenError
from generator.targets import TARGETS, Target, target
from generator.templating import names


def _emitter_module(chosen: Target) -> types.ModuleType:
    return importlib.import_module(chosen.emitter.partition(":")[0])


def contexts(chosen: Target) -> Mapping[str, Mapping[str, object]]:
    found = getattr(_emitter_module(chosen), "CONTEXTS", None)
    if not isinstance(found, dict):
        raise ModelgenError(f"the {chosen.name} target has no templates")
    return found


def package_of(chosen: Target) -> str:
    """The target package a target's templates live in (``docs`` for ``docs-php``)."""
    folder = chosen.template_folder()
    if folder is None:
        raise ModelgenError(f"the {chosen.name} target has no templates")
    return folder.parent.name


def with_templates() -> dict[str, list[str]]:
    """Target package -> the targets rendering with its templates."""
    found: dict[str, list[str]] = {}
    for name in TARGETS:
        chosen = target(name)
        if chosen.template_folder() is not None:
            found.setdefault(package_of(chosen), []).append(name)
    return found


# --- types -------------------------------------------------------------------------------------


def _is_view(tp: object) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def type_text(tp: object) -> str:
    """A type as the reference spells it: view models by name, unions with ``|``."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is type(None) or tp is None:
        return "None"
    if isinstance(tp, types.ModuleType):
        return f"module `{tp.__name__}`"
    if origin is typing.ClassVar:
        return type_text(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(a) for a in args)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is not None:
        inner = ", ".join("..." if a is Ellipsis else type_text(a) for a in args)
        return f"{getattr(origin, '__name__', str(origin))}[{inner}]"
    if isinstance(tp, type):
        return tp.__name__
    return str(tp)


def _mentioned(tp: object) -> Iterator[object]:
    """The view models and modules a type names."""
    if _is_view(tp) or isinstance(tp, types.ModuleType):
        yield tp
    for arg in typing.get_args(tp):
        yield from _mentioned(arg)


def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls, sys.modules[cls.__module__].__dict__)


def reachable(roots: Mapping[str, Mapping[str, object]]) -> list[object]:
    """Every view model (and module) the templates can reach, in the order first met."""
    found: list[object] = []
    stack = [tp for variables in roots.values() for tp in variables.values()]
    stack.reverse()
    while stack:
        tp = stack.pop()
        for named in _mentioned(tp):
            if named in found:
                continue
            found.append(named)
            if isinstance(named, type):
                stack.extend(reversed(list(_hints(named).values())))
    return found


def _comments(cls: type) -> dict[str, str]:
    """Attribute -> the comment on its line in the class body."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    by_line: dict[int, str] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            by_line[token.start[0]] = token.string.lstrip("#").strip()
    found: dict[str, str] = {}
    body = ast.parse(source).body[0]
    assert isinstance(body, ast.ClassDef)
    for node in body.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            comment = by_line.get(node.lineno)
            if comment:
                found[node.target.id] = comment
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _anchor(name: str) -> str:
    return name.lower()


# --- templates -------------------------------------------------------------------------------


def _macros(folder: Path, name: str) -> list[str]:
    """The macros a template file defines, as ``name(params)``."""
    source = (folder / name).read_text(encoding="utf-8")
    tree = jinja2.Environment().parse(source)
    return [
        f"{macro.name}({', '.join(arg.name for arg in macro.args)})"
        for macro in tree.find_all(nodes.Macro)
    ]


def reference(language: str) -> str:
    """The markdown reference of the templates ``language`` renders with."""
    chosen = target(language)
    package = package_of(chosen)
    folder = chosen.template_folder()
    assert folder is not None
    given = contexts(chosen)
    users = with_templates()[package]
    lines = [
        f"# Templates of the `{package}` target package",
        "",
        "<!-- Generated by `python -m generator.template_reference docs/templates`;"
        " do not edit. -->",
        "",
        f"Used by `--lang {'`, `'.join(users)}`. The built-in templates are in"
        f" `generator/targets/{package}/templates/`. A file of the same name in the folder"
        " given by `--templates DIR` (or in `DIR/LANG/`, which is searched first) replaces"
        " one; the others stay built-in. `modelgen templates LANG --copy DIR` copies them"
        " all as a start.",
        "",
        "Templates are [Jinja](https://jinja.palletsprojects.com/) with `trim_blocks` and"
        " `lstrip_blocks` on and undefined variables an error. Everything they receive is"
        " decided already (names, types, escaped text): a template only lays it out. A"
        " template that fails names its file and line (exit 2), and nothing is written.",
        "",
        "## Templates",
        "",
        "| template | receives |",
        "|---|---|",
    ]
    for name in names(folder):
        variables = given.get(name, {})
        received = ", ".join(f"`{var}`: {_type_link(tp)}" for var, tp in variables.items())
        macros = _macros(folder, name)
        if macros:
            received = f"defines {', '.join(f'`{m}`' for m in macros)}; " + received
        lines.append(f"| `{name}` | {received or 'nothing'} |")
    lines += ["", "## What they receive", ""]
    found = reachable(given)
    for module in dict.fromkeys(
        sys.modules[item.__module__] for item in found if isinstance(item, type)
    ):
        if module.__doc__:
            lines += [f"From `{module.__name__}`:", "", *_quoted(module.__doc__), ""]
    for item in found:
        if isinstance(item, types.ModuleType):
            lines += _module_section(item)
        elif isinstance(item, type):
            lines += _view_section(item)
    return "\n".join(lines).rstrip("\n") + "\n"


def _type_link(tp: object) -> str:
    """A type for a table cell: view models linked to their section."""
    if isinstance(tp, types.ModuleType):
        return f"the module `{tp.__name__}` (its constants are listed below)"
    text = type_text(tp)
    linked = False
    for named in _mentioned(tp):
        if isinstance(named, type):
            pattern = rf"\b{named.__name__}\b"
            text = re.sub(pattern, f"[{named.__name__}](#{_anchor(named.__name__)})", text)
            linked = True
    return _cell(text) if linked else f"`{_cell(text)}`"


def _quoted(doc: str) -> list[str]:
    return [f"> {line}".rstrip() for line in inspect.cleandoc(doc).splitlines()]


def _view_section(cls: type) -> list[str]:
    lines = [f"### {cls.__name__}", ""]
    doc = inspect.getdoc(cls)
    if doc and not doc.startswith(f"{cls.__name__}("):
        lines += [" ".join(doc.split()), ""]
    comments = _comments(cls)
    lines += ["| field | type | meaning |", "|---|---|---|"]
    for name, tp in _hints(cls).items():
        meaning = comments.get(name, "")
        if typing.get_origin(tp) is typing.ClassVar:
            value = getattr(cls, name)
            meaning = f"always {value!r}" + (f"; {meaning}" if meaning else "")
        lines.append(f"| `{name}` | {_type_link(tp)} | {_cell(meaning)} |")
    return [*lines, ""]


def _module_section(module: types.ModuleType) -> list[str]:
    lines = [f"### The module `{module.__name__}`", "", "| constant | value |", "|---|---|"]
    for name, value in vars(module).items():
        if name.isupper() and isinstance(value, str):
            lines.append(f"| `{name}` | `{_cell(value)}` |")
    return [*lines, ""]


def command(language: str | None, copy: Path | None) -> int:
    """``modelgen templates [LANG] [--copy DIR]``: the reference of LANG's templates, or
    their list for every target, or a copy of LANG's built-in templates into DIR (never over
    a file that is there)."""
    if language is None:
        if copy is not None:
            raise ModelgenError("--copy needs a LANG")
        for users in with_templates().values():
            folder = target(users[0]).template_folder()
            assert folder is not None
            print(f"{', '.join(users)}: {' '.join(names(folder))}")
        return 0
    chosen = target(language)
    folder = chosen.template_folder()
    if folder is None:
        raise ModelgenError(f"the {language} target has no templates")
    if copy is None:
        sys.stdout.write(reference(language))
        return 0
    wanted = names(folder)
    there = [name for name in wanted if (copy / name).exists()]
    if there:
        raise ModelgenError(
            f"{copy / there[0]} exists; copy into an empty folder (nothing was copied)"
        )
    for name in wanted:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((folder / name).read_bytes())
    print(f"{copy}: {len(wanted)} templates of {language} copied")
    return 0


def write_all(folder: Path) -> list[Path]:
    """Write ``<package>.md`` for every target package with templates into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for package, users in with_templates().items():
        path = folder / f"{package}.md"
        path.write_text(reference(users[0]), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/templates")):
        print(path)
