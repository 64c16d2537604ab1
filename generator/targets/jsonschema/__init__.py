"""The JSON Schema target: one JSON Schema 2020-12 document, ``schema.json``, with a ``$defs``
entry per model, keyed by the model's name (``emit``). Declared here; the module is imported
when used."""

from __future__ import annotations

from generator.targets import Target

TARGET = Target(
    name="jsonschema",
    summary="one JSON Schema 2020-12 document ($defs keyed by model name)",
    emitter="generator.targets.jsonschema.emit:emit",
)
