"""Reading the model classes OpenAPI Generator writes, so that ``modelgen parity`` can check the
SDKs users actually ship: ``lib/Model/*.php`` of its ``php`` generator and ``lib/model/*.dart``
of its ``dart`` generator (give the SDK folder, its ``lib`` folder or the model folder).

Both are parsed with tree-sitter; the small generated fragments inside (the ``$openAPITypes``
arrays, a constructor's parameters, ``toJson``) are then read from the syntax tree's text.

What the classes carry and the docs lose:

- PHP: JSON keys (``$attributeMap``), types and formats (``$openAPITypes``,
  ``$openAPIFormats``), nullability (``$openAPINullables``), required keys (the "can't be null"
  / "is required" checks of ``listInvalidProperties``), defaults (the constructor's
  ``setIfExists`` calls), and enum values (enum classes' constants). Inline enums stay plain
  strings, as the generator keeps them.
- Dart: JSON keys (``toJson``), required keys (``requiredKeys``, ``required this.x``),
  nullable types (``String?`` on a required field is nullable; on an optional one it only
  means "may be absent", so that is unknown), defaults, and enum classes (inline ones too,
  named ``<Class><Field>Enum`` by the generator; they are marked as declared inline).

Neither states composition: OpenAPI Generator merges a union's variants into one class. Dart
maps every date format to ``DateTime``, so Dart formats are not stated either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from generator.errors import ModelgenError
from generator.ir import (
    ANY,
    FACETS,
    Const,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
)
from generator.sources.reading import read_head, read_limited

if TYPE_CHECKING:
    from tree_sitter import Node

    from generator.sources import LoadOptions

PHP_KNOWS = frozenset({"nullable", "formats", "enum_values", "defaults", "wire_names"})
DART_KNOWS = frozenset({"nullable", "enum_values", "defaults", "wire_names"})
assert PHP_KNOWS <= FACETS and DART_KNOWS <= FACETS

MAX_FILE_BYTES = 5_000_000


# --- finding the files ----------------------------------------------------------------------


def _model_folder(path: Path) -> tuple[str, Path] | None:
    """("php" | "dart", folder of model files) when ``path`` looks like OpenAPI Generator
    output."""
    if not path.is_dir():
        return None
    for language, sub, suffix, marker in (
        ("php", "Model", ".php", "$openAPITypes"),
        ("php", "Model", ".php", "getAllowableEnumValues"),
        ("dart", "model", ".dart", "// AUTO-GENERATED FILE, DO NOT MODIFY!"),
    ):
        for folder in (path / "lib" / sub, path / sub, path):
            if folder.name != sub or not folder.is_dir():
                continue
            for file in sorted(folder.glob(f"*{suffix}"))[:5]:
                head = read_head(file, 20000).decode("utf-8", "replace")
                if marker in head and (language == "php" or "part of " in head):
                    return language, folder
    return None


def detect(path: Path) -> bool:
    return _model_folder(path) is not None


def load(path: Path, options: LoadOptions) -> ModelSet:
    found = _model_folder(path)
    if found is None:
        raise ModelgenError(
            "no OpenAPI Generator model classes here (lib/Model/*.php or lib/model/*.dart)",
            Source(str(path)),
        )
    language, folder = found
    reader = _read_php if language == "php" else _read_dart
    models: dict[str, Model] = {}
    for file in sorted(folder.glob("*.php" if language == "php" else "*.dart")):
        data = read_limited(file, MAX_FILE_BYTES, Source(str(file)))
        for model in reader(file, data):
            models.setdefault(model.name, model)
    return ModelSet(
        models=tuple(sorted(models.values(), key=lambda m: m.name)),
        source=Source(str(path)),
        knows=PHP_KNOWS if language == "php" else DART_KNOWS,
    )


# --- tree-sitter helpers --------------------------------------------------------------------


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _walk(node: Node, kinds: frozenset[str]) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in kinds:
            yield current
        stack.extend(reversed(current.named_children))


def _parse(language: str, data: bytes) -> Node:
    """The syntax tree. Parse errors are tolerated: the generator itself writes code the
    grammar rejects (Dart's empty ``Foo({ })`` constructor for flattened unions), and the
    parts read here are found by node type and shape."""
    from generator.treesitter import parse

    return parse(language, data).root_node


# --- PHP ------------------------------------------------------------------------------------


def _php_string(node: Node) -> str | None:
    """The value of a PHP single- or double-quoted literal without interpolation."""
    if node.type == "string":
        raw = _text(node)[1:-1]
        return re.sub(r"\\([\\'])", r"\1", raw)
    if node.type == "encapsed_string" and not any(
        c.type not in ("string_content", "escape_sequence") for c in node.named_children
    ):
        return bytes(_text(node)[1:-1], "utf-8").decode("unicode_escape")
    return None


def _php_value(node: Node) -> JsonValue:
    """A literal PHP value as JSON (``None`` for anything that is not a plain literal)."""
    text = _text(node).strip()
    if node.type in ("string", "encapsed_string"):
        return _php_string(node)
    if node.type == "boolean":
        return text.lower() == "true"
    if node.type == "null":
        return None
    if node.type == "integer":
        return int(text.replace("_", ""), 0)
    if node.type == "float":
        return float(text.replace("_", ""))
    if node.type == "unary_op_expression" and text.startswith("-"):
        inner = _php_value(node.named_children[-1])
        return -inner if isinstance(inner, int | float) and not isinstance(inner, bool) else None
    if node.type == "array_creation_expression":
        items = [c for c in node.named_children if c.type == "array_element_initializer"]
        pairs = [c.named_children for c in items]
        if all(len(p) == 2 for p in pairs) and pairs:
            return {str(_php_value(k)): _php_value(v) for k, v in pairs}
        return [_php_value(p[0]) for p in pairs if p]
    return None


def _php_array(node: Node) -> dict[str, Node]:
    """``['key' => value, ...]`` -> key -> value node."""
    result: dict[str, Node] = {}
    for item in node.named_children:
        if item.type == "array_element_initializer" and len(item.named_children) == 2:
            key = _php_string(item.named_children[0])
            if key is not None:
                result[key] = item.named_children[1]
    return result


_PHP_PRIMITIVES: dict[str, TypeRef] = {
    "string": Primitive("string"),
    "int": Primitive("integer"),
    "float": Primitive("number"),
    "bool": Primitive("boolean"),
    "\\DateTime": Primitive("string", "date-time"),
    "\\SplFileObject": Primitive("string", "binary"),
    "object": ANY,
    "mixed": ANY,
    "array": ListOf(ANY),
}


def _php_type(spelling: str, fmt: str | None) -> TypeRef:
    spelling = spelling.strip()
    if spelling.endswith("[]"):
        return ListOf(_php_type(spelling[:-2], None))
    match = re.fullmatch(r"array<\s*string\s*,\s*(.+)>", spelling)
    if match:
        return MapOf(_php_type(match.group(1), None))
    known = _PHP_PRIMITIVES.get(spelling)
    if known is not None:
        if isinstance(known, Primitive) and fmt and known.kind != "any":
            return Primitive(known.kind, fmt)
        return known
    return Ref(spelling.rsplit("\\", 1)[-1])


def _read_php(file: Path, data: bytes) -> list[Model]:
    root = _parse("php", data)
    models: list[Model] = []
    # Generated files declare their class at the top level (after `namespace X;`), or inside
    # a braced namespace: no need to walk the method bodies.
    tops = [c for n in root.named_children for c in _namespace_members(n)]
    for cls in (c for c in tops if c.type == "class_declaration"):
        name_node = cls.child_by_field_name("name")
        body = cls.child_by_field_name("body")
        if name_node is None or body is None:
            continue
        props: dict[str, Node] = {}
        consts: dict[str, Node] = {}
        methods: dict[str, Node] = {}
        for member in body.named_children:
            if member.type == "property_declaration":
                for element in member.named_children:
                    if element.type == "property_element" and len(element.named_children) == 2:
                        props[_text(element.named_children[0]).lstrip("$")] = (
                            element.named_children[1]
                        )
            elif member.type == "const_declaration":
                for element in member.named_children:
                    if element.type == "const_element" and len(element.named_children) == 2:
                        consts[_text(element.named_children[0])] = element.named_children[1]
            elif member.type == "method_declaration":
                method_name = member.child_by_field_name("name")
                if method_name is not None:
                    methods[_text(method_name)] = member
        source = Source(str(file), line=_line(cls))
        class_name = _text(name_node)
        if "openAPITypes" in props:
            models.append(_php_object(class_name, props, methods, source))
        elif "getAllowableEnumValues" in methods:
            models.append(_php_enum(class_name, consts, methods["getAllowableEnumValues"], source))
    return models


def _namespace_members(node: Node) -> list[Node]:
    if node.type == "namespace_definition":
        body = node.child_by_field_name("body")
        return list(body.named_children) if body is not None else []
    return [node]


def _php_object(
    class_name: str, props: dict[str, Node], methods: dict[str, Node], source: Source
) -> ObjectModel:
    # The class name, not $openAPIModelName: it is what users and the type strings use.
    name = class_name
    types = _php_array(props["openAPITypes"])
    formats = _php_array(props["openAPIFormats"]) if "openAPIFormats" in props else {}
    nullables = _php_array(props["openAPINullables"]) if "openAPINullables" in props else {}
    wire = _php_array(props["attributeMap"]) if "attributeMap" in props else {}
    checks = _text(methods["listInvalidProperties"]) if "listInvalidProperties" in methods else ""
    required = set(re.findall(r"\"'([^'\"]+)' (?:can't be null|is required)\"", checks))
    defaults: dict[str, JsonValue] = {}
    has_default: set[str] = set()
    if "__construct" in methods:
        for call in _walk(methods["__construct"], frozenset({"member_call_expression"})):
            called = call.child_by_field_name("name")
            arguments = call.child_by_field_name("arguments")
            if called is None or arguments is None or _text(called) != "setIfExists":
                continue
            args = [a.named_children[0] for a in arguments.named_children if a.named_children]
            key = _php_string(args[0]) if args else None
            if key is not None and len(args) == 3 and args[2].type != "null":
                defaults[key] = _php_value(args[2])
                has_default.add(key)
    fields = []
    for prop, type_node in types.items():
        spelling = _php_string(type_node) or "mixed"
        fmt_node = formats.get(prop)
        fmt = _php_string(fmt_node) if fmt_node is not None else None
        nullable_node = nullables.get(prop)
        nullable = Nullable.UNKNOWN
        if nullable_node is not None and nullable_node.type == "boolean":
            nullable = Nullable.YES if _text(nullable_node).lower() == "true" else Nullable.NO
        wire_node = wire.get(prop)
        fields.append(
            Field(
                name=(_php_string(wire_node) if wire_node is not None else None) or prop,
                type=_php_type(spelling, fmt),
                required=prop in required,
                nullable=nullable,
                default=Const(defaults[prop]) if prop in has_default else None,
                source=source,
            )
        )
    # Whether the class itself may be null is not stated (the generator keeps it per field).
    return ObjectModel(name=name, fields=tuple(fields), nullable=Nullable.UNKNOWN, source=source)


def _php_enum(class_name: str, consts: dict[str, Node], method: Node, source: Source) -> EnumModel:
    values: list[JsonValue] = []
    for ref in _walk(method, frozenset({"class_constant_access_expression"})):
        constant = consts.get(_text(ref.named_children[-1]))
        if constant is not None:
            values.append(_php_value(constant))
    return EnumModel(
        name=class_name,
        base=_base(values),
        values=tuple(EnumValue(v) for v in values if not isinstance(v, list | dict)),
        nullable=Nullable.UNKNOWN,
        source=source,
    )


EnumBase = Literal["string", "integer", "number", "boolean"]


def _base(values: list[JsonValue]) -> EnumBase:
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int}:
        return "integer" if kinds else "string"
    if kinds <= {int, float}:
        return "number"
    if kinds == {bool}:
        return "boolean"
    return "string"


# --- Dart -----------------------------------------------------------------------------------

_DART_PRIMITIVES: dict[str, TypeRef] = {
    "String": Primitive("string"),
    "int": Primitive("integer"),
    "double": Primitive("number"),
    "num": Primitive("number"),
    "bool": Primitive("boolean"),
    "DateTime": Primitive("string", "date-time"),
    "MultipartFile": Primitive("string", "binary"),
    "Object": ANY,
    "dynamic": ANY,
}


def _split_args(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def _dart_type(spelling: str) -> TypeRef:
    spelling = spelling.strip().rstrip("?")
    match = re.fullmatch(r"(List|Set|Iterable)<(.+)>", spelling)
    if match:
        return ListOf(_dart_type(match.group(2)), unique=match.group(1) == "Set")
    match = re.fullmatch(r"Map<(.+)>", spelling)
    if match:
        args = _split_args(match.group(1))
        return MapOf(_dart_type(args[-1]))
    return _DART_PRIMITIVES.get(spelling) or Ref(spelling)


def _dart_value(text: str) -> JsonValue:
    text = text.strip()
    if text.startswith("const "):
        text = text[len("const ") :].strip()
    member = re.fullmatch(r"\w+\._\((.*)\)", text, re.DOTALL)
    if member:  # an enum member by its private constructor: `KindEnum._('cat')`
        text = member.group(1).strip()
    if text in ("[]", "{}"):
        return [] if text == "[]" else {}
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d*(e[-+]?\d+)?|-?\d+e[-+]?\d+", text, re.IGNORECASE):
        return float(text)
    match = re.fullmatch(r"r?'(.*)'|r?\"(.*)\"", text, re.DOTALL)
    if match:
        raw = match.group(1) if match.group(1) is not None else match.group(2)
        return raw if text.startswith("r") else re.sub(r"\\(.)", r"\1", raw)
    # An enum member (`Voice.alloy`) or another expression: its wire value is not stated here.
    return text


def _read_dart(file: Path, data: bytes) -> list[Model]:
    root = _parse("dart", data)
    models: list[Model] = []
    classes = [c for c in root.named_children if c.type == "class_definition"]
    main_names = {_dart_name(c) for c in classes}
    for node in root.named_children:
        if node.type == "class_definition":
            name = _dart_name(node)
            if name.endswith("TypeTransformer"):
                continue
            model = _dart_class(file, node, name)
            if model is not None:
                models.append(model)
        elif node.type == "enum_declaration":
            models.append(_dart_enum(file, node, main_names))
    return models


def _dart_name(node: Node) -> str:
    name = node.child_by_field_name("name")
    if name is None:
        name = next((c for c in node.named_children if c.type == "identifier"), None)
    return _text(name) if name is not None else ""


def _dart_class(file: Path, node: Node, name: str) -> ObjectModel | None:
    body = node.child_by_field_name("body")
    if body is None:
        return None
    field_types: dict[str, str] = {}
    params: dict[str, tuple[bool, str | None]] = {}  # dart name -> (required, default)
    to_json = ""
    required_keys: set[str] = set()
    members = body.named_children
    for index, member in enumerate(members):
        text = _text(member)
        if member.type == "declaration":
            signature = member.named_children[0] if member.named_children else None
            if signature is not None and signature.type == "constructor_signature":
                params.update(_dart_params(signature))
                continue
            keys = re.match(r"static const requiredKeys = <String>\{(.*)\}", text, re.DOTALL)
            if keys:
                required_keys = {_dart_str(k) for k in re.findall(r"r?'[^']*'", keys.group(1))}
                continue
            declared = re.fullmatch(r"(?:late\s+)?(?:final\s+)?([\w<>?, ]+?)\s+(\w+)", text)
            if declared and not text.startswith("static"):
                field_types[declared.group(2)] = declared.group(1)
        elif member.type == "method_signature" and "toJson()" in text:
            if index + 1 < len(members) and members[index + 1].type == "function_body":
                to_json = _text(members[index + 1])
    if not params and not to_json:
        return None
    wire = {
        dart: key
        for key, dart in re.findall(r"json\[r?'([^']*)'\]\s*=[^;\n]*?\bthis\.(\w+)", to_json)
    }
    source = Source(str(file), line=_line(node))
    fields = []
    for dart_name, spelling in field_types.items():
        is_param, default = params.get(dart_name, (False, None))
        key = wire.get(dart_name, dart_name)
        required = is_param or key in required_keys
        optional_type = spelling.endswith("?")
        type_ = _dart_type(spelling)
        value = _dart_value(default) if default is not None else None
        if value == {} and isinstance(type_, ListOf):
            value = []  # `const {}` is an empty Set
        if optional_type:
            nullable = Nullable.YES if required else Nullable.UNKNOWN
        else:
            nullable = Nullable.NO
        fields.append(
            Field(
                name=key,
                type=type_,
                required=required,
                nullable=nullable,
                default=Const(value) if default is not None else None,
                source=source,
            )
        )
    # Whether the class itself may be null is not stated (the generator keeps it per field).
    return ObjectModel(name=name, fields=tuple(fields), nullable=Nullable.UNKNOWN, source=source)


def _dart_str(literal: str) -> str:
    return literal[2:-1] if literal.startswith("r") else literal[1:-1]


def _dart_params(signature: Node) -> dict[str, tuple[bool, str | None]]:
    """Named constructor parameters: dart name -> (required, default source text)."""
    result: dict[str, tuple[bool, str | None]] = {}
    for group in _walk(signature, frozenset({"optional_formal_parameters"})):
        children = group.children
        for index, child in enumerate(children):
            if child.type != "formal_parameter":
                continue
            names = [c for c in _walk(child, frozenset({"identifier"}))]
            if not names:
                continue
            required = index > 0 and _text(children[index - 1]) == "required"
            default = None
            if index + 2 < len(children) and _text(children[index + 1]) in ("=", ":"):
                default = _text(children[index + 2])
            result[_text(names[-1])] = (required, default)
    return result


def _dart_enum(file: Path, node: Node, main_names: set[str]) -> EnumModel:
    name = _dart_name(node)
    text = _text(node)
    values: list[JsonValue] = []
    for literal in re.findall(r"\w+\._\(\s*(r?'(?:[^'\\]|\\.)*'|-?[\d.]+|true|false)\s*\)", text):
        values.append(_dart_value(literal))
    base_match = re.search(r"final (String|int|double|num|bool) _value;", text)
    bases: dict[str, EnumBase] = {"String": "string", "int": "integer", "bool": "boolean"}
    base = bases.get(base_match.group(1) if base_match else "String", "number")
    owner = next(
        (c for c in sorted(main_names, key=len, reverse=True) if c and name.startswith(c)), None
    )
    # An enum the generator made for a property (`<Class><Field>Enum`): declared inline.
    inline = owner is not None and name != owner and name.endswith("Enum")
    return EnumModel(
        name=name,
        base=base,
        values=tuple(EnumValue(v) for v in values if not isinstance(v, list | dict)),
        nullable=Nullable.UNKNOWN,
        source=Source(str(file), line=_line(node)),
        inline=inline,
    )
