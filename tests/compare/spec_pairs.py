"""Small specs for diff tests: one operation that sends and returns ``Thing``, and the
components a test gives, loaded by the real loader."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.ir import ModelSet
from generator.sources import load

SPEC_HEAD = """\
openapi: {version}
info: {{title: T, version: "1"}}
paths:
  /things:
    post:
      requestBody:
        content:
          application/json:
            schema: {{$ref: "#/components/schemas/Thing"}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Thing"}}
components:
  schemas:
"""


def load_spec(tmp_path: Path, name: str, schemas: str, version: str = "3.0.3") -> ModelSet:
    path = tmp_path / f"{name}.yaml"
    path.write_text(SPEC_HEAD.format(version=version) + textwrap.indent(schemas, "    "))
    return load(path)
