"""SDK parity: compare N :class:`~generator.ir.ModelSet` s describing one API and report where
they disagree. Pure: no I/O; the CLI loads the sources and renders the report
(:mod:`generator.parity_report`).

Like is compared with like. Model and field names are matched by a convention-free key
(:mod:`generator.compare.names`: ``event_id``, ``eventId``, ``EventId``,
``\\Ns\\Model\\EventId``, ``event_id_``, ``$event_id`` all match), and types by a canonical
spelling in which ``Ref`` names get the same key and named aliases are resolved to what they
stand for.

What a source cannot know is *unknown*, never a mismatch: a facet missing from
:attr:`ModelSet.knows`, ``Nullable.UNKNOWN`` and ``EnumModel.values is None`` drop that source
from that comparison.

Between sources that name inline schemas differently (a spec or modelgen's code, which state
composition, against OpenAPI Generator's output, which does not), models only some sources
have are also matched by the naming rules of inline schemas (``Item``/``Inner``, ``AllOf``,
``200Response``, a union's variants by position, identically shaped models with a common name
prefix); each such match is reported as a lossy ``model-name`` finding. Between two outputs of
one generator these rules are off: there a different name is drift.

Every :class:`Finding` has a ``kind`` (what differs) and a ``category`` (why it probably
differs): ``drift`` is a real difference between the sources; every other category names a
known way a lossy source (OpenAPI Generator's docs and classes) flattens or drops what the
other sources state, see :data:`CATEGORIES`. Only ``drift`` makes the check fail.
"""

from __future__ import annotations

import fnmatch
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from generator.compare.matching import MapEntry, Matching, match, module_path
from generator.compare.names import bare_name, name_key
from generator.compare.parity_sdk import CATEGORIES as SDK_CATEGORIES
from generator.compare.parity_sdk import (
    default_category,
    format_category,
    is_params,
    missing_category,
    nullable_category,
    required_category,
)
from generator.ir import (
    AliasModel,
    Const,
    EnumModel,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    field_nullable,
    resolve,
    resolve_name,
)
from generator.ir import type_text as ir_type_text
from generator.naming import words
from generator.sources import is_sdk

# What differs. Model-level kinds have no field.
KINDS: dict[str, str] = {
    "model-missing": "the model exists in some sources only",
    "model-name": "the model is named differently (matched by the inline-schema naming rules)",
    "model-kind": "the model is an object in one source and an enum, union or alias in another",
    "field-missing": "the field exists in some sources only",
    "wire-name": "the JSON key differs (between sources that state JSON keys)",
    "type": "the field's (or alias's) type differs",
    "required": "the field is required in some sources, optional in others",
    "nullable": "null is allowed in some sources, not in others",
    "enum-values": "the enum's values differ",
    "enum-base": "the enum's base type differs",
    "default": "the default value differs",
    "const": "the field's constant value differs (between sources that state constants)",
    "variants": "the union's variants differ",
}

# Why it differs. Everything but "drift" is a known lossiness of one of the sources.
CATEGORIES: dict[str, str] = {
    "drift": "a real difference between the sources",
    "undeclared-required": (
        "a key the spec lists in `required` but never declares in `properties`: modelgen makes"
        " it a free-form field (with a warning), OpenAPI Generator and SDKs leave it out"
    ),
    "flattened": (
        "a union (oneOf/anyOf) in one source is a single object in another: OpenAPI Generator's"
        " PHP and Dart generators merge all variants' properties into one class"
    ),
    "enum-as-base-type": (
        "one source types the value as an enum, another as the enum's base type (OpenAPI"
        " Generator keeps inline enums as plain strings; SDKs type open enums as `str`)"
    ),
    "inline-enum": (
        "an enum that is declared inline in a property of the spec; OpenAPI Generator does not"
        " make a model of it"
    ),
    "alias-inlined": (
        "a named array, map or primitive: OpenAPI Generator (and SDKs) write its target type in"
        " place and make no model of it"
    ),
    "generator-default": (
        "a default no spec states: OpenAPI Generator's Dart generator gives every list and map"
        " an empty default (`const []`, `const {}`)"
    ),
    "inline-name": (
        "a schema declared inline gets a generated name, and generators differ: OpenAPI"
        " Generator says `Inner` for array items, `AllOf` for allOf parts and puts the status"
        " code in response names"
    ),
    "empty-table": (
        "an enum, alias or union that markdown docs show as an empty property table (the docs"
        " cannot say which it is)"
    ),
    "nullable-ref": (
        "null allowed by the schema a property refers to, which OpenAPI Generator does not"
        " carry onto the property"
    ),
    "container-default": (
        "a non-empty list or map default, which OpenAPI Generator's PHP and Dart generators drop"
    ),
    "null-default": "a `default: null`, which OpenAPI Generator's docs do not print",
    "alias-default": (
        "a default declared on a named alias the field refers to; OpenAPI Generator copies it"
        " onto the field"
    ),
    "model-default": (
        "a default of a field typed by a union or object model, which OpenAPI Generator's docs"
        " do not print"
    ),
    "same-shape": (
        "two identically shaped models under different names: OpenAPI Generator reuses the"
        " first of several identical inline schemas, and makes a new model of a `$ref` wrapped"
        " in `allOf` beside a description"
    ),
    "form-body": (
        "a multipart/form-data request body (it has a file field) or a schema inside one:"
        " OpenAPI Generator makes operation parameters of it, not a model"
    ),
    "no-properties": (
        "an object schema with no properties, which OpenAPI Generator treats as a free-form"
        " object rather than a model"
    ),
    "parameter-schema": (
        "a model OpenAPI Generator made of an operation parameter's inline schema (named"
        " `<Operation><Name>Parameter`); a spec's models are its schemas and bodies"
    ),
    "any-spelling": (
        "a free-form value spelt as an untyped object in one source and as any JSON in another"
    ),
    "discriminator-tag": (
        "the discriminator's property, holding the variant's tag, on a variant whose schema"
        " does not declare it: the union's discriminator says every value carries it"
        " (datamodel-code-generator adds it to the variant as a `Literal` field)"
    ),
}

CATEGORIES.update(SDK_CATEGORIES)

Status = Literal["ok", "lossy", "drift", "missing"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference. ``values`` has one entry per source: how that source states the thing,
    or ``None`` where the source lacks it or cannot know it. ``odd`` are the indexes of the
    sources that differ from the rest (the majority; with no majority, every source)."""

    model: str
    field: str | None
    kind: str
    category: str
    values: tuple[str | None, ...]
    odd: tuple[int, ...]
    message: str
    ignored: str | None = None  # the reason of the ignore rule that matched
    # The sources whose lossiness would explain the difference (an SDK, docs that state less
    # than a spec): a finding of a lossy category marks only these (see ModelReport.status).
    lossy_in: tuple[int, ...] = ()

    @property
    def is_drift(self) -> bool:
        return self.category == "drift" and self.ignored is None

    def marks(self, index: int) -> bool:
        """Whether the finding counts against source ``index``: drift against the sources that
        differ from the rest, a lossiness against the lossy sources only."""
        if self.category == "drift":
            return index in self.odd
        return index in (self.lossy_in or self.odd)


@dataclass(frozen=True, slots=True)
class ModelReport:
    name: str  # display name: the name in the first source that has the model
    names: tuple[str | None, ...]  # the model's name in each source, None where absent
    findings: tuple[Finding, ...]

    def status(self, index: int) -> Status:
        if self.names[index] is None:
            return "missing"
        worst: Status = "ok"
        for finding in self.findings:
            if finding.ignored is not None or not finding.marks(index):
                continue
            if finding.category == "drift":
                return "drift"
            worst = "lossy"
        return worst

    @property
    def drift(self) -> int:
        return sum(1 for f in self.findings if f.is_drift)

    @property
    def lossy(self) -> int:
        return sum(1 for f in self.findings if f.ignored is None and f.category != "drift")

    @property
    def ignored(self) -> int:
        return sum(1 for f in self.findings if f.ignored is not None)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    label: str
    path: str
    title: str | None
    version: str | None
    knows: tuple[str, ...]
    models: int
    kind: str | None = None  # the source kind that read it
    matching: Matching | None = None  # an SDK's classes paired with the reference's models
    reference: int | None = None  # with ``matching``: the index of the reference source


@dataclass(frozen=True, slots=True)
class ParityReport:
    sources: tuple[SourceInfo, ...]
    models: tuple[ModelReport, ...]  # sorted by display name (case-insensitive), then name

    def findings(self) -> Iterable[Finding]:
        for model in self.models:
            yield from model.findings

    @property
    def in_parity(self) -> bool:
        return not any(f.is_drift for f in self.findings())

    def counts(self) -> dict[str, int]:
        findings = list(self.findings())
        return {
            "models": len(self.models),
            "models_in_parity": sum(1 for m in self.models if m.drift == 0),
            "models_with_drift": sum(1 for m in self.models if m.drift > 0),
            "findings": len(findings),
            "drift": sum(1 for f in findings if f.is_drift),
            "lossy": sum(1 for f in findings if f.ignored is None and f.category != "drift"),
            "ignored": sum(1 for f in findings if f.ignored is not None),
        }

    def by_category(self) -> dict[str, int]:
        return dict(sorted(Counter(f.category for f in self.findings() if not f.ignored).items()))

    def by_kind(self, category: str | None = None) -> dict[str, int]:
        return dict(
            sorted(
                Counter(
                    f.kind
                    for f in self.findings()
                    if not f.ignored and (category is None or f.category == category)
                ).items()
            )
        )


# --- names ----------------------------------------------------------------------------------


def _model_key(name: str) -> str:
    """The key of a model name (:func:`~generator.compare.names.name_key`, qualified)."""
    return name_key(name, qualified=True)


def _field_key(name: str) -> str:
    """The key of a property name (:func:`~generator.compare.names.name_key`, not qualified:
    a ``.`` in a JSON key is no package)."""
    return name_key(name, qualified=False)


def _keyed(names: Iterable[str], key_of: Callable[[str], str] = _model_key) -> dict[str, str]:
    """key -> name, deterministic when two names of one source share a key (the later ones
    keep their exact name as key, so they are never merged silently)."""
    result: dict[str, str] = {}
    for name in names:
        key = key_of(name)
        if key in result:
            key = f"{key}~{name}"
        result[key] = name
    return result


# --- types ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Side:
    """One source seen by the comparison."""

    index: int
    models: ModelSet
    keyed: dict[str, Model]  # model key -> model
    keys: dict[str, str]  # model name -> model key
    knows: frozenset[str]
    renamed: dict[str, str] = field(default_factory=dict)  # key -> the key it was matched to
    sdk: bool = False  # model code modelgen did not write, its classes matched by convention
    bases: frozenset[str] = frozenset()  # the models other models are built from (allOf)
    open_enums: frozenset[str] = frozenset()  # enums that are members of a union with string
    # model name -> the field keys of the models built on it (allOf, or a subclass)
    derived: dict[str, frozenset[str]] = field(default_factory=dict)
    # model name -> {field key: the tag (spelt as constants are) a discriminator's mapping
    # gives the model}, see _discriminator_tags
    tags: dict[str, dict[str, str]] = field(default_factory=dict)

    def key(self, name: str) -> str:
        key = self.keys.get(name) or self.keys.get(bare_name(name)) or _model_key(name)
        return self.renamed.get(key, key)

    def rekey(self, key: str, target: str) -> None:
        """Move the model under ``key`` to ``target`` (a match across sources)."""
        model = self.keyed.pop(key)
        self.keyed[target] = model
        self.keys[model.name] = target
        self.renamed[key] = target

    def model(self, name: str) -> Model | None:
        return self.keyed.get(self.key(name))

    def resolve(self, ref: TypeRef) -> TypeRef:
        """Follow refs to aliases (with a cycle guard)."""
        return resolve(ref, self.model)[0]

    def expand(self, ref: TypeRef) -> TypeRef:
        """Follow refs to aliases and to unions of one variant (listed once or more), which
        admit what the variant admits and nothing else (with a cycle guard)."""
        seen: set[str] = set()
        ref = self.resolve(ref)
        while isinstance(ref, Ref) and ref.name not in seen:
            model = self.model(ref.name)
            if not isinstance(model, UnionModel) or len(set(model.variants)) != 1:
                break
            seen.add(ref.name)
            ref = self.resolve(model.variants[0])
        return ref


def _side(index: int, models: ModelSet) -> _Side:
    by_name = models.by_name()
    keys = {name: key for key, name in _keyed(m.name for m in models.models).items()}
    return _Side(
        index=index,
        models=models,
        keyed={key: by_name[name] for name, key in keys.items()},
        keys=keys,
        knows=models.knows,
        sdk=is_sdk(models),
        bases=frozenset(b for m in models.models if isinstance(m, ObjectModel) for b in m.bases),
        derived=_derived_fields(models),
        tags=_discriminator_tags(models),
        open_enums=frozenset(
            v.name
            for m in models.models
            if isinstance(m, UnionModel) and Primitive("string") in m.variants
            for v in m.variants
            if isinstance(v, Ref)
        ),
    )


def _discriminator_tags(models: ModelSet) -> dict[str, dict[str, str]]:
    """Model name -> {field key: tag}: the one value the discriminators of the unions that
    hold a model give its discriminator property (a model two tags of one property map to has
    none for it). Every value of that variant carries the property with that tag, whether
    the model's own schema declares the property or not."""
    by_name = models.by_name()
    found: dict[str, dict[str, set[str]]] = {}
    for model in models.models:
        if not isinstance(model, UnionModel) or model.discriminator is None:
            continue
        prop = _field_key(model.discriminator.property)
        for tag, name in model.discriminator.mapping:
            target = resolve_name(name, by_name.get)
            found.setdefault(target, {}).setdefault(prop, set()).add(_const_text(Const(tag)))
    return {
        name: {prop: next(iter(tags)) for prop, tags in props.items() if len(tags) == 1}
        for name, props in found.items()
    }


def _derived_fields(models: ModelSet) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for model in models.models:
        if isinstance(model, ObjectModel):
            for base in model.bases:
                found.setdefault(base, set()).update(_field_key(f.name) for f in model.fields)
    return {name: frozenset(keys) for name, keys in found.items()}


def _matched_side(sdk: _Side, reference: _Side, matching: Matching) -> _Side:
    """The SDK's side keyed like the reference: a matched class under its model's key, a twin
    only as a name that means the model (it is not compared again), every other class under a
    key of its own that no reference model has."""
    keyed: dict[str, Model] = {}
    keys: dict[str, str] = {}
    primary = {m.sdk: reference.key(m.model) for m in matching.matches if not m.twin}
    twins = {m.sdk: reference.key(m.model) for m in matching.matches if m.twin}
    for model in sdk.models.models:
        if model.name in twins:
            keys[model.name] = twins[model.name]
            continue
        key = primary.get(model.name)
        if key is None:
            key = _model_key(model.name)
            if key in keyed or key in reference.keyed or key in primary.values():
                key = f"{key}~{model.name}"
        keyed[key] = model
        keys[model.name] = key
    return replace(sdk, keyed=keyed, keys=keys, renamed={})


def inline_name_key(name: str) -> str:
    """A looser key for the names generators invent for inline schemas: OpenAPI Generator
    calls array items ``Inner`` (others ``Item``), names allOf parts ``AllOf``, and puts the
    status code in response names (``Delete200Response``)."""
    key = "".join({"inner": "item"}.get(w, w) for w in words(bare_name(name)))
    key = key.replace("allof", "")
    return re.sub(r"(?<=[a-z])[1-5][0-9][0-9](?=response)", "", key)


def _variant_marked_key(name: str) -> str:
    """:func:`inline_name_key` with a union variant's position marked the same way whether a
    generator spells it ``OneOf``/``OneOf1`` or a number (``Input3Item``, ``InputOneOfInner``)."""
    key = inline_name_key(name)
    key = re.sub(r"(?:oneof|anyof)\d*(?=item)", "#", key)
    return re.sub(r"(?<=[a-z])\d+(?=item)", "#", key)


_VARIANT = re.compile(
    r"(?P<base>.+?)(?:oneof|anyof|option)(?P<n>\d*)|(?P<base2>.+?[a-z])(?P<n2>\d+)"
)


def _variant_key(name: str) -> tuple[str, int] | None:
    """``MessageStreamEventOneOf2`` -> (messagestreamevent, 2); ``MessageStreamEvent3`` ->
    (messagestreamevent, 3): the names generators give the inline variants of a union."""
    match = _VARIANT.fullmatch(inline_name_key(name))
    if match is None:
        return None
    if match["base"] is not None:
        return match["base"], int(match["n"] or 0)
    return match["base2"], int(match["n2"])


_NUMBERED_VARIANT = re.compile(r"(?:oneof|anyof)(\d*)")


def _match_union_variants(sides: Sequence[_Side]) -> None:
    """Pair a union's inline variants (declared in place in a spec, whatever their names)
    with OpenAPI Generator's ``<Union>OneOf``, ``<Union>OneOf1``..., in order, when the counts
    agree."""
    for a in sides:
        if "composition" not in a.knows:
            continue
        for union in [m for m in a.keyed.values() if isinstance(m, UnionModel)]:
            inline: list[tuple[int, str]] = []
            for position, variant in enumerate(union.variants):
                model = a.model(variant.name) if isinstance(variant, Ref) else None
                if model is not None and model.inline:
                    inline.append((position, a.key(model.name)))
            if not inline:
                continue
            prefix = inline_name_key(union.name)
            for b in sides:
                if b is a or any(key in b.keyed for _, key in inline):
                    continue
                numbered: list[tuple[int, str]] = []
                for key, model in b.keyed.items():
                    loose = inline_name_key(model.name)
                    rest = _NUMBERED_VARIANT.fullmatch(loose[len(prefix) :])
                    if key not in a.keyed and loose.startswith(prefix) and rest is not None:
                        numbered.append((int(rest.group(1) or 0), key))
                if len(numbered) != len(inline):
                    continue
                for (_, target), (_, key) in zip(sorted(inline), sorted(numbered), strict=True):
                    b.rekey(key, target)


def _match_numbered_variants(sides: Sequence[_Side]) -> None:
    """Pair the inline variants of one union across sources, in order, when every source
    that has some of them has the same number of them."""
    everywhere = set.intersection(*(set(side.keyed) for side in sides))
    groups: dict[str, dict[int, list[tuple[int, str]]]] = {}
    for side in sides:
        for key, model in side.keyed.items():
            variant = _variant_key(model.name) if key not in everywhere else None
            if variant is not None:
                base, number = variant
                groups.setdefault(base, {}).setdefault(side.index, []).append((number, key))
    for per_side in groups.values():
        counts = {len(members) for members in per_side.values()}
        if len(per_side) < 2 or len(counts) != 1:
            continue
        ordered = [sorted(per_side[i]) for i in sorted(per_side)]
        for position in range(len(ordered[0])):
            target = ordered[0][position][1]
            for side_index, members in zip(sorted(per_side)[1:], ordered[1:], strict=True):
                side = next(s for s in sides if s.index == side_index)
                key = members[position][1]
                if key == target or target in side.keyed:
                    continue
                side.rekey(key, target)


def _match_by_shape(sides: Sequence[_Side]) -> None:
    """Pair models that one source has and another lacks when they have the same non-trivial
    shape and share a name prefix (a union's inline variants, named by title in one source
    and by position in another), and the pairing is unique."""
    for position, a in enumerate(sides):
        for b in sides[position + 1 :]:
            only_a = [k for k in a.keyed if k not in b.keyed]
            only_b = [k for k in b.keyed if k not in a.keyed]
            buckets: dict[str, tuple[list[str], list[str]]] = {}
            for side, keys, slot in ((a, only_a, 0), (b, only_b, 1)):
                for key in keys:
                    model = side.keyed[key]
                    if isinstance(model, ObjectModel) and model.fields:
                        buckets.setdefault(_shape(side, model), ([], []))[slot].append(key)
            for in_a, in_b in buckets.values():
                if len(in_a) != 1 or len(in_b) != 1:
                    continue
                x, y = in_a[0], in_b[0]
                prefix = next(
                    (i for i, (c, d) in enumerate(zip(x, y, strict=False)) if c != d),
                    min(len(x), len(y)),
                )
                if prefix < 8:
                    continue
                b.rekey(y, x)


def _match_inline_names(sides: Sequence[_Side], loose: Callable[[str], str]) -> None:
    """Unify models that only some sources have under one key when their ``loose`` keys
    agree, each source has at most one of them, and no source has two."""
    everywhere = set.intersection(*(set(side.keyed) for side in sides))
    groups: dict[str, list[tuple[_Side, str]]] = {}
    for side in sides:
        for key, model in side.keyed.items():
            if key not in everywhere:
                groups.setdefault(loose(model.name), []).append((side, key))
    for members in groups.values():
        owners = [side.index for side, _ in members]
        if len(members) < 2 or len(set(owners)) != len(owners):
            continue
        if len({key for _, key in members}) < 2:
            continue
        target = members[0][1]
        if any(target in side.keyed for side, key in members if key != target):
            continue
        for side, key in members:
            if key != target:
                side.rekey(key, target)


def _text_policy(
    side: _Side, formats: bool, erase_enums: bool, spell: Callable[[Ref, Model | None], str]
) -> Callable[[TypeRef], str]:
    """How types are spelt in one source (:func:`generator.ir.type_text`): aliases resolved
    at every level, and unions of one variant spelt as it (:meth:`_Side.expand`), formats only
    when every compared source knows them, no ``set[...]`` (not every source states
    uniqueness), enums erased to their base type on request, and other references spelt by
    ``spell`` (the reference and the model it names, if any)."""

    def ref(r: Ref) -> str:
        model = side.model(r.name)
        if erase_enums and isinstance(model, EnumModel):
            return model.base
        return spell(r, model)

    def text(t: TypeRef) -> str:
        return ir_type_text(t, formats=formats, sets=False, ref=ref, expand=side.expand)

    return text


def type_text(side: _Side, ref: TypeRef, formats: bool, erase_enums: bool) -> str:
    """The canonical spelling of a type in one source, for showing: models by their name."""

    def name(r: Ref, model: Model | None) -> str:
        return model.name if model is not None else bare_name(r.name)

    return _text_policy(side, formats, erase_enums, name)(ref)


def _type_key(side: _Side, ref: TypeRef, formats: bool, erase_enums: bool) -> str:
    """Like :func:`type_text`, with model names replaced by their keys (for comparing)."""

    def key(r: Ref, _: Model | None) -> str:
        return f"@{side.key(r.name)}"

    return _text_policy(side, formats, erase_enums, key)(ref)


def _is_free_form(text: str) -> bool:
    return text in ("any", "map[any]")


# --- values ---------------------------------------------------------------------------------


def _const_text(const: Const | None) -> str:
    """A JSON spelling in which 1 and 1.0 agree and True and 1 do not."""
    if const is None:
        return "(none)"

    def norm(value: object) -> object:
        if isinstance(value, float) and math.isfinite(value) and value == int(value):
            return int(value)
        if isinstance(value, list):
            return [norm(v) for v in value]
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items()}
        return value

    return json.dumps(norm(const.value), sort_keys=True, ensure_ascii=False)


def _nullable_text(value: Nullable) -> str | None:
    return None if value is Nullable.UNKNOWN else value.value


# --- the comparison -------------------------------------------------------------------------


def _odd(values: Sequence[str | None]) -> tuple[int, ...]:
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    counts = Counter(v for _, v in known)
    top = max(counts.values())
    leaders = [v for v in counts if counts[v] == top]
    if len(leaders) > 1 or top * 2 <= len(known):
        return tuple(i for i, _ in known)
    majority = leaders[0]
    return tuple(i for i, v in known if v != majority)


def _differs(values: Sequence[str | None]) -> bool:
    return len({v for v in values if v is not None}) > 1


class _Collector:
    def __init__(
        self,
        model: str,
        sides: Sequence[_Side],
        equivalent: dict[tuple[int, str], str],
        mixed: bool,
    ) -> None:
        self.mixed = mixed  # the sources name inline schemas differently (see compare)
        self.sides = sides
        self.sdk = any(side.sdk for side in sides)  # an SDK takes part: its categories apply
        count = len(sides)
        self.model = model
        self.count = count
        self.findings: list[Finding] = []
        # (source index, model key) -> the category that explains the model's absence elsewhere
        self.equivalent = equivalent

    def add(
        self,
        field_name: str | None,
        kind: str,
        values: Sequence[str | None],
        message: str,
        category: str = "drift",
        odd: tuple[int, ...] | None = None,
    ) -> None:
        odd = _odd(values) if odd is None else odd
        self.findings.append(
            Finding(
                model=self.model,
                field=field_name,
                kind=kind,
                category=category,
                values=tuple(values),
                odd=odd,
                message=message,
                lossy_in=self.lossy_in(odd),
            )
        )

    def lossy_in(self, odd: tuple[int, ...]) -> tuple[int, ...]:
        """Which of the differing sources a lossiness would be: the SDKs among them, else
        those that state less than another source (docs beside a spec), else all of them."""
        sdks = tuple(i for i in odd if self.sides[i].sdk)
        if sdks:
            return sdks
        less = tuple(i for i in odd if any(self.sides[i].knows < s.knows for s in self.sides))
        return less or odd


def _spread(count: int, pairs: Iterable[tuple[int, str | None]]) -> list[str | None]:
    values: list[str | None] = [None] * count
    for index, value in pairs:
        values[index] = value
    return values


def _missing_model_category(present: Sequence[tuple[_Side, Model]]) -> str:
    """Why a model is absent from some sources, when a known lossiness explains it."""
    models = [m for _, m in present]
    if all(isinstance(m, AliasModel) for m in models):
        return "alias-inlined"
    if all(_in_form_body(side, m) for side, m in present):
        return "form-body"
    if all(isinstance(m, ObjectModel) and not m.fields and m.additional is None for m in models):
        if all("composition" in side.knows for side, _ in present):
            return "no-properties"
    if all(m.name.endswith("Parameter") and "operations" not in s.knows for s, m in present):
        return "parameter-schema"
    if all(isinstance(m, EnumModel) and m.inline for m in models):
        return "inline-enum"
    return "drift"


def _in_form_body(side: _Side, model: Model) -> bool:
    """A request body with a file field (sent as multipart/form-data), or a schema declared
    inside one: OpenAPI Generator turns its properties into operation parameters."""
    pointer = model.source.pointer
    parts = pointer.split("/")
    root_name = parts[3] if pointer.startswith("/components/schemas/") and len(parts) > 3 else None
    root = side.keyed.get(side.key(root_name)) if root_name else model
    if not isinstance(root, ObjectModel) or root.name not in side.models.request_roots:
        return False
    return any(isinstance(f.type, Primitive) and f.type.format == "binary" for f in root.fields)


def _compare_models(
    sides: Sequence[_Side],
    key: str,
    count: int,
    equivalent: dict[tuple[int, str], str],
    mixed: bool,
) -> ModelReport:
    present = [(s, s.keyed[key]) for s in sides if key in s.keyed]
    names = _spread(count, ((s.index, m.name) for s, m in present))
    display = present[0][1].name
    out = _Collector(display, sides, equivalent, mixed)

    if len(present) < count:
        values = ["present" if n is not None else None for n in names]
        missing = tuple(i for i, n in enumerate(names) if n is None)
        if out.sdk:
            category = missing_category(
                [(s.sdk, m, module_path(m, s.models)) for s, m in present],
                frozenset().union(*(s.bases for s, _ in present)),
            )
        else:
            category = _missing_model_category(present)
        out.add(
            None,
            "model-missing",
            values,
            f"missing from {len(missing)} of {count} sources",
            category,
            odd=missing,
        )

    # An SDK's classes have names of their own (matched by the SDK rules, and so reported).
    spellings = {_model_key(m.name) for s, m in present if not s.sdk}
    if len(spellings) > 1:
        values = _spread(count, ((s.index, m.name) for s, m in present))
        out.add(None, "model-name", values, "named differently", "inline-name")

    kinds = {m.kind for _, m in present}
    if kinds == {"union", "alias"} and all("composition" in s.knows for s, _ in present):
        # An alias is a union of one variant: compare the variants.
        present = [(s, _alias_as_union(m)) for s, m in present]
        kinds = {"union"}
    if len(kinds) > 1:
        values = _spread(count, ((s.index, m.kind) for s, m in present))
        category = _kind_category(present)
        if category == "flattened":
            # An alias to an inline object, merged into the model: the target is explained.
            for side, model in present:
                if isinstance(model, AliasModel) and isinstance(model.target, Ref):
                    out.equivalent[(side.index, side.key(model.target.name))] = "flattened"
        out.add(None, "model-kind", values, "different kinds of model", category)
        # Compare what the models of the majority kind share; the others are reported above.
        majority = Counter(m.kind for _, m in present).most_common(1)[0][0]
        present = [(s, m) for s, m in present if m.kind == majority]

    if len(present) >= 2:
        before = len(out.findings)
        _compare_same_kind(present, count, out)
        if any(f.kind == "model-kind" and f.category == "flattened" for f in out.findings):
            # The objects compared are each a generator's merge of the union's variants.
            out.findings[before:] = [
                replace(f, category="flattened") if f.category == "drift" else f
                for f in out.findings[before:]
            ]
    return ModelReport(display, tuple(names), tuple(out.findings))


def _alias_as_union(model: Model) -> Model:
    """An alias as the union of one variant it is (other models as they are)."""
    if not isinstance(model, AliasModel):
        return model
    return UnionModel(
        model.name,
        (model.target,),
        nullable=model.nullable,
        description=model.description,
        deprecated=model.deprecated,
        source=model.source,
        inline=model.inline,
    )


def _kind_category(present: Sequence[tuple[_Side, Model]]) -> str:
    """Why one model is an object in some sources and something else in others."""
    objects = [(s, m) for s, m in present if isinstance(m, ObjectModel)]
    if not objects or any("composition" in s.knows for s, _ in objects):
        return "drift"
    other = {m.kind for _, m in present} - {"object"}
    if all(not m.fields for _, m in objects) and all(
        "enum_values" not in s.knows for s, _ in objects
    ):
        return "empty-table"
    if other <= {"union", "alias"}:
        return "flattened"
    return "drift"


def _compare_same_kind(present: Sequence[tuple[_Side, Model]], count: int, out: _Collector) -> None:
    # A model's own nullability is compared where it matters, at its uses (see
    # _effective_nullable): code states it there, a spec may state it on the schema.
    first = present[0][1]
    if isinstance(first, ObjectModel):
        _compare_fields([(s, m) for s, m in present if isinstance(m, ObjectModel)], count, out)
    elif isinstance(first, EnumModel):
        _compare_enums([(s, m) for s, m in present if isinstance(m, EnumModel)], count, out)
    elif isinstance(first, UnionModel):
        _compare_unions([(s, m) for s, m in present if isinstance(m, UnionModel)], count, out)
    elif isinstance(first, AliasModel):
        aliases = [(s, m) for s, m in present if isinstance(m, AliasModel)]
        _compare_types(None, [(s, m.target) for s, m in aliases], count, out)


def _enum_value_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _open_enum(side: _Side, enum: EnumModel) -> bool:
    """The enum is a member of a union that admits any string (an open enum)."""
    return side.model(enum.name) is enum and enum.name in side.open_enums


def _value_base(enum: EnumModel) -> str:
    """An enum's base type as its values have it: a number enum of whole numbers only admits
    the values an integer enum of them admits (JSON Schema: ``1.0`` is an integer)."""
    values = [v.value for v in enum.values or () if v.value is not None]
    if enum.base == "number" and values:
        if all(
            isinstance(v, (int, float))
            and not isinstance(v, bool)
            and math.isfinite(v)
            and v == int(v)
            for v in values
        ):
            return "integer"
    return enum.base


def _compare_enums(present: Sequence[tuple[_Side, EnumModel]], count: int, out: _Collector) -> None:
    bases = [(s.index, m.base) for s, m in present]
    if _differs([_value_base(m) for _, m in present]):
        out.add(None, "enum-base", _spread(count, bases), "enum base types differ")
    known = [(s, m) for s, m in present if m.values is not None and "enum_values" in s.knows]
    sets = {s.index: frozenset(_enum_value_text(v.value) for v in m.values or ()) for s, m in known}
    texts = [(i, ", ".join(sorted(v))) for i, v in sets.items()]
    if _differs([t for _, t in texts]):
        union = frozenset().union(*sets.values())
        parts = []
        for i, values in sets.items():
            lacking = sorted(union - values)
            if lacking:
                parts.append(f"source {i + 1} lacks {', '.join(lacking)}")
        # Where an SDK takes part and either source lists the values of an open enum, any
        # string is valid in both: the values are documentation.
        opened = out.sdk and any(_open_enum(s, m) for s, m in known)
        category = "open-enum" if opened else "drift"
        out.add(None, "enum-values", _spread(count, texts), "; ".join(parts), category)


def _member_key(side: _Side, variant: TypeRef, formats: bool, tagged: bool = False) -> str:
    """A union member's key: the constants of an object (``type=message``; with none, its
    JSON keys), the values of an enum, else its type's. ``tagged``: an object's constants
    include the tags discriminators give it (see :func:`_discriminator_tags`) for properties
    it states no constant for."""
    model = side.model(variant.name) if isinstance(variant, Ref) else None
    if isinstance(model, ObjectModel):
        stated = {_field_key(f.name): _const_text(f.const) for f in model.fields if f.const}
        implied = side.tags.get(model.name, {}) if tagged else {}
        constants = sorted(f"{k}={v}" for k, v in (implied | stated).items())
        if constants:
            return "{" + ",".join(constants) + "}"
        return "{" + ",".join(sorted(_field_key(f.name) for f in model.fields)) + "}"
    if isinstance(model, EnumModel) and model.values is not None:  # by its values
        return "enum[" + ",".join(sorted(_enum_value_text(v.value) for v in model.values)) + "]"
    return _type_key(side, variant, formats, erase_enums=False)


def _sdk_variants(side: _Side, union: UnionModel) -> tuple[TypeRef, ...]:
    """A union's members as an SDK comparison sees them: members that are unions replaced by
    theirs (SDKs flatten nested unions), and enums of strings left out where a plain string is
    a member too (an open enum, ``Union[str, Literal[...]]``: any string is valid)."""
    flat: list[TypeRef] = []
    seen = {union.name}
    todo = list(union.variants)
    while todo:
        variant = side.resolve(todo.pop(0))
        model = side.model(variant.name) if isinstance(variant, Ref) else None
        if isinstance(model, UnionModel) and model.name not in seen:
            seen.add(model.name)
            todo[:0] = model.variants
        elif variant not in flat:
            flat.append(variant)
    if Primitive("number") in flat and Primitive("integer") in flat:
        flat.remove(Primitive("integer"))  # a number member admits integers
    if Primitive("string") in flat:
        flat = [
            v
            for v in flat
            if not (
                isinstance(v, Ref)
                and isinstance(side.model(v.name), EnumModel)
                and getattr(side.model(v.name), "base", None) == "string"
            )
        ]
    return tuple(flat)


def _member_keys(side: _Side, union: UnionModel, formats: bool, tagged: bool = False) -> str:
    """The keys of a union's members as an SDK comparison sees them (:func:`_member_key`)."""
    keys = {_member_key(side, v, formats, tagged) for v in _sdk_variants(side, union)}
    return "|".join(sorted(keys))


def _compare_unions(
    present: Sequence[tuple[_Side, UnionModel]], count: int, out: _Collector
) -> None:
    known = [(s, m) for s, m in present if "composition" in s.knows]
    if len(known) < 2:
        return
    formats = all("formats" in s.knows for s, _ in known)
    keys: dict[int, frozenset[str]] = {}
    texts: list[tuple[int, str]] = []
    for side, model in known:
        variants = _sdk_variants(side, model) if out.sdk else model.variants
        # An SDK's members that carry constants (a discriminator's value) are compared by
        # them: it may name a member by another class of that schema (a copy of it).
        keys[side.index] = frozenset(
            _member_key(side, v, formats) if out.sdk else _type_key(side, v, formats, False)
            for v in variants
        )

        shown = sorted(type_text(side, v, formats, erase_enums=False) for v in variants)
        texts.append((side.index, " | ".join(shown)))
    by_key = [(i, "|".join(sorted(k))) for i, k in keys.items()]
    # Members that agree once each object carries the tags discriminators give it: an SDK
    # types a variant's tag `Literal[...]` where the spec's schema leaves it a string.
    if _differs([k for _, k in by_key]) and not (
        out.sdk and not _differs([_member_keys(s, m, formats, True) for s, m in known])
    ):
        odd = _odd(_spread(count, by_key))
        category = "drift"
        if out.sdk:
            # the same members by type, named by other classes of their schemas; else
            # `int | str` for `int | Literal["auto"]`: an enum typed as its base type
            same, erased = (
                [
                    "|".join(sorted({_type_key(s, v, formats, erase) for v in m.variants}))
                    for s, m in known
                ]
                for erase in (False, True)
            )
            if not _differs(same):
                category = "same-shape"
            elif not _differs(erased):
                category = "enum-as-base-type"
            elif formats:  # `int | str` for `integer(int64) | string(nonce)`
                plain = [_member_keys(s, m, False) for s, m in known]
                stated = [(s.sdk, _member_keys(s, m, True)) for s, m in known]
                category = format_category(plain, stated)
        out.add(None, "variants", _spread(count, texts), "union variants differ", category, odd=odd)


# Words OpenAPI Generator spells some characters of a property name with, in some languages
# only (`hate/threatening` is Dart's `hateSlashThreatening` and PHP's `hate_threatening`).
_CHARACTER_WORDS = frozenset(
    {
        "slash",
        "period",
        "minus",
        "plus",
        "colon",
        "dollar",
        "hash",
        "percent",
        "ampersand",
        "star",
        "caret",
        "pipe",
        "equal",
        "exclamation",
        "semicolon",
        "comma",
        "tilde",
        "backtick",
    }
)


def _loose_key(name: str) -> str:
    return "".join(w for w in words(name) if w not in _CHARACTER_WORDS)


def _merge_spelled_characters(keyed: list[tuple[_Side, dict[str, Field]]]) -> None:
    """Match fields that only some sources have, when their names agree once character words
    are dropped and no source has both (so nothing is merged that one source keeps apart)."""
    everywhere = set.intersection(*(set(fields) for _, fields in keyed))
    groups: dict[str, list[str]] = {}
    for _, fields in keyed:
        for key, f in fields.items():
            if key not in everywhere:
                loose = _loose_key(f.name)
                if key not in groups.setdefault(loose, []):
                    groups[loose].append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        owners = [sum(1 for _, fields in keyed if key in fields) for key in keys]
        covered = sum(1 for _, fields in keyed if any(key in fields for key in keys))
        if sum(owners) != covered:
            continue  # some source has two of them: keep them apart
        target = keys[0]
        for _, fields in keyed:
            for key in keys[1:]:
                if key in fields:
                    fields[target] = fields.pop(key)


def _compare_fields(
    present: Sequence[tuple[_Side, ObjectModel]], count: int, out: _Collector
) -> None:
    keyed = [(side, _keyed_fields(model)) for side, model in present]
    _merge_spelled_characters(keyed)
    order: list[str] = []
    for _, fields in keyed:
        order.extend(k for k in fields if k not in order)
    for key in order:
        have = [(side, fields[key]) for side, fields in keyed if key in fields]
        display = _field_display(have)
        if len(have) < len(present):
            values = _spread(count, ((s.index, "present") for s, _ in have))
            absent = tuple(s.index for s, fields in keyed if key not in fields)
            holders = [
                (s, m) for (s, m), (_, fields) in zip(present, keyed, strict=True) if key in fields
            ]
            lacking = [
                (s, m)
                for (s, m), (_, fields) in zip(present, keyed, strict=True)
                if key not in fields
            ]
            # A field only an SDK's params class has: an operation's path or query parameter.
            params = out.sdk and all(
                s.sdk and is_params(m, module_path(m, s.models)) for s, m in holders
            )
            # A field the SDK declares on the classes built on this one (`stream` on
            # `...ParamsStreaming` and `...ParamsNonStreaming`, not on `...ParamsBase`).
            split = out.sdk and all(s.sdk and key in s.derived.get(m.name, ()) for s, m in lacking)
            # A key the spec requires without declaring it: the loader makes it a free-form
            # field (with a warning); OpenAPI Generator and the SDKs leave it out.
            undeclared = all(f.source.pointer.endswith("/required") for _, f in have)
            # The discriminator's property, with the model's tag, where the model's schema
            # does not declare it (the union's discriminator says every value carries it).
            implied = {s.tags.get(m.name, {}).get(key) for s, m in lacking}
            tagged = (
                len(implied) == 1
                and implied != {None}
                and {_const_text(f.const) for _, f in have} == implied
            )
            category = (
                "params-only"
                if params
                else "split-class"
                if split
                else "undeclared-required"
                if undeclared
                else "discriminator-tag"
                if tagged
                else "drift"
            )
            out.add(
                display,
                "field-missing",
                values,
                f"missing from {len(absent)} of {len(present)} sources that have the model",
                category,
                odd=absent,
            )
        if len(have) >= 2:
            # A spec's discriminator states the tag of each variant (an SDK reader's mapping is
            # inferred from code, Dart's freezed unions name a variant by its class).
            tags = {
                s.index: s.tags[m.name][key]
                for s, m in present
                if not s.sdk and key in s.tags.get(m.name, {})
            }
            _compare_field(display, have, count, out, tags)


def _keyed_fields(model: ObjectModel) -> dict[str, Field]:
    names = _keyed((f.name for f in model.fields), _field_key)
    by_name = {f.name: f for f in model.fields}
    return {key: by_name[name] for key, name in names.items()}


def _field_display(have: Sequence[tuple[_Side, Field]]) -> str:
    for side, f in have:
        if "wire_names" in side.knows:
            return f.name
    return have[0][1].name


def _compare_field(
    name: str,
    have: Sequence[tuple[_Side, Field]],
    count: int,
    out: _Collector,
    tags: Mapping[int, str] | None = None,
) -> None:
    """``tags``: source index -> the tag the source's discriminators give the field's model
    for it (the field's constant where the field states none)."""
    wire = [(s.index, f.name) for s, f in have if "wire_names" in s.knows]
    if _differs([w for _, w in wire]):
        out.add(name, "wire-name", _spread(count, wire), "JSON keys differ")

    _compare_types(name, [(s, f.type) for s, f in have], count, out)

    required = [(s.index, "required" if f.required else "optional") for s, f in have]
    if _differs([r for _, r in required]):
        category = "drift"
        if out.sdk:
            category = required_category(
                [(s.sdk, f.required, _effective_nullable(s, f)) for s, f in have]
            )
        out.add(
            name, "required", _spread(count, required), "required in some sources only", category
        )

    tags = tags or {}
    consts = [
        (s.index, _const_text(f.const) if f.const is not None else tags[s.index])
        for s, f in have
        if f.const is not None or s.index in tags
    ]
    if _differs([c for _, c in consts]):
        out.add(name, "const", _spread(count, consts), "constant values differ")

    nullable = [(s.index, _effective_nullable(s, f)) for s, f in have if "nullable" in s.knows]
    if _differs([n for _, n in nullable]):
        stated = [_nullable_text(f.nullable) for s, f in have if "nullable" in s.knows]
        # OpenAPI Generator does not carry a referenced schema's `nullable` onto the property.
        category = "nullable-ref" if out.mixed and not _differs(stated) else "drift"
        if out.sdk:
            known = [(s, f) for s, f in have if "nullable" in s.knows]
            category = nullable_category(
                [(s.sdk, f.required, _effective_nullable(s, f)) for s, f in known]
            )
        out.add(name, "nullable", _spread(count, nullable), "nullability differs", category)

    defaults = [(s, f.default) for s, f in have if "defaults" in s.knows]
    texts = [(s.index, _const_text(d)) for s, d in defaults]
    if _differs([t for _, t in texts]):
        # An empty list or map default on one side only is OpenAPI Generator's, not the spec's.
        plain = {i: "(none)" if t in ("[]", "{}") else t for i, t in texts}
        category = "drift" if _differs(list(plain.values())) else "generator-default"
        if category == "drift":
            category = _default_category(have, plain)
        if category == "drift" and out.sdk:
            category = default_category(
                [(s.sdk, f.required, plain[s.index]) for s, f in have if s.index in plain]
            )
            given = {t for t in plain.values() if t != "(none)"}
            only = {_only_value(s, f) for s, f in have} - {None}
            if category == "drift" and len(only) == 1 and given == only:
                category = "const-default"
            if category == "drift" and _default_of_type(have, plain):
                category = "model-default"
        out.add(name, "default", _spread(count, texts), "defaults differ", category)


def _default_of_type(have: Sequence[tuple[_Side, Field]], texts: dict[int, str]) -> bool:
    """Whether the sources that state no default type the field with a model whose own
    default is the one the others state (``$ref`` to an enum with ``default: medium``)."""
    stated = {t for t in texts.values() if t != "(none)"}
    silent = [(s, f) for s, f in have if texts.get(s.index) == "(none)"]
    if len(stated) != 1 or not silent:
        return False
    for side, f in silent:
        target = side.model(f.type.name) if isinstance(f.type, Ref) else None
        default = getattr(target, "default", None)
        if not isinstance(default, Const) or _const_text(default) not in stated:
            return False
    return True


def _only_value(side: _Side, f: Field) -> str | None:
    """The one value a field may have (its constant, or the value of a one-value enum that
    types it), spelt as defaults are; ``None`` when it may have several."""
    if f.const is not None:
        return _const_text(f.const)
    target = side.model(f.type.name) if isinstance(f.type, Ref) else None
    if isinstance(target, EnumModel) and target.values is not None and len(target.values) == 1:
        return _const_text(Const(target.values[0].value))
    return None


def _effective_nullable(side: _Side, f: Field) -> str | None:
    """Whether the field may be null: stated on the field, or on the model or alias its type
    names (a spec's ``type: [object, "null"]`` schema; code says it at the field)."""
    return _nullable_text(field_nullable(f, side.model, unknown=UnknownNull.UNSTATED))


def _default_category(have: Sequence[tuple[_Side, Field]], texts: dict[int, str]) -> str:
    """Why defaults differ, when a known lossiness explains it."""
    stated = {t for t in texts.values() if t != "(none)"}
    if stated == {"null"}:
        return "null-default"
    if len(stated - {"[]", "{}"}) == 1 and next(iter(stated - {"[]", "{}"}))[:1] in "[{":
        return "container-default"
    if len(stated) != 1:
        return "drift"
    silent = [(s, f) for s, f in have if texts.get(s.index) == "(none)"]
    targets = [s.model(f.type.name) if isinstance(f.type, Ref) else None for s, f in silent]
    if targets and all(isinstance(t, AliasModel) for t in targets):
        return "alias-default"
    if targets and all(t is not None and not isinstance(t, EnumModel) for t in targets):
        return "model-default"
    return "drift"


def _compare_types(
    name: str | None, have: Sequence[tuple[_Side, TypeRef]], count: int, out: _Collector
) -> None:
    formats = all("formats" in s.knows for s, _ in have)
    strict = [(s.index, _type_key(s, t, formats, erase_enums=False)) for s, t in have]
    if not _differs([k for _, k in strict]):
        return
    shown = _spread(count, ((s.index, type_text(s, t, formats, False)) for s, t in have))
    odd = _odd(_spread(count, strict))
    erased = [_type_key(s, t, formats, erase_enums=True) for s, t in have]
    category = "drift"
    if not _differs(erased):
        category = "enum-as-base-type"
    elif all(_is_free_form(k) for k in erased):
        category = "any-spelling"
    elif (out.mixed or out.sdk) and _same_shapes(have, out.equivalent):
        category = "same-shape"
    elif _unknown_tables(have, formats, out.equivalent if out.mixed else {}):
        category = "empty-table"
    elif out.sdk:
        category = _sdk_type_category(have, formats)
    out.add(name, "type", shown, "types differ", category, odd=odd)


def _sdk_type_category(have: Sequence[tuple[_Side, TypeRef]], formats: bool) -> str:
    """Why types differ where an SDK takes part: formats its language does not carry, an
    expandable id (``str | Customer``), an open enum (``str | Literal[...]``) typed ``str``."""
    opened = {_open_string(s, t) for s, t in have}
    if opened == {True}:
        return "enum-as-base-type"
    members = {_union_members(s, t, formats) for s, t in have}
    if len(members) == 1 and None not in members:
        return "same-shape"  # two names of one union: the same members
    if formats:
        plain = [_type_key(s, t, False, erase_enums=True) for s, t in have]
        texts = [(s.sdk, _type_key(s, t, True, erase_enums=True)) for s, t in have]
        if format_category(plain, texts) != "drift":
            return format_category(plain, texts)
    if _expandable(have):
        return "expandable-id"
    return "drift"


def _union_members(side: _Side, type_: TypeRef, formats: bool) -> str | None:
    """The member keys of the union a type (or its list's items) names, else ``None``."""
    end = side.resolve(type_)
    if isinstance(end, ListOf):
        inner = _union_members(side, end.item, formats)
        return None if inner is None else f"list[{inner}]"
    model = side.model(end.name) if isinstance(end, Ref) else None
    if not isinstance(model, UnionModel):
        return None
    keys = sorted(_member_key(side, v, formats) for v in _sdk_variants(side, model))
    return "|".join(keys)


def _open_string(side: _Side, type_: TypeRef) -> bool:
    """A string, or a union that admits any string (``str | Literal["a", "b"]``)."""
    end = side.resolve(type_)
    if end == Primitive("string"):
        return True
    model = side.model(end.name) if isinstance(end, Ref) else None
    if isinstance(model, EnumModel):
        return model.base == "string"
    return isinstance(model, UnionModel) and _sdk_variants(side, model) == (Primitive("string"),)


def _expandable(have: Sequence[tuple[_Side, TypeRef]]) -> bool:
    """One side types the field as a union of a string (the id) and an object, every other
    side as one of the two."""
    for side, type_ in have:
        end = side.resolve(type_)
        model = side.model(end.name) if isinstance(end, Ref) else None
        if not isinstance(model, UnionModel) or len(model.variants) != 2:
            continue
        keys = {_type_key(side, v, False, erase_enums=True) for v in model.variants}
        if "string" not in keys or not any(k.startswith("@") for k in keys):
            continue
        others = [_type_key(s, t, False, erase_enums=True) for s, t in have if s is not side]
        if others and all(k in keys for k in others):
            return True
    return False


def _same_shapes(
    have: Sequence[tuple[_Side, TypeRef]], equivalent: dict[tuple[int, str], str]
) -> bool:
    """True when the types differ only in which of two identically shaped models they name
    (OpenAPI Generator reuses the first of several identical inline schemas, and makes a new
    model of a ``$ref`` wrapped in ``allOf`` beside a description). The models involved are
    recorded in ``equivalent``, so their absence elsewhere is explained too."""
    pairs: list[tuple[_Side, str, _Side, str]] = []
    first_side, first_type = have[0]
    for side, type_ in have[1:]:
        if not _paired_refs(first_side, first_type, side, type_, pairs):
            return False
    if all(x == y for _, x, _, y in pairs):
        return False
    for a, x, b, y in pairs:
        if x == y:
            continue
        if y in a.keyed:
            same = _shapes_match(_shape(a, a.keyed[x]), _shape(a, a.keyed[y]))
        elif x in b.keyed:
            same = _shapes_match(_shape(b, b.keyed[x]), _shape(b, b.keyed[y]))
        else:
            same = _shapes_match(_shape(a, a.keyed[x]), _shape(b, b.keyed[y]))
        if not same:
            return False
    for a, x, b, y in pairs:
        _record_same_shape(a, x, b, y, equivalent, 0)
    return True


def _is_empty_table(side: _Side, model: Model | None) -> bool:
    """A model a lossy source shows with no properties: it may be an enum, alias or union."""
    return (
        isinstance(model, ObjectModel)
        and not model.fields
        and "composition" not in side.knows
        and "enum_values" not in side.knows
    )


def _wild_key(side: _Side, ref: TypeRef, formats: bool, found: list[str]) -> str:
    """The enum-erased type key with empty-table models as ``?``; their keys go to ``found``."""

    def key(r: Ref, model: Model | None) -> str:
        key = side.key(r.name)
        if _is_empty_table(side, model):
            found.append(key)
            return "?"
        return f"@{key}"

    return _text_policy(side, formats, True, key)(ref)


def _unknown_tables(
    have: Sequence[tuple[_Side, TypeRef]], formats: bool, equivalent: dict[tuple[int, str], str]
) -> bool:
    """True when the types differ only where a source names a model it shows as an empty
    table (whose kind it cannot state)."""
    found: dict[int, list[str]] = {}
    keys = []
    for side, type_ in have:
        found[side.index] = []
        keys.append(_wild_key(side, type_, formats, found[side.index]))
    if not any(found.values()):
        return False
    patterns = [re.compile(re.escape(k).replace(r"\?", ".+")) for k in keys]
    if not all(p.fullmatch(k) for p in patterns for k in keys if "?" not in k):
        return False
    for index, models in found.items():
        for key in models:
            equivalent.setdefault((index, key), "empty-table")
    return True


def _record_same_shape(
    a: _Side, x: str, b: _Side, y: str, equivalent: dict[tuple[int, str], str], depth: int
) -> None:
    """Record ``x`` of ``a`` and ``y`` of ``b`` as stand-ins for each other, and so the models
    their fields name, field by field."""
    if x == y or depth > 4:
        return
    equivalent[(a.index, x)] = equivalent[(b.index, y)] = "same-shape"
    mx, my = a.keyed.get(x), b.keyed.get(y)
    if not isinstance(mx, ObjectModel) or not isinstance(my, ObjectModel):
        return
    theirs = {_field_key(f.name): f for f in my.fields}
    for f in mx.fields:
        other = theirs.get(_field_key(f.name))
        pairs: list[tuple[_Side, str, _Side, str]] = []
        if other is not None and _paired_refs(a, f.type, b, other.type, pairs):
            for a2, x2, b2, y2 in pairs:
                _record_same_shape(a2, x2, b2, y2, equivalent, depth + 1)


def _paired_refs(
    a: _Side, x: TypeRef, b: _Side, y: TypeRef, pairs: list[tuple[_Side, str, _Side, str]]
) -> bool:
    x, y = a.resolve(x), b.resolve(y)
    if isinstance(x, ListOf) and isinstance(y, ListOf):
        return _paired_refs(a, x.item, b, y.item, pairs)
    if isinstance(x, MapOf) and isinstance(y, MapOf):
        return _paired_refs(a, x.value, b, y.value, pairs)
    if isinstance(x, Ref) and isinstance(y, Ref):
        kx, ky = a.key(x.name), b.key(y.name)
        if kx not in a.keyed or ky not in b.keyed:
            return False
        pairs.append((a, kx, b, ky))
        return True
    return _type_key(a, x, True, False) == _type_key(b, y, True, False)


def _shapes_match(one: str, other: str) -> bool:
    """Equal, where ``?`` (a model whose kind a source cannot state) matches anything."""
    if one == other:
        return True
    for pattern, text in ((one, other), (other, one)):
        if "?" in pattern and "?" not in text:
            regex = re.escape(pattern).replace(r"\?", ".*?")
            if re.fullmatch(regex, text):
                return True
    return False


def _shape(side: _Side, item: Model | TypeRef, depth: int = 0) -> str:
    """A structural spelling of a model or type, with names, formats and enums left out."""
    if isinstance(item, Ref):
        model = side.model(item.name)
        if model is None or depth >= 3:
            return "ref"
        return _shape(side, model, depth + 1)
    if isinstance(item, Primitive):
        return item.kind
    if isinstance(item, ListOf):
        return f"[{_shape(side, item.item, depth)}]"
    if isinstance(item, MapOf):
        return f"{{*:{_shape(side, item.value, depth)}}}"
    if isinstance(item, ObjectModel) and _is_empty_table(side, item):
        return "?"
    if isinstance(item, ObjectModel):
        inner = sorted(f"{_field_key(f.name)}:{_shape(side, f.type, depth)}" for f in item.fields)
        return "{" + ",".join(inner) + "}"
    if isinstance(item, EnumModel):
        return item.base
    if isinstance(item, AliasModel):
        return _shape(side, item.target, depth)
    return "(" + "|".join(sorted(_shape(side, v, depth) for v in item.variants)) + ")"


def _explain_missing(
    sides: Sequence[_Side], key: str, report: ModelReport, equivalent: dict[tuple[int, str], str]
) -> ModelReport:
    """A model missing from some sources whose every copy stands in for an identically
    shaped model of another source (found while comparing types) is explained."""
    holders = [s.index for s in sides if key in s.keyed]
    reasons = {equivalent.get((i, key)) for i in holders}
    if None in reasons or len(reasons) != 1:
        return report
    findings = tuple(
        replace(f, category=reasons.pop() or "drift")
        if f.kind == "model-missing" and f.category in ("drift", "no-class")
        else f
        for f in report.findings
    )
    return replace(report, findings=findings)


def source_labels(paths: Sequence[str]) -> list[str]:
    """Short distinct labels: the last path component, or more of the path where needed."""
    paths = [p.rstrip("/\\") or "source" for p in paths]
    for depth in range(1, 6):
        labels = ["/".join(p.replace("\\", "/").split("/")[-depth:]) for p in paths]
        if len(set(labels)) == len(labels):
            return labels
    return [f"{i + 1}:{p}" for i, p in enumerate(paths)]


def _match_sdks(
    sets: Sequence[ModelSet], sides: list[_Side], pinned: Sequence[MapEntry]
) -> dict[int, Matching]:
    """Pair each SDK's classes with the models of the reference (the first source that is no
    SDK, else the first), see :mod:`generator.compare.matching`; re-key the SDK's sides."""
    reference = next((s.index for s in sides if not s.sdk), 0)
    found: dict[int, Matching] = {}
    for side in sides:
        if side.sdk and side.index != reference:
            found[side.index] = match(sets[reference], sets[side.index], pinned)
            sides[side.index] = _matched_side(side, sides[reference], found[side.index])
    return found


def compare(
    sets: Sequence[ModelSet],
    labels: Sequence[str] | None = None,
    pinned: Sequence[MapEntry] = (),
) -> ParityReport:
    """Compare two or more model sets. Models are reported in a stable order (by display name,
    case-insensitively), findings in field declaration order. ``pinned``: pairs of a spec
    model and an SDK class the user states (``--map``)."""
    if len(sets) < 2:
        raise ValueError("parity needs at least two sources")
    sides = [_side(i, s) for i, s in enumerate(sets)]
    matchings = _match_sdks(sets, sides, pinned)
    # Names invented for inline schemas differ between a source that states composition (a
    # spec, modelgen's code) and OpenAPI Generator's output, which names and flattens them its
    # own way. Two outputs of OpenAPI Generator name alike: a name difference there is drift.
    # (An SDK's classes are matched by their own rules, above.)
    plain = [side for side in sides if not side.sdk]
    mixed = len({"composition" in s.knows for s in plain}) > 1
    if mixed:
        _match_inline_names(plain, inline_name_key)
        _match_union_variants(plain)
        _match_numbered_variants(plain)
        _match_inline_names(plain, _variant_marked_key)
        _match_by_shape(plain)
    keys: dict[str, None] = {}
    for side in sides:
        keys.update(dict.fromkeys(side.keyed))
    equivalent: dict[tuple[int, str], str] = {}
    reference = next((s for s in sides if not s.sdk), sides[0])
    for matching in matchings.values():  # models an SDK's class serves beside another
        for name, _ in matching.shared:
            equivalent[(reference.index, reference.key(name))] = "same-shape"

    reports = [_compare_models(sides, key, len(sides), equivalent, mixed) for key in keys]
    reports = [
        _explain_missing(sides, key, r, equivalent) for key, r in zip(keys, reports, strict=True)
    ]
    reports.sort(key=lambda r: (r.name.casefold(), r.name))
    names = list(labels) if labels is not None else source_labels([s.source.file for s in sets])
    infos = tuple(
        SourceInfo(
            label=names[i],
            path=s.source.file,
            title=s.title,
            version=s.version,
            knows=tuple(sorted(s.knows)),
            models=len(s.models),
            kind=s.kind,
            matching=matchings.get(i),
            reference=next((x.index for x in sides if not x.sdk), 0) if i in matchings else None,
        )
        for i, s in enumerate(sets)
    )
    return ParityReport(infos, tuple(reports))


# --- accepted differences -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """An accepted difference. ``model`` and ``field`` are shell-style patterns matched against
    the display name and its key (so ``event_id`` also matches ``eventId``); ``kind`` and
    ``category`` match exactly; an empty pattern matches everything."""

    reason: str
    model: str = "*"
    field: str | None = None  # None: any field, and model-level findings too
    kind: str | None = None
    category: str | None = None

    def matches(self, finding: Finding) -> bool:
        if not _name_matches(self.model, finding.model):
            return False
        if self.field is not None and (
            finding.field is None or not _name_matches(self.field, finding.field)
        ):
            return False
        if self.kind is not None and self.kind != finding.kind:
            return False
        return self.category is None or self.category == finding.category


def _name_matches(pattern: str, name: str) -> bool:
    if fnmatch.fnmatchcase(name, pattern):
        return True
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(name.casefold(), pattern.casefold())
    return _model_key(pattern) == _model_key(name)


def apply_ignores(
    report: ParityReport, rules: Sequence[IgnoreRule]
) -> tuple[ParityReport, dict[int, int]]:
    """The report with matching findings marked ignored (first matching rule wins), and how
    many findings each rule (by index) matched, so unused rules can be reported."""
    used: dict[int, int] = dict.fromkeys(range(len(rules)), 0)
    models: list[ModelReport] = []
    for model in report.models:
        findings: list[Finding] = []
        for finding in model.findings:
            for index, rule in enumerate(rules):
                if rule.matches(finding):
                    used[index] += 1
                    finding = replace(finding, ignored=rule.reason)
                    break
            findings.append(finding)
        models.append(replace(model, findings=tuple(findings)))
    return replace(report, models=tuple(models)), used


def parse_ignores(data: object, where: Callable[[str], Exception]) -> list[IgnoreRule]:
    """Rules from parsed YAML/JSON: ``{"ignore": [{"model", "field", "kind", "category",
    "reason"}, ...]}``. ``where(message)`` builds the error for a malformed rule."""
    if not isinstance(data, Mapping) or not isinstance(data.get("ignore"), list):
        raise where("expected a mapping with an 'ignore' list")
    allowed = {"model", "field", "kind", "category", "reason"}
    rules: list[IgnoreRule] = []
    for number, item in enumerate(data["ignore"], 1):
        if not isinstance(item, Mapping):
            raise where(f"ignore rule {number}: expected a mapping")
        unknown = sorted(set(item) - allowed)
        if unknown:
            raise where(f"ignore rule {number}: unknown key {unknown[0]!r}")
        texts = {k: item[k] for k in allowed if k in item}
        for k, v in texts.items():
            if not isinstance(v, str) or not v.strip():
                raise where(f"ignore rule {number}: {k!r} must be a non-empty string")
        if "reason" not in texts:
            raise where(f"ignore rule {number}: every rule needs a 'reason'")
        if "kind" in texts and texts["kind"] not in KINDS:
            raise where(f"ignore rule {number}: unknown kind {texts['kind']!r}")
        if "category" in texts and texts["category"] not in CATEGORIES:
            raise where(f"ignore rule {number}: unknown category {texts['category']!r}")
        rules.append(
            IgnoreRule(
                reason=texts["reason"].strip(),
                model=texts.get("model", "*"),
                field=texts.get("field"),
                kind=texts.get("kind"),
                category=texts.get("category"),
            )
        )
    return rules


__all__ = [
    "CATEGORIES",
    "KINDS",
    "Finding",
    "IgnoreRule",
    "ModelReport",
    "ParityReport",
    "SourceInfo",
    "apply_ignores",
    "compare",
    "parse_ignores",
]
