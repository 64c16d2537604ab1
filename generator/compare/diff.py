"""Schema diff review: two :class:`ModelSet` in, a sorted list of :class:`Finding` out.

Pure: no I/O, no emitters. Both sets are first brought to one canonical form
(:func:`canonical`), so that a spelling change is never a finding. Models are matched by name;
a model that exists on one side only is matched to one of the other side by a content
fingerprint (its shape, ignoring its own name, descriptions and source), so a renamed model, or
an inline schema replaced by a ``$ref`` to an equal component, reads as a rename and not as a
removal plus an addition. Inline models the source named by position (a union's members,
``Parent1``, ``Parent2``) are matched by content first: removing the first member does not
make the second one "changed" into the first.

Fingerprints come from partition refinement over both sets at once: every model starts in a
class given by its shallow shape (with references as holes), then classes are split by the
classes of the models they reference until nothing splits. Two models end in the same class
exactly when their expanded content is equal, recursion included. Aliases are transparent (a
reference to a named ``type: string`` alias equals an inline ``type: string``), and a
referenced model's nullability counts as the nullability of the referencing place, so
``nullable`` on the field or on the referenced schema reads the same.

Each finding carries wire verdicts for requests and for responses from :data:`RULES` (one
table, which the README shows: :func:`rules_table`), for the directions that reach the model
(:class:`Directions`: what clients send and what they read, closed over field types, union
variants and alias targets; a model on the wire only as the ``allOf`` parent of others is
judged through them). Code verdicts are added later by :mod:`generator.compare.surface`, from
what the emitters really produce.
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
    type_refs,
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
    # what a union's change added and removed: variants by model name (or type), and the
    # values of enum variants (JSON); empty for other findings
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

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


# --- wire rules -------------------------------------------------------------------------------

Rule: TypeAlias = tuple[Level, str]


@dataclass(frozen=True, slots=True)
class WireRule:
    """What one kind of change does on the wire: to clients sending requests, and to clients
    reading responses."""

    request: Rule
    response: Rule


_WIDENED = WireRule(
    ("safe", "everything valid before is still accepted"),
    ("breaking", "readers may get values they do not expect"),
)
_NARROWED = WireRule(
    ("breaking", "some values valid before are now rejected"),
    ("safe", "readers get a subset of what they handled"),
)
_SAME_WIRE = WireRule(("safe", "the wire does not change"), ("safe", "the wire does not change"))
_ENUM_ADDED_RESPONSE = (
    "modelgen's enums keep unknown values; clients from other generators may reject it"
)

# Every verdict rule, by name. Findings take their wire verdicts from here and nowhere else;
# TABLE shows them in the README (a test checks the README shows rules_table()).
RULES: dict[str, WireRule] = {
    "same_wire": _SAME_WIRE,
    "documentation": WireRule(("safe", "documentation only"), ("safe", "documentation only")),
    "model.removed.used_directly": WireRule(
        ("warning", "an operation used it directly"), ("warning", "an operation used it directly")
    ),
    "model.removed.inside": WireRule(
        ("safe", "the wire sees only the properties that used it"),
        ("safe", "the wire sees only the properties that used it"),
    ),
    "model.kind_changed": WireRule(
        ("breaking", "the kind of model changed"), ("breaking", "the kind of model changed")
    ),
    "widened": _WIDENED,
    "narrowed": _NARROWED,
    "type.renamed": WireRule(
        ("safe", "same content on the wire under another type name"),
        ("safe", "same content on the wire under another type name"),
    ),
    "type.changed": WireRule(("breaking", "the type changed"), ("breaking", "the type changed")),
    "no_longer_enum": WireRule(
        ("safe", "everything valid before is still accepted"),
        ("warning", "readers may get values outside the old set"),
    ),
    "became_nullable": WireRule(
        ("safe", "requests may still send non-null values"),
        ("breaking", "readers may now get null"),
    ),
    "became_non_nullable": WireRule(
        ("breaking", "clients sending null are rejected"),
        ("safe", "readers handle null and non-null already"),
    ),
    "deprecated": WireRule(
        ("warning", "deprecated: plan to stop using it"),
        ("warning", "deprecated: may be removed later"),
    ),
    "undeprecated": WireRule(("safe", "no longer deprecated"), ("safe", "no longer deprecated")),
    "property.added_optional": WireRule(
        ("safe", "optional: older clients may omit it"), ("safe", "older readers ignore it")
    ),
    "property.added_required": WireRule(
        ("breaking", "older clients do not send it"), ("safe", "older readers ignore it")
    ),
    "property.removed.required": WireRule(
        ("warning", "clients still sending it may be ignored or rejected"),
        ("breaking", "readers expecting it get nothing"),
    ),
    "property.removed.optional": WireRule(
        ("warning", "clients still sending it may be ignored or rejected"),
        ("warning", "readers get nothing where they had a value"),
    ),
    # a renamed property: the request side follows the new property, the response side the
    # old one (required or not)
    "property.renamed.required": WireRule(
        ("breaking", "the server expects the new name"),
        ("breaking", "readers look for the old name"),
    ),
    "property.renamed.optional": WireRule(
        ("warning", "the server ignores or rejects the old name"),
        ("warning", "readers look for the old name and find nothing"),
    ),
    "property.became_required": WireRule(
        ("breaking", "clients that omit it are rejected"), ("safe", "readers get it always")
    ),
    "property.became_optional": WireRule(
        ("safe", "clients may keep sending it"), ("breaking", "readers may get nothing")
    ),
    "property.read_only_added": WireRule(
        ("warning", "clients sending it are ignored or rejected"), ("safe", "still returned")
    ),
    "property.read_only_removed": WireRule(
        ("safe", "clients may now send it"), ("safe", "still returned")
    ),
    "property.write_only_added": WireRule(
        ("safe", "clients still send it"), ("breaking", "no longer returned")
    ),
    "property.write_only_removed": WireRule(
        ("safe", "clients still send it"), ("safe", "now also returned; older readers ignore it")
    ),
    "object.bases_changed": WireRule(
        ("safe", "properties compared after merging allOf"),
        ("safe", "properties compared after merging allOf"),
    ),
    "object.additional_closed": WireRule(
        ("breaking", "requests with extra keys are now rejected"),
        ("safe", "responses carry fewer keys"),
    ),
    "object.additional_opened": WireRule(
        ("safe", "requests may carry extra keys"),
        ("warning", "responses may carry keys older readers do not expect"),
    ),
    "object.additional_declared": WireRule(
        ("safe", "extra keys were allowed already"), ("safe", "extra keys were allowed already")
    ),
    "object.additional_undeclared": WireRule(
        ("safe", "extra keys stay allowed"), ("warning", "extra keys are no longer typed")
    ),
    "format_added": WireRule(
        ("warning", "values must now have this format"), ("safe", "values keep their type")
    ),
    "format_removed": WireRule(
        ("safe", "any value of the type is accepted"),
        ("warning", "values may no longer have the old format"),
    ),
    "format_changed": WireRule(
        ("warning", "values must now have another format"),
        ("warning", "values may have another format"),
    ),
    "enum_values_added": WireRule(
        ("safe", "older clients send the values they know"), ("warning", _ENUM_ADDED_RESPONSE)
    ),
    "enum.value_removed": WireRule(
        ("breaking", "clients sending it are rejected"),
        ("safe", "readers get a subset of what they handled"),
    ),
    "enum.base_changed": WireRule(
        ("breaking", "the value type changed"), ("breaking", "the value type changed")
    ),
    "union.variant_added": WireRule(
        ("safe", "older clients send the variants they know"),
        ("breaking", "older readers cannot decode the new variant"),
    ),
    "union.variant_removed": WireRule(
        ("breaking", "clients sending that variant are rejected"),
        ("safe", "readers get a subset of what they handled"),
    ),
    "union.exclusive_changed": WireRule(
        ("warning", "matching rules for variants changed"),
        ("warning", "matching rules for variants changed"),
    ),
    "union.discriminator_changed": WireRule(
        ("breaking", "the server picks the variant by another property"),
        ("breaking", "readers pick the variant by another property"),
    ),
    "union.mapping_added": WireRule(
        ("safe", "older clients send the values they know"),
        ("breaking", "older readers cannot decode the new value"),
    ),
    "union.mapping_removed": WireRule(
        ("breaking", "clients sending that value are rejected"),
        ("safe", "readers get a subset of what they handled"),
    ),
    "union.mapping_changed": WireRule(
        ("breaking", "the value now selects another shape"),
        ("breaking", "the value now selects another shape"),
    ),
    "default_added": WireRule(
        ("safe", "a default documents what the server assumes"),
        ("safe", "responses are unaffected"),
    ),
    "default_removed": WireRule(
        ("warning", "the server no longer assumes a value when omitted"),
        ("safe", "responses are unaffected"),
    ),
    "default_changed": WireRule(
        ("warning", "omitting it now means a different value"), ("safe", "responses are unaffected")
    ),
    "const_added": WireRule(
        ("breaking", "only one value is accepted now"),
        ("safe", "readers get one of the values they handled"),
    ),
    "const_removed": WireRule(
        ("safe", "any value of the type is accepted now"),
        ("warning", "readers may get values other than the constant"),
    ),
    "const_changed": WireRule(
        ("breaking", "clients sending the old constant are rejected"),
        ("breaking", "readers expecting the old constant get another value"),
    ),
    "constraint_tightened": WireRule(
        ("breaking", "requests valid before may now be rejected"),
        ("safe", "readers get values within the old limits"),
    ),
    "constraint_loosened": WireRule(
        ("safe", "everything valid before is still accepted"),
        ("warning", "readers may get values outside the old limits"),
    ),
    "constraint_changed": WireRule(
        ("breaking", "requests valid before may now be rejected"),
        ("warning", "readers may get values outside the old limits"),
    ),
}

# The README's table of verdicts: (what changed, the rules of its cases, in order).
TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("model added / renamed (same content) / `$ref` retarget to equal content", ("same_wire",)),
    (
        "model removed: an operation used it directly / it was used only inside other models",
        ("model.removed.used_directly", "model.removed.inside"),
    ),
    ("model kind changed (object, enum, union, alias)", ("model.kind_changed",)),
    ("property added, optional / required", ("property.added_optional", "property.added_required")),
    (
        "property removed, it was required / optional",
        ("property.removed.required", "property.removed.optional"),
    ),
    (
        "property renamed (removed and added with the same schema), required / optional",
        ("property.renamed.required", "property.renamed.optional"),
    ),
    (
        "property became required / optional",
        ("property.became_required", "property.became_optional"),
    ),
    ("became nullable / non-nullable", ("became_nullable", "became_non_nullable")),
    (
        "type widened (integer to number, union grew, wrapped in a union, became free-form)"
        " / narrowed",
        ("widened", "narrowed"),
    ),
    ("type changed otherwise", ("type.changed",)),
    ("same content under another type name", ("type.renamed",)),
    ("became an enum / no longer an enum", ("narrowed", "no_longer_enum")),
    ("format added / removed / changed", ("format_added", "format_removed", "format_changed")),
    (
        "enum value added (modelgen keeps unknown values; other clients may not) / removed",
        ("enum_values_added", "enum.value_removed"),
    ),
    ("enum base type changed", ("enum.base_changed",)),
    (
        "union variant added / removed (by model name)",
        ("union.variant_added", "union.variant_removed"),
    ),
    ("union oneOf / anyOf switched", ("union.exclusive_changed",)),
    ("discriminator property changed", ("union.discriminator_changed",)),
    (
        "discriminator mapping added / removed / retargeted",
        ("union.mapping_added", "union.mapping_removed", "union.mapping_changed"),
    ),
    ("default added / removed / changed", ("default_added", "default_removed", "default_changed")),
    ("const added / removed / changed", ("const_added", "const_removed", "const_changed")),
    (
        "constraint (min/max, length, pattern, items, uniqueItems, multipleOf) tightened"
        " / loosened / changed",
        ("constraint_tightened", "constraint_loosened", "constraint_changed"),
    ),
    (
        "additionalProperties closed / opened / declared / undeclared",
        (
            "object.additional_closed",
            "object.additional_opened",
            "object.additional_declared",
            "object.additional_undeclared",
        ),
    ),
    ("allOf parents changed (compared after merging)", ("object.bases_changed",)),
    (
        "readOnly added / removed",
        ("property.read_only_added", "property.read_only_removed"),
    ),
    (
        "writeOnly added / removed",
        ("property.write_only_added", "property.write_only_removed"),
    ),
    ("deprecated / no longer deprecated", ("deprecated", "undeprecated")),
    ("description changed (listed apart, never counted)", ("documentation",)),
)


def rules_table() -> str:
    """The README's table of wire verdicts, from :data:`RULES` (a markdown table)."""

    def cell(levels: list[str]) -> str:
        shown = [f"**{lv}**" if lv == "breaking" else lv for lv in levels]
        return shown[0] if len(set(levels)) == 1 else " / ".join(shown)

    lines = ["| change | request | response |", "|---|---|---|"]
    for change, keys in TABLE:
        request = cell([RULES[k].request[0] for k in keys])
        response = cell([RULES[k].response[0] for k in keys])
        lines.append(f"| {change} | {request} | {response} |")
    return "\n".join(lines) + "\n"


# --- reachability ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Directions:
    """Which models what clients send (requests) and what they read (responses) reach, over
    both versions. ``known`` is False when neither source says which operations use which
    models (markdown docs, bare schema files). ``parents``: models on the wire only as the
    ``allOf`` parent of others (their properties are merged into those, which are compared on
    their own), with those others."""

    known: bool
    request: frozenset[str]
    response: frozenset[str]
    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)

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
        typed: set[str] = set()  # reached as the type of something, not only as a parent
        children: dict[str, set[str]] = {}
        for side, side_edges in sides:
            request |= closure(side.request_roots, side_edges)
            response |= closure(side.response_roots, side_edges)
            by_type = {m.name: tuple(_type_refs(m)) for m in side.models}
            typed |= closure(side.request_roots | side.response_roots, by_type)
            for m in side.models:
                if isinstance(m, ObjectModel):
                    for base in m.bases:
                        children.setdefault(base, set()).add(m.name)
        parents = {
            name: tuple(sorted(children.get(name, ()))) for name in (request | response) - typed
        }
        return Directions(known, frozenset(request), frozenset(response), parents)


def _type_refs(model: Model) -> Iterable[str]:
    """What ``model`` references as a type (allOf parents left out)."""
    if isinstance(model, ObjectModel):
        for f in model.fields:
            yield from type_refs(f.type)
        if model.additional is not None:
            yield from type_refs(model.additional)
    else:
        yield from model_refs(model)


def wire_verdicts(
    directions: Directions, names: Iterable[str], rule: WireRule
) -> tuple[Verdict, Verdict]:
    """Turn a change's rule into verdicts for the models it touches: a direction no operation
    of that kind reaches is safe (or n/a when nothing reaches it); a model on the wire only as
    an allOf parent is judged through its children, which carry its properties."""
    if not directions.known:
        unknown = Verdict("n/a", "the source does not say which operations use this model")
        return unknown, unknown
    names = list(names)
    in_request = any(n in directions.request for n in names)
    in_response = any(n in directions.response for n in names)
    if not in_request and not in_response:
        unused = Verdict("n/a", "no operation uses this model")
        return unused, unused
    reached = [n for n in names if n in directions.request or n in directions.response]
    if all(n in directions.parents for n in reached):
        children = sorted({c for n in names for c in directions.parents.get(n, ())})
        shown = ", ".join(children[:3]) + (
            f" and {len(children) - 3} more" if len(children) > 3 else ""
        )
        through = Verdict(
            "safe", f"on the wire only inside its allOf children ({shown}), compared on their own"
        )
        return (
            through if in_request else Verdict("safe", "no request uses this model"),
            through if in_response else Verdict("safe", "no response uses this model"),
        )
    req = Verdict(*rule.request) if in_request else Verdict("safe", "no request uses this model")
    resp = (
        Verdict(*rule.response) if in_response else Verdict("safe", "no response uses this model")
    )
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
    moved: frozenset[str] = frozenset()  # inline names that hold other content now: see _moved
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
        rule: WireRule,
        *,
        member: str | None = None,
        old_model: str | None = None,
        added: tuple[str, ...] = (),
        removed: tuple[str, ...] = (),
    ) -> None:
        names = {model}
        if old_model:
            names.add(old_model)
        req, resp = wire_verdicts(self.directions, names, rule)
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
                added=added,
                removed=removed,
            )
        )

    def same_named(self, t: TypeRef) -> bool:
        """True for a reference to a model that exists in both versions as the same model
        (not an inline model whose name moved to other content), and for every type that is
        no reference at all."""
        if not isinstance(t, Ref):
            return True
        return t.name in self.old.models and t.name in self.new.models and t.name not in self.moved


def compare(old: ModelSet, new: ModelSet) -> list[Finding]:
    """All findings between ``old`` and ``new``, sorted by model, then worst first. Both are
    brought to one form first (:func:`canonical`). A facet one side cannot state
    (``ModelSet.knows``: markdown docs have no formats, say) is left out of the comparison on
    both sides."""
    old, new = canonical(old), canonical(new)
    known = old.knows & new.knows
    names = None
    if "wire_names" not in known:
        names = _PropertyNames(old, new)
    if known != FACETS:
        old, new = forget(old, known), forget(new, known)
    old_side, new_side = _Side(0, old), _Side(1, new)
    classes = content_classes(old_side, new_side)
    ctx = _Context(
        old=old_side,
        new=new_side,
        classes=classes,
        directions=Directions.of(old, new, (old_side.edges, new_side.edges)),
        moved=_moved(old_side, new_side, classes),
    )
    olds, news = ctx.old.models, ctx.new.models
    gone = sorted((set(olds) - set(news)) | ctx.moved)
    added = sorted((set(news) - set(olds)) | ctx.moved)
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
                RULES["same_wire"],
                old_model=name,
            )
        elif not ctx.old.part_of_parent(name):
            model = olds[name]
            root = name in old.request_roots or name in old.response_roots
            rule = RULES["model.removed.used_directly" if root else "model.removed.inside"]
            ctx.add(name, "model.removed", model.source, model.kind, None, rule)
    for name in added:
        if name not in matched_new and not ctx.new.part_of_parent(name):
            model = news[name]
            ctx.add(name, "model.added", model.source, None, model.kind, RULES["same_wire"])
    for name in sorted((set(olds) & set(news)) - ctx.moved):
        if ctx.old.exact[name] != ctx.new.exact[name]:
            _compare_models(ctx, olds[name], news[name], knows)
    found = ctx.findings if names is None else [names.shown(f) for f in ctx.findings]
    return sorted(found, key=sort_key)


class _PropertyNames:
    """Where one side shows language names (``createdAt``) and the other JSON keys
    (``created_at``), properties are compared by their convention-free key (``createdat``);
    findings show them as a side that knows the JSON keys spells them, else as the newer
    side does."""

    def __init__(self, old: ModelSet, new: ModelSet) -> None:
        def spellings(models: ModelSet) -> dict[tuple[str, str], str]:
            return {
                (m.name, _plain_name(f.name)): f.name
                for m in models.models
                if isinstance(m, ObjectModel)
                for f in m.fields
            }

        self.old, self.new = spellings(old), spellings(new)
        old_first = "wire_names" in old.knows and "wire_names" not in new.knows
        self.order = (self.old, self.new) if old_first else (self.new, self.old)

    def name(self, model: str, old_model: str, key: str | None) -> str | None:
        if key is None:
            return None
        for side in self.order:
            spelt = side.get((old_model if side is self.old else model, key))
            if spelt is not None:
                return spelt
        return key

    def shown(self, finding: Finding) -> Finding:
        if not finding.kind.startswith("property."):
            return finding
        model, old_model = finding.model, finding.old_model or finding.model
        member = self.name(model, old_model, finding.member)
        if finding.kind != "property.renamed":
            return replace(finding, member=member)
        before = self.old.get((old_model, finding.before or ""), finding.before)
        after = self.new.get((model, finding.after or ""), finding.after)
        return replace(finding, member=member, before=before, after=after)


def canonical(models: ModelSet) -> ModelSet:
    """``models`` in the one form compared, where spellings of one schema differ in the IR.
    (The loaders fold most spellings already: nullability into a flag, ``allOf`` merged, the
    keywords of a nullable union's only member lifted onto the place it is used.) Here: a
    named alias of an inline model that nothing else uses is that model under the alias's
    name, so ``Foo: {anyOf: [{type: object, ...}, {type: 'null'}]}`` (an alias of the inline
    ``FooOption``, nullable) reads as ``Foo: {type: object, nullable: true, ...}``."""
    by_name = models.by_name()
    users: dict[str, int] = {}
    for model in models.models:
        for name in set(model_refs(model)):
            users[name] = users.get(name, 0) + 1
    roots = models.request_roots | models.response_roots
    folded: dict[str, Model] = {}
    dropped: set[str] = set()
    for model in models.models:
        if not isinstance(model, AliasModel) or not isinstance(model.target, Ref):
            continue
        inner = by_name.get(model.target.name)
        if (
            inner is None
            or isinstance(inner, AliasModel)
            or not inner.inline
            or users.get(inner.name) != 1
            or inner.name in roots
            or inner.name == model.name
        ):
            continue
        nullable = (
            Nullable.YES if Nullable.YES in (model.nullable, inner.nullable) else inner.nullable
        )
        folded[model.name] = replace(
            inner,
            name=model.name,
            nullable=nullable,
            description=model.description or inner.description,
            deprecated=model.deprecated or inner.deprecated,
            source=model.source,
            inline=model.inline,
        )
        dropped.add(inner.name)
    if not folded:
        return models
    kept = tuple(folded.get(m.name, m) for m in models.models if m.name not in dropped)
    return replace(models, models=kept)


def _moved(old: _Side, new: _Side, classes: dict[Node, int]) -> frozenset[str]:
    """Inline models a parent contains on both sides under one name but with other content,
    where that content is found under another name in the same parent on the other side: a
    source that names inline models by position (a union's members: ``Parent1``,
    ``Parent2``) gives the second member the first one's name once the first is removed.
    Those are matched by content, like models of different names, not compared by name."""
    parents: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
    for side in (old, new):
        for parent, refs in side.edges.items():
            for name in refs:
                if name != parent:
                    parents[side.index].setdefault(name, set()).add(parent)

    def sibling_holds(side: _Side, name: str, content: int) -> bool:
        near = parents[side.index].get(name, set())
        return any(
            other != name and side.models[other].inline and classes[(side.index, other)] == content
            for parent in near
            for other in side.edges.get(parent, ())
        )

    moved: set[str] = set()
    for name in old.models.keys() & new.models.keys():
        if not (old.models[name].inline and new.models[name].inline):
            continue
        before, after = classes[(0, name)], classes[(1, name)]
        if before == after or name not in parents[0] or name not in parents[1]:
            continue
        if sibling_holds(new, name, before) or sibling_holds(old, name, after):
            moved.add(name)
    return frozenset(moved)


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
            kind, rule = special
            ctx.add(name, kind, new.source, old.kind, new.kind, rule)
            return
        rule = RULES["model.kind_changed"]
        if isinstance(old, AliasModel) and not isinstance(new, AliasModel):
            rule = _kind_change_through_alias(ctx, old, new) or rule
        ctx.add(name, "model.kind_changed", new.source, old.kind, new.kind, rule)
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
            RULES["documentation"],
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


def _kind_change_as_type_change(
    ctx: _Context, old: Model, new: Model
) -> tuple[str, WireRule] | None:
    """Kind changes that are a widening or narrowing on the wire: a model wrapped in a union
    of itself and more (or unwrapped), an enum that became its plain base type (or back)."""
    before = ctx.type_key(ctx.old, Ref(old.name))
    if isinstance(new, UnionModel) and any(
        ctx.type_key(ctx.new, v) == before for v in new.variants
    ):
        return ("model.wrapped_in_union", RULES["widened"])
    after = ctx.type_key(ctx.new, Ref(new.name))
    if isinstance(old, UnionModel) and any(ctx.type_key(ctx.old, v) == after for v in old.variants):
        return ("model.unwrapped_from_union", RULES["narrowed"])
    if isinstance(old, EnumModel) and isinstance(new, AliasModel):
        if isinstance(new.target, Primitive) and new.target.kind == old.base:
            return ("model.no_longer_enum", RULES["no_longer_enum"])
    if isinstance(new, EnumModel) and isinstance(old, AliasModel):
        if isinstance(old.target, Primitive) and old.target.kind == new.base:
            return ("model.became_enum", RULES["narrowed"])
    return None


def _kind_change_through_alias(ctx: _Context, old: AliasModel, new: Model) -> WireRule | None:
    """An alias of a model replaced by that model's content under the alias's name: the wire
    is unchanged when the content is equal."""
    key_old = ctx.type_key(ctx.old, old.target)
    key_new = ctx.type_key(ctx.new, Ref(new.name))
    if key_old == key_new:
        return RULES["same_wire"]
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
            RULES["became_nullable"],
            member=member,
        )
    else:
        ctx.add(
            model,
            f"{scope}.became_non_nullable",
            source,
            "nullable",
            "non-nullable",
            RULES["became_non_nullable"],
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
            RULES["deprecated"],
            member=member,
        )
    else:
        ctx.add(
            model,
            f"{scope}.undeprecated",
            source,
            "deprecated",
            None,
            RULES["undeprecated"],
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
            WireRule(
                RULES[f"property.renamed.{'required' if fresh.required else 'optional'}"].request,
                RULES[f"property.renamed.{'required' if gone.required else 'optional'}"].response,
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
            RULES["property.removed.required" if f.required else "property.removed.optional"],
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
                RULES["property.added_required"],
                member=f.name,
            )
        else:
            ctx.add(
                name,
                "property.added_optional",
                f.source,
                None,
                type_text(f.type),
                RULES["property.added_optional"],
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
            RULES["object.bases_changed"],
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
    if old.additional is not None and new.additional is not None:
        _compare_types(ctx, name, None, new.source, old.additional, new.additional, "additional")
        return
    if new.closed and not old.closed:
        what = "closed"
    elif old.closed and not new.closed:
        what = "opened"
    elif old.additional is None and new.additional is not None:
        what = "declared"
    elif old.additional is not None and new.additional is None:
        what = "undeclared"
    else:
        return
    kind = f"object.additional_{what}"
    ctx.add(name, kind, new.source, _additional_text(old), _additional_text(new), RULES[kind])


def _compare_fields(
    ctx: _Context, model: str, old: Field, new: Field, knows: frozenset[str]
) -> None:
    member, source = new.name, new.source
    if old.required != new.required:
        kind = "property.became_required" if new.required else "property.became_optional"
        was, now = ("optional", "required") if new.required else ("required", "optional")
        ctx.add(model, kind, source, was, now, RULES[kind], member=member)
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
    for facet, before_flag, after_flag in (
        ("read_only", old.read_only, new.read_only),
        ("write_only", old.write_only, new.write_only),
    ):
        if facet in knows and before_flag != after_flag:
            kind = f"property.{facet}_{'added' if after_flag else 'removed'}"
            was, now = str(before_flag).lower(), str(after_flag).lower()
            ctx.add(model, kind, source, was, now, RULES[kind], member=member)
    if "deprecated" in knows and old.deprecated != new.deprecated:
        _deprecated_change(ctx, model, member, source, new.deprecated, "property")
    if "descriptions" in knows and (old.description or "") != (new.description or ""):
        ctx.add(
            model,
            "property.description_changed",
            source,
            old.description,
            new.description,
            RULES["documentation"],
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
    change = "added" if old is None else "removed" if new is None else "changed"
    scope = "model" if member is None else "property"
    kind = f"{what}_{change}"
    ctx.add(model, f"{scope}.{kind}", source, before, after, RULES[kind], member=member)


# --- types ------------------------------------------------------------------------------------

Relation = Literal["same", "renamed", "widened", "narrowed", "changed"]


@dataclass(frozen=True)
class _TypeChange:
    what: str  # type_changed, format_changed, became_enum, wrapped_in_union, ...
    relation: Relation
    before: str
    after: str
    added: tuple[str, ...] = ()  # union variants and enum values the change added
    removed: tuple[str, ...] = ()


_RELATION_RULES: dict[Relation, str] = {
    "renamed": "type.renamed",
    "widened": "widened",
    "narrowed": "narrowed",
    "changed": "type.changed",
}
# Changes with a rule of their own rather than their relation's.
_OWN_RULES = ("format_added", "format_removed", "format_changed", "enum_values_added")


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
    rule = RULES[_RELATION_RULES.get(change.relation, "type.changed")]
    for what in _OWN_RULES:
        if change.what.endswith(what):
            rule = RULES[what]
    if change.what.endswith("no_longer_enum"):
        rule = RULES["no_longer_enum"]
    ctx.add(
        model,
        f"{scope}.{change.what}",
        source,
        change.before,
        change.after,
        rule,
        member=member,
        added=change.added,
        removed=change.removed,
    )


def _type_change(ctx: _Context, old: TypeRef, new: TypeRef, prefix: str) -> _TypeChange | None:
    """How ``old`` (in the old set) relates to ``new`` (in the new set), or None when they are
    the same type under the same names."""
    if old == new and ctx.same_named(old):
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
            added = tuple(type_text(v) for v in new_model.variants if not ctx.same_type(old, v))
            return _TypeChange(f"{prefix}wrapped_in_union", "widened", before, after, added)
    if isinstance(old_model, UnionModel) and not isinstance(new_model, UnionModel):
        if any(ctx.same_type(v, new) for v in old_model.variants):
            removed = tuple(type_text(v) for v in old_model.variants if not ctx.same_type(v, new))
            return _TypeChange(
                f"{prefix}unwrapped_from_union", "narrowed", before, after, removed=removed
            )
    if isinstance(old_model, UnionModel) and isinstance(new_model, UnionModel):
        relation, added, removed = _union_relation(ctx, old_model, new_model)
        what = f"{prefix}union_{_GREW[relation]}"
        return _TypeChange(what, relation, before, after, added, removed)
    if isinstance(old_model, EnumModel) and isinstance(new_model, EnumModel):
        change = _enum_change(old_model, new_model)
        if change is not None:
            relation, added, removed = change
            what = "enum_values_added" if relation == "widened" else "enum_values_removed"
            return _TypeChange(f"{prefix}{what}", relation, before, after, added, removed)
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


def _enum_change(
    old: EnumModel, new: EnumModel
) -> tuple[Relation, tuple[str, ...], tuple[str, ...]] | None:
    """A widening or narrowing of an enum's values (with the values added and removed), or
    None for any other change."""
    if old.values is None or new.values is None:
        return None
    before = {_enum_key(v.value): v for v in old.values}
    after = {_enum_key(v.value): v for v in new.values}
    relation = _set_relation(list(before), list(after))
    if relation not in ("widened", "narrowed"):
        return None
    added = tuple(value_text(v.value) for k, v in after.items() if k not in before)
    removed = tuple(value_text(v.value) for k, v in before.items() if k not in after)
    return relation, added, removed


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


def _union_relation(
    ctx: _Context, old: UnionModel, new: UnionModel
) -> tuple[Relation, tuple[str, ...], tuple[str, ...]]:
    """How the values a union admits changed, with the variants added and removed (by model
    name, or type) and the values enum variants gained or lost: variants are paired (by name,
    by content, then enums with enums and objects with objects), and the pairs' relations
    combined."""
    pairs, removed, added = _pair_variants(ctx, list(old.variants), list(new.variants))
    relations: set[Relation] = set()
    more: list[str] = []
    fewer: list[str] = []

    def pair(a: TypeRef, b: TypeRef) -> None:
        change = _type_change(ctx, a, b, "")
        if change is not None and change.relation not in ("same", "renamed"):
            relations.add(change.relation)
            more.extend(change.added)
            fewer.extend(change.removed)

    for a, b in pairs:
        if not ctx.same_named(a) or a != b:
            pair(a, b)
    for a in list(removed):
        kind = _variant_kind(ctx.old, a)
        match = next((v for v in added if _variant_kind(ctx.new, v) == kind), None)
        if match is None:
            relations.add("narrowed")
            fewer.append(type_text(a))
            continue
        added.remove(match)
        pair(a, match)
    if added:
        relations.add("widened")
        more.extend(type_text(v) for v in added)
    if not relations:
        return "same", (), ()
    relation = relations.pop() if len(relations) == 1 else "changed"
    return relation, tuple(more), tuple(fewer)


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
            name, "enum.base_changed", new.source, old.base, new.base, RULES["enum.base_changed"]
        )
    if "enum_values" in knows and old.values is not None and new.values is not None:
        old_values = {_enum_key(v.value): v for v in old.values}
        new_values = {_enum_key(v.value): v for v in new.values}
        for key, value in new_values.items():
            text = value_text(value.value)
            if key not in old_values:
                rule = RULES["enum_values_added"]
                ctx.add(name, "enum.value_added", new.source, None, text, rule, member=text)
            elif "descriptions" in knows and (old_values[key].description or "") != (
                value.description or ""
            ):
                ctx.add(
                    name,
                    "enum.value_description_changed",
                    new.source,
                    old_values[key].description,
                    value.description,
                    RULES["documentation"],
                    member=text,
                )
        for key, value in old_values.items():
            if key not in new_values:
                text = value_text(value.value)
                rule = RULES["enum.value_removed"]
                ctx.add(name, "enum.value_removed", new.source, text, None, rule, member=text)
    if "defaults" in knows:
        _compare_const(ctx, name, None, new.source, old.default, new.default, "default")


def _compare_unions(ctx: _Context, old: UnionModel, new: UnionModel, knows: frozenset[str]) -> None:
    name = new.name
    pairs, removed, added = _pair_variants(ctx, list(old.variants), list(new.variants))
    for before, variant in pairs:
        if before != variant:
            _compare_types(ctx, name, type_text(variant), new.source, before, variant, "union")
    for variant in added:
        text = type_text(variant)
        rule = RULES["union.variant_added"]
        ctx.add(
            name, "union.variant_added", new.source, None, text, rule, member=text, added=(text,)
        )
    for variant in removed:
        text = type_text(variant)
        rule = RULES["union.variant_removed"]
        ctx.add(
            name,
            "union.variant_removed",
            new.source,
            text,
            None,
            rule,
            member=text,
            removed=(text,),
        )
    if old.exclusive != new.exclusive:
        ctx.add(
            name,
            "union.exclusive_changed",
            new.source,
            "oneOf" if old.exclusive else "anyOf",
            "oneOf" if new.exclusive else "anyOf",
            RULES["union.exclusive_changed"],
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
        if variant in old_left and ctx.same_named(variant):
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
            RULES["union.discriminator_changed"],
        )
        return
    old_map, new_map = dict(a.mapping), dict(b.mapping)
    for value in sorted(set(old_map) | set(new_map)):
        before, after = old_map.get(value), new_map.get(value)
        if before is not None and after is not None:
            if before == after or ctx.same_model(before, after):
                continue
            kind = "union.mapping_changed"
        elif before is None:
            kind = "union.mapping_added"
        else:
            kind = "union.mapping_removed"
        ctx.add(name, kind, new.source, before, after, RULES[kind], member=value)


# --- constraints ------------------------------------------------------------------------------

# Constraint fields where a larger value tightens (lower bounds) or loosens (upper bounds).
_LOWER = ("minimum", "min_length", "min_items", "min_properties")
_UPPER = ("maximum", "max_length", "max_items", "max_properties")
_FLAGS = ("exclusive_minimum", "exclusive_maximum", "unique_items")

_CONSTRAINT_CHANGE: dict[Relation, str] = {
    "narrowed": "tightened",
    "widened": "loosened",
    "changed": "changed",
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
        kind = f"constraint_{_CONSTRAINT_CHANGE.get(relation, 'changed')}"
        scope = "property" if member is not None else "model"
        ctx.add(
            model,
            f"{scope}.{kind}",
            source,
            f"{_camel(f.name)}: {_constraint_text(before)}",
            f"{_camel(f.name)}: {_constraint_text(after)}",
            RULES[kind],
            member=member,
        )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _constraint_text(value: object) -> str:
    return "none" if value is None else value_text(value)  # type: ignore[arg-type]
