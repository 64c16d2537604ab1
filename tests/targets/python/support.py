"""Helpers shared by the Python emitter tests: generate packages once per test session into one
temporary folder, import them, and run mypy once over all of them."""

from __future__ import annotations

import atexit
import functools
import importlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from generator.ir import ModelSet
from generator.output import write_tree
from generator.sources import load
from generator.targets import emit
from tests.support.paths import EXAMPLE_SPEC, OPENAI_SPEC


@functools.cache
def root() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="modelgen-python-"))
    atexit.register(shutil.rmtree, folder, True)
    sys.path.insert(0, str(folder))
    return folder


_generated: dict[str, Path] = {}


def generate(models: ModelSet, package: str) -> Path:
    """Write the package for ``models`` (once per session) and return its folder."""
    if package not in _generated:
        files = emit("python", models, package=package).files
        out = root() / package
        write_tree(out, files)
        _generated[package] = out / package
    return _generated[package]


def import_package(models: ModelSet, package: str) -> ModuleType:
    folder = generate(models, package)
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module(f"{package}.models")


@functools.cache
def example_models() -> ModelSet:
    return load(EXAMPLE_SPEC)


@functools.cache
def openai_models() -> ModelSet:
    return load(OPENAI_SPEC)


def import_warnings_as_errors(package_dir: Path) -> subprocess.CompletedProcess[str]:
    """Import the package in a fresh interpreter with every warning an error."""
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", f"import {package_dir.name}"],
        cwd=package_dir.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


_mypy_results: dict[tuple[str, ...], subprocess.CompletedProcess[str]] = {}


def mypy_strict(packages: list[Path]) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over the given generated packages, run once per set."""
    key = tuple(sorted(str(p) for p in packages))
    if key not in _mypy_results:
        _mypy_results[key] = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--no-incremental",
                "--cache-dir",
                str(root() / ".mypy_cache"),
                *key,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    return _mypy_results[key]


# --- a hand-built schema full of hostile names and text (bad-inputs.md §A and §B) ----------

HARD_KEYWORDS = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
]  # fmt: skip
SOFT_AND_BUILTINS = [
    "type", "match", "case", "_", "id", "list", "str", "int", "float", "bool", "dict",
    "object", "field", "dataclass", "Optional", "datetime", "self", "cls", "__init__", "__x",
    "__v", "_id", "json", "Any", "from_dict", "to_dict", "additional_properties", "UNSET",
    "print", "__slots__", "__dict__",
]  # fmt: skip
ODD_NAMES = [
    "1st", "200", "", "!", "   ", "foo_bar", "fooBar", "FooBar", "foo-bar", "foo bar",
    "Type", "a", "A", "café", "\ufb01eld", "\U0001d400", "zero\u200bwidth", "nbsp\u00a0x",
    "\u202eevil", "\u0421yrillic", "x" * 300, "$ref", "a.b", "@type",
]  # fmt: skip
HOSTILE_TEXTS = [
    'ends with a quote"',
    '"starts with a quote',
    'triple """ quotes and \\""" and ""\\"',
    "trailing backslash \\",
    "\\N{BULLET} \\u1234 C:\\users \\d \\x41",
    "line\rbreaks\r\nall\vover\fthe\u2028place\u2029end",
    "nul\x00char and bidi \u202e and zero\u200bwidth",
    "{{ 7*7 }} {% raw %} {# comment",
    "tab\tinside and 'single' quotes",
    "  indented\n    more\n  less  ",
    "',\n\"\"\"; import os; os.system('x') #",
]
ENUM_VALUES = [
    "date", "-date", "in stock", "in-stock", "g", "\u03bcg", "a+", "a_plus", "", "1", "-1",
    "null", "name", "value", "'", '"', "\\", "a\nb", "$x", "?>", "{{ 7*7 }}", "_missing_",
    "UNKNOWN", "v" * 200,
]  # fmt: skip


def hostile_models() -> ModelSet:
    from generator.ir import (
        AliasModel,
        Const,
        Discriminator,
        EnumModel,
        EnumValue,
        Field,
        ListOf,
        MapOf,
        Nullable,
        ObjectModel,
        Primitive,
        Ref,
        Source,
        UnionModel,
    )

    text = Primitive("string")
    names = HARD_KEYWORDS + SOFT_AND_BUILTINS + ODD_NAMES
    fields = tuple(
        Field(name, text, required=(n % 3 == 0), description=HOSTILE_TEXTS[n % len(HOSTILE_TEXTS)])
        for n, name in enumerate(names)
    )
    defaults = (
        Field("d_nan", Primitive("number"), False, default=Const(float("nan"))),
        Field("d_inf", Primitive("number"), False, default=Const(float("-inf"))),
        Field("d_big", Primitive("integer"), False, default=Const(2**64 + 1)),
        Field("d_negzero", Primitive("number"), False, default=Const(-0.0)),
        Field("d_list", ListOf(text), False, default=Const(["a", "b\n"])),
        Field("d_dict", MapOf(Primitive("any")), False, default=Const({"k": [1, None]})),
        Field("d_str", text, False, default=Const('quote " and \\ and \n newline')),
        Field("c_str", text, True, const=Const('it\'s "const" \\')),
        Field("c_int", Primitive("integer"), True, const=Const(2**70)),
        Field("c_bool", Primitive("boolean"), False, const=Const(False)),
        Field("nullable_unknown", text, False, nullable=Nullable.UNKNOWN),
        Field("required_nullable", text, True, nullable=Nullable.YES),
        Field("any", Primitive("any"), False, nullable=Nullable.YES),
        Field("when", Primitive("string", "date-time"), False),
        Field("day", Primitive("string", "date"), False),
        Field("uid", Primitive("string", "uuid"), False),
        Field("tree", Ref("Tree"), False),
        Field("json_value", Ref("JsonValue"), False),
        Field("colour", Ref("class"), False),
        Field("numbers", Ref("Numbers"), False),
        Field("flags", ListOf(Ref("Flag")), False),
        Field("maybe", Ref("Maybe"), False),
        Field("pet", Ref("Pet"), False),
        Field("pet2", Ref("pet"), False),
        Field("long", Ref("L" * 300), False),
    )
    src = Source("hostile.yaml")
    return ModelSet(
        models=tuple(
            sorted(
                [
                    ObjectModel('Hostile"""Name', fields + defaults, description=HOSTILE_TEXTS[2]),
                    ObjectModel(
                        "Tree",
                        (
                            Field("value", Primitive("integer"), True),
                            Field("children", ListOf(Ref("Tree")), False),
                            Field("by_name", MapOf(Ref("Tree")), False),
                        ),
                        closed=True,
                        description=HOSTILE_TEXTS[0],
                    ),
                    UnionModel(
                        "JsonValue",
                        (
                            text,
                            Primitive("number"),
                            ListOf(Ref("JsonValue")),
                            MapOf(Ref("JsonValue")),
                        ),
                        exclusive=False,
                        description=HOSTILE_TEXTS[3],
                    ),
                    EnumModel(
                        "class",
                        "string",
                        tuple(EnumValue(v, description=HOSTILE_TEXTS[1]) for v in ENUM_VALUES),
                        description=HOSTILE_TEXTS[4],
                    ),
                    EnumModel(
                        "Numbers",
                        "integer",
                        (EnumValue(1), EnumValue(-1), EnumValue(0), EnumValue(2**60)),
                    ),
                    EnumModel("Flag", "boolean", (EnumValue(True), EnumValue(False))),
                    ObjectModel("Maybe", (Field("x", text, False),), nullable=Nullable.YES),
                    ObjectModel("Pet", (Field("kind", text, True, const=Const("pet")),)),
                    ObjectModel("pet", (Field("kind", text, True, const=Const("PET")),)),
                    UnionModel(
                        "AnyPet",
                        (Ref("Pet"), Ref("pet")),
                        discriminator=Discriminator("kind", (("PET", "pet"), ("pet", "Pet"))),
                    ),
                    ObjectModel("L" * 300, (Field("y" * 300, Ref("None"), True),)),
                    AliasModel("None", ListOf(Ref("Unset"))),
                    AliasModel("Unset", Primitive("string", "uuid"), nullable=Nullable.YES),
                    ObjectModel("1st", (), closed=True, description=""),
                    ObjectModel("DecodeError", (), additional=Primitive("integer")),
                    ObjectModel("Model", (Field("model", Ref("Model"), False),)),
                    ObjectModel("model", ()),
                ],
                key=lambda m: m.name,
            )
        ),
        source=src,
        title='Hostile """ {{ 7*7 }}\nTitle',
        version="1.0\r\n",
    )
