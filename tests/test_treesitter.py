"""The tree-sitter helper shared by the Dart and PHP checks and code readers."""

from __future__ import annotations

from generator.treesitter import parse, problems


def test_valid_dart_has_no_problems() -> None:
    tree = parse("dart", "sealed class A {}\nfinal class B implements A {}\n")
    assert problems(tree) == []
    assert tree.root_node.type == "program"


def test_broken_dart_reports_missing_and_error_nodes_with_lines() -> None:
    found = problems(parse("dart", "class A {\n  String x = 'open;\n}\n"))
    assert found and found[0].startswith("2:")
    assert "MISSING" in found[0] or "ERROR" in found[0]


def test_problems_are_sorted_by_position() -> None:
    found = problems(parse("dart", "class A {\n  int x = ;\n}\nclass {\n"))
    positions = [tuple(int(n) for n in item.split(":", 2)[:2]) for item in found]
    assert len(found) >= 2 and positions == sorted(positions)


def test_php_is_parsed_too() -> None:
    assert problems(parse("php", "<?php\nfinal class A {}\n")) == []
    assert problems(parse("php", "<?php echo 1 +;\n")) != []


def test_bytes_and_text_parse_alike() -> None:
    source = "enum E { a, b }\n"
    assert str(parse("dart", source).root_node) == str(parse("dart", source.encode()).root_node)
