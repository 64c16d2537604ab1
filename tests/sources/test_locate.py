"""Line numbers for JSON pointers in YAML specs (for file:line in diff findings)."""

from __future__ import annotations

import textwrap

from generator.sources.openapi.locate import locate

SPEC = textwrap.dedent(
    """\
    openapi: 3.0.3
    paths:
      /pets/{id}:
        get:
          description: |
            properties: not a key
            name: also not a key
          responses:
            "200":
              description: ok
    components:
      schemas:
        Pet:
          allOf:
            - $ref: "#/components/schemas/Base"
            - type: object
              properties:
                name: {type: string}
                'tag~x':
                  type: string
        Base:
          type: object
    """
)


def test_pointers_resolve_to_the_line_of_their_key() -> None:
    lines = SPEC.splitlines()
    found = locate(
        SPEC,
        [
            "/components/schemas/Pet",
            "/components/schemas/Pet/allOf/1/properties/name",
            "/components/schemas/Pet/allOf/1/properties/tag~0x",
            "/components/schemas/Base",
            "/paths/~1pets~1{id}/get/responses/200",
        ],
    )
    assert lines[found["/components/schemas/Pet"] - 1].strip() == "Pet:"
    assert lines[found["/components/schemas/Pet/allOf/1/properties/name"] - 1].strip() == (
        "name: {type: string}"
    )
    assert "'tag~x':" in lines[found["/components/schemas/Pet/allOf/1/properties/tag~0x"] - 1]
    assert lines[found["/components/schemas/Base"] - 1].strip() == "Base:"
    assert lines[found["/paths/~1pets~1{id}/get/responses/200"] - 1].strip() == '"200":'


def test_text_inside_block_scalars_is_not_mistaken_for_keys() -> None:
    found = locate(SPEC, ["/paths/~1pets~1{id}/get/properties", "/paths/~1pets~1{id}/get/name"])
    assert found == {}


def test_unknown_pointers_have_no_line() -> None:
    assert locate(SPEC, ["/components/schemas/Nope"]) == {}


def test_pointers_past_skipped_subtrees_and_sequence_items_keep_their_lines() -> None:
    """Lines below keys and items no wanted pointer goes through are skipped; the keys and
    item counts after them must still come out right (each pointer checked alone too)."""
    spec = textwrap.dedent(
        """\
        components:
          schemas:
            Skipped:
              oneOf:
                - type: object
                  properties:
                    Wanted: {type: string}
                - type: string
            Pet:
              oneOf:
                - type: object
                  properties:
                    a: {type: string}
                - type: object
                  properties:
                    b:
                      type: string
        """
    )
    lines = spec.splitlines()
    wanted = ["/components/schemas/Pet/oneOf/1/properties/b", "/components/schemas/Pet"]
    together = locate(spec, wanted)
    assert together == {p: locate(spec, [p])[p] for p in wanted}
    assert lines[together[wanted[0]] - 1].strip() == "b:"
    assert lines[together[wanted[1]] - 1].strip() == "Pet:"
    assert locate(spec, ["/components/schemas/Skipped/oneOf/0/properties/Wanted"]) == {
        "/components/schemas/Skipped/oneOf/0/properties/Wanted": 7
    }
