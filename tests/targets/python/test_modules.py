"""The split layout of generated Python (generator/targets/python/modules.py): a schema of
``SPLIT_AT`` models or more gets one module per home (``ir.query.homes``) under ``models/`` and lazy
``__init__`` files; importing one model imports only what it needs; the package stays valid
(mypy --strict, black), reads back, and lists the same API as one ``models.py``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import black
import pytest

from generator.ir import ModelSet
from generator.ir.query import homes
from generator.output import write_tree
from generator.sources import load
from generator.targets import emit
from generator.targets.python import modules
from generator.targets.python.api import listing
from tests.support.models import example, hostile
from tests.support.paths import EXAMPLE_SPEC
from tests.support.shape import shape
from tests.targets.python.support import mypy_strict

RECURSIVE = """\
openapi: 3.0.3
info: {title: Loops, version: '1'}
paths: {}
components:
  schemas:
    Tree: {type: object, properties: {forest: {$ref: '#/components/schemas/Forest'}}}
    Forest:
      type: object
      properties: {trees: {type: array, items: {$ref: '#/components/schemas/Tree'}}}
    Park:
      type: object
      properties:
        forest: {$ref: '#/components/schemas/Forest'}
        gate: {type: object, properties: {colour: {$ref: '#/components/schemas/Colour'}}}
    Garden: {type: object, properties: {forest: {$ref: '#/components/schemas/Forest'}}}
    Colour: {type: string, enum: [red, green]}
"""


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[ModelSet, Path]]]:
    """The example and the hostile schema in the split layout (threshold lowered to 0), each
    written to its own folder: name -> (models, package folder)."""
    root = tmp_path_factory.mktemp("split")
    (root / "loops.yaml").write_text(RECURSIVE)
    sets = {
        "split_example": example(),
        "split_hostile": hostile(),
        "loops": load(root / "loops.yaml"),
    }
    found: dict[str, tuple[ModelSet, Path]] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(modules, "SPLIT_AT", 0)
        for package, models in sets.items():
            write_tree(root / package, emit("python", models, package=package).files)
            found[package] = (models, root / package / package)
    yield found


def python(code: str, folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_schema_below_the_threshold_is_one_models_module() -> None:
    files = emit("python", load(EXAMPLE_SPEC), package="p").files
    assert "p/models.py" in files
    assert not any(path.startswith("p/models/") for path in files)


def test_a_big_schema_gets_one_module_per_home_and_no_models_py(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    models, package = split["split_example"]
    assert not (package / "models.py").exists()
    files = sorted(p.name for p in (package / "models").glob("*.py"))
    assert "__init__.py" in files
    assert len(files) - 1 == len(homes(models.models)) < len(models.models)  # inline objects


def test_models_that_refer_to_one_another_share_a_module_the_others_import_it(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    _, package = split["loops"]
    texts = {p.stem: p.read_text() for p in (package / "models").glob("*.py")}
    assert sorted(texts) == ["__init__", "forest", "garden", "park"]
    assert "class Forest(" in texts["forest"] and "class Tree(" in texts["forest"]
    assert "from .forest import Forest\n" in texts["park"]
    assert "from .forest import Forest\n" in texts["garden"]


def test_the_models_only_one_module_uses_live_in_it_however_deep(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    # Park's inline object ParkGate is Park's alone, and the enum Colour is ParkGate's alone.
    _, package = split["loops"]
    park = (package / "models" / "park.py").read_text()
    assert all(f"class {name}(" in park for name in ("Park", "ParkGate", "Colour"))
    code = (
        "import sys\nfrom loops.models import Colour\n"
        "print(Colour('red').value,"
        " sorted(m for m in sys.modules if m.startswith('loops.models.')))"
    )
    assert python(code, package.parent).split() == [
        "red",
        "['loops.models.forest',",
        "'loops.models.park']",
    ]


def test_importing_one_model_imports_only_the_modules_it_needs(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    _, package = split["loops"]
    code = (
        "import sys\nfrom loops.models import Park\n"
        "print(sorted(m for m in sys.modules if m.startswith('loops.models.')))"
    )
    assert python(code, package.parent).split() == [
        "['loops.models.forest',",
        "'loops.models.park']",
    ]
    code = "import sys, loops\nprint(sorted(m for m in sys.modules if m.startswith('loops.')))"
    assert python(code, package.parent).split() == ["['loops._runtime']"]  # no model yet


def test_the_lazy_package_lists_and_gives_every_name_and_refuses_unknown_ones(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    models, package = split["split_hostile"]
    single = emit("python", models, package="p").files["p/__init__.py"]
    expected = sorted(
        line.strip()[1:-2]
        for line in single.split("__all__ = [")[1].split("]")[0].splitlines()
        if line.strip()
    )
    code = (
        f"import {package.name} as p\n"
        "names = sorted(p.__all__)\n"
        "assert all(getattr(p, n) is not None for n in names)\n"
        "assert all(getattr(p.models, n) is getattr(p, n) for n in p.models.__all__)\n"
        "assert set(names) <= set(dir(p))\n"
        "try:\n    p.NoSuchModel\nexcept AttributeError:\n    pass\n"
        "else:\n    raise SystemExit(1)\n"
        "print(names)"
    )
    assert python(code, package.parent).strip() == str(expected)


def test_the_split_example_decodes_and_encodes_through_the_lazy_package(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    _, package = split["split_example"]
    data = (
        "{'id': 'a', 'role': 'user', 'content': [{'type': 'text', 'text': 'hi'}],"
        " 'children': [{'id': 'b', 'role': 'assistant', 'content': []}]}"
    )
    code = (
        f"from {package.name}.models import ConversationItem\n"
        f"data = {data}\n"
        "assert ConversationItem.from_dict(data).to_dict() == data\n"
    )
    python(code, package.parent)


def test_split_packages_pass_mypy_strict_and_are_black_stable(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    packages = [package for _, package in split.values()]
    done = mypy_strict(packages)
    assert done.returncode == 0, done.stdout + done.stderr
    for package in packages:
        for file in sorted(package.rglob("*.py")):
            text = file.read_text()
            assert black.format_str(text, mode=black.Mode()) == text, file


def test_split_packages_read_back_to_the_same_shape(
    split: dict[str, tuple[ModelSet, Path]],
) -> None:
    for models, package in split.values():
        assert shape(load(package.parent)) == shape(models), package.name


def test_the_api_read_from_the_split_files_equals_the_emitters_listing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(modules, "SPLIT_AT", 0)
    for models in (example(), hostile()):
        emitted = emit("python", models, package="p")
        assert list(emitted.api) == listing(emitted.files)
        monkeypatch.setattr(modules, "SPLIT_AT", 10**9)
        assert emit("python", models, package="p").api == emitted.api
        monkeypatch.setattr(modules, "SPLIT_AT", 0)


def test_module_names_avoid_keywords_devices_public_names_and_case_clashes() -> None:
    names = modules.module_names(
        ["Class", "Con", "Foo", "FOO", "ItemFromJson", "_Private", "Priority"],
        taken=["item_from_json", "Priority"],
    )
    assert names == ["class_2", "con_2", "foo", "foo_2", "item_from_json_2", "private", "priority"]


def test_the_listing_of_a_split_schema_is_the_one_emit_gives(
    split: dict[str, tuple[ModelSet, Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """diff's lister declares each module's models without building their views: forward
    references inside a group of unions and aliases are spelled as the split files spell
    them."""
    from generator.targets import listing as lister

    monkeypatch.setattr(modules, "SPLIT_AT", 0)
    for models, _ in split.values():
        full, listed = emit("python", models), lister("python", models)
        assert listed.files == {}
        assert listed.api == full.api
        assert listed.symbols == full.symbols


def test_the_listing_builds_no_view_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lister takes names, types and defaults from the declarations alone: no view model
    (docstrings, comments, fitted statements) is built for it."""
    from generator.targets import listing as lister
    from generator.targets.python import emit as python_emit

    def no_view(*args: object) -> None:
        raise AssertionError("the lister built a view model")

    monkeypatch.setattr(python_emit.Plan, "view", no_view)
    for split_at in (0, 10**9):
        monkeypatch.setattr(modules, "SPLIT_AT", split_at)
        assert lister("python", hostile()).api
