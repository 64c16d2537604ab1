"""Hand-built IR for the PHP emitter tests: the constructs of the example schema, without
depending on a loader; and a schema of hostile names and text (bad-inputs §A, §B)."""

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
    models: list[Model] = [
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
        EnumModel("Ratio", "number", (EnumValue(0.5), EnumValue(1.5), EnumValue(2))),
        EnumModel("Flag", "boolean", (EnumValue(True),)),
        EnumModel("OneOrOne", "string", (EnumValue(1), EnumValue("1"))),
        ObjectModel(
            "Settings",
            (
                Field("ratio", Ref("Ratio"), False, default=Const(0.5)),
                Field("flag", Ref("Flag"), False, default=Const(value=True), deprecated=True),
                Field("one", Ref("OneOrOne"), False, default=Const("*/ ?> $x")),
                Field("mode", Ref("Voice"), False, default=Const(["a", {"b": None}])),
            ),
        ),
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


RESERVED = [
    "List", "Object", "Empty", "Array", "Match", "Readonly", "Static", "Self", "Parent",
    "Mixed", "Never", "Int", "Null", "Enum", "Iterable", "Callable", "Void", "Bool", "Float",
    "String", "True", "False", "Class", "Function", "Namespace", "Fn", "Print", "Yield",
]  # fmt: skip

HOSTILE_TEXT = [
    "ends a docblock */ here",
    "?> <?php echo 1; ?>",
    "?><?php echo 'x'; ?>",
    "opens /* a comment",
    "{{ 7*7 }} {% raw %} {#",
    "line\rbreak\r\nand\u2028more\u2029and\vthe\fend\x00nul",
    "@param int $x injected tag",
    "bidi \u202e reversed \u2066 isolate",
    "quotes \"double\" 'single' and back\\slash\\",
    "$x ${x} {$x}",
]

ENUM_VALUES = [
    "class", "CLASS", "Class", "", "date", "-date", "in stock", "in-stock", "g", "μg", "a+",
    "a_plus", "1", "?>", "$x", "{$x}", "it's", "back\\", "new\nline", "*/", "null",
]  # fmt: skip

PROPERTY_NAMES = [
    "class", "list", "this", "1st", "200", "", "!", " ", "foo_bar", "fooBar", "FooBar",
    "foo-bar", "foo bar", "type", "Type", "additionalProperties", "json", "fromArray",
    "jsonSerialize", "WIRE_NAMES", "data", "café", "ﬁeld", "field", "\u200bzero", "x" * 300,
    "GLOBALS", "_GET", "__construct",
]  # fmt: skip


def hostile_models() -> ModelSet:
    models: list[ObjectModel | EnumModel] = [
        ObjectModel(name, (Field("value", STRING, True, description=text),), description=text)
        for name, text in zip(
            RESERVED + [n.upper() for n in RESERVED] + [n.lower() for n in RESERVED],
            HOSTILE_TEXT * 9,
            strict=False,
        )
    ]
    models += [
        ObjectModel("Pet", (Field("a", STRING, True), Field("A", STRING, True))),
        ObjectModel("pet", ()),
        ObjectModel("pet_store", ()),
        ObjectModel("PetStore", ()),
        ObjectModel("../etc/passwd", ()),
        ObjectModel("CON", ()),
        ObjectModel("", ()),
        ObjectModel("1st", ()),
        ObjectModel("y" * 300, ()),
        ObjectModel("Support", ()),
        ObjectModel("Json", ()),
        ObjectModel("Absent", ()),
        ObjectModel("UnknownWeird", ()),
        ObjectModel("zero\u200bwidth\u202e */ name\n", ()),
        ObjectModel(
            "Everything",
            (
                *(
                    Field(name, STRING, required=i % 2 == 0, description=HOSTILE_TEXT[i % 10])
                    for i, name in enumerate(PROPERTY_NAMES)
                ),
                Field("weird", Ref("Weird"), required=False),
                Field("tag", STRING, required=True, const=Const("it's $x {$x} \\")),
            ),
            description="\n".join(HOSTILE_TEXT),
        ),
        EnumModel(
            "Weird",
            "string",
            tuple(
                EnumValue(v, description=HOSTILE_TEXT[i % 10]) for i, v in enumerate(ENUM_VALUES)
            ),
            description="?> */",
        ),
    ]
    models.sort(key=lambda m: m.name)
    return ModelSet(tuple(models), Source("hostile.yaml"), title="List")
