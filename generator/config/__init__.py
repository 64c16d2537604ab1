"""The configuration file: ``[tool.modelgen]`` in ``pyproject.toml``, or ``modelgen.toml``.

:func:`find` looks for it from a folder up to the file-system root: in each folder
``modelgen.toml`` first, then a ``pyproject.toml`` that has a ``[tool.modelgen]`` table; the
first found is the one. :func:`read` turns it into jobs: ``[tool.modelgen]`` itself is one job,
or, with ``[[tool.modelgen.jobs]]``, each element is one and the keys of ``[tool.modelgen]``
itself are defaults every job may override. (In ``modelgen.toml`` the same keys stand at the
top level, and the jobs are ``[[jobs]]``.)

Keys are named like the command-line flags (:func:`keys`): the general ones in :data:`KEYS`,
and every target option, whose field declares its flag (``targets.option``), by that flag's
name (``php-namespace``), so an option a target adds is a key without a change here. A key no
one declares is an error naming the file and line, with the nearest known key, so that a typo
never passes silently. Paths in the file are relative to the file's folder.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal, TypeAlias

from generator.config.lines import KeyPath, key_lines, line_of
from generator.errors import ModelgenError
from generator.ir import Source
from generator.ir.rename import Rename, Renames
from generator.ir.select import Pattern

CONFIG_FILE = "modelgen.toml"
PYPROJECT = "pyproject.toml"

Kind: TypeAlias = Literal["string", "path", "list", "languages", "bool", "int", "names"]


@dataclass(frozen=True)
class Key:
    """One configuration key: its name in the file, the attribute (or target option field) it
    sets, the kind of value it takes, and the flag that sets it on the command line."""

    name: str
    dest: str
    kind: Kind
    help: str
    flag: str


KEYS: tuple[Key, ...] = (
    Key("name", "name", "string", "the job's name, for `--job` (default: its `out`)", "--job"),
    Key("source", "source", "path", "the spec, docs folder or code to read", "SOURCE"),
    Key(
        "lang",
        "languages",
        "languages",
        "target languages (`all` = python, dart, php)",
        "--lang",
    ),
    Key("out", "out", "path", "output folder (one subfolder per language for several)", "--out"),
    Key(
        "include",
        "include",
        "list",
        "model name globs to generate, with everything they reference (default: all)",
        "--include",
    ),
    Key("exclude", "exclude", "list", "model name globs to leave out", "--exclude"),
    Key(
        "templates",
        "templates",
        "path",
        "folder of templates overriding the built-in ones by file name",
        "--templates",
    ),
    Key(
        "names",
        "names",
        "names",
        "naming overrides (a table, or the path of a TOML file holding one)",
        "--names",
    ),
    Key("from", "kind", "string", "input kind (default: detected from the source)", "--from"),
    Key(
        "spec",
        "spec",
        "path",
        "with markdown docs: a spec that fills what they cannot say",
        "--spec",
    ),
    Key(
        "allow-external-refs",
        "allow_external_refs",
        "bool",
        "follow `$ref` to files outside the spec's folder",
        "--allow-external-refs",
    ),
    Key(
        "allow-remote-refs",
        "allow_remote_refs",
        "bool",
        "accept `$ref` to http(s) URLs",
        "--allow-remote-refs",
    ),
    Key(
        "strict",
        "strict",
        "bool",
        "a problem confined to one place of the input is an error, not a warning",
        "--strict",
    ),
)

JOBS = "jobs"


def _option_kind(annotation: object) -> Kind:
    args = typing.get_args(annotation) or (annotation,)
    if bool in args:
        return "bool"
    if int in args:
        return "int"
    return "string"


@cache
def keys() -> dict[str, Key]:
    """Every key a job may hold, by name: :data:`KEYS`, then each target option by its flag."""
    from generator.targets import all_targets, option_flags

    found = {key.name: key for key in KEYS}
    annotations: dict[str, object] = {}
    for t in all_targets():
        annotations.update(typing.get_type_hints(t.options))
    for dest, (flag, text, _) in option_flags().items():
        name = flag.removeprefix("--")
        found[name] = Key(name, dest, _option_kind(annotations.get(dest)), text, flag)
    return found


def reference_table() -> str:
    """The README's table of every key (a test keeps the README's copy current)."""
    rows = ["| key | command line | value |", "|---|---|---|"]
    kinds = {
        "string": "string",
        "path": "path",
        "list": "list of strings, or a comma-separated string",
        "languages": "list of strings, or a comma-separated string",
        "bool": "true / false",
        "int": "integer",
        "names": "table, or path",
    }
    for key in keys().values():
        rows.append(f"| `{key.name}` | `{key.flag}` | {kinds[key.kind]}: {key.help} |")
    return "\n".join(rows) + "\n"


# --- names -----------------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class NameOverrides:
    """The naming overrides of a job: for every language, and per language on top."""

    common: Renames = field(default_factory=Renames)
    languages: Mapping[str, Renames] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.common) or any(self.languages.values())

    def for_language(self, language: str) -> Renames:
        own = self.languages.get(language)
        return own.over(self.common) if own else self.common

    def all(self) -> list[Renames]:
        return [self.common, *self.languages.values()]


# --- settings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """A key's value, converted, and where it was set (``None``: on the command line)."""

    value: object
    source: Source | None = None
    raw: object = None  # the value as written


Settings: TypeAlias = dict[str, Setting]  # key name -> setting


class _Document:
    """One TOML file: its data, and the line of each key for errors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ModelgenError(
                f"cannot read: {error.strerror or error}", Source(str(path))
            ) from None
        except UnicodeDecodeError:
            raise ModelgenError("not UTF-8 text", Source(str(path))) from None
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            match = re.search(r"\(at line (\d+)", str(error))
            line = int(match.group(1)) if match else None
            message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
            raise ModelgenError(
                f"not valid TOML: {message}", Source(str(path), line=line)
            ) from None
        self.text = text
        self._lines: dict[KeyPath, int] | None = None

    def where(self, path: KeyPath) -> Source:
        if self._lines is None:
            self._lines = key_lines(self.text)
        return Source(str(self.path), line=line_of(self._lines, path))


def find(start: Path) -> Path | None:
    """The configuration file for a run started in ``start`` (see the module docstring)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "modelgen" not in text:
        return False  # cheap, and another project's broken pyproject.toml is not ours to read
    tool = _Document(pyproject).data.get("tool")
    return isinstance(tool, dict) and "modelgen" in tool


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    jobs: tuple[Settings, ...]
    job_sources: tuple[Source, ...]  # where each job is declared


def read(path: Path) -> ConfigFile:
    """The jobs of the configuration file ``path`` (``pyproject.toml`` or ``modelgen.toml``),
    every key checked and converted, relative paths made absolute."""
    document = _Document(path)
    prefix: KeyPath
    if path.name == PYPROJECT:
        prefix = ("tool", "modelgen")
        tool = document.data.get("tool", {})
        table = tool.get("modelgen") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ModelgenError("no [tool.modelgen] table", Source(str(path)))
    else:
        prefix = ()
        table = document.data
    shown = ".".join(str(p) for p in prefix)
    base = path.resolve().parent
    defaults = _settings(document, table, prefix, base, allow_jobs=True)
    raw_jobs = table.get(JOBS)
    if raw_jobs is None:
        return ConfigFile(path, (defaults,), (document.where(prefix),))
    if not isinstance(raw_jobs, list) or not all(isinstance(j, dict) for j in raw_jobs):
        raise ModelgenError(
            f"'{JOBS}' must be an array of tables ([[{shown + '.' if shown else ''}{JOBS}]])",
            document.where((*prefix, JOBS)),
        )
    if not raw_jobs:
        raise ModelgenError(f"'{JOBS}' holds no job", document.where((*prefix, JOBS)))
    jobs: list[Settings] = []
    sources: list[Source] = []
    for n, raw in enumerate(raw_jobs):
        here = (*prefix, JOBS, n)
        jobs.append({**defaults, **_settings(document, raw, here, base, allow_jobs=False)})
        sources.append(document.where(here))
    return ConfigFile(path, tuple(jobs), tuple(sources))


def _settings(
    document: _Document,
    table: Mapping[str, object],
    prefix: KeyPath,
    base: Path,
    *,
    allow_jobs: bool,
) -> Settings:
    known = keys()
    found: Settings = {}
    for name, raw in table.items():
        if name == JOBS and allow_jobs:
            continue
        where = document.where((*prefix, name))
        key = known.get(name)
        if key is None:
            names = [*known, *([JOBS] if allow_jobs else [])]
            raise ModelgenError(_unknown(name, names), where)
        if key.kind == "names" and isinstance(raw, dict):
            value: object = _names_table(document, raw, (*prefix, name))
        else:
            value = convert(key, raw, where, base)
        found[name] = Setting(value, where, raw)
    return found


def _unknown(name: str, known: Sequence[str], within: str = "") -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    where = f" in {within}" if within else ""
    return f"unknown key {name!r}{where} ({hint}known: {', '.join(known)})"


def convert(key: Key, raw: object, where: Source | None, base: Path) -> object:
    """A key's value from the file or the command line (``raw``), converted to its kind and
    checked; paths relative to ``base``."""

    def wrong(expected: str) -> ModelgenError:
        return ModelgenError(f"{key.name}: expected {expected}, got {_shown(raw)}", where)

    if key.kind == "bool":
        if not isinstance(raw, bool):
            raise wrong("true or false")
        return raw
    if key.kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise wrong("an integer")
        return raw
    if key.kind in ("list", "languages"):
        if isinstance(raw, str):
            items = [part.strip() for part in raw.split(",")]
        elif isinstance(raw, list) and all(isinstance(item, str) for item in raw):
            items = [item.strip() for item in raw]
        else:
            raise wrong("a list of strings or a comma-separated string")
        items = [item for item in items if item]
        if key.kind == "languages":
            return _languages(items, where)
        return tuple(items)
    if key.kind == "names":
        if not isinstance(raw, str):
            raise wrong("a table or the path of a TOML file")
        return read_names(base / raw)
    if not isinstance(raw, str) or not raw:
        raise wrong("a string" if key.kind == "string" else "a path")
    if key.kind == "path":
        return base / raw
    return raw


def _shown(raw: object) -> str:
    if isinstance(raw, dict):
        return "a table"
    if isinstance(raw, list):
        return "a list"
    return repr(raw)


def _languages(items: list[str], where: Source | None) -> tuple[str, ...]:
    from generator.targets import parse_languages

    try:
        return tuple(parse_languages(",".join(items)))
    except ModelgenError as error:
        raise ModelgenError(error.message, where) from None


# --- the names table ---------------------------------------------------------------------------

MODELS = "models"
PROPERTIES = "properties"


def read_names(path: Path) -> NameOverrides:
    """Naming overrides from a TOML file of their own (``--names FILE``)."""
    document = _Document(path)
    return _names_table(document, document.data, ())


def _names_table(
    document: _Document, table: Mapping[str, object], prefix: KeyPath
) -> NameOverrides:
    from generator.targets import TARGETS

    languages: dict[str, Renames] = {}
    for name, raw in table.items():
        here = (*prefix, name)
        if name in (MODELS, PROPERTIES):
            continue
        if name not in TARGETS:
            raise ModelgenError(
                _unknown(name, [MODELS, PROPERTIES, *TARGETS], "names"), document.where(here)
            )
        if not isinstance(raw, dict):
            raise ModelgenError(f"names.{name}: expected a table", document.where(here))
        for inner in raw:
            if inner not in (MODELS, PROPERTIES):
                raise ModelgenError(
                    _unknown(inner, [MODELS, PROPERTIES], f"names.{name}"),
                    document.where((*here, inner)),
                )
        languages[name] = _renames(document, raw, here)
    common = _renames(document, table, prefix)
    return NameOverrides(common, languages)


def _renames(document: _Document, table: Mapping[str, object], prefix: KeyPath) -> Renames:
    def new_name(raw: object, here: KeyPath) -> Rename:
        where = document.where(here)
        if not isinstance(raw, str) or not _IDENTIFIER.fullmatch(raw):
            raise ModelgenError(
                f"{'.'.join(str(p) for p in here[-3:])}: the new name must be an identifier"
                f" (letters, digits, underscores), got {_shown(raw)}",
                where,
            )
        return Rename(raw, where)

    def table_at(raw: object, here: KeyPath) -> Mapping[str, object]:
        if not isinstance(raw, dict):
            raise ModelgenError(f"{here[-1]}: expected a table", document.where(here))
        return raw

    models_here = (*prefix, MODELS)
    models = {
        name: new_name(raw, (*models_here, name))
        for name, raw in table_at(table.get(MODELS, {}), models_here).items()
    }
    properties_here = (*prefix, PROPERTIES)
    properties: dict[str, dict[str, Rename]] = {}
    for model, raw_props in table_at(table.get(PROPERTIES, {}), properties_here).items():
        here = (*properties_here, model)
        properties[model] = {
            wire: new_name(raw, (*here, wire)) for wire, raw in table_at(raw_props, here).items()
        }
    return Renames(models, properties)


# --- jobs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One run of the generator: a source, its languages and output folder, and the rest of
    the keys (see :data:`KEYS`); ``options`` are the target options by field name."""

    name: str
    source: Path
    languages: tuple[str, ...]
    out: Path
    include: tuple[Pattern, ...] = ()
    exclude: tuple[Pattern, ...] = ()
    templates: Path | None = None
    names: NameOverrides = field(default_factory=NameOverrides)
    kind: str | None = None
    spec: Path | None = None
    allow_external_refs: bool = False
    allow_remote_refs: bool = False
    strict: bool = False
    options: Mapping[str, object] = field(default_factory=dict)
    origin: Source | None = None  # where the job is declared; None: on the command line
    base: Path | None = None  # the configuration file's folder, for a job of the file


REQUIRED = ("source", "lang", "out")


def make_job(
    settings: Settings,
    origin: Source | None,
    shown: Callable[[str], str],
    base: Path | None = None,
) -> Job:
    """The job ``settings`` describe; ``shown`` spells a key in errors (``--out`` or ``out``);
    ``base``: the configuration file's folder, for a job of the file."""
    missing = [name for name in REQUIRED if name not in settings]
    if missing:
        spelled = ", ".join(shown(name) for name in missing)
        raise ModelgenError(f"no {spelled} given for this job", origin)
    by_key = keys()
    general: dict[str, object] = {}
    options: dict[str, object] = {}
    for name, setting in settings.items():
        key = by_key[name]
        if any(key is k for k in KEYS):
            general[key.dest] = setting.value
        else:
            options[key.dest] = setting.value

    def patterns(name: str) -> tuple[Pattern, ...]:
        setting = settings.get(name)
        if setting is None:
            return ()
        globs = typing.cast(tuple[str, ...], setting.value)
        return tuple(Pattern(glob, setting.source) for glob in globs)

    kind = typing.cast(str | None, general.get("kind"))
    if kind is not None:
        from generator.sources import kinds

        if kind not in kinds():
            raise ModelgenError(
                f"{shown('from')}: unknown input kind {kind!r} (known: {', '.join(kinds())})",
                settings["from"].source,
            )
    templates = typing.cast(Path | None, general.get("templates"))
    if templates is not None and not templates.is_dir():
        raise ModelgenError(
            f"{shown('templates')}: no such folder: {templates}", settings["templates"].source
        )
    out = typing.cast(Path, general["out"])
    raw_out = settings["out"].raw
    return Job(
        name=typing.cast(
            str, general.get("name") or (raw_out if isinstance(raw_out, str) else str(out))
        ),
        source=typing.cast(Path, general["source"]),
        languages=typing.cast(tuple[str, ...], general["languages"]),
        out=out,
        include=patterns("include"),
        exclude=patterns("exclude"),
        templates=templates,
        names=typing.cast(NameOverrides, general.get("names", NameOverrides())),
        kind=kind,
        spec=typing.cast(Path | None, general.get("spec")),
        allow_external_refs=bool(general.get("allow_external_refs", False)),
        allow_remote_refs=bool(general.get("allow_remote_refs", False)),
        strict=bool(general.get("strict", False)),
        options=options,
        origin=origin,
        base=base,
    )
