"""Generated Dart in ``dart format``'s shape: no code line over 80 columns where it can be broken
(string literals, names longer than a line, comments and directives cannot), trailing commas
where ``dart format`` puts them, and the code unchanged but for whitespace and those commas."""

from __future__ import annotations

import re
import textwrap

import pytest

from generator.ir import ModelSet
from generator.targets import emit
from generator.targets.dart.layout import Fitter, fit
from tests.support.models import example, hostile
from tests.targets.dart.check import parse_problems

_STRING = re.compile(r"'(?:[^'\\]|\\.)*'")


def breakable(line: str) -> bool:
    """Whether a line holds a place where ``dart format`` can break it: after ``=>`` or ``=``,
    around an operator, before a header keyword or a chained call, inside a non-empty argument
    or list bracket, between a field's type and name. (Written apart from the layout code.)"""
    code = _STRING.sub("''", line.strip())
    return bool(
        re.search(r"=> \S| = \S", code)
        or re.search(r" (\?|:|\?\?|\|\||&&|==|!=) \S", code)
        or re.search(r"\S (implements|extends|with) ", code)
        or re.search(r"[)\]]\.\w+\(", code)
        or re.search(r"\((?!\s*\))[^()]*\)|(?<![\w\])])\[(?!\s*\])[^\[\]]*\]", code)
        or re.match(r"(final|late|static|const) .+ \w+;$", code)
    )


def too_long(line: str) -> bool:
    """Whether one name or string literal of the line is too long for any line at its
    indentation (no break can help)."""
    indent = len(line) - len(line.lstrip(" "))
    atoms = _STRING.findall(line) + re.findall(r"\w+", _STRING.sub("''", line))
    return indent + max(map(len, atoms), default=0) > 80


def long_breakable_lines(files: dict[str, str]) -> list[str]:
    """Code lines over 80 columns that could be broken: not a comment or a directive, not long
    because of a string literal, and holding a place to break."""
    found = []
    for path, text in files.items():
        if not path.endswith(".dart"):
            continue
        for line in text.split("\n"):
            if len(line) <= 80 or line.lstrip().startswith(("//", "import ", "export ", "part ")):
                continue
            if len(_STRING.sub("''", line)) > 80 and breakable(line) and not too_long(line):
                found.append(f"{path}: {line}")
    return found


def tokens(text: str) -> str:
    """The code without whitespace and without commas before a closing bracket."""
    return re.sub(r",(?=[)\]])", "", re.sub(r"\s+", "", text))


def dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "  String toString() => 'MessageDeltaContentImageFileObjectImageFileDetailUnknown';",
            """
            String toString() =>
                'MessageDeltaContentImageFileObjectImageFileDetailUnknown';
            """,
        ),
        (
            "final class UsageTimeBucketResultItemUnknown implements UsageTimeBucketResultItem {",
            """
            final class UsageTimeBucketResultItemUnknown
                implements UsageTimeBucketResultItem {
            """,
        ),
        (
            "      other is MessageDeltaContentImageFileObjectImageFileDetailUnknown"
            " && other.value == value;",
            """
            other is MessageDeltaContentImageFileObjectImageFileDetailUnknown &&
                other.value == value;
            """,
        ),
        (
            "  const CreateFineTuningJobRequestHyperparametersBatchSizeNumber("
            "this.value, this.other);",
            """
            const CreateFineTuningJobRequestHyperparametersBatchSizeNumber(
              this.value,
              this.other,
            );
            """,
        ),
        (
            "    data: (json['data'] as List<dynamic>)"
            ".map((v) => VectorStoreFileObject.fromJson(v as Map<String, dynamic>)).toList(),",
            """
            data: (json['data'] as List<dynamic>)
                .map((v) => VectorStoreFileObject.fromJson(v as Map<String, dynamic>))
                .toList(),
            """,
        ),
        (
            "        ? Present(json['content'] == null ? null"
            " : ChatCompletionRequestAssistantMessageContent.fromJson(json['content']))",
            """
            ? Present(
                json['content'] == null
                    ? null
                    : ChatCompletionRequestAssistantMessageContent.fromJson(
                        json['content'],
                      ),
              )
            """,
        ),
        (
            "    if (CreateEmbeddingRequestModel2.fromValue(json) case final known?)"
            " return Wrapper(known);",
            """
            if (CreateEmbeddingRequestModel2.fromValue(json) case final known?)
              return Wrapper(known);
            """,
        ),
        (
            "  final CreateThreadRequestToolResourcesFileSearchVectorStoresItemChunkingStrategy?"
            " strategy;",
            """
            final CreateThreadRequestToolResourcesFileSearchVectorStoresItemChunkingStrategy?
                strategy;
            """,
        ),
        (
            "@FromSchema('CreateMessageRequestAttachmentsItemToolsItem',"
            " inferredDiscriminator: true)",
            """
            @FromSchema(
              'CreateMessageRequestAttachmentsItemToolsItem',
              inferredDiscriminator: true,
            )
            """,
        ),
        (
            "typedef ChatCompletionRequestSystemMessageContentPart ="
            " ChatCompletionRequestMessagePart;",
            """
            typedef ChatCompletionRequestSystemMessageContentPart =
                ChatCompletionRequestMessagePart;
            """,
        ),
    ],
)
def test_a_long_line_breaks_the_way_dart_format_breaks_it(line: str, expected: str) -> None:
    indent = len(line) - len(line.lstrip(" "))
    want = textwrap.indent(dedent(expected), " " * indent)
    assert fit(line) == want


def test_one_fitter_breaks_a_recurring_line_as_the_line_before_it_asks() -> None:
    line = (
        "      other is MessageDeltaContentImageFileObjectImageFileDetailUnknown"
        " && other.value == value;"
    )
    fitter = Fitter()  # remembers the lines it broke, for the next texts
    after_statement = fitter.fit(f"  int x = 0;\n{line}")
    after_arrow = fitter.fit(f"  bool operator ==(Object other) =>\n{line}")
    again = fitter.fit(f"  int x = 0;\n{line}")
    assert (
        after_statement
        == again
        == "\n".join(
            [
                "  int x = 0;",
                "      other is MessageDeltaContentImageFileObjectImageFileDetailUnknown &&",
                "          other.value == value;",
            ]
        )
    )
    assert after_arrow == "\n".join(
        [
            "  bool operator ==(Object other) =>",
            "      other is MessageDeltaContentImageFileObjectImageFileDetailUnknown &&",
            "      other.value == value;",
        ]
    )


def test_what_cannot_be_broken_is_left_as_it_is() -> None:
    text = "\n".join(
        [
            "  /// " + "word " * 20,
            "import 'package:a_very_long_package_name/a_very_long_library_file_name_here.dart';",
            "  static const x = 'a string literal that is longer than the line on its own, alas';",
            "    RunStepDeltaStepDetailsToolCallsCodeOutputImageObjectImage? Function()? image,",
            "  int f(String s) => s.length; // a trailing comment keeps its line as it is, all",
        ]
    )
    fitted = fit(text)
    assert fitted.split("\n")[:2] == text.split("\n")[:2]
    assert fitted.split("\n")[-2:] == text.split("\n")[-2:]


def test_commas_inside_type_arguments_and_strings_are_not_breaks() -> None:
    line = "      return Wrapper(json as Map<String, dynamic>, 'a, b', (x, y) => x + y, other);"
    assert fit(line) == "\n".join(
        [
            "      return Wrapper(",
            "        json as Map<String, dynamic>,",
            "        'a, b',",
            "        (x, y) => x + y,",
            "        other,",
            "      );",
        ]
    )


@pytest.mark.parametrize("models", [example(), hostile()], ids=["example", "hostile"])
def test_generated_dart_fits_parses_and_differs_only_in_whitespace_and_commas(
    models: ModelSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = emit("dart", models).files
    assert long_breakable_lines(files) == []
    assert parse_problems(files) == {}
    monkeypatch.setattr(Fitter, "fit", lambda self, text: text)
    unbroken = emit("dart", models).files
    assert unbroken.keys() == files.keys()
    for path, text in files.items():
        assert tokens(text) == tokens(unbroken[path]), path


@pytest.mark.slow
def test_openai_dart_has_no_breakable_code_line_over_80_columns(openai_models: ModelSet) -> None:
    files = emit("dart", openai_models).files
    assert long_breakable_lines(files) == []
