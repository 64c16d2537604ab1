"""JSON Schema documents: the files and identifiers of a schema tree (``refs``) and the source
(``loader``), which reads them with the OpenAPI schema walk."""
