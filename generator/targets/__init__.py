"""The target registry: one line per target in :data:`TARGETS`.

A target is one package ``generator/targets/<name>/`` holding everything about one output
language or format: its names and reserved words, type mapping and escaping (``names.py``), its
emitter (``emit.py``, returning :class:`Emitted`: the files, the symbol table and the
public-API listing), its Jinja templates (``templates/``), optionally a code reader
(``reader.py``: its own output read back into the IR, for parity) and its public-API reader
with the language's :class:`ApiRules` (``api.py``, for diff's code verdicts). The package's
``__init__`` declares a :class:`Target` named ``TARGET`` (or several, for one package writing
several dialects) and nothing heavier: the CLI imports every target's declaration to build its
flags, and imports an emitter or reader only when it is used.

A target with templates keeps them in ``templates/`` beside its emitter, whose module names that
folder ``TEMPLATES``; its emitter takes the folders to render from as a third argument
(:data:`generator.templating.Folders`), so users' templates override the built-in ones
(:meth:`Target.emit`).

A target's options are a frozen dataclass whose fields declare their own command-line flags
(:func:`option`); flags of the same name in several targets are one flag (``--package`` names
the Python package and the Dart package alike).
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Protocol

from generator.errors import ModelgenError
from generator.ir import ModelSet

# name -> "module:attribute" of its Target. The one place a target is registered.
TARGETS: dict[str, str] = {
    "python": "generator.targets.python:TARGET",
    "dart": "generator.targets.dart:TARGET",
    "php": "generator.targets.php:TARGET",
    "docs-php": "generator.targets.docs:PHP",
    "docs-dart": "generator.targets.docs:DART",
    "docs-python": "generator.targets.docs:PYTHON",
    "jsonschema": "generator.targets.jsonschema:TARGET",
    "pydantic": "generator.targets.pydantic:TARGET",
}


@dataclass(frozen=True, slots=True)
class Symbol:
    """One name a target generated for a model: ``kind`` says what it is in that language
    (``class``, ``enum``, ``interface``, ``alias``, ``decoder``, ``factory``, ``unknown`` ...),
    ``name`` is the identifier code refers to it by."""

    kind: str
    name: str


@dataclass(frozen=True, order=True)
class ApiItem:
    """One entry of a public-API listing.

    ``kind``: ``class``, ``enum``, ``alias``, ``interface`` (the type itself, ``member`` empty,
    ``signature`` its header), ``field`` (``signature``: the declared type), ``param``
    (constructor parameter; ``signature``: ``required`` or ``optional``), ``case`` (enum case;
    ``value``: its wire value).
    """

    owner: str
    kind: str
    member: str = ""
    signature: str = ""
    value: str = ""

    def line(self) -> str:
        name = f"{self.owner}.{self.member}" if self.member else self.owner
        text = f"{self.kind} {name}"
        if self.signature:
            text += f": {self.signature}"
        if self.value:
            text += f" = {self.value}"
        return text


TYPE_KINDS = frozenset({"class", "enum", "alias", "interface"})  # ApiItem kinds of types


@dataclass(frozen=True)
class ApiRules:
    """What diff must know of a language to judge changes in its public-API listing: how the
    language spells null and unions in a type, and when its compiler demands that a switch
    name every case. A target's ``api`` module declares one as ``RULES``; diff's code verdicts
    (:mod:`generator.compare.surface`) use nothing else about a language.

    ``split_null``: a type as the listing spells it (``ApiItem.signature`` of a field) -> the
    same type without null, spaces removed, and whether it admitted null: Python
    ``Unit | None`` and PHP ``?Unit`` and Dart ``Unit?`` -> ``("Unit", True)``.

    ``alternatives``: the alternatives a type admits, spaces removed, null included: a type
    that is no union is its one alternative (``A | B`` -> ``{"A", "B"}``). A type holding an
    alias's target in place of its name (diff expands aliases textually) must come out as it
    would have been written by hand.

    ``sealed``: whether a type's header (``ApiItem.signature`` of a type) declares a closed
    family whose subtypes a switch must all name, so that a new subtype breaks such switches.
    ``supertypes``: the types a header says its type extends or implements.

    ``exhaustive_enums``: whether a switch over an enum must name every case, so that a new
    case breaks such switches.

    ``suffixes``: the endings of the generated files that hold model code (shown by
    ``diff --code-diff``).
    """

    split_null: Callable[[str], tuple[str, bool]]
    alternatives: Callable[[str], frozenset[str]]
    sealed: Callable[[str], bool]
    supertypes: Callable[[str], tuple[str, ...]]
    exhaustive_enums: bool
    suffixes: tuple[str, ...]


def split_union(type_text: str, bar: str = "|") -> list[str]:
    """The parts of a type written as alternatives joined by ``bar`` outside brackets, spaces
    removed, in order: ``dict[str, A | B] | None`` -> ``["dict[str,A|B]", "None"]``. A helper
    for the :class:`ApiRules` of languages that spell unions that way."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in type_text.replace(" ", ""):
        if char in "[(<{":
            depth += 1
        elif char in "])>}":
            depth -= 1
        if char == bar and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def listed_after_keywords(
    header: str, keywords: tuple[str, ...] = ("extends", "implements")
) -> tuple[str, ...]:
    """The names a type header lists after ``extends`` and ``implements`` (its supertypes):
    ``final class extends Event implements A, B`` -> ``("Event", "A", "B")``. A helper for the
    :class:`ApiRules` of languages that spell supertypes that way."""
    words = header.replace(",", " ").split()
    found: list[str] = []
    for keyword in keywords:
        if keyword in words:
            found += (w for w in words[words.index(keyword) + 1 :] if w not in keywords)
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Emitted:
    """What a target produced: ``files`` (relative path -> text) and ``symbols``: for every
    model, the names generated for it, the first being its main type. Nothing downstream
    guesses which generated name belongs to which model. ``listed``: the public-API listing
    of the files, or a function giving it (``generate`` never asks for it)."""

    files: dict[str, str]
    symbols: Mapping[str, tuple[Symbol, ...]] = field(default_factory=dict)
    listed: tuple[ApiItem, ...] | Callable[[], tuple[ApiItem, ...]] = field(
        default=(), compare=False, repr=False
    )

    @cached_property
    def api(self) -> tuple[ApiItem, ...]:
        """The public-API listing of the files, sorted."""
        return self.listed() if callable(self.listed) else self.listed


class Options(Protocol):
    """A target's options: a frozen dataclass whose fields are declared with :func:`option`."""

    __dataclass_fields__: dict[str, dataclasses.Field[Any]]


@dataclass(frozen=True)
class NoOptions:
    """For targets that take no options."""


def option(default: Any, *, flag: str, help: str, metavar: str | None = None) -> Any:
    """A field of a target's options dataclass, with the command-line flag that sets it.
    The field's name is the flag's destination, so the same flag in two targets is one flag."""
    return field(default=default, metadata={"flag": flag, "help": help, "metavar": metavar})


Emit = Callable[..., Emitted]
"""``emit(models, options)``, or ``emit(models, options, templates)`` for a target with
templates (``templates``: the folders to render from, the built-in one last)."""


@dataclass(frozen=True)
class Target:
    """A registered target. ``emit``, ``reader`` and ``api`` are ``module:attribute`` (or module)
    strings, imported on first use, so that declaring a target costs nothing."""

    name: str
    summary: str  # one line for the CLI help
    emitter: str  # "module:function" with the signature of :data:`Emit`
    options: type[Any] = NoOptions
    reader: str | None = None  # module with detect(path) -> bool, load(path, options) -> ModelSet
    # the same interface, for model code in this language that modelgen did not write (an SDK
    # written by hand or by another generator), read by convention
    sdk_reader: str | None = None
    # module with listing(files) -> list[ApiItem] (its own code read back) and
    # RULES: ApiRules, for diff's code verdicts
    api: str | None = None
    # "module:function" (models, options) -> Emitted with the symbols and api of ``emit`` but
    # no files: what diff's code verdicts need, without rendering (``emit`` where missing)
    lister: str | None = None
    in_all: bool = False  # part of ``--lang all``

    def emit(
        self, models: ModelSet, options: Any = None, templates: Sequence[Path] = ()
    ) -> Emitted:
        """The files and symbols for ``models``; ``templates``: the user's template folders,
        searched before the built-in one (a file there overrides the template of its name)."""
        function: Emit = _attribute(self.emitter)
        chosen = options if options is not None else self.options()
        if not templates:
            return function(models, chosen)
        from generator.templating import search_path

        builtin = self.template_folder()
        if builtin is None:
            raise ModelgenError(f"the {self.name} target has no templates to override")
        return function(models, chosen, search_path(templates, builtin))

    def listing(self, models: ModelSet, options: Any = None) -> Emitted:
        """The symbols and public-API listing of :meth:`emit` for ``models``; no files when
        the target has a ``lister`` (the built-in templates' listing: a user's templates
        change the text, never the names)."""
        if self.lister is None:
            return self.emit(models, options)
        function: Callable[[ModelSet, Any], Emitted] = _attribute(self.lister)
        return function(models, options if options is not None else self.options())

    def template_folder(self) -> Path | None:
        """The folder of this target's built-in templates (``TEMPLATES`` of its emitter's
        module), or ``None`` for a target without templates."""
        module = importlib.import_module(self.emitter.partition(":")[0])
        found = getattr(module, "TEMPLATES", None)
        return found if isinstance(found, Path) else None

    def rules(self) -> ApiRules | None:
        """The :class:`ApiRules` of this target's ``api`` module; None for a target with no
        public-API listing."""
        if self.api is None:
            return None
        rules: ApiRules = _attribute(f"{self.api}:RULES")
        return rules

    def make_options(self, values: Mapping[str, object]) -> Any:
        """This target's options from ``values`` (flag destinations -> values; ``None`` and
        missing keys keep the default)."""
        known = {f.name for f in dataclasses.fields(self.options)}
        given = {k: v for k, v in values.items() if k in known and v is not None}
        return self.options(**given)


def _attribute(spec: str) -> Any:
    module, _, attribute = spec.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded


@cache
def target(name: str) -> Target:
    if name not in TARGETS:
        known = ", ".join(sorted(TARGETS))
        raise ModelgenError(f"unknown language {name!r} (known: {known}, all)")
    found: Target = _attribute(TARGETS[name])
    return found


def all_targets() -> list[Target]:
    return [target(name) for name in TARGETS]


def default_languages() -> tuple[str, ...]:
    """What ``--lang all`` means: the targets that declare themselves part of it."""
    return tuple(t.name for t in all_targets() if t.in_all)


def parse_languages(value: str) -> list[str]:
    """``python``, ``python,dart`` or ``all`` -> a list of registered names, in given order."""
    names: list[str] = []
    for part in value.split(","):
        part = part.strip()
        for name in default_languages() if part == "all" else (part,):
            target(name)  # raises the error listing known names
            if name not in names:
                names.append(name)
    if not names:
        raise ModelgenError("--lang needs at least one language")
    return names


def option_flags() -> dict[str, tuple[str, str, str | None]]:
    """Every target option's flag: destination -> (flag, help, metavar); a flag several targets
    share appears once, its help joined."""
    flags: dict[str, tuple[str, str, str | None]] = {}
    for t in all_targets():
        for f in dataclasses.fields(t.options):
            if "flag" not in f.metadata:
                continue  # set by the command itself (the output folder), not a flag
            flag, text, metavar = f.metadata["flag"], f.metadata["help"], f.metadata["metavar"]
            if f.name in flags:
                previous = flags[f.name]
                if previous[0] != flag:
                    raise RuntimeError(f"option {f.name!r} has two flags: {previous[0]}, {flag}")
                if text not in previous[1]:
                    flags[f.name] = (flag, f"{previous[1]}; {text}", metavar)
            else:
                flags[f.name] = (flag, text, metavar)
    return flags


def listing(name: str, models: ModelSet, **options: object) -> Emitted:
    """The symbols and public-API listing target ``name`` gives ``models`` (see
    :meth:`Target.listing`); ``options`` as for :func:`emit`."""
    chosen = target(name)
    return chosen.listing(models, chosen.make_options(options))


def emit(name: str, models: ModelSet, templates: Sequence[Path] = (), **options: object) -> Emitted:
    """Emit ``models`` with target ``name``; ``options`` are its option fields by name (those
    another target declares are ignored, so one set of command-line values serves every
    target); ``templates``: the user's template folders (see :meth:`Target.emit`)."""
    chosen = target(name)
    return chosen.emit(models, chosen.make_options(options), templates)
