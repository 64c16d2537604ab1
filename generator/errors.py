"""The one exception type for problems the user can fix. The CLI prints it on one line and exits
2; any other exception is a bug and keeps its traceback."""

from __future__ import annotations

from generator.ir import Source


class ModelgenError(Exception):
    """A user-facing problem, with the file and location it concerns."""

    def __init__(self, message: str, source: Source | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        text = " ".join(self.message.split())  # always one line
        return f"{self.source}: {text}" if self.source is not None else text
