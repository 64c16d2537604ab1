"""The lossiness of SDKs modelgen did not write: conventions that make an SDK's classes differ
from its spec without drifting from it (see :data:`CATEGORIES`, merged into parity's). Pure
decisions on plain values; :mod:`generator.compare.parity` asks them where an SDK takes part.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from generator.compare.names import name_key
from generator.ir import ListOf, Model, ObjectModel

CATEGORIES: dict[str, str] = {
    "optional-nullable": (
        "an optional field whose SDK type also admits null: SDKs write optional fields"
        " `Optional[X] = None` (Python) or `X?` (Dart, PHP), so the code cannot tell an optional"
        " field from an optional nullable one"
    ),
    "format-not-carried": (
        "a format the SDK's type does not carry: `unixtime` timestamps and `int64` as `int`,"
        " `uri` and `date-time` as `str`, `double` as `float`"
    ),
    "expandable-id": (
        "an expandable reference: the SDK types the field as the id or the object"
        " (`str | Customer`), the spec one of the two"
    ),
    "open-enum": (
        "the values of an enum that is one member of a union with `string` (an open enum:"
        " `str | Literal[...]`): any string is valid on both sides, the values only name known"
        " ones"
    ),
    "split-class": (
        "a field the SDK declares on the classes built on this one: it splits one schema into"
        " variants (`...ParamsStreaming` and `...ParamsNonStreaming` add `stream` to"
        " `...ParamsBase`)"
    ),
    "server-default": (
        "a default the spec states for a field the SDK makes optional and gives none: the SDK"
        " leaves the field out when it is not set, and the API applies its default"
    ),
    "const-default": (
        "the default of a field that may have one value only (a constant, or an enum of one"
        " value): stating it or not changes nothing"
    ),
    "params-only": (
        "a class of an operation's parameters (`*Params`, or declared in its module): the spec"
        " states them as operation parameters, not as a schema"
    ),
    "list-page": (
        "a list response (`data` with `has_more`, `first_id`/`last_id` or `object: list`): SDKs"
        " return their"
        " own generic page class instead of one class per list"
    ),
    "base-merged": (
        "a schema used as an `allOf` part of others: SDKs copy its fields into the classes"
        " built from it and make no class of it"
    ),
    "no-class": (
        "a model of the spec that no class of the SDK corresponds to: a part of the API the"
        " SDK does not cover, or a schema it writes differently (then the findings of the"
        " fields that use it say how). Listed and counted in the SDK's matching summary; drift"
        " is what the SDK's classes say differently"
    ),
    "sdk-only": (
        "a class of the SDK that no model of the spec corresponds to: a helper of the SDK"
        " (reconnection options, parsed results) or an API the spec does not describe; where a"
        " matched class uses it, that field's finding says how the two differ. Listed in the"
        " SDK's matching summary"
    ),
    "inline-schema": (
        "a schema one source declares in place inside a field (an inline enum, union or"
        " object) and the other has no model for: the finding of that field (or of the model"
        " declaring it) says how the two differ"
    ),
}


def is_params(model: Model, module: str) -> bool:
    """A class of an operation's parameters: named ``...Params``, or declared in a module
    named so (``batch_create_params``)."""
    key = name_key(model.name, qualified=True)
    stem = name_key(posixpath.basename(module), qualified=False)
    return key.endswith("params") or stem.endswith("params")


def missing_category(present: Sequence[tuple[bool, Model, str]], bases: frozenset[str]) -> str:
    """Why a model is absent from some sources where an SDK takes part: ``present`` holds,
    per source that has it, (whether it is an SDK, its model, its module path); ``bases``
    the names of the models other models of the reference are built from (``allOf``)."""
    models = [m for _, m, _ in present]
    if all(m.inline for m in models):
        return "inline-schema"
    if all(sdk and is_params(m, module) for sdk, m, module in present):
        return "params-only"
    if all(m.kind == "alias" for m in models):
        return "alias-inlined"
    if any(sdk for sdk, _, _ in present):
        return "sdk-only"
    if all(is_list_page(m) for m in models):
        return "list-page"
    if all(m.name in bases for m in models):
        return "base-merged"
    return "no-class"


def is_list_page(model: Model) -> bool:
    """A list response: a ``data`` list beside ``has_more``, ``first_id``/``last_id`` or an
    ``object`` that is always ``list``."""
    if not isinstance(model, ObjectModel):
        return False
    names = {f.name for f in model.fields}
    data = next((f for f in model.fields if f.name == "data"), None)
    kind = next((f for f in model.fields if f.name == "object"), None)
    paging = "has_more" in names or {"first_id", "last_id"} <= names
    listed = kind is not None and kind.const is not None and kind.const.value == "list"
    return data is not None and isinstance(data.type, ListOf) and (paging or listed)


def nullable_category(have: Sequence[tuple[bool, bool, str | None]]) -> str:
    """``have``: per source, (is an SDK, the field is required, "yes"/"no"). Optional fields
    an SDK says are nullable where the others say they are not: the SDK's convention."""
    sdk_yes = [required for sdk, required, value in have if sdk and value == "yes"]
    others = {value for sdk, _, value in have if not sdk and value is not None}
    if sdk_yes and not any(sdk_yes) and others == {"no"}:
        if all(value == "yes" for sdk, _, value in have if sdk and value is not None):
            return "optional-nullable"
    return "drift"


def required_category(have: Sequence[tuple[bool, bool, str | None]]) -> str:
    """``have``: per source, (is an SDK, the field is required, "yes"/"no", ``None`` where
    unknown). A field the others require and allow null in, that an SDK makes optional and
    nullable (or optional of a nullability its code cannot state, Dart's ``T? x``): the
    SDK's ``Optional[X] = None`` again (reading a missing key as null)."""
    sdk = [(required, value) for is_sdk, required, value in have if is_sdk]
    others = [(required, value) for is_sdk, required, value in have if not is_sdk]
    if (
        sdk
        and others
        and all(not required and value in ("yes", None) for required, value in sdk)
        and all(required and value == "yes" for required, value in others)
    ):
        return "optional-nullable"
    return "drift"


def default_category(have: Sequence[tuple[bool, bool, str]]) -> str:
    """``have``: per source, (is an SDK, the field is required, its default spelt, or
    ``(none)``). Defaults only the others state, for a field every SDK makes optional: the
    SDK leaves the field out and the API applies its default."""
    sdk = [(required, text) for is_sdk, required, text in have if is_sdk]
    others = {text for is_sdk, _, text in have if not is_sdk}
    if sdk and all(not required and text == "(none)" for required, text in sdk):
        if len(others) == 1 and others != {"(none)"}:
            return "server-default"
    return "drift"


def format_category(plain: Sequence[str], formatted: Sequence[tuple[bool, str]]) -> str:
    """``plain``: each source's type spelt without formats; ``formatted``: per source, (is an
    SDK, its type spelt with formats). Types that agree without formats, where the SDKs state
    none: the SDK's language does not carry them."""
    if len(set(plain)) != 1:
        return "drift"
    sdk_texts = [text for sdk, text in formatted if sdk]
    if sdk_texts and all(text == plain[0] for text in sdk_texts):
        return "format-not-carried"
    return "drift"


__all__ = [
    "CATEGORIES",
    "default_category",
    "format_category",
    "is_params",
    "missing_category",
    "nullable_category",
    "required_category",
]
