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
from generator.sources import LoadOptions  # noqa: E402
from generator.sources.openapi import loader as openapi  # noqa: E402
from generator.sources.openapi import yaml_safe  # noqa: E402

SPEC = ROOT.parent / "shared" / "corpus" / "openai-2.3.0" / "openapi.yaml"


def interleaved(fns: dict[str, object], runs: int = 7) -> dict[str, float]:
    """Best CPU time of each function (process time: other processes on the machine do not
    count), the runs interleaved."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.process_time()
            fn()  # type: ignore[operator]
            times[name].append(time.process_time() - start)
    return {name: min(values) for name, values in times.items()}


def main() -> None:
    spec = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC
    text = spec.read_text(encoding="utf-8")
    best = interleaved(
        {
            "parse": lambda: yaml.load(text, Loader=yaml.CSafeLoader),
            "safe": lambda: yaml_safe.read_document(spec, Source(spec.name)),
            "full": lambda: openapi.load(spec, LoadOptions()),
        }
    )
    parse, safe, full = best["parse"], best["safe"], best["full"]
    models = openapi.load(spec, LoadOptions())
    print(f"{spec}: {len(models.models)} models")
    print(f"  C parse (yaml.CSafeLoader)   {parse:.3f} s")
    print(f"  safe reader                  {safe:.3f} s  (+{safe - parse:.3f})")
    print(f"  full load into the IR        {full:.3f} s  (+{full - parse:.3f} over the parse)")


if __name__ == "__main__":
    main()
