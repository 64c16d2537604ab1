"""The PHP target: PHP 8.1+ readonly value objects, backed enums and union factories under a
PSR-4 namespace (``emit``), read back by ``reader``; PHP model code modelgen did not write is
read by ``sdk_reader``. Declared here; the modules are imported when used."""

from __future__ import annotations

from dataclasses import dataclass

from generator.targets import Target, option


@dataclass(frozen=True)
class PhpOptions:
    php_namespace: str | None = option(
        None,
        flag="--php-namespace",
        help="PHP namespace (default: the title in PascalCase + \\Model)",
        metavar="NS",
    )


TARGET = Target(
    name="php",
    summary="PHP 8.1+ readonly classes (PSR-4)",
    emitter="generator.targets.php.emit:emit",
    options=PhpOptions,
    reader="generator.targets.php.reader",
    sdk_reader="generator.targets.php.sdk_reader",
    api="generator.targets.php.api",
    lister="generator.targets.php.emit:listing",
    in_all=True,
)
