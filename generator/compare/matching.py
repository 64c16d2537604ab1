"""Pairing an SDK's classes with the models of a reference (a spec), before parity compares
them. Pure and language-free: it reads names, files, fields and variants of two
:class:`~generator.ir.ModelSet` s. The rules, and what an SDK reader records for them, are in
``README-sdk-matching.md`` beside this module.

Each round pairs only what earlier rounds left, and only unambiguously: between several
candidates, the one whose JSON keys (enum values) overlap most with the class's, if it is the
only best. A class whose model an earlier pairing took is its *twin* where the evidence is
strong (same name, or the same field of two matched models): the SDK has two classes for one
schema (a response model and its request copy); it is counted as matched and refers to the
model, and is not compared again.
"""

from __future__ import annotations

import functools
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.compare.names import bare_name, loose_model_key, name_key, singular
from generator.ir import (
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
)
from generator.naming import words as _split_words


@functools.lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    return tuple(_split_words(name))


def words(name: str) -> list[str]:
    """The words of a name (:func:`generator.naming.words`), cached: matching asks often."""
    return list(_words(name))


RULES: dict[str, str] = {
    "map": "paired by the --map file",
    "exact": "the class has the model's name",
    "normalised": "the names agree in any naming convention",
    "nesting": "the class's name with its parents', its module's class's or its folder's",
    "loose": "the names agree once words SDKs add (Object, Response, Params...) are dropped",
    "fields": "the same field (or union member) of two matched models types them",
    "shape": "the same JSON keys and constants, and no other candidate",
    "similar": "most JSON keys shared and alike names, and no other candidate",
}


@dataclass(frozen=True, slots=True)
class MapEntry:
    """One pairing the user states (``--map``): the reference's model, the SDK's class."""

    model: str
    sdk_class: str
    reason: str


@dataclass(frozen=True, slots=True)
class Match:
    sdk: str  # the SDK model's name
    model: str  # the reference model's name
    rule: str  # see RULES
    twin: bool = False  # another class of the SDK is compared with the model


@dataclass(frozen=True, slots=True)
class Matching:
    """How one SDK's classes were paired with the reference's models."""

    matches: tuple[Match, ...]  # sorted by SDK name
    classes: tuple[str, ...]  # the SDK's declared models (classes and type aliases), sorted
    unmatched: tuple[str, ...]  # declared SDK models that matched nothing, sorted
    without_class: tuple[str, ...]  # declared reference models no SDK model matched, sorted
    unused_map: tuple[MapEntry, ...] = ()  # --map entries naming nothing of these two sets
    # (model no class has, model with a class of the same keys): one class serves both
    shared: tuple[tuple[str, str], ...] = ()

    def matched_classes(self) -> int:
        declared = set(self.classes)
        return sum(1 for m in self.matches if m.sdk in declared)

    def by_rule(self) -> dict[str, int]:
        """Declared SDK models matched, per rule (twins under ``twin``)."""
        declared = set(self.classes)
        counts: dict[str, int] = {}
        for m in self.matches:
            if m.sdk in declared:
                rule = "twin" if m.twin else m.rule
                counts[rule] = counts.get(rule, 0) + 1
        return dict(sorted(counts.items()))


# --- the two sides ------------------------------------------------------------------------


def module_path(model: Model, models: ModelSet) -> str:
    """The model's file relative to the folder the set was read from, without its extension
    (``beta/threads/run``); the file itself when it is not under that folder."""
    root = models.source.file.replace("\\", "/").rstrip("/")
    file = model.source.file.replace("\\", "/")
    if file.startswith(root + "/"):
        file = file[len(root) + 1 :]
    return posixpath.splitext(file)[0]


@dataclass(frozen=True, slots=True)
class _Class:
    """An SDK model as the name rules see it."""

    model: Model
    short: str  # the last segment of its name
    parents: tuple[str, ...]  # the classes it is nested in (outermost first), by short name
    main: str | None  # the class its module is named after, if another one
    folders: tuple[str, ...]  # the folders of its module path (``chat`` for chat/completion)
    scope: Mapping[str, str]  # the models of its file: last segment -> name
    own: bool  # named like its file (``Batch`` in ``batch.py``)


def _classes(models: ModelSet) -> dict[str, _Class]:
    by_file: dict[str, list[Model]] = defaultdict(list)
    for model in models.models:
        by_file[model.source.file].append(model)
    found: dict[str, _Class] = {}
    for file, members in by_file.items():
        shorts = {bare_name(m.name) for m in members}
        stem = name_key(posixpath.basename(module_path(members[0], models)), qualified=False)
        # The module's own class (a union named so joins its members: no class is its helper).
        mains = [
            m
            for m in members
            if not m.inline
            and isinstance(m, (ObjectModel, EnumModel))
            and name_key(bare_name(m.name), qualified=False) == stem
        ]
        main = bare_name(mains[0].name) if len(mains) == 1 else None
        scope = {bare_name(m.name): m.name for m in members if not m.inline}
        for model in members:
            segments = model.name.split(".")
            parents: list[str] = []
            for segment in reversed(segments[:-1]):
                if segment not in shorts:
                    break
                parents.insert(0, segment)
            short = segments[-1]
            folders = tuple(module_path(model, models).split("/")[:-1])
            own = not parents and name_key(short, qualified=False) == stem
            found[model.name] = _Class(
                model, short, tuple(parents), main if main != short else None, folders, scope, own
            )
        del file
    return found


_CACHE: dict[tuple[str, int], tuple[Model, frozenset[str]]] = {}


def _cached(kind: str, model: Model, compute: Callable[[Model], frozenset[str]]) -> frozenset[str]:
    """``compute(model)``, remembered for the model object (models are frozen)."""
    found = _CACHE.get((kind, id(model)))
    if found is not None and found[0] is model:
        return found[1]
    value = compute(model)
    _CACHE[(kind, id(model))] = (model, value)
    return value


def _field_keys(model: Model) -> frozenset[str]:
    return _cached("keys", model, _compute_field_keys)


def _constants(model: Model) -> frozenset[str]:
    return _cached("constants", model, _compute_constants)


def _compute_field_keys(model: Model) -> frozenset[str]:
    if isinstance(model, ObjectModel):
        return frozenset(name_key(f.name, qualified=False) for f in model.fields)
    if isinstance(model, EnumModel):
        return frozenset(str(v.value) for v in model.values or ())
    if isinstance(model, UnionModel):  # its discriminator values, else its members' names
        if model.discriminator is not None and model.discriminator.mapping:
            return frozenset(tag for tag, _ in model.discriminator.mapping)
        return frozenset(
            name_key(v.name, qualified=True) for v in model.variants if isinstance(v, Ref)
        )
    return frozenset()


def _compute_constants(model: Model) -> frozenset[str]:
    if isinstance(model, ObjectModel):
        return frozenset(
            f"{name_key(f.name, qualified=False)}={f.const.value}"
            for f in model.fields
            if f.const is not None
        )
    return frozenset()


def _overlap(a: Model, b: Model) -> float:
    """The share of JSON keys (enum values, union tags) two models have in common, their
    constants counted as keys too (``type=message`` and ``type=refusal`` differ)."""
    x, y = _field_keys(a) | _constants(a), _field_keys(b) | _constants(b)
    if not x and not y:
        return 0.0
    return len(x & y) / len(x | y)


def _score(a: Model, b: Model) -> tuple[int, float]:
    return (1 if a.kind == b.kind else 0, _overlap(a, b))


# --- the rounds ---------------------------------------------------------------------------


class _Matcher:
    def __init__(self, reference: ModelSet, sdk: ModelSet) -> None:
        self.ref = _with_enum_constants(reference.by_name())
        self.sdk = _with_enum_constants(sdk.by_name())
        self.sdk_set = sdk
        self.classes = _classes(sdk)
        self.ref_words = {name: set(words(name)) for name in self.ref}
        self.sdk_word_index: dict[str, set[str]] = defaultdict(set)
        self.sdk_by_loose: dict[str, list[str]] = defaultdict(list)
        for name, info in self.classes.items():
            if not info.model.inline:
                for word in words(info.short):
                    self.sdk_word_index[word].add(name)
                self.sdk_by_loose[loose_model_key(info.short)].append(name)
        self.word_index: dict[str, set[str]] = defaultdict(set)
        for name, found in self.ref_words.items():
            for word in found:
                self.word_index[word].add(name)
        # request bodies that are no response: a class named `...Response` is not one of them
        self.request_only = reference.request_roots - reference.response_roots
        self.found: dict[str, Match] = {}  # SDK name -> its match
        self.taken: dict[str, str] = {}  # reference name -> the SDK name compared with it

    def pair(self, sdk: str, model: str, rule: str) -> None:
        if self.taken.get(model) == sdk:
            return
        twin = model in self.taken
        self.found[sdk] = Match(sdk, model, rule, twin)
        if not twin:
            self.taken[model] = sdk

    def pin(self, entries: Sequence[MapEntry]) -> list[MapEntry]:
        unused = []
        shorts: dict[str, list[str]] = defaultdict(list)
        for name, info in self.classes.items():
            shorts[info.short].append(name)
        for entry in entries:
            names = [entry.sdk_class] if entry.sdk_class in self.sdk else shorts[entry.sdk_class]
            if entry.model not in self.ref or len(names) != 1 or names[0] in self.found:
                unused.append(entry)
                continue
            self.pair(names[0], entry.model, "map")
        return unused

    def keys(self, info: _Class, rule: str) -> list[str]:
        if rule == "exact":
            return [info.short]
        if rule == "normalised":
            return [name_key(info.short, qualified=False)]
        chains = [info.parents[i:] for i in range(len(info.parents))]
        if info.main is not None and info.main not in info.parents:
            chains.append((info.main, *info.parents))
        names = ["".join(self.named_as(info, p) for p in chain) + info.short for chain in chains]
        if rule == "nesting":
            return [name_key(n, qualified=False) for n in names]
        # The folders of the module path name the API a class belongs to (chat/, beta/threads/);
        # for a module's own class only (one declared beside it follows from its fields).
        names.append(info.short)
        if info.main is None and not info.parents:
            names += ["_".join([*info.folders[-d:], info.short]) for d in (1, 2) if info.folders]

        return [loose_model_key(n) for n in names]

    def named_as(self, info: _Class, short: str) -> str:
        """A parent's (or the module's main class's) name as the nesting rule spells it: the
        model it is paired with, once it is (``RealtimeSessionCreateResponseGA`` for the class
        ``RealtimeSessionCreateResponse``), else its own."""
        found = self.found.get(info.scope.get(short, ""))
        return found.model if found is not None and not found.twin else short

    def by_folders(self) -> None:
        """A module's own class (named like its file) whose name prefixed by a folder of its
        module path is a model's (``Assistant`` in ``beta/assistant.py`` for
        ``BetaAssistant``), where that model shares its keys."""
        index: dict[str, list[str]] = defaultdict(list)
        for name in self.ref:
            index[name_key(name, qualified=True)].append(name)
        for name, info in sorted(self.classes.items()):
            if name in self.found or info.model.inline or not info.folders or not info.own:
                continue
            keys = {name_key(f"{f}_{info.short}", qualified=False) for f in info.folders}
            found = [
                self.ref[m]
                for k in sorted(keys)
                for m in index.get(k, ())
                if _compatible(info.model, self.ref[m])
            ]
            best = _best(info.model, [m for m in found if _shares(info.model, m, 0.5)])
            if best is not None:
                self.pair(name, best.name, "nesting")

    def by_names(
        self, rule: str, key: Callable[[str], str], least: float = 0.5, mains: bool = False
    ) -> None:
        """Pair by names (see :func:`match` for the rules), objects only where they share at
        least ``least`` of their keys (a name alone is the last resort); ``mains``: only the
        classes that are not declared in or beside another (those follow from its fields)."""
        index: dict[str, list[str]] = defaultdict(list)
        for name in self.ref:
            if name not in self.taken:
                index[key(name)].append(name)
        proposals: dict[str, list[str]] = defaultdict(list)  # model -> SDK names
        for name, info in self.classes.items():
            if name in self.found or (info.model.inline and rule != "nesting"):
                continue
            if mains and (info.parents or info.main is not None):
                continue
            if isinstance(info.model, AliasModel) and isinstance(info.model.target, Ref):
                continue  # another name of a class: it follows the class (by_aliases)
            candidates = list(
                dict.fromkeys(m for k in self.keys(info, rule) for m in index.get(k, ()))
            )
            if candidates and rule in ("exact", "normalised"):
                candidates += self.longer_names(info)
            models = [self.named(self.ref[m], info.model) for m in candidates]
            best = _best(
                info.model,
                [
                    m
                    for m in models
                    if m.name not in self.taken
                    and _allowed(info, m, rule, self.request_only)
                    and _compatible(info.model, m)
                    and _shares(info.model, m, least)
                ],
            )
            if best is not None:
                proposals[best.name].append(name)
        for model, names in sorted(proposals.items()):
            target = self.ref[model]
            # A class built on another of the candidates is the other's variant (its twin).
            names = [n for n in names if not any(b in names for b in _bases(self.sdk[n]))]
            winner = _best(target, [self.sdk[n] for n in names])
            if winner is None and _all_same_shape([self.sdk[n] for n in names]):
                winner = self.sdk[sorted(names)[0]]  # copies of one schema: any is the one
            if winner is None:
                continue
            better = self.better_class(target, winner)
            if better is not None:
                winner, rule_used = better, "similar"
            else:
                rule_used = rule
            self.pair(winner.name, model, rule_used)
            for name in names:
                if name != winner.name and _same_shape(self.sdk[name], winner):
                    self.pair(name, model, rule_used)

    def better_class(self, model: Model, winner: Model) -> Model | None:
        """An unpaired class that shares nearly all (90%, and 15% more) of a model's keys,
        and whose name is the model's in other words (``responses.tool.CodeInterpreter`` for
        ``CodeInterpreterTool``, where the class named so is another API's)."""
        if not isinstance(model, ObjectModel):
            return None
        theirs = self.ref_words[model.name]
        loose = loose_model_key(model.name)
        least = max(0.9, _overlap(winner, model) + 0.15)
        ends = words(model.name)
        ends = [ends[0], ends[-1]] if ends else []  # a class sharing the name's first or last word
        found = {
            name
            for word in ends
            for name in self.sdk_word_index.get(word, ())
            if name not in self.found and name != winner.name
        }
        found.update(n for n in self.sdk_by_loose.get(loose, ()) if n not in self.found)
        better = sorted(
            name
            for name in found
            if self.sdk[name].kind == model.kind
            and (
                set(words(self.classes[name].short)) <= theirs
                or loose_model_key(self.classes[name].short) == loose
            )
            and _overlap(self.sdk[name], model) >= least
        )
        if better and _all_same_shape([self.sdk[n] for n in better]):
            return self.sdk[better[0]]
        return None

    def longer_names(self, info: _Class) -> list[str]:
        """Models no class has yet, whose names are the class's name and a word or two more,
        that share nearly all (90%) of its keys: ``RealtimeSessionCreateResponseGA`` for a
        class ``RealtimeSessionCreateResponse`` that has the GA model's fields."""
        mine = words(info.short)
        if not mine or not isinstance(info.model, ObjectModel):
            return []
        found = set.intersection(*(self.word_index.get(w, set()) for w in mine))
        return sorted(
            n
            for n in found
            if n not in self.taken
            and words(n)[: len(mine)] == mine
            and len(mine) < len(words(n)) <= len(mine) + 2
            and _overlap(info.model, self.ref[n]) >= 0.9
        )

    def named(self, model: Model, mine: Model) -> Model:
        """What a class matched by name to ``model`` stands for: the model itself, or, for a
        named alias of another model (``Prompt`` = ``PromptOption`` or null) matched by a class
        that is no alias, the model it names."""
        seen: set[str] = set()
        while (
            isinstance(model, AliasModel)
            and not isinstance(mine, AliasModel)
            and isinstance(model.target, Ref)
            and model.target.name in self.ref
            and model.name not in seen
        ):
            seen.add(model.name)
            model = self.ref[model.target.name]
        return model

    def propagate(self) -> None:
        """Pair what the fields, members and targets of matched models (twins too) type. A
        twin (paired with a model another class has) that a field pairs with a model no class
        has yet is paired with that one instead: a field is the stronger evidence."""
        queue = [(m.sdk, m.model) for m in self.found.values()]
        while queue:
            sdk, model = queue.pop()
            for a, b in self.members(self.sdk[sdk], self.ref[model]):
                if a not in self.sdk or b not in self.ref:
                    continue
                known = self.found.get(a)
                if known is not None and not self.movable(known, b):
                    continue
                if known is not None and not known.twin:
                    del self.taken[known.model]  # the weaker pairing gives way
                if not _compatible(self.sdk[a], self.ref[b]):
                    continue
                self.displace(a, b)
                self.pair(a, b, "fields")
                queue.append((a, b))

    def by_owners(self) -> None:
        """An object unpaired, or paired by its keys alone (shape, similar), whose fields type
        classes paired with models (not twins) is the one model whose fields of the same
        names type those models, where it shares half its keys (``chat/CreateResponse``,
        whose ``choices`` are the chat completion's choices, is
        ``CreateChatCompletionResponse``, not the legacy completion of the same top-level
        keys)."""
        owners: dict[tuple[str, str], set[str]] = defaultdict(set)
        for name, ref in self.ref.items():
            if isinstance(ref, ObjectModel):
                for f in ref.fields:
                    target = _item_ref(f.type)
                    if target is not None:
                        owners[(name_key(f.name, qualified=False), target)].add(name)
        for name, info in sorted(self.classes.items()):
            mine = info.model
            known = self.found.get(name)
            if known is not None and (known.twin or known.rule not in ("shape", "similar")):
                continue
            if not isinstance(mine, ObjectModel):
                continue
            found: set[str] | None = None
            for f in mine.fields:
                target = _item_ref(f.type)
                match = self.found.get(target) if target is not None else None
                if match is None or match.twin:
                    continue
                those = owners.get((name_key(f.name, qualified=False), match.model), set())
                found = set(those) if found is None else found & those
            if not found or len(found) != 1:
                continue
            model = self.ref[found.pop()]
            if model.name not in self.taken and _overlap(mine, model) >= 0.5:
                if known is not None:  # keys alone gave way to what its fields type
                    del self.taken[known.model]
                self.pair(name, model.name, "fields")

    def movable(self, known: Match, model: str) -> bool:
        """Whether a field's evidence moves a class paired before to ``model`` (no class has
        it yet): a twin, or a class paired by looser evidence (names with words dropped, a
        shape) that shares at least as many keys with ``model``."""
        if model in self.taken:
            return False
        if known.twin:
            return True
        if known.rule not in ("loose", "shape", "similar"):
            return False
        mine = self.sdk[known.sdk]
        return _overlap(mine, self.ref[model]) >= _overlap(mine, self.ref[known.model])

    def displace(self, sdk: str, model: str) -> None:
        """Unpair the class a field paired with ``model`` before, when ``sdk`` shares far more
        of its keys (a union's member paired by elimination, then the member itself seen)."""
        other = self.taken.get(model)
        if other is None or self.found[other].rule != "fields":
            return
        target = self.ref[model]
        if _overlap(self.sdk[sdk], target) >= _overlap(self.sdk[other], target) + 0.25:
            del self.taken[model]
            del self.found[other]

    def members(self, a: Model, b: Model) -> Iterable[tuple[str, str]]:
        if isinstance(a, ObjectModel) and isinstance(b, ObjectModel):
            theirs = {name_key(f.name, qualified=False): f for f in b.fields}
            for f in a.fields:
                other = theirs.get(name_key(f.name, qualified=False))
                if other is not None:
                    yield from self.type_pairs(f.type, other.type)
        elif isinstance(a, AliasModel) and isinstance(b, AliasModel):
            yield from self.type_pairs(a.target, b.target)
        elif isinstance(a, UnionModel) and isinstance(b, UnionModel):
            yield from self.variant_pairs(a, b)
        elif isinstance(a, UnionModel) or isinstance(b, UnionModel):
            return
        elif isinstance(b, AliasModel) and not isinstance(a, AliasModel):
            return

    def type_pairs(self, a: TypeRef, b: TypeRef) -> Iterable[tuple[str, str]]:
        b = self.through_aliases(a, b)
        a = self.mine_through_aliases(a, b)
        if isinstance(a, ListOf) and isinstance(b, ListOf):
            yield from self.type_pairs(a.item, b.item)
        elif isinstance(a, MapOf) and isinstance(b, MapOf):
            yield from self.type_pairs(a.value, b.value)
        elif isinstance(a, Ref) and isinstance(b, Ref):
            yield a.name, b.name

    def through_aliases(self, a: TypeRef, b: TypeRef) -> TypeRef:
        """The reference's type, past aliases the SDK writes out in place."""
        seen: set[str] = set()
        while isinstance(b, Ref) and b.name not in seen:
            seen.add(b.name)
            target = self.ref.get(b.name)
            mine = self.sdk.get(a.name) if isinstance(a, Ref) else None
            if not isinstance(target, AliasModel) or isinstance(mine, AliasModel):
                break
            b = target.target
        return b

    def mine_through_aliases(self, a: TypeRef, b: TypeRef) -> TypeRef:
        """The SDK's type, past its aliases of lists and maps where the reference writes the
        list or map in place (``RealtimeToolsConfig = List[RealtimeToolsConfigUnion]``)."""
        seen: set[str] = set()
        while isinstance(a, Ref) and a.name not in seen and not isinstance(b, Ref):
            seen.add(a.name)
            mine = self.sdk.get(a.name)
            if not isinstance(mine, AliasModel):
                break
            a = mine.target
        return a

    def variant_pairs(self, a: UnionModel, b: UnionModel) -> Iterable[tuple[str, str]]:
        """A union's members: by discriminator value, then by kind where each side has one of
        a kind (or as many, in order, alike in their keys), then the same for the members of
        members that are unions themselves (one source may nest what the other flattens)."""
        tags_a, tags_b = _unique_tags(a), _unique_tags(b)
        done_a: set[str] = set()
        done_b: set[str] = set()
        for tag, name in tags_a.items():
            if tag in tags_b:
                done_a.add(name)
                done_b.add(tags_b[tag])
                yield name, tags_b[tag]
        mine = list(a.variants)
        theirs = [self.through_aliases(Ref(""), v) for v in b.variants]
        for _ in range(2):
            slots_a = _slots(mine, self.sdk, done_a)
            slots_b = _slots(theirs, self.ref, done_b)
            for slot, x in slots_a.items():
                y = slots_b.get(slot, [])
                if len(x) == 1 and len(y) == 1:
                    one, other = self.sdk[x[0]], self.ref[y[0]]
                    known = _field_keys(one) and _field_keys(other)
                    pairs = [] if known and _overlap(one, other) < 0.25 else [(x[0], y[0])]

                else:
                    pairs = _mutual_best(
                        [self.sdk[p] for p in x], [self.ref[q] for q in y], least=0.6
                    )
                for p, q in pairs:
                    done_a.add(p)
                    done_b.add(q)
                    yield p, q
            mine = _members(mine, self.sdk, done_a)
            theirs = _members(theirs, self.ref, done_b)

    def by_shape(self) -> None:
        """Pair unmatched classes with the models of the same JSON keys and constants (at
        least three keys, or a constant): with the model's name most like the class's (its
        module path counts), where one is most like it. Several classes of one shape are
        copies of one schema: the first is compared, the others are its twins."""
        self.shapes(_shape, 0.0)
        # The same keys, constants that differ (a discriminator value renamed in one source):
        # only between names that are alike, and never as a twin.
        self.shapes(_keys_only, 0.5)

    def shapes(self, shape: Callable[[Model], object | None], least: float) -> None:
        mine: dict[object, list[str]] = defaultdict(list)
        theirs: dict[object, list[str]] = defaultdict(list)
        for name, model in self.sdk.items():
            derived = any(b in self.sdk for b in _bases(model))  # its base's twin, later
            found = shape(model) if name not in self.found and not derived else None
            if found is not None:
                mine[found].append(name)
        for name, model in self.ref.items():
            found = shape(model)
            if found is not None:
                theirs[found].append(name)
        for key, names in mine.items():
            models = theirs.get(key, [])
            ranked = []
            for name in names:
                # the most alike name; between equals, a model no class has yet
                scores = sorted(
                    ((self.likeness(name, m), m not in self.taken, m) for m in models),
                    reverse=True,
                )
                if not scores or scores[0][0] < least:
                    continue
                if len(scores) > 1 and scores[0][:2] == scores[1][:2]:
                    continue
                ranked.append((-scores[0][0], name, scores[0][2]))
            for _, name, target in sorted(ranked):
                if least and target in self.taken:
                    continue
                self.pair(name, target, "shape")

    def by_bases(self) -> None:
        """A class built on a matched class (its SDK base: ``ParsedResponse(Response)``,
        ``ResponseCreateParamsStreaming(ResponseCreateParamsBase)``) is the base's model with
        what the SDK adds: a twin of it."""
        changed = True
        while changed:
            changed = False
            for name, model in sorted(self.sdk.items()):
                if name in self.found or not isinstance(model, ObjectModel):
                    continue
                for base in model.bases:
                    found = self.found.get(base)
                    if found is not None:
                        self.pair(name, found.model, "fields")
                        changed = True
                        break

    def by_aliases(self) -> None:
        """An alias that names another class (``ChatCompletionMessageToolCall =
        ChatCompletionMessageFunctionToolCall``) stands for that class's model: a twin."""
        for name, model in self.sdk.items():
            if name in self.found or not isinstance(model, AliasModel):
                continue
            target = model.target
            seen = {name}
            while isinstance(target, Ref) and target.name not in seen:
                seen.add(target.name)
                found = self.found.get(target.name)
                if found is not None:
                    self.pair(name, found.model, "fields")
                    break
                named = self.sdk.get(target.name)
                target = named.target if isinstance(named, AliasModel) else Ref("")

    def by_copies(self) -> None:
        """An unpaired class with the keys of a paired one whose name is its name but for the
        words SDKs add (``ChatCompletionToolParam`` beside ``ChatCompletionTool``) is a copy
        of it: a twin of its model."""
        by_key: dict[str, list[str]] = defaultdict(list)
        for match in self.found.values():
            by_key[loose_model_key(self.classes[match.sdk].short)].append(match.sdk)
        for name, info in self.classes.items():
            if name in self.found or info.model.inline:
                continue
            models = {
                self.found[other].model
                for other in by_key.get(loose_model_key(info.short), [])
                if _same_shape(info.model, self.sdk[other])
            }
            if len(models) == 1:
                self.pair(name, models.pop(), "loose")

    def refit(self) -> None:
        """A class paired by name with a model, that shares nearly all its keys (90%, and 15% more
        than with the first) with an unpaired model whose name holds every word
        of the first (``RealtimeSessionCreateResponseGA`` beside
        ``RealtimeSessionCreateResponse``), is paired with that one instead."""
        open_models = [
            m for n, m in self.ref.items() if n not in self.taken and isinstance(m, ObjectModel)
        ]
        for match in list(self.found.values()):
            mine, theirs = self.sdk[match.sdk], self.ref[match.model]
            if match.twin or match.rule not in ("exact", "normalised", "nesting", "loose"):
                continue
            if not isinstance(mine, ObjectModel):
                continue
            now = _overlap(mine, theirs)
            named = set(words(match.model))
            better = [
                m
                for m in open_models
                if m.name not in self.taken
                and named <= set(words(m.name))
                and _overlap(mine, m) >= max(0.9, now + 0.15)
            ]
            if len(better) == 1:
                del self.taken[match.model]
                self.found[match.sdk] = Match(match.sdk, better[0].name, "similar")
                self.taken[better[0].name] = match.sdk

    def shared(self) -> list[tuple[str, str]]:
        """Models no class has that have the keys (and constants) of a model a class has:
        the SDK has one class for both (a JSON and a multipart body of one operation)."""
        shapes: dict[object, str] = {}
        for name in sorted(self.taken):
            key = (self.ref[name].kind, _field_keys(self.ref[name]), _constants(self.ref[name]))
            if _field_keys(self.ref[name]):
                shapes.setdefault(key, name)
        found = []
        for name, model in sorted(self.ref.items()):
            if name in self.taken:
                continue
            key = (model.kind, _field_keys(model), _constants(model))
            if key in shapes:
                found.append((name, shapes[key]))
        return found

    def by_likeness(self) -> None:
        """Pair an unmatched class with the unmatched model that shares most of its JSON keys
        (at least 60% of the two together; 75% under five keys) and whose name is alike, where
        each is the other's one best candidate: the same schema, drifted."""
        proposals: dict[str, list[tuple[tuple[float, float], str]]] = defaultdict(list)
        models = [
            (n, _field_keys(m) | _constants(m))
            for n, m in self.ref.items()
            if n not in self.taken and isinstance(m, ObjectModel) and len(m.fields) >= 2
        ]
        copies: dict[str, list[str]] = defaultdict(list)  # a class -> classes of its keys
        shapes: dict[object, str] = {}
        for name, model in sorted(self.sdk.items()):
            if name in self.found or model.inline or not isinstance(model, ObjectModel):
                continue
            if any(b in self.sdk for b in model.bases):
                continue  # built on another class: its twin, once that one is paired
            first = shapes.setdefault((_field_keys(model), _constants(model)), name)
            if first != name:
                copies[first].append(name)
                continue
            keys = _field_keys(model) | _constants(model)
            if len(keys) < 2:
                continue
            scored = []
            for other, theirs in models:
                shared = len(keys & theirs) / len(keys | theirs)
                if shared >= (0.6 if len(keys) >= 5 else 0.75):  # few keys: most of them
                    likeness = self.likeness(name, other)
                    # many keys in common say more than names; a few keys need alike names
                    if likeness >= 0.3 or (shared >= 0.9 and len(keys) >= 4 and likeness > 0):
                        scored.append(((shared, likeness), other))
            best = _one_best(scored, self.ref)
            if best is not None:
                proposals[best[1]].append((best[0], name))
        for target, names in sorted(proposals.items()):
            chosen = _one_best(names, self.sdk)
            if chosen is None:
                continue
            self.pair(chosen[1], target, "similar")
            for name in copies[chosen[1]]:  # copies of one schema: twins
                self.pair(name, target, "similar")

    def likeness(self, sdk: str, model: str) -> float:
        """How alike the words of a class (with its module path) and a model's name are."""
        info = self.classes[sdk]
        path = module_path(info.model, self.sdk_set)
        mine = {singular(w) for w in [*words(path.replace("/", " ")), *words(info.short)]}
        theirs = {singular(w) for w in words(model)}
        return len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0

    def result(self, unused: Sequence[MapEntry]) -> Matching:
        declared = sorted(n for n, m in self.sdk.items() if not m.inline)
        return Matching(
            matches=tuple(self.found[n] for n in sorted(self.found)),
            classes=tuple(declared),
            unmatched=tuple(n for n in declared if n not in self.found),
            without_class=tuple(
                sorted(n for n, m in self.ref.items() if not m.inline and n not in self.taken)
            ),
            unused_map=tuple(unused),
            shared=tuple(self.shared()),
        )


def _shape(model: Model) -> tuple[frozenset[str], frozenset[str]] | None:
    keys = _field_keys(model)
    if not isinstance(model, ObjectModel) or (len(keys) < 3 and not _constants(model)):
        return None
    return keys, _constants(model)


def _keys_only(model: Model) -> frozenset[str] | None:
    keys = _field_keys(model)
    return keys if isinstance(model, ObjectModel) and len(keys) >= 3 else None


def _slots(
    variants: Sequence[TypeRef], models: Mapping[str, Model], done: set[str]
) -> dict[tuple[str, str], list[str]]:
    """A union's members that name models, by how (``ref`` or ``list``) and the kind named
    (past aliases of lists: ``ResponseInputParam = List[ResponseInputItemParam]``)."""
    slots: dict[tuple[str, str], list[str]] = defaultdict(list)
    for variant in variants:
        how = "ref"
        named = models.get(variant.name) if isinstance(variant, Ref) else None
        if isinstance(named, AliasModel) and isinstance(named.target, ListOf):
            variant = named.target
        if isinstance(variant, ListOf):
            variant, how = variant.item, "list"
        if isinstance(variant, Ref) and variant.name in models and variant.name not in done:
            slots[(how, models[variant.name].kind)].append(variant.name)
    return slots


def _members(
    variants: Sequence[TypeRef], models: Mapping[str, Model], done: set[str]
) -> list[TypeRef]:
    """The members, with those that are unions (and not paired yet) replaced by theirs."""
    flat: list[TypeRef] = []
    for variant in variants:
        model = models.get(variant.name) if isinstance(variant, Ref) else None
        if isinstance(model, UnionModel) and model.name not in done:
            flat.extend(model.variants)
        else:
            flat.append(variant)
    return flat


_REQUEST_WORDS = frozenset({"request", "params", "param", "parameters", "body"})
_RESPONSE_WORDS = frozenset({"response"})


def _role(name: str) -> str | None:
    last = (words(bare_name(name)) or [""])[-1]
    return "request" if last in _REQUEST_WORDS else "response" if last in _RESPONSE_WORDS else None


def _allowed(info: _Class, model: Model, rule: str, request_only: frozenset[str]) -> bool:
    """Loose names pair only models of compatible kinds, that are not one a request's and the
    other a response's (by the last word of their names, or for the model, by its being a
    request body and no response: ``CreateResponse``), and (objects) that share at least a
    third of their keys."""
    if rule != "loose":
        return True
    if not _compatible(info.model, model):
        return False
    role = "request" if model.name in request_only else _role(model.name)
    roles = {_role(info.short), role}
    if roles == {"request", "response"}:
        return False
    both = isinstance(info.model, ObjectModel) and isinstance(model, ObjectModel)
    if both and _field_keys(model) and not _field_keys(info.model):
        return False  # a class with no JSON keys (a transport wrapper): a name alone
    if both and _field_keys(info.model) and _field_keys(model):
        return _overlap(info.model, model) >= 1 / 3
    return True


def _item_ref(type_: TypeRef) -> str | None:
    """The model a type names, itself or as the items of a list or map."""
    while isinstance(type_, (ListOf, MapOf)):
        type_ = type_.item if isinstance(type_, ListOf) else type_.value
    return type_.name if isinstance(type_, Ref) else None


def _bases(model: Model) -> tuple[str, ...]:
    return model.bases if isinstance(model, ObjectModel) else ()


def _unique_tags(union: UnionModel) -> dict[str, str]:
    """Discriminator value -> member, for the values that name one member only."""
    mapping = union.discriminator.mapping if union.discriminator else ()
    counts = Counter(tag for tag, _ in mapping)
    return {tag: name for tag, name in mapping if counts[tag] == 1}


def _with_enum_constants(models: dict[str, Model]) -> dict[str, Model]:
    """The models as matching sees them: a field typed by an enum of one value has that
    value as its constant (as a ``Literal["x"]`` or a spec's ``const`` would), and a union
    with no discriminator has the one its object members' ``type`` constants imply."""
    single = {
        m.name: m.values[0].value
        for m in models.values()
        if isinstance(m, EnumModel) and m.values is not None and len(m.values) == 1
    }
    found: dict[str, Model] = {}
    for name, model in models.items():
        if isinstance(model, ObjectModel) and single:
            fields = tuple(
                replace(f, const=Const(single[f.type.name]))
                if f.const is None and isinstance(f.type, Ref) and f.type.name in single
                else f
                for f in model.fields
            )
            model = replace(model, fields=fields)
        found[name] = model
    for name, model in found.items():
        if isinstance(model, UnionModel) and not (
            model.discriminator and model.discriminator.mapping
        ):
            mapping = []
            for variant in model.variants:
                member = found.get(variant.name) if isinstance(variant, Ref) else None
                if isinstance(member, ObjectModel):
                    for f in member.fields:
                        if f.name == "type" and f.const is not None:
                            mapping.append((str(f.const.value), member.name))
            if mapping:
                found[name] = replace(model, discriminator=Discriminator("type", tuple(mapping)))
    return found


def _compatible(a: Model, b: Model) -> bool:
    """Kinds that may be one schema: the same kind, or an alias of another model on one side
    (one source names the model the other writes in place)."""
    if a.kind == b.kind:
        return True
    return any(isinstance(m, AliasModel) and isinstance(m.target, Ref) for m in (a, b))


def _shares(a: Model, b: Model, least: float) -> bool:
    """Objects (unions) of two keys (tags) or more each that share at least ``least`` of
    them, enums of two values or more each that share at least a third of the values of
    either (one may be the other's older or newer version); anything else passes."""
    x, y = _field_keys(a), _field_keys(b)
    if isinstance(a, UnionModel) and isinstance(b, UnionModel):
        if not _member_kinds(a) & _member_kinds(b):
            return False  # `string | list[string]` is not `ErrorBody | ResultBody`
    if isinstance(a, EnumModel) and isinstance(b, EnumModel) and len(x) > 1 and len(y) > 1:
        return len(x & y) >= min(len(x), len(y)) / 3 and len(x & y) / len(x | y) > 0.3
    kinds = (ObjectModel, UnionModel)
    if not isinstance(a, kinds) or not isinstance(b, kinds) or len(x) < 2 or len(y) < 2:
        return True
    return _overlap(a, b) >= least


def _member_kinds(union: UnionModel) -> frozenset[str]:
    """What a union's members are: ``ref`` (a model), ``list``, ``map`` or a primitive's
    kind."""
    kinds = set()
    for variant in union.variants:
        if isinstance(variant, Ref):
            kinds.add("ref")
        elif isinstance(variant, ListOf):
            kinds.add("list")
        elif isinstance(variant, MapOf):
            kinds.add("map")
        elif isinstance(variant, Primitive):
            kinds.add(variant.kind)
        else:
            kinds.add("other")
    return frozenset(kinds)


def _one_best(
    scored: list[tuple[tuple[float, float], str]], models: Mapping[str, Model]
) -> tuple[tuple[float, float], str] | None:
    """The best scored name; between equals that are copies of one schema (the same keys),
    the first by name; otherwise none."""
    if not scored:
        return None
    top = max(score for score, _ in scored)
    tied = sorted(name for score, name in scored if score == top)
    if len(tied) > 1 and not _all_same_shape([models[n] for n in tied]):
        return None
    return top, tied[0]


def _mutual_best(
    mine: Sequence[Model], theirs: Sequence[Model], least: float
) -> list[tuple[str, str]]:
    """Pairs of models that are each other's one best match by shared keys (at least
    ``least``)."""

    def best(model: Model, others: Sequence[Model]) -> Model | None:
        scored = sorted(((_overlap(model, o), o.name) for o in others), reverse=True)
        if not scored or scored[0][0] < least:
            return None
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return next(o for o in others if o.name == scored[0][1])

    pairs = []
    for model in mine:
        other = best(model, theirs)
        if other is not None:
            back = best(other, mine)
            if back is not None and back.name == model.name:
                pairs.append((model.name, other.name))
    return pairs


def _all_same_shape(models: Sequence[Model]) -> bool:
    return all(_same_shape(models[0], m) for m in models[1:])


def _same_shape(a: Model, b: Model) -> bool:

    return a.kind == b.kind and _field_keys(a) == _field_keys(b)


def _best(model: Model, candidates: Sequence[Model]) -> Model | None:
    """The candidate most like ``model`` (same kind, then most shared JSON keys), if only
    one is best."""
    if not candidates:
        return None
    scored = sorted(((_score(model, c), c.name) for c in candidates), reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    best = scored[0][1]
    return next(c for c in candidates if c.name == best)


def _same(name: str) -> str:
    return name


def _qualified_key(name: str) -> str:
    return name_key(name, qualified=True)


def match(reference: ModelSet, sdk: ModelSet, pinned: Sequence[MapEntry] = ()) -> Matching:
    """Pair the models of ``sdk`` with those of ``reference`` (see the module's rules)."""
    matcher = _Matcher(reference, sdk)
    unused = matcher.pin(pinned)
    matcher.by_names("exact", _same)
    matcher.by_names("normalised", _qualified_key)
    matcher.propagate()
    matcher.by_folders()
    matcher.by_names("nesting", _qualified_key)
    matcher.propagate()
    matcher.by_names("loose", loose_model_key, mains=True)
    matcher.propagate()
    matcher.by_names("loose", loose_model_key)
    matcher.propagate()
    matcher.by_copies()
    matcher.by_bases()
    matcher.by_owners()
    matcher.by_shape()
    matcher.propagate()
    matcher.by_owners()
    matcher.by_likeness()
    matcher.propagate()
    matcher.by_owners()
    matcher.by_bases()
    matcher.refit()
    matcher.by_likeness()
    matcher.propagate()
    # A name alone, where nothing better paired the class or the model.
    matcher.by_names("exact", _same, least=0.25)
    matcher.by_names("normalised", _qualified_key, least=0.25)
    matcher.by_names("nesting", _qualified_key, least=0.25)
    matcher.propagate()
    matcher.by_copies()
    matcher.by_bases()
    matcher.by_aliases()
    try:
        return matcher.result(unused)
    finally:
        _CACHE.clear()


def parse_map(data: object, where: Callable[[str], Exception]) -> list[MapEntry]:
    """Entries from parsed YAML/JSON::

    map:
      OpenAIFile:                 # the spec's model
        class: FileObject         # the SDK's class: its name, or as qualified by the reader
        reason: named after its `object` value by the SDK's generator
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("map"), Mapping):
        raise where("expected a mapping with a 'map' mapping (spec model: {class, reason})")
    entries: list[MapEntry] = []
    for model, item in data["map"].items():
        if not isinstance(model, str) or not model.strip():
            raise where(f"map entry {model!r}: the spec model must be a non-empty string")
        if not isinstance(item, Mapping):
            raise where(f"map entry {model!r}: expected a mapping with 'class' and 'reason'")
        unknown = sorted(set(item) - {"class", "reason"})
        if unknown:
            raise where(f"map entry {model!r}: unknown key {unknown[0]!r}")
        for key in ("class", "reason"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                raise where(f"map entry {model!r}: {key!r} must be a non-empty string")
        entries.append(MapEntry(model, str(item["class"]).strip(), str(item["reason"]).strip()))
    return entries


__all__ = ["RULES", "MapEntry", "Match", "Matching", "match", "module_path", "parse_map"]
