"""PHP names: classes, properties, enum cases, the namespace and the composer package name, with
the words PHP reserves. Collisions between names are settled by the plan (``plan.py``), which
allocates these candidates in a fixed order."""

from __future__ import annotations

import re
from functools import cache

from generator import naming
from generator.errors import ModelgenError

# Names PHP refuses (or reserves) as class, interface or enum names, compared case-insensitively.
RESERVED_CLASS_NAMES = frozenset(
    """
    __halt_compiler abstract and array as break callable case catch class clone const continue
    declare default die do echo else elseif empty enddeclare endfor endforeach endif endswitch
    endwhile enum eval exit extends final finally fn for foreach function global goto if
    implements include include_once instanceof insteadof interface isset list match namespace
    new or print private protected public readonly require require_once return static switch
    throw trait try unset use var while xor yield
    int float bool string true false null void iterable object mixed never self parent resource
    numeric
    """.split()
)
# Property (and named-argument) names PHP refuses.
RESERVED_PROPERTY_NAMES = frozenset({"this"})
# Class constant / enum case names PHP refuses.
RESERVED_CONSTANT_NAMES = frozenset({"class"})


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_COMPOSER_NAME = re.compile(r"^[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$")


def class_name(name: str) -> str:
    """The class (or interface, or enum) name for a model name, before collisions."""
    identifier = naming.limit_length(naming.fallback(name, naming.pascal(name), "Model"), name)
    if identifier.casefold() in RESERVED_CLASS_NAMES or naming.is_windows_device(identifier):
        identifier += "Model"
    return identifier


def unknown_name(cls: str) -> str:
    """The class holding the values enum ``cls`` does not list, before collisions."""
    return naming.limit_length("Unknown" + cls, cls)


def factory_name(cls: str) -> str:
    """The class decoding and encoding values of union interface ``cls``, before collisions."""
    return naming.limit_length(cls + "Factory", cls)


@cache  # the same JSON keys recur across models
def property_name(name: str) -> str:
    """The property (and named-argument) name for a JSON key, before collisions."""
    identifier = naming.limit_length(naming.fallback(name, naming.camel(name), "field"), name)
    if identifier in RESERVED_PROPERTY_NAMES:
        identifier += "_"
    return identifier


def case_name(value: object) -> str:
    """The enum case name for an enum value, or for the name the spec gives the case
    (``x-enum-varnames``: ``NOT_EQUALS`` -> ``NotEquals``), before collisions."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Value{value}" if value >= 0 else f"ValueMinus{-value}"
    return _text_case_name(str(value))


@cache  # the same enum values recur across enums
def _text_case_name(text: str) -> str:
    identifier = naming.limit_length(naming.fallback(text, naming.pascal(text), "Value"), text)
    if identifier.casefold() in RESERVED_CONSTANT_NAMES:
        identifier += "Value"
    return identifier


def default_namespace(title: str | None) -> str:
    """The namespace when ``--php-namespace`` is not given: the spec title in PascalCase, then
    ``\\Model``."""
    base = naming.pascal(title or "") or "Modelgen"
    base = naming.limit_length(naming.fallback(title or "", base, "Api"), title or "", 60)
    if base.casefold() in RESERVED_CLASS_NAMES:
        base += "Api"
    return f"{base}\\Model"


def check_namespace(namespace: str) -> str:
    """``--php-namespace`` without leading or trailing backslashes; an error naming the segment
    PHP cannot use."""
    parts = namespace.strip("\\").split("\\")
    for part in parts:
        if not _IDENTIFIER.match(part) or part.casefold() in RESERVED_CLASS_NAMES:
            raise ModelgenError(
                f"--php-namespace {namespace!r}: {part!r} is not a usable namespace segment"
            )
    return "\\".join(parts)


def composer_name(namespace: str) -> str:
    """The composer package name (``vendor/package``) for a namespace."""
    parts = [naming.snake(p).replace("_", "-") for p in namespace.split("\\")]
    candidate = f"{parts[0]}/{'-'.join(parts[1:]) or 'model'}"
    return candidate if _COMPOSER_NAME.match(candidate) else "modelgen/model"
