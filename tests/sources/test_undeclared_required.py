"""A key that ``required`` names but ``properties`` never declares (16 places in OpenAI's spec
of 2026-08) becomes a required free-form field, or one of the declared additional properties'
type, with a located warning: no language drops it."""

from __future__ import annotations

from pathlib import Path

from generator.ir import ANY, ObjectModel, Primitive
from tests.sources.test_openapi_loader import spec


def test_a_required_key_without_a_property_becomes_a_free_form_field_with_a_warning(
    tmp_path: Path,
) -> None:
    found = spec(
        tmp_path,
        """
        A: {type: object, required: [id, response_id], properties: {id: {type: string}}}
        B:
          type: object
          required: [n]
          properties: {m: {type: string}}
          additionalProperties: {type: integer}
        """,
    )
    a, b = (found.by_name()[n] for n in "AB")
    assert isinstance(a, ObjectModel) and isinstance(b, ObjectModel)
    assert [(f.name, f.type, f.required) for f in a.fields] == [
        ("id", Primitive("string"), True),
        ("response_id", ANY, True),
    ]
    assert [(f.name, f.type, f.required) for f in b.fields] == [
        ("m", Primitive("string"), False),
        ("n", Primitive("integer"), True),
    ]
    warnings = [(d.code, d.source.pointer, d.message) for d in found.diagnostics]
    assert (
        "undeclared-required",
        "/components/schemas/A/required",
        "required property 'response_id' is not declared in properties;"
        " read as a required free-form field",
    ) in warnings
    assert not any(d.degraded for d in found.diagnostics)
