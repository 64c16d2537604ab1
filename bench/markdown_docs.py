"""Time loading the corpus's markdown docs folders and writing them back.

    python bench/markdown_docs.py [../shared/corpus/openai-2.3.0]

Prints the best of five runs for each step (in-process, after imports)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.sources import load
from generator.targets import emit


def best(step, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/openai-2.3.0")
    for folder, language in (("php-docs", "docs-php"), ("dart-docs", "docs-dart")):
        path = root / folder
        models = load(path)
        load_s = best(lambda: load(path))  # noqa: B023
        emit_s = best(lambda: emit(language, models).files)  # noqa: B023
        print(f"{folder}: {len(models.models)} models, load {load_s:.3f} s, write {emit_s:.3f} s")


if __name__ == "__main__":
    main()
