"""Time ``modelgen diff`` on a pair of 3 MB OpenAI spec revisions, step by step: the bare C YAML
parse (the floor), loading both versions, comparing, code verdicts (emit + parse the changed
models in every registered language), and the report.

    python bench/diff.py [OLD NEW]

Defaults to ``../shared/corpus/openai-diffs/010421dc-13c6a94f`` (about 3 MB per spec). Each
step is run ``RUNS`` times and the best time is shown; the target is < 3 s in all. The cyclic
garbage collector is off during the steps, as in ``modelgen diff``.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compare.diff import compare  # noqa: E402
from generator.compare.diff_report import Review, render  # noqa: E402
from generator.compare.surface import apply, surface  # noqa: E402
from generator.sources import load  # noqa: E402
from generator.targets import default_languages, emit  # noqa: E402

PAIR = ROOT.parent / "shared" / "corpus" / "openai-diffs" / "010421dc-13c6a94f"
RUNS = 3
T = TypeVar("T")


def best(step: Callable[[], T]) -> tuple[float, T]:
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return min(times), result  # type: ignore[return-value]


def available_languages() -> list[str]:
    languages = []
    for language in default_languages():
        try:
            emit(language, load(ROOT / "schemas" / "realtime.yaml"))
        except ImportError:
            print(f"  ({language}: emitter not available, skipped)")
            continue
        languages.append(language)
    return languages


def main() -> None:
    old_path, new_path = (
        (Path(sys.argv[1]), Path(sys.argv[2]))
        if len(sys.argv) == 3
        else (PAIR / "before.yaml", PAIR / "after.yaml")
    )
    gc.disable()
    size = (old_path.stat().st_size + new_path.stat().st_size) / 2**20
    print(f"{old_path} -> {new_path} ({size:.1f} MB in all)")
    floor, _ = best(
        lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in (old_path, new_path)]
    )
    loading, (old, new) = best(lambda: (load(old_path), load(new_path)))
    comparing, findings = best(lambda: compare(old, new))
    languages = available_languages()

    def code() -> object:
        def emit(language: str, models: object) -> dict[str, str]:
            return emit(language, models).files  # type: ignore[arg-type]

        return surface(old, new, findings, languages, emit)

    coding, result = best(code)
    reporting, _ = best(
        lambda: render(
            Review(str(old_path), str(new_path), tuple(apply(findings, result)), tuple(languages)),  # type: ignore[arg-type]
            "text",
        )
    )
    total = loading + comparing + coding + reporting
    print(f"  yaml parse floor (C loader, both): {floor:6.2f} s")
    print(f"  load both versions:                {loading:6.2f} s")
    print(f"  compare ({len(old.models)} models):          {comparing:6.2f} s")
    print(f"  code verdicts {','.join(languages) or '(none)':20} {coding:6.2f} s")
    print(f"  report:                            {reporting:6.2f} s")
    print(f"  total:                             {total:6.2f} s  (target < 3 s)")
    print(f"  findings: {len(findings)}")


if __name__ == "__main__":
    main()
