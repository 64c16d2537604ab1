"""The pydantic target on the shared fixtures (the example, the hostile set) and on small
hand-built model sets: class names, aliases, discriminators, nulls, the package it writes, its
reader, the CLI (``--check``) and the lazy import of datamodel-code-generator.

Every model set is generated once per module; mypy runs once over all the packages."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.compare import parity
from generator.ir import (
    AliasModel,
    Const,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
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
from generator.sources import load
from generator.targets import Emitted, emit
from generator.targets.pydantic.markers import HEADER, INIT_FILE, MODELS_FILE, TYPED_FILE
from generator.targets.pydantic.reader import detect
from generator.targets.python.names import model_names
from tests.support.models import example, hostile
from tests.support.paths import EXAMPLE_SPEC, ROOT
from tests.targets.pydantic.support import import_models, mypy_errors, round_trip, write_package

STRING = Primitive("string")
INT = Primitive("integer")


def _small() -> ModelSet:
    """Wire names that need aliases, a discriminated union, a nullable object referred to
    by a field that does not say null, a spec's ``default: null`` on such a field, and a
    nullable map alias."""
    cat = ObjectModel(
        "cat",
        (
            Field("kind", STRING, True, const=Const("cat")),
            Field("livesLeft", INT, False),
            Field("api.key", STRING, False),
            Field("class", STRING, False),
        ),
    )
    dog = ObjectModel("Dog", (Field("kind", STRING, True, const=Const("dog")),))
    pet = UnionModel(
        "Pet", (Ref("cat"), Ref("Dog")), Discriminator("kind", (("cat", "cat"), ("dog", "Dog")))
    )
    owner = ObjectModel("Owner", (Field("name", STRING, True),), nullable=Nullable.YES)
    size = EnumModel("Size", "string", (EnumValue("small"), EnumValue("large")))
    home = ObjectModel(
        "Home",
        (
            Field("pet", Ref("Pet"), True),
            Field("owner", Ref("Owner"), False, default=Const(None)),
            Field("size", Ref("Size"), False),
            Field("tags", Ref("Tags"), False),
        ),
    )
    tags = AliasModel("Tags", MapOf(STRING), nullable=Nullable.YES)
    models: list[Model] = sorted((cat, dog, pet, owner, size, home, tags), key=lambda m: m.name)
    return ModelSet(tuple(models), Source("small.yaml"), title="small")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Emitted]]:
    """name -> (package folder, what was emitted), for the example, the hostile set and the
    small set."""
    root = tmp_path_factory.mktemp("pydantic")
    sets = {"example": example(), "hostile": hostile(), "small": _small()}
    return {
        name: write_package(models, root / name, f"pyd_{name}") for name, models in sets.items()
    }


def _classes(code: str) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in ast.parse(code).body if isinstance(n, ast.ClassDef)}


def _code(packages: dict[str, tuple[Path, Emitted]], name: str) -> str:
    return (packages[name][0] / MODELS_FILE).read_text(encoding="utf-8")


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["example", "hostile", "small"])
def test_class_names_are_the_python_targets(
    packages: dict[str, tuple[Path, Emitted]], name: str
) -> None:
    models = {"example": example, "hostile": hostile, "small": _small}[name]()
    python = model_names(models).classes
    symbols = packages[name][1].symbols
    written = _classes(_code(packages, name))
    differ = {m: s[0].name for m, s in symbols.items() if s[0].name != python[m]}
    # the one exception: a name the module imports gets datamodel-code-generator's suffix
    assert differ == ({"Enum": "EnumModel"} if name == "hostile" else {})
    assert all(s[0].name in written for s in symbols.values())
    assert set(symbols) == {m.name for m in models.models}


def test_no_class_is_written_for_the_documents_root(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    written = set(_classes(_code(packages, "example")))
    assert written == {s[0].name for s in packages["example"][1].symbols.values()}


def test_wire_names_that_are_not_snake_case_identifiers_are_aliases(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    module = import_models(packages["small"][0])
    fields = module.Cat.model_fields
    aliases = {name: f.alias for name, f in fields.items()}
    assert aliases == {
        "kind": None,
        "lives_left": "livesLeft",
        "api_key": "api.key",
        "class_": "class",
    }
    cat = module.Cat.model_validate({"kind": "cat", "livesLeft": 9, "class": "x"})
    assert cat.lives_left == 9 and cat.class_ == "x"


def test_a_discriminated_union_is_a_root_model_over_literal_tags(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    classes = _classes(_code(packages, "small"))
    tags = {
        name: ast.unparse(stmt.annotation)
        for name in ("Cat", "Dog")
        for stmt in classes[name].body
        if isinstance(stmt, ast.AnnAssign) and ast.unparse(stmt.target) == "kind"
    }
    assert tags == {"Cat": "Literal['cat']", "Dog": "Literal['dog']"}
    assert ast.unparse(classes["Pet"].bases[0]) == "RootModel[Cat | Dog]"
    module = import_models(packages["small"][0])
    assert type(module.Pet.model_validate({"kind": "dog"}).root).__name__ == "Dog"
    with pytest.raises(ValueError, match="does not match any of the expected tags"):
        module.Pet.model_validate({"kind": "cow"})


def test_a_reference_to_a_nullable_object_admits_null_and_a_null_default_is_dropped(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    classes = _classes(_code(packages, "small"))
    owner = next(
        s
        for s in classes["Home"].body
        if isinstance(s, ast.AnnAssign) and ast.unparse(s.target) == "owner"
    )
    assert ast.unparse(owner) == "owner: Owner | None = None"
    module = import_models(packages["small"][0])
    home = {"pet": {"kind": "cat"}, "owner": None, "tags": {"a": "b"}}
    assert (
        module.Home.model_validate(home).model_dump(mode="json", by_alias=True, exclude_unset=True)
        == home
    )


def test_an_alias_of_a_nullable_map_keeps_its_value_type(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    classes = _classes(_code(packages, "small"))
    assert ast.unparse(classes["Tags"].bases[0]) == "RootModel[dict[str, str] | None]"


def test_enums_are_closed(packages: dict[str, tuple[Path, Emitted]]) -> None:
    module = import_models(packages["small"][0])
    assert round_trip(module.Size, "small", Nullable.NO) == "small"
    with pytest.raises(ValueError):
        round_trip(module.Size, "medium", Nullable.NO)


# --- the package ---------------------------------------------------------------------------


def test_the_package_holds_the_models_an_init_and_py_typed(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    files = packages["example"][1].files
    package = packages["example"][0].name
    assert sorted(files) == sorted(
        f"{package}/{name}" for name in (MODELS_FILE, INIT_FILE, TYPED_FILE)
    )
    assert files[f"{package}/{MODELS_FILE}"].startswith(HEADER)
    assert "Do not edit" in files[f"{package}/{INIT_FILE}"]


def test_generating_twice_gives_the_same_bytes(packages: dict[str, tuple[Path, Emitted]]) -> None:
    assert emit("pydantic", example(), package="pyd_example").files == (
        packages["example"][1].files
    )


def test_packages_import_and_pass_mypy_strict_with_the_pydantic_plugin(
    packages: dict[str, tuple[Path, Emitted]], tmp_path: Path
) -> None:
    """The hostile set's exemptions are datamodel-code-generator's: it leaves a list that
    contains itself untyped (``RootModel[list]``), does not fold the ligature of ``ﬁeld``
    (Python reads it as ``field``, a second field of that name) and writes a 70-bit integer
    constant as a ``Literal``, which mypy refuses."""
    for folder, _ in packages.values():
        import_models(folder)
    errors = mypy_errors([folder for folder, _ in packages.values()], tmp_path)
    kinds = sorted(line.rsplit("[", 1)[-1].rstrip("]") for line in errors)
    assert all("pyd_hostile" in line for line in errors), errors
    assert kinds == ["no-redef", "type-arg", "type-arg", "valid-type"], errors


def test_the_example_json_round_trips_as_the_readme_shows(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    module = import_models(packages["example"][0])
    data = {"type": "session.update", "session": {"model": "realtime-mini", "voice": "alloy"}}
    event: Any = module.ClientEvent.model_validate(data)
    assert type(event.root).__name__ == "SessionUpdateEvent"
    assert event.root.session.voice is module.Voice.ALLOY
    assert event.model_dump(mode="json", by_alias=True, exclude_unset=True) == data


# --- reading back --------------------------------------------------------------------------


def test_parity_of_the_example_and_its_package_finds_no_drift(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    folder = packages["example"][0]
    assert detect(folder) and detect(folder.parent)
    code = load(folder)
    assert code.kind == "python-sdk"  # read by the SDK reader's conventions
    unions = {m.name for m in code.models if isinstance(m, UnionModel)}
    assert {"ClientEvent", "ContentPart", "ServerEvent"} <= unions
    report = parity.compare([example(), code], ["spec", "pydantic"], [])
    drift = [f for m in report.models for f in m.findings if f.category == "drift"]
    assert drift == []


def test_the_reader_gives_classes_their_schema_names_back(
    packages: dict[str, tuple[Path, Emitted]],
) -> None:
    code = load(packages["small"][0])
    assert {m.name for m in code.models} == {m.name for m in _small().models}
    pet = code.by_name()["Pet"]
    assert isinstance(pet, UnionModel) and pet.variants == (Ref("cat"), Ref("Dog"))


# --- the command line ----------------------------------------------------------------------


def test_check_finds_a_current_package_clean_and_an_edited_one_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    spec = str(EXAMPLE_SPEC)
    assert main(["generate", spec, "--lang", "pydantic", "--out", str(out)]) == 0
    assert main(["generate", spec, "--lang", "pydantic", "--out", str(out), "--check"]) == 0
    models = next(out.rglob(MODELS_FILE))
    models.write_text(models.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert main(["generate", spec, "--lang", "pydantic", "--out", str(out), "--check"]) == 1
    capsys.readouterr()


_PYTHON_ONLY = """
import sys
from generator.cli import main
code = main(["generate", sys.argv[1], "--lang", "python", "--out", sys.argv[2], "--quiet"])
print(json.dumps([code, "datamodel_code_generator" in sys.modules, "pydantic" in sys.modules]))
"""


def test_generating_python_does_not_import_datamodel_code_generator(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import json\n" + _PYTHON_ONLY, str(EXAMPLE_SPEC), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [0, False, False]


def test_a_schema_without_models_gives_a_package_without_classes() -> None:
    """datamodel-code-generator refuses a document with no definitions; the module is then
    the header and nothing else."""
    files = emit("pydantic", ModelSet((), Source("empty.yaml")), package="empty").files
    code = files[f"empty/{MODELS_FILE}"]
    assert code.startswith(HEADER) and _classes(code) == {}
    compile(code, MODELS_FILE, "exec")
