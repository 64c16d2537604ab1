"""Schema diff review: two :class:`ModelSet` in, a sorted list of :class:`Finding` out.

Pure: no I/O, no emitters. Models are matched by name; a model that exists on one side only is
matched to one of the other side by a content fingerprint (its shape, ignoring its own name,
descriptions and source), so a renamed model, or an inline schema replaced by a ``$ref`` to an
equal component, reads as a rename and not as a removal plus an addition.

Fingerprints come from partition refinement over both sets at once: every model starts in a
class given by its shallow shape (with references as holes), then classes are split by the
classes of the models they reference until nothing splits. Two models end in the same class
exactly when their expanded content is equal, recursion included. Aliases are transparent (a
reference to a named ``type: string`` alias equals an inline ``type: string``), and a
referenced model's nullability counts as the nullability of the referencing place, so
``nullable`` on the field or on the referenced schema reads the same.

Each finding carries wire verdicts for requests and for responses, derived from reachability
(``ModelSet.request_roots`` / ``response_roots`` closed over field types, union variants,
bases and alias targets). Code verdicts are added later by :mod:`generator.surface`, from what
the emitters really produce.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Literal, TypeAlias

from generator.compare.names import name_key
from generator.ir import (
    FACETS,
    NO_CONSTRAINTS,
    AliasModel,
    Const,
    Constraints,
    EnumModel,
    Field,
    JsonValue,
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
    UnknownNull,
    closure,
    edges,
    field_nullable,
    model_refs,
    resolve,
    type_text,
)
from generator.naming import short_hash

Level = Literal["breaking", "warning", "safe", "n/a"]
LEVELS: tuple[Level, ...] = ("breaking", "warning", "safe", "n/a")
RANK: dict[str, int] = {"breaking": 0, "warning": 1, "safe": 2, "n/a": 3}


@dataclass(frozen=True, slots=True)
class Verdict:
    level: Level
    reason: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One change to one model (or to one member of it: a property, enum value or variant).

    ``model`` is the new name (the old one when the model was removed); ``old_model`` the old
    name when it differs. ``source`` is where the change is in the new spec (in the old one for
    removals). ``before`` / ``after`` are short readable renderings, ``None`` for absent.
    """

    model: str
    kind: str
    source: Source
    before: str | None
    after: str | None
    request: Verdict
    response: Verdict
    member: str | None = None
    old_model: str | None = None
    code: tuple[tuple[str, Verdict], ...] = ()  # (language, verdict), set by surface

    @property
    def description_only(self) -> bool:
        return self.kind.endswith("description_changed")

    @property
    def fingerprint(self) -> str:
        """Short stable id: hash of kind, model, member, pointer, before and after (not the
        file name, which depends on how the spec was named on the command line)."""
        key = "\x1f".join(
            [
                self.kind,
                self.model,
                self.member or "",
                self.source.pointer,
                self.before or "",
                self.after or "",
            ]
        )
        return short_hash(key, 12)

    def verdicts(self) -> list[Verdict]:
        return [self.request, self.response, *(v for _, v in self.code)]

    @property
    def level(self) -> Level:
        """The worst of all verdicts (``n/a`` counts as nothing)."""
        return min((v.level for v in self.verdicts()), key=RANK.__getitem__, default="n/a")


def sort_key(finding: Finding) -> tuple[str, int, str, str, str]:
    return (
        finding.model,
        RANK[finding.level],
        finding.member or "",
        finding.kind,
        finding.fingerprint,
    )


# --- rendering values for before/after ------------------------------------------------------


def value_text(value: JsonValue) -> str:
    import json

    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError):
        return repr(value)


def _const_text(const: Const | None) -> str | None:
    return None if const is None else value_text(const.value)


# --- reachability ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Directions:
    """Which models requests and responses reach, over both versions. ``known`` is False when
    neither source says which operations use which models (markdown docs, bare schema files)."""

    known: bool
    request: frozenset[str]
    response: frozenset[str]

    @staticmethod
    def of(
        old: ModelSet,
        new: ModelSet,
        graphs: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] | None = None,
    ) -> Directions:
        old_edges, new_edges = graphs or (edges(old.models), edges(new.models))
        sides = [(s, e) for s, e in ((old, old_edges), (new, new_edges)) if "operations" in s.knows]
        known = bool(sides) and any(s.request_roots or s.response_roots for s, _ in sides)
        request: set[str] = set()
        response: set[str] = set()
        for side, side_edges in sides:
            request |= closure(side.request_roots, side_edges)
            response |= closure(side.response_roots, side_edges)
        return Directions(known, frozenset(request), frozenset(response))


Rule: TypeAlias = tuple[Level, str]


def wire_verdicts(
    directions: Directions, names: Iterable[str], request: Rule, response: Rule
) -> tuple[Verdict, Verdict]:
    """Turn a change's rule for each direction into verdicts for the models it touches: a
    direction no operation of that kind reaches is safe (or n/a when nothing reaches it)."""
    if not directions.known:
        unknown = Verdict("n/a", "the source does not say which operations use this model")
        return unknown, unknown
    names = list(names)
    in_request = any(n in directions.request for n in names)
    in_response = any(n in directions.response for n in names)
    if not in_request and not in_response:
        unused = Verdict("n/a", "no operation uses this model")
        return unused, unused
    req = Verdict(*request) if in_request else Verdict("safe", "no request uses this model")
    resp = Verdict(*response) if in_response else Verdict("safe", "no response uses this model")
    return req, resp


# --- fingerprints -----------------------------------------------------------------------------

Node: TypeAlias = tuple[int, str]  # (side: 0 old, 1 new; model name)
Shape: TypeAlias = tuple[object, ...]


class _Side:
    """One version, with alias resolution and shallow shapes precomputed lazily."""

    def __init__(self, index: int, models: ModelSet) -> None:
        self.index = index
        self.set = models
        self.models = models.by_name()
        # name -> everything compared about the model (shape, referenced names, the parts the
        # shape leaves out): equal on both sides means nothing to report.
        self.exact: dict[str, object] = {}
        self.edges: dict[str, tuple[str, ...]] = {}  # name -> names it references
        self._contained: set[str] | None = None

    def part_of_parent(self, name: str) -> bool:
        """Whether the model is an inline schema that another model of this version contains
        (a property's object or enum, a union's member, an array's items): its appearance or
        disappearance is part of that model's change. An inline model no model contains (a
        request or response body) is reported on its own, as a named one is."""
        if not self.models[name].inline:
            return False
        if self._contained is None:
            self._contained = {r for n, refs in self.edges.items() for r in refs if r != n}
        return name in self._contained

    def resolve(self, t: TypeRef) -> tuple[TypeRef, bool]:
        """Follow references to aliases: the underlying type, and whether any model on the way
        (or the final referenced model) is stated nullable."""
        return resolve(t, self.models.get, UnknownNull.UNSTATED)

    def shape(self, t: TypeRef, refs: list[Node], expanding: frozenset[str] = frozenset()) -> Shape:
        """The wire shape of ``t``, aliases expanded in place. An alias met again inside its
        own expansion (``Tree = list[Tree]``) is a reference there, like a model."""
        if type(t) is Ref and t.name in expanding:
            refs.append((self.index, t.name))
            return ("r",)
        named = t.name if type(t) is Ref else None
        t, nullable = self.resolve(t)
        if named is not None and type(t) is not Ref:
            expanding = expanding | {named}
        inner: Shape
        if isinstance(t, Primitive):
            inner = ("p", t.kind, t.format)
        elif isinstance(t, Ref):
            refs.append((self.index, t.name))
            inner = ("r",)
        elif isinstance(t, ListOf):
            inner = ("l", t.unique, self.shape(t.item, refs, expanding))
        else:
            inner = ("m", self.shape(t.value, refs, expanding))
        return ("n", inner) if nullable else inner

    def field_shape(self, f: Field, refs: list[Node]) -> Shape:
        t, nullable = self.resolve(f.type)
        return (
            f.name,
            self.shape(t, refs),
            f.required,
            nullable or f.nullable is Nullable.YES,
            _const_text(f.default),
            _const_text(f.const),
            f.read_only,
            f.write_only,
            f.constraints,
        )

    def model_shape(self, model: Model, refs: list[Node]) -> Shape:
        """The model's content without its name, descriptions, source, bases and its own
        nullability (that counts where it is referenced)."""
        if isinstance(model, ObjectModel):
            fs = tuple(self.field_shape(f, refs) for f in sorted(model.fields, key=_by_name))
            additional = None if model.additional is None else self.shape(model.additional, refs)
            return ("object", fs, additional, model.closed)
        if isinstance(model, EnumModel):
            values = (
                None if model.values is None else tuple(_enum_key(v.value) for v in model.values)
            )
            return ("enum", model.base, values, _const_text(model.default))
        if isinstance(model, UnionModel):
            disc: Shape | None = None
            if model.discriminator is not None:
                for _, name in model.discriminator.mapping:
                    refs.append((self.index, name))
                disc = (
                    model.discriminator.property,
                    tuple(k for k, _ in model.discriminator.mapping),
                )
            variants = tuple(self.shape(v, refs) for v in model.variants)
            return ("union", model.exclusive, disc, variants)
        target = self.shape(model.target, refs)
        return ("alias", target, model.constraints)


def _documentation(model: Model) -> tuple[object, ...]:
    """What a model's shape leaves out but the comparison reports: descriptions, deprecation,
    bases, the model's own nullability."""
    extra: tuple[object, ...] = (model.description, model.deprecated, model.nullable)
    if isinstance(model, ObjectModel):
        extra += (model.bases, tuple((f.description, f.deprecated) for f in model.fields))
    elif isinstance(model, EnumModel) and model.values is not None:
        extra += tuple(v.description for v in model.values)
    return extra


def _by_name(f: Field) -> str:
    return f.name


def _enum_key(value: object) -> tuple[str, str]:
    return (type(value).__name__, repr(value))


def content_classes(old: _Side, new: _Side) -> dict[Node, int]:
    """Partition refinement: equal class number <=> equal expanded content."""
    shallow: dict[Node, int] = {}
    children: dict[Node, tuple[Node, ...]] = {}
    ids: dict[object, int] = {}
    for side in (old, new):
        for model in side.set.models:
            node = (side.index, model.name)
            refs: list[Node] = []
            shape = side.model_shape(model, refs)
            shallow[node] = ids.setdefault(shape, len(ids))
            children[node] = tuple(refs)
            side.edges[model.name] = tuple(model_refs(model))
            side.exact[model.name] = (shape, side.edges[model.name], _documentation(model))
    classes = dict(shallow)
    count = len(set(classes.values()))
    while True:
        ids2: dict[object, int] = {}
        refined = {
            node: ids2.setdefault(
                (shallow[node], tuple(classes.get(c, -1) for c in children[node])), len(ids2)
            )
            for node in classes
        }
        if len(ids2) == count:
            return refined
        classes, count = refined, len(ids2)


# --- the comparison ---------------------------------------------------------------------------


@dataclass
class _Context:
    old: _Side
    new: _Side
    classes: dict[Node, int]
    directions: Directions
    renamed: dict[str, str] = field(default_factory=dict)  # old name -> new name
    findings: list[Finding] = field(default_factory=list)

    def same_model(self, old_name: str, new_name: str) -> bool:
        a = self.classes.get((0, old_name))
        return a is not None and a == self.classes.get((1, new_name))

    def same_type(self, a: TypeRef, b: TypeRef) -> bool:
        """Equal on the wire (aliases and model names see through)."""
        return self.type_key(self.old, a) == self.type_key(self.new, b)

    def type_key(self, side: _Side, t: TypeRef, nullable: bool = True) -> object:
        """What the wire sees of ``t``; with ``nullable=False`` its own nullability (through
        a nullable referenced model) is left out, for callers that compare it themselves."""
        refs: list[Node] = []
        shape = side.shape(t, refs)
        if not nullable and shape[0] == "n":
            shape = shape[1]  # type: ignore[assignment]
        return (shape, tuple(self.classes.get(r, -1) for r in refs))

    def same_shape(self, a: TypeRef, b: TypeRef) -> bool:
        """Equal on the wire apart from the nullability of the type itself."""
        return self.type_key(self.old, a, False) == self.type_key(self.new, b, False)

    def add(
        self,
        model: str,
        kind: str,
        source: Source,
        before: str | None,
        after: str | None,
        request: Rule,
        response: Rule,
        *,
        member: str | None = None,
        old_model: str | None = None,
    ) -> None:
        names = {model}
        if old_model:
            names.add(old_model)
        req, resp = wire_verdicts(self.directions, names, request, response)
        self.findings.append(
            Finding(
                model=model,
                kind=kind,
                source=source,
                before=before,
                after=after,
                request=req,
                response=resp,
                member=member,
                old_model=old_model if old_model != model else None,
            )
        )


SAFE_NO_WIRE: Rule = ("safe", "the wire does not change")
DOCS: Rule = ("safe", "documentation only")


def compare(old: ModelSet, new: ModelSet) -> list[Finding]:
    """All findings between ``old`` and ``new``, sorted by model, then worst first. A facet
    one side cannot state (``ModelSet.knows``: markdown docs have no formats, say) is left
    out of the comparison on both sides."""
    known = old.knows & new.knows
    if known != FACETS:
        old, new = forget(old, known), forget(new, known)
    old_side, new_side = _Side(0, old), _Side(1, new)
    classes = content_classes(old_side, new_side)
    ctx = _Context(
        old=old_side,
        new=new_side,
        classes=classes,
        directions=Directions.of(old, new, (old_side.edges, new_side.edges)),
    )
    olds, news = ctx.old.models, ctx.new.models
    gone = sorted(set(olds) - set(news))
    added = sorted(set(news) - set(olds))
    _match_renames(ctx, gone, added)
    matched_new = set(ctx.renamed.values())
    knows = old.knows & new.knows
    for name in gone:
        if name in ctx.renamed:
            target = ctx.renamed[name]
            ctx.add(
                target,
                "model.renamed",
                news[target].source,
                name,
                target,
                SAFE_NO_WIRE,
                SAFE_NO_WIRE,
                old_model=name,
            )
        elif not ctx.old.part_of_parent(name):
            model = olds[name]
            root = name in old.request_roots or name in old.response_roots
            rule: Rule = (
                ("warning", "an operation used it directly")
                if root
                else ("safe", "the wire sees only the properties that used it")
            )
            ctx.add(name, "model.removed", model.source, model.kind, None, rule, rule)
    for name in added:
        if name not in matched_new and not ctx.new.part_of_parent(name):
            model = news[name]
            ctx.add(name, "model.added", model.source, None, model.kind, SAFE_NO_WIRE, SAFE_NO_WIRE)
    for name in sorted(set(olds) & set(news)):
        if ctx.old.exact[name] != ctx.new.exact[name]:
            _compare_models(ctx, olds[name], news[name], knows)
    return sorted(ctx.findings, key=sort_key)


def forget(models: ModelSet, knows: frozenset[str]) -> ModelSet:
    """``models`` without the facets missing from ``knows``."""
    missing = FACETS - knows - {"operations"}
    if not missing:
        return models

    def plain(t: TypeRef) -> TypeRef:
        if isinstance(t, Primitive):
            return Primitive(t.kind) if "formats" in missing else t
        if isinstance(t, ListOf):
            return ListOf(plain(t.item), t.unique)
        if isinstance(t, MapOf):
            return MapOf(plain(t.value))
        return t

    def field_(f: Field) -> Field:
        return replace(
            f,
            type=plain(f.type),
            nullable=Nullable.UNKNOWN if "nullable" in missing else f.nullable,
            default=None if "defaults" in missing else f.default,
            read_only=False if "read_only" in missing else f.read_only,
            write_only=False if "write_only" in missing else f.write_only,
            deprecated=False if "deprecated" in missing else f.deprecated,
            description=None if "descriptions" in missing else f.description,
            constraints=NO_CONSTRAINTS if "constraints" in missing else f.constraints,
            name=_plain_name(f.name) if "wire_names" in missing else f.name,
        )

    def model_(m: Model) -> Model:
        if "nullable" in missing:
            m = replace(m, nullable=Nullable.UNKNOWN)
        if "descriptions" in missing:
            m = replace(m, description=None)
        if "deprecated" in missing:
            m = replace(m, deprecated=False)
        if isinstance(m, ObjectModel):
            fields_ = tuple(field_(f) for f in m.fields)
            bases = () if "composition" in missing else m.bases
            additional = None if m.additional is None else plain(m.additional)
            return replace(m, fields=fields_, bases=bases, additional=additional)
        if isinstance(m, EnumModel):
            values = None if "enum_values" in missing else m.values
            default = None if "defaults" in missing else m.default
            return replace(m, values=values, default=default)
        if isinstance(m, UnionModel):
            discriminator = None if "composition" in missing else m.discriminator
            return replace(
                m, variants=tuple(plain(v) for v in m.variants), discriminator=discriminator
            )
        constraints = NO_CONSTRAINTS if "constraints" in missing else m.constraints
        return replace(m, target=plain(m.target), constraints=constraints)

    # which operations use which models stays as the source said: one side's is enough
    knows = knows | (models.knows & {"operations"})
    return replace(models, models=tuple(model_(m) for m in models.models), knows=knows)


def _plain_name(name: str) -> str:
    """A property name compared where one side shows language names (``eventId``) rather
    than JSON keys (``event_id``): its convention-free key."""
    return name_key(name, qualified=False)


def _match_renames(ctx: _Context, gone: list[str], added: list[str]) -> None:
    """Each model that exists only in the old version is matched to a new-only model of equal
    content (a rename); an old inline model, failing that, to any new model of equal content
    (the inline schema was replaced by a reference to an existing component)."""
    by_class: dict[int, list[str]] = {}
    for name in added:
        by_class.setdefault(ctx.classes[(1, name)], []).append(name)
    everywhere: dict[int, list[str]] = {}
    for name in sorted(ctx.new.models):
        everywhere.setdefault(ctx.classes[(1, name)], []).append(name)
    for name in gone:
        cls = ctx.classes[(0, name)]
        kind = ctx.old.models[name].kind
        pools = [by_class.get(cls, [])]
        if ctx.old.part_of_parent(name):  # an inline schema now a $ref to a component
            pools.append(everywhere.get(cls, []))
        for pool in pools:
            candidates = [n for n in pool if ctx.new.models[n].kind == kind]
            if candidates:
                ctx.renamed[name] = min(candidates, key=lambda n: (_distance(name, n), n))
                break


def _distance(a: str, b: str) -> int:
    """How different two names are: length of the parts that do not share a prefix/suffix."""
    prefix = len(_common_prefix(a, b))
    suffix = len(_common_prefix(a[prefix:][::-1], b[prefix:][::-1]))
    return len(a) + len(b) - 2 * (prefix + suffix)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# --- per model --------------------------------------------------------------------------------


def _compare_models(ctx: _Context, old: Model, new: Model, knows: frozenset[str]) -> None:
    name = new.name
    if old.kind != new.kind:
        special = _kind_change_as_type_change(ctx, old, new)
        if special is not None:
            kind, request, response = special
            ctx.add(name, kind, new.source, old.kind, new.kind, request, response)
            return
        rule: Rule = ("breaking", f"the {old.kind} became a {new.kind}")
        if isinstance(old, AliasModel) and not isinstance(new, AliasModel):
            rule = _kind_change_through_alias(ctx, old, new) or rule
        ctx.add(name, "model.kind_changed", new.source, old.kind, new.kind, rule, rule)
        return
    if "nullable" in knows and old.nullable != new.nullable:
        _nullable_change(ctx, name, None, new.source, old.nullable, new.nullable, "model")
    if "deprecated" in knows and old.deprecated != new.deprecated:
        _deprecated_change(ctx, name, None, new.source, new.deprecated, "model")
    if "descriptions" in knows and (old.description or "") != (new.description or ""):
        ctx.add(
            name,
            "model.description_changed",
            new.source,
            old.description,
            new.description,
            DOCS,
            DOCS,
        )
    if isinstance(old, ObjectModel) and isinstance(new, ObjectModel):
        _compare_objects(ctx, old, new, knows)
    elif isinstance(old, EnumModel) and isinstance(new, EnumModel):
        _compare_enums(ctx, old, new, knows)
    elif isinstance(old, UnionModel) and isinstance(new, UnionModel):
        _compare_unions(ctx, old, new, knows)
    elif isinstance(old, AliasModel) and isinstance(new, AliasModel):
        _compare_types(ctx, name, None, new.source, old.target, new.target, "alias")
        if "constraints" in knows:
            _compare_constraints(ctx, name, None, new.source, old.constraints, new.constraints)


WIDENED: tuple[Rule, Rule] = (
    ("safe", "everything valid before is still accepted"),
    ("breaking", "readers may get values they do not expect"),
)
NARROWED: tuple[Rule, Rule] = (
    ("breaking", "some values valid before are now rejected"),
    ("safe", "readers get a subset of what they handled"),
)


def _kind_change_as_type_change(
    ctx: _Context, old: Model, new: Model
) -> tuple[str, Rule, Rule] | None:
    """Kind changes that are a widening or narrowing on the wire: a model wrapped in a union
    of itself and more (or unwrapped), an enum that became its plain base type (or back)."""
    before = ctx.type_key(ctx.old, Ref(old.name))
    if isinstance(new, UnionModel) and any(
        ctx.type_key(ctx.new, v) == before for v in new.variants
    ):
        return ("model.wrapped_in_union", *WIDENED)
    after = ctx.type_key(ctx.new, Ref(new.name))
    if isinstance(old, UnionModel) and any(ctx.type_key(ctx.old, v) == after for v in old.variants):
        return ("model.unwrapped_from_union", *NARROWED)
    if isinstance(old, EnumModel) and isinstance(new, AliasModel):
        if isinstance(new.target, Primitive) and new.target.kind == old.base:
            return (
                "model.no_longer_enum",
                WIDENED[0],
                ("warning", "readers may get values outside the old set"),
            )
    if isinstance(new, EnumModel) and isinstance(old, AliasModel):
        if isinstance(old.target, Primitive) and old.target.kind == new.base:
            return ("model.became_enum", *NARROWED)
    return None


def _kind_change_through_alias(ctx: _Context, old: AliasModel, new: Model) -> Rule | None:
    """An alias of a model replaced by that model's content under the alias's name: the wire
    is unchanged when the content is equal."""
    key_old = ctx.type_key(ctx.old, old.target)
    key_new = ctx.type_key(ctx.new, Ref(new.name))
    if key_old == key_new:
        return SAFE_NO_WIRE
    return None


def _nullable_change(
    ctx: _Context,
    model: str,
    member: str | None,
    source: Source,
    before: Nullable,
    after: Nullable,
    scope: str,
) -> None:
    if Nullable.UNKNOWN in (before, after):
        return
    if after is Nullable.YES:
        ctx.add(
            model,
            f"{scope}.became_nullable",
            source,
            "non-nullable",
            "nullable",
            ("safe", "requests may still send non-null values"),
            ("breaking", "readers may now get null"),
            member=member,
        )
    else:
        ctx.add(
            model,
            f"{scope}.became_non_nullable",
            source,
            "nullable",
            "non-nullable",
            ("breaking", "clients sending null are rejected"),
            ("safe", "readers handle null and non-null already"),
            member=member,
        )


def _deprecated_change(
    ctx: _Context, model: str, member: str | None, source: Source, now: bool, scope: str
) -> None:
    if now:
        ctx.add(
            model,
            f"{scope}.deprecated",
            source,
            None,
            "deprecated",
            ("warning", "deprecated: plan to stop using it"),
            ("warning", "deprecated: may be removed later"),
            member=member,
        )
    else:
        ctx.add(
            model,
            f"{scope}.undeprecated",
            source,
            "deprecated",
            None,
            ("safe", "no longer deprecated"),
            ("safe", "no longer deprecated"),
            member=member,
        )


def _compare_objects(
    ctx: _Context, old: ObjectModel, new: ObjectModel, knows: frozenset[str]
) -> None:
    name = new.name
    old_fields = {f.name: f for f in old.fields}
    new_fields = {f.name: f for f in new.fields}
    removed = [f for f in old.fields if f.name not in new_fields]
    added = [f for f in new.fields if f.name not in old_fields]
    for gone, fresh in _renamed_fields(ctx, removed, added):
        removed.remove(gone)
        added.remove(fresh)
        ctx.add(
            name,
            "property.renamed",
            fresh.source,
            gone.name,
            fresh.name,
            (
                ("breaking", "the server expects the new name")
                if fresh.required
                else ("warning", "the server ignores or rejects the old name")
            ),
            (
                ("breaking", "readers look for the old name")
                if gone.required
                else ("warning", "readers look for the old name and find nothing")
            ),
            member=fresh.name,
        )
    for f in removed:
        ctx.add(
            name,
            "property.removed",
            f.source,
            type_text(f.type),
            None,
            ("warning", "clients still sending it may be ignored or rejected"),
            (
                ("breaking", "readers expecting it get nothing")
                if f.required
                else ("warning", "readers get nothing where they had a value")
            ),
            member=f.name,
        )
    for f in added:
        if f.required:
            ctx.add(
                name,
                "property.added_required",
                f.source,
                None,
                type_text(f.type),
                ("breaking", "older clients do not send it"),
                ("safe", "older readers ignore it"),
                member=f.name,
            )
        else:
            ctx.add(
                name,
                "property.added_optional",
                f.source,
                None,
                type_text(f.type),
                ("safe", "optional: older clients may omit it"),
                ("safe", "older readers ignore it"),
                member=f.name,
            )
    for f in new.fields:
        if f.name in old_fields:
            _compare_fields(ctx, name, old_fields[f.name], f, knows)
    if old.additional != new.additional or old.closed != new.closed:
        _compare_additional(ctx, old, new)
    if "composition" in knows and old.bases != new.bases:
        ctx.add(
            name,
            "object.bases_changed",
            new.source,
            ", ".join(old.bases) or None,
            ", ".join(new.bases) or None,
            ("safe", "properties compared after merging allOf"),
            ("safe", "properties compared after merging allOf"),
        )


def _renamed_fields(
    ctx: _Context, removed: list[Field], added: list[Field]
) -> list[tuple[Field, Field]]:
    """Removed and added properties with the same schema, paired as renames: the only
    removed and the only added one of that schema, whatever their names; among several, only
    pairs with similar names (so that dropping ``foo`` and adding an unrelated ``bar``, both
    optional strings, stay a removal and an addition)."""
    pairs: list[tuple[Field, Field]] = []
    taken: set[str] = set()
    for gone in removed:
        same = [f for f in added if f.name not in taken and _same_field_but_name(ctx, gone, f)]
        rivals = [g for g in removed if any(_same_field_but_name(ctx, g, f) for f in same)]
        if len(same) == 1 and len(rivals) == 1:
            match: Field | None = same[0]
        else:
            scored = [(_similarity(gone.name, f.name), f.name, f) for f in same]
            best = max(scored, key=lambda item: (item[0], item[1]), default=None)
            match = best[2] if best is not None and best[0] >= 0.6 else None
        if match is not None:
            taken.add(match.name)
            pairs.append((gone, match))
    return pairs


def _similarity(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, _plain_name(a), _plain_name(b)).ratio()


def _same_field_but_name(ctx: _Context, a: Field, b: Field) -> bool:
    refs_a: list[Node] = []
    refs_b: list[Node] = []
    shape_a = ctx.old.field_shape(replace(a, name=""), refs_a)
    shape_b = ctx.new.field_shape(replace(b, name=""), refs_b)
    if shape_a != shape_b:
        return False
    return [ctx.classes.get(r, -1) for r in refs_a] == [ctx.classes.get(r, -2) for r in refs_b]


def _additional_text(model: ObjectModel) -> str | None:
    if model.closed:
        return "closed"
    return None if model.additional is None else type_text(model.additional)


def _compare_additional(ctx: _Context, old: ObjectModel, new: ObjectModel) -> None:
    name = new.name
    before = (
        "closed" if old.closed else (None if old.additional is None else type_text(old.additional))
    )
    after = (
        "closed" if new.closed else (None if new.additional is None else type_text(new.additional))
    )
    if old.additional is not None and new.additional is not None:
        _compare_types(ctx, name, None, new.source, old.additional, new.additional, "additional")
        return
    if new.closed and not old.closed:
        ctx.add(
            name,
            "object.additional_closed",
            new.source,
            before,
            after,
            ("breaking", "requests with extra keys are now rejected"),
            ("safe", "responses carry fewer keys"),
        )
    elif old.closed and not new.closed:
        ctx.add(
            name,
            "object.additional_opened",
            new.source,
            before,
            after,
            ("safe", "requests may carry extra keys"),
            ("warning", "responses may carry keys older readers do not expect"),
        )
    elif old.additional is None and new.additional is not None:
        ctx.add(
            name,
            "object.additional_declared",
            new.source,
            before,
            after,
            ("safe", "extra keys were allowed already"),
            ("safe", "extra keys were allowed already"),
        )
    elif old.additional is not None and new.additional is None:
        ctx.add(
            name,
            "object.additional_undeclared",
            new.source,
            before,
            after,
            ("safe", "extra keys stay allowed"),
            ("warning", "extra keys are no longer typed"),
        )


def _compare_fields(
    ctx: _Context, model: str, old: Field, new: Field, knows: frozenset[str]
) -> None:
    member, source = new.name, new.source
    if old.required != new.required:
        if new.required:
            ctx.add(
                model,
                "property.became_required",
                source,
                "optional",
                "required",
                ("breaking", "clients that omit it are rejected"),
                ("safe", "readers get it always"),
                member=member,
            )
        else:
            ctx.add(
                model,
                "property.became_optional",
                source,
                "required",
                "optional",
                ("safe", "clients may keep sending it"),
                ("breaking", "readers may get nothing"),
                member=member,
            )
    if "nullable" in knows:
        before = _effective_nullable(ctx.old, old)
        after = _effective_nullable(ctx.new, new)
        if before != after:
            _nullable_change(ctx, model, member, source, before, after, "property")
    _compare_types(ctx, model, member, source, old.type, new.type, "property")
    if "defaults" in knows:
        _compare_const(ctx, model, member, source, old.default, new.default, "default")
    _compare_const(ctx, model, member, source, old.const, new.const, "const")
    if "constraints" in knows:
        _compare_constraints(ctx, model, member, source, old.constraints, new.constraints)
    if "read_only" in knows and old.read_only != new.read_only:
        ctx.add(
            model,
            "property.read_only_added" if new.read_only else "property.read_only_removed",
            source,
            str(old.read_only).lower(),
            str(new.read_only).lower(),
            (
                ("warning", "clients sending it are ignored or rejected")
                if new.read_only
                else ("safe", "clients may now send it")
            ),
            ("safe", "still returned"),
            member=member,
        )
    if "write_only" in knows and old.write_only != new.write_only:
        ctx.add(
            model,
            "property.write_only_added" if new.write_only else "property.write_only_removed",
            source,
            str(old.write_only).lower(),
            str(new.write_only).lower(),
            ("safe", "clients still send it"),
            (
                ("breaking", "no longer returned")
                if new.write_only
                else ("safe", "now also returned; older readers ignore it")
            ),
            member=member,
        )
    if "deprecated" in knows and old.deprecated != new.deprecated:
        _deprecated_change(ctx, model, member, source, new.deprecated, "property")
    if "descriptions" in knows and (old.description or "") != (new.description or ""):
        ctx.add(
            model,
            "property.description_changed",
            source,
            old.description,
            new.description,
            DOCS,
            DOCS,
            member=member,
        )


def _effective_nullable(side: _Side, f: Field) -> Nullable:
    return field_nullable(f, side.models.get, unknown=UnknownNull.UNSTATED)


def _compare_const(
    ctx: _Context,
    model: str,
    member: str | None,
    source: Source,
    old: Const | None,
    new: Const | None,
    what: Literal["default", "const"],
) -> None:
    before, after = _const_text(old), _const_text(new)
    if before == after:
        return
    if what == "default":
        if old is None:
            rules: tuple[Rule, Rule] = (
                ("safe", "a default documents what the server assumes"),
                ("safe", "responses are unaffected"),
            )
            kind = "added"
        elif new is None:
            rules = (
                ("warning", "the server no longer assumes a value when omitted"),
                ("safe", "responses are unaffected"),
            )
            kind = "removed"
        else:
            rules = (
                ("warning", "omitting it now means a different value"),
                ("safe", "responses are unaffected"),
            )
            kind = "changed"
    elif old is None:
        rules = (
            ("breaking", "only one value is accepted now"),
            ("safe", "readers get one of the values they handled"),
        )
        kind = "added"
    elif new is None:
        rules = (
            ("safe", "any value of the type is accepted now"),
            ("warning", "readers may get values other than the constant"),
        )
        kind = "removed"
    else:
        rules = (
            ("breaking", "clients sending the old constant are rejected"),
            ("breaking", "readers expecting the old constant get another value"),
        )
        kind = "changed"
    scope = "model" if member is None else "property"
    ctx.add(model, f"{scope}.{what}_{kind}", source, before, after, *rules, member=member)


# --- types ------------------------------------------------------------------------------------

Relation = Literal["same", "renamed", "widened", "narrowed", "changed"]


@dataclass(frozen=True)
class _TypeChange:
    what: str  # type_changed, format_changed, became_enum, wrapped_in_union, ...
    relation: Relation
    before: str
    after: str


def _compare_types(
    ctx: _Context,
    model: str,
    member: str | None,
    source: Source,
    old: TypeRef,
    new: TypeRef,
    scope: str,
) -> None:
    change = _type_change(ctx, old, new, "")
    if change is None:
        return
    rules: dict[Relation, tuple[Rule, Rule]] = {
        "renamed": (
            ("safe", "same content on the wire under another type name"),
            ("safe", "same content on the wire under another type name"),
        ),
        "widened": (
            ("safe", "everything valid before is still accepted"),
            ("breaking", "readers may get values they do not expect"),
        ),
        "narrowed": (
            ("breaking", "some values valid before are now rejected"),
            ("safe", "readers get a subset of what they handled"),
        ),
        "changed": (
            ("breaking", "the type changed"),
            ("breaking", "the type changed"),
        ),
    }
    request, response = rules.get(change.relation, rules["changed"])
    if change.what.endswith("format_added"):
        request, response = (
            ("warning", "values must now have this format"),
            ("safe", "values keep their type"),
        )
    elif change.what.endswith("format_removed"):
        request, response = (
            ("safe", "any value of the type is accepted"),
            ("warning", "values may no longer have the old format"),
        )
    elif change.what.endswith("format_changed"):
        request, response = (
            ("warning", "values must now have another format"),
            ("warning", "values may have another format"),
        )
    elif change.what.endswith("enum_values_added"):
        response = ("warning", _ENUM_ADDED_RESPONSE)
    elif change.what.endswith("no_longer_enum"):
        response = ("warning", "readers may get values outside the old set")
    ctx.add(
        model,
        f"{scope}.{change.what}",
        source,
        change.before,
        change.after,
        request,
        response,
        member=member,
    )


_ENUM_ADDED_RESPONSE = (
    "modelgen's enums keep unknown values; clients from other generators may reject it"
)


def _type_change(ctx: _Context, old: TypeRef, new: TypeRef, prefix: str) -> _TypeChange | None:
    """How ``old`` (in the old set) relates to ``new`` (in the new set), or None when they are
    the same type under the same names."""
    if old == new and (
        not isinstance(old, Ref) or (old.name in ctx.old.models and old.name in ctx.new.models)
    ):
        return None  # same names; a change inside a shared model is reported on that model
    before, after = type_text(old), type_text(new)
    if ctx.same_shape(old, new):
        if old == new:
            return None
        return _TypeChange(f"{prefix}type_renamed", "renamed", before, after)
    o, _ = ctx.old.resolve(old)
    n, _ = ctx.new.resolve(new)
    if isinstance(o, ListOf) and isinstance(n, ListOf):
        if ctx.same_type(o.item, n.item) and o.unique != n.unique:
            relation: Relation = "narrowed" if n.unique else "widened"
            return _TypeChange(f"{prefix}unique_items_changed", relation, before, after)
        return _nested_change(ctx, o.item, n.item, f"{prefix}items_", before, after)
    if isinstance(o, MapOf) and isinstance(n, MapOf):
        return _nested_change(ctx, o.value, n.value, f"{prefix}map_value_", before, after)
    if isinstance(o, Primitive) and isinstance(n, Primitive):
        return _primitive_change(o, n, prefix, before, after)
    old_model = ctx.old.models.get(o.name) if isinstance(o, Ref) else None
    new_model = ctx.new.models.get(n.name) if isinstance(n, Ref) else None
    if isinstance(new_model, UnionModel) and not isinstance(old_model, UnionModel):
        if any(ctx.same_type(old, v) for v in new_model.variants):
            return _TypeChange(f"{prefix}wrapped_in_union", "widened", before, after)
    if isinstance(old_model, UnionModel) and not isinstance(new_model, UnionModel):
        if any(ctx.same_type(v, new) for v in old_model.variants):
            return _TypeChange(f"{prefix}unwrapped_from_union", "narrowed", before, after)
    if isinstance(old_model, UnionModel) and isinstance(new_model, UnionModel):
        relation = _union_relation(ctx, old_model, new_model)
        return _TypeChange(f"{prefix}union_{_GREW[relation]}", relation, before, after)
    if isinstance(old_model, EnumModel) and isinstance(new_model, EnumModel):
        if old_model.values is not None and new_model.values is not None:
            relation = _set_relation(
                [_enum_key(v.value) for v in old_model.values],
                [_enum_key(v.value) for v in new_model.values],
            )
            if relation == "widened":
                return _TypeChange(f"{prefix}enum_values_added", relation, before, after)
            if relation == "narrowed":
                return _TypeChange(f"{prefix}enum_values_removed", relation, before, after)
        return _TypeChange(f"{prefix}type_changed", "changed", before, after)
    if isinstance(new_model, EnumModel) and isinstance(o, Primitive):
        if o.kind == new_model.base or (o.kind == "number" and new_model.base == "integer"):
            return _TypeChange(f"{prefix}became_enum", "narrowed", before, after)
    if isinstance(old_model, EnumModel) and isinstance(n, Primitive):
        if n.kind == old_model.base or (n.kind == "number" and old_model.base == "integer"):
            return _TypeChange(f"{prefix}no_longer_enum", "widened", before, after)
    if isinstance(n, Primitive) and n.kind == "any":
        return _TypeChange(f"{prefix}type_widened", "widened", before, after)
    if isinstance(o, Primitive) and o.kind == "any":
        return _TypeChange(f"{prefix}type_narrowed", "narrowed", before, after)
    return _TypeChange(f"{prefix}type_changed", "changed", before, after)


def _nested_change(
    ctx: _Context, old: TypeRef, new: TypeRef, prefix: str, before: str, after: str
) -> _TypeChange | None:
    """A change of list items or map values, including their own nullability."""
    inner = _type_change(ctx, old, new, prefix)
    if inner is not None:
        return replace(inner, before=before, after=after)
    _, was_nullable = ctx.old.resolve(old)
    _, is_nullable = ctx.new.resolve(new)
    if was_nullable == is_nullable:
        return None
    relation: Relation = "widened" if is_nullable else "narrowed"
    what = "became_nullable" if is_nullable else "became_non_nullable"
    return _TypeChange(f"{prefix}{what}", relation, before, after)


def _union_relation(ctx: _Context, old: UnionModel, new: UnionModel) -> Relation:
    """How the values a union admits changed: variants are paired (by name, by content, then
    enums with enums and objects with objects), and the pairs' relations combined."""
    pairs, removed, added = _pair_variants(ctx, list(old.variants), list(new.variants))
    relations: set[Relation] = set()
    for a, b in pairs:
        change = _type_change(ctx, a, b, "") if not _same_name(ctx, a) or a != b else None
        if change is not None and change.relation not in ("same", "renamed"):
            relations.add(change.relation)
    for a in list(removed):
        kind = _variant_kind(ctx.old, a)
        match = next((v for v in added if _variant_kind(ctx.new, v) == kind), None)
        if match is None:
            relations.add("narrowed")
            continue
        added.remove(match)
        change = _type_change(ctx, a, match, "")
        if change is not None and change.relation not in ("same", "renamed"):
            relations.add(change.relation)
    if added:
        relations.add("widened")
    if not relations:
        return "same"
    return relations.pop() if len(relations) == 1 else "changed"


def _variant_kind(side: _Side, t: TypeRef) -> str:
    t, _ = side.resolve(t)
    if isinstance(t, Ref):
        model = side.models.get(t.name)
        return model.kind if model is not None else "?"
    if isinstance(t, Primitive):
        return t.kind
    return type(t).__name__


_GREW: dict[Relation, str] = {
    "widened": "grew",
    "narrowed": "shrank",
    "changed": "changed",
    "same": "reordered",
    "renamed": "reordered",
}


def _set_relation(old: list[object], new: list[object]) -> Relation:
    a, b = set(old), set(new)
    if a == b:
        return "same"
    if a < b:
        return "widened"
    if a > b:
        return "narrowed"
    return "changed"


def _primitive_change(
    o: Primitive, n: Primitive, prefix: str, before: str, after: str
) -> _TypeChange | None:
    if o.kind == n.kind:
        if o.format == n.format:
            return None
        if o.format is None:
            return _TypeChange(f"{prefix}format_added", "narrowed", before, after)
        if n.format is None:
            return _TypeChange(f"{prefix}format_removed", "widened", before, after)
        return _TypeChange(f"{prefix}format_changed", "changed", before, after)
    if (o.kind, n.kind) == ("integer", "number") or n.kind == "any":
        return _TypeChange(f"{prefix}type_widened", "widened", before, after)
    if (o.kind, n.kind) == ("number", "integer") or o.kind == "any":
        return _TypeChange(f"{prefix}type_narrowed", "narrowed", before, after)
    return _TypeChange(f"{prefix}type_changed", "changed", before, after)


# --- enums and unions -------------------------------------------------------------------------


def _compare_enums(ctx: _Context, old: EnumModel, new: EnumModel, knows: frozenset[str]) -> None:
    name = new.name
    if old.base != new.base:
        ctx.add(
            name,
            "enum.base_changed",
            new.source,
            old.base,
            new.base,
            ("breaking", "the value type changed"),
            ("breaking", "the value type changed"),
        )
    if "enum_values" in knows and old.values is not None and new.values is not None:
        old_values = {_enum_key(v.value): v for v in old.values}
        new_values = {_enum_key(v.value): v for v in new.values}
        for key, value in new_values.items():
            if key not in old_values:
                ctx.add(
                    name,
                    "enum.value_added",
                    new.source,
                    None,
                    value_text(value.value),
                    ("safe", "older clients send the values they know"),
                    ("warning", _ENUM_ADDED_RESPONSE),
                    member=value_text(value.value),
                )
            elif "descriptions" in knows and (old_values[key].description or "") != (
                value.description or ""
            ):
                ctx.add(
                    name,
                    "enum.value_description_changed",
                    new.source,
                    old_values[key].description,
                    value.description,
                    DOCS,
                    DOCS,
                    member=value_text(value.value),
                )
        for key, value in old_values.items():
            if key not in new_values:
                ctx.add(
                    name,
                    "enum.value_removed",
                    new.source,
                    value_text(value.value),
                    None,
                    ("breaking", "clients sending it are rejected"),
                    ("safe", "readers get a subset of what they handled"),
                    member=value_text(value.value),
                )
    if "defaults" in knows:
        _compare_const(ctx, name, None, new.source, old.default, new.default, "default")


def _compare_unions(ctx: _Context, old: UnionModel, new: UnionModel, knows: frozenset[str]) -> None:
    name = new.name
    pairs, removed, added = _pair_variants(ctx, list(old.variants), list(new.variants))
    for before, variant in pairs:
        if before != variant:
            _compare_types(ctx, name, type_text(variant), new.source, before, variant, "union")
    for variant in added:
        ctx.add(
            name,
            "union.variant_added",
            new.source,
            None,
            type_text(variant),
            ("safe", "older clients send the variants they know"),
            ("breaking", "older readers cannot decode the new variant"),
            member=type_text(variant),
        )
    for variant in removed:
        ctx.add(
            name,
            "union.variant_removed",
            new.source,
            type_text(variant),
            None,
            ("breaking", "clients sending that variant are rejected"),
            ("safe", "readers get a subset of what they handled"),
            member=type_text(variant),
        )
    if old.exclusive != new.exclusive:
        ctx.add(
            name,
            "union.exclusive_changed",
            new.source,
            "oneOf" if old.exclusive else "anyOf",
            "oneOf" if new.exclusive else "anyOf",
            ("warning", "matching rules for variants changed"),
            ("warning", "matching rules for variants changed"),
        )
    if "composition" in knows:
        _compare_discriminators(ctx, old, new)


def _pair_variants(
    ctx: _Context, old: list[TypeRef], new: list[TypeRef]
) -> tuple[list[tuple[TypeRef, TypeRef]], list[TypeRef], list[TypeRef]]:
    """Variants paired across versions: first the same type under the same name (a change
    inside a named variant is reported on that model), then equal content under another name.
    Returns the pairs, the removed and the added variants."""
    pairs: list[tuple[TypeRef, TypeRef]] = []
    old_left, new_left = list(old), []
    for variant in new:
        if variant in old_left and _same_name(ctx, variant):
            old_left.remove(variant)
            pairs.append((variant, variant))
        else:
            new_left.append(variant)
    added: list[TypeRef] = []
    for variant in new_left:
        match = next((v for v in old_left if ctx.same_type(v, variant)), None)
        if match is None:
            added.append(variant)
        else:
            old_left.remove(match)
            pairs.append((match, variant))
    return pairs, old_left, added


def _same_name(ctx: _Context, t: TypeRef) -> bool:
    """True for a reference to a model that exists in both versions, and for every type that is
    no reference at all."""
    return not isinstance(t, Ref) or (t.name in ctx.old.models and t.name in ctx.new.models)


def _compare_discriminators(ctx: _Context, old: UnionModel, new: UnionModel) -> None:
    name = new.name
    a, b = old.discriminator, new.discriminator
    if a is None and b is None:
        return
    if a is None or b is None or a.property != b.property:
        ctx.add(
            name,
            "union.discriminator_changed",
            new.source,
            a.property if a else None,
            b.property if b else None,
            ("breaking", "the server picks the variant by another property"),
            ("breaking", "readers pick the variant by another property"),
        )
        return
    old_map, new_map = dict(a.mapping), dict(b.mapping)
    for value in sorted(set(old_map) | set(new_map)):
        before, after = old_map.get(value), new_map.get(value)
        if before is not None and after is not None:
            if before == after or ctx.same_model(before, after):
                continue
            rules: tuple[Rule, Rule] = (
                ("breaking", "the value now selects another shape"),
                ("breaking", "the value now selects another shape"),
            )
            kind = "union.mapping_changed"
        elif before is None:
            rules = (
                ("safe", "older clients send the values they know"),
                ("breaking", "older readers cannot decode the new value"),
            )
            kind = "union.mapping_added"
        else:
            rules = (
                ("breaking", "clients sending that value are rejected"),
                ("safe", "readers get a subset of what they handled"),
            )
            kind = "union.mapping_removed"
        ctx.add(name, kind, new.source, before, after, *rules, member=value)


# --- constraints ------------------------------------------------------------------------------

# Constraint fields where a larger value tightens (lower bounds) or loosens (upper bounds).
_LOWER = ("minimum", "min_length", "min_items", "min_properties")
_UPPER = ("maximum", "max_length", "max_items", "max_properties")
_FLAGS = ("exclusive_minimum", "exclusive_maximum", "unique_items")


_CONSTRAINT_RULES: dict[Relation, tuple[str, tuple[Rule, Rule]]] = {
    "narrowed": (
        "tightened",
        (
            ("breaking", "requests valid before may now be rejected"),
            ("safe", "readers get values within the old limits"),
        ),
    ),
    "widened": (
        "loosened",
        (
            ("safe", "everything valid before is still accepted"),
            ("warning", "readers may get values outside the old limits"),
        ),
    ),
    "changed": (
        "changed",
        (
            ("breaking", "requests valid before may now be rejected"),
            ("warning", "readers may get values outside the old limits"),
        ),
    ),
}


def _constraint_relation(attr: str, before: object, after: object) -> Relation:
    if attr in _FLAGS:
        return "narrowed" if after else "widened"
    if before is None:
        return "narrowed"
    if after is None:
        return "widened"
    if attr == "multiple_of":
        assert isinstance(before, int | float) and isinstance(after, int | float)
        ratio = after / before if before else math.inf
        return "narrowed" if ratio == int(ratio) else "changed"
    if attr == "pattern":
        return "changed"
    assert isinstance(before, int | float) and isinstance(after, int | float)
    if attr in _LOWER:
        return "narrowed" if after > before else "widened"
    return "narrowed" if after < before else "widened"


def _compare_constraints(
    ctx: _Context,
    model: str,
    member: str | None,
    source: Source,
    old: Constraints,
    new: Constraints,
) -> None:
    if old == new:
        return
    for f in fields(Constraints):
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before == after:
            continue
        relation = _constraint_relation(f.name, before, after)
        kind, rules = _CONSTRAINT_RULES.get(relation, _CONSTRAINT_RULES["changed"])
        scope = "property" if member is not None else "model"
        ctx.add(
            model,
            f"{scope}.constraint_{kind}",
            source,
            f"{_camel(f.name)}: {_constraint_text(before)}",
            f"{_camel(f.name)}: {_constraint_text(after)}",
            *rules,
            member=member,
        )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _constraint_text(value: object) -> str:
    return "none" if value is None else value_text(value)  # type: ignore[arg-type]
