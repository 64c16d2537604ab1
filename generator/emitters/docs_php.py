"""``--lang docs-php``: OpenAPI Generator's PHP model docs (see :mod:`.docs`)."""

from .docs import emit_php as emit

__all__ = ["emit"]
