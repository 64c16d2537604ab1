"""Benchmark: wall time of `modelgen generate` against the floor (just parsing the spec).

    python bench/bench.py [SPEC] [--runs N] [--compare]

Prints, for the spec (default: the OpenAI 2.3.0 spec from ../shared/corpus):
- the floor: a fresh Python process that only parses the spec with PyYAML's C loader;
- a fresh `modelgen generate` process per language, and for all three, each into a new empty
  folder (the cost a clean CI checkout pays);
- the same with the output already current (the cost of every later build: nothing rewritten);
- an in-process breakdown (load to IR, emit per language);
- with --compare, datamodel-code-generator (dataclasses) on the same spec, if installed.
Each figure is the median of N runs (default 5): wall time, and for processes the CPU time
(user + system) beside it. Not a test: the numbers depend on the machine and its disk.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT.parent / "shared" / "corpus" / "openai-2.3.0" / "openapi.yaml"
FLOOR = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


def measure(action: Callable[[int], object], runs: int) -> tuple[float, float | None]:
    """Median wall seconds of ``action(run_number)``, and median CPU seconds of the child
    processes it ran (None when it ran none)."""
    walls: list[float] = []
    cpus: list[float] = []
    for number in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        action(number)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    cpu = statistics.median(cpus)
    return statistics.median(walls), (cpu if cpu > 0.001 else None)


def run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)


def generate_cmd(spec: Path, langs: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "generate", str(spec), "--lang", langs,
            "--out", str(out)]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="also time datamodel-codegen")
    args = parser.parse_args()
    spec = args.spec.resolve()
    if not spec.exists():
        sys.exit(f"{spec} not found")
    sys.path.insert(0, str(ROOT))
    from generator.targets import default_languages, emit

    ALL = default_languages()
    from generator.sources import load

    rows: list[tuple[str, tuple[float, float | None]]] = []
    floor = [sys.executable, "-c", FLOOR, str(spec)]
    rows.append(("floor: parse only (new process)", measure(lambda _: run(floor), args.runs)))
    with tempfile.TemporaryDirectory(dir=ROOT) as scratch:
        for langs in [*ALL, "all"]:
            fresh = measure(
                lambda n, langs=langs: run(generate_cmd(spec, langs, Path(scratch, langs, str(n)))),
                args.runs,
            )
            rows.append((f"generate --lang {langs} (new process, empty folder)", fresh))
        current = measure(
            lambda _: run(generate_cmd(spec, "all", Path(scratch, "all", "0"))), args.runs
        )
        rows.append(("generate --lang all (new process, output already current)", current))

    models = load(spec)
    rows.append(("in process: load to IR", measure(lambda _: load(spec), args.runs)))
    for lang in ALL:
        count = len(emit(lang, models).files)
        timing = measure(lambda _, lang=lang: emit(lang, models), args.runs)
        rows.append((f"in process: emit {lang} ({count} files)", timing))

    if args.compare and shutil.which("datamodel-codegen"):
        with tempfile.TemporaryDirectory() as out:
            cmd = ["datamodel-codegen", "--input", str(spec), "--input-file-type", "openapi"]
            cmd += ["--output-model-type", "dataclasses.dataclass", "--output", f"{out}/m.py"]
            timing = measure(lambda _: run(cmd), max(1, args.runs // 2))
            rows.append(("datamodel-codegen, dataclasses (new process)", timing))

    print(f"{spec.name}: {spec.stat().st_size / 1e6:.1f} MB, {len(models.models)} models, "
          f"median of {args.runs} runs")  # fmt: skip
    width = max(len(name) for name, _ in rows)
    print(f"  {'':<{width}}  {'wall':>7}  {'cpu':>7}")
    for name, (wall, cpu) in rows:
        cpu_text = f"{cpu:6.3f}s" if cpu is not None else "      -"
        print(f"  {name:<{width}}  {wall:6.3f}s  {cpu_text}")


if __name__ == "__main__":
    main()
