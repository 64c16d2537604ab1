"""OpenAPI Generator's markdown model docs: the dialects' spellings (``dialects``), the reader
(``loader``), filling in from a spec (``spec``) and spotting flattened unions (``unions``)."""
