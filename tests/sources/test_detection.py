"""What a file is, by its content (generator/sources/sniff.py): a spec wherever its top-level
``openapi``/``swagger`` key is, in UTF-8, -16 or -32 with a byte order mark; never for a key
that is not at the top level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import cli
from generator.sources import load, sniff
from generator.sources.openapi import loader as openapi

SCHEMAS = "components:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n"


def padded_spec() -> str:
    """A spec whose keys are sorted, with 100 KB of components before ``openapi:`` (as Stripe
    publishes its spec)."""
    filler = "".join(
        f"    Filler{i}: {{type: string, description: '{'x' * 90}'}}\n" for i in range(1000)
    )
    return SCHEMAS + filler + "info: {title: Sorted, version: '1'}\nopenapi: 3.0.3\npaths: {}\n"


def test_an_openapi_key_after_the_first_64_kib_is_found(tmp_path: Path) -> None:
    path = tmp_path / "sorted.yaml"
    path.write_text(padded_spec(), encoding="utf-8")
    assert path.read_bytes().find(b"openapi:") > 65536
    assert openapi.detect(path)
    assert "Pet" in load(path).by_name()


def test_a_json_spec_with_its_openapi_key_last_is_found(tmp_path: Path) -> None:
    document = {"components": {"schemas": {f"S{i}": {"type": "string"} for i in range(4000)}}}
    document["openapi"] = "3.1.0"  # type: ignore[assignment]
    path = tmp_path / "last.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert path.stat().st_size > 65536
    assert sniff.kind(path) == "openapi" and openapi.detect(path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_specs_with_a_byte_order_mark_are_detected_and_load(tmp_path: Path, encoding: str) -> None:
    text = "openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n" + SCHEMAS
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # Python writes the mark for "utf-16" only
    path = tmp_path / "bom.yaml"
    path.write_bytes(data)
    assert openapi.detect(path)
    assert [m.name for m in load(path).models] == ["Pet"]


def test_flow_style_yaml_is_parsed_to_find_its_keys(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text("{info: {title: T}, openapi: 3.0.0, paths: {}}\n", encoding="utf-8")
    assert openapi.detect(path)


@pytest.mark.parametrize(
    "text",
    [
        "spec:\n  openapi: 3.0.0\n",  # not at the top level
        "description: |\n  openapi: 3.0.0\n",  # inside a block scalar
        "# openapi: 3.0.0\ntitle: x\n",  # a comment
        '{"info": {"openapi": "3.0.0"}}',  # JSON, nested
    ],
)
def test_an_openapi_key_below_the_top_level_is_not_a_spec(tmp_path: Path, text: str) -> None:
    path = tmp_path / ("n.json" if text.startswith("{") else "n.yaml")
    path.write_text(text, encoding="utf-8")
    assert sniff.kind(path) is None and not openapi.detect(path)


def test_generate_parity_and_diff_find_a_late_openapi_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sorted.yaml"
    path.write_text(padded_spec(), encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["generate", str(path), "--lang", "python", "--out", str(out)]) == 0
    assert cli.main(["parity", str(path), str(path)]) == 0
    assert cli.main(["diff", str(path), str(path), "--lang", "none"]) == 0
    assert "not a source" not in capsys.readouterr().err
