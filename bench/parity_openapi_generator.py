"""Parity of the OpenAI 2.3.0 spec against the PHP and Dart model classes OpenAPI Generator
7.26 writes from it (the SDKs users have), too slow for the test suite: generating takes
10-15 s per language here. Needs ``openapi-generator-cli`` (test extra) and Java.

python bench/parity_openapi_generator.py [SPEC]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.compare.parity import compare  # noqa: E402
from generator.compare.parity_report import render_text  # noqa: E402
from generator.sources import load  # noqa: E402

SPEC = ROOT.parent / "shared" / "corpus" / "openai-2.3.0" / "openapi.yaml"


def main() -> None:
    spec = Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC
    cli = shutil.which("openapi-generator-cli")
    if cli is None:
        sys.exit("openapi-generator-cli not found: pip install -e '.[test]'")
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for language in ("php", "dart"):
            out = Path(tmp) / language
            start = time.perf_counter()
            command = [cli, "generate", "-g", language, "-i", str(spec), "-o", str(out)]
            properties = "models,modelDocs=false,modelTests=false"
            subprocess.run(
                [*command, "--skip-validate-spec", "--global-property", properties],
                check=True,
                capture_output=True,
            )
            print(f"OpenAPI Generator {language}: {time.perf_counter() - start:.1f} s")
            folders.append(out)
        start = time.perf_counter()
        report = compare([load(spec), *(load(folder) for folder in folders)])
        print(f"load and compare: {time.perf_counter() - start:.2f} s")
        print(render_text(report), end="")


if __name__ == "__main__":
    main()
