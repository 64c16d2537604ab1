"""OpenAPI 3.0 / 3.1 documents: safe YAML/JSON reading (``yaml_safe``), ``$ref`` resolution
across files (``refs``), the schema walk into the IR (``loader``), and mapping JSON pointers
back to lines (``locate``)."""
