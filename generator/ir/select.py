"""Choosing which models to generate: ``include`` / ``exclude`` globs on model names, closed
over references so that the kept set still compiles.

The roots are the models an ``include`` pattern matches (every model when there is none),
less those an ``exclude`` pattern matches; the kept set is everything the roots reference,
directly or not (:func:`closure`, discriminator mapping targets included). A model a root
needs stays even when an ``exclude`` pattern matches it: it is reported in
:attr:`Selection.needed`, so the caller can say so.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.errors import ModelgenError
from generator.ir.model import ModelSet, Source
from generator.ir.query import closure, edges


@dataclass(frozen=True)
class Pattern:
    """One glob (``fnmatch`` syntax, case-sensitive) and where the user wrote it."""

    glob: str
    source: Source | None = None


@dataclass(frozen=True)
class Selection:
    models: ModelSet  # the kept models
    total: int  # models before selecting
    needed: tuple[str, ...] = ()  # excluded by a pattern, kept because a kept model needs them

    @property
    def dropped(self) -> int:
        return self.total - len(self.models.models)


def _matching(names: Sequence[str], pattern: Pattern, flag: str) -> set[str]:
    found = set(fnmatch.filter(names, pattern.glob)) if _is_glob(pattern.glob) else set()
    if pattern.glob in names:
        found.add(pattern.glob)
    if not found:
        raise ModelgenError(f"{flag} {pattern.glob!r} matches no model", pattern.source)
    return found


def _is_glob(text: str) -> bool:
    return any(c in text for c in "*?[")


def select(
    models: ModelSet, include: Sequence[Pattern] = (), exclude: Sequence[Pattern] = ()
) -> Selection:
    """The models ``include`` and ``exclude`` choose (see the module docstring). A pattern that
    matches no model is an error naming it: a typo must not silently generate nothing."""
    total = len(models.models)
    if not include and not exclude:
        return Selection(models, total)
    names = [m.name for m in models.models]
    roots: set[str] = set()
    for pattern in include:
        roots |= _matching(names, pattern, "include")
    if not include:
        roots = set(names)
    excluded: set[str] = set()
    for pattern in exclude:
        excluded |= _matching(names, pattern, "exclude")
    kept = closure(roots - excluded, edges(models.models))
    kept_models = tuple(m for m in models.models if m.name in kept)
    chosen = replace(
        models,
        models=kept_models,
        request_roots=models.request_roots & kept,
        response_roots=models.response_roots & kept,
    )
    return Selection(chosen, total, tuple(sorted(kept & excluded)))
