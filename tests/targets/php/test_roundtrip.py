"""Generated PHP reads JSON and writes it back equal, in one PHP process per batch: absent vs
null, unknown enum values, every union variant, recursion, maps, empty objects, floats that
look like ints, large ints, unicode and slashes; and wrong payloads throw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.ir import JsonValue, ModelSet, ObjectModel
from tests.support.models import example
from tests.support.paths import OPENAI_SPEC, need, need_php
from tests.targets.php.support import (
    dumps,
    first_difference,
    generate,
    namespace_of,
    round_trip,
    same_json,
)

NS = "RealtimeEventsApi\\Model\\"


REQUEST: dict[str, JsonValue] = {
    "model": "realtime-mini",
    "voice": "verse",
    "instructions": 'Say "hi" \\ now </script> a/b ü \u2028 😀',
    "modalities": ["text", "audio"],
    "temperature": 1.0,
    "max_output_tokens": 4096,
    "input_audio_format": "g711_ulaw",
    "turn_detection": {"threshold": 0.5, "silence_duration_ms": 200},
    "metadata": {"0": "zero", "a/b": "c", "": "empty key"},
    "tags": [],
}
ITEM: dict[str, JsonValue] = {
    "id": "item_1",
    "role": "assistant",
    "content": [
        {"type": "text", "text": "hello"},
        {"type": "audio", "audio": "AAAA", "transcript": None},
        {"type": "audio", "audio": "AAAA"},
    ],
    "children": [{"id": "item_2", "role": "user", "content": [], "children": []}],
    "priority": 2,
    "scores": {"a": 1, "b": 2.5, "c": 1.0, "d": -0.0},
    "attributes": {"o": {}, "l": [], "n": None, "f": 1.0, "deep": {"x": [{}, []]}},
    "created_on": "2024-02-29",
}
SESSION: dict[str, JsonValue] = {
    **REQUEST,
    "id": "7d7e8f1c-0000-4000-8000-000000000000",
    "created_at": "2024-01-01T00:00:00.123456+01:00",
    "expires_at": 9007199254740993,
    "previous_session_id": None,
    "client_secret": "c2VjcmV0",
    "legacy_mode": False,
}

GOOD: list[tuple[str, str, JsonValue, str]] = [
    # (case, model, instance, PHP class the decoder must return)
    ("request-full", "SessionCreateRequest", REQUEST, "SessionCreateRequest"),
    ("request-minimal", "SessionCreateRequest", {"model": "realtime-large"}, ""),
    (
        "request-nulls",
        "SessionCreateRequest",
        {"model": "m", "turn_detection": None, "metadata": None},
        "",
    ),
    (
        "request-empty-objects",
        "SessionCreateRequest",
        {"model": "m", "turn_detection": {}, "metadata": {}},
        "",
    ),
    (
        "request-unknown-enums",
        "SessionCreateRequest",
        {
            "model": "realtime-xl",
            "voice": "new",
            "modalities": ["video"],
            "input_audio_format": "opus",
        },
        "",
    ),
    (
        "request-tokens-string",
        "SessionCreateRequest",
        {"model": "m", "max_output_tokens": "inf"},
        "",
    ),
    ("request-float-temperature", "SessionCreateRequest", {"model": "m", "temperature": 0.1}, ""),
    ("request-int-temperature", "SessionCreateRequest", {"model": "m", "temperature": 1}, ""),
    ("session", "Session", SESSION, "Session"),
    (
        "session-int64-max",
        "Session",
        {**SESSION, "expires_at": 2**63 - 1, "previous_session_id": "x"},
        "",
    ),
    ("item-recursive", "ConversationItem", ITEM, "ConversationItem"),
    ("item-unknown-priority", "ConversationItem", {**ITEM, "priority": 9}, ""),
    (
        "client-session-update",
        "ClientEvent",
        {"type": "session.update", "event_id": "e1", "session": REQUEST},
        "SessionUpdateEvent",
    ),
    (
        "client-audio-append",
        "ClientEvent",
        {"type": "input_audio_buffer.append", "audio": "AAAA"},
        "InputAudioBufferAppendEvent",
    ),
    (
        "client-item-create",
        "ClientEvent",
        {"type": "conversation.item.create", "previous_item_id": None, "item": ITEM},
        "ConversationItemCreateEvent",
    ),
    (
        "client-item-create-after",
        "ClientEvent",
        {"type": "conversation.item.create", "previous_item_id": "item_0", "item": ITEM},
        "ConversationItemCreateEvent",
    ),
    ("client-cancel", "ClientEvent", {"type": "response.cancel"}, "ResponseCancelEvent"),
    (
        "client-cancel-full",
        "ClientEvent",
        {"type": "response.cancel", "event_id": "", "response_id": "r", "priority": 1},
        "ResponseCancelEvent",
    ),
    (
        "server-created",
        "ServerEvent",
        {"type": "session.created", "event_id": "e", "session": SESSION},
        "SessionCreatedEvent",
    ),
    (
        "server-error",
        "ServerEvent",
        {
            "type": "error",
            "event_id": "e",
            "error": {"code": 400, "message": "bad", "param": None, "retry_after": 2.0},
        },
        "ErrorEvent",
    ),
    (
        "server-done",
        "ServerEvent",
        {
            "type": "response.done",
            "event_id": "e",
            "response_id": "r",
            "usage": {"total_tokens": 3, "by_modality": {}},
            "output": [ITEM],
        },
        "ResponseDoneEvent",
    ),
    ("content-text", "ContentPart", {"type": "text", "text": "t"}, "TextPart"),
    (
        "poll",
        "PollEventsResponse",
        {
            "events": [{"type": "error", "event_id": "e", "error": {"code": 1, "message": "m"}}],
            "next_cursor": None,
        },
        "",
    ),
    ("poll-empty", "PollEventsResponse", {"events": []}, ""),
    ("tags", "Tags", ["a", "b"], "array"),
    ("voice-known", "Voice", "ash", "Voice"),
    ("voice-unknown", "Voice", "whisper", "UnknownVoice"),
    ("priority-unknown", "Priority", 0, "UnknownPriority"),
]

BAD: list[tuple[str, str, JsonValue]] = [
    ("wrong-type", "SessionCreateRequest", {"model": 5}),
    ("missing-required", "Session", {k: v for k, v in SESSION.items() if k != "id"}),
    (
        "missing-required-nullable",
        "Session",
        {k: v for k, v in SESSION.items() if k != "previous_session_id"},
    ),
    ("null-for-not-nullable", "SessionCreateRequest", {"model": "m", "voice": None}),
    ("list-for-object", "SessionCreateRequest", ["model"]),
    ("object-for-list", "ConversationItem", {**ITEM, "content": {"type": "text"}}),
    ("int-for-number-map-value", "ConversationItem", {**ITEM, "scores": {"a": "1"}}),
    (
        "float-for-int",
        "ErrorEvent",
        {"type": "error", "event_id": "e", "error": {"code": 1.5, "message": "m"}},
    ),
    ("int-beyond-php", "Session", {**SESSION, "expires_at": 2**63}),
    ("unknown-discriminator", "ClientEvent", {"type": "session.delete"}),
    ("no-discriminator", "ClientEvent", {"event_id": "e"}),
    ("wrong-const", "SessionUpdateEvent", {"type": "session.updated", "session": REQUEST}),
    ("bool-for-union", "SessionCreateRequest", {"model": "m", "max_output_tokens": True}),
    ("string-for-int-enum", "Priority", "1"),
    ("scalar-for-object", "ContentPart", "text"),
]


def _check(
    php: str,
    tmp_path: Path,
    models: ModelSet,
    good: list[tuple[str, str, JsonValue, str]],
    bad: list[tuple[str, str, JsonValue]],
) -> None:
    files = generate(models, tmp_path)
    cases = [(case, model, dumps(value)) for case, model, value, _ in good]
    cases += [(case, model, dumps(value)) for case, model, value in bad]
    results = round_trip(php, tmp_path, files, models, cases)
    failures = []
    for case, _, value, php_class in good:
        status, php_type, text = results[case]
        if status != "ok":
            failures.append(f"{case}: {php_type}")
        elif not same_json(json.loads(text), value):
            failures.append(f"{case}: wrote {text}")
        elif php_class and php_type.removeprefix(NS) != php_class:
            failures.append(f"{case}: decoded as {php_type}")
    for case, _, _ in bad:
        status, message, _ = results[case]
        if status != "error" or "DecodeException" not in message:
            failures.append(f"{case}: expected a DecodeException, got {status} {message}")
    assert not failures, "\n".join(failures)


def test_same_json_tells_ints_floats_objects_and_lists_apart() -> None:
    assert same_json({"a": [1, 1.5]}, {"a": [1, 1.5]})
    assert not same_json(1, 1.0)
    assert not same_json(True, 1)
    assert not same_json({}, [])
    assert not same_json({"a": 1}, {"a": 1, "b": 2})


# Instances of the hand-built models of the example (tests.support.models.EXAMPLE_EXTRAS).
EXTRA_GOOD: list[tuple[str, str, JsonValue, str]] = [
    ("bag-extra", "Bag", {"name": "n", "x": 1, "0": 2}, "Bag"),
    ("bag-plain", "Bag", {"name": "n"}, "Bag"),
    ("anything-text", "Anything", {"type": "text", "text": "x"}, "TextPart"),
    ("anything-bag", "Anything", {"name": "n", "k": 1}, "Bag"),
    ("anything-list", "Anything", [1, 2], "array"),
    ("anything-map", "Anything", {"a": ["x"], "b": []}, "array"),
    ("anything-enum", "Anything", "ash", "Voice"),
    ("anything-enum-unknown", "Anything", "other", "UnknownVoice"),
    (
        "item-empty-object-attribute",
        "ConversationItem",
        {"id": "i", "role": "user", "content": [], "attributes": {"a": {}}},
        "",
    ),
    ("alert-null-payload", "AlertEvent", {"type": "alert", "payload": None}, "AlertEvent"),
    ("alert-object-payload", "AlertEvent", {"type": "alert", "payload": {"b": []}}, ""),
    ("any-event-alert", "AnyEvent", {"type": "alert"}, "AlertEvent"),
    ("any-event-cancel", "AnyEvent", {"type": "response.cancel"}, "ResponseCancelEvent"),
]
EXTRA_GOOD += [
    ("settings", "Settings", {"ratio": 2, "flag": True, "one": 1, "mode": "ash"}, "Settings"),
    ("settings-other", "Settings", {"ratio": 0.25, "flag": False, "one": "1"}, "Settings"),
    ("settings-null-free-form", "Settings", {"one": None}, "Settings"),
    ("settings-empty", "Settings", {}, "Settings"),
    ("settings-limit-int", "Settings", {"limit": 5}, "Settings"),
    ("settings-limit-string", "Settings", {"limit": "max"}, "Settings"),
    ("ratio", "Ratio", 1.5, "float"),
    ("one-or-one", "OneOrOne", "1", "string"),
]
EXTRA_BAD: list[tuple[str, str, JsonValue]] = [
    ("bag-extra-wrong-type", "Bag", {"name": "n", "x": "1"}),
    ("anything-nothing", "Anything", 1.5),
    ("ratio-not-a-number", "Ratio", "0.5"),
    ("flag-not-a-boolean", "Flag", 1),
    ("limit-not-int-or-string", "Settings", {"limit": 1.5}),
]


def test_example_instances_round_trip_and_bad_payloads_throw(tmp_path: Path) -> None:
    _check(need_php(), tmp_path, example(), GOOD + EXTRA_GOOD, BAD + EXTRA_BAD)


@pytest.mark.parametrize("value", [{}, []])
def test_a_union_of_a_list_and_a_map_writes_an_empty_value_as_a_list(
    value: JsonValue, tmp_path: Path
) -> None:
    """The documented limit: PHP has one array type, so an empty map in a union that also
    has a list variant is written back as []."""
    models = example()
    files = generate(models, tmp_path)
    results = round_trip(need_php(), tmp_path, files, models, [("x", "Anything", dumps(value))])
    assert results["x"][0] == "ok"
    assert json.loads(results["x"][2]) == []


# --- OpenAI 2.3.0: instances from hypothesis-jsonschema ---------------------------------------

# Component schemas hypothesis-jsonschema finds no instance for: each requires a property it
# does not declare (the loader leaves such keys out, so the converted schema is unsatisfiable).
NO_INSTANCES = {
    "ResponseAudioDoneEvent": "requires undeclared response_id",
    "ResponseAudioTranscriptDeltaEvent": "requires undeclared response_id",
    "ResponseAudioTranscriptDoneEvent": "requires undeclared response_id",
    "ResponseCodeInterpreterCallCodeDeltaEvent": "requires undeclared response_id",
    "ResponseCodeInterpreterCallCodeDoneEvent": "requires undeclared response_id",
    "ResponseCodeInterpreterCallCompletedEvent": "requires undeclared response_id",
    "ResponseCodeInterpreterCallInProgressEvent": "requires undeclared response_id",
    "ResponseCodeInterpreterCallInterpretingEvent": "requires undeclared response_id",
    "UsageCodeInterpreterSessionsResult": "requires an undeclared property",
}
# Schemas whose instances do not round-trip, with the reason. A listed schema that starts
# round-tripping fails the test, so the list cannot go stale.
EXEMPT: dict[str, str] = {}
INT64 = (-(2**63), 2**63 - 1)


def _has_big_int(value: JsonValue) -> bool:
    """Integers PHP cannot hold (json_decode turns them into strings or floats)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not INT64[0] <= value <= INT64[1]
    if isinstance(value, list):
        return any(_has_big_int(v) for v in value)
    if isinstance(value, dict):
        return any(_has_big_int(v) for v in value.values())
    return False


@pytest.mark.slow
@pytest.mark.parametrize("extra", [False, True], ids=["as-drawn", "extra-key"])
def test_openai_instances_round_trip(
    tmp_path: Path,
    openai_models: ModelSet,
    openai_instances: dict[str, list[JsonValue]],
    extra: bool,
) -> None:
    """The session's OpenAI instances (two per component schema, one per variant for unions
    of $refs: tests/conftest.py), decoded and re-encoded in one PHP process; each decodes to
    the class it was drawn for. With ``extra``, an open object's instance carries an
    undeclared property, which it keeps. Instances holding integers beyond 64 bits are
    skipped: PHP has no larger int."""
    from generator.targets import emit
    from tests.support.jsonschema_instances import drawn_from
    from tests.targets.python.test_openai_roundtrip import with_extra_key

    php = need_php()
    found = openai_instances
    models = openai_models
    by_name = models.by_name()
    assert set(found) <= set(by_name)
    symbols = emit("php", models).symbols
    sources = drawn_from(need(OPENAI_SPEC), found)
    cases = []
    classes: dict[str, str] = {}
    skipped = extended = 0
    for name, values in sorted(found.items()):
        for i, drawn in enumerate(values):
            if drawn is None and isinstance(by_name[name], ObjectModel):
                continue  # fromArray() takes an object: a nullable object's null is the caller's
            if _has_big_int(drawn):
                skipped += 1
                continue
            value = with_extra_key(models, name, drawn) if extra else drawn
            extended += value is not drawn
            cases.append((f"{name}#{i}", name, dumps(value)))
            source = sources.get((name, i))
            if source is not None and isinstance(by_name[source], ObjectModel):
                classes[f"{name}#{i}"] = symbols[source][0].name
    files = generate(models, tmp_path)
    prefix = namespace_of(files) + "\\"
    results = round_trip(php, tmp_path, files, models, cases)
    failing: dict[str, str] = {}
    for case, name, text in cases:
        status, detail, out = results[case]
        if status != "ok":
            failing.setdefault(name, detail[:300])
            continue
        want = classes.get(case)
        if want is not None and detail.removeprefix(prefix) != want:
            failing.setdefault(name, f"decoded a {detail}, not a {want}")
            continue
        diff = first_difference(json.loads(text), json.loads(out))
        if diff:
            failing.setdefault(name, diff[:300])
    empty = {name for name, values in found.items() if not values}
    assert empty == set(NO_INSTANCES), "instances now found (or lost) for some schemas"
    unexpected = {name: why for name, why in failing.items() if name not in EXEMPT}
    assert not unexpected, "\n".join(f"{n}: {why}" for n, why in sorted(unexpected.items()))
    fixed = sorted(set(EXEMPT) - set(failing))
    assert not fixed, f"exempt schemas that now round-trip (remove them from EXEMPT): {fixed}"
    assert len(EXEMPT) < 0.02 * len(found)
    assert len(cases) > 1.5 * len(found) and skipped < 0.02 * len(cases)
    assert len(classes) > 800
    assert extended > 500 if extra else extended == 0
