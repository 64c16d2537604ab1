"""Benchmark: the Dart SDK reader (``dart-sdk``) against its floor, parsing the same files with
tree-sitter and nothing else; and ``modelgen parity SPEC SDK`` as a fresh process.

    python bench/dart_sdk.py [SDK_FOLDER [SPEC]] [--runs N]

Defaults: the OpenAI Dart SDK and its spec from ../shared/corpus/sdks/openai. Each figure is
the median of N runs (default 5). Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.sources import LoadOptions  # noqa: E402
from generator.targets.dart import sdk_reader  # noqa: E402
from generator.treesitter import parse  # noqa: E402

OPENAI = ROOT.parent / "shared" / "corpus" / "sdks" / "openai"


def median(action: object, runs: int) -> float:
    assert callable(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sdk", nargs="?", type=Path, default=OPENAI / "dart" / "lib")
    parser.add_argument("spec", nargs="?", type=Path, default=OPENAI / "openapi.yaml")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = [
        f
        for f in sdk_reader.dart_files(args.sdk)
        if not f.name.endswith(sdk_reader.GENERATED_SUFFIXES)
    ]
    data = [f.read_bytes() for f in files]

    def floor() -> None:
        for text in data:
            parse("dart", text)

    floor_s = median(floor, args.runs)
    load_s = median(lambda: sdk_reader.load(args.sdk, LoadOptions()), args.runs)
    print(f"{len(files)} files, {sum(map(len, data)) // 1024} KiB")
    print(f"floor (tree-sitter parse): {floor_s:.2f} s")
    print(f"dart-sdk load:             {load_s:.2f} s ({load_s / floor_s:.1f}x the floor)")
    command = [sys.executable, "-m", "generator.cli", "parity", str(args.spec), str(args.sdk)]

    def parity() -> None:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        if done.returncode not in (0, 1):
            sys.exit(done.stderr.decode())

    print(f"parity (fresh process):    {median(parity, args.runs):.2f} s")


if __name__ == "__main__":
    main()
