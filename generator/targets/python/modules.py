"""Which module each model goes to: one ``models.py`` for a small schema, one module per model
and the models only it uses under ``models/`` for a big one.

A schema of :data:`SPLIT_AT` models or more (the OpenAI spec of 2026 has 2,500; its 2.3.0
version, 927, stays one module) is laid out so that a program using one model imports only what
that model needs, not a module of 100,000 lines:

- ``models/<module>.py`` per home of ``ir.query.homes``: a strongly connected group of the
  reference graph (a model that refers to nothing that refers back is a group of one; models
  that refer to one another share a module, where they refer to each other exactly as in
  ``models.py``) with the models that only it refers to (its inline objects, their enums ...:
  the 2,494 models of the 2026 spec live in 808 modules). The modules form a graph without
  cycles, so each imports the names it uses from the others at its top, and importing one
  model imports its closure and the models only its module's owner uses, nothing else;
- ``models/__init__.py`` and the package's ``__init__.py`` import no model until one is asked
  for (PEP 562 ``__getattr__``), list every name in ``__all__``, and import every name under
  ``typing.TYPE_CHECKING``, so type checkers and IDEs see them all.

Module names are the snake_case of the first class of the module's owners, made unique
(ignoring case) and kept clear of keywords, Windows device names and the package's public
names. The reader of generated code (``reader.py``) reads either layout.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.ir import AliasModel, ModelSet, UnionModel
from generator.ir.query import Home, edges, homes
from generator.naming import is_windows_device, snake
from generator.targets import Symbol
from generator.targets.python.declarations import Declaration, Declarations
from generator.targets.python.doc_text import header, models_doc, package_doc
from generator.targets.python.escaping import docstring, py_str
from generator.targets.python.layout import INDENT, LINE_LENGTH, fitted
from generator.targets.python.markers import (
    INIT_FILE,
    MODELS_PACKAGE,
    RUNTIME_EXPORTS,
    RUNTIME_FILE,
    TYPED_FILE,
)
from generator.targets.python.views import LazyInit, LazyName, ModelModule
from generator.templating import Folders, template
from generator.templating import render as render_template

if TYPE_CHECKING:
    from generator.targets.python.emit import Plan

SPLIT_AT = 1000  # models: a schema with this many or more gets one module per home


def is_split(models: ModelSet) -> bool:
    return len(models.models) >= SPLIT_AT


@dataclass(frozen=True)
class SplitPackage:
    name: str
    header: str
    modules: tuple[ModelModule, ...]
    models_init: LazyInit
    init: LazyInit


def uses(models: ModelSet) -> dict[str, set[str]]:
    """The models whose names the code of each model may use: those it refers to and, through
    unions and aliases, what they refer to (a union's decoder dispatches straight to the
    variants of the unions it holds). All are reachable from the model, so a module importing
    them never closes a cycle that :func:`groups` has not put in one module."""
    graph = edges(models.models)
    see_through = {m.name for m in models.models if isinstance(m, (UnionModel, AliasModel))}
    found: dict[str, set[str]] = {}
    for model in graph:
        reached: set[str] = set()
        stack = list(graph[model])
        while stack:
            target = stack.pop()
            if target in reached:
                continue
            reached.add(target)
            if target in see_through:
                stack += graph.get(target, ())
        found[model] = reached
    return found


def module_names(first_classes: Iterable[str], taken: Iterable[str]) -> list[str]:
    """A module name for each group (given by its first class name): snake_case, unique
    ignoring case, not a keyword or a Windows device name, and not one of ``taken`` (the
    public names the package's ``__init__`` exports)."""
    reserved = set(taken)  # attribute names: case matters
    used: set[str] = set()  # file names: case may not matter
    result: list[str] = []
    for class_name in first_classes:
        base = snake(class_name).lstrip("_") or "model"
        if not base[0].isalpha():
            base = f"m_{base}"
        base = base[:100]
        name, n = base, 1
        while (
            keyword.iskeyword(name)
            or is_windows_device(name)
            or name in reserved
            or name.casefold() in used
        ):
            n += 1
            name = f"{base}_{n}"
        used.add(name.casefold())
        result.append(name)
    return result


def import_statement(
    module: str, names: Iterable[str], indent: str = "", alias: bool = False
) -> str:
    """``from MODULE import A, B`` as black lays it out at ``indent``, fitted there
    (``layout.fitted``): on one line when it fits, else one name per line with a trailing
    comma. ``alias``: ``A as A`` (an explicit re-export)."""
    spelled = [f"{n} as {n}" if alias else n for n in names]
    line = f"from {module} import {', '.join(spelled)}"
    if len(indent) + len(line) <= LINE_LENGTH:
        return line
    inner = "".join(f"{indent}{INDENT}{n},\n" for n in spelled)
    return f"from {module} import (\n{inner}{indent})"


@dataclass(frozen=True)
class Group:
    """The models of one module and their declarations, in the module's order."""

    home: Home  # the module's models (``ir.query.homes``): named after its owners
    declared: list[Declaration]


def grouped(declarations: Declarations) -> list[Group]:
    """The modules' models (``ir.query.homes``) with their declarations."""
    by_name = declarations.by_name
    return [
        Group(home, declarations.declarations([by_name[m] for m in home.members]))
        for home in homes(declarations.models.models)
    ]


def split_package(
    plan: Plan, name: str, grouped: list[Group], symbols: dict[str, tuple[Symbol, ...]]
) -> SplitPackage:
    """The split layout of ``plan``'s models, given their groups (:func:`grouped`) and symbols
    (``Declarations.symbols``)."""
    models = plan.models
    head = header(models)
    found = [group.home.members for group in grouped]
    built = [tuple(plan.view(d) for d in group.declared) for group in grouped]
    public = sorted({s.name for names in symbols.values() for s in names})
    firsts = [min(plan.classes[m] for m in group.home.owners) for group in grouped]
    names = module_names(firsts, [*public, *RUNTIME_EXPORTS])
    module_of = {
        model: module for group, module in zip(found, names, strict=True) for model in group
    }
    graph = uses(models)
    modules: list[ModelModule] = []
    for group, module, definitions in zip(found, names, built, strict=True):
        imports: dict[str, list[str]] = {}
        for model in group:
            for target in sorted(graph.get(model, ())):
                other = module_of.get(target)
                if other is not None and other != module:
                    imports.setdefault(other, []).extend(s.name for s in symbols[target])
        own = sorted(s.name for model in group for s in symbols[model])
        doc = f"{', '.join(plan.classes[m] for m in group)}: generated by modelgen."
        modules.append(
            ModelModule(
                name=module,
                header=head,
                docstring=fitted(docstring(doc, ""), ""),
                imports=tuple(
                    import_statement(f".{other}", sorted(set(used)))
                    for other, used in sorted(imports.items())
                ),
                exports=tuple(py_str(n) for n in own),
                definitions=definitions,
            )
        )
    modules.sort(key=lambda m: m.name)
    owner = {s.name: module_of[model] for model, names_ in symbols.items() for s in names_}
    models_init = LazyInit(
        header=head,
        docstring=fitted(docstring(models_doc(models), ""), ""),
        eager=(),
        typing_imports=tuple(
            import_statement(f".{m.name}", sorted(n[1:-1] for n in m.exports), INDENT, alias=True)
            for m in modules
        ),
        exports=tuple(py_str(n) for n in public),
        names=tuple(_lazy(n, f".{owner[n]}") for n in public),
    )
    init = LazyInit(
        header=head,
        docstring=fitted(docstring(package_doc(models), ""), ""),
        eager=(import_statement(f".{RUNTIME_FILE[:-3]}", RUNTIME_EXPORTS),),
        typing_imports=(import_statement(f".{MODELS_PACKAGE}", public, INDENT, alias=True),),
        exports=tuple(py_str(n) for n in sorted([*RUNTIME_EXPORTS, *public])),
        names=tuple(_lazy(n, f".{MODELS_PACKAGE}") for n in public),
    )
    return SplitPackage(name, head, tuple(modules), models_init, init)


def _lazy(name: str, module: str) -> LazyName:
    literal, where = py_str(name), py_str(module)
    return LazyName(literal, where, f"{literal}: {where},")


def render_split(package: SplitPackage, templates: Folders) -> dict[str, str]:
    """The files of the split layout."""
    base = package.name
    files = {
        f"{base}/{INIT_FILE}": render_template(templates, "lazy_init.py.jinja", init=package.init),
        f"{base}/{RUNTIME_FILE}": render_template(
            templates, "_runtime.py.jinja", header=package.header
        ),
        f"{base}/{TYPED_FILE}": render_template(templates, "py.typed.jinja", header=package.header),
        f"{base}/{MODELS_PACKAGE}/{INIT_FILE}": render_template(
            templates, "lazy_init.py.jinja", init=package.models_init
        ),
    }
    module_template = template(templates, "model_module.py.jinja")  # looked up once
    for module in package.modules:
        files[f"{base}/{MODELS_PACKAGE}/{module.name}.py"] = module_template.render(module=module)
    return files
