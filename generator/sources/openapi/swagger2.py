"""Swagger 2.0 documents, read into the same IR by the same schema walk as OpenAPI 3.

What differs from OpenAPI 3, and how it is read:

- ``definitions`` are the named schemas (``#/definitions/Pet`` is ``Ref("Pet")``);
  ``parameters`` and ``responses`` at the top level are followed through ``$ref``.
- ``x-nullable: true`` makes a schema nullable; ``type: file`` is a string of format
  ``binary``; ``discriminator`` is a property name on the base schema (subtypes name the base
  in ``allOf``), read like OpenAPI 3's discriminator on an object.
- A request body is the ``schema`` of the operation's (or its path's) ``in: body`` parameter,
  named ``<OperationId>Request`` when inline; ``in: formData`` parameters together are one
  object model of that name (each parameter a field, ``required`` as it says). Responses are
  ``responses.<status>.schema``, named as in OpenAPI 3 (``<OperationId>Response``,
  ``<OperationId>Response404``). ``collectionFormat`` only says how a query string is written:
  irrelevant for models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.errors import ModelgenError
from generator.ir import JsonValue, ModelSet, Source
from generator.sources.openapi.refs import Location, child

if TYPE_CHECKING:
    from generator.sources.openapi.loader import _Loader


def run(loader: _Loader, root: dict[str, Any]) -> ModelSet:
    """The model set of the Swagger 2.0 document ``root`` (the loader's entry file)."""
    from generator.sources.openapi.loader import _part, _unwrap

    version = root.get("swagger")
    if not isinstance(version, str) or not version.startswith("2."):
        raise ModelgenError(
            f"not a Swagger 2.0 document (swagger: {version!r}; expected 2.0)",
            Source(loader.root_rel, "/swagger"),
        )
    loader.dialect = "swagger"
    definitions = root.get("definitions", {})
    if definitions is None:
        definitions = {}
    if not isinstance(definitions, dict):
        raise ModelgenError(
            "definitions must be a mapping", Source(loader.root_rel, "/definitions")
        )
    loader.add_named(loader.root_rel, "/definitions", definitions)
    loader.drain()
    for loc, op, method, path, item in loader.operations(root):
        op_id = op.get("operationId")
        base = _part(op_id) if isinstance(op_id, str) and op_id else _part(f"{method} {path}")
        request = _request(loader, loc, op, item, base + "Request")
        if request is not None:
            loader.request_roots.update(_unwrap(request))
        responses = op.get("responses")
        if isinstance(responses, dict):
            responses_at = child(loc[1], "responses")
            for code in sorted(responses, key=str):
                where, response = loader.deref_node(
                    (loc[0], child(responses_at, code)), responses[code]
                )
                if not isinstance(response, dict) or "schema" not in response:
                    continue
                suffix = "Response" if str(code).startswith("2") else f"Response{_part(code)}"
                schema_at = (where[0], child(where[1], "schema"))
                found = loader.body_type(schema_at, response["schema"], base + suffix)
                loader.response_roots.update(_unwrap(found))
        loader.drain()
    return loader.model_set(root)


def _parameters(
    loader: _Loader, loc: Location, op: dict[str, Any], item: dict[str, Any]
) -> list[tuple[Location, dict[str, Any]]]:
    """The operation's parameters, and its path item's that it does not redeclare (same name
    and ``in``), each through its ``$ref``."""
    found: dict[tuple[str, str], tuple[Location, dict[str, Any]]] = {}
    path_loc = (loc[0], loc[1].rsplit("/", 1)[0])
    for owner_loc, owner in ((path_loc, item), (loc, op)):
        listed = owner.get("parameters")
        if not isinstance(listed, list):
            continue
        for index, raw in enumerate(listed):
            where, parameter = loader.deref_node(
                (owner_loc[0], child(child(owner_loc[1], "parameters"), index)), raw
            )
            if isinstance(parameter, dict):
                key = (str(parameter.get("name")), str(parameter.get("in")))
                found[key] = (where, parameter)
    return list(found.values())


def _request(
    loader: _Loader, loc: Location, op: dict[str, Any], item: dict[str, Any], hint: str
) -> Any:
    """The request body type: the ``in: body`` parameter's schema, or one object of the
    ``in: formData`` parameters; None when there is neither."""
    form: list[tuple[str, Location, JsonValue, bool]] = []
    for where, parameter in _parameters(loader, loc, op, item):
        place = parameter.get("in")
        if place == "body" and "schema" in parameter:
            schema_at = (where[0], child(where[1], "schema"))
            return loader.body_type(schema_at, parameter["schema"], hint)
        name = parameter.get("name")
        if place == "formData" and isinstance(name, str):
            form.append((name, where, parameter, parameter.get("required") is True))
    if not form:
        return None
    return loader.object_type((loc[0], child(loc[1], "parameters")), hint, form)
