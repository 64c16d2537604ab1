"""Time ``modelgen parity`` on the two OpenAI 2.3.0 SDK doc folders (the target is under 2 s
wall for the whole command), split into loading, comparing and rendering.

python bench/parity.py [SOURCE SOURCE ...]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compare.parity import compare  # noqa: E402
from generator.compare.parity_report import render_html, render_json, render_text  # noqa: E402
from generator.sources import load  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "openai-2.3.0"
DEFAULT = [CORPUS / "php-docs", CORPUS / "dart-docs"]


def best(fn: object, runs: int = 5) -> float:
    """Best wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    sources = [Path(p) for p in sys.argv[1:]] or DEFAULT
    sets = [load(p) for p in sources]
    report = compare(sets)
    load_time = best(lambda: [load(p) for p in sources])
    compare_time = best(lambda: compare(sets))
    text_time = best(lambda: render_text(report))
    json_time = best(lambda: render_json(report))
    html_time = best(lambda: render_html(report))
    command = [sys.executable, "-m", "generator.cli", "parity", *map(str, sources)]
    wall = best(lambda: subprocess.run(command, cwd=ROOT, capture_output=True, check=False), runs=3)
    print(f"parity of {', '.join(map(str, sources))}: {len(report.models)} models")
    print(f"  load sources      {load_time:.3f} s")
    print(f"  compare           {compare_time:.3f} s")
    print(f"  render text       {text_time:.3f} s")
    print(f"  render json       {json_time:.3f} s")
    print(f"  render html       {html_time:.3f} s")
    print(
        f"  whole command     {wall:.3f} s wall (python -m generator.cli parity ...; target < 2 s)"
    )


if __name__ == "__main__":
    main()
