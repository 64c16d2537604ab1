"""The Python target: frozen, slotted, keyword-only dataclasses with JSON helpers (``emit``),
read back by ``reader``. Declared here; the modules are imported when used."""

from __future__ import annotations

from dataclasses import dataclass

from generator.targets import Target, option


@dataclass(frozen=True)
class PythonOptions:
    package: str | None = option(
        None,
        flag="--package",
        help="Python package name (default: the title in snake_case)",
        metavar="NAME",
    )


TARGET = Target(
    name="python",
    summary="Python dataclasses (standard library only)",
    emitter="generator.targets.python.emit:emit",
    options=PythonOptions,
    reader="generator.targets.python.reader",
    sdk_reader="generator.targets.python.sdk_reader",
    api="generator.targets.python.api",
    in_all=True,
)
