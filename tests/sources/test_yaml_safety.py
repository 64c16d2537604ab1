"""Reading spec files safely (bad-inputs.md §D 35-41 and §F 49): every bad input is a clean
ModelgenError naming the file (and line where there is one); nothing crashes or explodes."""

from __future__ import annotations

import codecs
import textwrap
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import ModelgenError
from generator.ir import JsonValue, ObjectModel, Source
from generator.sources import LoadOptions
from generator.sources.openapi import loader as openapi
from generator.sources.openapi import yaml_safe

SRC = Source("x.yaml")


def read(tmp_path: Path, data: bytes | str, name: str = "x.yaml") -> JsonValue:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return yaml_safe.read_document(path, Source(name))


def error(tmp_path: Path, data: bytes | str, name: str = "x.yaml") -> ModelgenError:
    with pytest.raises(ModelgenError) as caught:
        read(tmp_path, data, name)
    assert caught.value.source is not None
    assert caught.value.source.file == name
    return caught.value


BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_billion_laughs_is_refused_within_little_memory(tmp_path: Path) -> None:
    assert len(BILLION_LAUGHS) < 1024
    tracemalloc.start()
    try:
        assert "alias" in error(tmp_path, BILLION_LAUGHS).message
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024


def test_a_few_shared_aliases_are_fine(tmp_path: Path) -> None:
    data = read(tmp_path, "a: &x {b: [1, 2]}\nc: *x\nd: [*x, *x]\n")
    assert data == {"a": {"b": [1, 2]}, "c": {"b": [1, 2]}, "d": [{"b": [1, 2]}, {"b": [1, 2]}]}


@pytest.mark.parametrize("text", ["a: &a [*a]", "a: &a {self: *a}", "&a [1, [2, *a]]"])
def test_recursive_alias_is_an_error(tmp_path: Path, text: str) -> None:
    assert "recursive" in error(tmp_path, text).message


@pytest.mark.parametrize("depth", [1000, 30000])
@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("x.yaml", lambda n: "[" * n + "]" * n),
        ("x.yaml", lambda n: "a: " + "{a: " * n + "1" + "}" * n),
        ("x.yaml", lambda n: "- " * n + "x"),
        # block indentation, one column a level (30,000 levels would be 450 MB: capped at 3,000)
        ("x.yaml", lambda n: "".join(" " * i + "k:\n" for i in range(min(n, 3000)))),
        ("x.json", lambda n: '{"a":' * n + "1" + "}" * n),
        ("x.json", lambda n: "[" * n + "]" * n),
    ],
)
def test_deep_nesting_is_refused_before_parsing(
    tmp_path: Path, depth: int, name: str, make: Callable[[int], str]
) -> None:
    text = make(depth)
    message = error(tmp_path, text, name).message
    assert "nested" in message or "indented" in message


def test_moderately_deep_block_yaml_loads_and_the_loader_bounds_schema_depth(
    tmp_path: Path,
) -> None:
    # 100 levels, two columns each: under the text limits; the schema walk refuses it cleanly.
    levels = 100
    lines = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "components:", " schemas:"]
    lines.append("  Deep:")
    for i in range(levels):
        pad = " " * (3 + 2 * i)
        lines.append(f"{pad}properties:")
        lines.append(f"{pad} p:")
    lines.append(" " * (3 + 2 * levels) + "type: string")
    path = tmp_path / "deep.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ModelgenError, match="nested"):
        openapi.load(path, LoadOptions())


def test_input_above_the_size_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(yaml_safe.MAX_BYTES + 1)  # sparse: nothing is really written
    with pytest.raises(ModelgenError, match="limit"):
        yaml_safe.read_document(path, Source("big.yaml"))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("x.yaml", "a: 1\nb: 2\na: 3\n"),
        ("x.yaml", "outer:\n  a: 1\n  a: 1\n"),
        ("x.json", '{"a": 1, "b": {"a": 1, "a": 2}}'),
    ],
)
def test_duplicate_keys_are_an_error_naming_the_key(tmp_path: Path, name: str, text: str) -> None:
    assert "'a'" in error(tmp_path, text, name).message


def test_duplicate_yaml_key_error_has_the_line(tmp_path: Path) -> None:
    err = error(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert err.source is not None and err.source.line == 3


def test_duplicate_json_key_error_has_the_line(tmp_path: Path) -> None:
    err = error(tmp_path, '{\n"a": 1,\n"a": 2\n}', "x.json")
    assert err.source is not None and err.source.line == 3


def test_yaml_11_scalars_as_keys_stay_strings(tmp_path: Path) -> None:
    text = "on: 1\noff: 2\nyes: 3\nno: 4\nnull: 5\n~: 6\n200: 7\n1.0: 8\n2024-01-01: 9\n"
    data = read(tmp_path, text)
    assert isinstance(data, dict)
    assert list(data) == ["on", "off", "yes", "no", "null", "~", "200", "1.0", "2024-01-01"]


def test_yaml_scalars_follow_yaml_12(tmp_path: Path) -> None:
    data = read(tmp_path, "a: [NO, yes, on, 12:30, 2024-01-01, 0777, 0o17, 0x1F, true, ~, .inf]")
    assert isinstance(data, dict)
    assert data["a"] == [
        "NO",
        "yes",
        "on",
        "12:30",
        "2024-01-01",
        777,
        15,
        31,
        True,
        None,
        float("inf"),
    ]


def test_property_names_that_look_like_yaml_11_scalars_stay_field_names(tmp_path: Path) -> None:
    spec = textwrap.dedent(
        """\
        openapi: 3.0.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                on: {type: string}
                yes: {type: string}
                200: {type: string}
                1.0: {type: string}
                null: {type: string}
        """
    )
    path = tmp_path / "s.yaml"
    path.write_text(spec, encoding="utf-8")
    model = openapi.load(path, LoadOptions()).by_name()["A"]
    assert isinstance(model, ObjectModel)
    assert [f.name for f in model.fields] == ["on", "yes", "200", "1.0", "null"]


def test_complex_key_is_an_error(tmp_path: Path) -> None:
    assert "key" in error(tmp_path, "? [a, b]\n: 1\n").message


def test_unsafe_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    error(tmp_path, text)
    assert not marker.exists()


def test_redefined_anchor_later_definition_wins(tmp_path: Path) -> None:
    text = "a: &x {v: 1}\nb: *x\nc: &x {v: 2}\nd: *x\ne: &x [3]\nf: [*x]\n"
    assert read(tmp_path, text) == {
        "a": {"v": 1},
        "b": {"v": 1},
        "c": {"v": 2},
        "d": {"v": 2},
        "e": [3],
        "f": [[3]],
    }


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + b"a: 1\n",
        codecs.BOM_UTF16_LE + "a: 1\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "a: 1\n".encode("utf-16-be"),
        b"a: 1\r\nb: 2\r\n",
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be", "crlf"],
)
def test_boms_and_crlf_are_accepted(tmp_path: Path, data: bytes) -> None:
    assert read(tmp_path, data) in ({"a": 1}, {"a": 1, "b": 2})


def test_json_with_bom_is_accepted(tmp_path: Path) -> None:
    assert read(tmp_path, codecs.BOM_UTF8 + b'{"a": 1}', "x.json") == {"a": 1}


def test_invalid_utf8_is_an_error_with_the_line(tmp_path: Path) -> None:
    err = error(tmp_path, b"a: 1\nb: \xff\xfe\n")
    assert "UTF-8" in err.message
    assert err.source is not None and err.source.line == 2


def test_utf16_without_bom_is_an_error(tmp_path: Path) -> None:
    assert "NUL" in error(tmp_path, "a: 1\n".encode("utf-16-le")).message


def test_several_yaml_documents_are_an_error(tmp_path: Path) -> None:
    assert "several YAML documents" in error(tmp_path, "a: 1\n---\nb: 2\n").message


@pytest.mark.parametrize(
    "text", ['{"a": NaN}', '{"a": Infinity}', '{"a": 1 // no\n}', '{"a": 1,}', "{'a': 1}"]
)
def test_json_is_strict(tmp_path: Path, text: str) -> None:
    assert "invalid JSON" in error(tmp_path, text, "x.json").message


def test_json_error_has_the_line(tmp_path: Path) -> None:
    err = error(tmp_path, '{\n"a": 1,\n"b": }', "x.json")
    assert err.source is not None and err.source.line == 3


def test_invalid_yaml_is_an_error_with_the_line(tmp_path: Path) -> None:
    err = error(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    assert err.message.startswith("invalid YAML")
    assert err.source is not None and err.source.line is not None


@pytest.mark.parametrize(
    "text", ["a: !!timestamp 2024-01-01", "a: !!binary aGk=", "a: !!set {x: null}", "a: !!omap []"]
)
def test_yaml_tags_for_values_json_cannot_hold_are_refused(tmp_path: Path, text: str) -> None:
    assert "JSON cannot hold" in error(tmp_path, text).message


@pytest.mark.parametrize(
    "text", ["a: !!int abc", "a: !!float x", "a: !!bool maybe", "a: !!int 1:30"]
)
def test_explicit_tags_on_values_they_cannot_convert_are_an_error(
    tmp_path: Path, text: str
) -> None:
    assert "invalid YAML value" in error(tmp_path, text).message


def test_spec_with_a_redefined_anchor_loads_with_the_later_definition(tmp_path: Path) -> None:
    spec = textwrap.dedent(
        """\
        openapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          schemas:
            A:
              type: object
              properties:
                id: &id {type: string, description: first}
                again: *id
            B:
              type: object
              properties:
                id: &id {type: integer, description: second}
                again: *id
        """
    )
    path = tmp_path / "s.yaml"
    path.write_text(spec, encoding="utf-8")
    found = openapi.load(path, LoadOptions()).by_name()
    a, b = found["A"], found["B"]
    assert isinstance(a, ObjectModel) and isinstance(b, ObjectModel)
    assert [f.description for f in a.fields] == ["first", "first"]
    assert [f.description for f in b.fields] == ["second", "second"]


# --- issue 11, item 8 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n<<: {b: 2}\n", {"a": 1, "<<": {"b": 2}}),
        (
            "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
            {"base": {"x": 1}, "d": {"<<": {"x": 1}, "y": 2}},
        ),
        ("properties:\n  '<<': {type: string}\n", {"properties": {"<<": {"type": "string"}}}),
    ],
)
def test_double_angle_key_is_an_ordinary_key_not_a_yaml_1_1_merge(
    tmp_path: Path, text: str, expected: JsonValue
) -> None:
    assert read(tmp_path, text) == expected


def test_a_property_named_double_angle_reaches_the_model(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n"
        "  schemas:\n    Shift:\n      type: object\n      properties:\n"
        "        <<: {type: integer}\n        name: {type: string}\n",
        encoding="utf-8",
    )
    shift = openapi.load(path, LoadOptions()).by_name()["Shift"]
    assert isinstance(shift, ObjectModel)
    assert [f.name for f in shift.fields] == ["<<", "name"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("x.yaml", "a: '" + "[" * 300 + "'\n"),
        ("x.yaml", 'a: "' + "{" * 300 + '"\n'),
        ("x.yaml", "# " + "[" * 300 + "\na: 1\n"),
        ("x.yaml", "a: |\n  " + "[" * 300 + "\n"),
        ("x.yaml", "a: text " + "[" * 300 + "\n"),
        ("x.json", '{"a": "' + "[" * 300 + '", "b": "\\"[["}'),
    ],
)
def test_brackets_inside_strings_and_comments_are_not_nesting(
    tmp_path: Path, name: str, text: str
) -> None:
    data = read(tmp_path, text, name)  # not refused as too deep
    assert isinstance(data, dict) and data.get("a") is not None


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("x.yaml", "a: 1\nb: '[[['\nc:\n  " + "[" * 300 + "]" * 300 + "\n", 4),
        ("x.json", '{"a": "[[[",\n "b":\n' + "[" * 300 + "]" * 300 + "}", 3),
        ("x.yaml", "a:\n" + " " * 600 + "b: 1\n", 2),
    ],
)
def test_the_nesting_refusal_names_the_line(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    refused = error(tmp_path, text, name)
    assert refused.source is not None and refused.source.line == line
