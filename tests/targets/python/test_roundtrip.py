"""Generated Python round-trips JSON: ``to_dict(from_dict(x)) == x`` for hand-written
instances of the example (absent vs null, unknown enum values, every union variant,
recursion, maps, formats) and of the hostile schema, and wrong input raises ``DecodeError``."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

import pytest

from generator.ir import ObjectModel
from tests.support import models
from tests.targets.python.support import import_package

SESSION = {
    "model": "realtime-mini",
    "voice": "alloy",
    "instructions": 'say "hi" \\ now',
    "modalities": ["text", "audio"],
    "temperature": 1,
    "max_output_tokens": "inf",
    "input_audio_format": "pcm16",
    "turn_detection": None,
    "metadata": {"a": "b"},
    "tags": ["x", "y"],
    "id": "7F1D2A4C-1B7E-4D8E-9C55-0A6B3E2D1F00",
    "created_at": "2024-05-01T12:00:00.120Z",
    "expires_at": 9007199254740993,
    "previous_session_id": None,
    "client_secret": "c2VjcmV0",
    "legacy_mode": False,
}

ITEM = {
    "id": "item_1",
    "role": "user",
    "content": [
        {"type": "text", "text": "hello"},
        {"type": "audio", "audio": "AAAA", "transcript": None},
        {"type": "audio", "audio": "AAAA"},
    ],
    "children": [
        {"id": "item_2", "role": "assistant", "content": [], "children": []},
        {"id": "item_3", "role": "narrator", "content": [], "priority": 7},
    ],
    "priority": 1,
    "scores": {"good": 0.5, "bad": 2},
    "attributes": {"free": [1, {"form": None}], "x-extra": True},
    "created_on": "2024-02-29",
    "unknown_property": {"kept": ["as", "is"]},
}

CLIENT_EVENTS = [
    {"type": "session.update", "session": {"model": "realtime-large"}, "event_id": "e1"},
    {"type": "input_audio_buffer.append", "audio": "AAAA"},
    {"type": "conversation.item.create", "item": ITEM, "previous_item_id": None},
    {"type": "conversation.item.create", "item": ITEM, "previous_item_id": "item_0"},
    {"type": "response.cancel", "response_id": "r1", "priority": 3},
]

SERVER_EVENTS = [
    {"type": "session.created", "event_id": "e2", "session": SESSION},
    {
        "type": "error",
        "event_id": "e3",
        "error": {"code": 400, "message": "bad", "param": None, "retry_after": 1.5},
    },
    {
        "type": "response.done",
        "event_id": "e4",
        "response_id": "r2",
        "usage": {"total_tokens": 10, "by_modality": {"text": 10}},
        "output": [ITEM],
    },
]


@pytest.fixture(scope="module")
def example() -> Any:
    return import_package(models.example(), "example_pkg")


def _round_trip(decode: Any, data: Any) -> Any:
    value = decode(data)
    encoded = value.to_dict() if hasattr(value, "to_dict") else value
    assert json.dumps(encoded, sort_keys=True) == json.dumps(data, sort_keys=True)
    return value


@pytest.mark.parametrize("event", CLIENT_EVENTS, ids=lambda e: e["type"])
def test_every_client_event_variant_round_trips(example: Any, event: Any) -> None:
    _round_trip(example.client_event_from_json, event)


@pytest.mark.parametrize("event", SERVER_EVENTS, ids=lambda e: e["type"])
def test_every_server_event_variant_round_trips(example: Any, event: Any) -> None:
    _round_trip(example.server_event_from_json, event)


def test_client_event_dispatches_on_the_tag(example: Any) -> None:
    decoded = [example.client_event_from_json(e) for e in CLIENT_EVENTS]
    assert [type(d).__name__ for d in decoded] == [
        "SessionUpdateEvent",
        "InputAudioBufferAppendEvent",
        "ConversationItemCreateEvent",
        "ConversationItemCreateEvent",
        "ResponseCancelEvent",
    ]


def test_absent_and_null_stay_distinct(example: Any) -> None:
    with_null = example.ContentPartAudio.from_dict(
        {"type": "audio", "audio": "A", "transcript": None}
    )
    absent = example.ContentPartAudio.from_dict({"type": "audio", "audio": "A"})
    assert with_null.transcript is None
    assert absent.transcript is example._rt.UNSET
    assert "transcript" in with_null.to_dict() and "transcript" not in absent.to_dict()


def test_session_round_trips_with_formats_and_big_integers(example: Any) -> None:
    session = _round_trip(example.Session.from_dict, SESSION)
    assert isinstance(session.created_at, datetime.datetime)
    assert session.created_at.microsecond == 120000
    assert isinstance(session.id, uuid.UUID)
    assert session.expires_at == 9007199254740993
    assert session.previous_session_id is None
    assert session.max_output_tokens is example.SessionCreateRequestMaxOutputTokensInf.INF


def test_untagged_union_picks_integer_or_string_variant(example: Any) -> None:
    decode = example.session_create_request_max_output_tokens_from_json
    assert decode(5) == 5
    assert decode("inf") is example.SessionCreateRequestMaxOutputTokensInf.INF


def test_recursive_items_and_unknown_enum_values_round_trip(example: Any) -> None:
    item = _round_trip(example.ConversationItem.from_dict, ITEM)
    narrator = item.children[1].role
    assert narrator.value == "narrator" and not example._rt.is_known(narrator)
    assert example._rt.is_known(item.role)
    assert example.ConversationItemRole("narrator") is narrator
    assert item.children[1].priority.value == 7
    assert item.additional_properties == {"unknown_property": {"kept": ["as", "is"]}}


def test_values_built_in_python_encode_to_json(example: Any) -> None:
    session = example.Session(
        model=example.SessionCreateRequestModel.REALTIME_LARGE,
        id=uuid.UUID(int=1),
        created_at=datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        expires_at=1,
        previous_session_id=None,
    )
    assert session.to_dict() == {
        "model": "realtime-large",
        "id": "00000000-0000-0000-0000-000000000001",
        "created_at": "2024-01-02T03:04:05+00:00",
        "expires_at": 1,
        "previous_session_id": None,
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"type": "error", "event_id": "e", "error": {"code": "400", "message": "m"}},
            "error.code",
        ),
        ({"type": "error", "event_id": "e"}, "missing required property 'error'"),
        ({"type": "error", "event_id": "e", "error": {"code": True, "message": "m"}}, "integer"),
        ({"type": "nope"}, "unknown type 'nope'"),
        ([], "expected object"),
        (
            {"type": "session.created", "event_id": "e", "session": dict(SESSION, created_at="x")},
            "date-time",
        ),
    ],
)
def test_wrong_input_raises_a_decode_error_naming_the_place(
    example: Any, data: Any, message: str
) -> None:
    with pytest.raises(example._rt.DecodeError, match=message.replace(".", r"\.")):
        example.server_event_from_json(data)


def test_a_required_but_nullable_field_must_be_present(example: Any) -> None:
    data = {"type": "conversation.item.create", "item": ITEM}
    with pytest.raises(example._rt.DecodeError, match="previous_item_id"):
        example.client_event_from_json(data)


# --- the hostile schema ------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile() -> Any:
    return import_package(models.hostile(), "hostile_pkg")


def _names_instance() -> dict[str, Any]:
    """Every required property of the model holding every hostile name and a third of the
    optional ones, the const tag, the hostile enum and an unknown property."""
    holder = models.hostile().by_name()['Hostile"""Name']
    assert isinstance(holder, ObjectModel)
    data: dict[str, Any] = {
        f.name: f"value of {f.name!r} \\ \" '"
        for n, f in enumerate(holder.fields)
        if f.name in models.FIELD_NAMES and (f.required or n % 3 == 0)
    }
    data.update({"tag": models.TAG, "colour": "in-stock", "extra stuff": [1, 2]})
    return data


def _values_instance() -> dict[str, Any]:
    return {
        "c_str": 'it\'s "const" \\',
        "c_int": 2**70,
        "c_bool": False,
        "nullable_unknown": None,
        "required_nullable": None,
        "any": None,
        "when": "2024-01-01T00:00:00Z",
        "day": "2024-01-01",
        "uid": "{12345678-1234-5678-1234-567812345678}",
        "tree": {"value": 1, "children": [{"value": 2}], "by_name": {"x": {"value": 3}}},
        "json_value": ["a", 1.5, {"k": ["b"]}],
        "numbers": 2**60,
        "flags": [True, False],
        "maybe": None,
        "pet": {"kind": "pet"},
        "pet2": {"kind": "PET"},
        "long": {"y" * 300: [None, "12345678123456781234567812345678"]},
        "extra stuff": [1, 2],
    }


def test_hostile_instances_round_trip(hostile: Any) -> None:
    _round_trip(hostile.HostileName.from_dict, _names_instance())
    _round_trip(hostile.Values.from_dict, _values_instance())


def test_hostile_enum_values_all_round_trip(hostile: Any) -> None:
    for value in [*models.ENUM_VALUES, "brand new value"]:
        data = dict(_names_instance(), colour=value)
        _round_trip(hostile.HostileName.from_dict, data)


def test_closed_object_refuses_unknown_properties(hostile: Any) -> None:
    with pytest.raises(hostile._rt.DecodeError, match="unknown property 'extra'"):
        hostile.Tree.from_dict({"value": 1, "extra": 2})


def test_integer_and_boolean_enums_do_not_confuse_true_and_one(hostile: Any) -> None:
    with pytest.raises(hostile._rt.DecodeError):
        hostile.Values.from_dict(dict(_values_instance(), numbers=True))
    with pytest.raises(hostile._rt.DecodeError):
        hostile.Values.from_dict(dict(_values_instance(), flags=[1]))


def test_unset_narrows_for_type_checkers_and_is_falsy(example: Any, tmp_path: Any) -> None:
    from tests.targets.python.support import generate, mypy_strict

    assert not example._rt.UNSET and repr(example._rt.UNSET) == "UNSET"
    folder = generate(models.example(), "example_pkg")
    user = tmp_path / "user_code.py"
    user.write_text(
        "from example_pkg import UNSET\n"
        "from example_pkg.models import ConversationItem\n\n\n"
        "def children(item: ConversationItem) -> int:\n"
        "    if item.children is UNSET:\n"
        "        return 0\n"
        "    return len(item.children)\n"
    )
    result = mypy_strict([folder, user])
    assert result.returncode == 0, result.stdout


def test_copies_and_pickles_keep_the_json_text_of_formats(example: Any) -> None:
    import copy
    import pickle

    session = example.Session.from_dict(SESSION)
    for clone in (copy.deepcopy(session), pickle.loads(pickle.dumps(session))):
        assert clone == session
        assert clone.to_dict() == SESSION


def test_a_tagged_union_decodes_a_variant_whose_schema_leaves_the_tag_optional() -> None:
    """OpenAPI asks every variant to require the discriminator; OpenAI's Item does not (an
    InputMessage may leave out ``type``): without the tag, the variants are tried in order."""
    from generator.ir import Const, Discriminator, Field, ModelSet, Primitive, Ref, Source
    from generator.ir import ObjectModel as Obj
    from generator.ir import UnionModel as Union

    text = Primitive("string")
    models = ModelSet(
        (
            Union(
                "Item",
                (Ref("Message"), Ref("Call")),
                Discriminator("type", (("call", "Call"), ("message", "Message"))),
            ),
            Union("Event", (Ref("Call"),), Discriminator("type", (("call", "Call"),))),
            Obj(
                "Message",
                (Field("type", text, False, const=Const("message")), Field("text", text, True)),
            ),
            Obj(
                "Call", (Field("type", text, True, const=Const("call")), Field("name", text, True))
            ),
        ),
        Source("tags.yaml"),
    )
    module = import_package(models, "optional_tag_pkg")
    decoded = module.item_from_json({"text": "hi"})
    assert type(decoded) is module.Message and decoded.to_dict() == {"text": "hi"}
    assert type(module.item_from_json({"type": "call", "name": "f"})) is module.Call
    with pytest.raises(module._rt.DecodeError, match="missing discriminator property 'type'"):
        module.event_from_json({"name": "f"})
