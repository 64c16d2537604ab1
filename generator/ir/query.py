"""Queries on the IR, each defined once.

Everything that asks a question of the IR (emitters, parity, diff, the tests' shape check) asks
it here, so that one question has one answer; where callers legitimately need different
answers, the difference is a named policy argument, not a second implementation:

- what a type or model refers to: :func:`type_refs`, :func:`model_refs` (policy: whether a
  discriminator's mapping targets count), and the graph over it: :func:`edges`,
  :func:`closure`, :func:`strong_groups`, and which models share a file where a target writes
  one file per model: :func:`homes`;
- what a type stands for and whether it admits null, seen through aliases: :func:`resolve`,
  :func:`resolve_name`, :func:`type_nullable`, :func:`field_nullable` (policies:
  :class:`UnknownNull` says what ``Nullable.UNKNOWN`` means, :class:`FreeFormNull` whether a
  free-form value admits null);
- how a type is spelt in messages and keys: :func:`type_text`;
- the JSON kind of a value: :func:`json_kind` (policy: whether ``1.0`` is an integer);
- which models and fields a loader degraded: :func:`degraded_places`;
- which tag values pick which variant of a discriminated union: :func:`variant_tags`,
  :func:`dispatch_tags`.

Models are looked up through a :data:`Lookup` (``ModelSet.by_name().get``, or a caller's own
lookup, as parity's by convention-free key), so the queries work on any view of a model set.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

from generator.ir.model import (
    AliasModel,
    Diagnostic,
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
    Source,
    TypeRef,
    UnionModel,
)

Lookup: TypeAlias = Callable[[str], Model | None]
"""A model by name, ``None`` where there is none (``ModelSet.by_name().get``)."""


# --- references ------------------------------------------------------------------------------


def type_refs(t: TypeRef) -> Iterator[str]:
    """Names of the models a type refers to (through lists and maps)."""
    if isinstance(t, Ref):
        yield t.name
    elif isinstance(t, ListOf):
        yield from type_refs(t.item)
    elif isinstance(t, MapOf):
        yield from type_refs(t.value)


def model_refs(model: Model, *, mapping_targets: bool = True) -> Iterator[str]:
    """Names ``model`` references directly: field types, additional properties, bases, union
    variants and discriminator targets, alias targets.

    ``mapping_targets``: whether the models a union's discriminator mapping names count. They
    do for everything that needs the models a union can decode to (diff's reachability, the
    closure emitted for code verdicts); merging markdown docs with a spec leaves them out, to
    add only the spec models the docs' own types refer to.
    """
    if isinstance(model, ObjectModel):
        for f in model.fields:
            yield from type_refs(f.type)
        if model.additional is not None:
            yield from type_refs(model.additional)
        yield from model.bases
    elif isinstance(model, UnionModel):
        for v in model.variants:
            yield from type_refs(v)
        if model.discriminator is not None and mapping_targets:
            yield from (name for _, name in model.discriminator.mapping)
    elif isinstance(model, AliasModel):
        yield from type_refs(model.target)


def edges(models: Iterable[Model], *, mapping_targets: bool = True) -> dict[str, tuple[str, ...]]:
    """The reference graph: each model's name -> the names it references (:func:`model_refs`,
    with the same policy), in order, repeats kept."""
    return {m.name: tuple(model_refs(m, mapping_targets=mapping_targets)) for m in models}


def closure(roots: Iterable[str], graph: Mapping[str, Iterable[str]]) -> set[str]:
    """The names of ``roots`` and of everything reachable from them in ``graph`` (name -> the
    names it references, as :func:`edges` gives). Names the graph does not hold (a dangling
    reference, a root that is no model) are left out and not followed."""
    seen: set[str] = set()
    stack = [r for r in roots if r in graph]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        stack.extend(r for r in graph[name] if r in graph and r not in seen)
    return seen


def strong_groups(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected groups of ``graph`` (name -> the names it references, as
    :func:`edges` gives; names it does not hold are not followed), each sorted. Tarjan's
    algorithm, without recursion (a chain of references may be long): a group comes after
    every group it reaches, the roots (sorted) tried in order, so the order is stable."""
    targets_of = {name: sorted(set(targets)) for name, targets in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(targets_of):
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(targets_of[root]))]
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in targets_of:
                    continue
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(targets_of[target])))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    found.append(sorted(group))
    return found


@dataclass(frozen=True)
class Home:
    """The models that share one file where a target writes a file per model (Python's split
    package, Dart's parts): a group that owns the file and the models only it uses."""

    owners: tuple[str, ...]  # a strongly connected group (:func:`strong_groups`), sorted
    members: tuple[str, ...]  # the owners, then the models only they use, by name


def homes(models: Iterable[Model]) -> list[Home]:
    """Which models share a file: each strongly connected group of the reference graph
    (:func:`edges`; models that refer to one another), and with it every group that only it
    refers to, through any number of steps (an inline object of a property, its own inline
    objects, an enum only that object uses). A model that two groups refer to, or none, owns a
    file. Importing the file of a model therefore loads nothing that model does not need but
    the models only it uses, and the files refer to one another without cycles (a group only
    one group refers to cannot reach that group back). In the order of :func:`strong_groups`:
    a home comes after every home it refers to."""
    graph = edges(models)
    groups = strong_groups(graph)
    group_of = {name: i for i, group in enumerate(groups) for name in group}
    referrers: list[set[int]] = [set() for _ in groups]
    for name, targets in graph.items():
        source = group_of[name]
        for target in targets:
            other = group_of.get(target)
            if other is not None and other != source:
                referrers[other].add(source)
    home = list(range(len(groups)))
    # A group comes after every group it reaches: walked backwards, the group a group is
    # merged into has its own home already.
    for i in reversed(range(len(groups))):
        if len(referrers[i]) == 1:
            home[i] = home[next(iter(referrers[i]))]
    merged: dict[int, list[str]] = {}
    for i, group in enumerate(groups):
        if home[i] != i:
            merged.setdefault(home[i], []).extend(group)
    return [
        Home(tuple(group), (*group, *sorted(merged.get(i, ()))))
        for i, group in enumerate(groups)
        if home[i] == i
    ]


# --- aliases and nullability -----------------------------------------------------------------


class UnknownNull(enum.Enum):
    """What ``Nullable.UNKNOWN`` (a source that cannot say) means to a caller.

    ``AS_NULL``
        Unknown counts as nullable. For code generated from the set: it must accept null
        wherever the source cannot rule it out (the Python and PHP emitters; the tests'
        check that generated code says what the IR said, which reads code made that way).
    ``UNSTATED``
        Only a stated ``Nullable.YES`` counts; ``UNKNOWN`` states nothing. A model of unknown
        nullability does not make the places that use it nullable, and
        :func:`field_nullable` answers ``UNKNOWN`` ("cannot say") for a field that is
        unknown itself and names nothing stated nullable: parity and diff leave such a field
        out of the comparison instead of reporting a difference. The Dart emitter asks this
        way for types (a field's own ``UNKNOWN`` still counts there, decided by the emitter).
    """

    AS_NULL = "as-null"
    UNSTATED = "unstated"


class FreeFormNull(enum.Enum):
    """Whether a free-form value (``Primitive("any")``, any JSON) admits null.

    ``ADMITS``
        It does: ``null`` is a JSON value. For targets whose free-form type includes null
        (Dart's ``Object?``, PHP's ``mixed``) and which ask "may this value be null".
    ``DECLARED``
        Only declared nullability counts; a free-form type is not nullable unless a model on
        the way says so. For targets that add null to a type themselves (Python's ``| None``
        over ``Any``), and for comparisons, where ``nullable`` on a free-form property is a
        stated fact like any other.
    """

    ADMITS = "admits"
    DECLARED = "declared"


def _states_null(value: Nullable, unknown: UnknownNull) -> bool:
    return value is Nullable.YES or (value is Nullable.UNKNOWN and unknown is UnknownNull.AS_NULL)


def resolve(
    t: TypeRef, lookup: Lookup, unknown: UnknownNull = UnknownNull.UNSTATED
) -> tuple[TypeRef, bool]:
    """What ``t`` stands for once references to aliases are followed, and whether a model
    named on the way (the last one, not an alias, included) is nullable (``unknown``: see
    :class:`UnknownNull`).

    The type returned is a primitive, a list, a map, or a reference to a model that is no
    alias, to a name ``lookup`` does not know, or to the alias where a cycle of aliases
    closes. Lists and maps are not entered: their items' nullability is their own.
    """
    if type(t) is not Ref:
        return t, False
    model = lookup(t.name)
    if model is None or (type(model) is not AliasModel and model.nullable is Nullable.NO):
        return t, False  # the common case: a reference to a non-nullable model
    nullable = False
    seen: set[str] = set()
    while isinstance(t, Ref):
        model = lookup(t.name)
        if model is None or model.name in seen:
            break
        seen.add(model.name)
        nullable = nullable or _states_null(model.nullable, unknown)
        if not isinstance(model, AliasModel):
            break
        t = model.target
    return t, nullable


def resolve_name(name: str, lookup: Lookup) -> str:
    """The name a chain of aliases of references leads to (``A = B``, ``B = C``: ``C``):
    ``name`` itself when it names no alias of a reference, the last alias of the chain when
    that one stands for a list, map or primitive, the alias where a cycle closes. Emitters use
    it to find the union or object a variant or a property really names."""
    seen = {name}
    model = lookup(name)
    while isinstance(model, AliasModel) and isinstance(model.target, Ref):
        name = model.target.name
        if name in seen:
            break
        seen.add(name)
        model = lookup(name)
    return name


def type_nullable(
    t: TypeRef,
    lookup: Lookup,
    *,
    unknown: UnknownNull,
    free_form: FreeFormNull,
) -> bool:
    """Whether a value of type ``t`` may be null by the type itself, seen through aliases: a
    model it names (directly or through aliases) is nullable, or (``free_form``) it stands for
    a free-form value. A list or map is not null because its items may be."""
    end, nullable = resolve(t, lookup, unknown)
    if nullable:
        return True
    return free_form is FreeFormNull.ADMITS and isinstance(end, Primitive) and end.kind == "any"


def field_nullable(f: Field, lookup: Lookup, *, unknown: UnknownNull) -> Nullable:
    """Whether a property may be null: stated on the property, or on the model (or alias
    chain) its type names, as a spec may say it on either (free-form types count as
    declared, see :class:`FreeFormNull`).

    ``YES`` when either says so (``unknown`` decides what ``UNKNOWN`` says); otherwise the
    property's own answer, which with ``UnknownNull.UNSTATED`` may be ``UNKNOWN``.
    """
    if _states_null(f.nullable, unknown):
        return Nullable.YES
    if resolve(f.type, lookup, unknown)[1]:
        return Nullable.YES
    return f.nullable


# --- spelling types --------------------------------------------------------------------------

MAX_TYPE_DEPTH = 20
"""Nesting deeper than this is spelt ``...`` by :func:`type_text` (aliases resolved on the way
can make a type infinite: ``A = list[A]``)."""


def _ref_name(ref: Ref) -> str:
    return ref.name


def type_text(
    t: TypeRef,
    *,
    formats: bool = True,
    sets: bool = True,
    ref: Callable[[Ref], str] = _ref_name,
    expand: Callable[[TypeRef], TypeRef] | None = None,
) -> str:
    """A short spelling of a type: ``string``, ``string(date-time)``, ``list[Pet]``,
    ``set[integer]``, ``map[any]``; nesting deeper than :data:`MAX_TYPE_DEPTH` is ``...``.

    Policies: ``formats`` shows formats (``string(uuid)``; off where a source cannot state
    them); ``sets`` spells a list of unique items ``set[...]`` (off where uniqueness is not
    compared); ``ref`` spells a reference (its name by default; parity uses its matching key or
    an enum's base type, the tests' shape check ``ref:Name``); ``expand``, when given, is
    applied to the type and to every item and value type before it is spelt (parity replaces
    references to aliases by what they stand for).
    """

    def text(t: TypeRef, depth: int) -> str:
        if expand is not None:
            t = expand(t)
        if depth > MAX_TYPE_DEPTH:
            return "..."
        if isinstance(t, Primitive):
            return f"{t.kind}({t.format})" if formats and t.format else t.kind
        if isinstance(t, Ref):
            return ref(t)
        if isinstance(t, ListOf):
            return f"{'set' if sets and t.unique else 'list'}[{text(t.item, depth + 1)}]"
        return f"map[{text(t.value, depth + 1)}]"

    return text(t, 0)


# --- values ----------------------------------------------------------------------------------

JsonKind: TypeAlias = Literal["null", "boolean", "integer", "number", "string", "array", "object"]


def json_kind(
    value: object, *, numbers: Literal["by-type", "by-value"] = "by-type"
) -> JsonKind | None:
    """The JSON Schema type name of a JSON value (``True`` is ``boolean``, not ``integer``),
    or ``None`` for a value that is not JSON (a date a YAML tag made).

    Policy, for a float with no fractional part (``1.0``): ``numbers="by-type"`` says
    ``number``, as the spec wrote it (a schema's enum base type, a constant's kind);
    ``numbers="by-value"`` says ``integer``, as JSON Schema 2020-12 validates it (the
    jsonschema target's ``type`` keywords)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if numbers == "by-value" and value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return None


# --- degradations -------------------------------------------------------------------------------


def _within(place: Source, where: Source) -> int | None:
    """How closely ``where`` (a model's or field's source) contains ``place`` (a degradation's):
    the length of the JSON pointer that contains it, 0 for the same line; None if it does not."""
    if place.file != where.file:
        return None
    if where.pointer:
        if (place.pointer + "/").startswith(where.pointer + "/"):
            return len(where.pointer)
        return None
    if where.line is not None and place.line == where.line:
        return 0
    return None


def degraded_places(models: ModelSet) -> frozenset[tuple[str, str | None]]:
    """``(model, field)`` for every field, and ``(model, None)`` for every model outside its
    fields, that a degradation of the set (``Diagnostic.degraded``) lies in. The model is the
    innermost one whose source contains the degradation's: a JSON pointer that is a prefix of
    its pointer, or, for models located by line (a markdown doc), the last model that starts at
    or above its line in its file. The field is the model's field at that pointer or line."""
    wanted: list[Diagnostic] = [d for d in models.diagnostics if d.degraded]
    if not wanted:
        return frozenset()
    by_file: dict[str, list[Model]] = {}
    for model in models.models:
        by_file.setdefault(model.source.file, []).append(model)
    places: set[tuple[str, str | None]] = set()
    for diagnostic in wanted:
        place = diagnostic.source
        best: tuple[int, int, Model] | None = None
        for model in by_file.get(place.file, ()):
            where = model.source
            if where.pointer:
                depth = _within(place, where)
                rank = (depth, 0) if depth is not None else None
            elif where.line is not None:
                line = place.line if place.line is not None else 0
                rank = (-1, where.line) if where.line <= max(line, 1) else None
            else:
                rank = (-2, 0)
            if rank is not None and (best is None or rank > best[:2]):
                best = (*rank, model)
        if best is None:
            continue
        model = best[2]
        field_name: str | None = None
        if isinstance(model, ObjectModel):
            matches = [
                (depth, f.name)
                for f in model.fields
                if (depth := _within(place, f.source)) is not None
            ]
            if matches:
                field_name = max(matches)[1]
        places.add((model.name, field_name))
    return frozenset(places)


# --- union tags ------------------------------------------------------------------------------


def variant_tags(model: UnionModel, lookup: Lookup) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The tag values each variant of a discriminated union carries, for the one decoding rule
    every target implements: (variant model name, its values), in variant order, one entry per
    variant that is a model reference (the union itself, in a union that lists itself, left
    out).

    A value of the discriminator's mapping belongs to the variant it maps to (or to the variant
    union that contains its target) and to no other, unless several variants state it
    themselves (a loader completes the mapping with the variants' own tags, so it cannot tell
    them apart then); the other values a variant carries are its own: a string ``const`` or
    the string values of the enum of its tag property, and for a variant that is a union,
    every value its own variants carry. A value carried by exactly one
    variant picks that variant (:func:`dispatch_tags`); any other value, or no tag, leaves the
    choice to trying the variants in order."""
    if model.discriminator is None:
        return ()
    prop = model.discriminator.property
    names = list(dict.fromkeys(v.name for v in model.variants if isinstance(v, Ref)))
    names = [n for n in names if resolve_name(n, lookup) != model.name]
    seen = frozenset({model.name})
    own = {name: _carried(name, prop, lookup, seen) for name in names}
    members = {name: _members(name, lookup, seen) for name in names}  # each contains its name
    stated = Counter(value for found in own.values() for value in set(found))
    owner_of: dict[str, str] = {}  # a model -> the first variant that stands for it
    for name in names:
        for member in members[name]:
            owner_of.setdefault(member, name)
    values: dict[str, list[str]] = {name: [] for name in names}
    claimed: set[str] = set()
    for value, target in model.discriminator.mapping:
        if stated[value] > 1:
            continue  # several variants state it themselves: the mapping cannot pick one
        owner = owner_of.get(target)
        if owner is not None and value not in claimed:
            claimed.add(value)
            values[owner].append(value)
    for name in names:
        values[name] += [v for v in own[name] if v not in claimed and v not in values[name]]
    return tuple((name, tuple(values[name])) for name in names)


def dispatch_tags(model: UnionModel, lookup: Lookup) -> dict[str, str]:
    """Tag value -> variant model name, for the values exactly one variant carries (see
    :func:`variant_tags`), in variant order."""
    owners: dict[str, list[str]] = {}
    for name, values in variant_tags(model, lookup):
        for value in values:
            owners.setdefault(value, []).append(name)
    return {value: found[0] for value, found in owners.items() if len(found) == 1}


def _members(name: str, lookup: Lookup, seen: frozenset[str]) -> set[str]:
    """The models a union variant stands for: itself, and through unions their variants."""
    found = {name}
    model = lookup(resolve_name(name, lookup))
    if isinstance(model, UnionModel) and model.name not in seen:
        for variant in model.variants:
            if isinstance(variant, Ref):
                found |= _members(variant.name, lookup, seen | {model.name})
    return found


def _carried(name: str, prop: str, lookup: Lookup, seen: frozenset[str]) -> list[str]:
    """The string values model ``name`` states for property ``prop`` (see variant_tags)."""
    model = lookup(resolve_name(name, lookup))
    if isinstance(model, ObjectModel):
        for f in model.fields:
            if f.name != prop:
                continue
            if f.const is not None:
                return [f.const.value] if isinstance(f.const.value, str) else []
            if isinstance(f.type, Ref):
                target = lookup(resolve_name(f.type.name, lookup))
                if isinstance(target, EnumModel) and target.values:
                    return [v.value for v in target.values if isinstance(v.value, str)]
        return []
    if isinstance(model, UnionModel) and model.name not in seen:
        found: list[str] = []
        if model.discriminator is not None and model.discriminator.property == prop:
            found += [value for value, _ in model.discriminator.mapping]
        for variant in model.variants:
            if isinstance(variant, Ref):
                found += _carried(variant.name, prop, lookup, seen | {model.name})
        return list(dict.fromkeys(found))
    return []
