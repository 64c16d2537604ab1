"""The php-sdk reader: PHP model code modelgen did not write, read by convention (tree-sitter,
nothing executed). One test per convention on small hand-written PHP, then detection next to
the other PHP readers, then the openai-php/client corpus."""

from __future__ import annotations

import textwrap
from importlib import import_module
from pathlib import Path

import pytest

from generator import cli
from generator.ir import (
    ANY,
    Const,
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
from generator.sources import kinds, load
from generator.targets.php import sdk_reader
from tests.support.paths import CORPUS, EXAMPLE_SPEC, need
from tests.targets.php.support import generate

OPENAI = CORPUS / "sdks" / "openai"
STRING = Primitive("string")
INTEGER = Primitive("integer")


def _read(tmp_path: Path, files: dict[str, str]) -> ModelSet:
    for rel, body in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<?php\n" + textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return load(tmp_path, kind="php-sdk")


def _model(models: ModelSet, name: str) -> Model:
    return models.by_name()[name]


def _object(models: ModelSet, name: str) -> ObjectModel:
    model = _model(models, name)
    assert isinstance(model, ObjectModel), model
    return model


def _fields(models: ModelSet, name: str) -> dict[str, Field]:
    return {f.name: f for f in _object(models, name).fields}


def _facts(field: Field) -> tuple[object, bool, Nullable]:
    return field.type, field.required, field.nullable


def _detected(path: Path) -> str | None:
    """The kind ``load`` picks for ``path``: the first whose ``detect`` accepts it."""
    found = (k for k, module in kinds().items() if import_module(module).detect(path))
    return next(found, None)


# --- typed properties -----------------------------------------------------------------------


def test_typed_properties_are_fields_named_by_the_property(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Pet.php": """
            namespace Shop;
            final class Pet {
                public int $id;
                public ?string $nickname;
                public string $kind = 'dog';
                private string $secret;
                public static int $count = 0;
            }
            """
        },
    )
    fields = _fields(models, "Pet")
    assert list(fields) == ["id", "nickname", "kind"]
    assert _facts(fields["id"]) == (INTEGER, True, Nullable.NO)
    assert _facts(fields["nickname"]) == (STRING, True, Nullable.YES)
    assert _facts(fields["kind"]) == (STRING, False, Nullable.NO)  # has a default


def test_promoted_constructor_properties_are_fields(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Owner.php": """
            final class Owner {
                public function __construct(
                    public readonly string $name,
                    public readonly ?Owner $parent = null,
                    private readonly int $hidden = 0,
                    string $notPromoted = '',
                ) {}
            }
            """
        },
    )
    fields = _fields(models, "Owner")
    assert list(fields) == ["name", "parent"]
    assert _facts(fields["name"]) == (STRING, True, Nullable.NO)
    assert _facts(fields["parent"]) == (Ref("Owner"), False, Nullable.YES)


def test_phpdoc_property_tags_are_fields(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Charge.php": """
            /**
             * A charge.
             *
             * @property string $id
             * @property-read null|int $amount_refunded
             * @property list<string> $tags
             */
            class Charge extends StripeObject {}
            """
        },
    )
    fields = _fields(models, "Charge")
    assert _facts(fields["id"]) == (STRING, True, Nullable.NO)
    assert _facts(fields["amount_refunded"]) == (INTEGER, True, Nullable.YES)
    assert fields["tags"].type == ListOf(STRING)


def test_var_and_param_tags_type_what_the_declaration_cannot(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Order.php": """
            namespace Shop;
            use Shop\\Items\\Line;
            final class Order {
                /** @var list<Line> */
                public array $lines;
                /** @var array<string, int> */
                public array $counts;
                /**
                 * @param  Line[]  $extra
                 * @param  array<string, array<int, string>>  $labels
                 */
                public function __construct(public array $extra, public array $labels) {}
            }
            """,
            "Items/Line.php": """
            namespace Shop\\Items;
            final class Line { public string $sku; }
            """,
        },
    )
    fields = _fields(models, "Order")
    assert fields["lines"].type == ListOf(Ref("Line"))
    assert fields["counts"].type == MapOf(INTEGER)
    assert fields["extra"].type == ListOf(Ref("Line"))
    assert fields["labels"].type == MapOf(ListOf(STRING))


def test_to_array_keys_name_the_properties_json_keys(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "File.php": """
            final class File {
                public function __construct(public string $fileName, public ?int $byteCount) {}
                public function toArray(): array {
                    return ['file_name' => $this->fileName, 'bytes' => $this->byteCount];
                }
            }
            """
        },
    )
    assert list(_fields(models, "File")) == ["file_name", "bytes"]
    assert "wire_names" in models.knows


def test_property_names_that_are_not_json_keys_leave_wire_names_unknown(tmp_path: Path) -> None:
    models = _read(tmp_path, {"File.php": "final class File { public string $fileName; }"})
    assert list(_fields(models, "File")) == ["fileName"]
    assert "wire_names" not in models.knows
    assert any(d.code == "property-names" for d in models.diagnostics)


# --- array shapes on from() -----------------------------------------------------------------


BATCH = """
namespace Api\\Batches;
final class Batch {
    private function __construct(
        public readonly string $id,
        public readonly ?string $endpoint,
        public readonly ?int $expiresAt,
        public readonly array $errors,
        public readonly ?array $metadata,
    ) {}

    /**
     * @param  array{id: string, object?: 'batch', endpoint: ?string, expires_at: int|null,
     *   errors?: array{object: string, data: array<int, array{code: string, line: ?int}>},
     *   metadata: array<string, string>|null}  $attributes
     */
    public static function from(array $attributes): self
    {
        return new self(
            $attributes['id'],
            $attributes['endpoint'],
            $attributes['expires_at'],
            $attributes['errors'] ?? [],
            $attributes['metadata'],
        );
    }
}
"""


def test_array_shape_keys_are_json_keys_and_question_marks_optional(tmp_path: Path) -> None:
    models = _read(tmp_path, {"Batches/Batch.php": BATCH})
    fields = _fields(models, "Batch")
    assert list(fields) == ["id", "object", "endpoint", "expires_at", "errors", "metadata"]
    assert _facts(fields["id"]) == (STRING, True, Nullable.NO)
    assert _facts(fields["object"]) == (STRING, False, Nullable.NO)
    assert fields["object"].const == Const("batch")
    assert _facts(fields["endpoint"]) == (STRING, True, Nullable.YES)
    assert _facts(fields["expires_at"]) == (INTEGER, True, Nullable.YES)
    assert _facts(fields["metadata"]) == (MapOf(STRING), True, Nullable.YES)
    assert {"wire_names", "nullable", "enum_values", "composition"} <= models.knows
    assert not {"formats", "defaults", "constraints", "descriptions"} & models.knows


def test_nested_shapes_without_a_class_become_inline_models_named_after_parent_and_key(
    tmp_path: Path,
) -> None:
    models = _read(tmp_path, {"Batches/Batch.php": BATCH})
    assert _fields(models, "Batch")["errors"].type == Ref("BatchErrors")
    errors = _object(models, "BatchErrors")
    assert errors.inline
    assert {f.name: f.type for f in errors.fields} == {
        "object": STRING,
        "data": ListOf(Ref("BatchErrorsDataItem")),
    }
    item = _fields(models, "BatchErrorsDataItem")
    assert _facts(item["line"]) == (INTEGER, True, Nullable.YES)
    assert _object(models, "BatchErrorsDataItem").inline


def test_nested_shapes_the_factory_builds_a_class_for_refer_to_that_class(
    tmp_path: Path,
) -> None:
    models = _read(
        tmp_path,
        {
            "Run.php": """
            final class Run {
                /** @param array<int, RunStep> $steps */
                private function __construct(
                    public readonly ?RunUsage $usage,
                    public readonly array $steps,
                    public readonly array $tools,
                ) {}
                /**
                 * @param array{usage?: array{total: int}, steps: array<int, array{id: string}>,
                 *   tools: list<array{type: string}>} $attributes
                 */
                public static function from(array $attributes): self {
                    $tools = array_map(fn (array $t): RunTool => RunTool::from($t),
                        $attributes['tools']);
                    return new self(
                        usage: isset($attributes['usage'])
                            ? RunUsage::from($attributes['usage']) : null,
                        steps: array_map(fn (array $s) => RunStep::from($s), $attributes['steps']),
                        tools: $tools,
                    );
                }
            }
            """,
            "RunUsage.php": """
            final class RunUsage {
                /** @param array{total: int} $attributes */
                public static function from(array $attributes): self {}
            }
            """,
            "RunStep.php": """
            final class RunStep {
                /** @param array{id: string} $attributes */
                public static function from(array $attributes): self {}
            }
            """,
            "RunTool.php": """
            final class RunTool {
                /** @param array{type: string} $attributes */
                public static function from(array $attributes): self {}
            }
            """,
        },
    )
    fields = _fields(models, "Run")
    assert _facts(fields["usage"]) == (Ref("RunUsage"), False, Nullable.NO)
    assert fields["steps"].type == ListOf(Ref("RunStep"))
    assert fields["tools"].type == ListOf(Ref("RunTool"))
    assert not [m.name for m in models.models if m.inline]


def test_object_shapes_become_inline_models(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Point.php": """
            final class Point {
                /** @var object{x: float, label?: string} */
                public object $at;
            }
            """
        },
    )
    assert _fields(models, "Point")["at"].type == Ref("PointAt")
    at = _fields(models, "PointAt")
    assert _facts(at["x"]) == (Primitive("number"), True, Nullable.NO)
    assert _facts(at["label"]) == (STRING, False, Nullable.NO)


def test_type_aliases_are_followed_and_a_class_shape_alias_refers_to_the_class(
    tmp_path: Path,
) -> None:
    models = _read(
        tmp_path,
        {
            "Error.php": """
            namespace Api;
            /** @phpstan-type ErrorType array{code: string, message: string} */
            final class Error {
                /** @param ErrorType $attributes */
                public static function from(array $attributes): self {}
            }
            """,
            "Reply.php": """
            namespace Api;
            /**
             * @phpstan-import-type ErrorType from Error
             * @phpstan-type Ids array<int, string>
             * @psalm-type ReplyType = array{error: ErrorType|null, ids: Ids}
             */
            final class Reply {
                /** @param ReplyType $attributes */
                public static function from(array $attributes): self {}
            }
            """,
        },
    )
    fields = _fields(models, "Reply")
    assert _facts(fields["error"]) == (Ref("Error"), True, Nullable.YES)
    assert fields["ids"].type == ListOf(STRING)
    assert list(_fields(models, "Error")) == ["code", "message"]


def test_keyed_factory_without_a_shape_reads_the_keys_it_uses(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Event.php": """
            final class Event {
                private function __construct(
                    public readonly string $type,
                    public readonly ?Event $parent,
                    public readonly ?string $note,
                ) {}
                /** @param array<string, mixed> $attributes */
                public static function from(array $attributes): self {
                    return new self(
                        $attributes['type'],
                        Event::from($attributes['parent']),
                        $attributes['note'] ?? null,
                    );
                }
            }
            """
        },
    )
    fields = _fields(models, "Event")
    assert _facts(fields["type"]) == (STRING, True, Nullable.NO)
    assert _facts(fields["parent"]) == (Ref("Event"), True, Nullable.YES)
    assert _facts(fields["note"]) == (STRING, False, Nullable.UNKNOWN)


def test_factory_of_a_union_of_class_shapes_is_a_union(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Item.php": """
            /**
             * @phpstan-import-type TextType from Text
             * @phpstan-import-type ImageType from Image
             * @phpstan-type ItemType TextType|ImageType
             */
            final class Item {
                /** @param ItemType $attributes */
                public static function from(array $attributes): self {}
            }
            """,
            "Text.php": """
            /** @phpstan-type TextType array{type: 'text', text: string} */
            final class Text { /** @param TextType $attributes */
                public static function from(array $attributes): self {} }
            """,
            "Image.php": """
            /** @phpstan-type ImageType array{type: 'image', url: string} */
            final class Image { /** @param ImageType $attributes */
                public static function from(array $attributes): self {} }
            """,
            "Page.php": """
            /** @phpstan-import-type ItemType from Item */
            final class Page { /** @param array{items: list<ItemType>} $attributes */
                public static function from(array $attributes): self {} }
            """,
        },
    )
    item = _model(models, "Item")
    assert isinstance(item, UnionModel)
    assert item.variants == (Ref("Text"), Ref("Image"))
    assert _fields(models, "Page")["items"].type == ListOf(Ref("Item"))


# --- enums ------------------------------------------------------------------------------


def test_backed_enums_are_enums_with_their_values(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Level.php": """
            enum Level: string { case Info = 'info'; case Warning = "warn"; const X = 1; }
            """,
            "Priority.php": "enum Priority: int { case Low = 1; case High = 10; }",
            "Plain.php": "enum Plain { case A; case B; }",
        },
    )
    assert _model(models, "Level") == EnumModel(
        "Level",
        "string",
        (EnumValue("info"), EnumValue("warn")),
        source=Source("Level.php", line=2),
    )
    priority = _model(models, "Priority")
    assert isinstance(priority, EnumModel)
    assert (priority.base, priority.values) == ("integer", (EnumValue(1), EnumValue(10)))
    assert "Plain" not in models.by_name()  # a pure enum has no JSON values


def test_class_constant_enums(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Status.php": """
            final class Status {
                public const ACTIVE = 'active';
                const PAUSED = 'paused';
                private const INTERNAL = 'x';
            }
            """,
            "Job.php": """
            final class Job {
                const STATUS_QUEUED = 'queued';
                const STATUS_DONE = 'done';
                const RETRIES = 3;
                public string $status;
                public int $retries;
            }
            """,
            "Config.php": "final class Config { const NAME = 'x'; const SIZE = 3; }",
        },
    )
    status = _model(models, "Status")
    assert isinstance(status, EnumModel)
    assert status.values == (EnumValue("active"), EnumValue("paused"))
    fields = _fields(models, "Job")
    assert fields["status"].type == Ref("JobStatus")
    job_status = _model(models, "JobStatus")
    assert isinstance(job_status, EnumModel) and job_status.inline
    assert job_status.values == (EnumValue("queued"), EnumValue("done"))
    assert fields["retries"].type == INTEGER  # RETRIES is not RETRIES_*
    assert "Config" not in models.by_name()  # constants of mixed types are no enum


def test_literal_unions_are_inline_enums_and_a_single_literal_a_const(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Run.php": """
            final class Run {
                /** @param array{status: 'queued'|'done'|null, object: 'run', n: 1|2} $a */
                public static function from(array $a): self {}
            }
            """
        },
    )
    fields = _fields(models, "Run")
    assert _facts(fields["status"]) == (Ref("RunStatus"), True, Nullable.YES)
    assert _model(models, "RunStatus") == EnumModel(
        "RunStatus",
        "string",
        (EnumValue("queued"), EnumValue("done")),
        source=Source("Run.php", line=2),
        inline=True,
    )
    assert (fields["object"].type, fields["object"].const) == (STRING, Const("run"))
    n = _model(models, "RunN")
    assert isinstance(n, EnumModel) and n.base == "integer"


def test_a_factory_building_an_sdk_enum_types_the_field_with_it(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Level.php": "enum Level: string { case Info = 'info'; }",
            "Log.php": """
            final class Log {
                private function __construct(public readonly Level $level) {}
                /** @param array{level: string} $attributes */
                public static function from(array $attributes): self {
                    return new self(Level::from($attributes['level']));
                }
            }
            """,
        },
    )
    assert _fields(models, "Log")["level"].type == Ref("Level")


# --- nullable and union types -------------------------------------------------------------


def test_nullable_spellings(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "N.php": """
            final class N {
                public ?string $a;
                public string|null $b;
                /** @var null|string */
                public $c;
                public string $d;
            }
            """
        },
    )
    fields = _fields(models, "N")
    assert [fields[n].nullable for n in "abcd"] == [Nullable.YES] * 3 + [Nullable.NO]
    assert {fields[n].type for n in "abcd"} == {STRING}


def test_union_types_become_inline_unions(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Cat.php": "final class Cat { public string $name; }",
            "Dog.php": "final class Dog { public string $name; }",
            "Home.php": """
            final class Home {
                public Cat|Dog|null $pet;
                public int|string $code;
                public int|float $size;
                /** @var 'none'|'auto'|Cat */
                public $choice;
            }
            """,
        },
    )
    fields = _fields(models, "Home")
    assert _facts(fields["pet"]) == (Ref("HomePet"), True, Nullable.YES)
    assert _model(models, "HomePet") == UnionModel(
        "HomePet", (Ref("Cat"), Ref("Dog")), source=Source("Home.php", line=2), inline=True
    )
    code = _model(models, "HomeCode")
    assert isinstance(code, UnionModel) and code.variants == (INTEGER, STRING)
    assert fields["size"].type == Primitive("number")  # int|float is a JSON number
    choice = _model(models, "HomeChoice")
    assert isinstance(choice, UnionModel)
    assert choice.variants == (Ref("HomeChoice1"), Ref("Cat"))
    assert _model(models, "HomeChoice1") == EnumModel(
        "HomeChoice1",
        "string",
        (EnumValue("none"), EnumValue("auto")),
        source=Source("Home.php", line=2),
        inline=True,
    )


def test_list_and_map_spellings(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "C.php": """
            final class C {
                /** @var array<int, string> */
                public array $a;
                /** @var list<int> */
                public array $b;
                /** @var string[] */
                public array $c;
                /** @var array<string, bool> */
                public array $d;
                /** @var non-empty-array<array-key, string> */
                public array $e;
                public array $f;
            }
            """
        },
    )
    fields = _fields(models, "C")
    assert [fields[n].type for n in "abcdef"] == [
        ListOf(STRING),
        ListOf(INTEGER),
        ListOf(STRING),
        MapOf(Primitive("boolean")),
        ListOf(STRING),
        ANY,  # a bare array may be a list or an object
    ]


def test_what_the_code_cannot_say_is_unknown(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "U.php": """
            final class U {
                public mixed $a;
                public $b;
                public \\Vendor\\Money $c;
            }
            """
        },
    )
    fields = _fields(models, "U")
    for name in "abc":
        assert (fields[name].type, fields[name].nullable) == (ANY, Nullable.UNKNOWN)
    codes = {d.code for d in models.diagnostics}
    assert "unresolved" in codes


# --- names, sources, skips ----------------------------------------------------------------


def test_models_are_named_by_class_with_file_and_line(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Responses/Batches/BatchResponse.php": """
            namespace Api\\Responses\\Batches;

            final class BatchResponse { public string $id; }
            """
        },
    )
    model = _object(models, "BatchResponse")
    assert model.source == Source("Responses/Batches/BatchResponse.php", line=4)
    assert model.fields[0].source == Source("Responses/Batches/BatchResponse.php", line=4)


def test_a_class_name_declared_in_two_namespaces_is_qualified(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Api/Chat/CreateResponse.php": """
            namespace Vendor\\Api\\Chat;
            final class CreateResponse { public string $id; public Usage $usage; }
            """,
            "Api/Chat/Usage.php": """
            namespace Vendor\\Api\\Chat;
            final class Usage { public int $n; }
            """,
            "Api/Files/CreateResponse.php": """
            namespace Vendor\\Api\\Files;
            final class CreateResponse { public int $bytes; }
            """,
        },
    )
    names = sorted(models.by_name())
    assert names == ["Chat\\CreateResponse", "Files\\CreateResponse", "Usage"]
    assert _fields(models, "Chat\\CreateResponse")["usage"].type == Ref("Usage")


def test_declarations_that_are_no_models_are_skipped_and_counted(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Contract.php": "interface Contract { public function toArray(): array; }",
            "Helps.php": "trait Helps { public string $x; }",
            "Oops.php": "final class Oops extends \\RuntimeException { public int $code2; }",
            "Client.php": """
            final class Client {
                public function __construct(private readonly string $key) {}
                public function send(): void {}
            }
            """,
            "Key.php": """
            final class Key {
                private function __construct(public readonly string $key) {}
                public static function from(string $key): self { return new self($key); }
            }
            """,
            "Broken.php": "final class Broken { public string $x = ; }",
            "Pet.php": "final class Pet { public string $name; }",
            "Again.php": "final class Pet { public int $age; }",
        },
    )
    assert list(models.by_name()) == ["Pet"]
    assert list(_fields(models, "Pet")) == ["age"]  # Again.php is read first
    skipped = {d.message.split(":")[0] for d in models.diagnostics if d.code == "skipped"}
    assert skipped == {
        "skipped 1 exceptions",
        "skipped 1 interfaces",
        "skipped 1 traits",
        "skipped 1 no public data (no from() factory, public property or scalar constants)",
        "skipped 1 value objects built from a scalar (a from() taking no array)",
        "skipped 1 syntax errors in the declaration",
        "skipped 1 declared again (the first declaration is read)",
    }


def test_unknown_phpdoc_is_read_as_any_without_failing(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "Odd.php": """
            /** @phpstan-type Broken array{a: */
            final class Odd {
                /** @var ($x is int ? string : int) */
                public $a;
                /** @var Foo::BAR */
                public $b;
            }
            """
        },
    )
    fields = _fields(models, "Odd")
    assert fields["a"].type == ANY and fields["b"].type == ANY
    assert any(d.code == "unreadable" for d in models.diagnostics)


# --- detection ----------------------------------------------------------------------------


def test_a_folder_of_php_is_detected_as_php_sdk(tmp_path: Path) -> None:
    (tmp_path / "src" / "Deep").mkdir(parents=True)
    (tmp_path / "src" / "Deep" / "Pet.php").write_text("<?php final class Pet {}\n")
    assert _detected(tmp_path) == "php-sdk"
    assert _detected(tmp_path / "src" / "Deep" / "Pet.php") == "php-sdk"
    (tmp_path / "empty").mkdir()
    assert not sdk_reader.detect(tmp_path / "empty")
    assert not sdk_reader.detect(tmp_path / "missing")


def test_dependencies_and_hidden_folders_are_not_read(tmp_path: Path) -> None:
    models = _read(
        tmp_path,
        {
            "vendor/acme/Dep.php": "final class Dep { public string $x; }",
            ".cache/Old.php": "final class Old { public string $x; }",
            "src/Pet.php": "final class Pet { public string $name; }",
        },
    )
    assert list(models.by_name()) == ["Pet"]
    (tmp_path / "src" / "Pet.php").unlink()
    assert not sdk_reader.detect(tmp_path)  # only dependencies' PHP left


def test_modelgen_output_and_openapi_generator_classes_keep_their_readers(
    tmp_path: Path,
) -> None:
    generate(load(EXAMPLE_SPEC), tmp_path / "own")
    assert _detected(tmp_path / "own") == "php-code"
    model = tmp_path / "oag" / "lib" / "Model"
    model.mkdir(parents=True)
    (model / "Pet.php").write_text(
        "<?php\nclass Pet { protected static $openAPITypes = ['name' => 'string']; }\n"
    )
    assert _detected(tmp_path / "oag") == "openapi-generator"


# --- the openai-php/client corpus ----------------------------------------------------------


@pytest.fixture(scope="module")
def openai_php() -> ModelSet:
    return load(need(OPENAI / "php" / "src"), kind="php-sdk")


def test_openai_php_batch_response_as_its_phpdoc_states_it(openai_php: ModelSet) -> None:
    # Responses/Batches/BatchResponse.php: `errors?: array{object: string, data: ...}` and
    # `output_file_id: ?string` in the from() shape; BatchResponseErrors::from() builds errors.
    fields = _fields(openai_php, "BatchResponse")
    assert _facts(fields["errors"]) == (Ref("BatchResponseErrors"), False, Nullable.NO)
    assert _facts(fields["output_file_id"]) == (STRING, True, Nullable.YES)
    assert _facts(fields["metadata"]) == (MapOf(STRING), True, Nullable.YES)
    errors = _fields(openai_php, "BatchResponseErrors")
    assert errors["data"].type == ListOf(Ref("BatchResponseErrorsData"))
    assert _object(openai_php, "BatchResponse").source == Source(
        "Responses/Batches/BatchResponse.php", line=17
    )


def test_openai_php_aliases_unions_and_enums(openai_php: ModelSet) -> None:
    # Input/FunctionToolCallOutput.php spells a status `'incompleted'`.
    status = _model(openai_php, "FunctionToolCallOutputStatus")
    assert isinstance(status, EnumModel)
    assert EnumValue("incompleted") in (status.values or ())
    # Conversations/ConversationItemList.php: `data: ConversationItemObjectTypes`, built as
    # ConversationItem, whose from() takes a union of 22 item shapes.
    assert _fields(openai_php, "ConversationItemList")["data"].type == ListOf(
        Ref("ConversationItem")
    )
    item = _model(openai_php, "ConversationItem")
    assert isinstance(item, UnionModel) and len(item.variants) == 22
    # Enums/Moderations/Category.php
    category = _model(openai_php, "Category")
    assert isinstance(category, EnumModel)
    assert EnumValue("self-harm/intent") in (category.values or ())


@pytest.mark.slow
def test_parity_of_openai_php_against_its_spec_finds_drift_without_failing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec, sdk = need(OPENAI / "openapi.yaml"), need(OPENAI / "php" / "src")
    assert cli.main(["parity", str(spec), str(sdk)]) == 1
    assert "php-sdk: read" in capsys.readouterr().err


def test_a_shape_key_the_factory_reads_under_isset_is_optional_of_unknown_nullability(
    tmp_path: Path,
) -> None:
    models = _read(
        tmp_path,
        {
            "Thread.php": """
            final class Thread {
                /**
                 * @param array{id: string, usage: ?array{total: int}, name: ?string} $attributes
                 */
                public static function from(array $attributes): self {
                    return new self(
                        $attributes['id'],
                        isset($attributes['usage']) ? Usage::from($attributes['usage']) : null,
                        $attributes['name'],
                    );
                }
            }
            """,
            "Usage.php": """
            final class Usage {
                /** @param array{total: int} $attributes */
                public static function from(array $attributes): self {}
            }
            """,
        },
    )
    fields = _fields(models, "Thread")
    assert (fields["usage"].required, fields["usage"].nullable) == (False, Nullable.UNKNOWN)
    # read without a check: the shape's word stands (present, null allowed)
    assert (fields["name"].required, fields["name"].nullable) == (True, Nullable.YES)
    assert fields["id"].required
