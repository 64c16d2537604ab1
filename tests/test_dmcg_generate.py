"""Every dmcg-openapi corpus entry that loads generates valid Dart and PHP: every file parses
with its tree-sitter grammar with no ERROR or MISSING node, and every PHP class loads in a real
``php``. (Python on the same entries: test_python_corpus.py. Entries that do not load are
pinned, with their reasons, in test_dmcg_corpus.py; together they cover the whole corpus.)

Everything is generated once per session and each tool runs once over all of it."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from generator.ir import ModelSet
from generator.output import write_tree
from generator.sources import load
from generator.targets import emit
from generator.treesitter import parse, problems
from tests.sources.test_dmcg_corpus import EXPECTED_FAILURES
from tests.support.dmcg import DMCG, dmcg_entries, entry_name
from tests.support.paths import need, need_php
from tests.targets.php.support import load_all


@functools.cache
def loaded() -> dict[str, ModelSet]:
    """entry name -> its models, for every entry not pinned as failing to load."""
    need(DMCG)
    return {
        entry_name(path): load(path)
        for path in dmcg_entries()
        if entry_name(path) not in EXPECTED_FAILURES
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """language -> a folder holding one generated package per entry (``e000``, ``e001`` ...)."""
    root = tmp_path_factory.mktemp("dmcg")
    folders: dict[str, Path] = {}
    for language in ("dart", "php"):
        for index, (name, models) in enumerate(sorted(loaded().items())):
            package = f"e{index:03d}"
            namespace = f"Dmcg\\E{index:03d}"
            try:
                files = emit(language, models, package=package, php_namespace=namespace).files
            except Exception as error:  # pragma: no cover - the message is the point
                raise AssertionError(f"{language} emitter failed on {name}: {error!r}") from error
            write_tree(root / language / package, files)
        folders[language] = root / language
    return folders


def test_most_of_the_corpus_loads() -> None:
    # A guard against the whole corpus silently dropping out of the tests below.
    assert len(loaded()) >= 250


@pytest.mark.parametrize("language", ["dart", "php"])
def test_dart_and_php_parse_clean_with_tree_sitter(
    generated: dict[str, Path], language: str
) -> None:
    suffix = {"dart": ".dart", "php": ".php"}[language]
    bad: list[str] = []
    for path in sorted(generated[language].rglob(f"*{suffix}")):
        found = problems(parse(language, path.read_bytes()))
        if found:
            bad.append(f"{path.relative_to(generated[language])}: {found[:3]}")
    assert bad == []


def test_every_php_class_loads_in_php(generated: dict[str, Path]) -> None:
    php = need_php()
    failures = []
    for package in sorted(generated["php"].iterdir()):
        files = {str(p.relative_to(package)): "" for p in package.rglob("*") if p.is_file()}
        files["composer.json"] = (package / "composer.json").read_text()
        done = load_all(php, package, files)
        if done.returncode != 0 or done.stdout or done.stderr:
            failures.append(f"{package.name}: {(done.stdout + done.stderr)[-500:]}")
    assert failures == []
