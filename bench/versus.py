"""Benchmark: this checkout against another one (an older commit), run alternately.

    git worktree add /tmp/before cae491f      # e.g. the code before a change
    python bench/versus.py /tmp/before [SPEC] [--runs N]

Prints, for SPEC (default: OpenAI 2.3.0 of ``../shared/corpus``), the median CPU time (user +
system) of new processes of either checkout, and beside it the user time alone (the system
time is mostly the file system creating files, which on some disks varies more from one
moment to the next than anything the code does): ``generate --lang python`` and ``--lang all`` into
an empty folder, and ``generate --lang all`` with its output already current (the no-op build).
The two checkouts take turns, run after run, so that a busy moment of the 2-core machine
weighs on both alike; a single pair of timings here is noise. Each checkout's bytecode is
compiled first, as installing the wheel does. Both run as ``python -m generator.cli`` with the
checkout first on ``sys.path``; a checkout from before the console's commands were what they
are now only needs to accept ``generate SPEC --lang L --out DIR``.

Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys
import tempfile
from pathlib import Path

from bench import ROOT, Figure, median, process  # bench/bench.py (this folder is first on sys.path)

DEFAULT_SPEC = ROOT.parent / "shared" / "corpus" / "openai-2.3.0" / "openapi.yaml"


def generate(checkout: Path, spec: Path, lang: str, out: Path) -> Figure:
    """One ``generate`` process of ``checkout`` (its own folder first on ``sys.path``)."""
    cmd = [sys.executable, "-m", "generator.cli", "generate", str(spec), "--lang", lang]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    return process([*cmd, "--out", str(out)], env, cwd=checkout)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (a git worktree)")
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    spec = args.spec.resolve()
    checkouts = {"other": args.other.resolve(), "this": ROOT}
    for checkout in checkouts.values():
        if not (checkout / "generator").is_dir():
            sys.exit(f"{checkout}: not a modelgen checkout")
        compileall.compile_dir(checkout / "generator", quiet=1)
    print(f"{spec}: medians of {args.runs} processes each, alternating; CPU seconds")
    print(f"  other: {checkouts['other']}\n  this:  {checkouts['this']}")
    columns = f"{'other':>9}{'this':>9}{'change':>9}"
    print(f"{'':40}{columns}   {columns}   (CPU, then user time alone)")
    with tempfile.TemporaryDirectory(prefix="versus-") as scratch:
        for label, lang, fresh in (
            ("generate --lang python, empty folder", "python", True),
            ("generate --lang all, empty folder", "all", True),
            ("generate --lang all, output current", "all", False),
        ):
            times: dict[str, list[Figure]] = {name: [] for name in checkouts}
            for name, checkout in checkouts.items():
                if not fresh:  # the folder each no-op run finds current
                    generate(checkout, spec, lang, Path(scratch, f"{name}-{lang}-current"))
            for n in range(args.runs):
                for name, checkout in checkouts.items():
                    out = Path(scratch, f"{name}-{lang}-{n}" if fresh else f"{name}-{lang}-current")
                    times[name].append(generate(checkout, spec, lang, out))
            other, this = (median(args.runs, times[n].__getitem__) for n in checkouts)
            print(
                f"{label:40}{other.cpu:8.3f}s{this.cpu:8.3f}s{this.cpu / other.cpu - 1:+9.0%}"
                f"   {other.user:8.3f}s{this.user:8.3f}s{this.user / other.user - 1:+9.0%}"
            )


if __name__ == "__main__":
    main()
