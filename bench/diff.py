"""Time ``modelgen diff`` with code verdicts against the floor: parsing both specs.

    python bench/diff.py [OLD NEW] [--runs N]

Defaults to ``../shared/corpus/openai-diffs/010421dc-13c6a94f`` (two revisions of about 3 MB).
Prints, in one run, CPU times (other processes on the machine count less than in wall time)
and their ratios to the floor, the cyclic garbage collector off everywhere, as in ``modelgen
diff``:

- in process, best of N, the steps interleaved: the floor (both specs parsed with PyYAML's C
  loader), loading both into the IR (file names as the user gave them), comparing, code
  verdicts (the changed models and their closure listed in every language of ``--lang all``,
  the listings compared, each finding given its verdicts), the findings' line numbers, the
  report.
  The first code-verdict call of a process also imports the emitters and compiles their
  templates, as every ``modelgen diff`` process does: it is shown apart, and it is the one the
  total counts;
- whole processes, median of N, interleaved: one that only parses both specs, ``modelgen diff
  --lang none`` and ``modelgen diff`` (code verdicts in every language).

The target (issues 16 and 17) is diff with code verdicts <= 1.5x the floor; for a rewrite of
a whole spec (``python bench/diff.py ../shared/corpus/openai-2.3.0/openapi.yaml
../shared/corpus/sdks/openai/openapi.yaml``: 3.0 -> 3.1, nearly every model changed) <= 3x.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compare.diff import Finding, compare  # noqa: E402
from generator.compare.diff_report import Review, render  # noqa: E402
from generator.compare.revisions import load_version  # noqa: E402
from generator.compare.surface import Surface, apply, surface  # noqa: E402
from generator.ir import ModelSet  # noqa: E402
from generator.sources import load  # noqa: E402
from generator.sources.openapi.locate import with_lines  # noqa: E402
from generator.targets import default_languages, listing  # noqa: E402

PAIR = ROOT.parent / "shared" / "corpus" / "openai-diffs" / "010421dc-13c6a94f"
FLOOR = (
    "import gc, sys, yaml; gc.disable(); "
    "[yaml.load(open(p, 'rb').read(), Loader=yaml.CSafeLoader) for p in sys.argv[1:]]"
)
T = TypeVar("T")


def cpu(step: Callable[[], T]) -> tuple[float, T]:
    start = time.process_time()
    result = step()
    return time.process_time() - start, result


def interleaved(steps: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Best CPU seconds of each step, the runs interleaved (a busy moment of the machine then
    weighs on every step alike)."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            times[name].append(cpu(step)[0])
    return {name: min(values) for name, values in times.items()}


def children(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median CPU seconds (user + system) of each command run as a new process, interleaved."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            times[name].append(used)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("old", nargs="?", type=Path, default=PAIR / "before.yaml")
    parser.add_argument("new", nargs="?", type=Path, default=PAIR / "after.yaml")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    old_path, new_path, runs = args.old.resolve(), args.new.resolve(), args.runs
    size = (old_path.stat().st_size + new_path.stat().st_size) / 2**20
    print(f"{old_path} -> {new_path} ({size:.1f} MB in all)")
    gc.disable()
    languages = list(default_languages())
    stack = ExitStack()  # checkouts of REV:path arguments (none here)

    def load_both() -> tuple[tuple[ModelSet, dict[str, Path]], ...]:
        """Both sides as ``modelgen diff`` loads them: file names as the user gave them."""
        return tuple(load_version(str(p), load, stack) for p in (old_path, new_path))

    (old, old_files), (new, new_files) = load_both()
    files = {**old_files, **new_files}
    findings = compare(old, new)

    def code() -> tuple[Surface, list[Finding]]:
        found = surface(old, new, findings, languages, listing)
        return found, apply(findings, found)

    first, (result, reviewed) = cpu(code)  # imports the emitters, compiles their templates
    review = Review(str(old_path), str(new_path), tuple(reviewed), tuple(languages))
    paths = (old_path, new_path)
    best = interleaved(
        {
            "floor": lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in paths],
            "load": load_both,
            "compare": lambda: compare(old, new),
            "lines": lambda: with_lines(reviewed, files),
            "code": code,
            "report": lambda: render(review, "text"),
        },
        runs,
    )
    floor = best["floor"]
    wire = best["load"] + best["compare"] + best["lines"] + best["report"]

    def row(label: str, seconds: float, base: float = floor) -> None:
        print(f"  {label:44} {seconds:6.2f} s  {seconds / base:5.2f}x")

    print(f"in process, CPU, best of {runs}, interleaved (ratios to the floor):")
    row("floor: parse both specs (C loader)", floor)
    row("load both versions into the IR (files named)", best["load"])
    row(f"compare ({len(old.models)} models, {len(findings)} findings)", best["compare"])
    row(f"code verdicts ({','.join(languages)}), first call", first)
    row("code verdicts, later calls", best["code"])
    row("line numbers of the findings", best["lines"])
    row("report (text)", best["report"])
    row("diff without code verdicts", wire)
    row("diff with code verdicts (first call)", wire + first)
    for note in result.notes:
        print(f"  note: {note}")
    spec_args = [str(old_path), str(new_path)]
    diff = [sys.executable, "-m", "generator.cli", "diff", *spec_args]
    processes = children(
        {
            "floor": [sys.executable, "-c", FLOOR, *spec_args],
            "none": [*diff, "--lang", "none"],
            "all": diff,
        },
        runs,
    )
    print(f"whole processes, CPU, median of {runs}, interleaved (ratios to the floor process):")
    row("floor: parse both specs (C loader)", processes["floor"], processes["floor"])
    row("modelgen diff --lang none", processes["none"], processes["floor"])
    row("modelgen diff (code verdicts, --lang all)", processes["all"], processes["floor"])
    print("target: diff with code verdicts <= 1.50x the floor (a whole-spec rewrite: <= 3x)")


if __name__ == "__main__":
    main()
