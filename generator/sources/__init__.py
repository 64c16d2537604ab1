"""The input registry: every command that takes a source (a spec, a markdown docs folder, a
folder of generated code) goes through :func:`load`.

A source kind is a module with ``detect(path) -> bool`` and ``load(path, options) -> ModelSet``.
The kinds are the ones registered in :data:`SOURCES`, plus ``<target>-code`` for every target
that has a code reader (its own output, read back) and ``<target>-sdk`` for every target that
reads model code it did not write (an SDK). The first kind whose ``detect`` accepts the path is
used, unless ``--from`` names one for every source, or a source names its own as ``KIND:PATH``
(:func:`split_kind`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from generator.errors import ModelgenError, Warnings
from generator.ir import ModelSet, Source


@dataclass(frozen=True)
class LoadOptions:
    allow_external_refs: bool = False  # $ref to files outside the spec's folder tree
    allow_remote_refs: bool = False  # $ref to http(s) URLs
    spec: Path | None = None  # a spec that fills what markdown docs cannot say
    # --strict: a problem confined to one place is an error, not a warning and a stand-in
    # (see generator.errors.Warnings)
    strict: bool = False

    def warnings(self) -> Warnings:
        """A fresh collector for one load, strict or not as these options say."""
        return Warnings(self.strict)


# kind -> module. Specs first; code readers of the targets come next (see kinds()).
SOURCES: dict[str, str] = {
    "openapi": "generator.sources.openapi.loader",
    "jsonschema": "generator.sources.jsonschema.loader",
    "markdown": "generator.sources.markdown.loader",
    "openapi-generator": "generator.sources.openapi_generator.loader",
}
CODE_SUFFIX = "-code"
SDK_SUFFIX = "-sdk"


def kinds() -> dict[str, str]:
    """Every source kind, in detection order: specs, then the targets' readers of their own
    output, then the remaining registered sources, then the targets' SDK readers (the most
    general: any code in their language)."""
    from generator.targets import all_targets

    targets = all_targets()
    readers = {t.name + CODE_SUFFIX: t.reader for t in targets if t.reader is not None}
    sdks = {t.name + SDK_SUFFIX: t.sdk_reader for t in targets if t.sdk_reader is not None}
    first, *rest = SOURCES.items()
    return dict([first, *readers.items(), *rest, *sdks.items()])


def _module(kind: str) -> ModuleType:
    return importlib.import_module(kinds()[kind])


def _with_kind(models: ModelSet, kind: str) -> ModelSet:
    """The set with :attr:`ModelSet.kind` recorded (a reader may have set it already)."""
    return models if models.kind is not None else replace(models, kind=kind)


def is_sdk(models: ModelSet) -> bool:
    """Whether the set was read from model code modelgen did not write (a ``<target>-sdk``
    kind): its class names are the SDK's own, matched to a spec's models by convention."""
    return models.kind is not None and models.kind.endswith(SDK_SUFFIX)


def split_kind(argument: str) -> tuple[str | None, str]:
    """A source argument's forced kind and its path: ``python-sdk:src/openai/types`` is
    ``("python-sdk", "src/openai/types")``. The text before the first colon is a kind only
    when it is the name of a registered kind (see :func:`kinds`) and the whole argument is
    no existing path; anything else (a plain path, ``C:\\specs``, a git ``REV:path`` of
    ``modelgen diff``) is returned whole, with no kind."""
    head, colon, rest = argument.partition(":")
    if not colon or not rest or head not in kinds() or Path(argument).exists():
        return None, argument
    return head, rest


def load(path: Path | str, options: LoadOptions | None = None, kind: str | None = None) -> ModelSet:

    path = Path(path)
    options = options or LoadOptions()
    if not path.exists():
        raise ModelgenError("no such file or folder", Source(str(path)))
    known = kinds()
    if kind is not None:
        if kind not in known:
            raise ModelgenError(f"unknown input kind {kind!r} (known: {', '.join(known)})")
        result: ModelSet = _module(kind).load(path, options)
        return _with_kind(result, kind)
    for name in known:
        module = _module(name)
        if module.detect(path):
            detected: ModelSet = module.load(path, options)
            return _with_kind(detected, name)
    raise ModelgenError(
        "not a source modelgen can read (an OpenAPI or Swagger 2.0 document, a JSON Schema,"
        " a markdown docs folder, or generated code)",
        Source(str(path)),
    )
