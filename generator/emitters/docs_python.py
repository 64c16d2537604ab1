"""``--lang docs-python``: OpenAPI Generator's Python model docs (see :mod:`.docs`)."""

from .docs import emit_python as emit

__all__ = ["emit"]
