"""Identifiers and escaping in generated Python (bad-inputs.md §A and §B): hostile names
become valid, distinct, deterministic identifiers with the wire names kept, and spec text
never escapes its docstring, comment or string literal."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import keyword
import typing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ir import Model, ModelSet, ObjectModel
from generator.targets import emit
from generator.targets.python.escaping import comment, docstring, py_str
from generator.targets.python.names import class_name, field_name, member_name
from tests.support.models import ENUM_VALUES, FIELD_NAMES, PYTHON_KEYWORDS, TEXTS, hostile
from tests.targets.python.support import (
    generate,
    import_package,
    import_warnings_as_errors,
    mypy_strict,
)

hostile_text = st.text(
    alphabet=st.sampled_from(
        list("\"'\\\r\n\t\x00\x0b\x0c\u2028\u2029\u202e{}%#NuxaZ 7é\x85\ud800")
    )
    | st.characters(),
    max_size=40,
)
fast = settings(max_examples=150, deadline=None, derandomize=True)


def _wire_names(cls: typing.Any) -> dict[str, str]:
    """Python field name -> JSON name, read from a model's ``from_dict`` source."""
    tree = ast.parse(inspect.getsource(cls.from_dict).strip().replace("\n    ", "\n"))
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and isinstance(node.value, ast.Call):
            args = node.value.args
            if len(args) > 1 and isinstance(args[1], ast.Constant) and node.arg is not None:
                assert isinstance(args[1].value, str)
                names[node.arg] = args[1].value
    return names


# --- unit: names ------------------------------------------------------------------------


def test_hard_keywords_get_a_trailing_underscore() -> None:
    for word in PYTHON_KEYWORDS:
        ident = field_name(word)
        assert ident.isidentifier() and not keyword.iskeyword(ident), word


def test_names_the_generated_code_uses_are_renamed() -> None:
    assert field_name("from_dict") == "from_dict_"
    assert field_name("to_dict") == "to_dict_"
    assert field_name("str") == "str_"
    assert field_name("self") == "self_"
    assert field_name("match") == "match_"


def test_dunder_and_private_names_lose_their_underscores() -> None:
    assert field_name("__init__") == "init"
    assert field_name("_id") == "id"
    assert field_name("__x") == "x"


def test_names_without_letters_get_a_stable_hash_name() -> None:
    for name in ["", "!", "   ", "_"]:
        ident = field_name(name)
        assert ident.startswith("field_") and ident.isidentifier()
        assert ident == field_name(name)
    assert field_name("") != field_name("!")


def test_names_starting_with_a_digit_get_a_prefix() -> None:
    assert field_name("1st") == "field_1st"
    assert class_name("200") == "Model200"


def test_capitalised_keywords_as_class_names_are_renamed() -> None:
    assert class_name("None") == "None_"
    assert class_name("true") == "True_"


def test_long_names_are_cut_with_a_hash() -> None:
    ident = field_name("x" * 300)
    assert len(ident) <= 60 and ident.isidentifier()
    assert field_name("x" * 299) != ident


def test_enum_member_names_for_colliding_values_are_upper_snake() -> None:
    assert member_name("in stock") == "IN_STOCK"
    assert member_name("") == "EMPTY"
    assert member_name(-1) == "VALUE_MINUS_1"
    assert member_name(1.5) == "VALUE_1_5"
    assert member_name(True) == "TRUE"


# --- unit: escaping ---------------------------------------------------------------------


@fast
@given(hostile_text)
def test_string_literals_evaluate_to_the_text(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert "\n" not in literal and "\r" not in literal


@fast
@given(hostile_text)
def test_docstrings_stay_one_literal(text: str) -> None:
    lines = docstring(text, "    ")
    source = "class C:\n" + "\n".join(lines) + "\n    x = 1\n" if lines else "class C:\n    x = 1\n"
    tree = ast.parse(source)
    assert len(tree.body) == 1 and isinstance(tree.body[0], ast.ClassDef)
    assert len(tree.body[0].body) == (2 if lines else 1)


def test_single_line_docstrings_are_exact() -> None:
    for text in [t for t in TEXTS if "\n" not in t and "\r" not in t]:
        if "\x00" in text or "\u202e" in text or "\u200b" in text:
            continue
        (line,) = docstring(text, "")
        assert ast.literal_eval(line) == text.strip()


def test_multi_line_docstrings_read_back_with_getdoc() -> None:
    text = 'First line.\n\n  Indented line.\nLast line with a \\ and """ inside'
    namespace: dict[str, object] = {}
    exec("class C:\n" + "\n".join(docstring(text, "    ")) + "\n", namespace)
    assert inspect.getdoc(namespace["C"]) == text


@fast
@given(hostile_text)
def test_comments_never_end_early(text: str) -> None:
    lines = comment(text, "")
    source = "\n".join([*lines, "x = 1"])
    tree = ast.parse(source)
    assert len(tree.body) == 1


# --- the hostile schema, generated ------------------------------------------------------


def test_hostile_schema_imports_with_warnings_as_errors() -> None:
    result = import_warnings_as_errors(generate(hostile(), "hostile_pkg"))
    assert result.returncode == 0, result.stderr


def test_hostile_schema_passes_mypy_strict() -> None:
    result = mypy_strict([generate(hostile(), "hostile_pkg")])
    assert result.returncode == 0, result.stdout


def test_hostile_schema_is_black_stable() -> None:
    import black

    for path in generate(hostile(), "hostile_pkg").glob("*.py"):
        text = path.read_text()
        assert black.format_str(text, mode=black.Mode()) == text, path.name


def test_every_property_keeps_its_wire_name_under_a_distinct_identifier() -> None:
    module = import_package(hostile(), "hostile_pkg")
    wire = _wire_names(module.HostileName)
    idents = [f.name for f in dataclasses.fields(module.HostileName)]
    assert len(idents) == len(set(idents))
    assert all(i.isidentifier() and not keyword.iskeyword(i) for i in idents)
    holder = hostile().by_name()['Hostile"""Name']
    assert isinstance(holder, ObjectModel)
    expected = [f.name for f in holder.fields]
    assert sorted(wire.values()) == sorted(expected)
    for name in FIELD_NAMES:
        assert name in wire.values(), name


def test_type_hints_resolve_despite_builtin_names() -> None:
    module = import_package(hostile(), "hostile_pkg")
    hints = typing.get_type_hints(module.HostileName)
    unset = module._rt.Unset
    for name in ("str_", "list_", "int_", "dict_", "field", "dataclass", "json", "any"):
        hint = hints[name]
        assert hint is str or typing.get_args(hint) == (str, unset), (name, hint)


def test_docstrings_equal_the_spec_text() -> None:
    models = hostile().by_name()
    module = import_package(hostile(), "hostile_pkg")
    assert module.Tree.__doc__ == models["Tree"].description
    doc = inspect.getdoc(module.Values) or ""
    assert doc.startswith(models["Values"].description or "-")


def test_jinja_syntax_in_text_is_emitted_verbatim() -> None:
    text = generate(hostile(), "hostile_pkg").joinpath("models.py").read_text()
    assert (
        "{{ 7*7 }}" in text and "{% raw %}" in text and "49" not in text.split("{{ 7*7 }}")[0][-5:]
    )


def test_no_nul_or_bidi_control_reaches_the_output() -> None:
    files = emit("python", hostile(), package="hostile_pkg").files
    for text in files.values():
        assert "\x00" not in text and "\u202e" not in text and "\u2028" not in text


def test_colliding_enum_values_become_distinct_members_that_round_trip() -> None:
    module = import_package(hostile(), "hostile_pkg")
    enum_cls = module.Class_2  # the enum "class" (see test_symbols)
    assert [m.value for m in enum_cls] == ENUM_VALUES
    for value in ENUM_VALUES:
        assert enum_cls(value).value == value


def test_case_only_schema_collisions_get_distinct_class_names() -> None:
    module = import_package(hostile(), "hostile_pkg")
    assert module.Pet is not module.Pet_2
    assert module.any_pet_from_json({"kind": "PET"}).to_dict() == {"kind": "PET"}
    assert type(module.any_pet_from_json({"kind": "pet"})) is module.Pet


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(max_size=12), min_size=1, max_size=8, unique=True))
def test_random_property_names_give_distinct_identifiers(names: list[str]) -> None:
    from generator.ir import Field, ModelSet, ObjectModel, Primitive, Source

    models = ModelSet(
        (ObjectModel("M", tuple(Field(n, Primitive("string"), False) for n in names)),),
        Source("random.yaml"),
    )
    text = emit("python", models, package="p").files["p/models.py"]
    tree = ast.parse(text)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    fields = [
        n.target.id
        for n in cls.body
        if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
    ]
    assert len(fields) == len(set(fields)) == len(names) + 1
    assert emit("python", models, package="p").files["p/models.py"] == text


_wire = st.sampled_from(
    ["a", "A", "b", "class", "class_", "from_dict", "additional_properties", "x y", "", "\0extras"]
) | st.text(max_size=6)


@fast
@given(st.lists(st.tuples(_wire, st.none() | _wire), max_size=8), st.booleans())
def test_field_identifiers_are_those_the_name_allocator_gives(
    fields: list[tuple[str, str | None]], closed: bool
) -> None:
    # Declarations skips the allocator when every wanted name is free; the names must be
    # the allocator's all the same: repeated wire names, reserved words, a property named
    # like the extras field.
    from generator.ir import Field, Primitive, Source
    from generator.naming import NameAllocator
    from generator.targets.python.declarations import Declarations
    from generator.targets.python.names import EXTRAS_FIELD, RESERVED_FIELDS

    model = ObjectModel(
        "M",
        tuple(Field(n, Primitive("string"), False, code_name=c) for n, c in fields),
        closed=closed,
    )
    allocator = NameAllocator(RESERVED_FIELDS)
    expected = [allocator.allocate(n, field_name(c or n)) for n, c in fields]
    if not closed:
        expected.append(allocator.allocate("\0extras", EXTRAS_FIELD))
    declarations = Declarations(ModelSet((model,), Source("random.yaml")))
    assert declarations.field_idents(model) == expected


def test_spec_defaults_of_every_kind_are_documented_exactly() -> None:
    text = generate(hostile(), "hostile_pkg").joinpath("models.py").read_text()
    for expected in [
        "#: Default: NaN (absent stays absent).",
        "#: Default: -Infinity (absent stays absent).",
        f"#: Default: {2**64 + 1} (absent stays absent).",
        "#: Default: -0.0 (absent stays absent).",
        '#: Default: ["a", "b\\n"] (absent stays absent).',
        '#: Default: {"k": [1, null]} (absent stays absent).',
        '#: Default: "quote \\" and \\\\ and \\n newline" (absent stays absent).',
    ]:
        assert expected in text, expected


def test_absent_defaults_stay_absent_on_reencoding() -> None:
    module = import_package(hostile(), "hostile_pkg")
    assert module.Tree.from_dict({"value": 1}).to_dict() == {"value": 1}


def _enum_set(values: list[str | int | float | bool], with_field: bool = False) -> ModelSet:
    from generator.ir import EnumModel, EnumValue, Field, ModelSet, ObjectModel, Ref, Source

    models: list[Model] = [EnumModel("E", "number", tuple(EnumValue(v) for v in values))]
    if with_field:
        models.append(ObjectModel("M", (Field("e", Ref("E"), True),)))
    return ModelSet(tuple(models), Source("enums.yaml"))


def test_enum_values_python_would_merge_are_refused() -> None:
    import pytest

    from generator.errors import ModelgenError

    cases: list[list[str | int | float | bool]] = [
        [1, True],
        [1, 1.0],
        [float("nan")],
        [float("inf")],
        ["a", "a"],
    ]
    for values in cases:
        with pytest.raises(ModelgenError):
            emit("python", _enum_set(values), package="p")


def test_mixed_string_and_number_enum_values_stay_distinct() -> None:
    import pytest

    module = import_package(_enum_set([1, "1", "true", 2.5], with_field=True), "mixed_enum_pkg")
    assert [m.name for m in module.E] == ["VALUE_1", "VALUE_1_2", "TRUE", "VALUE_2_5"]
    for value in [1, "1", "true", 2.5]:
        decoded = module.M.from_dict({"e": value})
        assert decoded.to_dict() == {"e": value} and type(decoded.e.value) is type(value)
    with pytest.raises(module._rt.DecodeError):
        module.M.from_dict({"e": True})


names_st = st.text(
    alphabet=st.sampled_from(list("aA_-1 .é\u00a0$\u0131\ufb01\"'\\{}#")) | st.characters(),
    max_size=15,
)


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    st.lists(names_st, min_size=1, max_size=4, unique=True),
    st.lists(names_st, min_size=1, max_size=6, unique=True),
    st.lists(names_st, min_size=1, max_size=4, unique=True),
    hostile_text,
)
def test_random_hostile_schemas_give_valid_round_tripping_code(
    model_names: list[str], field_names: list[str], enum_values: list[str], text: str
) -> None:
    import importlib
    import shutil
    import sys
    import tempfile
    import warnings
    from pathlib import Path

    import black

    from generator.ir import EnumModel, EnumValue, Field, ObjectModel, Primitive, Ref, Source
    from generator.output import write_tree

    enum_name = "\0enum"
    fields = tuple(
        Field(n, Ref(enum_name) if i == 0 else Primitive("string"), i % 2 == 0, description=text)
        for i, n in enumerate(field_names)
    )
    models: list[Model] = [ObjectModel(n, fields, description=text) for n in model_names]
    models.append(EnumModel(enum_name, "string", tuple(EnumValue(v, text) for v in enum_values)))
    model_set = ModelSet(tuple(models), Source("random.yaml"), title=text)
    files = emit("python", model_set, package="random_pkg").files
    for rel, source in files.items():
        if rel.endswith(".py"):
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                compile(source, rel, "exec")
            assert black.format_str(source, mode=black.Mode()) == source, rel
    folder = Path(tempfile.mkdtemp())
    try:
        write_tree(folder, files)
        sys.path.insert(0, str(folder))
        for name in [m for m in sys.modules if m.startswith("random_pkg")]:
            del sys.modules[name]
        module = importlib.import_module("random_pkg.models")
        instance = {n: (enum_values[0] if i == 0 else text) for i, n in enumerate(field_names)}
        for cls in (getattr(module, n) for n in module.__all__):
            if hasattr(cls, "from_dict"):
                assert cls.from_dict(instance).to_dict() == instance
    finally:
        sys.path.remove(str(folder))
        shutil.rmtree(folder)
