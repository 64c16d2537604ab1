"""Union changes: verdicts by the rules table (narrowing is safe for readers, breaking for
senders), and the variants added and removed named, not only the unions."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.compare.diff import RULES, Finding, compare
from generator.ir import ModelSet
from generator.sources import load

RESPONSE_ONLY = """\
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /events:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Event"}
components:
  schemas:
"""


def load_pair(tmp_path: Path, old: str, new: str, head: str = RESPONSE_ONLY) -> list[Finding]:
    sets: list[ModelSet] = []
    for name, schemas in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(head + textwrap.indent(textwrap.dedent(schemas), "    "))
        sets.append(load(path))
    return compare(sets[0], sets[1])


EVENT = """\
Event:
  oneOf:
    - type: object
      properties:
        a: {type: string}
    - type: object
      properties:
        b: {type: integer}
    - type: object
      properties:
        c: {type: boolean}
    - $ref: "#/components/schemas/Ping"
Ping:
  type: object
  properties:
    ping: {type: string}
"""
# the second member (an inline object) and the Ping member removed
NARROWER = EVENT.replace(
    "    - type: object\n      properties:\n        b: {type: integer}\n", ""
).replace('    - $ref: "#/components/schemas/Ping"\n', "")


def test_narrowing_a_response_only_union_is_safe_for_responses(tmp_path: Path) -> None:
    found = load_pair(tmp_path, EVENT, NARROWER)
    removed = [f for f in found if f.kind == "union.variant_removed"]
    assert sorted(f.member or "" for f in removed) == ["Event2", "Ping"]
    for finding in found:
        assert finding.response.level == "safe", (finding.kind, finding.member, finding.response)
        assert finding.request.reason == "no request uses this model"
    assert {f.response.reason for f in removed} == {RULES["union.variant_removed"].response[1]}


def test_members_named_by_position_are_matched_by_content(tmp_path: Path) -> None:
    """``Event2`` (``b``) is removed and ``Event3`` (``c``) takes its name: that is a removed
    member and a renamed class, not ``Event2`` losing ``b`` and gaining ``c``."""
    found = load_pair(tmp_path, EVENT, NARROWER)
    assert not [f for f in found if f.kind.startswith("property.")]
    [renamed] = [f for f in found if f.kind == "model.renamed"]
    assert (renamed.old_model, renamed.model) == ("Event3", "Event2")
    [gone] = [f for f in found if f.kind == "union.variant_removed" and f.member == "Event2"]
    assert gone.removed == ("Event2",)


def test_narrowing_a_union_used_in_requests_is_breaking_for_requests(tmp_path: Path) -> None:
    head = RESPONSE_ONLY.replace(
        "    get:\n      responses:",
        "    post:\n      requestBody:\n        content:\n          application/json:\n"
        "            schema: {$ref: '#/components/schemas/Event'}\n      responses:",
    )
    found = load_pair(tmp_path, EVENT, NARROWER, head)
    removed = [f for f in found if f.kind == "union.variant_removed"]
    assert removed and all(f.request.level == "breaking" for f in removed)
    assert all(f.response.level == "safe" for f in removed)


INLINE_UNION = """\
Event:
  type: object
  properties:
    error:
      oneOf:
        - $ref: "#/components/schemas/Timeout"
        - $ref: "#/components/schemas/Refused"
"""
# the inline union replaced by a $ref to a component union of one more variant
SHARED_UNION = """\
Event:
  type: object
  properties:
    error: {$ref: "#/components/schemas/Error"}
Error:
  oneOf:
    - $ref: "#/components/schemas/Timeout"
    - $ref: "#/components/schemas/Refused"
    - $ref: "#/components/schemas/Throttled"
"""
VARIANTS = """\
Timeout:
  type: object
  properties:
    seconds: {type: integer}
Refused:
  type: object
  properties:
    reason: {type: string}
Throttled:
  type: object
  properties:
    retry_after: {type: integer}
"""


def test_a_union_that_grew_names_the_variants_added(tmp_path: Path) -> None:
    found = load_pair(tmp_path, INLINE_UNION + VARIANTS, SHARED_UNION + VARIANTS)
    [grew] = [f for f in found if f.member == "error"]
    assert (grew.kind, grew.before, grew.after) == ("property.union_grew", "EventError", "Error")
    assert (grew.added, grew.removed) == (("Throttled",), ())
    assert (grew.request.level, grew.response.level) == ("safe", "breaking")


def test_a_union_that_shrank_names_the_variants_removed(tmp_path: Path) -> None:
    found = load_pair(tmp_path, SHARED_UNION + VARIANTS, INLINE_UNION + VARIANTS)
    [shrank] = [f for f in found if f.member == "error"]
    assert shrank.kind == "property.union_shrank"
    assert (shrank.added, shrank.removed) == ((), ("Throttled",))
    assert shrank.response.level == "safe"  # readers get a subset of what they handled


INLINE_WITH_ENUM = """\
Event:
  type: object
  properties:
    model:
      anyOf:
        - type: string
        - type: string
          enum: [small, large]
"""
SHARED_WITH_ENUM = """\
Event:
  type: object
  properties:
    model: {$ref: "#/components/schemas/ModelId"}
ModelId:
  anyOf:
    - type: string
    - type: string
      enum: [small, large, huge]
"""


def test_a_union_whose_enum_variant_gained_values_lists_them(tmp_path: Path) -> None:
    """An inline union replaced by a shared one whose enum member has one more value: the
    value is listed (the unions' names say nothing about it)."""
    found = load_pair(tmp_path, INLINE_WITH_ENUM, SHARED_WITH_ENUM)
    [finding] = [f for f in found if f.member == "model"]
    assert (finding.kind, finding.before, finding.after) == (
        "property.union_grew",
        "EventModel",
        "ModelId",
    )
    assert finding.added == ('"huge"',)
