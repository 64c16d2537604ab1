"""What happens to a language's files between rendering and writing.

:func:`after_render` is called once per job and language with the files as the target
rendered them (paths relative to that language's folder), before they are checked or
written; what it returns is what is checked or written. It is the one place for changes to
rendered text that do not belong to a target: formatting the output the way the user's
project formats code (the built-in Python templates are laid out black-stable at 88 columns,
but a user's templates, or a project with another line length, may need a formatter run).
Today it returns the files as rendered: the Python target formats its own output with black
where the fast path cannot promise black's result (another line length, custom templates; see
:mod:`generator.targets.python.formatting`), from the output folder it is given as its ``out``
option.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config import Job


@dataclass(frozen=True)
class RenderContext:
    """What :func:`after_render` may need to know about the files it receives."""

    language: str
    job: Job
    custom_templates: bool  # the job's templates override at least one of this target's
    project: Path | None  # the folder of the configuration file, if the job came from one


def after_render(files: dict[str, str], context: RenderContext) -> dict[str, str]:
    """The files to check or write for one language of one job (see the module docstring)."""
    return files
