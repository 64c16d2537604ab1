"""The pydantic target: pydantic v2 models written by datamodel-code-generator (``emit``) from
the ``jsonschema`` target's document. Declared here; the emitter, and datamodel-code-generator
with it, are imported when used."""

from __future__ import annotations

from dataclasses import dataclass

from generator.targets import Target, option


@dataclass(frozen=True)
class PydanticOptions:
    package: str | None = option(
        None,
        flag="--package",
        help="Python package name (default: the title in snake_case)",
        metavar="NAME",
    )


TARGET = Target(
    name="pydantic",
    summary="pydantic v2 models (through datamodel-code-generator)",
    emitter="generator.targets.pydantic.emit:emit",
    options=PydanticOptions,
    reader="generator.targets.pydantic.reader",
)
