"""Hand-built IR for the PHP emitter tests: the constructs of the example schema, without
depending on a loader."""

from __future__ import annotations

from generator.ir import (
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    ListOf,
    MapOf,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    UnionModel,
)

STRING = Primitive("string")
INT = Primitive("integer")
NUMBER = Primitive("number")


def _event(name: str, tag: str, *fields: Field) -> ObjectModel:
    return ObjectModel(
        name,
        (
            Field("event_id", STRING, required=False),
            Field("type", STRING, required=True, const=Const(tag)),
            *fields,
        ),
        bases=("EventBase",),
    )


def example_models() -> ModelSet:
    models = [
        EnumModel("Voice", "string", tuple(EnumValue(v) for v in ("alloy", "ash", "echo"))),
        EnumModel("Priority", "integer", tuple(EnumValue(v) for v in (1, 2, 3))),
        AliasModel("ItemId", STRING),
        AliasModel("Tags", ListOf(STRING)),
        ObjectModel(
            "SessionCreateRequest",
            (
                Field("model", STRING, required=True),
                Field("voice", Ref("Voice"), required=False),
                Field("instructions", STRING, required=False),
                Field("temperature", NUMBER, required=False),
                Field("max_output_tokens", Ref("MaxTokens"), required=False),
                Field(
                    "turn_detection", Ref("TurnDetection"), required=False, nullable=Nullable.YES
                ),
                Field("metadata", MapOf(STRING), required=False, nullable=Nullable.YES),
                Field("tags", Ref("Tags"), required=False),
            ),
        ),
        UnionModel("MaxTokens", (INT, STRING)),
        ObjectModel(
            "TurnDetection",
            (Field("threshold", NUMBER, required=False), Field("silence_ms", INT, required=False)),
        ),
        ObjectModel("TextPart", (Field("type", STRING, True), Field("text", STRING, True))),
        ObjectModel(
            "AudioPart",
            (
                Field("type", STRING, True),
                Field("audio", STRING, True),
                Field("transcript", STRING, False, nullable=Nullable.YES),
            ),
        ),
        UnionModel(
            "ContentPart",
            (Ref("TextPart"), Ref("AudioPart")),
            Discriminator("type", (("audio", "AudioPart"), ("text", "TextPart"))),
        ),
        ObjectModel(
            "ConversationItem",
            (
                Field("id", Ref("ItemId"), True),
                Field("content", ListOf(Ref("ContentPart")), True),
                Field("children", ListOf(Ref("ConversationItem")), False),
                Field("priority", Ref("Priority"), False),
                Field("scores", MapOf(NUMBER), False),
                Field("attributes", MapOf(Primitive("any")), False),
                Field("extra", Primitive("any"), False),
            ),
        ),
        ObjectModel("EventBase", (Field("event_id", STRING, required=False),)),
        _event(
            "SessionUpdateEvent",
            "session.update",
            Field("session", Ref("SessionCreateRequest"), True),
        ),
        _event(
            "ConversationItemCreateEvent",
            "conversation.item.create",
            Field("item", Ref("ConversationItem"), True),
            Field("previous_item_id", Ref("ItemId"), True, nullable=Nullable.YES),
        ),
        UnionModel(
            "ClientEvent",
            (Ref("SessionUpdateEvent"), Ref("ConversationItemCreateEvent")),
            Discriminator(
                "type",
                (
                    ("conversation.item.create", "ConversationItemCreateEvent"),
                    ("session.update", "SessionUpdateEvent"),
                ),
            ),
        ),
        ObjectModel(
            "Bag",
            (Field("name", STRING, True),),
            additional=INT,
        ),
        UnionModel(
            "Anything",
            (Ref("TextPart"), Ref("Bag"), ListOf(INT), MapOf(Ref("Tags")), Ref("Voice")),
            exclusive=False,
        ),
    ]
    models.sort(key=lambda m: m.name)
    return ModelSet(tuple(models), Source("example.yaml"), title="Realtime Events API")
