"""Helpers for the PHP emitter tests: write generated files, load them all in one PHP process,
and round-trip JSON instances through the generated classes in one PHP process."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.ir import JsonValue, ModelSet
from generator.targets import emit
from generator.targets.php.emit import entry_points

RUNNER = Path(__file__).with_name("php_roundtrip.php")

# Loads every file given on the command line (after an autoloader for the namespace), so a
# parse error, a bad class declaration or any output from a file shows.
_LOAD_ALL = r"""
declare(strict_types=1);
$src = $argv[1];
$prefix = $argv[2] . '\\';
spl_autoload_register(static function (string $class) use ($src, $prefix): void {
    if (str_starts_with($class, $prefix)) {
        $file = $src . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require_once $file;
        }
    }
});
foreach (array_slice($argv, 3) as $file) {
    require_once realpath($file);
}
"""


def write(files: Mapping[str, str], root: Path) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def namespace_of(files: Mapping[str, str]) -> str:
    composer = json.loads(files["composer.json"])
    (prefix,) = composer["autoload"]["psr-4"]
    return str(prefix).rstrip("\\")


def generate(models: ModelSet, root: Path, **options: object) -> dict[str, str]:
    files = emit("php", models, (), **options).files
    write(files, root)
    return files


def load_all(php: str, root: Path, files: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Requires every generated PHP file in one process; returns the finished process."""
    php_files = sorted(str(root / rel) for rel in files if rel.endswith(".php"))
    return subprocess.run(
        [php, "-r", _LOAD_ALL, str(root / "src"), namespace_of(files), *php_files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def round_trip(
    php: str,
    root: Path,
    files: Mapping[str, str],
    models: ModelSet,
    cases: Iterable[tuple[str, str, str]],
) -> dict[str, tuple[str, str, str]]:
    """Runs ``(case id, model name, JSON text)`` cases through the generated code in one PHP
    process; returns case id -> ("ok", decoded PHP type, re-encoded JSON) or ("error",
    exception class and message, "")."""
    points = entry_points(models)
    lines = []
    for case_id, model, text in cases:
        decoder, encoder = points[model]
        assert "\t" not in case_id and "\n" not in text
        lines.append(f"{case_id}\t{decoder}\t{encoder or '-'}\t{text}\n")
    case_file = root / "cases.tsv"
    case_file.write_text("".join(lines), encoding="utf-8")
    done = subprocess.run(
        [php, str(RUNNER), str(root / "src"), namespace_of(files), str(case_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr + done.stdout[-2000:]
    results: dict[str, tuple[str, str, str]] = {}
    for line in done.stdout.split("\n")[:-1]:
        case_id, status, rest = line.split("\t", 2)
        if status == "ok":
            php_type, text = rest.split("\t", 1)
            results[case_id] = (status, php_type, text)
        else:
            results[case_id] = (status, rest, "")
    return results


def same_json(a: JsonValue, b: JsonValue) -> bool:
    """Equal as JSON values, with int and float, bool and int, {} and [] kept apart."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def dumps(value: JsonValue) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def first_difference(a: JsonValue, b: JsonValue, path: str = "$") -> str | None:
    """Where two JSON values first differ (see :func:`same_json`), or None."""
    if type(a) is not type(b):
        return f"{path}: {a!r:.80} != {b!r:.80}"
    if isinstance(a, dict):
        assert isinstance(b, dict)
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a.keys() ^ b.keys())!r:.160}"
        for key in a:
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        assert isinstance(b, list)
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r:.80} != {b!r:.80}"
