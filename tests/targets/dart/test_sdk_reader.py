"""The Dart SDK reader (``dart-sdk`` kind): Dart model code modelgen did not write, read by
convention (freezed, json_serializable, plain fromJson/toJson, sealed families, enums,
typedefs) into the IR, on small hand-written Dart; and the OpenAI Dart SDK of the corpus."""

from __future__ import annotations

import re
from pathlib import Path

from generator.ir import (
    ANY,
    AliasModel,
    Const,
    Discriminator,
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
    Source,
    UnionModel,
)
from generator.output import write_tree
from generator.sources import LoadOptions, kinds, load
from generator.targets import emit
from generator.targets.dart import sdk_reader
from generator.targets.dart.sdk_reader import detect, renamed
from tests.support.models import example
from tests.support.paths import CORPUS, need

OPENAI_DART = CORPUS / "sdks" / "openai" / "dart" / "lib"


def read(tmp_path: Path, **files: str) -> ModelSet:
    for name, text in files.items():
        target = tmp_path / name.replace("__", "/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return load(tmp_path, LoadOptions(), kind="dart-sdk")


def model(models: ModelSet, name: str) -> Model:
    return models.by_name()[name]


def obj(models: ModelSet, name: str) -> ObjectModel:
    found = model(models, name)
    assert isinstance(found, ObjectModel), found
    return found


def fields(models: ModelSet, name: str) -> dict[str, Field]:
    return {f.name: f for f in obj(models, name).fields}


def messages(models: ModelSet, code: str) -> list[str]:
    return [d.message for d in models.diagnostics if d.code == code]


# --- freezed ----------------------------------------------------------------------------------

FREEZED = """
part of 'models.dart';

/// A batch of requests.
@freezed
abstract class Batch with _$Batch {
  const Batch._();

  const factory Batch({
    /// The identifier.
    required String id,
    @JsonKey(name: 'created_at') required int createdAt,
    required String? error,
    @JsonKey(name: 'output_file_id', includeIfNull: false) String? outputFileId,
    @Default(1.0) double temperature,
    @Default(BatchStatus.inProgress) BatchStatus status,
    @Default([]) List<String> tags,
  }) = _Batch;

  factory Batch.fromJson(Map<String, dynamic> json) => _$BatchFromJson(json);
}

enum BatchStatus {
  @JsonValue('in_progress')
  inProgress,
  @JsonValue('done')
  done,
}
"""


def test_freezed_factory_parameters_are_the_fields_with_their_json_keys(tmp_path: Path) -> None:
    models = read(tmp_path, **{"src__batch.dart": FREEZED})
    got = fields(models, "Batch")
    assert list(got) == [
        "id",
        "created_at",
        "error",
        "output_file_id",
        "temperature",
        "status",
        "tags",
    ]
    assert got["created_at"].type == Primitive("integer")
    assert got["status"].type == Ref("BatchStatus")
    assert got["tags"].type == ListOf(Primitive("string"))


def test_freezed_required_question_mark_is_nullable_and_optional_one_is_unknown(
    tmp_path: Path,
) -> None:
    got = fields(read(tmp_path, **{"batch.dart": FREEZED}), "Batch")
    assert (got["id"].required, got["id"].nullable) == (True, Nullable.NO)
    assert (got["error"].required, got["error"].nullable) == (True, Nullable.YES)
    assert (got["output_file_id"].required, got["output_file_id"].nullable) == (
        False,
        Nullable.UNKNOWN,
    )


def test_freezed_default_makes_a_field_optional_and_is_its_default(tmp_path: Path) -> None:
    got = fields(read(tmp_path, **{"batch.dart": FREEZED}), "Batch")
    assert (got["temperature"].required, got["temperature"].default) == (False, Const(1.0))
    assert got["status"].default == Const("in_progress")  # the enum member's @JsonValue
    assert got["tags"].default == Const([])
    assert got["id"].default is None


def test_models_carry_their_file_relative_to_the_folder_and_line(tmp_path: Path) -> None:
    models = read(tmp_path, **{"src__batch.dart": FREEZED})
    batch = obj(models, "Batch")
    assert batch.source == Source("src/batch.dart", line=6)  # the line of its name
    assert batch.description == "A batch of requests."
    assert fields(models, "Batch")["id"].description == "The identifier."
    assert model(models, "BatchStatus").source == Source("src/batch.dart", line=23)


def test_freezed_field_rename_on_the_factory_renames_unkeyed_fields(tmp_path: Path) -> None:
    code = """
@freezed
class Usage with _$Usage {
  @JsonSerializable(fieldRename: FieldRename.snake)
  const factory Usage({
    required int promptTokens,
    @JsonKey(name: 'total') required int totalTokens,
  }) = _Usage;
  factory Usage.fromJson(Map<String, dynamic> json) => _$UsageFromJson(json);
}
"""
    assert list(fields(read(tmp_path, **{"usage.dart": code}), "Usage")) == [
        "prompt_tokens",
        "total",
    ]


UNION = """
@Freezed(unionKey: 'type', unionValueCase: FreezedUnionCase.snake)
sealed class ResponseFormat with _$ResponseFormat {
  const ResponseFormat._();

  @FreezedUnionValue('text')
  const factory ResponseFormat.text({
    @Default(ResponseFormatType.text) ResponseFormatType type,
  }) = ResponseFormatText;

  const factory ResponseFormat.jsonSchema({
    @JsonKey(name: 'json_schema') required Map<String, dynamic> jsonSchema,
  }) = ResponseFormatJsonSchema;

  factory ResponseFormat.fromJson(Map<String, dynamic> json) => _$ResponseFormatFromJson(json);
}

enum ResponseFormatType {
  @JsonValue('text')
  text,
  @JsonValue('json_schema')
  jsonSchema,
}
"""


def test_freezed_union_key_gives_the_discriminator_and_the_variants(tmp_path: Path) -> None:
    models = read(tmp_path, **{"format.dart": UNION})
    union = model(models, "ResponseFormat")
    assert isinstance(union, UnionModel)
    assert union.variants == (Ref("ResponseFormatText"), Ref("ResponseFormatJsonSchema"))
    # @FreezedUnionValue, else the factory's name in unionValueCase (snake: json_schema)
    assert union.discriminator == Discriminator(
        "type", (("json_schema", "ResponseFormatJsonSchema"), ("text", "ResponseFormatText"))
    )


def test_freezed_union_variants_are_objects_with_a_required_union_key(tmp_path: Path) -> None:
    models = read(tmp_path, **{"format.dart": UNION})
    text = fields(models, "ResponseFormatText")
    assert text["type"].required and text["type"].const == Const("text")
    assert text["type"].default is None  # @Default: for Dart callers; JSON always has the key
    schema = fields(models, "ResponseFormatJsonSchema")
    assert list(schema) == ["type", "json_schema"]  # the key freezed writes, added first
    assert schema["type"].const == Const("json_schema")
    assert schema["json_schema"].type == MapOf(ANY)
    assert obj(models, "ResponseFormatJsonSchema").source.line == 11


def test_freezed_union_without_union_key_uses_runtime_type_and_factory_names(
    tmp_path: Path,
) -> None:
    code = """
@freezed
sealed class Shape with _$Shape {
  const factory Shape.circle({required double radius}) = Circle;
  const factory Shape.bigSquare({required double side}) = BigSquare;
  factory Shape.fromJson(Map<String, dynamic> json) => _$ShapeFromJson(json);
}
"""
    union = model(read(tmp_path, **{"shape.dart": code}), "Shape")
    assert isinstance(union, UnionModel)
    assert union.discriminator == Discriminator(
        "runtimeType", (("bigSquare", "BigSquare"), ("circle", "Circle"))
    )


def test_freezed_single_named_factory_is_an_object_and_private_variants_lose_the_underscore(
    tmp_path: Path,
) -> None:
    code = """
@freezed
class Point with _$Point {
  const factory Point.create({required int x}) = _Point;
  factory Point.fromJson(Map<String, dynamic> json) => _$PointFromJson(json);
}

@freezed
class Result with _$Result {
  const factory Result.ok({required int value}) = _Ok;
  const factory Result.failed({required String error}) = _Failed;
  factory Result.fromJson(Map<String, dynamic> json) => _$ResultFromJson(json);
}
"""
    models = read(tmp_path, **{"p.dart": code})
    assert list(fields(models, "Point")) == ["x"]
    union = model(models, "Result")
    assert isinstance(union, UnionModel)
    assert union.variants == (Ref("Ok"), Ref("Failed"))
    assert list(fields(models, "Failed")) == ["runtimeType", "error"]


def test_freezed_factories_holding_one_value_make_an_untagged_union(tmp_path: Path) -> None:
    code = """
@freezed
sealed class ModelId with _$ModelId {
  const factory ModelId.model(Models value) = ModelIdEnumeration;
  const factory ModelId.modelId(String value) = ModelIdString;
  factory ModelId.fromJson(Map<String, dynamic> json) => _$ModelIdFromJson(json);
}

enum Models { @JsonValue('gpt-4') gpt4 }

@freezed
abstract class Request with _$Request {
  const factory Request({
    @Default(ModelIdEnumeration(Models.gpt4)) ModelId model,
    @Default(ModelIdString('x')) ModelId other,
  }) = _Request;
  factory Request.fromJson(Map<String, dynamic> json) => _$RequestFromJson(json);
}
"""
    models = read(tmp_path, **{"model.dart": code})
    union = model(models, "ModelId")
    assert isinstance(union, UnionModel)
    assert union.variants == (Ref("Models"), Primitive("string"))
    assert union.discriminator is None
    assert "ModelIdString" not in models.by_name()
    got = fields(models, "Request")
    assert got["model"].default == Const("gpt-4")  # a wrapped value is the value on the wire
    assert got["other"].default == Const("x")


# --- json_serializable ------------------------------------------------------------------------

SERIALIZABLE = """
@JsonSerializable(fieldRename: FieldRename.snake, disallowUnrecognizedKeys: true)
class Upload extends Base {
  final String fileName;
  @JsonKey(name: 'bytes', includeIfNull: false)
  final int? size;
  @JsonKey(required: true)
  final String? purpose;
  @JsonKey(disallowNullValue: true)
  final String? status;
  @JsonKey(defaultValue: 'auto')
  final String mode;
  @JsonKey(includeFromJson: false, includeToJson: false)
  final Object? cache;
  final Set<String> labels;
  static const String kind = 'upload';
  int get length => 1;

  const Upload({required super.id, required this.fileName, this.size, this.purpose, this.status,
      this.mode = 'auto', this.cache, this.labels = const {}});

  factory Upload.fromJson(Map<String, dynamic> json) => _$UploadFromJson(json);
  Map<String, dynamic> toJson() => _$UploadToJson(this);
}

@JsonSerializable()
class Base {
  final String id;
  const Base({required this.id});
}
"""


def test_json_serializable_fields_keys_and_superclass_fields(tmp_path: Path) -> None:
    models = read(tmp_path, **{"upload.dart": SERIALIZABLE})
    upload = obj(models, "Upload")
    assert [f.name for f in upload.fields] == [
        "id",
        "file_name",
        "bytes",
        "purpose",
        "status",
        "mode",
        "labels",
    ]
    assert upload.bases == ("Base",)
    assert upload.closed
    assert fields(models, "Upload")["labels"].type == ListOf(Primitive("string"), unique=True)


def test_json_serializable_required_and_nullable_from_constructor_and_json_key(
    tmp_path: Path,
) -> None:
    got = fields(read(tmp_path, **{"upload.dart": SERIALIZABLE}), "Upload")
    assert (got["file_name"].required, got["file_name"].nullable) == (True, Nullable.NO)
    assert (got["bytes"].required, got["bytes"].nullable) == (False, Nullable.UNKNOWN)
    assert (got["purpose"].required, got["purpose"].nullable) == (True, Nullable.YES)
    assert got["status"].nullable == Nullable.NO  # disallowNullValue
    assert got["mode"].default == Const("auto")
    assert got["labels"].default == Const([])  # the constructor's default


# --- enums ------------------------------------------------------------------------------------


def values(models: ModelSet, name: str) -> list[object]:
    enum = model(models, name)
    assert isinstance(enum, EnumModel) and enum.values is not None
    return [v.value for v in enum.values]


def test_json_value_annotations_are_the_enum_values(tmp_path: Path) -> None:
    code = """
enum Size {
  @JsonValue('256x256') small,
  @JsonValue('1024x1024') large,
}
enum Level { @JsonValue(1) low, @JsonValue(2) high }
enum Maybe { @JsonValue('yes') yes, @JsonValue(null) none }
"""
    models = read(tmp_path, **{"e.dart": code})
    assert values(models, "Size") == ["256x256", "1024x1024"]
    level = model(models, "Level")
    assert isinstance(level, EnumModel) and level.base == "integer"
    assert values(models, "Maybe") == ["yes"]
    assert model(models, "Maybe").nullable == Nullable.YES


def test_json_enum_value_field_and_field_rename(tmp_path: Path) -> None:
    code = """
@JsonEnum(valueField: 'code')
enum Status {
  active(1, 'act'),
  @JsonValue(9) gone(2, 'gone');
  const Status(this.code, this.label);
  final int code;
  final String label;
}

@JsonEnum(fieldRename: FieldRename.kebab)
enum Mode { autoPilot, manual }
"""
    models = read(tmp_path, **{"e.dart": code})
    assert values(models, "Status") == [1, 9]
    assert values(models, "Mode") == ["auto-pilot", "manual"]


def test_enhanced_enum_value_field_is_the_wire_value(tmp_path: Path) -> None:
    code = """
enum Role {
  user('user'),
  assistant('assistant_role');
  const Role(this.value);
  final String value;
}

enum Voice {
  alloy(id: 'alloy', rank: 1),
  echo(id: 'echo', rank: 2);
  const Voice({required this.id, required this.rank});
  final String id;
  final int rank;
  String toJson() => id;
}
"""
    models = read(tmp_path, **{"e.dart": code})
    assert values(models, "Role") == ["user", "assistant_role"]
    assert values(models, "Voice") == ["alloy", "echo"]  # the field toJson returns


def test_plain_enum_values_are_the_member_names(tmp_path: Path) -> None:
    models = read(tmp_path, **{"e.dart": "enum Plain { first, secondOne }\n"})
    assert values(models, "Plain") == ["first", "secondOne"]


# --- plain classes with fromJson / toJson -----------------------------------------------------

PLAIN = """
class Message {
  final String id;
  final DateTime createdAt;
  final String? name;
  final num score;
  final List<Map<String, Object?>> parts;
  final dynamic extra;
  final String note;

  Message({required this.id, required this.createdAt, this.name, required this.score,
      this.parts = const [], this.extra, required this.note});

  factory Message.fromJson(Map<String, dynamic> json) => Message(
        id: json['id'] as String,
        createdAt: DateTime.parse(json['created_at'] as String),
        name: json['name'] as String?,
        score: json['score'] as num,
        parts: (json['parts'] as List).cast(),
        extra: json['extra'],
        note: json['note_text'] as String,
      );

  Map<String, dynamic> toJson() => {
        'object': 'message',
        'id': id,
        'created_at': createdAt.toIso8601String(),
        if (name != null) 'name': name,
        'score': score,
        'parts': parts,
        'extra': extra,
      };
}
"""


def test_plain_class_wire_names_come_from_the_to_json_map(tmp_path: Path) -> None:
    got = fields(read(tmp_path, **{"m.dart": PLAIN}), "Message")
    assert list(got) == [
        "object",
        "id",
        "created_at",
        "name",
        "score",
        "parts",
        "extra",
        "note_text",
    ]
    assert got["object"].const == Const("message") and got["object"].required
    assert got["created_at"].type == Primitive("string", "date-time")
    assert got["score"].type == Primitive("number")
    assert got["parts"].type == ListOf(MapOf(ANY))
    assert got["extra"].type == ANY and got["extra"].nullable == Nullable.UNKNOWN


def test_plain_class_field_to_json_always_writes_is_required(tmp_path: Path) -> None:
    code = """
class Ping {
  final String kind;
  final String? note;
  Ping({this.kind = 'ping', this.note});
  Map<String, dynamic> toJson() => {'kind': kind, 'note': note};
}
"""
    got = fields(read(tmp_path, **{"p.dart": code}), "Ping")
    assert got["kind"].required and got["kind"].default == Const("ping")
    assert not got["note"].required  # written always, but maybe as null: the code cannot say


def test_plain_class_fields_only_from_json_reads_get_their_key(tmp_path: Path) -> None:
    got = fields(read(tmp_path, **{"m.dart": PLAIN}), "Message")
    assert got["note_text"].type == Primitive("string")  # toJson never writes it
    assert got["note_text"].required


def test_plain_class_required_and_nullable_from_the_constructor(tmp_path: Path) -> None:
    got = fields(read(tmp_path, **{"m.dart": PLAIN}), "Message")
    assert (got["id"].required, got["id"].nullable) == (True, Nullable.NO)
    assert (got["name"].required, got["name"].nullable) == (False, Nullable.UNKNOWN)
    assert got["parts"].default == Const([])


def test_plain_class_with_only_from_json_positional_arguments(tmp_path: Path) -> None:
    code = """
class Point {
  final double x;
  final double? y;
  Point(this.x, [this.y]);
  static Point fromJson(Map<String, dynamic> data) =>
      Point(data['px'] as double, data['py'] as double?);
}
"""
    got = fields(read(tmp_path, **{"p.dart": code}), "Point")
    assert list(got) == ["px", "py"]
    assert (got["px"].required, got["py"].required) == (True, False)


def test_plain_class_to_json_built_in_a_local_map(tmp_path: Path) -> None:
    code = """
class Tool {
  final String name;
  final String? description;
  Tool({required this.name, this.description});
  Map<String, dynamic> toJson() {
    final map = <String, dynamic>{'tool_name': name};
    if (description != null) map['desc'] = description;
    return map;
  }
}
"""
    got = fields(read(tmp_path, **{"t.dart": code}), "Tool")
    assert list(got) == ["tool_name", "desc"]
    assert not got["desc"].required


# --- sealed families --------------------------------------------------------------------------

FAMILY = """
sealed class Event {
  const Event();
  factory Event.fromJson(Map<String, dynamic> json) {
    switch (json['type']) {
      case 'created':
        return Created.fromJson(json);
      case 'deleted':
        return Deleted.fromJson(json);
    }
    return UnknownEvent(json);
  }
}

final class UnknownEvent extends Event {
  final Map<String, dynamic> json;
  const UnknownEvent(this.json);
  Map<String, dynamic> toJson() => json;
}

final class Created extends Event {
  final String id;
  const Created({required this.id});
  factory Created.fromJson(Map<String, dynamic> json) => Created(id: json['id'] as String);
  Map<String, dynamic> toJson() => {'type': 'created', 'id': id};
}

final class Deleted extends Event {
  final String id;
  const Deleted({required this.id});
  factory Deleted.fromJson(Map<String, dynamic> json) => Deleted(id: json['id'] as String);
  Map<String, dynamic> toJson() => {'type': 'deleted', 'id': id};
}
"""


def test_sealed_family_is_a_union_with_the_from_json_switch_as_discriminator(
    tmp_path: Path,
) -> None:
    models = read(tmp_path, **{"event.dart": FAMILY})
    union = model(models, "Event")
    assert isinstance(union, UnionModel)
    assert union.variants == (Ref("Created"), Ref("Deleted"))  # not the fallback class
    assert union.discriminator == Discriminator(
        "type", (("created", "Created"), ("deleted", "Deleted"))
    )
    assert fields(models, "Created")["type"].const == Const("created")


def test_sealed_family_discriminator_from_constant_to_json_entries(tmp_path: Path) -> None:
    code = """
sealed class Part { const Part(); }
class TextPart extends Part {
  final String text;
  TextPart(this.text);
  Map<String, dynamic> toJson() => {'kind': 'text', 'text': text};
}
class ImagePart implements Part {
  final String url;
  ImagePart(this.url);
  Map<String, dynamic> toJson() => {'kind': 'image', 'url': url};
}
"""
    union = model(read(tmp_path, **{"part.dart": code}), "Part")
    assert isinstance(union, UnionModel)
    assert union.discriminator == Discriminator(
        "kind", (("image", "ImagePart"), ("text", "TextPart"))
    )


def test_sealed_family_dispatching_with_a_switch_expression(tmp_path: Path) -> None:
    code = """
abstract class Animal {
  static Animal fromJson(Map<String, dynamic> json) => switch (json['kind'] as String) {
        'cat' => Cat.fromJson(json),
        _ => throw ArgumentError(),
      };
}
class Cat extends Animal {
  final bool indoor;
  Cat(this.indoor);
  factory Cat.fromJson(Map<String, dynamic> json) => Cat(json['indoor'] as bool);
}
"""
    union = model(read(tmp_path, **{"a.dart": code}), "Animal")
    assert isinstance(union, UnionModel)
    assert union.discriminator == Discriminator("kind", (("cat", "Cat"),))


# --- typedefs, types, skipped code ------------------------------------------------------------


def test_typedefs_of_data_types_are_aliases_and_function_typedefs_are_skipped(
    tmp_path: Path,
) -> None:
    code = """
typedef Ids = List<String>;
typedef Metadata = Map<String, String>;
typedef Callback = void Function(String);
"""
    models = read(tmp_path, **{"t.dart": code})
    assert model(models, "Ids") == AliasModel(
        "Ids",
        ListOf(Primitive("string")),
        nullable=Nullable.UNKNOWN,
        source=Source("t.dart", line=2),
    )
    assert isinstance(model(models, "Metadata"), AliasModel)
    assert "Callback" not in models.by_name()
    assert any("function type" in m for m in messages(models, "skipped"))


def test_dart_types_map_to_the_ir(tmp_path: Path) -> None:
    code = """
@freezed
class T with _$T {
  const factory T({
    required String s, required int i, required double d, required num n, required bool b,
    required DateTime t, required List<int> l, required Map<String, double> m,
    required Object? o, required dynamic y, required Other r, required Map<String, dynamic> j,
  }) = _T;
}
"""
    got = fields(read(tmp_path, **{"t.dart": code}), "T")
    assert {k: f.type for k, f in got.items()} == {
        "s": Primitive("string"),
        "i": Primitive("integer"),
        "d": Primitive("number"),
        "n": Primitive("number"),
        "b": Primitive("boolean"),
        "t": Primitive("string", "date-time"),
        "l": ListOf(Primitive("integer")),
        "m": MapOf(Primitive("number")),
        "o": ANY,
        "y": ANY,
        "r": Ref("Other"),
        "j": MapOf(ANY),
    }
    assert got["o"].nullable == Nullable.UNKNOWN  # free-form: the code cannot say


def test_code_of_no_json_convention_is_skipped_and_counted(tmp_path: Path) -> None:
    code = """
class _Private { Map<String, dynamic> toJson() => {}; }
class Client { final String baseUrl; Client(this.baseUrl); }
class Helper { void run() {} }
class DateConverter implements JsonConverter<DateTime, String> {
  const DateConverter();
  DateTime fromJson(String json) => DateTime.parse(json);
  String toJson(DateTime value) => value.toIso8601String();
}
mixin Loud {}
extension on String {}
"""
    models = read(tmp_path, **{"c.dart": code})
    assert models.models == ()
    skipped = messages(models, "skipped")
    assert any(m.startswith("skipped 2: no JSON convention") for m in skipped), skipped
    assert any(m.startswith("skipped 1: a JSON converter") for m in skipped), skipped
    assert any(m.startswith("skipped 1: a private class") for m in skipped), skipped
    assert any(m.startswith("skipped 1: a mixin") for m in skipped), skipped


def test_a_file_that_does_not_parse_is_read_as_far_as_possible_with_a_located_warning(
    tmp_path: Path,
) -> None:
    broken = """
enum Color { @JsonValue('red') red }

class Broken {
  final String a
  void oops( {
}

enum Size { @JsonValue('s') small }
"""
    models = read(tmp_path, **{"ok.dart": "enum Fine { @JsonValue('x') x }\n", "bad.dart": broken})
    assert "Fine" in models.by_name()
    assert "Color" in models.by_name()
    warnings = [d for d in models.diagnostics if d.code == "parse"]
    assert len(warnings) == 1
    assert warnings[0].source.file == str(tmp_path / "bad.dart")
    assert warnings[0].source.line is not None


def test_build_runner_outputs_are_not_read(tmp_path: Path) -> None:
    models = read(
        tmp_path,
        **{
            "a.dart": "enum A { @JsonValue('a') a }\n",
            "a.g.dart": "enum Generated { x }\n",
            "a.freezed.dart": "class _$A {}\n",
        },
    )
    assert [m.name for m in models.models] == ["A"]


def test_json_serializable_and_freezed_rename_rules() -> None:
    assert renamed("userId", "snake") == "user_id"
    assert renamed("userID", "snake") == "user_i_d"  # json_serializable's rule, letter by letter
    assert renamed("userId", "kebab") == "user-id"
    assert renamed("userId", "pascal") == "UserId"
    assert renamed("userId", "screamingSnake") == "USER_ID"
    assert renamed("userId", None) == "userId"


# --- detection --------------------------------------------------------------------------------


def first_kind(path: Path) -> str:
    import importlib

    for kind, module in kinds().items():
        if importlib.import_module(module).detect(path):
            return kind
    return ""


def test_a_folder_of_dart_files_is_detected_as_a_dart_sdk(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.dart").write_text("class A {}\n", encoding="utf-8")
    assert detect(tmp_path) and detect(tmp_path / "lib" / "a.dart")
    assert first_kind(tmp_path) == "dart-sdk"
    assert not detect(tmp_path / "lib" / "missing")


def test_a_folder_without_dart_files_is_not_a_dart_sdk(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    assert not detect(tmp_path)


def test_openapi_generator_dart_models_are_still_read_by_their_reader(tmp_path: Path) -> None:
    model_dir = tmp_path / "lib" / "model"
    model_dir.mkdir(parents=True)
    (model_dir / "pet.dart").write_text(
        "//\n// AUTO-GENERATED FILE, DO NOT MODIFY!\n//\n\npart of openapi.api;\n\n"
        "class Pet {\n  Pet({required this.id});\n  int id;\n}\n",
        encoding="utf-8",
    )
    assert detect(tmp_path)  # Dart code, but another reader comes first
    assert first_kind(tmp_path) == "openapi-generator"


def test_modelgen_own_dart_output_is_still_read_by_the_dart_code_reader(tmp_path: Path) -> None:
    write_tree(tmp_path, emit("dart", example()).files)
    assert first_kind(tmp_path) == "dart-code"
    assert list(kinds()).index("dart-sdk") > list(kinds()).index("openapi-generator")


# --- the OpenAI Dart SDK ----------------------------------------------------------------------


def test_openai_dart_sdk_reads_without_parse_warnings() -> None:
    models = sdk_reader.load(need(OPENAI_DART), LoadOptions())
    assert not [d for d in models.diagnostics if d.code == "parse"]
    converters = sum(
        len(re.findall(r"implements\s+JsonConverter\s*<", f.read_text(encoding="utf-8")))
        for f in OPENAI_DART.rglob("*.dart")
        if not f.name.endswith((".g.dart", ".freezed.dart"))
    )
    skipped = messages(models, "skipped")
    assert any(m.startswith(f"skipped {converters}: a JSON converter") for m in skipped)


def test_openai_dart_sdk_error_model_as_written() -> None:
    models = sdk_reader.load(need(OPENAI_DART), LoadOptions())
    error = obj(models, "Error")
    assert [(f.name, f.required, f.nullable) for f in error.fields] == [
        ("code", True, Nullable.YES),
        ("message", True, Nullable.NO),
        ("param", True, Nullable.YES),
        ("type", True, Nullable.NO),
    ]
    assert error.source == Source("src/generated/schema/error.dart", line=13)


def test_openai_dart_sdk_response_format_union_as_written() -> None:
    models = sdk_reader.load(need(OPENAI_DART), LoadOptions())
    union = model(models, "ResponseFormat")
    assert isinstance(union, UnionModel)
    assert union.discriminator == Discriminator(
        "type",
        (
            ("json_object", "ResponseFormatJsonObject"),
            ("json_schema", "ResponseFormatJsonSchema"),
            ("text", "ResponseFormatText"),
        ),
    )
    schema = fields(models, "ResponseFormatJsonSchema")
    assert schema["json_schema"].type == Ref("JsonSchemaObject")


def test_a_freezed_variant_parameter_named_like_the_union_key_is_read_as_declared(
    tmp_path: Path,
) -> None:
    code = """
@Freezed(unionKey: 'event', unionValueCase: FreezedUnionCase.snake)
sealed class StreamEvent with _$StreamEvent {
  const factory StreamEvent.doneEvent({
    required EventType event,
    required String data,
  }) = DoneEvent;

  const factory StreamEvent.errorEvent({
    required EventType event,
    required Map<String, dynamic> data,
  }) = ErrorEvent;

  factory StreamEvent.fromJson(Map<String, dynamic> json) => _$StreamEventFromJson(json);
}

enum EventType {
  @JsonValue('done')
  done,
  @JsonValue('error')
  error,
}
"""
    models = read(tmp_path, **{"event.dart": code})
    done = fields(models, "DoneEvent")
    # the variant's own fromJson/toJson read and write `event` as an EventType
    assert done["event"].type == Ref("EventType") and done["event"].const is None
    union = model(models, "StreamEvent")
    assert isinstance(union, UnionModel) and union.discriminator is not None
    assert dict(union.discriminator.mapping) == {
        "done_event": "DoneEvent",
        "error_event": "ErrorEvent",
    }
