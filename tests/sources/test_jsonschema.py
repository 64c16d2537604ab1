"""The JSON Schema source: detection, naming, references across files and by ``$id``, the
keywords it reads differently from OpenAPI, and quicktype's schema test corpus
(``../shared/corpus/jsonschema-quicktype/``): every schema generates valid Python, Dart and PHP,
and every sample instance beside it (``NAME.N.json``) decodes, in the generated Python, to the
class of the schema's root, and encodes back to the same JSON."""

from __future__ import annotations

import importlib
import json
import re
import sys
import textwrap
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    AliasModel,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
    resolve_name,
)
from generator.sources import load
from generator.sources.jsonschema import loader as jsonschema
from generator.targets import emit
from generator.targets.python.emit import decoder_sources
from tests.sources.generated import (
    dart_problems,
    generate,
    package_name,
    php_problems,
    python_problems,
)
from tests.support.paths import CORPUS, need, need_php

QUICKTYPE = CORPUS / "jsonschema-quicktype"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def obj(models: ModelSet, name: str) -> ObjectModel:
    model = models.by_name()[name]
    assert isinstance(model, ObjectModel), model
    return model


def field(model: ObjectModel, name: str) -> Field:
    return next(f for f in model.fields if f.name == name)


# --- detection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}',
        '{"$defs": {"A": {"type": "string"}}}',
        '{"definitions": {"A": {"type": "string"}}}',
        '{"type": "object"}',
        '{"properties": {"a": {"type": "integer"}}}',
        "type: object\nproperties:\n  a: {type: integer}\n",
    ],
)
def test_a_json_schema_is_recognised_by_its_keys(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "s.json" if text.startswith("{") else "s.yaml", text)
    assert jsonschema.detect(path)
    assert "S" in load(path).by_name()


def test_openapi_and_other_json_are_not_json_schemas(tmp_path: Path) -> None:
    assert not jsonschema.detect(write(tmp_path, "a.json", '{"openapi": "3.1.0", "type": "x"}'))
    assert not jsonschema.detect(write(tmp_path, "b.json", '{"name": "pet", "id": 1}'))
    assert not jsonschema.detect(write(tmp_path, "c.json", "[1, 2]"))
    assert jsonschema.detect(write(tmp_path, "d.schema", '{"$ref": "#/x", "x": {}}'))


# --- models and names -----------------------------------------------------------------------------


def test_the_root_is_named_by_title_else_file_and_defs_by_their_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pet-store.schema.json",
        """
        {"type": "object", "properties": {"pet": {"$ref": "#/$defs/Pet"},
         "tag": {"$ref": "#/definitions/Tag"}},
         "$defs": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}},
         "definitions": {"Tag": {"type": "string"}}}
        """,
    )
    models = load(path)
    assert [m.name for m in models.models] == ["Pet", "PetStore", "Tag"]
    assert field(obj(models, "PetStore"), "pet").type == Ref("Pet")
    titled = write(tmp_path, "t.json", '{"title": "Shop item", "type": "object"}')
    assert [m.name for m in load(titled).models] == ["ShopItem"]


def test_a_root_named_like_a_definition_gets_another_name(tmp_path: Path) -> None:
    path = write(
        tmp_path, "pet.json", '{"$ref": "#/$defs/Pet", "$defs": {"Pet": {"type": "object"}}}'
    )
    models = load(path).by_name()
    assert set(models) == {"Pet", "Pet2"}
    root = models["Pet2"]
    assert isinstance(root, AliasModel) and root.target == Ref("Pet")


def test_a_folder_of_schemas_refers_across_files(tmp_path: Path) -> None:
    write(
        tmp_path,
        "order.schema.json",
        '{"type": "object", "properties": {"item": {"$ref": "parts/item.json#/$defs/Item"},'
        ' "owner": {"$ref": "person.schema.json"}}}',
    )
    write(tmp_path, "person.schema.json", '{"type": "object", "properties": {"n": {}}}')
    write(tmp_path, "parts/item.json", '{"$defs": {"Item": {"type": "integer"}}}')
    write(tmp_path, "sample.json", '{"item": 1}')  # an instance, not a schema: not loaded
    models = load(tmp_path)
    assert [m.name for m in models.models] == ["Item", "Order", "Person"]
    order = obj(models, "Order")
    assert [f.type for f in order.fields] == [Ref("Item"), Ref("Person")]


def test_refs_by_id_and_anchor_stay_inside_the_folder(tmp_path: Path) -> None:
    write(
        tmp_path,
        "root.json",
        """
        {"$id": "https://example.com/schemas/root.json", "type": "object",
         "properties": {
           "a": {"$ref": "https://example.com/schemas/address.json"},
           "b": {"$ref": "address.json#/$defs/Street"},
           "c": {"$ref": "#item"},
           "d": {"$ref": "#named"}},
         "$defs": {"single": {"$id": "#item", "type": "integer"},
                   "other": {"$anchor": "named", "type": "boolean"}}}
        """,
    )
    write(
        tmp_path,
        "address.json",
        '{"$id": "https://example.com/schemas/address.json", "type": "object",'
        ' "$defs": {"Street": {"type": "string"}}}',
    )
    models = load(tmp_path / "root.json")
    root = obj(models, "Root")
    assert [f.type for f in root.fields] == [
        Ref("Address"),
        Ref("Street"),
        Ref("single"),
        Ref("other"),
    ]


def test_a_url_no_schema_of_the_folder_carries_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "r.schema.json", '{"$ref": "https://example.com/elsewhere.json"}')
    with pytest.raises(ModelgenError, match="refused"):
        load(path)


def test_pattern_properties_are_maps_and_dependent_required_is_noted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "m.json",
        """
        {"type": "object",
         "properties": {
           "counts": {"type": "object", "patternProperties": {"^x-": {"type": "integer"}}},
           "mixed": {"patternProperties": {"^a": {"type": "integer"}, "^b": {"type": "string"}}}},
         "patternProperties": {".*": {"type": "string"}},
         "dependentRequired": {"counts": ["mixed"]}}
        """,
    )
    models = load(path)
    m = obj(models, "M")
    assert field(m, "counts").type == MapOf(Primitive("integer"))
    assert field(m, "mixed").type == MapOf(ANY)
    assert m.additional == Primitive("string")
    [note] = models.diagnostics
    assert (note.code, note.degraded, note.source.pointer) == (
        "ignored-keyword",
        False,
        "/dependentRequired",
    )


def test_draft_04_tuples_and_exclusive_bounds_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "d.json",
        """
        {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
         "properties": {"t": {"type": "array", "items": [{"type": "integer"}]},
                        "n": {"type": "number", "minimum": 0, "exclusiveMinimum": true}}}
        """,
    )
    d = obj(load(path), "D")
    assert field(d, "t").type == ListOf(ANY)
    assert field(d, "n").constraints.exclusive_minimum


def test_an_untyped_schema_with_object_and_array_keywords_admits_every_kind(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "u.json",
        '{"properties": {"a": {"type": "integer"}}, "items": {"type": "integer"}}',
    )
    union = load(path).by_name()["U"]
    assert isinstance(union, UnionModel)
    assert union.variants[1:] == (
        ListOf(Primitive("integer")),
        Primitive("string"),
        Primitive("number"),
        Primitive("boolean"),
    )


# --- quicktype's corpus ------------------------------------------------------------------------

SCHEMAS = sorted(QUICKTYPE.glob("*.schema")) if QUICKTYPE.is_dir() else []
# Schemas that stop with a located error, and why.
REFUSED = {
    # its $ref is quicktype's own list.schema by URL: modelgen never downloads
    "ref-remote.schema": "$ref to a URL",
}
# Degradations, by schema: the mixed enums quicktype tests.
DEGRADED = {"cut-enum.schema": ["enum-type"], "multi-type-enum.schema": ["mixed-enum"]}


def samples(schema: Path) -> list[Path]:
    stem = schema.name.removesuffix(".schema")
    pattern = re.compile(re.escape(stem) + r"\.\d+\.json")
    return sorted(p for p in schema.parent.glob(f"{stem}.*.json") if pattern.fullmatch(p.name))


def root_model(models: ModelSet, schema: Path) -> Model:
    (root,) = [m for m in models.models if m.source.file == schema.name and not m.source.pointer]
    return root


@pytest.fixture(scope="module")
def corpus() -> dict[str, ModelSet]:
    need(QUICKTYPE)
    found: dict[str, ModelSet] = {}
    for schema in SCHEMAS:
        try:
            found[schema.name] = load(schema)
        except ModelgenError as error:
            assert REFUSED.get(schema.name, "?") in str(error), f"{schema.name}: {error}"
            assert schema.name in REFUSED
    assert set(found) | set(REFUSED) == {s.name for s in SCHEMAS}
    return found


def test_every_quicktype_schema_loads_with_its_pinned_degradations(
    corpus: dict[str, ModelSet],
) -> None:
    got = {
        name: [d.code for d in models.diagnostics if d.degraded]
        for name, models in corpus.items()
        if any(d.degraded for d in models.diagnostics)
    }
    assert got == DEGRADED


@pytest.fixture(scope="module")
def code(
    corpus: dict[str, ModelSet], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Path]]:
    return generate(corpus, tmp_path_factory.mktemp("quicktype"))


@pytest.mark.slow
def test_every_quicktype_schema_generates_python_that_imports(
    code: dict[str, dict[str, Path]],
) -> None:
    assert python_problems(code["python"]) == []


@pytest.mark.slow
def test_every_quicktype_schema_generates_php_that_parses(code: dict[str, dict[str, Path]]) -> None:
    assert php_problems(need_php(), code["php"]) == []


@pytest.mark.slow
def test_every_quicktype_schema_generates_dart_that_parses(
    code: dict[str, dict[str, Path]],
) -> None:
    assert dart_problems(code["dart"]) == []


def _python_classes(value: object) -> str:
    return type(value).__name__


@pytest.mark.slow
def test_every_quicktype_sample_round_trips_through_the_generated_python_root_class(
    corpus: dict[str, ModelSet], code: dict[str, dict[str, Path]]
) -> None:
    failures: list[str] = []
    checked = classed = 0
    for index, name in enumerate(sorted(corpus)):
        models = corpus[name]
        schema = QUICKTYPE / name
        folder = code["python"][name]
        package = package_name(index)
        sys.path.insert(0, str(folder))
        try:
            module = importlib.import_module(f"{package}.models")
            root = root_model(models, schema)
            decode = eval(decoder_sources(models)[root.name], vars(module))
            symbols = emit("python", models, package=package).symbols
            target = models.by_name()[resolve_name(root.name, models.by_name().get)]
            for sample in samples(schema):
                data = json.loads(sample.read_text(encoding="utf-8"))
                value = decode(data, root.name)
                checked += 1
                back = module._rt.to_json(value)
                if json.dumps(back, sort_keys=True) != json.dumps(data, sort_keys=True):
                    failures.append(f"{sample.name}: re-encoded differently: {back!r:.200}")
                wanted = _expected_classes(target, symbols, models)
                classed += wanted is not None
                if wanted is not None and type(value).__name__ not in wanted:
                    failures.append(
                        f"{sample.name}: decoded to {type(value).__name__}, not {sorted(wanted)}"
                    )
        except Exception as error:  # pragma: no cover - the message is the point
            failures.append(f"{name}: {type(error).__name__}: {str(error)[:300]}")
        finally:
            sys.path.remove(str(folder))
    assert failures == []
    assert checked == sum(len(samples(QUICKTYPE / name)) for name in corpus) > 70
    assert classed >= checked - 1  # the class is checked for all but a top-level scalar


def _expected_classes(target: Model, symbols: object, models: ModelSet) -> set[str] | None:
    """The Python class names a value of ``target`` may decode to: its class for an object or
    an enum; one of the variants' classes (or a JSON scalar's type) for a union; None for an
    alias of a scalar or a container."""
    table: dict[str, tuple[object, ...]] = symbols  # type: ignore[assignment]
    if isinstance(target, ObjectModel) or target.kind == "enum":
        return {table[target.name][0].name}  # type: ignore[attr-defined]
    if isinstance(target, UnionModel):
        names: set[str] = {"int", "float", "str", "bool", "list", "dict", "NoneType"}
        for variant in target.variants:
            if isinstance(variant, Ref):
                resolved = resolve_name(variant.name, models.by_name().get)
                names.add(table[resolved][0].name)  # type: ignore[attr-defined]
        return names
    return None
