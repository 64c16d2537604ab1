"""The Dart emitter on real specs: the example schema and the OpenAI 2.3.0 spec (corpus)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.ir import ModelSet, ObjectModel
from generator.ir.query import homes
from generator.sources import load
from generator.targets import emit
from tests.support.paths import EXAMPLE_SPEC, ROOT
from tests.targets.dart.check import classes, declaring, parse_problems, undeclared_names


@pytest.fixture(scope="module")
def openai(openai_models: ModelSet) -> ModelSet:
    return openai_models  # the session's (tests/conftest.py)


@pytest.fixture(scope="module")
def openai_files(openai: ModelSet) -> dict[str, str]:
    return emit("dart", openai).files


def test_example_parses_and_has_its_client_event_family() -> None:
    files = emit("dart", load(EXAMPLE_SPEC)).files
    assert parse_problems(files) == {}
    text = declaring(files, "ClientEvent")
    assert "sealed class ClientEvent {" in text
    cases = re.findall(
        r"^      case '([^']+)':\n        return (\w+)\.fromJson\(json\);$", text, re.M
    )
    assert dict(cases) == {
        "conversation.item.create": "ConversationItemCreateEvent",
        "input_audio_buffer.append": "InputAudioBufferAppendEvent",
        "response.cancel": "ResponseCancelEvent",
        "session.update": "SessionUpdateEvent",
    }
    server = declaring(files, "ServerEvent")
    assert "switch (json['type']) {" in server  # inferred discriminator


@pytest.mark.slow
def test_openai_every_file_parses_without_errors(openai_files: dict[str, str]) -> None:
    assert parse_problems(openai_files) == {}


@pytest.mark.slow
def test_openai_every_name_used_is_declared(openai_files: dict[str, str]) -> None:
    assert undeclared_names(openai_files) == set()


@pytest.mark.slow
def test_openai_classes_have_final_fields_json_methods_and_distinct_members(
    openai_files: dict[str, str],
) -> None:
    objects = 0
    for rel, text in openai_files.items():
        if not rel.startswith("lib/src/") or rel.endswith("_support.dart"):
            continue
        for cls in classes(text):
            members = [name for name, _, _ in cls.fields] + cls.methods
            assert len(members) == len(set(members)), (rel, cls.name)
            assert all(final for _, _, final in cls.fields), (rel, cls.name)
            if cls.header.startswith("final class") and "toJson" in cls.methods:
                objects += 1
                assert "copyWith" in cls.methods or cls.fields[0][0] in ("value", "json")
    assert objects > 600


@pytest.mark.slow
def test_openai_one_part_per_home(openai: ModelSet, openai_files: dict[str, str]) -> None:
    parts = [rel for rel in openai_files if rel.startswith("lib/src/")]
    assert len(parts) == len(homes(openai.models)) + 1  # and the support part
    assert len(parts) < len(openai.models) / 2  # inline objects live with their owner


@pytest.mark.slow
def test_openai_realtime_client_event_is_a_sealed_family_of_11_events(
    openai: ModelSet, openai_files: dict[str, str]
) -> None:
    text = declaring(openai_files, "RealtimeClientEvent")
    assert "sealed class RealtimeClientEvent {" in text
    assert "switch (json['type']) {" in text
    cases = dict(
        re.findall(r"^      case '([^']+)':\n        return (\w+)\.fromJson\(json\);$", text, re.M)
    )
    assert len(cases) == 11
    assert cases["session.update"] == "RealtimeClientEventSessionUpdate"
    assert cases["response.cancel"] == "RealtimeClientEventResponseCancel"
    by_name = openai.by_name()
    for event in cases.values():
        model = by_name[event]
        assert isinstance(model, ObjectModel)
        (cls,) = [c for c in classes(declaring(openai_files, event)) if c.name == event]
        assert "RealtimeClientEvent" in cls.header.split("implements", 1)[1]
        assert "toJson" in cls.methods


@pytest.mark.slow
def test_openai_emits_deterministically(openai: ModelSet, openai_files: dict[str, str]) -> None:
    # Speed is measured by bench/bench.py, never asserted by a test.
    assert emit("dart", openai).files == openai_files


HOSTILE_SPEC = r"""
openapi: 3.1.0
info: {title: "Hostile */ $x ${1+1} API", version: "1"}
paths: {}
components:
  schemas:
    Function:
      type: object
      description: "Ends */ here /* opens; $x ${1+1} 'q' \"dq\" back\\slash\n\
        line two\r\nthree\u2028four"
      required: [class, _id]
      properties:
        class: {type: string, description: "*/ void main() {} /*"}
        _id: {type: string}
        id: {type: integer}
        hashCode: {type: boolean}
        toJson: {type: [string, "null"]}
        "foo bar": {type: string}
        foo-bar: {type: string}
        "1st": {type: number}
        "": {type: string}
        café: {type: string}
        Function: {type: string}
    List:
      type: string
      enum: ["it's", "$x", "${1+1}", "back\\", "new\nline", "", "-", "null", "value"]
    Type:
      oneOf:
        - $ref: "#/components/schemas/Function"
        - {type: string, format: date-time}
        - {type: array, items: {$ref: "#/components/schemas/List"}}
"""


def test_hostile_spec_gives_valid_dart_that_reads_back(tmp_path: Path) -> None:
    from generator.output import write_tree
    from tests.targets.dart.test_reader import shape

    spec = tmp_path / "hostile.yaml"
    spec.write_text(HOSTILE_SPEC, encoding="utf-8")
    models = load(spec)
    files = emit("dart", models).files
    assert parse_problems(files) == {}
    text = "".join(files.values())
    assert text.isascii()
    assert "class Function " not in text and "class List " not in text
    write_tree(tmp_path / "out", files)
    assert shape(load(tmp_path / "out")) == shape(models)


def test_output_is_the_same_under_any_hash_seed() -> None:
    script = (
        "import hashlib, sys\n"
        "from generator.targets import emit\n"
        "from generator.sources import load\n"
        "files = emit('dart', load(sys.argv[1])).files\n"
        "print(hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("0", "1", "12345"):
        result = subprocess.run(
            [sys.executable, "-c", script, str(EXAMPLE_SPEC)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout)
    assert len(digests) == 1
