"""The Dart target: a Dart 3 package of immutable classes, sealed unions and enhanced enums
(``emit``), read back by ``reader``; ``sdk_reader`` reads Dart model code modelgen did not
write (freezed, json_serializable, hand-written). Declared here; the modules are imported
when used."""

from __future__ import annotations

from dataclasses import dataclass

from generator.targets import Target, option


@dataclass(frozen=True)
class DartOptions:
    package: str | None = option(
        None,
        flag="--package",
        help="Dart package name (default: the title in snake_case)",
        metavar="NAME",
    )


TARGET = Target(
    name="dart",
    summary="Dart 3 classes (one library, a part file per model and the models only it uses)",
    emitter="generator.targets.dart.emit:emit",
    options=DartOptions,
    reader="generator.targets.dart.reader",
    sdk_reader="generator.targets.dart.sdk_reader",
    api="generator.targets.dart.api",
    lister="generator.targets.dart.emit:listing",
    in_all=True,
)
