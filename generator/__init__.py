"""modelgen: API schemas in, model classes out, SDKs kept in sync."""

__version__ = "0.1.0"
