"""OpenAPI Generator's markdown model docs, in every dialect it writes: the dialects' spellings
(``dialects``; type cells in ``types``), the reader (``loader``: folders, the dialect vote, one
doc's heading; ``tables`` and ``sections`` for what the doc holds; ``doc`` for what they share),
filling in from a spec (``spec``) and spotting flattened unions (``unions``)."""
