"""Swagger 2.0, read in-process by the OpenAPI walk into the same IR: ``definitions``,
``x-nullable``, ``type: file``, body and formData parameters named after their operations,
``allOf`` with a discriminator as 2.0 spells it, responses' schemas."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import (
    EnumModel,
    ListOf,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
)
from generator.sources import load
from generator.sources.openapi import loader as openapi

HEAD = "swagger: '2.0'\ninfo: {title: Shop, version: '1.2'}\n"


def spec(tmp_path: Path, body: str) -> ModelSet:
    path = tmp_path / "swagger.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return load(path)


def obj(models: ModelSet, name: str) -> ObjectModel:
    model = models.by_name()[name]
    assert isinstance(model, ObjectModel), model
    return model


def test_definitions_are_models_and_refs_to_them_are_refs(tmp_path: Path) -> None:
    models = spec(
        tmp_path,
        """
        definitions:
          Pet:
            type: object
            required: [name]
            properties:
              name: {type: string}
              tags: {type: array, items: {$ref: '#/definitions/Tag'}}
              owner: {$ref: '#/definitions/Owner', x-nullable: true}
              nickname: {type: string, x-nullable: true}
          Tag: {type: string, enum: [a, b]}
          Owner: {type: object, properties: {id: {type: integer, format: int64}}}
        """,
    )
    assert (models.title, models.version) == ("Shop", "1.2")
    assert [m.name for m in models.models] == ["Owner", "Pet", "Tag"]
    pet = obj(models, "Pet")
    assert [(f.name, f.type, f.required, f.nullable) for f in pet.fields] == [
        ("name", Primitive("string"), True, Nullable.NO),
        ("tags", ListOf(Ref("Tag")), False, Nullable.NO),
        ("owner", Ref("Owner"), False, Nullable.YES),
        ("nickname", Primitive("string"), False, Nullable.YES),
    ]
    assert isinstance(models.by_name()["Tag"], EnumModel)


def test_body_and_form_parameters_are_request_models_named_after_operations(
    tmp_path: Path,
) -> None:
    models = spec(
        tmp_path,
        """
        parameters:
          Limit: {name: limit, in: query, type: integer}
        paths:
          /pets:
            post:
              operationId: addPet
              parameters:
                - {$ref: '#/parameters/Limit'}
                - {name: body, in: body, schema: {type: object, properties: {n: {type: string}}}}
              responses:
                '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}
                '404': {description: no, schema: {type: object, properties: {e: {type: string}}}}
          /pets/{id}/photo:
            parameters:
              - {name: id, in: path, type: string, required: true}
            post:
              operationId: uploadPhoto
              consumes: [multipart/form-data]
              parameters:
                - {name: file, in: formData, type: file, required: true}
                - {name: note, in: formData, type: string}
                - {name: tags, in: formData, type: array, items: {type: string},
                   collectionFormat: csv}
              responses:
                '204': {description: done}
        definitions:
          Pet: {type: object, properties: {name: {type: string}}}
        """,
    )
    assert models.request_roots == {"AddPetRequest", "UploadPhotoRequest"}
    assert models.response_roots == {"Pet", "AddPetResponse404"}
    assert [f.name for f in obj(models, "AddPetRequest").fields] == ["n"]
    upload = obj(models, "UploadPhotoRequest")
    assert upload.inline
    assert [(f.name, f.type, f.required) for f in upload.fields] == [
        ("file", Primitive("string", "binary"), True),
        ("note", Primitive("string"), False),
        ("tags", ListOf(Primitive("string")), False),
    ]
    assert upload.source.pointer == "/paths/~1pets~1{id}~1photo/post/parameters"


def test_allof_subtypes_of_a_discriminated_base_list_it_as_their_base(tmp_path: Path) -> None:
    models = spec(
        tmp_path,
        """
        definitions:
          Pet:
            type: object
            discriminator: petType
            required: [petType]
            properties:
              petType: {type: string}
          Cat:
            allOf:
              - $ref: '#/definitions/Pet'
              - type: object
                properties: {huntingSkill: {type: string}}
        """,
    )
    cat = obj(models, "Cat")
    assert cat.bases == ("Pet",)
    assert [(f.name, f.inherited_from) for f in cat.fields] == [
        ("petType", "Pet"),
        ("huntingSkill", None),
    ]


def test_a_swagger_version_other_than_2_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("swagger: '1.2'\ninfo: {}\n", encoding="utf-8")
    with pytest.raises(ModelgenError, match=r"not a Swagger 2\.0 document"):
        load(path)


def test_type_file_is_only_swagger(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(
        "openapi: 3.0.0\ninfo: {}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Up: {type: object, properties: {f: {type: file}}}\n",
        encoding="utf-8",
    )
    models = load(path)
    assert obj(models, "Up").fields[0].type == Primitive("string", "binary")
    assert [d.code for d in models.diagnostics] == ["unknown-type"]  # a warning in OpenAPI 3


def test_a_folder_with_swagger_json_is_a_spec(tmp_path: Path) -> None:
    (tmp_path / "swagger.json").write_text(
        '{"swagger": "2.0", "info": {}, "definitions": {"A": {"type": "string"}}}'
    )
    assert openapi.detect(tmp_path)
    assert [m.name for m in load(tmp_path).models] == ["A"]
