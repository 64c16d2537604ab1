"""Time reading the OpenAI 2.3.0 spec: the bare C parse, the safe reader, and the full load.

    python bench/load.py [SPEC]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ir import Source  # noqa: E402
from generator.loaders import LoadOptions, openapi, yaml_safe  # noqa: E402

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
    text = spec.read_text(encoding="utf-8")
    parse = best(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    safe = best(lambda: yaml_safe.read_document(spec, Source(spec.name)))
    full = best(lambda: openapi.load(spec, LoadOptions()))
    models = openapi.load(spec, LoadOptions())
    print(f"{spec}: {len(models.models)} models")
    print(f"  C parse (yaml.CSafeLoader)   {parse:.3f} s")
    print(f"  safe reader                  {safe:.3f} s  (+{safe - parse:.3f})")
    print(f"  full load into the IR        {full:.3f} s  (+{full - parse:.3f} over the parse)")


if __name__ == "__main__":
    main()
