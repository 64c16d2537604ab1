"""OpenAPI Generator's own PHP and Dart model classes, read as a source."""
