"""Markdown model docs in OpenAPI Generator's format, in three of its dialects (``emit``).
The dialects' spellings are an input format too: they live with the markdown source
(``generator.sources.markdown.dialects``), which reads what these targets write."""

from __future__ import annotations

from dataclasses import dataclass

from generator.targets import Target, option


@dataclass(frozen=True)
class PhpDocsOptions:
    php_namespace: str | None = option(
        None, flag="--php-namespace", help="PHP namespace of the documented classes", metavar="NS"
    )


@dataclass(frozen=True)
class DartDocsOptions:
    package: str | None = option(
        None, flag="--package", help="Dart package the docs name", metavar="NAME"
    )


PHP = Target(
    name="docs-php",
    summary="markdown model docs, OpenAPI Generator's php dialect",
    emitter="generator.targets.docs.emit:emit_php",
    options=PhpDocsOptions,
)
DART = Target(
    name="docs-dart",
    summary="markdown model docs, OpenAPI Generator's dart dialect",
    emitter="generator.targets.docs.emit:emit_dart",
    options=DartDocsOptions,
)
PYTHON = Target(
    name="docs-python",
    summary="markdown model docs, OpenAPI Generator's python dialect",
    emitter="generator.targets.docs.emit:emit_python",
)
