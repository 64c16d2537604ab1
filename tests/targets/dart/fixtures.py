"""Hand-built IR for the Dart emitter tests: the example schema's shapes (as the OpenAPI loader
produces them) and hostile names and texts from bad-inputs.md."""

from __future__ import annotations

from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)

STRING = Primitive("string")
HOSTILE_TEXT = (
    "Ends */ and opens /* a comment; $x and ${1+1}; quote ' and \" and a backslash \\\n"
    "second line\r\nthird\u2028fourth\u2029fifth\x0bsixth\x00 {{ 7*7 }} \u202e bidi"
)


def _sorted(models: list[Model], title: str) -> ModelSet:
    return ModelSet(
        models=tuple(sorted(models, key=lambda m: m.name)), source=Source("test"), title=title
    )


def example() -> ModelSet:
    """The shapes of schemas/realtime.yaml."""
    event_id = Field("event_id", STRING, required=False, description="Client-generated ID.")
    models: list[Model] = [
        EnumModel(
            "Voice",
            "string",
            tuple(EnumValue(v) for v in ["alloy", "ash", "ballad"]),
            description="The voice the model speaks with.",
        ),
        EnumModel("Priority", "integer", (EnumValue(1), EnumValue(2), EnumValue(3))),
        AliasModel("ItemId", STRING, description="The identifier of a conversation item."),
        AliasModel("Tags", ListOf(STRING)),
        EnumModel("SessionCreateRequestModel", "string", (EnumValue("realtime-large"),)),
        UnionModel(
            "SessionCreateRequestMaxOutputTokens",
            (Primitive("integer"), Ref("SessionCreateRequestMaxOutputTokensString")),
        ),
        EnumModel("SessionCreateRequestMaxOutputTokensString", "string", (EnumValue("inf"),)),
        ObjectModel(
            "SessionCreateRequestTurnDetection",
            (
                Field("threshold", Primitive("number", "double"), required=False),
                Field("silence_duration_ms", Primitive("integer", "int32"), required=False),
            ),
            nullable=Nullable.YES,
        ),
        ObjectModel(
            "SessionCreateRequest",
            (
                Field("model", Ref("SessionCreateRequestModel"), required=True),
                Field("voice", Ref("Voice"), required=False),
                Field("instructions", STRING, required=False, description=HOSTILE_TEXT),
                Field("modalities", ListOf(STRING, unique=True), required=False),
                Field("temperature", Primitive("number", "float"), required=False),
                Field(
                    "max_output_tokens", Ref("SessionCreateRequestMaxOutputTokens"), required=False
                ),
                Field(
                    "turn_detection",
                    Ref("SessionCreateRequestTurnDetection"),
                    required=False,
                    nullable=Nullable.YES,
                ),
                Field("metadata", MapOf(STRING), required=False, nullable=Nullable.YES),
                Field("tags", Ref("Tags"), required=False),
            ),
            description="What a client asks for when it opens a session.",
        ),
        ObjectModel(
            "Session",
            (
                Field("model", Ref("SessionCreateRequestModel"), required=True),
                Field("id", Primitive("string", "uuid"), required=True, read_only=True),
                Field("created_at", Primitive("string", "date-time"), required=True),
                Field("expires_at", Primitive("integer", "int64"), required=True),
                Field(
                    "previous_session_id",
                    Primitive("string", "uuid"),
                    required=True,
                    nullable=Nullable.YES,
                ),
                Field("legacy_mode", Primitive("boolean"), required=False, deprecated=True),
            ),
            bases=("SessionCreateRequest",),
        ),
        ObjectModel(
            "ConversationItem",
            (
                Field("id", Ref("ItemId"), required=True),
                Field("content", ListOf(Ref("ContentPart")), required=True),
                Field("children", ListOf(Ref("ConversationItem")), required=False),
                Field("priority", Ref("Priority"), required=False),
                Field("scores", MapOf(Primitive("number")), required=False),
                Field("attributes", MapOf(ANY), required=False),
                Field("created_on", Primitive("string", "date"), required=False),
            ),
        ),
        ObjectModel(
            "TextPart",
            (
                Field("type", STRING, required=True, const=Const("text")),
                Field("text", STRING, required=True),
            ),
        ),
        ObjectModel(
            "ContentPartAudio",
            (
                Field("type", STRING, required=True, const=Const("audio")),
                Field("audio", Primitive("string", "byte"), required=True),
                Field("transcript", STRING, required=False, nullable=Nullable.YES),
            ),
        ),
        UnionModel(
            "ContentPart",
            (Ref("TextPart"), Ref("ContentPartAudio")),
            Discriminator("type", (("audio", "ContentPartAudio"), ("text", "TextPart"))),
        ),
        ObjectModel("EventBase", (event_id,)),
        ObjectModel(
            "SessionUpdateEvent",
            (
                event_id,
                Field("type", STRING, required=True, const=Const("session.update")),
                Field("session", Ref("SessionCreateRequest"), required=True),
            ),
            bases=("EventBase",),
        ),
        ObjectModel(
            "ResponseCancelEvent",
            (
                event_id,
                Field("type", STRING, required=True, const=Const("response.cancel")),
                Field("response_id", STRING, required=False),
            ),
            bases=("EventBase",),
        ),
        UnionModel(
            "ClientEvent",
            (Ref("SessionUpdateEvent"), Ref("ResponseCancelEvent")),
            Discriminator(
                "type",
                (
                    ("response.cancel", "ResponseCancelEvent"),
                    ("session.update", "SessionUpdateEvent"),
                ),
            ),
        ),
        # An event in two unions.
        UnionModel(
            "AnyEvent",
            (Ref("ResponseCancelEvent"), Ref("ErrorEvent")),
            Discriminator(
                "type", (("error", "ErrorEvent"), ("response.cancel", "ResponseCancelEvent"))
            ),
        ),
        EnumModel("ErrorEventType", "string", (EnumValue("error"),)),
        ObjectModel(
            "ErrorEvent",
            (
                Field("type", Ref("ErrorEventType"), required=True),
                Field("when", Primitive("string", "date-time"), required=False),
                Field("payload", ANY, required=False, nullable=Nullable.YES),
            ),
        ),
        # Discriminated, but one variant is itself a union: a wrapper that dispatches first.
        UnionModel(
            "PartOrEvent",
            (Ref("ContentPart"), Ref("ResponseCancelEvent"), STRING),
            Discriminator("kind", (("event", "ResponseCancelEvent"), ("part", "ContentPart"))),
        ),
        UnionModel(
            "Mixed",
            (
                Primitive("string", "date-time"),
                Primitive("number"),
                Primitive("boolean"),
                ListOf(Ref("Voice")),
                MapOf(Primitive("integer")),
                Ref("Voice"),
                Ref("TextPart"),
                ANY,
            ),
            exclusive=False,
        ),
    ]
    return _sorted(models, "Realtime Events API")


DART_RESERVED = (
    "assert break case catch class const continue default do else enum extends false final "
    "finally for if in is new null rethrow return super switch this throw true try var void "
    "while with"
).split()


def hostile() -> ModelSet:
    """Hostile names (bad-inputs.md §B 14-16, 19-23, 25-26) and texts (§A)."""
    member_names = [
        *DART_RESERVED,
        "_id",
        "id",
        "_",
        "__v",
        "hashCode",
        "runtimeType",
        "toString",
        "noSuchMethod",
        "copyWith",
        "toJson",
        "fromJson",
        "json",
        "other",
        "int",
        "String",
        "identical",
        "required",
        "Function",
        "dynamic",
        "late",
        "1st",
        "200",
        "",
        "!",
        "  ",
        "foo_bar",
        "fooBar",
        "FooBar",
        "foo-bar",
        "foo bar",
        "type",
        "Type",
        "a",
        "A",
        "café",
        "\ufb01eld",
        "field",
        "\U0001d400",
        "zero\u200bwidth",
        "nbsp\u00a0x",
        "\u202eevil",
        "\u0430dmin",
        "x" * 300,
        "Function",
    ]
    fields = tuple(
        Field(name, STRING, required=i % 2 == 0, description=HOSTILE_TEXT)
        for i, name in enumerate(dict.fromkeys(member_names))
    )
    enum_values = [
        "date",
        "-date",
        "in stock",
        "in-stock",
        "g",
        "\u03bcg",
        "a+",
        "a_plus",
        "",
        "1",
        "-1",
        "null",
        "value",
        "values",
        "index",
        "name",
        "it's $x ${1+1} \\ \n end",
        "?>",
    ]
    class_names = [
        "Function",
        "Type",
        "Library",
        "Dynamic",
        "Mixin",
        "List",
        "Map",
        "String",
        "Object",
        "DateTime",
        "Enum",
        "Present",
        "pet",
        "Pet",
        "pet_store",
        "PetStore",
        "con",
        "_",
        "1st",
        "y" * 300,
        "Hostile",
    ]
    models: list[Model] = [
        ObjectModel("Hostile", fields, description=HOSTILE_TEXT),
        EnumModel(
            "HostileEnum",
            "string",
            tuple(EnumValue(v, description=HOSTILE_TEXT) for v in enum_values),
            description=HOSTILE_TEXT,
        ),
        EnumModel("MixedEnum", "string", (EnumValue(1), EnumValue("1"), EnumValue(True))),
        EnumModel("Floats", "number", (EnumValue(1.5), EnumValue(-0.0), EnumValue(2))),
        EnumModel("OnlyNull", "string", (EnumValue(None),), nullable=Nullable.YES),
        EnumModel("Unlisted", "integer", None),
        ObjectModel(
            "SelfNamed",
            (Field("SelfNamed", STRING, required=True), Field("selfNamed", STRING, True)),
        ),
        AliasModel("Loop", ListOf(Ref("Loop"))),
        UnionModel("Nothing", ()),
    ]
    models += [
        ObjectModel(name, (Field("v", Ref(name), required=False),))
        for name in dict.fromkeys(class_names)
        if name != "Hostile"
    ]
    return _sorted(models, "Hostile $x */ API")
