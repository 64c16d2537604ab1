"""Markdown model docs in OpenAPI Generator's format: one ``<Model>.md`` per model with a
``Name | Type | Description | Notes`` property table, in the PHP (7.13 ``php``), Dart (7.14
``dart``) or Python (``python``) dialect. Docs read by the markdown loader are written back
byte for byte.

Everything is decided here; ``templates/<dialect>.md.jinja`` only lays the cells out.
Models that are not objects (enums, aliases, unions) get an empty table, as OpenAPI Generator
gives enums: the format has no way to say more, and flattening a union into one table (what
OpenAPI Generator does) would state required fields that cannot co-exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.ir import ListOf, MapOf, Model, ModelSet, ObjectModel, Ref, TypeRef
from generator.naming import (
    NameAllocator,
    fallback,
    is_windows_device,
    limit_length,
    pascal,
    snake,
)
from generator.sources.markdown.dialects import (
    DIALECTS,
    Dialect,
    dart_type_cell,
    php_type_cell,
    python_type_cell,
    write_default,
)
from generator.targets import Emitted, NoOptions, Symbol
from generator.targets.docs import DartDocsOptions, PhpDocsOptions
from generator.templating import Folders, folder, render

TEMPLATES = folder(__file__)

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ONE_LINE = re.compile(r"[\t\n\r]")
_PHP_NAMESPACE = re.compile(r"^[A-Za-z_]\w*(?:\\[A-Za-z_]\w*)*$")
_DART_PACKAGE = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class Row:
    """One row of a model's property table."""

    name: str  # the property's name as the dialect shows it
    type: str  # the type cell: the dialect's spelling, with links to other models' docs
    description: str  # escaped for a table cell
    notes: str  # with its leading space, or "" where the dialect strips trailing spaces


# What each template is given: template -> variable -> its type. `modelgen templates LANG`
# documents it; a test checks it against what the templates really receive.
CONTEXTS: dict[str, dict[str, object]] = {
    f"{dialect}.md.jinja": {"name": str, "namespace": str, "rows": list[Row]}
    for dialect in ("php", "dart", "python")
}


def emit_php(models: ModelSet, options: PhpDocsOptions, templates: Folders = TEMPLATES) -> Emitted:
    namespace = options.php_namespace or _php_namespace(models.title)
    model_namespace = f"{namespace}\\Model"
    return _emit(
        models,
        DIALECTS["php"],
        "php.md.jinja",
        namespace,
        lambda t: php_type_cell(t, model_namespace),
        templates,
    )


def emit_dart(
    models: ModelSet, options: DartDocsOptions, templates: Folders = TEMPLATES
) -> Emitted:
    package = options.package or _dart_package(models.title)
    return _emit(models, DIALECTS["dart"], "dart.md.jinja", package, dart_type_cell, templates)


def emit_python(models: ModelSet, options: NoOptions, templates: Folders = TEMPLATES) -> Emitted:
    return _emit(models, DIALECTS["python"], "python.md.jinja", "", python_type_cell, templates)


def _php_namespace(title: str | None) -> str:
    if title and _PHP_NAMESPACE.match(title):
        return title
    return pascal(title or "") or "OpenAPI\\Client"


def _dart_package(title: str | None) -> str:
    if title and _DART_PACKAGE.match(title):
        return title
    return snake(title or "") or "openapi"


def _emit(
    models: ModelSet,
    dialect: Dialect,
    template: str,
    namespace: str,
    type_cell: Callable[[TypeRef], str],
    templates: Folders,
) -> Emitted:
    names = _class_names(models)
    files: dict[str, str] = {}
    for model in models.models:
        rows = _rows(model, models, dialect, names, type_cell)
        files[f"{names[model.name]}.md"] = render(
            templates, template, name=names[model.name], namespace=namespace, rows=rows
        )
    symbols = {m.name: (Symbol("doc", names[m.name]),) for m in models.models}
    return Emitted(files, symbols)


def _class_names(models: ModelSet) -> dict[str, str]:
    """Model names as OpenAPI Generator's class names: kept when they are identifiers (so docs
    read back keep theirs), PascalCased otherwise; distinct even on case-insensitive disks;
    cut (with a hash) where too long for a file name, never a Windows device name."""
    allocator = NameAllocator(fold=str.casefold)
    for model in sorted(models.models, key=lambda m: (not _IDENTIFIER.match(m.name), m.name)):
        wanted = model.name if _IDENTIFIER.match(model.name) else pascal(model.name) or "Model"
        if wanted[0].isdigit():
            wanted = f"Model{wanted}"
        if is_windows_device(wanted):  # CON.md is no file on Windows
            wanted += "Model"
        allocator.allocate(model.name, limit_length(wanted, model.name))
    return allocator.names


def _rename(t: TypeRef, names: dict[str, str]) -> TypeRef:
    if isinstance(t, Ref):
        return Ref(names.get(t.name, t.name))
    if isinstance(t, ListOf):
        return ListOf(_rename(t.item, names), t.unique)
    if isinstance(t, MapOf):
        return MapOf(_rename(t.value, names))
    return t


def _shown_name(wire: str, code_name: str | None, dialect: Dialect, rename: bool) -> str:
    """A property's name in its table: the dialect's spelling of its name in code (a naming
    override's, else the wire name's) where the docs rename, the wire name otherwise."""
    shown = dialect.display_name(code_name or wire) if rename else wire
    return shown if shown.strip() else fallback(wire, "", "field")


def _rows(
    model: Model,
    models: ModelSet,
    dialect: Dialect,
    names: dict[str, str],
    type_cell: Callable[[TypeRef], str],
) -> list[Row]:
    if not isinstance(model, ObjectModel):
        return []
    rename = "wire_names" in models.knows
    # Properties the dialect would spell alike (``False`` and ``false`` in PHP) stay apart, and
    # one it cannot spell at all (``""``) gets a name: a table row needs one.
    shown = NameAllocator()
    rows = []
    for f in model.fields:
        notes = ""
        if not f.required:
            notes += "[optional] "
        if f.read_only:
            notes += "[readonly] "
        if f.default is not None:
            python = dialect.name == "python"
            default = write_default(f.default.value, python)
            notes += f"[default to {_ONE_LINE.sub(' ', default)}]"  # a row is one line
        cell = " " + notes
        if dialect.rstrip:
            cell = cell.rstrip()
        description = dialect.write_text(f.description) if f.description else ""
        rows.append(
            Row(
                name=shown.allocate(f.name, _shown_name(f.name, f.code_name, dialect, rename)),
                type=type_cell(_rename(f.type, names)),
                description=description,
                notes=cell,
            )
        )
    return rows
