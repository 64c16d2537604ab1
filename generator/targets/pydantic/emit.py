"""The pydantic emitter: the IR goes through the ``jsonschema`` target to one JSON Schema
document (``schema.class_document``: ``$defs`` keyed by the Python target's class names),
which datamodel-code-generator turns into pydantic v2 models, in this process
(``datamodel_code_generator.generate``; no subprocess, no network). datamodel-code-generator
is imported here, on the first pydantic emit, so the other targets never pay its import time.

Output: one package ``<package>/`` holding ``models.py`` (every model, as
datamodel-code-generator wrote it under modelgen's header, and ``SCHEMA_NAMES``: the schema
name of each class named differently, for the reader), ``__init__.py`` (re-exports the models)
and ``py.typed``.

The options modelgen sets (also in the README) and why:

- ``output_model_type=pydantic_v2.BaseModel``, ``target_python_version=3.11``,
  ``use_union_operator``, ``use_standard_collections``: the same Python the Python target
  writes (``X | None``, ``list[X]``).
- ``snake_case_field`` with ``allow_population_by_field_name``: fields are snake_case like the
  dataclasses', ``Field(alias=...)`` holds the wire name, and both construct a model.
- ``strict_nullable``: a field is ``X | None`` only where the schema allows null, and a
  required field has no default (absent and null stay apart, as in the IR).
- ``field_constraints``: lengths, bounds and patterns as ``Field(...)`` arguments, types kept
  plain (``str``, not ``constr``).
- ``use_schema_description``, ``use_field_description``: descriptions become docstrings.
- ``skip_root_model``: no class for the document's root (a container of definitions).
- ``type_mappings``: string formats whose pydantic types rewrite or hide the text stay ``str``
  (``TEXT_FORMATS``), and formats datamodel-code-generator would type as something the JSON
  type is not stay that type (``PLAIN_FORMATS``: a number of format ``unixtime`` stays a
  ``float``, not an ``int``).
- ``disable_timestamp``, ``custom_file_header``, black and isort with fixed settings
  (``formatting/pyproject.toml``): the output depends only on the schema and the
  datamodel-code-generator version.
"""

from __future__ import annotations

import ast
import json
import warnings
from pathlib import Path
from typing import Any

from generator.errors import ModelgenError
from generator.ir import AliasModel, EnumModel, ModelSet, ObjectModel, UnionModel
from generator.naming import pascal
from generator.targets import Emitted, Symbol
from generator.targets.pydantic import PydanticOptions
from generator.targets.pydantic.markers import (
    DO_NOT_EDIT,
    HEADER,
    INIT_FILE,
    MODELS_FILE,
    SCHEMA_NAMES,
    TYPED_FILE,
)
from generator.targets.pydantic.schema import Schema, class_document
from generator.targets.python import PythonOptions
from generator.targets.python.names import model_names, package_name

FORMATTING = Path(__file__).parent / "formatting"
# String formats kept as ``str``: pydantic's URL types normalise the text (``http://a.b`` dumps
# as ``http://a.b/``), its email type needs the optional email-validator package, its
# ``SecretStr`` dumps as ``**********``, and ``Base64Str`` decodes base64 text, whose spelling
# is not canonical (the Python target keeps all of these as ``str`` too).
TEXT_FORMATS = (
    *("uri", "uri-reference", "iri", "iri-reference", "email", "idn-email"),
    *("password", "byte"),
)
# Formats datamodel-code-generator types as something the schema's JSON type is not, each
# mapped back to that type (``type+format=type``): a number of format ``unixtime`` would be
# ``int`` and one of format ``date-time``, ``time`` or ``time-delta`` a datetime, time or
# timedelta (the value is a number on the wire); a string of format ``integer`` or ``decimal``
# an ``int`` or ``Decimal``. And strings kept as ``str`` because their Python type rewrites the
# text: ``ipaddress`` spells an IPv6 address compressed and in lower case (``2001:DB8:0::1``
# dumps as ``2001:db8::1``) and a network with its prefix, and ``timedelta`` dumps a
# ``duration`` in its own spelling (``PT24H`` as ``P1D``).
PLAIN_FORMATS = (
    *(("number", f) for f in ("unixtime", "date-time", "time", "time-delta")),
    ("integer", "date-time"),
    *(("string", f) for f in ("integer", "decimal", "duration")),
    *(("string", f) for f in ("ipv4", "ipv6", "ipv4-network", "ipv6-network")),
)

# Symbol kinds: what datamodel-code-generator makes of each kind of model.
KINDS = {
    ObjectModel: "class",  # a BaseModel
    EnumModel: "enum",  # an Enum
    UnionModel: "root",  # a RootModel of the variants
    AliasModel: "root",  # a RootModel of the target
}


def dmcg_version() -> str:
    from importlib.metadata import version

    return version("datamodel-code-generator")


def header(models: ModelSet) -> str:
    title = models.title or Path(models.source.file).stem
    what = f"{title} {models.version}" if models.version else title
    return f"{HEADER} {dmcg_version()} from the schema {what!r}.\n{DO_NOT_EDIT}"


def generate(document: Schema, file_header: str) -> str:
    """datamodel-code-generator's pydantic v2 code for ``document`` (a JSON Schema). Classes
    are named exactly as the document's ``$defs`` keys (other names, which the document does
    not give rise to, in PascalCase)."""
    from datamodel_code_generator import generate as dmcg_generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import Formatter, PythonVersion

    defs = document.get("$defs")
    keys = frozenset(defs) if isinstance(defs, dict) else frozenset()

    def class_name(name: str) -> str:
        return name if name in keys else pascal(name) or "Model"

    options: dict[str, Any] = {
        "custom_class_name_generator": class_name,
        "capitalise_enum_members": True,
        "input_file_type": InputFileType.JsonSchema,
        "output_model_type": DataModelType.PydanticV2BaseModel,
        "target_python_version": PythonVersion.PY_311,
        "use_union_operator": True,
        "use_double_quotes": True,
        "use_standard_collections": True,
        "snake_case_field": True,
        "allow_population_by_field_name": True,
        "strict_nullable": True,
        "field_constraints": True,
        "set_default_enum_member": True,
        "use_schema_description": True,
        "use_field_description": True,
        "skip_root_model": True,
        "disable_timestamp": True,
        "custom_file_header": file_header,
        "type_mappings": [
            *(f"{name}=string" for name in TEXT_FORMATS),
            *(f"{kind}+{name}={kind}" for kind, name in PLAIN_FORMATS),
        ],
        "formatters": [Formatter.BLACK, Formatter.ISORT],
        "settings_path": FORMATTING,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = dmcg_generate(document, **options)
    if not isinstance(code, str):
        raise RuntimeError(
            f"datamodel-code-generator returned {type(code).__name__}, not one module"
        )
    return code


def class_kinds(code: str) -> dict[str, str]:
    """The module-level classes of ``code`` -> the name of their first base."""
    found: dict[str, str] = {}
    for node in ast.parse(code).body:
        if isinstance(node, ast.ClassDef):
            base = node.bases[0] if node.bases else None
            if isinstance(base, ast.Subscript):
                base = base.value
            found[node.name] = ast.unparse(base) if base is not None else ""
    return found


def written_names(classes: dict[str, str], written: dict[str, str]) -> dict[str, str]:
    """Model name -> the class datamodel-code-generator wrote for it: the class name asked
    for, or that name with ``Model`` appended where it clashes with a name the module
    imports (``Enum`` -> ``EnumModel``)."""
    asked = set(classes.values())
    names: dict[str, str] = {}
    missing: list[str] = []
    for model, name in classes.items():
        if name in written:
            names[model] = name
        elif f"{name}Model" in written and f"{name}Model" not in asked:
            names[model] = f"{name}Model"
        else:
            missing.append(name)
    if missing:
        raise ModelgenError(
            "datamodel-code-generator did not write the classes"
            f" {', '.join(sorted(missing)[:10])}{' ...' if len(missing) > 10 else ''}"
        )
    return names


def schema_names(names: dict[str, str]) -> str:
    """The ``SCHEMA_NAMES`` statement (as black lays it out) for the classes named
    differently from their schemas; empty when there are none."""
    differ = sorted((cls, model) for model, cls in names.items() if cls != model)
    if not differ:
        return ""
    items = "".join(f"    {json.dumps(c)}: {json.dumps(m)},\n" for c, m in differ)
    return (
        "\n\n# The schema name of each class named differently (read back by modelgen parity).\n"
        f"{SCHEMA_NAMES}: dict[str, str] = {{\n{items}}}\n"
    )


def emit(models: ModelSet, options: PydanticOptions) -> Emitted:
    package = package_name(models, PythonOptions(package=options.package))
    classes = model_names(models).classes
    if models.models:
        code = generate(class_document(models, classes), header(models))
    else:  # datamodel-code-generator refuses a document with no definitions
        code = f"{header(models)}\n\nfrom __future__ import annotations\n"
    names = written_names(classes, class_kinds(code))
    code += schema_names(names)
    symbols = {m.name: (Symbol(KINDS[type(m)], names[m.name]),) for m in models.models}
    init = (
        f"{header(models)}\n"
        f'"""The models of {package}: pydantic v2 classes (see models.py)."""\n\n'
        f"from {package}.models import *  # noqa: F403\n"
    )
    files = {
        f"{package}/{MODELS_FILE}": code,
        f"{package}/{INIT_FILE}": init,
        f"{package}/{TYPED_FILE}": "",
    }
    return Emitted(files, symbols)
