"""Small hand-written specs whose pydantic package datamodel-code-generator spells otherwise
than the spec: each package is in parity with its spec (``modelgen parity SPEC OUT``), and
the code says what makes it so. The parity rules these lean on are tested, with the drift
they must still find, in tests/compare/."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from generator.compare import parity
from generator.ir import ANY, ModelSet, Nullable, ObjectModel
from generator.sources import load
from generator.targets.pydantic.markers import MODELS_FILE
from tests.targets.pydantic.support import write_package

HEAD = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
"""


def _spec(tmp_path: Path, schemas: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(HEAD + textwrap.indent(textwrap.dedent(schemas), "    "), encoding="utf-8")
    return path


def _generated(tmp_path: Path, schemas: str) -> tuple[ModelSet, Path]:
    """The spec's models and the package written for them."""
    models = load(_spec(tmp_path, schemas))
    package, _ = write_package(models, tmp_path / "out", "pkg")
    return models, package


def _drift(models: ModelSet, package: Path) -> list[tuple[str, str | None, str]]:
    report = parity.compare([models, load(package)], ["spec", "pydantic"])
    return [(f.model, f.field, f.kind) for f in report.findings() if f.category == "drift"]


def _annotations(package: Path, cls: str) -> dict[str, str]:
    """Field name -> its annotation, of one class of the package."""
    tree = ast.parse((package / MODELS_FILE).read_text(encoding="utf-8"))
    (node,) = (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    return {
        s.target.id: ast.unparse(s.annotation)
        for s in node.body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }


def test_formats_datamodel_code_generator_would_type_otherwise_keep_the_json_type(
    tmp_path: Path,
) -> None:
    models, package = _generated(
        tmp_path,
        """
        Times:
          type: object
          required: [created_at, when, v4, v6, count]
          properties:
            created_at: {type: number, format: unixtime}
            when: {type: number, format: date-time}
            v4: {type: string, format: ipv4}
            v6: {type: string, format: ipv6}
            count: {type: string, format: integer}
        """,
    )
    assert _annotations(package, "Times") == {
        "created_at": "float",
        "when": "float",
        "v4": "str",
        "v6": "str",
        "count": "str",
    }
    assert _drift(models, package) == []


def test_a_field_named_date_keeps_its_date_type_under_the_imported_alias(
    tmp_path: Path,
) -> None:
    models, package = _generated(
        tmp_path,
        """
        Day:
          type: object
          required: [date]
          properties:
            date: {type: string, format: date}
        """,
    )
    assert _annotations(package, "Day") == {"date": "date_aliased"}
    assert _drift(models, package) == []


def test_a_free_form_field_is_read_back_of_unknown_nullability(tmp_path: Path) -> None:
    """datamodel-code-generator writes ``Any`` for a property that only admits null (``type:
    'null'``, free-form in the IR) as for any free-form one; a typed field keeps its
    nullability."""
    models, package = _generated(
        tmp_path,
        """
        Member:
          type: object
          required: [avatar, name]
          properties:
            avatar: {type: "null"}
            name: {type: [string, "null"]}
        """,
    )
    assert _annotations(package, "Member") == {"avatar": "Any", "name": "str | None"}
    read = load(package).by_name()["Member"]
    assert isinstance(read, ObjectModel)
    fields = {f.name: f for f in read.fields}
    assert (fields["avatar"].type, fields["avatar"].nullable) == (ANY, Nullable.UNKNOWN)
    assert fields["name"].nullable is Nullable.YES
    assert _drift(models, package) == []


def test_a_whole_number_enum_of_type_number_is_in_parity(tmp_path: Path) -> None:
    models, package = _generated(
        tmp_path,
        """
        Level:
          type: number
          enum: [0, 1, 2]
        """,
    )
    assert "class Level(Enum):" in (package / MODELS_FILE).read_text(encoding="utf-8")
    assert _drift(models, package) == []


def test_a_union_of_one_variant_is_a_root_model_of_it_in_parity(tmp_path: Path) -> None:
    """A union that lists one schema twice (under two titles): datamodel-code-generator
    writes ``RootModel[Status]``, which reads back as an alias of ``Status``."""
    models, package = _generated(
        tmp_path,
        """
        Status:
          type: object
          properties:
            code: {type: string}
        Wrapper:
          type: object
          properties:
            one:
              anyOf:
                - {title: first, $ref: "#/components/schemas/Status"}
                - {title: second, $ref: "#/components/schemas/Status"}
        """,
    )
    assert _annotations(package, "WrapperOne") == {"root": "Status"}
    assert _drift(models, package) == []


def test_a_discriminator_tag_added_to_variants_lacking_it_is_in_parity(tmp_path: Path) -> None:
    """The discriminator's property is on the union's holder, not on its variants (a spec's
    slip); datamodel-code-generator adds it to each variant as the variant's ``Literal``."""
    models, package = _generated(
        tmp_path,
        """
        gcs:
          type: object
          properties:
            bucket: {type: string}
        s3:
          type: object
          properties:
            bucket: {type: string}
        Import:
          type: object
          properties:
            kind: {type: string, enum: [gcs, s3]}
            storage:
              oneOf:
                - $ref: "#/components/schemas/gcs"
                - $ref: "#/components/schemas/s3"
              discriminator:
                propertyName: kind
        """,
    )
    assert _annotations(package, "Gcs")["kind"] == "Literal['gcs']"
    assert _drift(models, package) == []


def test_variants_a_nested_discriminated_union_tags_are_the_specs_variants(
    tmp_path: Path,
) -> None:
    """A union holding another, discriminated one: the spec types the tag a string,
    datamodel-code-generator a ``Literal`` from the discriminator."""
    models, package = _generated(
        tmp_path,
        """
        Cat:
          type: object
          required: [pet_type]
          properties:
            pet_type: {type: string}
            hunts: {type: boolean}
        Dog:
          type: object
          required: [pet_type]
          properties:
            pet_type: {type: string}
            barks: {type: boolean}
        Plain:
          type: object
          properties:
            a: {type: string}
        Holder:
          type: object
          properties:
            config:
              oneOf:
                - $ref: "#/components/schemas/Plain"
                - oneOf:
                    - $ref: "#/components/schemas/Cat"
                    - $ref: "#/components/schemas/Dog"
                  discriminator:
                    propertyName: pet_type
        """,
    )
    assert _annotations(package, "Cat")["pet_type"] == "Literal['Cat']"
    assert _drift(models, package) == []
