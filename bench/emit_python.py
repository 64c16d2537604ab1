"""Time emitting Python for the OpenAI 2.3.0 spec (the IR is loaded once, outside the timing),
and the whole `modelgen generate --lang python` run in a fresh interpreter.

    python bench/emit_python.py [SPEC]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.sources import LoadOptions  # noqa: E402
from generator.sources.openapi import loader as openapi  # noqa: E402
from generator.targets import emit  # noqa: E402

SPEC = ROOT.parent / "shared" / "corpus" / "openai-2.3.0" / "openapi.yaml"


def best(fn: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    spec = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC
    models = openapi.load(spec, LoadOptions())
    files = emit("python", models).files
    lines = sum(text.count("\n") for text in files.values())
    emitting = best(lambda: emit("python", models).files)
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "generator.cli", "generate", str(spec)]
        command += ["--lang", "python", "--out", out, "--force"]

        def run() -> None:
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)

        whole = best(run, runs=3)
    print(f"{spec}: {len(models.models)} models, {len(files)} files, {lines} lines")
    print(f"  emit Python (IR in memory)          {emitting:.3f} s")
    print(f"  modelgen generate --lang python     {whole:.3f} s  (fresh interpreter, writes)")


if __name__ == "__main__":
    main()
