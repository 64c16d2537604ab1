"""The one exception type for problems the user can fix, and the one collector of warnings.

The CLI prints a :class:`ModelgenError` on one line and exits 2; any other exception is a bug
and keeps its traceback. Warnings are :class:`generator.ir.Diagnostic` values; every source
reports them through a :class:`Warnings`, which also decides what ``--strict`` means.
"""

from __future__ import annotations

from generator.ir import Diagnostic, Source


class ModelgenError(Exception):
    """A user-facing problem, with the file and location it concerns."""

    def __init__(self, message: str, source: Source | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        text = " ".join(self.message.split())  # always one line
        return f"{self.source}: {text}" if self.source is not None else text


class Warnings:
    """The warnings of one load, in the order they were found.

    A problem confined to one place (an unreadable type spelling, a mixed-type enum, a
    reference to a model that is not there) is *degraded*: :meth:`degrade` records a
    ``Diagnostic(degraded=True)`` saying which rule was broken and what was done instead, and
    the caller puts its stand-in in place and goes on. With ``strict`` (``--strict``) the same
    call raises the :class:`ModelgenError` the problem is without leniency, with the same rule
    text and location, so CI can refuse any input that needed a stand-in. :meth:`note` records
    a plain warning, which stays a warning in strict mode too (nothing was replaced).
    """

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        self.items: list[Diagnostic] = []
        self._seen: set[Diagnostic] = set()

    def degrade(self, rule: str, source: Source, instead: str, code: str) -> None:
        """``rule``: what is wrong, as the error says it; ``instead``: what was done."""
        if self.strict:
            raise ModelgenError(rule, source)
        self.add(Diagnostic(f"{rule}; {instead}", source, code, degraded=True))

    def note(self, message: str, source: Source, code: str = "warning") -> None:
        self.add(Diagnostic(message, source, code))

    def add(self, diagnostic: Diagnostic) -> None:
        """Record a warning once (a place read twice warns once)."""
        if diagnostic.degraded and self.strict:
            raise ModelgenError(diagnostic.message, diagnostic.source)
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self.items.append(diagnostic)
