"""The public-API listing of generated Dart (``api.listing``), read with tree-sitter."""

from __future__ import annotations

from generator.ir import Field, ModelSet, ObjectModel, Primitive, Source
from generator.targets import ApiItem, emit
from generator.targets.dart.api import listing
from tests.targets.dart.fixtures import example


def test_a_parameter_default_is_listed_whole() -> None:
    read = listing(emit("dart", example()).files)
    assert ApiItem("ErrorEvent", "param", "type", "optional = ErrorEventType.error") in read
    assert ApiItem("SessionUpdateEvent", "param", "type", "optional = 'session.update'") in read


def test_a_schema_name_with_brackets_in_the_annotation_leaves_the_class_header_intact() -> None:
    models = ModelSet(
        (ObjectModel("a)", ()), ObjectModel("b", (Field("a", Primitive("string"), True),))),
        Source("test"),
        title="t",
    )
    headers = [i.signature for i in listing(emit("dart", models).files) if i.kind == "class"]
    assert headers == ["final class", "final class"]
