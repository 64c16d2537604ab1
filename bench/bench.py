"""Benchmark: what users feel, as ratios to the floor (just parsing the spec).

    python bench/bench.py [SPEC] [--runs N] [--diff OLD NEW] [--no-diff]

Prints, in one run, for SPEC (default: the OpenAI spec of ``../shared/corpus/sdks/openai``),
every figure as the median of N whole processes (default 3), CPU time (user + system: other
processes on the 2-core machine count less than in wall time) with the system part and wall
time beside it, and each with its ratio to the floor:

- the floor: a new process that only parses SPEC with PyYAML's C loader (as any program
  would: the cyclic garbage collector on); beside it, the same without the collector
  (``modelgen`` runs without it, and so does bench/diff.py's floor), and a second ratio
  column (``x no-gc``) against that stricter floor;
- ``generate --lang all`` with the output already current (the no-op build), and
  ``generate --lang all --check`` on that current folder;
- ``generate --lang all`` into an empty folder (fresh), and ``--lang python`` alone;
- ``diff OLD NEW`` with code verdicts (default: the pair ``openai-diffs/010421dc-13c6a94f``),
  with its ratio to its own floor too: a process that parses both specs;
- importing the generated Python (bytecode already cached): ``from PKG.models import X`` for
  the model X whose closure is smallest, and ``import PKG`` plus every name of it (the whole
  package);
- peak memory (the largest resident set, ``ru_maxrss``) of the fresh ``--lang all`` process;
- the file system's part of the fresh run: a process that only creates the same files, empty,
  in a new folder, run right after each fresh run so that both meet the disk in the same state
  (on some disks creating thousands of files costs more than the parse, and more right after
  a large delete);
- the same fresh ``--lang all`` with its output folder in memory (tmpfs, ``/dev/shm``) when the
  machine has one: modelgen's own CPU time, without what the disk's file system charges. On an
  ext4 file system without a journal (this project's test machine), creating a file skips, one
  buffer lookup each, every inode deleted in the last 60 s (360 s while its inode table block
  is unwritten; the kernel's ``recently_deleted()``), so creating thousands of files within
  minutes of deleting thousands (a test run, ``rm -rf out``) costs quadratic system time: 0.3 s
  for 4,879 empty files on a quiet disk, 4 s right after such a delete.

modelgen's own bytecode is compiled first, as installing the wheel does (``python -m
compileall``), so that no figure includes compiling modelgen's modules.

Not a test: the figures depend on the machine. Tests only run it on a tiny spec.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SPEC = CORPUS / "sdks" / "openai" / "openapi.yaml"
DEFAULT_PAIR = CORPUS / "openai-diffs" / "010421dc-13c6a94f"
RAM = Path("/dev/shm")  # tmpfs on Linux
FLOOR = "import sys, yaml\nfor p in sys.argv[1:]: yaml.load(open(p, 'rb'), Loader=yaml.CSafeLoader)"
FLOOR_NO_GC = "import gc; gc.disable()\n" + FLOOR
CREATE = (
    "import os, sys\n"
    "root = sys.argv[1]\n"
    "for rel in open(sys.argv[2]).read().split('\\n'):\n"
    "    path = os.path.join(root, rel)\n"
    "    os.makedirs(os.path.dirname(path), exist_ok=True)\n"
    "    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))\n"
)


@dataclass(frozen=True)
class Figure:
    cpu: float  # seconds, user + system of the process
    wall: float
    peak_kb: int  # ru_maxrss of the process
    user: float = 0.0  # seconds, user time alone


def process(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Figure:
    """Run ``cmd`` in ``cwd`` to its end; its own CPU time and peak memory (``os.wait4``)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0, 1):
        raise SystemExit(f"failed ({child.returncode}): {' '.join(cmd)}\n{errors}")
    return Figure(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss, usage.ru_utime)


@contextlib.contextmanager
def in_memory_folder() -> Iterator[Path | None]:
    """A new folder in memory (under ``/dev/shm``), removed afterwards; None on a machine
    without one."""
    if not (RAM.is_dir() and os.access(RAM, os.W_OK)):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="bench-", dir=RAM) as folder:
        yield Path(folder)


def median(runs: int, action: Callable[[int], Figure]) -> Figure:
    figures = [action(n) for n in range(runs)]
    return Figure(
        statistics.median(f.cpu for f in figures),
        statistics.median(f.wall for f in figures),
        max(f.peak_kb for f in figures),
        statistics.median(f.user for f in figures),
    )


def modelgen(*argv: str) -> list[str]:
    return [sys.executable, "-m", "generator.cli", *argv]


def input_files(spec: Path) -> list[str]:
    """Every file loading ``spec`` reads (a spec split over several files is parsed whole by
    the floor too)."""
    sys.path.insert(0, str(ROOT))
    from generator.sources import load
    from generator.sources.reading import recording

    with recording() as read:
        load(spec)
    return sorted(path for path, digest in read.items() if digest is not None)


def smallest_closure_model(spec: Path) -> tuple[str, str]:
    """The Python package name and the class of the model with the fewest dependencies (a
    class with the smallest closure, ties by name)."""
    sys.path.insert(0, str(ROOT))
    from generator.ir.query import closure, edges
    from generator.sources import load
    from generator.targets import emit

    models = load(spec)
    emitted = emit("python", models)
    graph = edges(models.models)
    package = next(rel.split("/")[0] for rel in emitted.files if rel.endswith("__init__.py"))
    classes = [
        (len(closure([m.name], graph)), symbols[0].name)
        for m in models.models
        for symbols in [emitted.symbols.get(m.name, ())]
        if symbols and symbols[0].kind == "class"
    ]
    return package, min(classes)[1] if classes else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--no-diff", action="store_true", help="leave the diff figures out")
    args = parser.parse_args()
    spec = args.spec.resolve()
    if not spec.exists():
        sys.exit(f"{spec} not found")
    runs = args.runs
    rows: list[tuple[str, Figure, float | None]] = []  # name, figure, ratio to its own floor
    compileall.compile_dir(ROOT / "generator", quiet=1)

    inputs = input_files(spec)
    floor = median(runs, lambda _: process([sys.executable, "-c", FLOOR, *inputs]))
    floor_no_gc = median(runs, lambda _: process([sys.executable, "-c", FLOOR_NO_GC, *inputs]))
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        current = Path(scratch, "current")
        listing = Path(scratch, "files.txt")
        written: list[str] = []

        def fresh_then_create(n: int) -> tuple[Figure, Figure, Figure | None]:
            """A fresh ``--lang all``, then a process creating the same files empty: one
            right after the other, so that both meet the disk in the same state; then the
            fresh run again with its output in memory."""
            out = Path(scratch, f"all{n}")
            fresh = process(modelgen("generate", str(spec), "--lang", "all", "--out", str(out)))
            if not written:
                written.extend(
                    sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
                )
                listing.write_text("\n".join(written))
            empty = Path(scratch, f"empty{n}")
            create = process([sys.executable, "-c", CREATE, str(empty), str(listing)])
            if memory is None:
                return fresh, create, None
            in_memory = Path(memory, f"all{n}")
            cmd = modelgen("generate", str(spec), "--lang", "all", "--out", str(in_memory))
            return fresh, create, process(cmd)

        with in_memory_folder() as memory:  # deleted only after every run
            triples = [fresh_then_create(n) for n in range(runs)]
        fresh_all = median(runs, lambda n: triples[n][0])
        create = median(runs, lambda n: triples[n][1])
        in_ram = [ram for _, _, ram in triples if ram is not None]
        fresh_memory = median(runs, lambda n: in_ram[n]) if in_ram else None
        fresh_python = median(
            runs,
            lambda n: process(
                modelgen(
                    "generate", str(spec), "--lang", "python", "--out", str(Path(scratch, f"py{n}"))
                )
            ),
        )
        process(modelgen("generate", str(spec), "--lang", "all", "--out", str(current)))
        no_op = median(
            runs,
            lambda _: process(
                modelgen("generate", str(spec), "--lang", "all", "--out", str(current))
            ),
        )
        check = median(
            runs,
            lambda _: process(
                modelgen("generate", str(spec), "--lang", "all", "--out", str(current), "--check")
            ),
        )
        rows += [
            ("generate --lang all, output current (no-op)", no_op, None),
            ("generate --lang all --check, output current", check, None),
            ("generate --lang all, empty folder (fresh)", fresh_all, None),
            (f"  of which: creating its {len(written)} files, empty", create, None),
            *(
                [("  the same fresh run, output folder in memory (tmpfs)", fresh_memory, None)]
                if fresh_memory is not None
                else []
            ),
            ("generate --lang python, empty folder", fresh_python, None),
        ]

        if not args.no_diff:
            old, new = args.diff or (DEFAULT_PAIR / "before.yaml", DEFAULT_PAIR / "after.yaml")
            both = median(
                runs, lambda _: process([sys.executable, "-c", FLOOR, str(old), str(new)])
            )
            both_no_gc = median(
                runs, lambda _: process([sys.executable, "-c", FLOOR_NO_GC, str(old), str(new)])
            )
            diff = median(runs, lambda _: process(modelgen("diff", str(old), str(new))))
            rows.append(
                (f"floor of diff: parse {old.parent.name}/{{{old.name},{new.name}}}", both, 1.0)
            )
            rows.append(
                ("  the same without the cyclic collector", both_no_gc, both_no_gc.cpu / both.cpu)
            )
            rows.append(("diff with code verdicts (all languages)", diff, diff.cpu / both.cpu))
            rows.append(("  x its floor without the collector", diff, diff.cpu / both_no_gc.cpu))

        package, model = smallest_closure_model(spec)
        env = {**os.environ, "PYTHONPATH": str(Path(scratch, "py0"))}
        one = f"from {package}.models import {model}"
        whole = f"import {package}; [getattr({package}, n) for n in {package}.__all__]"
        for code in (one, whole):
            process([sys.executable, "-c", code], env)  # compile and cache the bytecode once
        rows.append(
            (
                f"import one model: {one}",
                median(runs, lambda _: process([sys.executable, "-c", one], env)),
                None,
            )
        )
        rows.append(
            (
                "import the whole generated Python package",
                median(runs, lambda _: process([sys.executable, "-c", whole], env)),
                None,
            )
        )
        start = median(runs, lambda _: process([sys.executable, "-c", "pass"]))
        rows.append(("python -c pass (interpreter start-up)", start, None))

    size = sum(Path(path).stat().st_size for path in inputs) / 1e6
    print(f"{spec}: {size:.2f} MB; medians of {runs} processes; ratios of CPU time")
    files = f"{len(inputs)} files" if len(inputs) > 1 else "the spec"
    rows.insert(0, (f"floor: parse {files} only (PyYAML C loader)", floor, None))
    rows.insert(1, ("  the same without the cyclic collector", floor_no_gc, None))
    width = max(len(name) for name, _, _ in rows)
    header = f"{'cpu':>7}  {'system':>7}  {'wall':>7}  {'x floor':>7}  {'x no-gc':>7}  {'x own':>6}"
    print(f"  {'':<{width}}  {header}")
    for name, figure, own in rows:
        own_text = f"{own:5.2f}x" if own is not None else "      "
        print(
            f"  {name:<{width}}  {figure.cpu:6.3f}s  {figure.cpu - figure.user:6.3f}s"
            f"  {figure.wall:6.3f}s"
            f"  {figure.cpu / floor.cpu:6.2f}x  {figure.cpu / floor_no_gc.cpu:6.2f}x  {own_text}"
        )
    print(f"  peak memory of generate --lang all (fresh): {fresh_all.peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
