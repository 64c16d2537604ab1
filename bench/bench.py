"""Benchmark: wall time of `modelgen generate` against the floor (just parsing the spec).

    python bench/bench.py [SPEC] [--runs N] [--compare]

Prints, for the spec (default: the OpenAI 2.3.0 spec from ../shared/corpus):
- the floor: a fresh Python process that only parses the spec with PyYAML's C loader;
- a fresh `modelgen generate` process per language set, written into a temporary folder;
- an in-process breakdown (load to IR, emit per language);
- with --compare, datamodel-code-generator (dataclasses) on the same spec, if installed.
Each figure is the median of N runs (default 5). Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
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


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="also time datamodel-codegen")
    args = parser.parse_args()
    spec = args.spec.resolve()
    if not spec.exists():
        sys.exit(f"{spec} not found")
    sys.path.insert(0, str(ROOT))
    from generator.emitters import ALL, EmitOptions, emitter
    from generator.loaders import load

    rows: list[tuple[str, float]] = []
    rows.append(
        (
            "floor: parse only (new process)",
            median_time(lambda: run([sys.executable, "-c", FLOOR, str(spec)]), args.runs),
        )
    )
    for langs in [*ALL, "all"] if len(ALL) > 1 else ALL:
        with tempfile.TemporaryDirectory() as out:
            cmd = [
                sys.executable,
                "-m",
                "generator.cli",
                "generate",
                str(spec),
                "--lang",
                langs,
                "--out",
                str(Path(out) / "o"),
            ]
            run(cmd)  # first run writes; timed runs compare and rewrite nothing
            fresh = median_time(
                lambda cmd=cmd, out=out: (shutil.rmtree(Path(out) / "o"), run(cmd)), args.runs
            )
        rows.append((f"modelgen generate --lang {langs} (new process, fresh folder)", fresh))

    models = load(spec)
    rows.append(("in process: load to IR", median_time(lambda: load(spec), args.runs)))
    for lang in ALL:
        emit = emitter(lang)
        rows.append(
            (
                f"in process: emit {lang} ({len(emit(models, EmitOptions()))} files)",
                median_time(lambda emit=emit: emit(models, EmitOptions()), args.runs),
            )
        )

    if args.compare and shutil.which("datamodel-codegen"):
        with tempfile.TemporaryDirectory() as out:
            cmd = [
                "datamodel-codegen",
                "--input",
                str(spec),
                "--input-file-type",
                "openapi",
                "--output-model-type",
                "dataclasses.dataclass",
                "--output",
                f"{out}/m.py",
            ]
            rows.append(
                (
                    "datamodel-codegen dataclasses (new process)",
                    median_time(lambda: run(cmd), max(1, args.runs // 2)),
                )
            )

    print(
        f"{spec.name}: {spec.stat().st_size / 1e6:.1f} MB, {len(models.models)} models, "
        f"median of {args.runs} runs"
    )
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:6.3f} s")


if __name__ == "__main__":
    main()
