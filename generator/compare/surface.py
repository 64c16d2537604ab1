"""Code verdicts for a schema diff, taken from what the targets really generate.

For each language, the changed models (with what they reference) are emitted for both
versions with the real emitter, which returns, besides the files, the public-API listing of
what it wrote (types, fields with their types, constructor parameters and whether they are
required, enum cases with their wire values, aliases; :class:`~generator.targets.ApiItem`) and
its symbol table (model -> the names generated for it, its main type first): every listed type
is attributed to its model through the symbols, never by its name. The two versions' listings
are compared into :class:`CodeChange` items, and each diff finding gets, per language, the
worst code change that concerns its model and member. Code changes no finding explains (an enum
case renamed while its wire value stayed, say) become findings of their own.

What this module knows of a language is its target's :class:`~generator.targets.ApiRules`: how
it spells null and unions, and whether a new enum case or subtype breaks exhaustive switches.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from generator.compare.diff import RANK, Finding, Level, Verdict
from generator.compare.names import name_key
from generator.errors import ModelgenError
from generator.ir import ModelSet, edges
from generator.ir import closure as reachable
from generator.targets import TYPE_KINDS, ApiItem, ApiRules, Emitted, Symbol, target

# --- comparing listings ---


@dataclass(frozen=True)
class CodeChange:
    """One difference between the two listings of a language, attributed to a model."""

    models: tuple[str | None, str | None]  # (old name, new name) of the model compared
    owner: str
    member: str  # "" for the type itself
    what: str  # type_removed, type_renamed, field_type_changed, case_renamed, ...
    level: Level
    reason: str
    value: str = ""  # enum case value, for matching enum findings

    def keys(self) -> set[str]:
        return {k for k in (norm(self.member), norm(self.value)) if k}


def norm(name: str) -> str:
    """Name compared across spellings: ``quantity_unit``, ``quantityUnit``, ``$quantityUnit``,
    ``class_``, ``"tokens"``, ``'tokens'`` all compare equal to their plain words
    (:func:`~generator.compare.names.name_key`; generated names are never qualified)."""
    return name_key(name, qualified=False)


Aliases = dict[str, str]  # generated alias name -> its target type text


def compare_owner(
    rules: ApiRules,
    model: tuple[str | None, str | None],
    old: list[ApiItem],
    new: list[ApiItem],
    aliases: tuple[Aliases, Aliases] = ({}, {}),
) -> list[CodeChange]:
    """Changes between two versions of one generated type (``old``/``new``: its items), read
    with the ``rules`` of its language."""
    changes: list[CodeChange] = []
    old_head = next((i for i in old if i.kind in TYPE_KINDS), None)
    new_head = next((i for i in new if i.kind in TYPE_KINDS), None)
    assert old_head is not None and new_head is not None
    owner = new_head.owner

    def add(member: str, what: str, level: Level, reason: str, value: str = "") -> None:
        changes.append(CodeChange(model, owner, member, what, level, reason, value))

    if old_head.owner != new_head.owner:
        add(
            "",
            "type_renamed",
            "breaking",
            f"{old_head.kind} {old_head.owner} is now {new_head.owner}",
        )
    if old_head.kind != new_head.kind:
        add("", "type_kind_changed", "breaking", f"{old_head.kind} became {new_head.kind}")
    elif old_head.signature != new_head.signature:
        if old_head.kind == "alias":
            before = rules.alternatives(old_head.signature)
            after = rules.alternatives(new_head.signature)
            if before < after:
                add("", "alias_widened", "warning", f"{owner} also admits {_join(after - before)}")
            else:
                add("", "alias_changed", "breaking", f"{owner} is now {new_head.signature}")
        else:
            add(
                "",
                "type_header_changed",
                "warning",
                f"declaration changed: {old_head.signature or '(none)'} -> "
                f"{new_head.signature or '(none)'}",
            )
    changes += [
        CodeChange(model, owner, c.member, c.what, c.level, c.reason, c.value)
        for c in _compare_members(rules, owner, old, new, aliases)
    ]
    return changes


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _expand(type_text: str, aliases: Aliases) -> str:
    """Alias names in a type replaced by what they stand for (a few levels deep)."""
    for _ in range(5):
        expanded = _IDENTIFIER.sub(lambda m: aliases.get(m.group(0), m.group(0)), type_text)
        if expanded == type_text:
            break
        type_text = expanded
    return type_text


def _alternatives(
    rules: ApiRules, a: str, b: str, aliases: tuple[Aliases, Aliases]
) -> tuple[frozenset[str], frozenset[str]]:
    """What types ``a`` (old) and ``b`` (new) admit, aliases expanded."""
    return (
        rules.alternatives(_expand(a, aliases[0])),
        rules.alternatives(_expand(b, aliases[1])),
    )


def _join(parts: Iterable[str]) -> str:
    return ", ".join(sorted(parts))


def _compare_members(
    rules: ApiRules,
    owner: str,
    old: list[ApiItem],
    new: list[ApiItem],
    aliases: tuple[Aliases, Aliases],
) -> list[CodeChange]:
    out: list[CodeChange] = []

    def add(member: str, what: str, level: Level, reason: str, value: str = "") -> None:
        out.append(CodeChange((None, None), owner, member, what, level, reason, value))

    for kind in ("field", "param"):
        before = {i.member: i.signature for i in old if i.kind == kind}
        after = {i.member: i.signature for i in new if i.kind == kind}
        for member in sorted(set(before) | set(after)):
            a, b = before.get(member), after.get(member)
            if a == b:
                continue
            if kind == "field":
                if b is None:
                    add(member, "field_removed", "breaking", f"field {member} removed")
                elif a is None:
                    add(member, "field_added", "safe", f"new field {member}: {b}")
                else:
                    (base_a, _), (base_b, null_b) = rules.split_null(a), rules.split_null(b)
                    admits_a, admits_b = _alternatives(rules, a, b, aliases)
                    if admits_a == admits_b:
                        add(
                            member,
                            "field_type_renamed",
                            "safe",
                            f"{member}: {a} -> {b} (an alias of the same type)",
                        )
                    elif base_a == base_b and null_b:
                        add(
                            member,
                            "field_became_nullable",
                            "warning",
                            f"{member} may now be null ({a} -> {b})",
                        )
                    elif base_a == base_b:
                        add(member, "field_became_non_nullable", "safe", f"{member}: {a} -> {b}")
                    elif admits_a < admits_b:
                        add(
                            member,
                            "field_type_widened",
                            "warning",
                            f"{member} may hold more kinds of value ({a} -> {b})",
                        )
                    else:
                        add(member, "field_type_changed", "breaking", f"{member}: {a} -> {b}")
            elif a is None:
                if b == "required":
                    add(
                        member,
                        "required_param_added",
                        "breaking",
                        f"constructor gains required parameter {member}",
                    )
                else:
                    add(member, "optional_param_added", "safe", f"new optional parameter {member}")
            elif b is None:
                add(
                    member,
                    "param_removed",
                    "breaking",
                    f"constructor parameter {member} removed",
                )
            elif b == "required":
                add(member, "param_became_required", "breaking", f"{member} must now be passed")
            elif a == "required":
                add(member, "param_became_optional", "safe", f"{member} may now be left out")
            else:
                add(
                    member,
                    "param_default_changed",
                    "warning",
                    f"leaving {member} out now means {b.removeprefix('optional = ')}"
                    f" (was {a.removeprefix('optional = ')})",
                )
    old_cases = {i.value or i.member: i.member for i in old if i.kind == "case"}
    new_cases = {i.value or i.member: i.member for i in new if i.kind == "case"}
    for value in sorted(set(old_cases) | set(new_cases)):
        a, b = old_cases.get(value), new_cases.get(value)
        if a == b:
            continue
        if a is not None and b is not None:
            add(
                b,
                "case_renamed",
                "breaking",
                f"enum case {owner}.{a} is now {owner}.{b} (same value {value})",
                value,
            )
        elif b is None:
            add(a or "", "case_removed", "breaking", f"enum case {owner}.{a} removed", value)
        elif rules.exhaustive_enums:
            add(
                b,
                "case_added",
                "warning",
                f"new enum case {b}: exhaustive switches over {owner} stop compiling",
                value,
            )
        else:
            add(b, "case_added", "safe", f"new enum case {owner}.{b}", value)
    return out


# --- driving the emitters ---


def closure(models: ModelSet, names: Iterable[str]) -> ModelSet:
    """``models`` cut down to ``names`` and everything they reference."""
    keep = reachable(names, edges(models.models))
    return replace(
        models,
        models=tuple(m for m in models.models if m.name in keep),
        request_roots=models.request_roots & keep,
        response_roots=models.response_roots & keep,
    )


Owned = dict[str, list[ApiItem]]  # generated type name -> its items, in listing order


@dataclass(frozen=True)
class Generated:
    """One version's generated code in one language, as diff reads it: its listing by type
    and the symbol table attributing each type to its model."""

    owners: Owned
    symbols: Mapping[str, tuple[Symbol, ...]]
    aliases: Aliases  # alias name -> its target type
    sealed: frozenset[str]  # types whose subtypes switches must all name

    @classmethod
    def of(cls, emitted: Emitted, rules: ApiRules) -> Generated:
        owners: Owned = {}
        for item in emitted.api:
            owners.setdefault(item.owner, []).append(item)
        heads = [i for i in emitted.api if i.kind in TYPE_KINDS]
        return cls(
            owners=owners,
            symbols=emitted.symbols,
            aliases={i.owner: i.signature for i in heads if i.kind == "alias"},
            sealed=frozenset(i.owner for i in heads if rules.sealed(i.signature)),
        )

    def model(self, name: str | None) -> tuple[str | None, Owned]:
        """The main type of model ``name`` (None when it has none), and every type generated
        for it with its items."""
        if name is None:
            return None, {}
        names = [s.name for s in self.symbols.get(name, ())]
        owned = {n: self.owners[n] for n in names if n in self.owners}
        return (names[0] if names and names[0] in owned else None), owned


@dataclass
class Surface:
    """What the generated code of each language says about a diff."""

    languages: tuple[str, ...] = ()
    changes: dict[str, list[CodeChange]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    code_diff: dict[str, str] = field(default_factory=dict)


Emit = Callable[[str, ModelSet], Emitted]


def surface(
    old: ModelSet,
    new: ModelSet,
    findings: list[Finding],
    languages: Iterable[str],
    emit: Emit,
    want_code_diff: bool = False,
) -> Surface:
    """Emit the changed models of both versions in each language and compare their APIs.

    ``emit(language, models)`` returns what the target generated (files, symbols and listing);
    a :class:`ModelgenError` from it becomes a note, and that language's verdicts stay n/a.
    """
    old_by_name, new_by_name = old.by_name(), new.by_name()
    pairs = sorted(
        {
            (
                (f.old_model or f.model) if (f.old_model or f.model) in old_by_name else None,
                f.model if f.model in new_by_name else None,
            )
            for f in findings
            if not f.description_only  # documentation never changes the API listing
        },
        key=lambda pair: (pair[1] or "", pair[0] or ""),
    )
    old_names = {a for a, _ in pairs if a is not None}
    new_names = {b for _, b in pairs if b is not None}
    result = Surface(languages=tuple(languages))
    if not old_names and not new_names:
        return result
    old_subset, new_subset = closure(old, old_names), closure(new, new_names)
    for language in result.languages:
        rules = target(language).rules()
        if rules is None:
            result.notes.append(f"{language}: no public-API listing for it; no code verdicts")
            continue
        try:
            old_emitted = emit(language, old_subset) if old_names else Emitted({})
            new_emitted = emit(language, new_subset) if new_names else Emitted({})
        except ModelgenError as error:
            result.notes.append(f"{language}: could not generate code to compare: {error}")
            continue
        except Exception as error:  # an emitter bug must not hide the wire review
            result.notes.append(
                f"{language}: the emitter failed ({type(error).__name__}: {error});"
                " code verdicts left out, please report this"
            )
            continue
        before = Generated.of(old_emitted, rules)
        after = Generated.of(new_emitted, rules)
        aliases = (before.aliases, after.aliases)
        sealed = before.sealed & after.sealed  # sealed in both versions
        changes: list[CodeChange] = []
        for a, b in pairs:
            changes += _compare_model(
                rules, (a, b), before.model(a), after.model(b), aliases, sealed
            )
        result.changes[language] = changes
        if want_code_diff:
            result.code_diff[language] = _unified(
                old_emitted.files, new_emitted.files, rules.suffixes
            )
    return result


def _compare_model(
    rules: ApiRules,
    model: tuple[str | None, str | None],
    before: tuple[str | None, Owned],
    after: tuple[str | None, Owned],
    aliases: tuple[Aliases, Aliases] = ({}, {}),
    sealed: frozenset[str] = frozenset(),
) -> list[CodeChange]:
    """All code changes of one model (``before``/``after``: its main type and all its types
    in each version): its main type paired across versions (even when renamed), helper types
    paired by name."""
    if before == after:
        return []  # the same types with the same items: nothing changed in this language
    changes: list[CodeChange] = []
    (main_before, old), (main_after, new) = before, after
    pairs: list[tuple[str, str]] = []
    if main_before is not None and main_after is not None:
        pairs.append((main_before, main_after))
    for owner in sorted(set(old) & set(new)):
        if owner not in (main_before, main_after):
            pairs.append((owner, owner))
    paired_before = {a for a, _ in pairs}
    paired_after = {b for _, b in pairs}
    for a, b in pairs:
        if not any(i.kind in TYPE_KINDS for i in old[a]) or not any(
            i.kind in TYPE_KINDS for i in new[b]
        ):
            continue
        changes += compare_owner(rules, model, old[a], new[b], aliases)
    for owner in sorted(set(old) - paired_before):
        changes.append(
            CodeChange(model, owner, "", "type_removed", "breaking", f"{owner} no longer exists")
        )
    for owner in sorted(set(new) - paired_after):
        parent = _sealed_parent(new[owner], sealed, rules)
        if parent is not None:
            changes.append(
                CodeChange(
                    model,
                    owner,
                    "",
                    "subtype_added",
                    "warning",
                    f"new subtype {owner}: exhaustive switches over {parent} stop compiling",
                )
            )
        else:
            changes.append(CodeChange(model, owner, "", "type_added", "safe", f"new type {owner}"))
    return changes


def _sealed_parent(items: list[ApiItem], sealed: frozenset[str], rules: ApiRules) -> str | None:
    """The already existing sealed type that a new type extends or implements, if any."""
    head = next((i for i in items if i.kind in TYPE_KINDS), None)
    if head is None:
        return None
    return next((p for p in rules.supertypes(head.signature) if p in sealed), None)


def _unified(
    old_files: dict[str, str], new_files: dict[str, str], suffixes: tuple[str, ...]
) -> str:
    chunks: list[str] = []
    for path in sorted(set(old_files) | set(new_files)):
        a, b = old_files.get(path), new_files.get(path)
        if a == b or not path.endswith(suffixes):
            continue
        chunks.extend(
            difflib.unified_diff(
                (a or "").splitlines(keepends=True),
                (b or "").splitlines(keepends=True),
                fromfile=f"a/{path}" if a is not None else "/dev/null",
                tofile=f"b/{path}" if b is not None else "/dev/null",
            )
        )
    return "".join(chunks)


# --- verdicts for findings ---

MODEL_LEVEL_PREFIXES = ("model.", "union.", "alias.", "object.", "enum.base", "additional.")


def apply(findings: list[Finding], result: Surface) -> list[Finding]:
    """``findings`` with a code verdict per language, plus findings for code changes no
    wire-level finding explains."""
    claimed: set[tuple[str, int]] = set()
    out: list[Finding] = []
    indexes = {language: _ByModels(changes) for language, changes in result.changes.items()}
    for finding in findings:
        code: list[tuple[str, Verdict]] = []
        for language in result.languages:
            index = indexes.get(language)
            if index is None:
                code.append((language, Verdict("n/a", "code not generated (see notes)")))
                continue
            matched = _matching(finding, index)
            claimed.update((language, id(c)) for c in matched)
            code.append((language, _verdict(matched)))
        out.append(replace(finding, code=tuple(code)))
    out += _unexplained(result, claimed)
    return out


class _ByModels:
    """One language's code changes grouped by the models they belong to, so that matching a
    finding looks at that model's changes only (a rewrite has thousands of both)."""

    def __init__(self, changes: list[CodeChange]) -> None:
        self.pairs: dict[tuple[str | None, str | None], list[CodeChange]] = {}
        self.models: dict[str | None, list[CodeChange]] = {}
        for change in changes:  # each list keeps the order of ``changes``
            self.pairs.setdefault(change.models, []).append(change)
            self.models.setdefault(change.models[1] or change.models[0], []).append(change)

    def of(self, finding: Finding) -> list[CodeChange]:
        """The changes of the finding's model: of its renamed pair when it names one."""
        if finding.old_model:
            return self.pairs.get((finding.old_model, finding.model), [])
        return [
            c for c in self.models.get(finding.model, []) if c.models[0] in (None, finding.model)
        ]


def _matching(finding: Finding, index: _ByModels) -> list[CodeChange]:
    if finding.description_only:
        return []  # never breaking; a code change beside it is reported on its own
    mine = index.of(finding)
    if finding.member is not None and finding.kind.startswith("enum.value"):
        wanted = _json_value(finding.member)
        return [c for c in mine if c.value and _unquote(c.value) == wanted]
    if finding.member is not None:
        key = norm(finding.member)
        matched = [c for c in mine if key in c.keys()]
        if matched or not finding.kind.startswith(MODEL_LEVEL_PREFIXES):
            return matched
    return [c for c in mine if not c.member]


def _json_value(text: str) -> str:
    """An enum finding's member (the value as JSON) as plain text: ``"a"`` -> ``a``."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, str) else text


def _unquote(literal: str) -> str:
    """A case value as written in code (``'a'``, ``"a"``, ``1``) as plain text."""
    if len(literal) >= 2 and literal[0] == literal[-1] and literal[0] in "'\"":
        return literal[1:-1]
    return literal


def _verdict(changes: list[CodeChange]) -> Verdict:
    if not changes:
        return Verdict("safe", "generated API unchanged")
    worst = min(changes, key=lambda c: RANK[c.level])
    more = len(changes) - 1
    return Verdict(worst.level, worst.reason + (f" (+{more} more)" if more else ""))


_CODE_KINDS = {"case_renamed": "enum.symbol_changed"}


def _unexplained(result: Surface, claimed: set[tuple[str, int]]) -> list[Finding]:
    """Code changes with no wire-level finding, as findings of their own (safe ones are left
    out): one per model, member and kind of change, with a verdict for each language."""
    from generator.ir import Source

    groups: dict[tuple[str, str, str], dict[str, CodeChange]] = {}
    for language, changes in result.changes.items():
        for change in changes:
            if (language, id(change)) in claimed or change.level == "safe":
                continue
            # enum values as JSON text, like the wire-level enum findings
            member = change.member
            if change.value:
                unquoted = _unquote(change.value)
                member = json.dumps(unquoted) if unquoted != change.value else change.value
            model = change.models[1] or change.models[0] or change.owner
            key = (model, member, _CODE_KINDS.get(change.what, f"code.{change.what}"))
            groups.setdefault(key, {})[language] = change
    out: list[Finding] = []
    wire = Verdict("safe", "the wire does not change")
    for (model, member, kind), by_language in sorted(groups.items()):
        code = tuple(
            (
                language,
                Verdict(by_language[language].level, by_language[language].reason)
                if language in by_language
                else Verdict("safe", "generated API unchanged"),
            )
            for language in result.languages
        )
        out.append(
            Finding(
                model=model,
                kind=kind,
                source=Source("<generated code>"),
                before=None,
                after=None,
                request=wire,
                response=wire,
                member=member or None,
                code=code,
            )
        )
    return out
