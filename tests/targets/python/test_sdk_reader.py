"""The Python SDK reader (``python-sdk``): model code modelgen did not write, read by
convention with ``ast``. One test per convention, on small hand-written modules."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
)
from generator.sources import kinds, load
from generator.targets.python.sdk_reader import detect
from tests.support.models import example
from tests.targets.python.support import generate

STRING = Primitive("string")
INTEGER = Primitive("integer")


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _read(tmp_path: Path, files: dict[str, str]) -> ModelSet:
    return load(_write(tmp_path / "sdk", files), kind="python-sdk")


def _model(models: ModelSet, name: str) -> Model:
    return models.by_name()[name]


def _fields(models: ModelSet, name: str) -> dict[str, Field]:
    model = _model(models, name)
    assert isinstance(model, ObjectModel), model
    return {f.name: f for f in model.fields}


def _facts(f: Field) -> tuple[object, bool, str]:
    return f.type, f.required, f.nullable.value


# --- pydantic ------------------------------------------------------------------------------


PYDANTIC_V2 = """
    from typing import Dict, List, Optional, Union
    from typing_extensions import Annotated, Literal
    from pydantic import BaseModel, Field


    class Cat(BaseModel):
        kind: Literal["cat"]
        lives: int


    class Dog(BaseModel):
        kind: Literal["dog"]


    class Pet(BaseModel):
        id: str
        name: Optional[str] = None
        nickname: Optional[str]
        schema_: str = Field(alias="schema")
        tags: List[str] = Field(default_factory=list)
        labels: Dict[str, int] = {}
        status: Literal["available", "sold"]
        animal: Annotated[Union[Cat, Dog], Field(discriminator="kind")]
        owner: "Owner | None" = None


    class Owner(BaseModel):
        email: str
"""


def test_pydantic_v2_fields_defaults_aliases_and_optional(tmp_path: Path) -> None:
    models = _read(tmp_path, {"pets.py": PYDANTIC_V2})
    pet = _fields(models, "Pet")
    assert list(pet) == [
        "id", "name", "nickname", "schema", "tags", "labels", "status", "animal", "owner"
    ]  # fmt: skip
    assert _facts(pet["id"]) == (STRING, True, "no")
    assert _facts(pet["name"]) == (STRING, False, "yes")  # Optional[X] = None
    assert _facts(pet["nickname"]) == (STRING, True, "yes")  # v2: no default, required
    assert _facts(pet["schema"]) == (STRING, True, "no")  # Field(alias=...)
    assert _facts(pet["tags"]) == (ListOf(STRING), False, "no")
    assert _facts(pet["labels"]) == (MapOf(INTEGER), False, "no")
    assert _facts(pet["owner"]) == (Ref("Owner"), False, "yes")  # a string annotation
    assert "wire_names" in models.knows


def test_pydantic_literals_are_constants_or_enums_declared_in_place(tmp_path: Path) -> None:
    models = _read(tmp_path, {"pets.py": PYDANTIC_V2})
    kind = _fields(models, "Cat")["kind"]
    assert (kind.type, kind.const is not None and kind.const.value) == (STRING, "cat")
    status = _fields(models, "Pet")["status"]
    assert status.type == Ref("Pet.status")
    enum = _model(models, "Pet.status")
    assert isinstance(enum, EnumModel) and enum.inline
    assert [v.value for v in enum.values or ()] == ["available", "sold"]


def test_pydantic_discriminated_union_declared_in_place(tmp_path: Path) -> None:
    models = _read(tmp_path, {"pets.py": PYDANTIC_V2})
    animal = _fields(models, "Pet")["animal"]
    union = _model(models, "Pet.animal")
    assert animal.type == Ref("Pet.animal")
    assert isinstance(union, UnionModel) and union.inline
    assert union.variants == (Ref("Cat"), Ref("Dog"))
    assert union.discriminator is not None
    assert union.discriminator.property == "kind"
    assert union.discriminator.mapping == (("cat", "Cat"), ("dog", "Dog"))


def test_pydantic_v1_optional_without_default_is_optional(tmp_path: Path) -> None:
    source = """
        from typing import List, Optional
        from pydantic.v1 import BaseModel, Field


        class Item(BaseModel):
            name: Optional[str]
            size: int = Field(..., alias="Size")
            parts: List[str]

            class Config:
                allow_population_by_field_name = True


        class Items(BaseModel):
            __root__: List[Item]
    """
    models = _read(tmp_path, {"items.py": source})
    item = _fields(models, "Item")
    assert _facts(item["name"]) == (STRING, False, "yes")
    assert _facts(item["Size"]) == (INTEGER, True, "no")  # Field(...) is required
    assert _facts(item["parts"]) == (ListOf(STRING), True, "no")
    assert _model(models, "Items") == AliasModel(
        "Items", ListOf(Ref("Item")), source=_model(models, "Items").source
    )


def test_pydantic_alias_generator_and_root_model(tmp_path: Path) -> None:
    source = """
        from typing import List
        from pydantic import BaseModel, ConfigDict, RootModel
        from pydantic.alias_generators import to_camel


        class CamelModel(BaseModel):
            model_config = ConfigDict(alias_generator=to_camel)


        class Event(CamelModel):
            event_id: str
            created_at: int


        class Events(RootModel[List[Event]]):
            pass
    """
    models = _read(tmp_path, {"events.py": source})
    assert list(_fields(models, "Event")) == ["eventId", "createdAt"]
    events = _model(models, "Events")
    assert isinstance(events, AliasModel) and events.target == ListOf(Ref("Event"))


def test_stainless_models_annotated_property_info_and_type_aliases(tmp_path: Path) -> None:
    files = {
        "_utils.py": "class PropertyInfo:\n    def __init__(self, **kw): ...\n",
        "types/__init__.py": "",
        "types/shared/__init__.py": "from .metadata import Metadata as Metadata\n",
        "types/shared/metadata.py": """
            from typing import Dict
            from typing_extensions import TypeAlias

            Metadata: TypeAlias = Dict[str, str]
        """,
        "types/text_block.py": """
            from typing_extensions import Literal
            from .._models import BaseModel

            class TextBlock(BaseModel):
                text: str
                type: Literal["text"]
        """,
        "types/image_block.py": """
            from typing_extensions import Literal
            from .._models import BaseModel

            class ImageBlock(BaseModel):
                url: str
                type: Literal["image"]
        """,
        "types/block.py": """
            from typing import Union
            from typing_extensions import Annotated, TypeAlias
            from .._utils import PropertyInfo
            from .text_block import TextBlock
            from .image_block import ImageBlock

            Block: TypeAlias = Annotated[
                Union[TextBlock, ImageBlock], PropertyInfo(discriminator="type")
            ]
        """,
        "types/message.py": """
            from typing import List, Optional
            from .._models import BaseModel
            from .block import Block
            from .shared import Metadata

            class Message(BaseModel):
                content: List[Block]
                metadata: Optional[Metadata] = None
        """,
    }
    root = _write(tmp_path / "sdk", files)
    models = load(root / "types", kind="python-sdk")
    block = _model(models, "Block")
    assert isinstance(block, UnionModel) and not block.inline
    assert block.variants == (Ref("TextBlock"), Ref("ImageBlock"))
    assert block.discriminator is not None
    assert dict(block.discriminator.mapping) == {"text": "TextBlock", "image": "ImageBlock"}
    message = _fields(models, "Message")
    assert message["content"].type == ListOf(Ref("Block"))
    assert message["metadata"].type == Ref("Metadata")  # through shared/__init__.py
    metadata = _model(models, "Metadata")
    assert isinstance(metadata, AliasModel) and metadata.target == MapOf(STRING)
    assert metadata.source.file.endswith("metadata.py") and metadata.source.line == 5


# --- TypedDict -----------------------------------------------------------------------------


def test_typeddict_totality_required_not_required_and_property_info_alias(
    tmp_path: Path,
) -> None:
    source = """
        from typing import Optional
        from typing_extensions import Annotated, NotRequired, Required, TypedDict
        from ._utils import PropertyInfo


        class CreateParams(TypedDict, total=False):
            name: Required[str]
            note: Optional[str]
            schema_: Annotated[str, PropertyInfo(alias="schema")]


        class Point(TypedDict):
            x: int
            y: NotRequired[int]


        Range = TypedDict("Range", {"from": int, "to": int}, total=False)
    """
    models = _read(tmp_path, {"params.py": source})
    params = _fields(models, "CreateParams")
    assert _facts(params["name"]) == (STRING, True, "no")
    assert _facts(params["note"]) == (STRING, False, "yes")
    assert _facts(params["schema"]) == (STRING, False, "no")
    point = _fields(models, "Point")
    assert (point["x"].required, point["y"].required) == (True, False)
    assert {n: f.required for n, f in _fields(models, "Range").items()} == {
        "from": False,
        "to": False,
    }


# --- dataclasses, attrs, msgspec, plain classes ----------------------------------------------


def test_dataclasses_defaults_and_class_variables(tmp_path: Path) -> None:
    source = """
        import dataclasses
        from dataclasses import KW_ONLY, dataclass, field
        from typing import ClassVar, List, Optional


        @dataclass(frozen=True)
        class Invoice:
            KIND: ClassVar[str] = "invoice"
            number: str
            _: KW_ONLY
            lines: List[str] = field(default_factory=list)
            total: Optional[float] = None
            paid: bool = dataclasses.field(default=False)
    """
    models = _read(tmp_path, {"invoice.py": source})
    invoice = _fields(models, "Invoice")
    assert list(invoice) == ["number", "lines", "total", "paid"]
    assert _facts(invoice["number"]) == (STRING, True, "no")
    assert _facts(invoice["lines"]) == (ListOf(STRING), False, "no")
    assert _facts(invoice["total"]) == (Primitive("number"), False, "yes")
    assert _facts(invoice["paid"]) == (Primitive("boolean"), False, "no")
    assert "wire_names" not in models.knows  # attribute names are not JSON keys


def test_attrs_classes(tmp_path: Path) -> None:
    source = """
        import attr
        from attrs import define, field


        @define
        class Refund:
            amount: int
            reason: str = field(default="requested")


        @attr.s(auto_attribs=True)
        class Charge:
            id: str
            captured: bool = attr.ib(default=False)
    """
    models = _read(tmp_path, {"payments.py": source})
    refund, charge = _fields(models, "Refund"), _fields(models, "Charge")
    assert {n: f.required for n, f in refund.items()} == {"amount": True, "reason": False}
    assert {n: f.required for n, f in charge.items()} == {"id": True, "captured": False}


def test_msgspec_structs_rename_and_field_names(tmp_path: Path) -> None:
    source = """
        from typing import Optional
        import msgspec


        class Order(msgspec.Struct, rename="camel", kw_only=True):
            order_id: str
            line_count: int = 0
            note: Optional[str] = None
            from_: str = msgspec.field(name="from")
    """
    models = _read(tmp_path, {"orders.py": source})
    order = _fields(models, "Order")
    assert list(order) == ["orderId", "lineCount", "note", "from"]
    assert [f.required for f in order.values()] == [True, False, False, True]
    assert "wire_names" in models.knows


def test_plain_annotated_classes_inherit_fields_from_their_sdk_bases(tmp_path: Path) -> None:
    files = {
        "base.py": """
            class Resource:
                id: str
                object: str
        """,
        "charge.py": """
            from typing import Optional
            from .base import Resource
            from somewhere import SomeBase


            class Charge(Resource):
                amount: int
                currency: str = "usd"


            class Refund(SomeBase):
                amount: int
                charge: "Charge"
        """,
    }
    models = _read(tmp_path, files)
    charge = _fields(models, "Charge")
    assert list(charge) == ["id", "object", "amount", "currency"]
    assert charge["id"].inherited_from == "Resource"
    assert [f.required for f in charge.values()] == [True, True, True, False]
    refund = _fields(models, "Refund")
    assert refund["charge"].type == Ref("Charge")
    charge_model = _model(models, "Charge")
    assert isinstance(charge_model, ObjectModel) and charge_model.bases == ("Resource",)


# --- enums -----------------------------------------------------------------------------------


def test_enum_classes(tmp_path: Path) -> None:
    source = """
        import enum
        from enum import Enum, IntEnum, auto


        class Color(str, Enum):
            RED = "red"
            GREEN = "green"


        class Level(IntEnum):
            LOW = 1
            HIGH = 2


        class Shade(enum.StrEnum):
            LIGHT = "light"


        class Mode(Enum):
            FAST = auto()
    """
    models = _read(tmp_path, {"colors.py": source})
    color, level, shade, mode = (_model(models, n) for n in ("Color", "Level", "Shade", "Mode"))
    assert isinstance(color, EnumModel) and color.base == "string"
    assert [v.value for v in color.values or ()] == ["red", "green"]
    assert isinstance(level, EnumModel) and level.base == "integer"
    assert [v.value for v in level.values or ()] == [1, 2]
    assert isinstance(shade, EnumModel) and shade.base == "string"
    assert isinstance(mode, EnumModel) and mode.values is None  # auto(): values unknown


def test_a_type_imported_under_another_name_is_read_by_its_own_name(tmp_path: Path) -> None:
    source = """
        from datetime import date as date_aliased
        from typing import Optional as Maybe
        from pydantic import BaseModel


        class Day(BaseModel):
            date: date_aliased
            note: Maybe[str] = None
    """
    fields = _fields(_read(tmp_path, {"days.py": source}), "Day")
    assert _facts(fields["date"]) == (Primitive("string", "date"), True, "no")
    assert _facts(fields["note"]) == (STRING, False, "yes")


def test_ip_address_types_are_strings_of_their_format(tmp_path: Path) -> None:
    source = """
        from ipaddress import IPv4Address, IPv6Address
        from pydantic import BaseModel


        class Host(BaseModel):
            v4: IPv4Address
            v6: IPv6Address | None = None
    """
    fields = _fields(_read(tmp_path, {"hosts.py": source}), "Host")
    assert _facts(fields["v4"]) == (Primitive("string", "ipv4"), True, "no")
    assert _facts(fields["v6"]) == (Primitive("string", "ipv6"), False, "yes")


# --- names, nesting, modules -------------------------------------------------------------------


def test_nested_classes_and_names_two_modules_share(tmp_path: Path) -> None:
    files = {
        "batch.py": """
            from typing import List, Optional
            from pydantic import BaseModel


            class Errors(BaseModel):
                data: Optional[List[str]] = None


            class Batch(BaseModel):
                class RequestCounts(BaseModel):
                    total: int

                errors: Optional[Errors] = None
                request_counts: RequestCounts
        """,
        "job.py": """
            from pydantic import BaseModel


            class Errors(BaseModel):
                code: str


            class Job(BaseModel):
                errors: Errors
        """,
    }
    models = _read(tmp_path, files)
    names = {m.name for m in models.models}
    assert {"Batch", "Batch.RequestCounts", "batch.Errors", "job.Errors", "Job"} <= names
    batch = _fields(models, "Batch")
    assert batch["errors"].type == Ref("batch.Errors")
    assert batch["request_counts"].type == Ref("Batch.RequestCounts")
    assert _fields(models, "Job")["errors"].type == Ref("job.Errors")
    nested = _model(models, "Batch.RequestCounts")
    assert nested.source.file.endswith("batch.py") and nested.source.line == 11


def test_unions_declared_in_place_and_open_enums(tmp_path: Path) -> None:
    source = """
        from typing import List, Optional, Union
        from typing_extensions import Literal
        from pydantic import BaseModel


        class Request(BaseModel):
            stop: Union[str, List[str], None] = None
            model: Union[str, Literal["small", "large"]]
            anything: object
    """
    models = _read(tmp_path, {"request.py": source})
    request = _fields(models, "Request")
    assert _facts(request["stop"]) == (Ref("Request.stop"), False, "yes")
    stop = _model(models, "Request.stop")
    assert isinstance(stop, UnionModel) and stop.variants == (STRING, ListOf(STRING))
    model = _model(models, "Request.model")
    assert isinstance(model, UnionModel)
    assert model.variants == (STRING, Ref("Request.model.1"))
    assert isinstance(_model(models, "Request.model.1"), EnumModel)
    assert request["anything"].type == ANY


# --- what no convention explains ----------------------------------------------------------------


def test_unknown_conventions_are_skipped_and_counted_never_fatal(tmp_path: Path) -> None:
    files = {
        "good.py": """
            from typing import Callable
            from pydantic import BaseModel


            class Good(BaseModel):
                name: str
                callback: Callable[[int], int]


            class Registry(SomethingElse):
                entries = {}


            class Helper:
                def run(self) -> None: ...


            class Failure(Exception):
                pass
        """,
        "broken.py": "class Broken(:\n",
    }
    (tmp_path / "sdk").mkdir()
    (tmp_path / "sdk" / "latin.py").write_bytes(b"x = '\xe9'\nclass Latin:\n    a: int\n")
    models = _read(tmp_path, files)
    assert list(_fields(models, "Good")) == ["name"]
    assert "Registry" not in models.by_name() and "Helper" not in models.by_name()
    messages = sorted(d.message for d in models.diagnostics)
    assert messages == [
        "skipped 1 classes of conventions this reader does not know (the first is here)",
        "skipped 1 fields of types this reader does not know (the first is here)",
        "skipped 2 files that are not Python this reader parses (the first is here)",
    ]
    assert all(d.code == "skipped" for d in models.diagnostics)


def test_reading_never_runs_the_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    source = f"""
        from pathlib import Path
        Path({str(marker)!r}).write_text("ran")
        from pydantic import BaseModel


        class Model(BaseModel):
            value: int
    """
    models = _read(tmp_path, {"side_effects.py": source})
    assert "Model" in models.by_name()
    assert not marker.exists()


def test_detection_and_registration(tmp_path: Path) -> None:
    assert kinds()["python-sdk"] == "generator.targets.python.sdk_reader"
    folder = _write(tmp_path / "sdk", {"models.py": "class A:\n    x: int\n"})
    assert detect(folder) and detect(folder / "models.py")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("no python here")
    assert not detect(tmp_path / "empty")
    assert load(folder).kind == "python-sdk"


def test_modelgen_output_is_still_read_as_its_own_code(tmp_path: Path) -> None:
    folder = generate(example(), "example_pkg").parent
    read = load(folder)
    assert read.kind == "python-code"
    assert load(folder, kind="python-sdk").kind == "python-sdk"
