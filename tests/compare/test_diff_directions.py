"""Wire directions come from every place a model is used: request bodies and parameters (what
clients send), responses and their headers (what clients read), callbacks and webhooks (the
other way round); a model on the wire only as an allOf parent is judged through its
children."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.compare.diff import Finding, compare
from generator.ir import ModelSet
from generator.sources import load

COMPONENTS = """\
components:
  schemas:
    Order:
      type: string
      enum: [asc, desc{more}]
    Unused:
      type: object
      properties:
        x: {{type: string}}
"""


def load_pair(tmp_path: Path, paths: str, version: str = "3.1.0") -> tuple[ModelSet, ModelSet]:
    """The spec with ``paths`` (and other top-level sections), before and after the enum
    ``Order`` gains the value ``random``."""
    head = f"openapi: {version}\ninfo: {{title: T, version: '1'}}\n"
    sets = []
    for name, more in (("old", ""), ("new", ", random")):
        path = tmp_path / f"{name}.yaml"
        path.write_text(head + textwrap.dedent(paths) + COMPONENTS.format(more=more))
        sets.append(load(path))
    return sets[0], sets[1]


def order_finding(old: ModelSet, new: ModelSet) -> Finding:
    [finding] = [f for f in compare(old, new) if f.model == "Order"]
    assert (finding.kind, finding.member) == ("enum.value_added", '"random"')
    return finding


def test_a_query_parameter_enum_that_gains_a_value_has_a_request_direction(
    tmp_path: Path,
) -> None:
    old, new = load_pair(
        tmp_path,
        """\
        paths:
          /things:
            get:
              parameters:
                - name: order
                  in: query
                  schema: {$ref: "#/components/schemas/Order"}
              responses:
                "204": {description: none}
        """,
    )
    finding = order_finding(old, new)
    assert finding.request.level == "safe"
    assert finding.request.reason == "older clients send the values they know"
    assert finding.response.reason == "no response uses this model"


@pytest.mark.parametrize(
    "parameter",
    [
        "{name: order, in: path, required: true, schema: {$ref: '#/components/schemas/Order'}}",
        "{name: X-Order, in: header,"
        " schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}",
        "{name: order, in: cookie,"
        " content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}",
    ],
    ids=["path", "header", "cookie"],
)
def test_every_kind_of_parameter_is_a_request_direction(tmp_path: Path, parameter: str) -> None:
    old, new = load_pair(
        tmp_path,
        f"""\
        paths:
          /things/{{order}}:
            parameters:
              - {parameter}
            get:
              responses:
                "204": {{description: none}}
        """,
    )
    finding = order_finding(old, new)
    assert finding.request.reason == "older clients send the values they know"


def test_a_parameter_from_components_is_followed(tmp_path: Path) -> None:
    paths = """\
    paths:
      /things:
        get:
          parameters: [{$ref: "#/components/parameters/OrderParameter"}]
          responses:
            "204": {description: none}
    """
    head = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"
    sets = []
    for name, more in (("old", ""), ("new", ", random")):
        path = tmp_path / f"{name}.yaml"
        components = COMPONENTS.format(more=more).replace(
            "components:\n",
            "components:\n  parameters:\n    OrderParameter:\n      name: order\n"
            "      in: query\n      schema: {$ref: '#/components/schemas/Order'}\n",
        )
        path.write_text(head + textwrap.dedent(paths) + components)
        sets.append(load(path))
    finding = order_finding(sets[0], sets[1])
    assert finding.request.reason == "older clients send the values they know"


def test_a_response_header_is_a_response_direction(tmp_path: Path) -> None:
    old, new = load_pair(
        tmp_path,
        """\
        paths:
          /things:
            get:
              responses:
                "204":
                  description: none
                  headers:
                    X-Order: {schema: {$ref: "#/components/schemas/Order"}}
        """,
    )
    finding = order_finding(old, new)
    assert finding.request.reason == "no request uses this model"
    assert finding.response.level == "warning"


def test_a_webhook_request_is_read_by_clients(tmp_path: Path) -> None:
    """The API sends a webhook's request to its client: a new value there is what clients
    read (a response direction), and nothing clients send."""
    old, new = load_pair(
        tmp_path,
        """\
        webhooks:
          orderChanged:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Order"}
              responses:
                "200": {description: ok}
        """,
    )
    finding = order_finding(old, new)
    assert finding.request.reason == "no request uses this model"
    assert finding.response.level == "warning"


def test_a_callback_response_is_sent_by_clients(tmp_path: Path) -> None:
    old, new = load_pair(
        tmp_path,
        """\
        paths:
          /subscribe:
            post:
              responses:
                "201": {description: subscribed}
              callbacks:
                onEvent:
                  "{$request.body#/url}":
                    post:
                      responses:
                        "200":
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: "#/components/schemas/Order"}
        """,
    )
    finding = order_finding(old, new)
    assert finding.request.reason == "older clients send the values they know"
    assert finding.response.reason == "no response uses this model"


def test_a_model_no_operation_uses_stays_without_direction(tmp_path: Path) -> None:
    old, new = load_pair(
        tmp_path,
        """\
        paths:
          /things:
            get:
              parameters:
                - {name: order, in: query, schema: {type: string}}
              responses:
                "204": {description: none}
        """,
    )
    finding = order_finding(old, new)
    assert finding.request.level == finding.response.level == "n/a"


# --- allOf parents --------------------------------------------------------------------------

PARENTS = """\
openapi: 3.1.0
info: {{title: T, version: "1"}}
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema: {{$ref: "#/components/schemas/Dog"}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Dog"}}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {{type: string}}
{parent_more}
    Dog:
      allOf:
        - $ref: "#/components/schemas/Pet"
        - type: object
          properties:
            bark: {{type: boolean}}
{child_more}
"""


def load_parents(tmp_path: Path, old: tuple[str, str], new: tuple[str, str]) -> list[Finding]:
    sets = []
    for name, (parent_more, child_more) in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(PARENTS.format(parent_more=parent_more, child_more=child_more))
        sets.append(load(path))
    return compare(sets[0], sets[1])


AGE_IN_PARENT = "        age: {type: integer}"
AGE_IN_CHILD = "            age: {type: integer}"


def test_a_property_removed_from_a_parent_its_children_still_declare_is_no_wire_change(
    tmp_path: Path,
) -> None:
    found = load_parents(tmp_path, (AGE_IN_PARENT, AGE_IN_CHILD), ("", AGE_IN_CHILD))
    [finding] = found
    assert (finding.model, finding.kind, finding.member) == ("Pet", "property.removed", "age")
    for verdict in (finding.request, finding.response):
        assert verdict.level == "safe"
        assert "allOf children (Dog)" in verdict.reason


def test_a_property_removed_from_a_parent_is_judged_on_the_children_that_lose_it(
    tmp_path: Path,
) -> None:
    found = load_parents(tmp_path, (AGE_IN_PARENT, ""), ("", ""))
    by_model = {f.model: f for f in found}
    assert set(by_model) == {"Pet", "Dog"}
    assert by_model["Pet"].response.level == "safe"
    dog = by_model["Dog"]
    assert (dog.kind, dog.member) == ("property.removed", "age")
    assert dog.request.level == dog.response.level == "warning"
