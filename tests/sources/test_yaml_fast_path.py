"""The YAML fast path (yaml-rs) reads exactly what the PyYAML path reads, or declines: every
YAML file of the corpus both ways, and each kind of text only the PyYAML path reads right."""

from __future__ import annotations

import textwrap

import pytest

from generator.errors import ModelgenError
from generator.ir import Source
from generator.sources.openapi import yaml_safe
from tests.support.paths import CORPUS, need

pytest.importorskip("yaml_rs", reason="yaml-rs has no wheel for this platform")

SRC = Source("x.yaml")


def identical(a: object, b: object) -> bool:
    """Equal with the same types and key order (``1 == 1.0 == True`` in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    return a == b


PLAIN = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: "Pets", version: '1.10'}
    paths:
      /pets/{id}:
        get:
          responses:
            "200":
              description: |
                A pet.
                Two lines.
            '404':
              description: >
                folded
                text
    components:
      schemas:
        Pet: &pet
          type: object
          required: [id]
          properties:
            id: {type: integer, minimum: -9223372036854775808, maximum: 1e3, default: 0777}
            tag: {type: string, enum: [on, yes, "no", null, ~, true, 1.5, .5, -.inf2, 12:30]}
            keep:
              description: |+
                kept

            strip:
              description: |-
                stripped
            address_1: {type: string, example: 2001-12-14}
            _links: {type: object}
            é: {description: "unicode \\u00e9 and \\t escapes"}
        Copy: *pet
    """
)


def test_a_plain_spec_takes_the_fast_path_and_reads_as_pyyaml_reads_it() -> None:
    fast = yaml_safe._fast_load(PLAIN)
    assert fast is not None
    assert identical(fast, yaml_safe.load_yaml_pyyaml(PLAIN, SRC))


@pytest.mark.parametrize(
    "text",
    [
        "a: |\n  if err != nil {\n    return err\n  }\nb: [x, \"!y\", 'z !w']\n",  # no tags
        "a: &x [1, {b: 2}]\nc: *x\nd: {e: *x}\n",  # aliases that are not recursive
        "a: |\n  *bold* and **more**\nb: 2 * 3\n",  # asterisks that are no aliases
        "created_at: 1\nISO_639-1_codes: x\nfp: CA:0B:FB\nn: 10\n",  # no number yaml-rs misreads
    ],
)
def test_text_that_only_looks_like_a_tag_alias_or_number_takes_the_fast_path(text: str) -> None:
    fast = yaml_safe._fast_load(text)
    assert fast is not None
    assert identical(fast, yaml_safe.load_yaml_pyyaml(text, SRC))


@pytest.mark.parametrize(
    "text",
    [
        "a: |\n  if err != nil {\n    panic(err)\n  }\n",
        "a: x  # wow!\nb: 'y !z'\nc: \"w !v\"\n",
        "a: ratio ! 2\n",
    ],
)
def test_an_exclamation_mark_inside_a_scalar_costs_no_second_reading(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OpenAI spec's Go samples (``if err != nil``) made every load read the text twice."""
    readings: list[str] = []
    real = yaml_safe._yaml_rs

    def counted(given: str) -> object:
        readings.append(given)
        return real(given)

    monkeypatch.setattr(yaml_safe, "_yaml_rs", counted)
    fast = yaml_safe._fast_load(text)
    assert fast is not None and len(readings) == 1
    assert identical(fast, yaml_safe.load_yaml_pyyaml(text, SRC))


@pytest.mark.parametrize(
    "text",
    [
        "a: !t x\n",
        "- !t x\n",
        "? !t k\n: v\n",
        "a: [x, !t y]\n",
        "a: {b: !t y}\n",
        "a: &n !t x\n",
        "a:\n  !t x\n",
        "--- !t\na: 1\n",
    ],
)
def test_a_tag_wherever_a_node_starts_is_looked_for(text: str) -> None:
    assert yaml_safe._may_hold_a_tag(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!binary aGVsbG8=\n",  # a tag: refused by the PyYAML path
        "a: !custom x\n",
        "%YAML 1.2\n---\na: 1\n",  # a directive
        "# 5%\n%YAML 1.2\n---\na: 1\n",  # a directive after a comment
        # ... after more percent signs than are looked at one by one
        pytest.param("# 5%\n" * 1200 + "%YAML 1.2\n---\na: 1\n", id="many-percent-signs"),
        "a: 0b101\n",  # yaml-rs: 5; the core schema: a string
        "a: 0X1F\n",
        "a: -0o17\n",
        "a: 1_000\n",
        "a: _1\n",
        "a: [x, 1.0_1]\n",
        "a: |\n  no final line break",  # yaml-rs keeps a line break the text does not have
        "\ufeffa: 1\n",  # a byte order mark: yaml-rs keeps it in the first key
        "responses:\n  200: {description: ok}\n",  # a plain key: only PyYAML keeps its text
        "a:\n  1.10: x\n",
        "~: x\n",
        "a: .inf\n",
        "- a\n- b\n",  # not a mapping
        "a: 1\n---\nb: 2\n",  # several documents
        "a: 1\na: 2\n",  # a duplicate key
        "a: &a [*a]\n",  # a recursive alias
        "a: &a {b: 1, c: *a}\n",
        "a: [x, !!binary aGVsbG8=]\n",
        "a: !!str 5\n",  # a tag the PyYAML path reads: still sent there
        "a: |\n  x != y\nb: &n !!str 5\n",  # a tag after an anchor, beside a mere "!="
        "a:\n- !!str 5\n",
        "a: {b: 1, c: !!str 5}\n",
    ],
)
def test_what_only_the_pyyaml_path_reads_right_goes_there(text: str) -> None:
    assert yaml_safe._fast_load(text) is None
    try:
        expected: object = yaml_safe.load_yaml_pyyaml(text, SRC)
    except ModelgenError as error:
        with pytest.raises(ModelgenError) as caught:
            yaml_safe.load_yaml(text, SRC)
        assert str(caught.value) == str(error)
    else:
        assert identical(yaml_safe.load_yaml(text, SRC), expected)


def test_a_billion_laughs_goes_to_the_pyyaml_path_which_refuses_it() -> None:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    assert yaml_safe._fast_load(text) is None
    with pytest.raises(ModelgenError, match="alias"):
        yaml_safe.load_yaml(text, SRC)


@pytest.mark.slow
def test_every_corpus_yaml_file_reads_the_same_on_both_paths() -> None:
    """Types and key order included; and the fast path takes most files (a change that sends
    everything to the PyYAML path would lose the speed silently)."""
    files = sorted(p for p in need(CORPUS).rglob("*") if p.suffix in (".yaml", ".yml"))
    taken = 0
    different: list[str] = []
    for path in files:
        try:
            text = yaml_safe.decode(path.read_bytes(), Source(path.name))
        except ModelgenError:
            continue
        fast = yaml_safe._fast_load(text)
        if fast is None:
            continue
        taken += 1
        if not identical(fast, yaml_safe.load_yaml_pyyaml(text, Source(path.name))):
            different.append(str(path.relative_to(CORPUS)))
    assert different == []
    assert taken > 0.8 * len(files) > 2000
