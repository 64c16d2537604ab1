"""The markdown docs emitters (``--lang docs-php``, ``--lang docs-dart``): OpenAPI Generator's
format from any model set, and a round trip through the markdown loader that keeps everything
markdown can express."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ir import (
    ANY,
    Const,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.output import validate_relpath
from generator.sources import load
from generator.targets import emit
from tests.support.models import example, hostile
from tests.support.paths import EXAMPLE_SPEC, ROOT


def model_set(*models: Model, title: str | None = "Pet Store") -> ModelSet:
    return ModelSet(models=tuple(models), source=Source("test"), title=title)


def obj(name: str, *fields: Field) -> ObjectModel:
    return ObjectModel(name=name, fields=fields)


def field(name: str, t: TypeRef, required: bool = True, **kw: Any) -> Field:
    return Field(name=name, type=t, required=required, **kw)


def row_of(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"**{name}**"))


# --- type cells ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "cell"),
    [
        (Primitive("string"), "**string**"),
        (Primitive("string", "date-time"), "**\\DateTime**"),
        (Primitive("string", "date"), "**\\DateTime**"),
        (Primitive("string", "binary"), "**\\SplFileObject**"),
        (Primitive("string", "uuid"), "**string**"),
        (Primitive("integer", "int64"), "**int**"),
        (Primitive("number", "double"), "**float**"),
        (Primitive("boolean"), "**bool**"),
        (ANY, "**object**"),
        (MapOf(ANY), "**array<string,mixed>**"),
        (ListOf(Primitive("string")), "**string[]**"),
        (ListOf(MapOf(Primitive("number"))), "**array<string,float>[]**"),
        (Ref("Owner"), "[**\\Acme\\Model\\Owner**](Owner.md)"),
        (ListOf(Ref("Owner")), "[**\\Acme\\Model\\Owner[]**](Owner.md)"),
        (MapOf(Ref("Owner")), "[**array<string,\\Acme\\Model\\Owner>**](Owner.md)"),
    ],
)
def test_php_type_cells(t: TypeRef, cell: str) -> None:
    files = emit("docs-php", model_set(obj("Pet", field("x", t))), php_namespace="Acme").files
    assert row_of(files["Pet.md"], "x") == f"**x** | {cell} |  |"


@pytest.mark.parametrize(
    ("t", "cell"),
    [
        (Primitive("string"), "**String**"),
        (Primitive("string", "date-time"), "**DateTime**"),
        (Primitive("string", "binary"), "**MultipartFile**"),
        (Primitive("integer", "int32"), "**int**"),
        (Primitive("number"), "**num**"),
        (Primitive("number", "double"), "**double**"),
        (Primitive("boolean"), "**bool**"),
        (ANY, "[**Object**](.md)"),
        (MapOf(ANY), "[**Map<String, Object>**](Object.md)"),
        (MapOf(Primitive("string")), "**Map<String, String>**"),
        (ListOf(Primitive("integer")), "**List<int>**"),
        (ListOf(MapOf(Primitive("number"))), "[**List<Map<String, num>>**](Map.md)"),
        (ListOf(Ref("Owner")), "[**List<Owner>**](Owner.md)"),
        (ListOf(Ref("Owner"), unique=True), "[**Set<Owner>**](Owner.md)"),
        (MapOf(Ref("Owner")), "[**Map<String, Owner>**](Owner.md)"),
        (Ref("Owner"), "[**Owner**](Owner.md)"),
    ],
)
def test_dart_type_cells(t: TypeRef, cell: str) -> None:
    files = emit("docs-dart", model_set(obj("Pet", field("x", t)))).files
    assert row_of(files["Pet.md"], "x") == f"**x** | {cell} |  | "


@pytest.mark.parametrize(
    ("t", "cell"),
    [
        (Primitive("string"), "**str**"),
        (Primitive("string", "date-time"), "**datetime**"),
        (Primitive("string", "date"), "**date**"),
        (Primitive("string", "binary"), "**bytearray**"),
        (Primitive("integer"), "**int**"),
        (Primitive("number", "float"), "**float**"),
        (Primitive("boolean"), "**bool**"),
        (ANY, "**object**"),
        (MapOf(ANY), "**Dict[str, object]**"),
        (ListOf(Primitive("string")), "**List[str]**"),
        (ListOf(Ref("Owner")), "[**List[Owner]**](Owner.md)"),
        (MapOf(Ref("Owner")), "[**Dict[str, Owner]**](Owner.md)"),
    ],
)
def test_python_type_cells(t: TypeRef, cell: str) -> None:
    files = emit("docs-python", model_set(obj("Pet", field("x", t)))).files
    assert row_of(files["Pet.md"], "x") == f"**x** | {cell} |  | "


def test_python_docs_defaults_use_python_literals() -> None:
    pet = obj("Pet", field("ok", Primitive("boolean"), required=False, default=Const(True)))
    text = emit("docs-python", model_set(pet)).files["Pet.md"]
    assert row_of(text, "ok") == "**ok** | **bool** |  | [optional] [default to True]"
    assert text.startswith("# Pet\n\n## Properties\nName | Type")
    assert text.endswith("(../README.md)\n\n")


# --- layout ----------------------------------------------------------------------------------

PHP_FOOTER = (
    "[[Back to Model list]](../../README.md#models) [[Back to API list]]"
    "(../../README.md#endpoints) [[Back to README]](../../README.md)"
)
DART_FOOTER = (
    "[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]]"
    "(../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)"
)
HEADER = "Name | Type | Description | Notes\n" + " | ".join(
    ["------------"] + ["-------------"] * 3
)
PHP_PET = "\n".join(
    [
        "# # Pet",
        "",
        "## Properties",
        "",
        HEADER,
        "**id** | **int** | The id. |",
        "**tag** | **string** | A &#x60;tag&#x60;, \\&quot;quoted\\&quot; &amp; &lt;b&gt;. |"
        " [optional] [readonly] [default to 'x']",
        "",
        PHP_FOOTER,
        "",
    ]
)
DART_PET = "\n".join(
    [
        "# petstore.model.Pet",
        "",
        "## Load the model package",
        "```dart",
        "import 'package:petstore/api.dart';",
        "```",
        "",
        "## Properties",
        HEADER,
        "**id** | **int** | The id. | ",  # Dart rows keep the template's trailing space
        '**tag** | **String** | A `tag`, \\"quoted\\" & <b>. |'
        " [optional] [readonly] [default to 'x']",
        "",
        DART_FOOTER,
        "",
        "",
        "",
    ]
)

PET = obj(
    "Pet",
    field("id", Primitive("integer"), description="The id."),
    field(
        "tag",
        Primitive("string"),
        required=False,
        read_only=True,
        default=Const("x"),
        description='A `tag`, "quoted" & <b>.',
    ),
)


def test_php_docs_layout() -> None:
    assert emit("docs-php", model_set(PET)).files == {"Pet.md": PHP_PET}


def test_dart_docs_layout() -> None:
    files = emit("docs-dart", model_set(PET), package="petstore").files
    assert files == {"Pet.md": DART_PET}


def test_namespace_and_package_default_from_the_title() -> None:
    owner = obj("Pet", field("o", Ref("Owner")))
    php = emit("docs-php", model_set(owner, title="Pet Store")).files["Pet.md"]
    assert "[**\\PetStore\\Model\\Owner**](Owner.md)" in php
    dart = emit("docs-dart", model_set(owner, title="Pet Store")).files["Pet.md"]
    assert dart.startswith("# pet_store.model.Pet\n")
    assert "import 'package:pet_store/api.dart';" in dart


def test_models_that_are_not_objects_get_an_empty_table() -> None:
    union = UnionModel(name="Animal", variants=(Ref("Pet"),))
    text = emit("docs-php", model_set(union, PET)).files["Animal.md"]
    assert "-------------\n\n[[Back to Model list]]" in text


def test_text_cannot_break_the_table_or_the_template() -> None:
    hostile = "a | b\nline two\r\n{{ 7*7 }} {% raw %} \\ end\\"
    pet = obj("Pet", field("x", Primitive("string"), description=hostile))
    files = emit("docs-dart", model_set(pet)).files
    row = row_of(files["Pet.md"], "x")
    assert "\n" not in row and "{{ 7*7 }}" in row
    back = _load_files(files).models[0]
    assert isinstance(back, ObjectModel)
    assert back.fields[0].description == "a | b line two  {{ 7*7 }} {% raw %} \\ end\\"


def test_model_names_become_safe_distinct_file_names() -> None:
    models = model_set(obj("pet-store"), obj("../etc/x"), obj("Pet"), obj("PET"), obj("1st"))
    files = emit("docs-php", models).files
    assert len(files) == 5
    for path in files:
        validate_relpath(path)
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*\.md", path)
    assert len({p.casefold() for p in files}) == 5


def test_output_is_deterministic() -> None:
    for models in (example(), hostile()):
        for language in ("docs-php", "docs-dart", "docs-python"):
            assert emit(language, models).files == emit(language, models).files


@pytest.mark.parametrize("language", ["docs-php", "docs-dart", "docs-python"])
def test_hostile_models_give_safe_files_the_loader_reads_back_whole(language: str) -> None:
    models = hostile()
    files = emit(language, models).files
    assert len({p.casefold() for p in files}) == len(files) == len(models.models)
    for path in files:
        validate_relpath(path)
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*\.md", path) and len(path) < 255, path
    back = _load_files(files)
    assert back.diagnostics == ()
    # every property comes back; a model that is not an object has an empty table
    found = [len(m.fields) for m in back.models if isinstance(m, ObjectModel)]
    expected = [len(m.fields) if isinstance(m, ObjectModel) else 0 for m in models.models]
    assert sorted(found) == sorted(expected)


# --- round trip through the loader, on what markdown can express ------------------------------


def _load_files(files: dict[str, str], tmp: Path | None = None) -> ModelSet:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            Path(folder, name).write_text(text, encoding="utf-8")
        return load(Path(folder))


def _expressible(t: TypeRef, dialect: str) -> TypeRef:
    """What each dialect's type spelling keeps: PHP and Dart spell every date as a date-time,
    Python keeps date; all drop other formats; Dart keeps double and Set."""
    if isinstance(t, Primitive):
        if dialect == "python" and t.kind == "string" and t.format == "date":
            return t
        if t.kind == "string" and t.format in ("date", "date-time"):
            return Primitive("string", "date-time")
        if t.kind == "string" and t.format == "binary":
            return t
        if dialect == "dart" and t.kind == "number" and t.format in ("double", "float"):
            return Primitive("number", "double")
        return Primitive(t.kind)
    if isinstance(t, ListOf):
        return ListOf(_expressible(t.item, dialect), t.unique and dialect == "dart")
    if isinstance(t, MapOf):
        return MapOf(_expressible(t.value, dialect))
    return t


def _shown_name(wire: str, dialect: str) -> str:
    if dialect in ("php", "python"):
        return wire
    head, *rest = wire.split("_")
    return head + "".join(w.capitalize() for w in rest)


def _view(models: ModelSet, dialect: str, original: bool) -> dict[str, list[tuple[object, ...]]]:
    view: dict[str, list[tuple[object, ...]]] = {}
    for model in models.models:
        rows: list[tuple[object, ...]] = []
        if isinstance(model, ObjectModel):
            for f in model.fields:
                text = re.sub(r"[\t\n\r]", " ", f.description) if f.description else None
                rows.append(
                    (
                        _shown_name(f.name, dialect) if original else f.name,
                        _expressible(f.type, dialect) if original else f.type,
                        f.required,
                        f.default,
                        f.read_only,
                        text,
                    )
                )
        view[model.name] = rows
    return view


@pytest.mark.parametrize(
    ("language", "dialect"),
    [("docs-php", "php"), ("docs-dart", "dart"), ("docs-python", "python")],
)
def test_example_round_trips_through_docs(language: str, dialect: str) -> None:
    spec = example()
    back = _load_files(emit(language, spec).files)
    assert back.knows == frozenset({"defaults", "read_only", "descriptions"})
    assert back.diagnostics == ()
    expected = _view(spec, dialect, original=True)
    assert _view(back, dialect, original=False) == expected
    # The example exercises what the format can carry: defaults, read-only, quotes, sets.
    rows = [r for fields in expected.values() for r in fields]
    assert any(r[3] is not None for r in rows) and any(r[4] for r in rows)


def test_cli_writes_docs(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "generate",
            str(EXAMPLE_SPEC),
            "--lang",
            "docs-php",
            "--out",
            str(out),
            "--php-namespace",
            "Acme",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "[**\\Acme\\Model\\ConversationItem[]**](ConversationItem.md)"
        in (out / "ConversationItem.md").read_text()
    )
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "generate",
            str(out),
            "--from",
            "markdown",
            "--lang",
            "docs-php",
            "--out",
            str(out),
            "--check",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 0, again.stdout + again.stderr


def test_long_model_names_give_distinct_file_names_a_file_system_takes(tmp_path: Path) -> None:
    names = ["L" * 300, "L" * 299 + "M", "l" * 300, "Short"]
    models = model_set(*(obj(name, field("x", Primitive("string"))) for name in names))
    for language in ("docs-php", "docs-dart", "docs-python"):
        files = emit(language, models).files
        assert len({p.casefold() for p in files}) == len(names)
        assert "Short.md" in files
        for path in files:
            assert len(path.encode()) < 255, path
            (tmp_path / path).write_text(files[path], encoding="utf-8")


@pytest.mark.parametrize("language", ["docs-php", "docs-dart", "docs-python"])
def test_every_property_gets_a_one_line_row_of_its_own(language: str) -> None:
    """Names the dialect spells alike or not at all, and defaults holding line breaks, still
    give a table the markdown loader reads back whole."""
    text = Primitive("string")
    pet = obj(
        "Pet",
        field("False", text),
        field("false", text),
        field("", text),
        field("note", text, required=False, default=Const("two\nlines\r\n")),
    )
    files = emit(language, model_set(pet)).files
    back = _load_files(files).models[0]
    assert isinstance(back, ObjectModel)
    names = [f.name for f in back.fields]
    assert len(names) == len(set(names)) == 4 and all(n.strip() for n in names)
    assert back.fields[3].default is not None


def test_windows_device_names_give_other_file_names() -> None:
    models = model_set(obj("CON"), obj("con"), obj("Nul"), obj("aux"), obj("Com1"))
    for language in ("docs-php", "docs-dart", "docs-python"):
        files = emit(language, models).files
        assert len({p.casefold() for p in files}) == 5
        for path in files:
            validate_relpath(path)
