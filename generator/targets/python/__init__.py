"""The Python target: frozen, slotted, keyword-only dataclasses with JSON helpers (``emit``),
read back by ``reader``. Declared here; the modules are imported when used."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.targets import Target, option


@dataclass(frozen=True)
class PythonOptions:
    """``line_length`` and ``formatter`` decide whether black formats the output (see
    :mod:`generator.targets.python.formatting`); ``out`` is the output folder, set by the
    command line (not a flag), where the project's own line length is looked up."""

    package: str | None = option(
        None,
        flag="--package",
        help="Python package name (default: the title in snake_case)",
        metavar="NAME",
    )
    line_length: int | None = option(
        None,
        flag="--line-length",
        help="Python line length; not 88 formats the output with black (default: the"
        " line-length of [tool.black], else [tool.ruff], in the project holding --out; else 88)",
        metavar="N",
    )
    formatter: str | None = option(
        None,
        flag="--formatter",
        help="auto (default): format the Python output with black only when the line length is"
        " not 88 or the templates are custom; black: always; none: never",
        metavar="NAME",
    )
    out: Path | None = field(default=None)


TARGET = Target(
    name="python",
    summary="Python dataclasses (standard library only)",
    emitter="generator.targets.python.emit:emit",
    options=PythonOptions,
    reader="generator.targets.python.reader",
    sdk_reader="generator.targets.python.sdk_reader",
    api="generator.targets.python.api",
    lister="generator.targets.python.emit:listing",
    in_all=True,
)
