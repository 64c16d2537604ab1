"""Spotting property tables that OpenAPI Generator flattened from a oneOf/anyOf.

Its PHP and Dart generators merge every variant of a union into one class (and one docs table):
every variant's properties, the union of their required fields, and the discriminator described
by whichever variant came first. Such a table claims things no JSON value satisfies, so the
loader warns (code ``flattened-union``) with the evidence it found:

* **variants**: two or more smaller models of the set pin the same discriminator property
  (``type``, ``role``, ``object``, ``event``...) to different values, their properties together
  are exactly this table's, this table requires that property and pins it (if at all) to one of
  their values, and is not named after that value;
* **pinned discriminator**: the table itself pins its ``type`` to one value (``must be `X```,
  ``Always `X```, ``[default to 'X']``) that the model's name does not mention, and still
  requires four or more other properties (a single event type is named after its value; a union
  of many types requires what each of them requires).

A spec given with ``--spec`` settles it (the merge in :mod:`.markdown_spec` reports those).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.ir import Diagnostic, Field, ModelSet, ObjectModel
from generator.naming import words

_DISCRIMINATORS = ("type", "role", "object", "event", "kind")
_PIN = re.compile(
    r"(?:must be|[Aa]lways(?: set to)?|always be|this is always|in this case)\s+"
    r"(?:`([^`]+)`|'([^']+)'|\"([^\"]+)\")"
)
_COMMON = frozenset({"event_id", "eventId"})
_MIN_REQUIRED = 4


def pinned_value(f: Field) -> str | None:
    """The single value a discriminator-like field is documented to take, if any."""
    if f.description:
        m = _PIN.search(f.description)
        if m:
            return m.group(1) or m.group(2) or m.group(3)
    if f.default is not None and isinstance(f.default.value, str):
        return f.default.value
    return None


def flattened_union_diagnostics(
    models: ModelSet, skip: frozenset[str] = frozenset()
) -> list[Diagnostic]:
    """One warning per table that looks flattened; ``skip`` names models a spec settled."""
    objects = [m for m in models.models if isinstance(m, ObjectModel) and m.fields]
    names = {m.name: frozenset(f.name for f in m.fields) for m in objects}
    # (discriminator, value) for every model that pins one.
    pins: dict[str, tuple[str, str]] = {}
    for m in objects:
        for f in m.fields:
            if f.name in _DISCRIMINATORS:
                value = pinned_value(f)
                if value is not None:
                    pins[m.name] = (f.name, value)
                    break
    # Pinned models by each property other than their discriminator: a variant of a table
    # shares at least one such property with it.
    by_field: dict[str, list[str]] = {}
    for name, (prop, _) in pins.items():
        for property_name in names[name] - {prop} - _COMMON:
            by_field.setdefault(property_name, []).append(name)
    diagnostics = []
    for m in objects:
        if m.name in skip:
            continue
        candidates = {c for p in names[m.name] for c in by_field.get(p, ())}
        evidence = _variant_evidence(m, names, pins, candidates) or _pinned_evidence(m)
        if evidence:
            diagnostics.append(
                Diagnostic(
                    f"{m.name} looks like a oneOf/anyOf that OpenAPI Generator flattened into "
                    f"one table: {evidence}. Its required fields cannot all be present at once;"
                    " pass --spec to load the real union",
                    m.source,
                    "flattened-union",
                )
            )
    return diagnostics


def _variant_evidence(
    model: ObjectModel,
    names: dict[str, frozenset[str]],
    pins: dict[str, tuple[str, str]],
    candidates: set[str],
) -> str | None:
    """Two or more smaller models pinning one property to different values, whose properties
    together are exactly this table's, while this table pins that property (if at all) to one
    of their values: OpenAPI Generator describes a flattened union's discriminator by the
    variant that came first."""
    own = names[model.name]
    own_pin = pins.get(model.name)
    by_property: dict[str, list[tuple[str, str]]] = {}
    for other in sorted(candidates):
        prop, value = pins[other]
        if prop in own and names[other] < own and names[other] - {prop} - _COMMON:
            by_property.setdefault(prop, []).append((other, value))
    for prop, variants in sorted(by_property.items()):
        values = {value for _, value in variants}
        if len(values) < 2:
            continue
        if own_pin is not None and (
            own_pin[0] != prop or own_pin[1] not in values or _named_after(model.name, own_pin[1])
        ):
            continue
        if not any(f.name == prop and f.required for f in model.fields):
            continue
        covered = frozenset().union(*(names[name] for name, _ in variants))
        if covered != own:
            continue
        shown = _listing(f"{name} (`{value}`)" for name, value in sorted(variants))
        return (
            f"its properties are exactly those of {len(variants)} models that each pin "
            f"`{prop}` to a different value: {shown}"
        )
    return None


def _pinned_evidence(model: ObjectModel) -> str | None:
    discriminator = next((f for f in model.fields if f.name == "type" and f.required), None)
    if discriminator is None:
        return None
    value = pinned_value(discriminator)
    if value is None:
        return None
    if _named_after(model.name, value):
        return None
    required = [f.name for f in model.fields if f.required and f.name not in ("type", *_COMMON)]
    if len(required) < _MIN_REQUIRED:
        return None
    return (
        f"`type` is documented as `{value}` only (which its name does not mention), yet "
        f"{len(required)} other properties are required ({_listing(required)})"
    )


def _named_after(name: str, value: str) -> bool:
    """A model named after the value it pins (``ResponseTextDeltaEvent`` for
    ``response.output_text.delta``) is that one type, not a union: more than half of the
    value's words appear in the name."""
    value_words = set(words(value))
    return not value_words or len(value_words & set(words(name))) * 2 > len(value_words)


def _listing(items: Iterable[str], limit: int = 6) -> str:
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")
