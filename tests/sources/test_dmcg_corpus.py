"""Every entry of the dmcg-openapi edge-case corpus loads, or fails with a ModelgenError whose
message contains the pinned reason. Entries with a problem confined to one place load with the
pinned degradations, and in strict mode fail with the error they are. The pin lists are exact:
a listed entry that starts loading, or an unlisted one that starts failing or degrading, fails
the run (the lists never go stale)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.errors import ModelgenError
from generator.sources import LoadOptions, load
from generator.sources.openapi import loader as openapi
from tests.support.dmcg import DMCG, dmcg_entries, entry_name
from tests.support.paths import need

NOT_OPENAPI = "not an OpenAPI 3 document"
LEAVES = "leaves the spec's folder"
URL = "$ref to a URL"

# entry -> a part of the expected error message (the reason it fails).
EXPECTED_FAILURES: dict[str, str] = {
    # JSON Schema documents, not OpenAPI (no `openapi:` key)
    "aliases.json": NOT_OPENAPI,
    "array_called_fields_with_oneOf_items.yaml": NOT_OPENAPI,
    "const.json": NOT_OPENAPI,
    "empty_aliases.json": NOT_OPENAPI,
    "empty_data.json": NOT_OPENAPI,
    "extra_data.json": NOT_OPENAPI,
    "extra_data_msgspec.json": NOT_OPENAPI,
    "invalid.yaml": NOT_OPENAPI,
    "json_pointer.yaml": NOT_OPENAPI,
    "root_model.yaml": NOT_OPENAPI,
    "list.json": "the top level is not a mapping",
    # a JSON Schema (through the registry it loads as one; see below)
    "flat_type.jsonschema": NOT_OPENAPI,
    # not parseable
    "complex_reference.json": "invalid JSON",  # trailing commas
    "subclass_enum.json": "invalid JSON",  # trailing commas
    "not.json": "invalid JSON",
    # impossible structures
    "allof_required_inherited_rw_cycle.yaml": "allOf cycle",
    "allof_with_required_inherited_coverage.yaml": "a $ref loop with no schema in it",
    # refused by the reference policy (no network, nothing outside the spec's folder)
    "body_and_parameters_remote_ref.yaml": URL,
    "read_only_write_only_allof_url_ref.yaml": URL,
    "read_only_write_only_url_ref.yaml": URL,
    "refs.yaml": URL,
    "external_ref_mapping/nested/level1.yaml": LEAVES,
    "external_relative_ref/model_b/module.openapi.yaml": LEAVES,
    "reference_same_hierarchy_directory/public/entities.yaml": LEAVES,
}

# Problems confined to one place: entry -> (the error --strict stops with, the lenient
# warnings' codes).
DEGRADED: dict[str, tuple[str, list[str]]] = {
    # an x-enumNames list shorter than its enum: the first values take the names it has
    "x_enum_names.yaml": ("x-enumNames has 2 entries for 4 enum values", ["bad-enum-extension"]),
    # mixed-type enums: never collapsed; a union of the value kinds
    "allof_no_merge_constraint_type_shape.yaml": ("enum mixes value types", ["mixed-enum"]),
    "enum_models.yaml": ("enum mixes value types", ["mixed-enum"]),  # ["red", ..., 42]
    # dangling references: any JSON value in their place
    "duplicate_models2.yaml": ("dangling $ref '#/components/schemas/Cars'", ["dangling-ref"]),
    "no_components.yaml": ("dangling $ref '#/components/schemas/Pets'", ["dangling-ref"] * 5),
    "external_ref_mapping/api_absolute_path_template.yaml": ("no such file", ["dangling-ref"]),
    "external_ref_mapping/api_file_uri_template.yaml": ("no such file", ["dangling-ref"]),
    # a $ref to a whole spec, not a schema
    "external_ref_mapping/api_no_fragment.yaml": ("not a schema", ["not-a-schema"]),
}

ENTRIES = dmcg_entries()


def _load(path: Path, strict: bool = False) -> str | list[str]:
    """The codes of the degradations when the spec loads, else the error message."""
    try:
        models = openapi.load(path, LoadOptions(strict=strict))
    except ModelgenError as err:
        return str(err)
    return [d.code for d in models.diagnostics if d.degraded]


@pytest.mark.slow
@pytest.mark.parametrize("path", ENTRIES, ids=[entry_name(p) for p in ENTRIES])
def test_corpus_entry_loads_or_fails_with_its_pinned_reason(path: Path) -> None:
    name = entry_name(path)
    found = _load(path)  # any other exception than ModelgenError fails the test
    if name in EXPECTED_FAILURES:
        assert isinstance(found, str), f"{name} loads now: remove it from EXPECTED_FAILURES"
        assert EXPECTED_FAILURES[name] in found
    else:
        assert found == DEGRADED.get(name, ("", []))[1], f"{name}: {found}"


@pytest.mark.parametrize("name", sorted(DEGRADED))
def test_a_degraded_entry_fails_with_its_old_error_in_strict_mode(name: str) -> None:
    found = _load(need(DMCG / name), strict=True)
    assert isinstance(found, str) and DEGRADED[name][0] in found


def test_every_pinned_entry_is_a_corpus_entry() -> None:
    need(DMCG)
    names = {entry_name(p) for p in ENTRIES}
    assert set(EXPECTED_FAILURES) | set(DEGRADED) <= names
    assert not set(EXPECTED_FAILURES) & set(DEGRADED)


def test_the_json_schema_entry_loads_through_the_registry() -> None:
    models = load(need(DMCG / "flat_type.jsonschema"))
    assert [m.name for m in models.models] == ["Foo", "foo"]


def test_corpus_entries_cover_top_level_specs_and_multi_file_entry_points() -> None:
    need(DMCG)
    names = {entry_name(p) for p in ENTRIES}
    assert "all_of_with_relative_ref/openapi.yaml" in names
    assert "all_of_with_relative_ref/schema/pet.yaml" not in names  # a fragment
    assert len([n for n in names if "/" not in n]) == 259


# Fragments that are JSON Schemas of their own (a top-level ``type``/``properties``).
FRAGMENTS_THAT_GENERATE = {
    "all_of_with_relative_ref/schema/animal.yaml",
    "all_of_with_relative_ref/schema/pet.yaml",
}


def test_every_other_corpus_file_generates_or_stops_with_a_one_line_error_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The files inside multi-file folders that are not entry points (fragments the entry points
    # $ref): given to `modelgen generate` directly, each is a JSON Schema that generates, or
    # stops cleanly. With the entries above, this covers every one of the corpus's 304 files.
    need(DMCG)
    entries = set(ENTRIES)
    others = sorted(p for p in DMCG.rglob("*") if p.is_file() and not p.name.startswith("LICENSE"))
    others = [p for p in others if p not in entries]
    assert len(others) + len(entries) == 304
    for path in others:
        out = tmp_path / entry_name(path).replace("/", "_")
        code = cli.main(["generate", str(path), "--lang", "python", "--out", str(out)])
        err = capsys.readouterr().err
        if entry_name(path) in FRAGMENTS_THAT_GENERATE:
            assert code == 0 and out.is_dir(), err
            continue
        assert code == 2, f"{entry_name(path)}: exit {code}"
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert not out.exists()
