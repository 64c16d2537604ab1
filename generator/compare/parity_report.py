"""Rendering a :class:`~generator.parity.ParityReport`: a terminal summary, a markdown table for
pull requests, stable JSON, and one self-contained HTML page (``templates/page.html.j2``).

JSON output (``--format json``), version 1. Keys are sorted, lists are in a stable order
(models by name, findings in field declaration order)::

    {
      "version": 1,
      "in_parity": false,                 # no drift finding left after --ignore
      "sources": [{"label", "path", "title", "version", "knows": [facet...], "models": n,
                   "kind": source kind or null,
                   "matching": null, or for an SDK (a *-sdk kind): {
                     "reference": index of the source its classes were matched to,
                     "classes": n, "matched": n, "rate": matched / classes,
                     "by_rule": {rule: n},          # see "rules"; twins under "twin"
                     "unmatched": [{"class", "category"}],   # why it is absent from the spec
                     "models_without_class": [model name...],
                     "unused_map": [{"model", "class", "reason"}],
                     "matches": [{"class", "model", "rule", "twin"}]}}],
      "counts": {"models", "models_in_parity", "models_with_drift",
                 "findings", "drift", "lossy", "ignored"},
      "by_category": {category: n},       # findings not ignored, per category
      "by_kind": {kind: n},               # drift findings not ignored, per kind
      "categories": {category: explanation},
      "kinds": {kind: explanation},
      "rules": {rule: explanation},       # how SDK classes are matched
      "ignore_rules": [{"model", "field", "kind", "category", "reason", "matched": n}],
      "models": [{
        "name": display name,             # as the first source that has it spells it
        "names": [name or null per source],
        "status": ["ok" | "lossy" | "drift" | "missing" per source],
        "findings": [{
          "field": name or null,          # null for model-level findings
          "kind": see "kinds", "category": see "categories",
          "values": [text or null per source],   # null: absent or unknown in that source
          "odd": [source index...],       # the sources that differ from the majority
          "lossy_in": [source index...],  # the sources a lossy category blames
          "message": text, "ignored": reason or null}]}]
    }

Only models with at least one finding are listed under ``models``; the counts cover all.
"""

from __future__ import annotations

import html
import importlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.compare.matching import RULES, MapEntry, Matching, parse_map
from generator.compare.parity import (
    CATEGORIES,
    KINDS,
    Finding,
    IgnoreRule,
    ModelReport,
    ParityReport,
    parse_ignores,
)
from generator.errors import ModelgenError
from generator.ir import Source
from generator.templating import folder, render

TEMPLATES = folder(__file__)

STATUS_MARK = {"ok": "ok", "lossy": "lossy", "drift": "DRIFT", "missing": "missing"}


def _ranked(report: ParityReport) -> list[ModelReport]:
    """Models with findings, most drift first, then most lossy findings, then by name."""
    models = [m for m in report.models if m.findings]
    return sorted(models, key=lambda m: (-m.drift, -m.lossy, m.name.casefold(), m.name))


def _category_counts(report: ParityReport) -> str:
    lossy = {k: v for k, v in report.by_category().items() if k != "drift"}
    return ", ".join(f"{k} {v}" for k, v in lossy.items()) or "none"


# --- text -----------------------------------------------------------------------------------


def render_text(
    report: ParityReport, rules: Sequence[IgnoreRule] = (), used: dict[int, int] | None = None
) -> str:
    counts = report.counts()
    lines = [
        f"parity of {len(report.sources)} sources:",
        *(
            f"  [{i + 1}] {s.label}: {s.models} models ({s.path})"
            for i, s in enumerate(report.sources)
        ),
        f"models: {counts['models']} in all, {counts['models_in_parity']} in parity,"
        f" {counts['models_with_drift']} with drift",
        f"findings: {counts['drift']} drift, {counts['lossy']} lossy"
        f" ({_category_counts(report)}), {counts['ignored']} ignored",
    ]
    missing = _missing_per_source(report)
    if any(missing):
        lines.append(
            "models missing: "
            + ", ".join(f"{n} from [{i + 1}]" for i, n in enumerate(missing) if n)
        )
    drift_kinds = report.by_kind("drift")
    if drift_kinds:
        lines.append("drift by kind: " + ", ".join(f"{k} {v}" for k, v in drift_kinds.items()))
    lines += _matching_text(report)
    if rules and used is not None:
        unused = [rules[i] for i, n in used.items() if n == 0]
        for rule in unused:
            lines.append(f"note: ignore rule matched nothing: {rule.model} ({rule.reason})")
    ranked = _ranked(report)[:15]
    if ranked:
        width = max(len(m.name) for m in ranked)
        lines.append("models with the most findings:")
        for model in ranked:
            cells = " ".join(
                f"[{i + 1}] {STATUS_MARK[model.status(i)]:<7}" for i in range(len(report.sources))
            )
            lines.append(
                f"  {model.name:<{width}}  drift {model.drift:>3}  lossy {model.lossy:>3}  {cells}"
            )
    lines.append("in parity" if report.in_parity else "DRIFT: the sources are not in parity")
    return "\n".join(lines) + "\n"


def _missing_per_source(report: ParityReport) -> list[int]:
    return [
        sum(
            1
            for m in report.models
            if m.names[i] is None
            and any(f.kind == "model-missing" and f.ignored is None for f in m.findings)
        )
        for i in range(len(report.sources))
    ]


# --- SDK class matching ---------------------------------------------------------------------

SHOWN_UNMATCHED = 12  # classes listed by name in the text report (JSON lists them all)


def _unmatched_categories(report: ParityReport, index: int) -> dict[str, str]:
    """SDK class -> the category of its ``model-missing`` finding (``drift`` or a convention
    such as ``params-only``)."""
    found: dict[str, str] = {}
    for model in report.models:
        name = model.names[index]
        if name is None:
            continue
        for finding in model.findings:
            if finding.kind == "model-missing":
                found[name] = finding.category
    return found


@dataclass(frozen=True)
class MatchSummary:
    """How the classes of one SDK source were matched to the reference's models."""

    index: int  # the SDK source
    reference: int  # the source whose models the classes were matched to
    matching: Matching
    unmatched: tuple[tuple[str, str], ...]  # (class, category of its absence from the spec)

    @property
    def classes(self) -> int:
        return len(self.matching.classes)

    @property
    def matched(self) -> int:
        return self.matching.matched_classes()

    @property
    def rate(self) -> float:
        return self.matched / self.classes if self.classes else 1.0

    def unmatched_by_category(self) -> dict[str, int]:
        return dict(sorted(Counter(category for _, category in self.unmatched).items()))

    def data(self) -> dict[str, object]:
        m = self.matching
        return {
            "reference": self.reference,
            "classes": self.classes,
            "matched": self.matched,
            "rate": round(self.rate, 4),
            "by_rule": m.by_rule(),
            "unmatched": [{"class": c, "category": k} for c, k in self.unmatched],
            "models_without_class": list(m.without_class),
            "unused_map": [
                {"model": e.model, "class": e.sdk_class, "reason": e.reason} for e in m.unused_map
            ],
            "matches": [
                {"class": x.sdk, "model": x.model, "rule": x.rule, "twin": x.twin}
                for x in m.matches
            ],
        }


def match_summaries(report: ParityReport) -> list[MatchSummary]:
    """One summary per SDK source, in source order."""
    found = []
    for index, source in enumerate(report.sources):
        if source.matching is None or source.reference is None:
            continue
        categories = _unmatched_categories(report, index)
        unmatched = tuple((c, categories.get(c, "drift")) for c in source.matching.unmatched)
        found.append(MatchSummary(index, source.reference, source.matching, unmatched))
    return found


def _matching_text(report: ParityReport) -> list[str]:
    lines: list[str] = []
    for summary in match_summaries(report):
        sdk, ref = summary.index + 1, summary.reference + 1
        rules = ", ".join(f"{k} {v}" for k, v in summary.matching.by_rule().items())
        lines.append(
            f"classes of [{sdk}]: {summary.matched} of {summary.classes} matched to models of"
            f" [{ref}] ({summary.rate * 100:.1f}%: {rules})"
        )
        if summary.unmatched:
            why = ", ".join(f"{k} {v}" for k, v in summary.unmatched_by_category().items())
            names = [c for c, category in summary.unmatched if category == "drift"]
            shown = ", ".join(names[:SHOWN_UNMATCHED])
            if len(names) > SHOWN_UNMATCHED:
                shown += f" and {len(names) - SHOWN_UNMATCHED} more (--format json lists all)"
            lines.append(
                f"  {len(summary.unmatched)} matched nothing ({why})"
                + (f": {shown}" if names else "")
            )
        without = len(summary.matching.without_class)
        lines.append(f"  {without} models of [{ref}] have no class in [{sdk}]")
        for entry in summary.matching.unused_map:
            lines.append(f"  note: map entry paired nothing: {entry.model}: {entry.sdk_class}")
    return lines


# --- markdown -------------------------------------------------------------------------------


_MD_MARK = {"ok": "✅", "lossy": "🟡", "drift": "❌", "missing": "⬜"}


def _md(text: str | None) -> str:
    if text is None:
        return "-"
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ").replace("`", "'")


def render_markdown(
    report: ParityReport, rules: Sequence[IgnoreRule] = (), used: dict[int, int] | None = None
) -> str:
    """A models x sources table of the models with drift, for a pull request; the rest in
    collapsed sections. (Ignored findings are counted in the summary line.)"""
    counts = report.counts()
    head = "| Model | " + " | ".join(_md(s.label) for s in report.sources) + " | Drift | Lossy |"
    rule = "|---|" + "---|" * len(report.sources) + "---:|---:|"
    lines = [
        "## SDK parity",
        "",
        f"**{counts['models']} models**: {counts['models_in_parity']} in parity,"
        f" {counts['models_with_drift']} with drift."
        f" Findings: **{counts['drift']} drift**, {counts['lossy']} lossy"
        f" ({_category_counts(report)}), {counts['ignored']} ignored.",
        "",
        "Sources: "
        + "; ".join(
            f"{i + 1}. `{_md(s.label)}` ({s.models} models)" for i, s in enumerate(report.sources)
        ),
        "",
        *(
            f"Classes of {m.index + 1}. matched to models of {m.reference + 1}.:"
            f" **{m.matched} of {m.classes}** ({m.rate * 100:.1f}%);"
            f" {len(m.unmatched)} matched nothing"
            f" ({', '.join(f'{k} {v}' for k, v in m.unmatched_by_category().items()) or 'none'});"
            f" {len(m.matching.without_class)} models have no class.\n"
            for m in match_summaries(report)
        ),
        "Legend: ✅ in parity · 🟡 differs only where a source is lossy · ❌ drift ·"
        " ⬜ model missing",
        "",
    ]
    ranked = _ranked(report)
    drifting = [m for m in ranked if m.drift]
    lossy_only = [m for m in ranked if not m.drift]
    if drifting:
        lines += [head, rule]
        lines += [_md_row(report, m) for m in drifting]
        lines.append("")
    if lossy_only:
        lines += [
            f"<details><summary>{len(lossy_only)} models that differ only by lossiness</summary>",
            "",
            head,
            rule,
            *(_md_row(report, m) for m in lossy_only),
            "",
            "</details>",
            "",
        ]
    field_level = [m for m in drifting if any(f.field is not None for f in m.findings)]
    if field_level:
        lines += ["<details><summary>Field-level drift</summary>", ""]
        labels = " | ".join(_md(s.label) for s in report.sources)
        lines += [
            f"| Model | Field | Kind | {labels} |",
            "|---|---|---|" + "---|" * len(report.sources),
        ]
        for model in field_level:
            for finding in model.findings:
                if finding.is_drift and finding.field is not None:
                    values = " | ".join(_md(v) for v in finding.values)
                    field = f"`{_md(finding.field)}`"
                    lines.append(f"| {_md(model.name)} | {field} | {finding.kind} | {values} |")
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def _md_row(report: ParityReport, model: ModelReport) -> str:
    cells = " | ".join(_MD_MARK[model.status(i)] for i in range(len(report.sources)))
    return f"| {_md(model.name)} | {cells} | {model.drift} | {model.lossy} |"


# --- json -----------------------------------------------------------------------------------


def _finding_json(finding: Finding) -> dict[str, object]:
    return {
        "field": finding.field,
        "kind": finding.kind,
        "category": finding.category,
        "values": list(finding.values),
        "odd": list(finding.odd),
        "lossy_in": list(finding.lossy_in),
        "message": finding.message,
        "ignored": finding.ignored,
    }


def report_data(
    report: ParityReport, rules: Sequence[IgnoreRule] = (), used: dict[int, int] | None = None
) -> dict[str, object]:
    used = used or {}
    summaries = {s.index: s.data() for s in match_summaries(report)}
    return {
        "version": 1,
        "in_parity": report.in_parity,
        "sources": [
            {
                "label": s.label,
                "path": s.path,
                "title": s.title,
                "version": s.version,
                "knows": list(s.knows),
                "models": s.models,
                "kind": s.kind,
                "matching": summaries.get(i),
            }
            for i, s in enumerate(report.sources)
        ],
        "counts": report.counts(),
        "by_category": report.by_category(),
        "by_kind": report.by_kind("drift"),
        "categories": CATEGORIES,
        "kinds": KINDS,
        "rules": RULES,
        "ignore_rules": [
            {
                "model": r.model,
                "field": r.field,
                "kind": r.kind,
                "category": r.category,
                "reason": r.reason,
                "matched": used.get(i, 0),
            }
            for i, r in enumerate(rules)
        ],
        "models": [
            {
                "name": m.name,
                "names": list(m.names),
                "status": [m.status(i) for i in range(len(report.sources))],
                "findings": [_finding_json(f) for f in m.findings],
            }
            for m in report.models
            if m.findings
        ],
    }


def render_json(
    report: ParityReport, rules: Sequence[IgnoreRule] = (), used: dict[int, int] | None = None
) -> str:
    return json.dumps(report_data(report, rules, used), sort_keys=True, indent=2) + "\n"


# --- html -----------------------------------------------------------------------------------


def _script_json(data: object) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(
    report: ParityReport, rules: Sequence[IgnoreRule] = (), used: dict[int, int] | None = None
) -> str:
    """One self-contained page: the matrix is rendered here (readable without scripts); the
    inline script adds the filter, the status toggles and the details panel."""
    esc = html.escape
    counts = report.counts()
    rows = []
    for model in report.models:
        statuses = [model.status(i) for i in range(len(report.sources))]
        explained = _absence_explained(model)
        effective = ["lossy" if s == "missing" and explained else s for s in statuses]
        worst = next(s for s in ("drift", "missing", "lossy", "ok") if s in [*effective, "ok"])
        rows.append(
            {
                "name": esc(model.name),
                "key": esc(model.name.casefold()),
                "worst": worst,
                "cells": [
                    {
                        "status": st + (" explained" if st == "missing" and explained else ""),
                        "text": _cell_text(model, i, st, explained),
                    }
                    for i, st in enumerate(statuses)
                ],
                "drift": model.drift,
                "lossy": model.lossy,
                "ignored": model.ignored,
            }
        )
    by_category = report.by_category()
    data = report_data(report, rules, used)
    data["models"] = [
        {"name": m.name, "names": list(m.names), "findings": [_finding_json(f) for f in m.findings]}
        for m in report.models
    ]
    matching = {m.index: m for m in match_summaries(report)}
    worst_counts = {
        s: sum(1 for r in rows if r["worst"] == s) for s in ("ok", "lossy", "missing", "drift")
    }
    return render(
        TEMPLATES,
        "page.html.j2",
        title=esc(_title(report)),
        sources=[
            {
                "label": esc(s.label),
                "path": esc(s.path),
                "models": s.models,
                "n": i + 1,
                "rate": f"{matching[i].rate * 100:.1f}%" if i in matching else "",
            }
            for i, s in enumerate(report.sources)
        ],
        matching=[
            {
                "n": m.index + 1,
                "label": esc(report.sources[m.index].label),
                "reference": m.reference + 1,
                "rate": f"{m.rate * 100:.1f}%",
                "matched": m.matched,
                "classes": m.classes,
                "rules": [{"name": esc(k), "count": v} for k, v in m.matching.by_rule().items()],
                "explained": [
                    {"name": esc(k), "count": v}
                    for k, v in m.unmatched_by_category().items()
                    if k != "drift"
                ],
                "unmatched": [esc(c) for c, category in m.unmatched if category == "drift"],
                "without": len(m.matching.without_class),
            }
            for m in matching.values()
        ],
        counts=counts,
        worst_counts=worst_counts,
        categories=[
            {"name": esc(k), "text": esc(v), "count": by_category.get(k, 0)}
            for k, v in CATEGORIES.items()
            if k == "drift" or by_category.get(k, 0)
        ],
        rows=rows,
        data=_script_json(data),
        in_parity=report.in_parity,
    )


def _title(report: ParityReport) -> str:
    for source in report.sources:
        if source.title:
            return f"SDK parity: {source.title}"
    return "SDK parity"


def _absence_explained(model: ModelReport) -> bool:
    """The model's absence from some sources is a known lossiness (or accepted)."""
    return any(
        f.kind == "model-missing" and (f.ignored is not None or f.category != "drift")
        for f in model.findings
    )


def _cell_text(model: ModelReport, index: int, status: str, explained: bool) -> str:
    if status == "missing":
        return "not generated" if explained else "missing"
    if status == "ok":
        return "✓"
    n = sum(
        1
        for f in model.findings
        if f.ignored is None and f.marks(index) and (f.category == "drift") == (status == "drift")
    )
    return f"{n} {'drift' if status == 'drift' else 'lossy'}"


# --- files ----------------------------------------------------------------------------------


def load_ignores(path: Path) -> list[IgnoreRule]:
    """Read an ignore file (YAML or JSON)::

    ignore:
      - model: RealtimeClientEvent     # shell pattern or name in any convention
        field: session                 # optional; omitted: any field and the model itself
        kind: type                     # optional; one of parity.KINDS
        category: drift                # optional; one of parity.CATEGORIES
        reason: the Dart SDK is generated from a later revision   # required
    """
    data = _read_yaml(path, "ignore file")
    return parse_ignores(data, lambda message: ModelgenError(message, Source(str(path))))


def load_map(path: Path) -> list[MapEntry]:
    """Read a map file (YAML or JSON) pairing spec models with SDK classes the matching rules
    do not pair (see :func:`generator.compare.matching.parse_map`)::

    map:
      OpenAIFile:
        class: FileObject          # the SDK class: its name, or as the reader qualifies it
        reason: the SDK names the file object after its `object` value
    """
    data = _read_yaml(path, "map file")
    return parse_map(data, lambda message: ModelgenError(message, Source(str(path))))


def _read_yaml(path: Path, what: str) -> object:
    # Imported by name: PyYAML's stubs may or may not be installed.
    yaml = importlib.import_module("yaml")
    source = Source(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ModelgenError(f"cannot read {what}: {error}", source) from None
    try:
        data: object = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Source(str(path), line=mark.line + 1) if mark is not None else source
        raise ModelgenError(f"not valid YAML/JSON: {error}", where) from None
    return data


def write_report(path: Path, text: str) -> None:
    """Write atomically (a temp file in the same folder, then a rename); never through a
    symlink and never over a folder."""
    if path.is_symlink() or path.is_dir():
        raise ModelgenError(
            "refusing to write the report over a symlink or a folder", Source(str(path))
        )
    folder = path.parent
    if not folder.is_dir():
        raise ModelgenError("the report's folder does not exist", Source(str(path)))
    fd, tmp = tempfile.mkstemp(prefix=".modelgen-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
