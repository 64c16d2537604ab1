"""Code verdicts: public-API listings (here read from hand-written Python, Dart and PHP),
their comparison under each language's rules, how the targets' symbols attribute generated
types to models, and how code changes attach to diff findings."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pytest

from generator.compare.diff import compare
from generator.compare.surface import apply, compare_owner, surface
from generator.ir import (
    EnumModel,
    EnumValue,
    Field,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
)
from generator.naming import pascal, snake, upper_snake
from generator.targets import ApiItem, Emitted, Symbol, default_languages, emit, target
from generator.targets.dart.api import dart_api
from generator.targets.php.api import php_api
from generator.targets.python.api import listing, python_api

ALL = default_languages()


def lines(items: list[ApiItem]) -> list[str]:
    return sorted(item.line() for item in items)


PYTHON = textwrap.dedent(
    """\
    from dataclasses import dataclass, field
    from enum import Enum
    from typing import TypeAlias

    class Unit(str, Enum):
        TOKENS = "tokens"
        K1000_TOKENS = "1000_tokens"

    @dataclass(frozen=True, kw_only=True)
    class CostsResult:
        amount: float
        unit: Unit | None = None
        tags: list[str] = field(default_factory=list)
        _cache: int = field(default=0, init=False)

        def to_dict(self) -> dict[str, object]:
            return {}

    Choice: TypeAlias = CostsResult | Unit
    """
)


def test_python_listing_reads_fields_parameters_enums_and_aliases() -> None:
    assert lines(python_api(PYTHON)) == [
        "alias Choice: CostsResult | Unit",
        "case Unit.K1000_TOKENS = '1000_tokens'",
        "case Unit.TOKENS = 'tokens'",
        "class CostsResult",
        "enum Unit: str, Enum",
        "field CostsResult.amount: float",
        "field CostsResult.tags: list[str]",
        "field CostsResult.unit: Unit | None",
        "param CostsResult.amount: required",
        "param CostsResult.tags: optional = list",
        "param CostsResult.unit: optional = None",
    ]


DART = textwrap.dedent(
    """\
    sealed class Event {
      const Event();
    }

    final class CostsResult extends Event {
      const CostsResult({required this.amount, this.unit, this.tags = const []});
      final double amount;
      final Unit? unit;
      final List<String> tags;
      factory CostsResult.fromJson(Map<String, dynamic> json) => CostsResult(amount: 1);
      Map<String, dynamic> toJson() => {};
    }

    enum Unit {
      tokens('tokens'),
      k1000Tokens('1000_tokens');
      const Unit(this.value);
      final String value;
    }

    typedef Metadata = Map<String, String>;
    """
)


def test_dart_listing_reads_required_named_parameters_and_enum_values() -> None:
    assert lines(dart_api(DART)) == [
        "alias Metadata: Map<String, String>",
        "case Unit.k1000Tokens = '1000_tokens'",
        "case Unit.tokens = 'tokens'",
        "class CostsResult: final class extends Event",
        "class Event: sealed class",
        "enum Unit",
        "field CostsResult.amount: double",
        "field CostsResult.tags: List<String>",
        "field CostsResult.unit: Unit?",
        "param CostsResult.amount: required",
        "param CostsResult.tags: optional = const []",
        "param CostsResult.unit: optional",
    ]


PHP = textwrap.dedent(
    """\
    <?php
    declare(strict_types=1);
    namespace Acme\\Models;

    final class CostsResult implements \\JsonSerializable
    {
        public function __construct(
            public readonly float $amount,
            public readonly ?Unit $unit = null,
            private readonly array $cache = [],
        ) {}
        public static function fromArray(array $data): self { return new self(1.0); }
    }

    enum Unit: string
    {
        case Tokens = 'tokens';
        case K1000Tokens = '1000_tokens';
    }

    interface Event {}
    """
)


def test_php_listing_reads_promoted_properties_defaults_and_backed_enums() -> None:
    assert lines(php_api(PHP)) == [
        "case Unit.K1000Tokens = '1000_tokens'",
        "case Unit.Tokens = 'tokens'",
        "class CostsResult: final class implements \\JsonSerializable",
        "enum Unit: enum: string",
        "field CostsResult.amount: float",
        "field CostsResult.unit: ?Unit",
        "interface Event: interface",
        "param CostsResult.amount: required",
        "param CostsResult.cache: optional = []",
        "param CostsResult.unit: optional = null",
    ]


def _changes(language: str, old: list[ApiItem], new: list[ApiItem]) -> dict[str, str]:
    rules = target(language).rules()
    assert rules is not None
    return {f"{c.what}:{c.member}": c.level for c in compare_owner(rules, ("M", "M"), old, new)}


def test_new_required_constructor_parameter_breaks_code() -> None:
    old = dart_api("final class M { const M({required this.a}); final int a; }")
    new = dart_api(
        "final class M { const M({required this.a, required this.b}); final int a; final int b; }"
    )
    assert _changes("dart", old, new) == {
        "field_added:b": "safe",
        "required_param_added:b": "breaking",
    }


def test_field_type_change_breaks_and_nullability_only_warns() -> None:
    old = python_api("class M:\n    a: int\n    b: str\n")
    new = python_api("class M:\n    a: str\n    b: str | None = None\n")
    assert _changes("python", old, new) == {
        "field_type_changed:a": "breaking",
        "field_became_nullable:b": "warning",
        "param_became_optional:b": "safe",
    }


def test_changed_default_of_a_constructor_parameter_warns() -> None:
    old = python_api("class M:\n    n: int = 1\n")
    new = python_api("class M:\n    n: int = 2\n")
    assert _changes("python", old, new) == {"param_default_changed:n": "warning"}


def test_enum_case_renamed_for_the_same_value_is_breaking() -> None:
    old = php_api("<?php enum U: string { case A = 'x'; case B = 'y'; }")
    new = php_api("<?php enum U: string { case AA = 'x'; case B = 'y'; case C = 'z'; }")
    assert _changes("php", old, new) == {"case_renamed:AA": "breaking", "case_added:C": "safe"}


def test_new_enum_case_warns_in_dart_for_exhaustive_switches() -> None:
    old = dart_api("enum U { a('a'); const U(this.value); final String value; }")
    new = dart_api("enum U { a('a'), b('b'); const U(this.value); final String value; }")
    assert _changes("dart", old, new) == {"case_added:b": "warning"}


# --- the pipeline, with a small stand-in emitter -------------------------------------------


def tiny_python(models: ModelSet) -> Emitted:
    """A minimal Python emitter for the pipeline tests: one module per model, dataclass fields
    in snake case, enum members in upper snake case; its listing read from its files. (The real
    emitters are tested with the corpus pairs; this pins the wiring: pairing, attribution and
    matching.)"""
    return stand_in(_tiny_files(models), models)


def stand_in(
    files: dict[str, str], models: ModelSet, names: Mapping[str, str] = MappingProxyType({})
) -> Emitted:
    """``files`` as a target returns them: each model's symbol is ``names[model]`` (default:
    its name in Pascal case), the listing is read from the files."""
    symbols = {m.name: (Symbol("class", names.get(m.name, pascal(m.name))),) for m in models.models}
    return Emitted(files, symbols, tuple(listing(files)))


def _tiny_files(models: ModelSet) -> dict[str, str]:
    files: dict[str, str] = {}
    for model in models.models:
        name = pascal(model.name)
        if isinstance(model, EnumModel):
            body = "\n".join(
                f"    {upper_snake(str(v.value))} = {v.value!r}" for v in model.values or ()
            )
            files[f"{snake(model.name)}.py"] = f"class {name}(str, Enum):\n{body or '    pass'}\n"
        elif isinstance(model, ObjectModel):
            rows = []
            for f in sorted(model.fields, key=lambda f: not f.required):
                t = pascal(f.type.name) if isinstance(f.type, Ref) else "str"
                rows.append(f"    {snake(f.name)}: {t}" + ("" if f.required else " | None = None"))
            files[f"{snake(model.name)}.py"] = (
                f"class {name}:\n" + ("\n".join(rows) or "    pass") + "\n"
            )
    return files


def _set(*models: Model) -> ModelSet:
    return ModelSet(tuple(models), Source("s.yaml"))


def _field(name: str, t: TypeRef, required: bool = False) -> Field:
    return Field(name, t, required, source=Source("s.yaml", f"/x/properties/{name}"))


def _object(name: str, *fields: Field) -> ObjectModel:
    return ObjectModel(name, fields, source=Source("s.yaml", f"/components/schemas/{name}"))


def _review(old: ModelSet, new: ModelSet) -> list[tuple[str, str, str | None, str, str]]:
    findings = compare(old, new)
    result = surface(old, new, findings, ["python"], lambda _, m: tiny_python(m))
    return [
        (f.model, f.kind, f.member, dict(f.code)["python"].level, dict(f.code)["python"].reason)
        for f in apply(findings, result)
    ]


STR = Primitive("string")


def test_required_property_gets_its_constructor_verdict() -> None:
    old = _set(_object("Order", _field("id", STR, True)))
    new = _set(_object("Order", _field("id", STR, True), _field("total_amount", STR, True)))
    [(model, kind, member, level, reason)] = _review(old, new)
    assert (model, kind, member, level) == (
        "Order",
        "property.added_required",
        "total_amount",
        "breaking",
    )
    assert "total_amount" in reason


def test_renamed_model_is_a_renamed_class_in_code() -> None:
    old = _set(
        _object("Holder", _field("meta", Ref("HolderMeta"))),
        _object("HolderMeta", _field("k", STR)),
    )
    new = _set(_object("Holder", _field("meta", Ref("Meta"))), _object("Meta", _field("k", STR)))
    found = {
        (kind, member): (level, reason) for _, kind, member, level, reason in _review(old, new)
    }
    assert found[("model.renamed", None)][0] == "breaking"
    assert "HolderMeta" in found[("model.renamed", None)][1]
    assert found[("property.type_renamed", "meta")] == (
        "breaking",
        "meta: HolderMeta | None -> Meta | None",
    )


def test_code_change_with_no_wire_change_becomes_its_own_finding() -> None:
    """Two enum values that collide once turned into identifiers: the generated names move
    while every wire value stays (an enum symbol change)."""
    old = _set(EnumModel("Unit", "string", (EnumValue("in-stock"),), source=Source("s.yaml")))
    new = _set(
        EnumModel(
            "Unit",
            "string",
            (EnumValue("in-stock"), EnumValue("IN_STOCK")),
            source=Source("s.yaml"),
        )
    )

    def colliding(models: ModelSet) -> Emitted:
        files = _tiny_files(models)
        [unit] = models.models
        assert isinstance(unit, EnumModel)
        if len(unit.values or ()) == 2:  # the stand-in's collision rule
            files["unit.py"] = (
                "class Unit(str, Enum):\n    IN_STOCK_2 = 'in-stock'\n    IN_STOCK = 'IN_STOCK'\n"
            )
        return stand_in(files, models)

    findings = compare(old, new)
    result = surface(old, new, findings, ["python"], lambda _, m: colliding(m))
    out = {(f.kind, f.member): f for f in apply(findings, result)}
    symbol = out[("enum.symbol_changed", '"in-stock"')]
    assert dict(symbol.code)["python"].level == "breaking"
    assert symbol.request.level == "safe"
    assert dict(out[("enum.value_added", '"IN_STOCK"')].code)["python"].level == "safe"


def test_field_union_that_grew_warns() -> None:
    old = php_api("<?php final class M { public function __construct(public readonly A|B $x) {} }")
    new = php_api(
        "<?php final class M { public function __construct(public readonly A|B|C $x) {} }"
    )
    assert _changes("php", old, new) == {"field_type_widened:x": "warning"}


def test_a_nullable_type_compares_alike_in_every_spelling_of_null() -> None:
    """PHP's ``?A`` is ``A|null``: the same type, and a union grown from it is a widening."""
    old = php_api("<?php final class M { public function __construct(public readonly ?A $x) {} }")
    same = php_api(
        "<?php final class M { public function __construct(public readonly A|null $x) {} }"
    )
    grown = php_api(
        "<?php final class M { public function __construct(public readonly A|B|null $x) {} }"
    )
    assert _changes("php", old, same) == {"field_type_renamed:x": "safe"}
    assert _changes("php", old, grown) == {"field_type_widened:x": "warning"}


def test_the_code_verdicts_name_no_target_language() -> None:
    """What the compare package knows of a language comes from its target's rules."""
    import generator.compare
    from generator.targets import TARGETS

    package = Path(generator.compare.__file__).parent
    for module in sorted(package.glob("*.py")):
        text = module.read_text(encoding="utf-8")
        for name in TARGETS:
            assert f'"{name}"' not in text, (module.name, name)


# --- with the real emitters -----------------------------------------------------------------


def test_new_union_variant_with_the_real_emitters() -> None:
    """Python's union alias grows (warning), Dart's sealed class gains a subtype (exhaustive
    switches stop compiling: warning)."""
    from generator.ir import UnionModel

    def obj(name: str, prop: str) -> ObjectModel:
        return _object(name, _field(prop, STR, True))

    def pet(*names: str) -> UnionModel:
        return UnionModel(
            "Pet",
            tuple(Ref(n) for n in names),
            source=Source("s.yaml", "/components/schemas/Pet"),
        )

    old = _set(obj("Cat", "meow"), obj("Dog", "bark"), pet("Cat", "Dog"))
    cat, dog, fish = obj("Cat", "meow"), obj("Dog", "bark"), obj("Fish", "swim")
    new = _set(cat, dog, fish, pet("Cat", "Dog", "Fish"))
    findings = compare(old, new)
    result = surface(old, new, findings, ALL, emit)
    [variant] = [f for f in apply(findings, result) if f.kind == "union.variant_added"]
    code = dict(variant.code)
    assert code["python"].level == "warning"
    assert code["dart"].level == "warning" and "exhaustive" in code["dart"].reason


def test_enum_symbol_change_with_the_real_emitters() -> None:
    """Adding ``In-Stock`` next to ``in_stock``: every emitter renames the old member to make
    room (``IN_STOCK`` -> ``IN_STOCK_2``, say) while its wire value stays."""

    source = Source("s.yaml", "/components/schemas/Stock")
    old = _set(EnumModel("Stock", "string", (EnumValue("in_stock"),), source=source))
    new = _set(
        EnumModel("Stock", "string", (EnumValue("In-Stock"), EnumValue("in_stock")), source=source)
    )
    findings = compare(old, new)
    result = surface(old, new, findings, ALL, emit)
    out = {(f.kind, f.member): f for f in apply(findings, result)}
    symbol = out[("enum.symbol_changed", '"in_stock"')]
    assert symbol.request.level == symbol.response.level == "safe"
    assert {language: v.level for language, v in symbol.code} == dict.fromkeys(ALL, "breaking")


def test_a_failing_emitter_leaves_a_note_and_no_code_verdict() -> None:
    old = _set(_object("Order", _field("id", STR, True)))
    new = _set(_object("Order", _field("id", STR, True), _field("total", STR, True)))
    findings = compare(old, new)

    def broken(language: str, models: ModelSet) -> Emitted:
        raise KeyError("boom")

    result = surface(old, new, findings, ["python"], broken)
    assert result.notes and "KeyError" in result.notes[0]
    [finding] = apply(findings, result)
    assert dict(finding.code)["python"].level == "n/a"
    assert finding.request.level == "n/a"  # no operations in this set


def _order(*fields: Field) -> ModelSet:
    return _set(_object("Order", _field("id", STR, True), *fields))


CODE_CASES = [
    (
        "required property added",
        _order(),
        _order(_field("total", STR, True)),
        {"python": "breaking", "dart": "breaking", "php": "breaking"},
    ),
    (
        "optional property added",
        _order(),
        _order(_field("note", STR)),
        {"python": "safe", "dart": "safe", "php": "safe"},
    ),
    (
        "property type changed",
        _order(_field("count", STR, True)),
        _order(_field("count", Primitive("boolean"), True)),
        {"python": "breaking", "dart": "breaking", "php": "breaking"},
    ),
    (
        "property became required",
        _order(_field("note", STR)),
        _order(_field("note", STR, True)),
        {"python": "breaking", "dart": "breaking", "php": "breaking"},
    ),
    (
        "model renamed",
        _set(_object("Order", _field("id", STR, True))),
        _set(_object("Purchase", _field("id", STR, True))),
        {"python": "breaking", "dart": "breaking", "php": "breaking"},
    ),
    (
        "enum value added",
        _set(EnumModel("Unit", "string", (EnumValue("kg"),), source=Source("s.yaml", "/U"))),
        _set(
            EnumModel(
                "Unit", "string", (EnumValue("kg"), EnumValue("lb")), source=Source("s.yaml", "/U")
            )
        ),
        {"python": "safe", "dart": "warning", "php": "safe"},
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [pytest.param(*case[1:], id=case[0]) for case in CODE_CASES]
)
def test_code_verdicts_from_the_real_emitters(
    old: ModelSet, new: ModelSet, expected: dict[str, str]
) -> None:

    findings = compare(old, new)
    result = surface(old, new, findings, ALL, emit)
    reviewed = [
        f for f in apply(findings, result) if not f.kind.startswith(("code.", "model.added"))
    ]
    assert len(reviewed) == 1, [(f.kind, f.member) for f in reviewed]
    assert {language: v.level for language, v in reviewed[0].code} == expected


def test_generated_types_belong_to_the_models_their_symbols_name() -> None:
    """Attribution goes by the symbol table only: types named nothing like their models (and
    a model whose name another type starts with) still get their own verdicts."""
    old = _set(_object("Order", _field("id", STR, True)), _object("OrderLine", _field("n", STR)))
    new = _set(
        _object("Order", _field("id", STR, True), _field("total", STR, True)),
        _object("OrderLine", _field("n", STR), _field("note", STR)),
    )
    names = {"Order": "Zebra", "OrderLine": "Aardvark"}

    def renamed(models: ModelSet) -> Emitted:
        files = {
            path: text.replace("class OrderLine:", "class Aardvark:").replace(
                "class Order:", "class Zebra:"
            )
            for path, text in _tiny_files(models).items()
        }
        return stand_in(files, models, names)

    findings = compare(old, new)
    result = surface(old, new, findings, ["python"], lambda _, m: renamed(m))
    verdicts = {(f.model, f.member): dict(f.code)["python"] for f in apply(findings, result)}
    assert verdicts[("Order", "total")].level == "breaking"
    assert "total" in verdicts[("Order", "total")].reason
    assert verdicts[("OrderLine", "note")].level == "safe"
    assert "note" in verdicts[("OrderLine", "note")].reason


@pytest.mark.parametrize("language", [t for t in ALL if target(t).rules()])
def test_every_listed_type_is_named_by_exactly_one_models_symbols(language: str) -> None:
    """What makes attribution by symbols complete: no type of the listing is left to guess."""
    from generator.sources import load
    from tests.support.paths import EXAMPLE_SPEC

    emitted = emit(language, load(EXAMPLE_SPEC))
    named = [s.name for symbols in emitted.symbols.values() for s in symbols]
    assert len(named) == len(set(named))
    owners = {item.owner for item in emitted.api}
    assert owners and owners <= set(named)


@pytest.mark.parametrize("language", [t for t in ALL if target(t).lister])
@pytest.mark.parametrize("fixture", ["example", "hostile", "openai-2.3.0", "openai-2026"])
def test_the_listing_without_files_is_the_one_emit_gives(language: str, fixture: str) -> None:
    """diff's code verdicts take each target's listing without rendering any file: the same
    symbols and API listing as a full emit, on the shared fixtures and a real spec."""
    from generator.sources import load
    from generator.targets import listing
    from tests.support.models import example, hostile
    from tests.support.paths import OPENAI_LATEST_SPEC, OPENAI_SPEC, need

    if fixture == "openai-2.3.0":
        models = load(need(OPENAI_SPEC))
    elif fixture == "openai-2026":  # big enough for Python's split package (modules.py)
        models = load(need(OPENAI_LATEST_SPEC))
    else:
        models = example() if fixture == "example" else hostile()
    full, listed = emit(language, models), listing(language, models)
    assert listed.files == {}
    assert listed.api and listed.api == full.api
    assert listed.symbols == full.symbols
