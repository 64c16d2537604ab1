"""Output formats of ``modelgen diff``: text for a terminal, markdown for a pull-request comment,
JSON for machines, GitHub Actions annotations. Every format lists findings grouped by model,
models with breaking findings first; description-only changes come last, apart.

JSON output (``--format json``), version 1; keys sorted, findings in a stable order::

    {
      "version": 1,
      "old": "main:openapi.yaml",          # the two inputs as given
      "new": "openapi.yaml",
      "languages": ["LANG", ...],           # languages with code verdicts (--lang)
      "notes": ["..."],                     # what could not be checked, and why
      "warnings": ["new: api.yaml:12#/...: ..."],  # what loading each side degraded or
                                            # skipped: changes there may be missing
      "summary": {"breaking": 1, "warning": 0, "safe": 3, "description_only": 2,
                  "models": 4, "total": 6},
      "findings": [
        {
          "fingerprint": "3f2a9c01b7de",    # sha256 of kind, model, member, pointer, before,
                                            # after: stable across runs and checkouts
          "model": "CostsResult",           # new name (old name when removed)
          "old_model": null,                # old name when renamed
          "member": "quantity_unit",        # property, enum value or variant; null: model
          "kind": "property.added_optional",
          "level": "safe",                  # worst verdict: breaking | warning | safe | n/a
          "description_only": false,
          "file": "api/openapi.yaml",       # as given; REV:path for a git revision
          "pointer": "/components/schemas/CostsResult/properties/quantity_unit",
          "line": 32812,                    # null where not known (JSON specs)
          "before": null, "after": "CostsResultQuantityUnit",
          "added": [], "removed": [],      # a union's variants (model names) and enum
                                            # values (JSON) the change added / removed
          "verdicts": {                     # request, response, then one per language
            "request": {"level": "safe", "reason": "..."},
            "response": {"level": "safe", "reason": "..."},
            "LANG": {"level": "safe", "reason": "..."}
          }
        }
      ],
      "code_diff": {"LANG": "--- a/...\\n+++ b/...\\n..."}   # only with --code-diff
    }

Findings are sorted by model, then worst level, member, kind and fingerprint. Levels:
``breaking`` (existing clients or code stop working), ``warning`` (they may, or behaviour
changes), ``safe``, ``n/a`` (does not apply: no operation uses the model, the source cannot
say, or no code was generated; see ``notes``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.compare.diff import LEVELS, RANK, Finding, Level, Verdict
from generator.ir import ModelSet

FORMATS = ("text", "markdown", "json", "github")


@dataclass(frozen=True)
class Review:
    """Everything a report shows."""

    old: str
    new: str
    findings: tuple[Finding, ...]
    languages: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    code_diff: dict[str, str] = field(default_factory=dict)
    # what loading either side warned about (a place it degraded or skipped), as
    # ``old: file:line#pointer: code: message``: the review covers everything else
    warnings: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        counts = {"breaking": 0, "warning": 0, "safe": 0, "description_only": 0}
        for finding in self.findings:
            if finding.description_only:
                counts["description_only"] += 1
            elif finding.level in counts:
                counts[finding.level] += 1
            else:
                counts["safe"] += 1
        counts["models"] = len({f.model for f in self.findings})
        counts["total"] = len(self.findings)
        return counts

    def groups(self) -> list[tuple[str, list[Finding]]]:
        """Changes by model, models with the worst findings first (then by name); description-
        only findings are left out (see :meth:`documentation`)."""
        by_model: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if not finding.description_only:
                by_model.setdefault(finding.model, []).append(finding)
        return sorted(by_model.items(), key=lambda item: (_worst(item[1]), item[0]))

    def documentation(self) -> list[Finding]:
        return [f for f in self.findings if f.description_only]

    def has(self, level: Level) -> bool:
        """True when a finding is at ``level`` or worse."""
        return any(RANK[f.level] <= RANK[level] for f in self.findings if not f.description_only)


def _worst(findings: Iterable[Finding]) -> int:
    return min((RANK[f.level] for f in findings), default=RANK["n/a"])


def load_warnings(old: ModelSet, new: ModelSet) -> tuple[str, ...]:
    """The diagnostics of loading both sides, for :attr:`Review.warnings`."""
    return tuple(
        f"{side}: {diagnostic}"
        for side, models in (("old", old), ("new", new))
        for diagnostic in models.diagnostics
    )


MAX_WARNINGS_SHOWN = 20


def _warnings_shown(review: Review) -> list[str]:
    shown = list(review.warnings[:MAX_WARNINGS_SHOWN])
    if len(review.warnings) > MAX_WARNINGS_SHOWN:
        shown.append(f"... and {len(review.warnings) - MAX_WARNINGS_SHOWN} more warnings")
    return shown


def verdicts(finding: Finding) -> list[tuple[str, Verdict]]:
    return [("request", finding.request), ("response", finding.response), *finding.code]


def where(finding: Finding) -> str:
    return str(finding.source)


def change_text(finding: Finding, limit: int = 80) -> str:
    """``before -> after`` in one short line."""
    before = _short(finding.before, limit)
    after = _short(finding.after, limit)
    if before is None and after is None:
        return ""
    return f"{before or '(none)'} -> {after or '(none)'}"


def members_text(finding: Finding, limit: int = 200) -> str:
    """What a union change added and removed (``added: A, B; removed: C``), or ``""``."""
    parts = [
        f"{label}: {_name_list(list(names), limit)}"
        for label, names in (("added", finding.added), ("removed", finding.removed))
        if names
    ]
    return "; ".join(parts)


def _short(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def subject(finding: Finding) -> str:
    return f"{finding.model}.{finding.member}" if finding.member else finding.model


# --- text -------------------------------------------------------------------------------------

_COLOURS = {"breaking": "\033[31m", "warning": "\033[33m", "safe": "\033[32m", "n/a": "\033[2m"}
_RESET = "\033[0m"


# Control and bidi characters from spec text must not reach a terminal or CI log (escape
# sequences, Trojan Source): text output shows them as "?".
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _safe(value: str) -> str:
    return _UNSAFE.sub("?", value)


def text(review: Review, colour: bool = False) -> str:
    def paint(level: str, value: str) -> str:
        return f"{_COLOURS[level]}{value}{_RESET}" if colour else value

    counts = review.counts()
    lines = [
        _safe(f"modelgen diff {review.old} -> {review.new}"),
        f"{_plural(counts['total'], 'change')} in {_plural(counts['models'], 'model')}: "
        + ", ".join(
            paint(level, f"{counts[level]} {level}") for level in ("breaking", "warning", "safe")
        )
        + f", {counts['description_only']} description-only",
    ]
    lines += [_safe(f"note: {note}") for note in review.notes]
    lines += [_safe(f"warning: {warning}") for warning in _warnings_shown(review)]
    for model, findings in review.groups():
        level = review_level(findings)
        lines += ["", f"{paint(level, level.upper())} {_safe(model)}"]
        for finding in findings:
            member = _safe(f" {finding.member}") if finding.member else ""
            lines.append(f"  {paint(finding.level, finding.kind)}{member}  [{finding.fingerprint}]")
            change = change_text(finding)
            if change:
                lines.append(f"    {_safe(change)}")
            members = members_text(finding)
            if members:
                lines.append(f"    {_safe(members)}")
            lines.append(f"    at {_safe(where(finding))}")
            for name, verdict in verdicts(finding):
                level_text = paint(verdict.level, f"{verdict.level:8}")
                lines.append(f"    {name:9} {level_text} {_safe(verdict.reason)}")
    docs = review.documentation()
    if docs:
        lines += ["", "Description-only changes (never breaking):"]
        lines += [f"  {_safe(subject(f))}: {f.kind}" for f in docs]
    for language, diff in sorted(review.code_diff.items()):
        lines += ["", f"--- generated {language} code ---", _safe(diff.rstrip("\n"))]
    return "\n".join(lines) + "\n"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def review_level(findings: Iterable[Finding]) -> Level:
    return LEVELS[_worst(findings)]


# --- markdown ---------------------------------------------------------------------------------

_ICONS = {"breaking": "🔴", "warning": "🟡", "safe": "🟢", "n/a": "⚪"}


def _md(value: str | None) -> str:
    """Text for a markdown table cell: one line, pipes and HTML escaped."""
    if value is None:
        return "—"
    value = _safe(" ".join(value.split())).replace(" -> ", " → ")
    for raw, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|")):
        value = value.replace(raw, escaped)
    return value if len(value) <= 120 else value[:117] + "..."


# GitHub refuses comments over 65,536 characters; models past this budget are only named.
MARKDOWN_BUDGET = 60_000


def _markdown_model(model: str, findings: list[Finding], columns: list[str]) -> list[str]:
    level = review_level(findings)
    tally = ", ".join(
        f"{n} {lv}"
        for lv in ("breaking", "warning", "safe")
        if (n := sum(1 for f in findings if f.level == lv))
    )
    opened = " open" if level == "breaking" else ""
    out = [
        f"<details{opened}><summary>{_ICONS[level]} <b>{_md(model)}</b>: {tally}</summary>",
        "",
        "| change | member | before → after | " + " | ".join(columns) + " |",
        "|---|---|---|" + "---|" * len(columns),
    ]
    for finding in findings:
        change = " ".join(t for t in (change_text(finding), members_text(finding)) if t)
        cells = [f"`{finding.kind}`", _md(finding.member), _md(change) if change else "—"]
        for name, verdict in verdicts(finding):
            if name in columns:
                cells.append(f"{_ICONS[verdict.level]} {verdict.level}: {_md(verdict.reason)}")
        out.append("| " + " | ".join(cells) + " |")
    return [*out, "", "</details>", ""]


def _name_list(names: list[str], limit: int) -> str:
    """``a, b, c`` cut at about ``limit`` characters, with how many more there are."""
    shown: list[str] = []
    length = 0
    for name in names:
        if length + len(name) > limit:
            return ", ".join(shown) + f" and {len(names) - len(shown)} more"
        shown.append(name)
        length += len(name) + 2
    return ", ".join(shown)


def markdown(review: Review) -> str:
    counts = review.counts()
    columns = ["request", "response", *review.languages]
    out = [
        f"### Schema diff: `{_md(review.old)}` → `{_md(review.new)}`",
        "",
        "| breaking | warning | safe | description-only | models |",
        "|---:|---:|---:|---:|---:|",
        f"| {counts['breaking']} | {counts['warning']} | {counts['safe']} "
        f"| {counts['description_only']} | {counts['models']} |",
        "",
    ]
    out += [f"> {_md(note)}" for note in review.notes]
    out += [f"> ⚠️ {_md(warning)}" for warning in _warnings_shown(review)]
    if not review.findings:
        out.append("No changes to the models.")
    size = sum(len(line) + 1 for line in out)
    left_out: list[str] = []
    for model, findings in review.groups():
        block = _markdown_model(model, findings, columns)
        block_size = sum(len(line) + 1 for line in block)
        if size + block_size > MARKDOWN_BUDGET:
            left_out.append(model)
            continue
        out += block
        size += block_size
    if left_out:
        out += [
            f"<details><summary>{len(left_out)} more models left out to keep the comment short"
            " (see <code>--format json</code>)</summary>",
            "",
            _name_list([f"`{_md(name)}`" for name in left_out], 3000),
            "",
            "</details>",
            "",
        ]
    docs = review.documentation()
    if docs:
        out += [
            f"<details><summary>Description-only changes ({len(docs)})</summary>",
            "",
            _name_list([f"`{_md(subject(f))}`" for f in docs], 2000),
            "",
            "</details>",
            "",
        ]
    for language, diff in sorted(review.code_diff.items()):
        block = [
            f"<details><summary>Generated {language} code</summary>",
            "",
            "```diff",
            diff.rstrip("\n").replace("```", "`\u200b``"),
            "```",
            "",
            "</details>",
            "",
        ]
        if size + sum(len(line) + 1 for line in block) > MARKDOWN_BUDGET:
            out += [f"(The generated {language} code diff is too long for a comment.)", ""]
            continue
        out += block
        size += sum(len(line) + 1 for line in block)
    return "\n".join(out).rstrip("\n") + "\n"


# --- json -------------------------------------------------------------------------------------


def as_json(review: Review) -> str:
    findings = [
        {
            "fingerprint": f.fingerprint,
            "model": f.model,
            "old_model": f.old_model,
            "member": f.member,
            "kind": f.kind,
            "level": f.level,
            "description_only": f.description_only,
            "file": f.source.file,
            "pointer": f.source.pointer,
            "line": f.source.line,
            "before": f.before,
            "after": f.after,
            "added": list(f.added),
            "removed": list(f.removed),
            "verdicts": {name: {"level": v.level, "reason": v.reason} for name, v in verdicts(f)},
        }
        for f in review.findings
    ]
    document: dict[str, object] = {
        "version": 1,
        "old": review.old,
        "new": review.new,
        "languages": sorted(review.languages),
        "notes": list(review.notes),
        "warnings": list(review.warnings),
        "summary": review.counts(),
        "findings": findings,
    }
    if review.code_diff:
        document["code_diff"] = dict(sorted(review.code_diff.items()))
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- GitHub Actions annotations -----------------------------------------------------------------


def _gh_data(value: str) -> str:
    value = _safe(value.replace("\r", "\n"))
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def github(review: Review) -> str:
    """``::error`` for breaking findings and ``::warning`` for warnings, at the file and line of
    the change where known; safe and description-only findings are not annotated."""
    out: list[str] = []
    for _, findings in review.groups():
        for finding in findings:
            if finding.level not in ("breaking", "warning"):
                continue
            command = "error" if finding.level == "breaking" else "warning"
            file, line = finding.source.file, finding.source.line
            if re.match(r"^[^:/\\]{2,}:", file):  # REV:path: annotate the path, no old line
                file, line = file.split(":", 1)[1], None
            props = [f"file={_gh_property(file)}"]
            if line is not None:
                props.append(f"line={line}")
            props.append(f"title={_gh_property(f'{finding.kind} {subject(finding)}')}")
            reasons = "; ".join(
                f"{name}: {v.level} ({v.reason})"
                for name, v in verdicts(finding)
                if v.level in ("breaking", "warning")
            )
            change = " ".join(t for t in (change_text(finding), members_text(finding)) if t)
            message = f"{subject(finding)}: {finding.kind}"
            if change:
                message += f" ({change})"
            message += f" at {finding.source.pointer or finding.source.file}. {reasons}"
            out.append(f"::{command} {','.join(props)}::{_gh_data(message)}")
    for warning in _warnings_shown(review):
        out.append(f"::warning title=modelgen diff input::{_gh_data(warning)}")
    counts = review.counts()
    out.append(
        f"::notice title=modelgen diff::{counts['breaking']} breaking, {counts['warning']} "
        f"warning, {counts['safe']} safe, {counts['description_only']} description-only"
    )
    return "\n".join(out) + "\n"


def render(review: Review, form: str, colour: bool = False) -> str:
    if form == "markdown":
        return markdown(review)
    if form == "json":
        return as_json(review)
    if form == "github":
        return github(review)
    return text(review, colour=colour)
