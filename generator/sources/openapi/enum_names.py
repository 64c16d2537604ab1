"""Enum member names and per-member descriptions from the vendor extensions other generators
read: ``x-enum-varnames`` (OpenAPI Generator) or ``x-enumNames`` (NSwag) for the names, and
``x-enum-descriptions`` (or ``x-enumDescriptions``) for the descriptions. Each is a list
aligned with the schema's ``enum`` list as written (a ``null`` entry included).

The names are the spec's wish; each target spells them as its language spells member names
and makes them distinct (``generator/targets/<lang>/names.py``). A list that is not a list
of strings, or whose length differs from ``enum``'s, degrades with a warning at its pointer:
the list is ignored, except that a list shorter than ``enum`` names the first values (as
datamodel-code-generator reads it); one entry that is not a string leaves that member
unnamed."""

from __future__ import annotations

from typing import Any

from generator.errors import Warnings
from generator.ir import EnumValue, JsonValue, Source

NAME_KEYS = ("x-enum-varnames", "x-enumNames")
DESCRIPTION_KEYS = ("x-enum-descriptions", "x-enumDescriptions")
ALIGNED_KEYS = NAME_KEYS + DESCRIPTION_KEYS


def _key(value: object) -> tuple[str, object]:
    # ``True == 1`` in Python: the type keeps a boolean and an integer apart.
    return (type(value).__name__, value)


def _aligned(
    schema: dict[str, Any], keys: tuple[str, ...], at: Source, warnings: Warnings
) -> list[str | None] | None:
    """The first of ``keys`` present in ``schema``, checked against ``enum``; None when absent
    or unusable (with a warning)."""
    key = next((k for k in keys if k in schema), None)
    enum = schema.get("enum")
    if key is None or not isinstance(enum, list):
        return None
    listed = schema[key]
    src = Source(at.file, f"{at.pointer}/{key}")
    if not isinstance(listed, list):
        warnings.degrade(f"{key} must be a list", src, f"{key} is ignored", "bad-enum-extension")
        return None
    if len(listed) > len(enum):
        warnings.degrade(
            f"{key} has {len(listed)} entries for {len(enum)} enum values",
            src,
            f"{key} is ignored",
            "bad-enum-extension",
        )
        return None
    if len(listed) < len(enum):
        # a list cut short names the first values, as other generators read it
        warnings.degrade(
            f"{key} has {len(listed)} entries for {len(enum)} enum values",
            src,
            f"the first {len(listed)} values take them, the rest are left without",
            "bad-enum-extension",
        )
        listed = [*listed, *[None] * (len(enum) - len(listed))]
    result: list[str | None] = []
    for i, entry in enumerate(listed):
        if entry is None or (isinstance(entry, str) and entry.strip()):
            result.append(entry)
        else:
            warnings.degrade(
                f"{key} entries must be non-empty strings, not {entry!r}",
                Source(at.file, f"{src.pointer}/{i}"),
                "that member keeps its derived name" if key in NAME_KEYS else "it is ignored",
                "bad-enum-extension",
            )
            result.append(None)
    return result


def enum_values(
    schema: dict[str, Any], values: list[JsonValue], at: Source, warnings: Warnings
) -> tuple[EnumValue, ...]:
    """``values`` (the enum's distinct values, in order) with the names and descriptions the
    schema's extensions give them; ``at`` is the schema's location."""
    names = _aligned(schema, NAME_KEYS, at, warnings)
    docs = _aligned(schema, DESCRIPTION_KEYS, at, warnings)
    extras: dict[tuple[str, object], tuple[str | None, str | None]] = {}
    if names is not None or docs is not None:
        for i, value in enumerate(schema["enum"]):
            name = names[i] if names is not None else None
            doc = docs[i] if docs is not None else None
            extras.setdefault(_key(value), (name, doc))
    result = []
    for value in values:
        name, doc = extras.get(_key(value), (None, None))
        result.append(EnumValue(value, doc, name))  # type: ignore[arg-type]
    return tuple(result)


def keep_aligned(schema: dict[str, Any], keep: list[bool]) -> None:
    """Narrow the aligned lists of ``schema`` (a copy the loader owns) as its ``enum`` list
    is narrowed to the entries ``keep`` marks; lists of the wrong shape are left for
    :func:`enum_values` to report."""
    for key in ALIGNED_KEYS:
        listed = schema.get(key)
        if isinstance(listed, list) and len(listed) == len(keep):
            schema[key] = [entry for entry, kept in zip(listed, keep, strict=True) if kept]
