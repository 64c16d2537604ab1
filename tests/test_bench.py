"""bench/bench.py runs end to end (on the tiny example spec: no figure is asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.support.paths import EXAMPLE_SPEC, ROOT


def test_bench_prints_every_figure_with_its_ratio_to_the_floor() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "bench/bench.py",
            str(EXAMPLE_SPEC),
            "--runs",
            "1",
            "--diff",
            str(EXAMPLE_SPEC),
            str(EXAMPLE_SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    in_memory = ["output folder in memory (tmpfs)"] if os.access("/dev/shm", os.W_OK) else []
    for row in (
        *in_memory,
        "floor: parse the spec only",
        "output current (no-op)",
        "--check, output current",
        "empty folder (fresh)",
        "of which: creating its",
        "the same without the cyclic collector",
        "generate --lang python",
        "diff with code verdicts",
        "import one model: from realtime_events_api.models import ",
        "import the whole generated Python package",
    ):
        line = next((line for line in lines if row in line), None)
        assert line is not None, f"no row {row!r} in:\n{done.stdout}"
        assert re.search(r"\d\.\d\dx", line), f"no ratio to the floor in {line!r}"
    assert any(line.strip().startswith("peak memory of generate") for line in lines)


def test_versus_compares_this_checkout_with_another_on_every_row() -> None:
    # Against itself, on the example spec: each row has both medians and the change.
    done = subprocess.run(
        [sys.executable, "bench/versus.py", str(ROOT), str(EXAMPLE_SPEC), "--runs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("generate ")]
    assert [row[:40].strip() for row in rows] == [
        "generate --lang python, empty folder",
        "generate --lang all, empty folder",
        "generate --lang all, output current",
    ]
    for row in rows:
        figures = r" *\d+\.\d{3}s *\d+\.\d{3}s *[+-]\d+%"
        assert re.fullmatch(f".{{40}}{figures}{figures}", row), row
