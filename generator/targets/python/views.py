"""The view models the templates render: everything decided, nothing left to compute.

Each view holds two kinds of text:

- pieces on one line: names, type annotations, literals (already escaped), for templates that
  want to write a statement their own way;
- *fitted* text: a whole statement or docstring laid out the way black lays it out for the
  indentation the default template gives it. Fitted text leaves out the indentation of its
  first line (the template writes it) and its later lines carry their own, so a template
  places it with ``{{ text }}`` after that indentation. Where a field says "fitted at n, after
  ``x``", the layout counted ``n`` spaces and the text ``x`` (which the template writes) in
  front of it, and indented its later lines from there.

The default templates put the pieces together exactly as black would leave them, so the
output is black-stable without running black; a template that moves fitted text to another
indentation keeps valid Python but may no longer be black-stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class FieldView:
    """One dataclass field of an object model, for one JSON property."""

    name: str  # the Python identifier
    wire: str  # the JSON property name
    wire_literal: str  # the JSON name as a string literal
    annotation: str  # the declared type, on one line
    default: str | None  # the default value's expression; None for a required field
    comment: str  # fitted at 4: ``#:`` lines documenting the field; "" for none
    declaration: str  # fitted at 4: ``name: annotation = default``
    argument: str  # fitted at 12, before ",": ``name=_rt.required(d, "wire", decoder, where)``
    put: str  # fitted at 8: ``_rt.put(out, "wire", self.name)``


@dataclass(frozen=True, slots=True)
class ExtrasView:
    """The field of an open object that keeps the properties the schema does not name."""

    name: str
    annotation: str  # ``_t.Mapping[str, <value type>]``
    default: str  # the empty mapping
    declaration: str  # fitted at 4
    argument: str  # fitted at 12, before ",": ``name=_rt.extras(d, decoder, where, *names)``
    put: str  # fitted at 8: ``out.update(_rt.to_json(self.name))``


@dataclass(frozen=True, slots=True)
class ObjectView:
    """A frozen dataclass with ``from_dict`` and ``to_dict`` (``object.py.jinja``)."""

    kind: ClassVar[str] = "object"
    name: str  # the class name
    schema_name: str
    base: str  # the base class
    header: str  # fitted at 0: ``class Name(base):``
    docstring: str  # fitted at 4
    fields: tuple[FieldView, ...]
    extras: ExtrasView | None  # None for a closed object
    from_dict: str  # fitted at 4: the ``def from_dict(...) -> _t.Self:`` line(s)
    closed_check: str  # fitted at 8: ``_rt.closed(d, where, *names)``; "" for an open object


@dataclass(frozen=True, slots=True)
class MemberView:
    """One enum member."""

    name: str
    value: str  # the value as a Python literal
    value_repr: str  # ``repr()`` of the value (the API listing's spelling)
    comment: str  # fitted at 4: ``#:`` lines; "" for none
    assignment: str  # fitted at 4: ``NAME = value``


@dataclass(frozen=True, slots=True)
class EnumView:
    """An ``enum.Enum`` keeping unknown values as pseudo-members (``enum.py.jinja``)."""

    kind: ClassVar[str] = "enum"
    name: str
    schema_name: str
    base: str
    header: str  # fitted at 0: ``class Name(base):``
    docstring: str  # fitted at 4
    members: tuple[MemberView, ...]
    missing: str  # fitted at 4: the ``def _missing_(cls, value: object) -> ...:`` line(s)


@dataclass(frozen=True, slots=True)
class AliasView:
    """A module-level type alias (``alias.py.jinja``)."""

    kind: ClassVar[str] = "alias"
    name: str
    schema_name: str
    annotation: str  # the aliased type on one line (names defined later as strings)
    explicit: bool  # ``Name: _t.TypeAlias = ...``, else ``Name = ...``
    comment: str  # fitted at 0: ``#:`` lines
    statement: str  # fitted at 0: the alias statement


@dataclass(frozen=True, slots=True)
class UnionView:
    """A union: a type alias, a decoding function and an encoding function
    (``union.py.jinja``)."""

    kind: ClassVar[str] = "union"
    name: str
    schema_name: str
    annotation: str  # the union on one line (names defined later as strings)
    explicit: bool
    comment: str  # fitted at 0
    statement: str  # fitted at 0: the alias statement
    decoder: str  # the decoding function's name
    decoder_signature: str  # fitted at 0: ``def decoder(data: object, where: str = ...) -> Name:``
    decoder_docstring: str  # fitted at 4
    decoder_body: str  # fitted at 4, after ``return ``: ``_t.cast(Name, _rt.tagged(...))``
    encoder: str
    encoder_signature: str  # fitted at 0: ``def encoder(value: Name) -> _t.Any:``
    encoder_docstring: str  # fitted at 4


Definition = ObjectView | EnumView | AliasView | UnionView


@dataclass(frozen=True, slots=True)
class ModelsModule:
    """``models.py``: every model, in an order that needs no forward references but where
    cycles force them (``models.py.jinja``)."""

    header: str  # the two ``#`` comment lines every file starts with
    docstring: str  # fitted at 0
    exports: tuple[str, ...]  # ``__all__``: the public names, as string literals, sorted
    definitions: tuple[Definition, ...]


@dataclass(frozen=True, slots=True)
class PackageInit:
    """The package's ``__init__.py`` (``__init__.py.jinja``)."""

    header: str
    docstring: str  # fitted at 0
    runtime_exports: tuple[str, ...]  # the names imported from the runtime
    exports: tuple[str, ...]  # ``__all__``: runtime and model names, as literals, sorted


@dataclass(frozen=True, slots=True)
class Package:
    """Everything one generated package is rendered from."""

    name: str  # the package (folder) name
    header: str
    models: ModelsModule
    init: PackageInit


# --- the split layout (modules.py): one module per home, lazy package __init__ ------------


@dataclass(frozen=True, slots=True)
class ModelModule:
    """``models/<name>.py``: one model, or a group of models that refer to one another
    (``model_module.py.jinja``)."""

    name: str  # the module name (its file name without ``.py``)
    header: str
    docstring: str  # fitted at 0
    imports: tuple[str, ...]  # fitted at 0: ``from .other import Name`` of other modules
    exports: tuple[str, ...]  # ``__all__``: its public names, as string literals, sorted
    definitions: tuple[Definition, ...]


@dataclass(frozen=True, slots=True)
class LazyName:
    """A public name of a lazy ``__init__`` and the module it is defined in."""

    name: str  # the name, as a string literal
    module: str  # the module, relative to the package, as a string literal
    entry: str  # fitted at 4: ``"Name": "module",``


@dataclass(frozen=True, slots=True)
class LazyInit:
    """A package ``__init__.py`` that imports nothing of its models until one is asked for
    (PEP 562 ``__getattr__``), and imports all of them for type checkers
    (``lazy_init.py.jinja``)."""

    header: str
    docstring: str  # fitted at 0
    eager: tuple[str, ...]  # fitted at 0: imports run at once (the runtime's names)
    typing_imports: tuple[str, ...]  # fitted at 4: imports for type checkers only
    exports: tuple[str, ...]  # ``__all__``, as string literals, sorted
    names: tuple[LazyName, ...]  # the lazily imported names
