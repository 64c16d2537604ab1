"""The generated PHP is PSR-12 clean: ``phpcs --standard=PSR12`` finds no error (line-length
warnings aside) in the example's output or in enums whose cases the spec names. Skipped where
phpcs is not installed (``apt-get install php-codesniffer``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.ir import EnumModel, EnumValue, ModelSet, Source
from tests.support.models import example
from tests.targets.php.support import generate

NAMED = ModelSet(
    (
        EnumModel(
            "Operator",
            "string",
            (
                EnumValue("=", "Same value.", "EQUALS"),
                EnumValue("!=", None, "not-equals"),
                EnumValue("<", None, "class"),
            ),
        ),
    ),
    Source("ops.yaml"),
)


@pytest.mark.parametrize("models", [example(), NAMED], ids=["example", "named-enum"])
def test_generated_php_has_no_psr12_error(models: ModelSet, tmp_path: Path) -> None:
    phpcs = shutil.which("phpcs")
    if phpcs is None:
        pytest.skip("phpcs is not installed")
    generate(models, tmp_path)
    result = subprocess.run(
        [phpcs, "--standard=PSR12", "--extensions=php", "-n", "-q", str(tmp_path / "src")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout
