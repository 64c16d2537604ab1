"""Python names: identifiers for classes, fields, enum members and union functions, the reserved
words each must avoid, and the package name. Everything the emitter calls something is decided
here."""

from __future__ import annotations

import keyword
import sys
from dataclasses import dataclass
from pathlib import PurePath

from generator.errors import ModelgenError
from generator.ir import ModelSet, UnionModel
from generator.naming import NameAllocator, fallback, limit_length, pascal, snake, upper_snake
from generator.targets.python import PythonOptions
from generator.targets.python.markers import RUNTIME_EXPORTS

# Class names: keywords that are capitalised, and the public names of the runtime that the
# package's __init__ exports next to the models (the rest of the runtime is only ever used
# as ``_rt.<name>``, so a schema may well be called ``Model``).
RESERVED_CLASSES = frozenset({"None", "True", "False", *RUNTIME_EXPORTS})
# Field names: keywords, the methods every model has, and the builtins used in annotations
# (a field named ``str`` would shadow ``str`` for ``typing.get_type_hints``).
RESERVED_FIELDS = frozenset(
    {
        *keyword.kwlist,
        *keyword.softkwlist,
        "classmethod",
        "from_dict",
        "to_dict",
        "self",
        "cls",
        "str",
        "int",
        "float",
        "bool",
        "list",
        "dict",
        "object",
    }
)
MAX_CLASS_NAME = 100
MAX_FIELD_NAME = 60
EXTRAS_FIELD = "additional_properties"  # the field keeping properties the schema does not name
DECODER_SUFFIX = "_from_json"  # a union's decoding function: <snake name>_from_json
ENCODER_SUFFIX = "_to_json"


def class_name(name: str) -> str:
    """A PascalCase identifier for a schema name (not yet made distinct). A name that already
    is one (``OpenAIFile``, acronyms kept as PEP 8 allows) stays as it is."""
    if name.isascii() and name.isidentifier() and name[0].isupper() and "_" not in name:
        ident = name
    else:
        ident = fallback(name, pascal(name), "Model")
    if ident in RESERVED_CLASSES:
        ident += "_"
    return limit_length(ident, name, MAX_CLASS_NAME)


def field_name(name: str) -> str:
    """A snake_case identifier for a property's wire name (not yet made distinct)."""
    ident = fallback(name, snake(name), "field_")
    if ident in RESERVED_FIELDS:
        ident += "_"
    return limit_length(ident, name, MAX_FIELD_NAME)


def member_name(value: str | int | float | bool) -> str:
    """An UPPER_SNAKE enum member name for a value, or for the name the spec gives the member
    (``x-enum-varnames``: ``notEquals`` -> ``NOT_EQUALS``); not yet made distinct."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        text = repr(value).replace("-", "MINUS_").replace(".", "_").replace("+", "")
        return limit_length("VALUE_" + text.upper(), str(value), MAX_FIELD_NAME)
    if value == "":
        return "EMPTY"
    return limit_length(fallback(value, upper_snake(value), "VALUE_"), value, MAX_FIELD_NAME)


# Top-level modules a generated package must not be named after: importing it would hide
# the module (``datetime.yaml`` without a title would give a package ``datetime``, and its own
# ``import datetime`` would import itself). The standard library of every Python the generated
# code may run on -- this interpreter's list plus the modules other supported versions add or
# removed -- and the generated code's runtime dependencies (none: it imports the standard
# library only).
RUNTIME_DEPENDENCIES: frozenset[str] = frozenset()
_STDLIB_OF_OTHER_VERSIONS = frozenset(
    {
        # removed in 3.12 and 3.13 (PEP 594 and others)
        *("asynchat", "asyncore", "distutils", "imp", "smtpd", "aifc", "audioop", "cgi"),
        *("cgitb", "chunk", "crypt", "imghdr", "lib2to3", "mailcap", "msilib", "nis"),
        *("nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd", "sunau", "telnetlib", "uu"),
        "xdrlib",
        # added in 3.14 and 3.15
        *("annotationlib", "compression", "profiling"),
    }
)
SHADOWED_MODULES = (
    frozenset(sys.stdlib_module_names) | _STDLIB_OF_OTHER_VERSIONS | RUNTIME_DEPENDENCIES
)


def package_name(models: ModelSet, options: PythonOptions) -> str:
    """``--package``, or the title (the file name without one) in snake_case. A derived name
    that would shadow a standard-library module gets ``_models`` appended (``datetime`` ->
    ``datetime_models``); a ``--package`` that would is refused."""
    if options.package is not None:
        name = options.package
        if not name.isidentifier() or keyword.iskeyword(name) or not name.isascii():
            raise ModelgenError(f"--package {name!r} is not a valid Python package name")
        if name in SHADOWED_MODULES:
            raise ModelgenError(
                f"--package {name!r} would hide the standard-library module {name!r}"
                " from the generated code; choose another name"
            )
        return name
    title = models.title or PurePath(models.source.file).stem
    name = fallback(title, snake(title), "models_") or "models"
    return f"{name}_models" if name in SHADOWED_MODULES else name


@dataclass(frozen=True)
class ModelNames:
    """The module-level names of a model set, by schema name: every model's class (or alias),
    and each union's decoding and encoding functions. All distinct."""

    classes: dict[str, str]
    decoders: dict[str, str]
    encoders: dict[str, str]


def model_names(models: ModelSet) -> ModelNames:
    """Allocated in the order of ``models`` (which loaders sort), so the names do not depend on
    the order a spec lists its schemas in."""
    names = NameAllocator(RESERVED_CLASSES)
    classes = {m.name: names.allocate(m.name, class_name(m.name)) for m in models.models}
    functions = NameAllocator(set(classes.values()))
    decoders: dict[str, str] = {}
    encoders: dict[str, str] = {}
    for m in models.models:
        if isinstance(m, UnionModel):
            base = snake(classes[m.name]) or "union"
            decoders[m.name] = functions.allocate(m.name, base + DECODER_SUFFIX)
            encoders[m.name] = functions.allocate(m.name + "\0to", base + ENCODER_SUFFIX)
    return ModelNames(classes, decoders, encoders)
