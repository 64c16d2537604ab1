"""``--lang docs-dart``: OpenAPI Generator's Dart model docs (see :mod:`.docs`)."""

from .docs import emit_dart as emit

__all__ = ["emit"]
