"""Generating code for many model sets at once and checking it with the real tools, each tool run
once over everything: Python compiles and imports (one interpreter for all packages), PHP
parses (one ``php`` process, ``token_get_all(..., TOKEN_PARSE)``: what ``php -l`` checks), Dart
parses clean with tree-sitter (in process). Each problem comes back as one line naming the
entry and the file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.errors import Warnings
from generator.ir import ModelSet
from generator.ir.check import check_references
from generator.targets import emit
from generator.treesitter import parse, problems

LANGUAGES = ("python", "dart", "php")


def package_name(index: int) -> str:
    return f"p{index:03d}"


def generate(
    entries: Mapping[str, ModelSet], root: Path, languages: Iterable[str] = LANGUAGES
) -> dict[str, dict[str, Path]]:
    """language -> entry -> the folder its package was written to. References to models that
    are not loaded are degraded first, as ``modelgen generate`` does."""
    written: dict[str, dict[str, Path]] = {}
    for index, name in enumerate(sorted(entries)):
        models = check_references(entries[name], Warnings())
        package = package_name(index)
        for language in languages:
            files = emit(
                language, models, package=package, php_namespace=f"Gen\\P{index:03d}"
            ).files
            folder = root / language / package
            for rel, text in files.items():
                path = folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            written.setdefault(language, {})[name] = folder
    return written


_IMPORT_ALL = """
import importlib, sys, traceback, warnings
warnings.simplefilter("error")
failed = 0
for folder in sys.argv[1:]:
    package = folder.rsplit("/", 1)[1]
    sys.path.insert(0, folder)
    try:
        models = importlib.import_module(package + ".models")
        for name in getattr(models, "__all__", []):
            getattr(models, name)  # a big schema's modules are imported on first use
    except Exception:
        failed += 1
        print(folder, traceback.format_exc(limit=2).replace("\\n", " | ")[-600:])
    sys.path.remove(folder)
sys.exit(1 if failed else 0)
"""


def python_problems(folders: Mapping[str, Path]) -> list[str]:
    """Import every package (``<folder>/<package>/models.py``) in one interpreter with warnings
    as errors; a line per package that fails."""
    if not folders:
        return []
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *(str(f) for f in folders.values())],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return lines if done.returncode != 0 or lines else []


_PARSE_ALL = r"""
$bad = 0;
$seen = 0;
foreach (array_slice($argv, 1) as $folder) {
    $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($folder));
    foreach ($files as $file) {
        if (substr($file, -4) !== '.php') {
            continue;
        }
        $seen++;
        try {
            token_get_all(file_get_contents($file), TOKEN_PARSE);
        } catch (ParseError $error) {
            $bad++;
            echo $file, ':', $error->getLine(), ': ', $error->getMessage(), "\n";
        }
    }
}
if ($seen === 0) {
    echo "no PHP files\n";
    $bad = 1;
}
exit($bad ? 1 : 0);
"""


def php_problems(php: str, folders: Mapping[str, Path]) -> list[str]:
    """Parse every generated PHP file in one ``php`` process; a line per file that fails."""
    if not folders:
        return []
    done = subprocess.run(
        [php, "-r", _PARSE_ALL, *(str(f) for f in folders.values())],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return lines if done.returncode != 0 or lines else []


def dart_problems(folders: Mapping[str, Path]) -> list[str]:
    """Parse every generated Dart file with tree-sitter; a line per file with ERROR or MISSING
    nodes."""
    bad: list[str] = []
    for name, folder in sorted(folders.items()):
        for path in sorted(folder.rglob("*.dart")):
            found = problems(parse("dart", path.read_bytes()))
            if found:
                bad.append(f"{name}: {path.relative_to(folder)}: {found[:3]}")
    return bad
