"""The OpenAPI loader: each test pins one rule (see generator/loaders/openapi.py)."""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    Const,
    EnumModel,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
    degraded_places,
)
from generator.sources import LoadOptions
from generator.sources import load as load_any
from generator.sources.openapi import loader as openapi
from tests.support.paths import EXAMPLE_SPEC, OPENAI_SPEC, need

HEAD = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def spec(
    tmp_path: Path,
    schemas: str,
    head: str = HEAD,
    *,
    strict: bool = False,
    allow_external_refs: bool = False,
    allow_remote_refs: bool = False,
) -> ModelSet:
    """Load a spec whose components/schemas are ``schemas`` (YAML, indented freely)."""
    body = textwrap.indent(textwrap.dedent(schemas), "    ")
    path = write(tmp_path, "spec.yaml", head + "components:\n  schemas:\n" + body)
    options = LoadOptions(
        allow_external_refs=allow_external_refs,
        allow_remote_refs=allow_remote_refs,
        strict=strict,
    )
    return openapi.load(path, options)


def models(model_set: ModelSet) -> dict[str, Model]:
    return model_set.by_name()


def obj(model_set: ModelSet, name: str) -> ObjectModel:
    model = models(model_set)[name]
    assert isinstance(model, ObjectModel), model
    return model


def field(model: ObjectModel, name: str) -> Field:
    return next(f for f in model.fields if f.name == name)


def union(model_set: ModelSet, name: str) -> UnionModel:
    model = models(model_set)[name]
    assert isinstance(model, UnionModel), model
    return model


# --- the example schema --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> ModelSet:
    return load_any(EXAMPLE_SPEC)


def test_example_client_event_is_a_oneof_with_the_declared_mapping(example: ModelSet) -> None:
    client = union(example, "ClientEvent")
    assert client.exclusive
    assert [v for v in client.variants] == [
        Ref("SessionUpdateEvent"),
        Ref("InputAudioBufferAppendEvent"),
        Ref("ConversationItemCreateEvent"),
        Ref("ResponseCancelEvent"),
    ]
    assert client.discriminator is not None
    assert client.discriminator.property == "type"
    assert not client.discriminator.inferred
    assert dict(client.discriminator.mapping)["session.update"] == "SessionUpdateEvent"
    assert len(client.discriminator.mapping) == 4


def test_example_server_event_gets_an_inferred_discriminator(example: ModelSet) -> None:
    server = union(example, "ServerEvent")
    assert not server.exclusive  # anyOf
    assert server.discriminator is not None
    assert server.discriminator.inferred
    assert server.discriminator.property == "type"
    assert dict(server.discriminator.mapping) == {
        "session.created": "SessionCreatedEvent",
        "error": "ErrorEvent",
        "response.done": "ResponseDoneEvent",
    }


def test_example_content_part_variants_are_named_by_title_and_tag(example: ModelSet) -> None:
    part = union(example, "ContentPart")
    assert part.variants == (Ref("TextPart"), Ref("ContentPartAudio"))
    assert part.discriminator is not None
    assert dict(part.discriminator.mapping) == {"text": "TextPart", "audio": "ContentPartAudio"}


def test_example_session_merges_its_allof_base(example: ModelSet) -> None:
    session = obj(example, "Session")
    assert session.bases == ("SessionCreateRequest",)
    names = [f.name for f in session.fields]
    assert names[:2] == ["model", "voice"]  # parent fields first
    assert field(session, "model").inherited_from == "SessionCreateRequest"
    assert field(session, "model").required
    assert field(session, "id").inherited_from is None
    assert field(session, "id").required
    assert field(session, "id").read_only
    assert field(session, "client_secret").write_only
    assert field(session, "legacy_mode").deprecated


def test_example_keeps_nullable_and_optional_apart(example: ModelSet) -> None:
    session = obj(example, "Session")
    previous = field(session, "previous_session_id")
    assert previous.required and previous.nullable is Nullable.YES
    voice = field(session, "voice")
    assert not voice.required and voice.nullable is Nullable.NO
    audio = obj(example, "ContentPartAudio")
    transcript = field(audio, "transcript")
    assert not transcript.required and transcript.nullable is Nullable.YES


def test_example_oneof_with_null_is_a_nullable_reference(example: ModelSet) -> None:
    event = obj(example, "ConversationItemCreateEvent")
    previous = field(event, "previous_item_id")
    assert previous.type == Ref("ItemId")
    assert previous.nullable is Nullable.YES
    assert previous.required


def test_example_recursion_is_a_reference_to_itself(example: ModelSet) -> None:
    item = obj(example, "ConversationItem")
    assert field(item, "children").type == ListOf(Ref("ConversationItem"))


def test_example_maps(example: ModelSet) -> None:
    item = obj(example, "ConversationItem")
    assert field(item, "scores").type == MapOf(Primitive("number"))
    assert field(item, "attributes").type == MapOf(ANY)
    metadata = field(obj(example, "SessionCreateRequest"), "metadata")
    assert metadata.type == MapOf(Primitive("string"))
    assert metadata.nullable is Nullable.YES
    assert metadata.constraints.max_properties == 16


def test_example_formats(example: ModelSet) -> None:
    session = obj(example, "Session")
    assert field(session, "id").type == Primitive("string", "uuid")
    assert field(session, "created_at").type == Primitive("string", "date-time")
    assert field(session, "expires_at").type == Primitive("integer", "int64")
    assert field(session, "client_secret").type == Primitive("string", "byte")
    assert field(session, "temperature").type == Primitive("number", "float")
    item = obj(example, "ConversationItem")
    assert field(item, "created_on").type == Primitive("string", "date")


def test_example_defaults_and_constraints(example: ModelSet) -> None:
    request = obj(example, "SessionCreateRequest")
    temperature = field(request, "temperature")
    assert temperature.default == Const(0.8)
    assert temperature.constraints.minimum == 0.6
    assert temperature.constraints.maximum == 1.2
    modalities = field(request, "modalities")
    assert modalities.default == Const(["text"])
    assert modalities.type == ListOf(Ref("SessionCreateRequestModalitiesItem"), unique=True)
    item_id = models(example)["ItemId"]
    assert isinstance(item_id, AliasModel)
    assert item_id.constraints.pattern == "^item_[A-Za-z0-9]+$"
    assert item_id.constraints.max_length == 64


def test_example_enums_keep_their_value_types(example: ModelSet) -> None:
    priority = models(example)["Priority"]
    assert isinstance(priority, EnumModel)
    assert priority.base == "integer"
    assert priority.values is not None
    assert [v.value for v in priority.values] == [1, 2, 3]
    audio = models(example)["AudioFormat"]
    assert isinstance(audio, EnumModel)
    assert audio.default == Const("pcm16")


def test_example_single_value_enums_are_field_constants(example: ModelSet) -> None:
    event = obj(example, "SessionCreatedEvent")
    assert field(event, "type").const == Const("session.created")
    assert field(event, "type").type == Primitive("string")
    update = obj(example, "SessionUpdateEvent")
    assert field(update, "type").const == Const("session.update")  # 3.1 const


def test_example_inline_models_are_named_after_their_parent(example: ModelSet) -> None:
    names = set(models(example))
    assert {
        "ErrorEventError",
        "ResponseDoneEventUsage",
        "SessionCreateRequestTurnDetection",
        "SessionCreateRequestModalitiesItem",
        "ConversationItemRole",
        "PollEventsResponse",
    } <= names
    turn = obj(example, "SessionCreateRequestTurnDetection")
    assert turn.nullable is Nullable.YES


def test_example_request_and_response_roots(example: ModelSet) -> None:
    assert example.request_roots == {"SessionCreateRequest", "ClientEvent"}
    assert example.response_roots == {"Session", "PollEventsResponse"}


def test_example_title_version_sources_and_order(example: ModelSet) -> None:
    assert example.title == "Realtime Events API"
    assert example.version == "1.0.0"
    names = [m.name for m in example.models]
    assert names == sorted(names)
    session = obj(example, "Session")
    assert session.source.file == "realtime.yaml"
    assert session.source.pointer == "/components/schemas/Session"
    assert field(session, "id").source.pointer == (
        "/components/schemas/Session/allOf/1/properties/id"
    )


def test_loading_is_deterministic(example: ModelSet) -> None:
    assert load_any(EXAMPLE_SPEC) == example


# --- components and inline names -----------------------------------------------------------------


def test_every_component_schema_becomes_a_model(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Id: {type: string, format: uuid}
        Ids: {type: array, items: {$ref: '#/components/schemas/Id'}}
        Bag: {type: object, additionalProperties: {type: integer}}
        Anything: {}
        Other: {$ref: '#/components/schemas/Id'}
        """,
    )
    got = models(result)
    assert got["Id"] == AliasModel("Id", Primitive("string", "uuid"), source=got["Id"].source)
    assert isinstance(got["Ids"], AliasModel) and got["Ids"].target == ListOf(Ref("Id"))
    assert isinstance(got["Bag"], AliasModel)
    assert got["Bag"].target == MapOf(Primitive("integer"))
    assert isinstance(got["Anything"], AliasModel) and got["Anything"].target == ANY
    assert isinstance(got["Other"], AliasModel) and got["Other"].target == Ref("Id")


def test_inline_name_never_overwrites_a_component(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A:
          type: object
          properties:
            b: {type: object, properties: {x: {type: string}}}
        AB:
          type: object
          properties:
            y: {type: integer}
        """,
    )
    assert field(obj(result, "A"), "b").type == Ref("AB2")
    assert [f.name for f in obj(result, "AB").fields] == ["y"]
    assert [f.name for f in obj(result, "AB2").fields] == ["x"]


def test_inline_names_wanted_twice_get_a_numeric_suffix(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A: {type: object, properties: {b_c: {type: object, properties: {x: {type: string}}}}}
        AB: {type: object, properties: {c: {type: object, properties: {y: {type: string}}}}}
        """,
    )
    assert field(obj(result, "A"), "b_c").type == Ref("ABC")
    assert field(obj(result, "AB"), "c").type == Ref("ABC2")


def test_names_do_not_depend_on_component_order(tmp_path: Path) -> None:
    one = """
        A: {type: object, properties: {x: {type: object, properties: {v: {type: string}}}}}
        AX: {type: object, properties: {x: {enum: [a, b]}}}
        """
    two = """
        AX: {type: object, properties: {x: {enum: [a, b]}}}
        A: {type: object, properties: {x: {type: object, properties: {v: {type: string}}}}}
        """
    first = {m.name: m.kind for m in spec(tmp_path, one).models}
    second = {m.name: m.kind for m in spec(tmp_path, two).models}
    assert first == second


def test_array_items_and_map_values_get_item_and_value_names(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Box:
          type: object
          properties:
            things: {type: array, items: {type: object, properties: {n: {type: integer}}}}
            byName: {type: object, additionalProperties: {enum: [x, y]}}
            tags: {type: array, items: {type: string}}
        """,
    )
    box = obj(result, "Box")
    assert field(box, "things").type == ListOf(Ref("BoxThingsItem"))
    assert field(box, "byName").type == MapOf(Ref("BoxByNameValue"))
    assert field(box, "tags").type == ListOf(Primitive("string"))


def test_union_members_are_named_by_index_without_title_or_tag(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        U:
          oneOf:
            - {type: object, properties: {a: {type: string}}}
            - {type: object, properties: {b: {type: string}}}
        """,
    )
    assert union(result, "U").variants == (Ref("U1"), Ref("U2"))


# --- references ----------------------------------------------------------------------------------


def test_json_pointer_escapes_resolve(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        a~b: {type: string}
        c/d: {type: integer}
        e%f: {type: boolean}
        User:
          type: object
          properties:
            one: {$ref: '#/components/schemas/a~0b'}
            two: {$ref: '#/components/schemas/c~1d'}
            three: {$ref: '#/components/schemas/e%25f'}
        """,
    )
    user = obj(result, "User")
    assert [f.type for f in user.fields] == [Ref("a~b"), Ref("c/d"), Ref("e%f")]


def test_refs_to_other_files_become_models_with_relative_sources(tmp_path: Path) -> None:
    write(
        tmp_path, "schemas/pet.json", '{"type": "object", "properties": {"n": {"type": "string"}}}'
    )
    write(
        tmp_path,
        "common.yaml",
        "Owner: {type: object, properties: {pet: {$ref: 'schemas/pet.json'}}}\n",
    )
    result = spec(
        tmp_path,
        """
        House:
          type: object
          properties:
            owner: {$ref: 'common.yaml#/Owner'}
            pet: {$ref: './schemas/pet.json'}
        """,
    )
    house = obj(result, "House")
    assert field(house, "owner").type == Ref("Owner")
    assert field(house, "pet").type == Ref("Pet")
    assert field(obj(result, "Owner"), "pet").type == Ref("Pet")  # same file, same model
    assert obj(result, "Pet").source.file == "schemas/pet.json"
    assert obj(result, "Owner").source.file == "common.yaml"
    assert obj(result, "Owner").source.pointer == "/Owner"


def test_external_model_names_avoid_components(tmp_path: Path) -> None:
    write(tmp_path, "other.yaml", "Pet: {type: object, properties: {b: {type: string}}}\n")
    result = spec(
        tmp_path,
        """
        Pet: {type: object, properties: {a: {type: string}}}
        Zoo: {type: object, properties: {other: {$ref: 'other.yaml#/Pet'}}}
        """,
    )
    # the file's stem qualifies the name before a number would
    assert field(obj(result, "Zoo"), "other").type == Ref("OtherPet")
    assert [f.name for f in obj(result, "OtherPet").fields] == ["b"]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("https://example.com/x.yaml#/X", "refused"),
        ("http://example.com/x.yaml", "refused"),
        ("file:///etc/passwd", "refused"),
        ("/etc/passwd", "refused"),
        ("../secret.yaml#/X", "leaves the spec's folder"),
    ],
)
def test_refs_outside_the_spec_folder_are_refused(tmp_path: Path, ref: str, message: str) -> None:
    write(tmp_path, "secret.yaml", "X: {type: string}\n")
    folder = tmp_path / "api"
    folder.mkdir()
    with pytest.raises(ModelgenError) as err:
        spec(folder, f"A: {{type: object, properties: {{x: {{$ref: '{ref}'}}}}}}")
    assert message in err.value.message
    assert err.value.source is not None
    assert err.value.source.file == "spec.yaml"
    assert err.value.source.pointer == "/components/schemas/A/properties/x"


def test_symlink_leaving_the_spec_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "secret.yaml", "X: {type: string}\n")
    folder = tmp_path / "api"
    folder.mkdir()
    os.symlink(tmp_path / "secret.yaml", folder / "link.yaml")
    with pytest.raises(ModelgenError, match="leaves the spec's folder"):
        spec(folder, "A: {type: object, properties: {x: {$ref: 'link.yaml#/X'}}}")


def test_symlinked_folder_leaving_the_spec_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "x.yaml", "X: {type: string}\n")
    folder = tmp_path / "api"
    folder.mkdir()
    os.symlink(outside, folder / "linked")
    for ref in ("linked/x.yaml#/X", "./linked/../linked/x.yaml#/X"):
        with pytest.raises(ModelgenError, match="leaves the spec's folder"):
            spec(folder, f"A: {{type: object, properties: {{x: {{$ref: '{ref}'}}}}}}")


def test_refs_through_a_symlinked_folder_inside_resolve_each_time(tmp_path: Path) -> None:
    """Folders are resolved once per load and reused: two refs through the same symlinked
    folder (pointing inside the spec's folder) both reach their file."""
    folder = tmp_path / "api"
    write(folder / "real", "x.yaml", "X: {type: string}\nY: {type: integer}\n")
    os.symlink(folder / "real", folder / "linked")
    result = spec(
        folder,
        "A: {type: object, properties: {x: {$ref: 'linked/x.yaml#/X'},"
        " y: {$ref: 'linked/x.yaml#/Y'}}}",
    )
    fields = {f.name: f.type for f in result.by_name()["A"].fields}  # type: ignore[union-attr]
    assert fields == {"x": Ref("X"), "y": Ref("Y")}
    assert {"X", "Y"} <= set(result.by_name())


def test_allow_external_refs_follows_paths_outside(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", "X: {type: string}\n")
    folder = tmp_path / "api"
    folder.mkdir()
    result = spec(
        folder,
        "A: {type: object, properties: {x: {$ref: '../shared.yaml#/X'}}}",
        allow_external_refs=True,
    )
    assert field(obj(result, "A"), "x").type == Ref("X")
    assert models(result)["X"].source.file == "../shared.yaml"


def test_errors_in_a_referenced_file_name_that_file_and_the_referrer(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "X: {type: string}\nX: {type: integer}\n")
    with pytest.raises(ModelgenError) as err:
        spec(tmp_path, "A: {type: object, properties: {x: {$ref: 'bad.yaml#/X'}}}")
    assert err.value.source is not None and err.value.source.file == "bad.yaml"
    assert err.value.source.line == 2
    assert "spec.yaml#/components/schemas/A/properties/x" in err.value.message


def test_allow_external_refs_accepts_file_urls_and_absolute_paths(tmp_path: Path) -> None:
    shared = write(tmp_path, "shared.yaml", "X: {type: string}\nY: {type: integer}\n")
    folder = tmp_path / "api"
    folder.mkdir()
    result = spec(
        folder,
        f"""
        A:
          type: object
          properties:
            x: {{$ref: 'file://{shared}#/X'}}
            y: {{$ref: '{shared}#/Y'}}
        """,
        allow_external_refs=True,
    )
    a = obj(result, "A")
    assert [f.type for f in a.fields] == [Ref("X"), Ref("Y")]
    assert not any(m.source.file.startswith("/") for m in result.models)


def test_relative_refs_between_files_inside_the_folder_are_followed(tmp_path: Path) -> None:
    write(tmp_path, "common.yaml", "Money: {type: object, properties: {cents: {type: integer}}}\n")
    write(
        tmp_path,
        "schemas/order.yaml",
        "type: object\nproperties:\n  total: {$ref: '../common.yaml#/Money'}\n",
    )
    result = spec(
        tmp_path, "Cart: {type: object, properties: {order: {$ref: 'schemas/order.yaml'}}}"
    )
    assert field(obj(result, "Cart"), "order").type == Ref("Order")
    assert field(obj(result, "Order"), "total").type == Ref("Money")


def test_remote_refs_allowed_still_fail_clearly_without_network(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="does not download"):
        spec(
            tmp_path,
            "A: {type: object, properties: {x: {$ref: 'https://example.com/x.yaml'}}}",
            allow_remote_refs=True,
        )


def degradations(model_set: ModelSet) -> list[tuple[str, str, str]]:
    """(code, pointer, message) of every degradation of the set."""
    return [(d.code, d.source.pointer, d.message) for d in model_set.diagnostics if d.degraded]


DANGLING = "A: {type: object, properties: {x: {$ref: '#/components/schemas/Nope'}}}"


def test_dangling_ref_names_the_missing_part_in_strict_mode(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError) as err:
        spec(tmp_path, DANGLING, strict=True)
    assert "dangling" in err.value.message and "Nope" in err.value.message
    assert err.value.source is not None
    assert err.value.source.pointer == "/components/schemas/A/properties/x"


def test_dangling_ref_warns_and_reads_any_json_value(tmp_path: Path) -> None:
    result = spec(tmp_path, DANGLING)
    assert field(obj(result, "A"), "x").type == ANY
    [(code, pointer, message)] = degradations(result)
    assert (code, pointer) == ("dangling-ref", "/components/schemas/A/properties/x")
    assert "Nope" in message and message.endswith("; read as any JSON value")
    assert degraded_places(result) == {("A", "x")}


NOT_SCHEMAS = ["#/info/title", "#/info", "#/components/schemas"]


@pytest.mark.parametrize("target", NOT_SCHEMAS)
def test_ref_into_a_non_schema_node_is_an_error_in_strict_mode(tmp_path: Path, target: str) -> None:
    with pytest.raises(ModelgenError, match="not a schema"):
        spec(tmp_path, f"A: {{type: object, properties: {{x: {{$ref: '{target}'}}}}}}", strict=True)


@pytest.mark.parametrize("target", NOT_SCHEMAS)
def test_ref_into_a_non_schema_node_warns_and_reads_any(tmp_path: Path, target: str) -> None:
    result = spec(tmp_path, f"A: {{type: object, properties: {{x: {{$ref: '{target}'}}}}}}")
    assert field(obj(result, "A"), "x").type == ANY
    [(code, _, message)] = degradations(result)
    assert code == "not-a-schema" and "not a schema" in message


def test_defs_are_followed(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A:
          type: object
          properties:
            x: {$ref: '#/components/schemas/A/$defs/Inner'}
          $defs:
            Inner: {type: object, properties: {v: {type: integer}}}
        """,
    )
    assert field(obj(result, "A"), "x").type == Ref("Inner")
    assert [f.name for f in obj(result, "Inner").fields] == ["v"]


def test_refs_into_other_schemas_are_named_like_inline_schemas(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A:
          type: object
          properties:
            x: {$ref: '#/components/schemas/Z/properties/inner'}
            y: {$ref: '#/components/schemas/Z/properties/list/items'}
        Z:
          type: object
          properties:
            inner: {type: object, properties: {v: {type: integer}}}
            list: {type: array, items: {enum: [p, q]}}
        """,
    )
    assert field(obj(result, "A"), "x").type == Ref("ZInner")
    assert field(obj(result, "A"), "y").type == Ref("ZListItem")
    # the schema has one model, whichever way it is reached
    assert field(obj(result, "Z"), "inner").type == Ref("ZInner")
    assert field(obj(result, "Z"), "list").type == ListOf(Ref("ZListItem"))


def test_models_say_whether_the_loader_named_them_for_an_inline_schema(tmp_path: Path) -> None:
    """``Model.inline``: components and ``$defs`` entries are named by the spec; properties,
    items, union members and schemas reached by a ``$ref`` into another schema are named by
    the inline rules."""
    result = spec(
        tmp_path,
        """
        A:
          type: object
          properties:
            obj: {type: object, properties: {v: {type: integer}}}
            tags: {type: array, items: {enum: [p, q]}}
            pick: {oneOf: [{type: object, properties: {a: {type: string}}}, {type: string}]}
            lit: {oneOf: [{const: inf}, {type: number}]}
            deep: {$ref: '#/components/schemas/Z/properties/inner'}
            named: {$ref: '#/components/schemas/A/$defs/Inner'}
          $defs:
            Inner: {type: object, properties: {v: {type: integer}}}
        Z:
          type: object
          properties:
            inner: {type: object, properties: {v: {type: integer}}}
        Letters: {enum: [a, b]}
        """,
    )
    inline = {name for name, model in models(result).items() if model.inline}
    assert inline == {"AObj", "ATagsItem", "APick", "APickObject", "ALit", "ALitInf", "ZInner"}
    assert {"A", "Z", "Letters", "Inner"}.isdisjoint(inline)


def test_a_whole_file_or_a_keyed_schema_of_another_file_is_named_not_inline(
    tmp_path: Path,
) -> None:
    write(tmp_path, "pet.yaml", "type: object\nproperties: {name: {type: string}}\n")
    write(tmp_path, "more.yaml", "Toy: {type: object, properties: {n: {type: integer}}}\n")
    result = spec(
        tmp_path,
        """
        Owner:
          type: object
          properties:
            pet: {$ref: 'pet.yaml'}
            toy: {$ref: 'more.yaml#/Toy'}
        """,
    )
    assert {name: model.inline for name, model in models(result).items()} == {
        "Owner": False,
        "Pet": False,
        "Toy": False,
    }


# --- nullability ---------------------------------------------------------------------------------


def test_nullable_forms_of_30_and_31(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        T: {type: object, properties: {x: {type: string}}}
        A:
          type: object
          properties:
            n30: {type: string, nullable: true}
            n31: {type: [string, 'null']}
            enum_null: {type: string, enum: [a, b, null]}
            one_of: {oneOf: [{type: 'null'}, {$ref: '#/components/schemas/T'}]}
            any_of: {anyOf: [{$ref: '#/components/schemas/T'}, {type: 'null'}]}
            all_of: {allOf: [{$ref: '#/components/schemas/T'}], nullable: true}
            plain: {type: string}
        """,
    )
    a = obj(result, "A")
    nullable = {f.name: f.nullable for f in a.fields}
    assert nullable == {
        "n30": Nullable.YES,
        "n31": Nullable.YES,
        "enum_null": Nullable.YES,
        "one_of": Nullable.YES,
        "any_of": Nullable.YES,
        "all_of": Nullable.YES,
        "plain": Nullable.NO,
    }
    assert field(a, "one_of").type == Ref("T")
    assert field(a, "any_of").type == Ref("T")
    assert not any(isinstance(m, UnionModel) for m in result.models)
    enum = models(result)["AEnumNull"]
    assert isinstance(enum, EnumModel)
    assert enum.nullable is Nullable.YES
    assert enum.values is not None and [v.value for v in enum.values] == ["a", "b"]


def test_field_referring_to_a_nullable_model_is_nullable(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Maybe: {type: [string, 'null']}
        A: {type: object, properties: {m: {$ref: '#/components/schemas/Maybe'}}}
        """,
    )
    assert field(obj(result, "A"), "m").nullable is Nullable.YES


def test_invalid_type_is_an_error_naming_the_pointer_in_strict_mode(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError) as err:
        spec(tmp_path, "A: {type: object, properties: {x: {type: float}}}", strict=True)
    assert "float" in err.value.message
    assert err.value.source is not None
    assert err.value.source.pointer == "/components/schemas/A/properties/x/type"


def test_type_float_is_read_as_number_with_a_warning_naming_the_pointer(tmp_path: Path) -> None:
    result = spec(tmp_path, "A: {type: object, properties: {x: {type: float}, y: {type: odd}}}")
    assert field(obj(result, "A"), "x").type == Primitive("number")
    assert field(obj(result, "A"), "y").type == ANY
    assert degradations(result) == [
        (
            "unknown-type",
            "/components/schemas/A/properties/x/type",
            "unknown type 'float' (expected one of: array, boolean, integer, null, number,"
            " object, string); read as number",
        ),
        (
            "unknown-type",
            "/components/schemas/A/properties/y/type",
            "unknown type 'odd' (expected one of: array, boolean, integer, null, number,"
            " object, string); left out (any JSON value)",
        ),
    ]


# --- enums and constants -------------------------------------------------------------------------


def test_enum_values_keep_their_types(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        S: {type: string, enum: ['1', two]}
        I: {type: integer, enum: [1, 2]}
        N: {type: number, enum: [1, 2.5]}
        B: {type: boolean, enum: [true, false]}
        Untyped: {enum: [3, 4]}
        """,
    )
    got = models(result)
    bases = {n: m.base for n, m in got.items() if isinstance(m, EnumModel)}
    assert bases == {
        "S": "string",
        "I": "integer",
        "N": "number",
        "B": "boolean",
        "Untyped": "integer",
    }
    s = got["S"]
    assert isinstance(s, EnumModel) and s.values is not None
    assert [v.value for v in s.values] == ["1", "two"]


@pytest.mark.parametrize("values", ["[1, '1']", "[true, 'true']", "[a, 1]"])
def test_mixed_type_enum_is_an_error_in_strict_mode(tmp_path: Path, values: str) -> None:
    with pytest.raises(ModelgenError, match="enum mixes value types"):
        spec(tmp_path, f"E: {{enum: {values}}}", strict=True)


def test_mixed_type_enum_is_a_union_of_its_value_kinds_with_a_warning(tmp_path: Path) -> None:
    result = spec(tmp_path, "E: {enum: [1, '1', a, true]}")
    assert union(result, "E").variants == (
        Primitive("boolean"),
        Primitive("integer"),
        Ref("EString"),
    )
    strings = models(result)["EString"]
    assert isinstance(strings, EnumModel) and strings.values is not None
    assert [v.value for v in strings.values] == ["1", "a"]  # never collapsed: 1 and '1' apart
    [(code, pointer, message)] = degradations(result)
    assert (code, pointer) == ("mixed-enum", "/components/schemas/E/enum")
    assert message.endswith("read as a union of its value kinds (boolean | integer | string)")


def test_enum_values_of_several_declared_types_are_a_union_without_a_warning(
    tmp_path: Path,
) -> None:
    result = spec(tmp_path, "E: {type: [string, integer], enum: [a, b, 1, 2]}")
    assert union(result, "E").variants == (Ref("EString"), Ref("EInteger"))
    assert degradations(result) == []


def test_enum_values_that_do_not_match_the_type_are_an_error_in_strict_mode(
    tmp_path: Path,
) -> None:
    with pytest.raises(ModelgenError, match="quote"):
        spec(tmp_path, "E: {type: string, enum: [a, 1.10]}", strict=True)


def test_enum_values_that_do_not_match_the_type_are_dropped_with_a_warning(
    tmp_path: Path,
) -> None:
    result = spec(tmp_path, "E: {type: number, enum: ['', 0, 1]}")
    enum = models(result)["E"]
    assert isinstance(enum, EnumModel) and enum.values is not None
    assert (enum.base, [v.value for v in enum.values]) == ("number", [0, 1])
    [(code, _, message)] = degradations(result)
    assert code == "enum-type" and message.endswith("read as an enum of its number values only")


def test_an_enum_with_no_value_of_its_type_is_a_plain_value_of_the_type(tmp_path: Path) -> None:
    result = spec(tmp_path, "E: {type: number, enum: [low, high]}")
    alias = models(result)["E"]
    assert isinstance(alias, AliasModel) and alias.target == Primitive("number")
    [(code, _, message)] = degradations(result)
    assert code == "enum-type" and message.endswith("read as a plain number (the enum is dropped)")


def test_component_single_value_enum_and_const_are_enum_models(tmp_path: Path) -> None:
    result = spec(tmp_path, "One: {type: string, enum: [only]}\nK: {const: 5}\n")
    one, k = models(result)["One"], models(result)["K"]
    assert isinstance(one, EnumModel) and one.values is not None and len(one.values) == 1
    assert isinstance(k, EnumModel) and k.base == "integer"


def test_const_property_is_a_field_constant(tmp_path: Path) -> None:
    result = spec(tmp_path, "A: {type: object, properties: {v: {const: 3}, w: {type: string}}}")
    assert field(obj(result, "A"), "v").const == Const(3)
    assert field(obj(result, "A"), "v").type == Primitive("integer")
    assert field(obj(result, "A"), "w").const is None


# --- allOf ---------------------------------------------------------------------------------------


def test_allof_merges_required_and_redeclared_property_wins(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Base:
          type: object
          required: [a]
          properties:
            a: {type: string, description: from base, maxLength: 5}
            kind: {type: string}
        Child:
          allOf:
            - $ref: '#/components/schemas/Base'
            - type: object
              required: [kind]
              properties:
                kind: {enum: [child]}
                b: {type: integer}
        """,
    )
    child = obj(result, "Child")
    assert child.bases == ("Base",)
    assert [f.name for f in child.fields] == ["a", "kind", "b"]
    assert field(child, "a").required and field(child, "a").inherited_from == "Base"
    kind = field(child, "kind")
    assert kind.required  # required from the child, property from both
    assert kind.const == Const("child")
    assert kind.inherited_from is None


def test_allof_grandparent_fields_name_the_declaring_model(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        G: {type: object, properties: {g: {type: string}}}
        P: {allOf: [{$ref: '#/components/schemas/G'}, {properties: {p: {type: string}}}]}
        C: {allOf: [{$ref: '#/components/schemas/P'}, {properties: {c: {type: string}}}]}
        """,
    )
    c = obj(result, "C")
    assert c.bases == ("P",)
    assert {f.name: f.inherited_from for f in c.fields} == {"g": "G", "p": "P", "c": None}


def test_allof_redeclared_property_keeps_its_first_place(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Base: {type: object, properties: {a: {type: string}, b: {type: string}}}
        Child:
          allOf:
            - $ref: '#/components/schemas/Base'
            - properties: {c: {type: string}, a: {type: string, maxLength: 2}}
        """,
    )
    child = obj(result, "Child")
    assert [f.name for f in child.fields] == ["a", "b", "c"]
    assert field(child, "a").constraints.max_length == 2
    assert field(child, "a").inherited_from is None  # redeclared by the child


def test_allof_redeclaring_a_ref_property_with_a_shape_replaces_the_ref(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Kind: {type: string, enum: [a, b]}
        Base: {type: object, properties: {kind: {$ref: '#/components/schemas/Kind'}}}
        Child:
          allOf:
            - $ref: '#/components/schemas/Base'
            - properties: {kind: {type: string, enum: [a]}}
        Described:
          allOf:
            - $ref: '#/components/schemas/Base'
            - properties: {kind: {description: Only described.}}
        """,
    )
    assert field(obj(result, "Child"), "kind").const == Const("a")
    described = field(obj(result, "Described"), "kind")
    assert described.type == Ref("Kind")
    assert described.description == "Only described."


def test_allof_with_a_nullable_annotation_member_is_a_nullable_ref(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        T: {type: object, properties: {x: {type: string}}}
        A:
          type: object
          properties:
            t: {allOf: [{$ref: '#/components/schemas/T'}, {nullable: true}]}
        """,
    )
    t = field(obj(result, "A"), "t")
    assert (t.type, t.nullable) == (Ref("T"), Nullable.YES)


def test_allof_without_object_members_merges_keywords(tmp_path: Path) -> None:
    result = spec(tmp_path, "Short: {allOf: [{type: string}, {maxLength: 3}]}")
    short = models(result)["Short"]
    assert isinstance(short, AliasModel)
    assert short.target == Primitive("string")
    assert short.constraints.max_length == 3


def test_allof_cycle_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="allOf cycle"):
        spec(
            tmp_path,
            """
            A: {allOf: [{$ref: '#/components/schemas/B'}], properties: {a: {type: string}}}
            B: {allOf: [{$ref: '#/components/schemas/A'}], properties: {b: {type: string}}}
            """,
        )


# --- unions --------------------------------------------------------------------------------------


def test_oneof_is_exclusive_and_anyof_is_not(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        One: {oneOf: [{type: string}, {type: integer}]}
        Any: {anyOf: [{type: integer}, {type: string}]}
        """,
    )
    assert union(result, "One").exclusive
    assert union(result, "One").variants == (Primitive("string"), Primitive("integer"))
    assert not union(result, "Any").exclusive
    assert union(result, "Any").variants == (Primitive("integer"), Primitive("string"))


def test_discriminator_mapping_accepts_bare_names_and_fills_unlisted_variants(
    tmp_path: Path,
) -> None:
    result = spec(
        tmp_path,
        """
        Cat: {type: object, required: [pet], properties: {pet: {type: string}}}
        Dog: {type: object, required: [pet], properties: {pet: {type: string, enum: [doggo]}}}
        Fish: {type: object, properties: {pet: {type: string}}}
        Pet:
          oneOf:
            - $ref: '#/components/schemas/Cat'
            - $ref: '#/components/schemas/Dog'
            - $ref: '#/components/schemas/Fish'
          discriminator:
            propertyName: pet
            mapping: {kitty: Cat}
        """,
    )
    pet = union(result, "Pet")
    assert pet.discriminator is not None
    assert dict(pet.discriminator.mapping) == {"kitty": "Cat", "doggo": "Dog", "Fish": "Fish"}


def test_discriminator_on_a_base_object_loads_the_mapped_subtypes(tmp_path: Path) -> None:
    write(tmp_path, "dog.yaml", "Dog: {type: object, properties: {bark: {type: string}}}\n")
    result = spec(
        tmp_path,
        """
        Pet:
          type: object
          required: [kind]
          properties: {kind: {type: string}}
          discriminator:
            propertyName: kind
            mapping: {dog: 'dog.yaml#/Dog'}
        """,
    )
    assert set(models(result)) == {"Pet", "Dog"}


def test_no_discriminator_is_inferred_when_a_variant_lacks_the_tag(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A: {type: object, properties: {type: {const: a}}}
        B: {type: object, properties: {type: {type: string}}}
        U: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
        """,
    )
    assert union(result, "U").discriminator is None


def test_object_with_properties_and_oneof_keeps_properties_and_adds_members_optional(
    tmp_path: Path,
) -> None:
    result = spec(
        tmp_path,
        """
        A:
          type: object
          required: [id]
          properties:
            id: {type: string}
          oneOf:
            - {required: [x], properties: {x: {type: integer}}}
            - {required: [y], properties: {y: {type: integer}}}
        """,
    )
    a = obj(result, "A")
    assert [(f.name, f.required) for f in a.fields] == [("id", True), ("x", False), ("y", False)]


def test_union_members_without_title_are_named_by_a_single_valued_property(
    tmp_path: Path,
) -> None:
    result = spec(
        tmp_path,
        """
        Event:
          oneOf:
            - {type: object, properties: {event: {enum: [thread.created]}, data: {type: string}}}
            - {type: object, properties: {event: {const: done}}}
        """,
    )
    assert union(result, "Event").variants == (Ref("EventThreadCreated"), Ref("EventDone"))
    discriminator = union(result, "Event").discriminator
    assert discriminator is not None and discriminator.property == "event"


def test_oneof_of_required_lists_only_validates_and_is_no_union(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A:
          type: object
          properties: {a: {type: string}, b: {type: string}}
          oneOf: [{required: [a]}, {required: [b]}]
        M: {type: object, anyOf: [{required: [x]}, {required: [y]}]}
        """,
    )
    assert [f.name for f in obj(result, "A").fields] == ["a", "b"]
    m = models(result)["M"]
    assert isinstance(m, AliasModel) and m.target == MapOf(ANY)


def test_type_list_of_primitives_is_a_union(tmp_path: Path) -> None:
    result = spec(tmp_path, "A: {type: object, properties: {v: {type: [string, integer]}}}")
    assert field(obj(result, "A"), "v").type == Ref("AV")
    assert union(result, "AV").variants == (Primitive("string"), Primitive("integer"))


# --- objects and maps ----------------------------------------------------------------------------


def test_additional_properties_forms(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Open: {type: object, properties: {a: {type: string}}, additionalProperties: true}
        Empty: {type: object, properties: {a: {type: string}}, additionalProperties: {}}
        Typed:
          {type: object, properties: {a: {type: string}}, additionalProperties: {type: integer}}
        Closed: {type: object, properties: {a: {type: string}}, additionalProperties: false}
        ClosedEmpty: {type: object, additionalProperties: false}
        Plain: {type: object, properties: {a: {type: string}}}
        FreeForm: {type: object}
        """,
    )
    assert obj(result, "Open").additional == ANY
    assert obj(result, "Empty").additional == ANY
    assert obj(result, "Typed").additional == Primitive("integer")
    assert obj(result, "Closed").closed and obj(result, "Closed").additional is None
    assert obj(result, "ClosedEmpty").closed and obj(result, "ClosedEmpty").fields == ()
    assert obj(result, "Plain").additional is None and not obj(result, "Plain").closed
    free = models(result)["FreeForm"]
    assert isinstance(free, AliasModel) and free.target == MapOf(ANY)


def test_field_keywords_are_kept(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        A:
          type: object
          properties:
            x:
              type: integer
              description: The x.
              default: 3
              readOnly: true
              deprecated: true
              minimum: 1
              exclusiveMaximum: 10
              multipleOf: 2
            y:
              {type: number, minimum: 0, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: true}
            z: {type: array, items: {type: string}, minItems: 1, maxItems: 3, uniqueItems: true}
            w: {type: string, minLength: 2, maxLength: 4, pattern: '^a', writeOnly: true}
            d: {type: string, default: null, nullable: true}
        """,
    )
    a = obj(result, "A")
    x = field(a, "x")
    assert (x.description, x.default, x.read_only, x.deprecated) == ("The x.", Const(3), True, True)
    assert (x.constraints.minimum, x.constraints.exclusive_minimum) == (1, False)
    assert (x.constraints.maximum, x.constraints.exclusive_maximum) == (10, True)
    assert x.constraints.multiple_of == 2
    y = field(a, "y").constraints
    assert (y.minimum, y.exclusive_minimum, y.maximum, y.exclusive_maximum) == (0, True, 5, True)
    z = field(a, "z")
    assert z.type == ListOf(Primitive("string"), unique=True)
    assert (z.constraints.min_items, z.constraints.max_items, z.constraints.unique_items) == (
        1,
        3,
        True,
    )
    w = field(a, "w")
    assert (w.constraints.min_length, w.constraints.max_length, w.constraints.pattern) == (
        2,
        4,
        "^a",
    )
    assert w.write_only
    assert field(a, "d").default == Const(None)  # default null, not "no default"


# --- recursion -----------------------------------------------------------------------------------


def test_recursive_structures_load(tmp_path: Path) -> None:
    result = spec(
        tmp_path,
        """
        Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
        A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
        B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
        Tree:
          allOf:
            - $ref: '#/components/schemas/Node'
            - properties:
                children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
        """,
    )
    assert field(obj(result, "Node"), "next").type == Ref("Node")
    assert field(obj(result, "B"), "a").type == Ref("A")
    assert field(obj(result, "Tree"), "children").type == ListOf(Ref("Tree"))


def test_content_free_ref_loop_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="loop"):
        spec(
            tmp_path,
            """
            A: {$ref: '#/components/schemas/B'}
            B: {$ref: '#/components/schemas/A'}
            """,
        )


def test_long_ref_chains_load_and_long_allof_chains_are_bounded(tmp_path: Path) -> None:
    chain = "".join(f"A{i}: {{$ref: '#/components/schemas/A{i + 1}'}}\n" for i in range(3000))
    result = spec(tmp_path, chain + "A3000: {type: string}\n")
    assert len(result.models) == 3001
    inherit = "".join(
        f"B{i}: {{allOf: [{{$ref: '#/components/schemas/B{i + 1}'}}],"
        f" properties: {{p{i}: {{type: string}}}}}}\n"
        for i in range(1000)
    )
    with pytest.raises(ModelgenError, match="nested"):
        spec(tmp_path, inherit + "B1000: {type: object, properties: {z: {type: string}}}\n")


def test_deeply_nested_schemas_are_an_error_not_a_crash(tmp_path: Path) -> None:
    depth = 300
    nested = "Deep: " + "{type: object, properties: {p: " * depth + "{}" + "}}" * depth
    with pytest.raises(ModelgenError, match="nested"):
        spec(tmp_path, nested)


# --- operations and documents --------------------------------------------------------------------


OPERATIONS = """\
openapi: 3.0.3
info: {title: Ops, version: 2.0.1}
paths:
  /things/{id}:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {name: {type: string}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
        '404':
          description: missing
          content:
            application/json:
              schema: {type: object, properties: {error: {type: string}}}
    get:
      responses:
        '200': {$ref: '#/components/responses/ThingResponse'}
components:
  responses:
    ThingResponse:
      description: ok
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Other'}
  schemas:
    Thing: {type: object, properties: {id: {type: string}}}
    Other: {type: string}
"""


def test_inline_request_and_response_bodies_are_named_after_the_operation(tmp_path: Path) -> None:
    result = openapi.load(write(tmp_path, "spec.yaml", OPERATIONS), LoadOptions())
    assert result.request_roots == {"CreateThingRequest"}
    assert result.response_roots == {"Thing", "CreateThingResponse404", "Other"}
    assert [f.name for f in obj(result, "CreateThingRequest").fields] == ["name"]
    assert result.title == "Ops" and result.version == "2.0.1"
    # named by the loader, after the operation: inline (diff still reports them, as no
    # model contains them)
    assert models(result)["CreateThingRequest"].inline
    assert models(result)["CreateThingResponse404"].inline
    assert not models(result)["Thing"].inline


def test_detect_accepts_openapi_documents_only(tmp_path: Path) -> None:
    yes = write(tmp_path, "a.yaml", "openapi: 3.0.0\ninfo: {}\n")
    yes_json = write(tmp_path, "b.json", '{"openapi": "3.1.0"}')
    no = write(tmp_path, "c.yaml", "title: not a spec\n")
    text = write(tmp_path, "d.md", "openapi: 3.0.0\n")
    assert openapi.detect(yes) and openapi.detect(yes_json)
    assert not openapi.detect(no) and not openapi.detect(text)
    assert openapi.detect(tmp_path / "a.yaml")


def test_a_folder_with_an_openapi_document_loads_through_the_registry(tmp_path: Path) -> None:
    write(tmp_path, "openapi.yaml", HEAD + "components:\n  schemas:\n    A: {type: string}\n")
    assert [m.name for m in load_any(tmp_path).models] == ["A"]


def test_json_specs_load_like_yaml(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "spec.json",
        '{"openapi": "3.0.0", "info": {"title": "J", "version": "1"}, "paths": {},'
        ' "components": {"schemas": {"A": {"type": "object",'
        ' "properties": {"x": {"type": "string", "nullable": true}}}}}}',
    )
    result = openapi.load(path, LoadOptions())
    assert field(obj(result, "A"), "x").nullable is Nullable.YES


# --- the OpenAI spec -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openai() -> ModelSet:
    return openapi.load(need(OPENAI_SPEC), LoadOptions())


@pytest.mark.slow
def test_openai_every_component_schema_is_a_model(openai: ModelSet) -> None:
    import yaml

    with OPENAI_SPEC.open(encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=yaml.CSafeLoader)
    components = set(raw["components"]["schemas"])
    assert len(components) >= 436
    assert components <= set(models(openai))


@pytest.mark.slow
def test_openai_realtime_client_event_is_a_union_of_11_tagged_refs(openai: ModelSet) -> None:
    event = union(openai, "RealtimeClientEvent")
    assert len(event.variants) == 11
    assert all(isinstance(v, Ref) for v in event.variants)
    assert event.discriminator is not None
    assert event.discriminator.property == "type"
    mapping = dict(event.discriminator.mapping)
    assert len(mapping) == 11
    assert set(mapping.values()) == {v.name for v in event.variants if isinstance(v, Ref)}
    assert mapping["session.update"] == "RealtimeClientEventSessionUpdate"


@pytest.mark.slow
def test_openai_roots_are_models(openai: ModelSet) -> None:
    names = set(models(openai))
    assert openai.request_roots and openai.request_roots <= names
    assert openai.response_roots and openai.response_roots <= names
    assert "CreateChatCompletionRequest" in openai.request_roots


@pytest.mark.slow
@pytest.mark.parametrize("side", ["before.yaml", "after.yaml"])
def test_openai_diff_revisions_load(side: str) -> None:
    from tests.support.paths import CORPUS

    pairs = sorted(need(CORPUS / "openai-diffs").iterdir())
    for pair in pairs:
        if pair.is_dir():
            result = openapi.load(pair / side, LoadOptions())
            assert len(result.models) > 200


# --- lenient by default, strict on request -------------------------------------------------------

CONFINED = [
    # (schema of A, the error strict mode gives, the warning's code)
    ("{type: string, minLength: -1}", "minLength must be a non-negative integer", "bad-constraint"),
    ("{type: string, pattern: 5}", "pattern must be a string", "bad-constraint"),
    (
        "{type: object, properties: {a: {}}, required: yes}",
        "required must be a list",
        "bad-keyword",
    ),
    ("{allOf: [{type: object, properties: [a]}]}", "properties must be a mapping", "bad-keyword"),
    ("{allOf: {a: 1}}", "allOf must be a list", "bad-keyword"),
    ("{oneOf: {a: 1}}", "oneOf must be a list", "bad-keyword"),
    ("{enum: 5}", "enum must be a list", "bad-enum"),
    ("{type: [1]}", "type must be a name or a list of names", "bad-type"),
    ("{type: object, properties: {a: 5}}", "a schema must be a mapping, not int", "not-a-schema"),
    ("{$ref: '#/components/schemas/A/x'}", "dangling $ref", "dangling-ref"),
]


@pytest.mark.parametrize(("schema", "error", "code"), CONFINED)
def test_a_problem_confined_to_one_schema_is_an_error_in_strict_mode(
    tmp_path: Path, schema: str, error: str, code: str
) -> None:
    with pytest.raises(ModelgenError, match=re.escape(error)) as raised:
        spec(tmp_path, f"A: {schema}\nB: {{type: string}}\n", strict=True)
    assert raised.value.source is not None
    assert raised.value.source.pointer.startswith("/components/schemas/A")


@pytest.mark.parametrize(("schema", "error", "code"), CONFINED)
def test_a_problem_confined_to_one_schema_degrades_it_with_one_warning(
    tmp_path: Path, schema: str, error: str, code: str
) -> None:
    result = spec(tmp_path, f"A: {schema}\nB: {{type: string}}\n")
    assert set(models(result)) >= {"A", "B"}  # the rest of the spec is loaded as ever
    [(found, pointer, message)] = degradations(result)
    assert found == code and pointer.startswith("/components/schemas/A")
    assert message.startswith(error) or error in message
    assert "; " in message  # what was done instead


def test_content_free_loops_stay_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelgenError, match="loop"):
        spec(tmp_path, "A: {$ref: '#/components/schemas/B'}\nB: {$ref: '#/components/schemas/A'}\n")


def test_properties_given_by_ref_are_read_from_where_they_are(tmp_path: Path) -> None:
    # DigitalOcean's spec writes `properties: {$ref: attributes.yml#/x}`
    write(
        tmp_path, "attributes.yaml", "ids:\n  droplet_ids: {type: array, items: {type: integer}}\n"
    )
    result = spec(tmp_path, "A: {type: object, properties: {$ref: 'attributes.yaml#/ids'}}\n")
    [ids] = obj(result, "A").fields
    assert (ids.name, ids.type, ids.source.file) == (
        "droplet_ids",
        ListOf(Primitive("integer")),
        "attributes.yaml",
    )


def test_an_operation_given_by_ref_gives_its_bodies(tmp_path: Path) -> None:
    write(
        tmp_path,
        "ops/create.yaml",
        "operationId: createThing\nrequestBody:\n  content:\n    application/json:\n"
        "      schema: {type: object, properties: {name: {type: string}}}\n",
    )
    path = write(
        tmp_path,
        "spec.yaml",
        "openapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
        "paths:\n  /things:\n    post:\n      $ref: 'ops/create.yaml'\n",
    )
    result = openapi.load(path, LoadOptions())
    assert result.request_roots == {"CreateThingRequest"}
