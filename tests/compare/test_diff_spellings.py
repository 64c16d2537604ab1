"""One schema spelt another way is no change: the diff compares one canonical form (the 3.0
``nullable: true``, the 3.1 ``type: [X, 'null']`` and ``anyOf: [X, {type: 'null'}]`` read the
same, keywords included, wherever they sit)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.compare.diff import Finding, compare
from generator.ir import AliasModel, Const, Constraints, EnumModel, ModelSet, Nullable, ObjectModel
from tests.compare.spec_pairs import load_spec


def spec(tmp_path: Path, name: str, schemas: str, version: str = "3.1.0") -> ModelSet:
    return load_spec(tmp_path, name, textwrap.dedent(schemas), version)


def described(found: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.model, f.kind, f.member) for f in found]


# A small spec with constraints, defaults, deprecation and descriptions, as 3.0 writes it...
SPEC_30 = """\
Thing:
  type: object
  description: A thing.
  properties:
    name:
      type: string
      maxLength: 10
      default: x
      description: The name.
      nullable: true
    count:
      type: integer
      minimum: 1
      deprecated: true
      description: How many.
      nullable: true
    temperature:
      type: number
      minimum: 0
      maximum: 2
      default: 1
      nullable: true
      description: Sampling temperature.
    tags:
      type: array
      items: {type: string}
      maxItems: 3
      nullable: true
      description: Tags.
    other:
      allOf: [{$ref: "#/components/schemas/Other"}]
      nullable: true
      description: The other one.
    mode:
      type: string
      enum: [a, b]
      nullable: true
      default: a
      description: Mode.
    meta:
      type: object
      properties:
        k: {type: string}
      nullable: true
      description: Meta.
    seen_at:
      type: string
      format: date-time
      readOnly: true
      nullable: true
    choice:
      oneOf:
        - type: string
          nullable: true
        - type: array
          items: {type: string}
    loose:
      $ref: "#/components/schemas/NullableObject"
Other:
  type: object
  properties:
    k: {type: integer}
NullableObject:
  type: object
  nullable: true
  description: A nullable object.
  properties:
    k: {type: integer}
NullableString:
  type: string
  nullable: true
  maxLength: 3
  description: A nullable string.
NullableEnum:
  type: string
  enum: [x, y]
  default: x
  nullable: true
"""

# ...and the same spec after a 3.0 -> 3.1 rewrite that moved the keywords into the non-null
# member (as the OpenAI spec's rewrite did), or kept them beside a type list.
SPEC_31 = """\
Thing:
  type: object
  description: A thing.
  properties:
    name:
      anyOf:
        - type: string
          maxLength: 10
          default: x
          description: The name.
        - type: "null"
    count:
      type: [integer, "null"]
      minimum: 1
      deprecated: true
      description: How many.
    temperature:
      oneOf:
        - type: "null"
        - description: Sampling temperature.
          type: number
          minimum: 0
          maximum: 2
          default: 1
    tags:
      anyOf:
        - type: array
          items: {type: string}
          maxItems: 3
          description: Tags.
        - type: "null"
    other:
      anyOf:
        - $ref: "#/components/schemas/Other"
        - type: "null"
      description: The other one.
    mode:
      anyOf:
        - type: string
          enum: [a, b]
          default: a
          description: Mode.
        - type: "null"
    meta:
      anyOf:
        - type: object
          properties:
            k: {type: string}
          description: Meta.
        - type: "null"
    seen_at:
      anyOf:
        - type: string
          format: date-time
        - type: "null"
      readOnly: true
    choice:
      oneOf:
        - type: string
        - type: array
          items: {type: string}
        - type: "null"
    loose:
      $ref: "#/components/schemas/NullableObject"
Other:
  type: object
  properties:
    k: {type: integer}
NullableObject:
  anyOf:
    - type: object
      description: A nullable object.
      properties:
        k: {type: integer}
    - type: "null"
NullableString:
  anyOf:
    - type: string
      maxLength: 3
      description: A nullable string.
    - type: "null"
NullableEnum:
  anyOf:
    - type: string
      enum: [x, y]
      default: x
    - type: "null"
"""


def test_a_3_0_to_3_1_rewrite_with_keywords_moved_into_the_member_has_no_findings(
    tmp_path: Path,
) -> None:
    old = spec(tmp_path, "old", SPEC_30, "3.0.3")
    new = spec(tmp_path, "new", SPEC_31)
    assert described(compare(old, new)) == []
    assert described(compare(new, old)) == []


def test_keywords_of_the_only_non_null_member_apply_to_the_property(tmp_path: Path) -> None:
    models = spec(tmp_path, "new", SPEC_31).by_name()
    thing = models["Thing"]
    assert isinstance(thing, ObjectModel)
    fields = {f.name: f for f in thing.fields}
    name = fields["name"]
    assert (name.nullable, name.default, name.description) == (
        Nullable.YES,
        Const("x"),
        "The name.",
    )
    assert name.constraints == Constraints(max_length=10)
    temperature = fields["temperature"]
    assert temperature.constraints == Constraints(minimum=0, maximum=2)
    assert temperature.default == Const(1)
    assert fields["tags"].constraints == Constraints(max_items=3)
    assert fields["seen_at"].read_only


def test_a_model_made_from_the_only_member_is_nullable_like_the_3_0_spelling(
    tmp_path: Path,
) -> None:
    models = spec(tmp_path, "new", SPEC_31).by_name()
    mode = models["ThingMode"]
    assert isinstance(mode, EnumModel)
    assert (mode.nullable, mode.default, mode.description) == (Nullable.YES, Const("a"), "Mode.")
    assert models["ThingMeta"].nullable is Nullable.YES
    string = models["NullableString"]
    assert isinstance(string, AliasModel)
    assert string.constraints == Constraints(max_length=3)
    assert string.description == "A nullable string."


def test_a_union_with_a_member_that_admits_null_is_nullable(tmp_path: Path) -> None:
    models = spec(tmp_path, "old", SPEC_30, "3.0.3").by_name()
    assert models["ThingChoice"].nullable is Nullable.YES


@pytest.mark.parametrize(
    "spelling",
    [
        "{type: [string, 'null'], maxLength: 5, default: a, deprecated: true, description: D}",
        "{anyOf: [{type: string, maxLength: 5, default: a, deprecated: true, description: D},"
        " {type: 'null'}]}",
        "{oneOf: [{type: 'null'}, {type: string, maxLength: 5}], default: a, deprecated: true,"
        " description: D}",
        "{anyOf: [{type: string, maxLength: 5, description: D}, {type: 'null'}], default: a,"
        " deprecated: true}",
    ],
)
def test_each_nullable_spelling_of_a_property_compares_equal(tmp_path: Path, spelling: str) -> None:
    nullable = (
        "{type: string, nullable: true, maxLength: 5, default: a, deprecated: true, description: D}"
    )
    old = spec(
        tmp_path, "old", f"Thing:\n  type: object\n  properties:\n    p: {nullable}\n", "3.0.3"
    )
    new = spec(tmp_path, "new", f"Thing:\n  type: object\n  properties:\n    p: {spelling}\n")
    assert described(compare(old, new)) == []


def test_a_description_changed_beside_a_ref_in_a_nullable_union_is_reported(
    tmp_path: Path,
) -> None:
    schemas = """\
    Thing:
      type: object
      properties:
        other:
          anyOf:
            - $ref: "#/components/schemas/Other"
              description: {text}
            - type: "null"
    Other:
      type: object
      properties:
        k: {{type: integer}}
    """
    old = spec(tmp_path, "old", schemas.format(text="Before."))
    new = spec(tmp_path, "new", schemas.format(text="After."))
    [finding] = compare(old, new)
    assert (finding.model, finding.kind, finding.member) == (
        "Thing",
        "property.description_changed",
        "other",
    )
    assert (finding.before, finding.after) == ("Before.", "After.")
    assert finding.description_only


def test_a_real_keyword_change_inside_the_member_is_still_reported(tmp_path: Path) -> None:
    schemas = """\
    Thing:
      type: object
      properties:
        name:
          anyOf:
            - {{type: string, maxLength: {limit}}}
            - type: "null"
    """
    old = spec(tmp_path, "old", schemas.format(limit=10))
    new = spec(tmp_path, "new", schemas.format(limit=5))
    [finding] = compare(old, new)
    assert (finding.kind, finding.member, finding.before, finding.after) == (
        "property.constraint_tightened",
        "name",
        "maxLength: 10",
        "maxLength: 5",
    )
