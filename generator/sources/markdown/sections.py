"""Docs without a property table: ``## Enum`` bullets and Rust's ``## Enum Variants`` (enums),
php-nextgen's ``## oneOf``/``## anyOf`` lists, Rust's variant tables of models and Ruby's
``openapi_one_of``/``openapi_any_of`` listings (unions)."""

from __future__ import annotations

import re

from generator.ir import ANY, EnumModel, EnumValue, Model, Nullable, TypeRef, UnionModel
from generator.sources.markdown.dialects import Dialect
from generator.sources.markdown.doc import Doc, description, heading_line

_BULLET_VALUE = re.compile(r"^\s*[*-]\s+`(?P<name>[^`]*)`\s*\(value:\s*`(?P<value>.*)`\)\s*$")
_MEMBER_BULLET = re.compile(r"^\s*[*-]\s+(?P<member>.+?)\s*$")
_RUBY_MEMBER = re.compile(r"^#\s+:'(?P<name>[^']+)',?\s*$")


def _section(doc: Doc, start: int, titles: tuple[str, ...]) -> int | None:
    return doc.find(start, lambda line: line.strip() in titles)


def enum_model(doc: Doc, name: str, start: int, dialect: Dialect) -> Model | None:
    at = _section(doc, start, ("## Enum",))
    values: list[EnumValue] | None = None
    if at is not None:
        values = []
        for line in doc.lines[at + 1 :]:
            if line.startswith("#") or line.startswith("[["):
                break
            match = _BULLET_VALUE.match(line)
            if match is not None:
                values.append(EnumValue(_enum_value(match["value"])))
    else:
        at = _section(doc, start, ("## Enum Variants",))
        if at is None:
            return None
        header = doc.find(at + 1, lambda line: bool(line.strip()))
        if header is None or "Value" not in doc.lines[header]:
            return None  # Rust lists a union's members in this section
        values = []
        for line in doc.lines[header + 2 :]:
            if "|" not in line:
                break
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 2:
                values.append(EnumValue(cells[1]))
        if values and all(re.fullmatch(r"-?\d+", str(v.value)) for v in values):
            values = [EnumValue(int(str(v.value))) for v in values]
    kinds = {type(v.value) for v in values} if values else {str}
    base = "string" if kinds == {str} else "boolean" if kinds == {bool} else "number"
    if kinds <= {int} and values:
        base = "integer"
    return EnumModel(
        name,
        base,  # type: ignore[arg-type]
        tuple(values) if values else None,
        nullable=Nullable.UNKNOWN,
        description=description(doc, start, at, dialect),
        source=doc.at(heading_line(doc)),
    )


def _enum_value(text: str) -> str | int | float | bool | None:
    """``'x'``, ``"x"``, ``1``, ``1.5``, ``true``: an enum bullet's value."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d*(?:[eE][-+]?\d+)?", text):
        return float(text)
    if text in ("true", "false"):
        return text == "true"
    return text


def union_model(doc: Doc, name: str, start: int, dialect: Dialect) -> Model | None:
    members: list[str] = []
    exclusive = True
    at = _section(doc, start, ("## oneOf", "## anyOf"))
    if at is not None:  # php-nextgen
        exclusive = doc.lines[at].strip() == "## oneOf"
        for line in doc.lines[at + 1 :]:
            if line.startswith("#") or line.startswith("[["):
                break
            match = _MEMBER_BULLET.match(line)
            if match is not None:
                members.append(match["member"])
    elif (at := _section(doc, start, ("## Enum Variants",))) is not None:  # Rust
        header = doc.find(at + 1, lambda line: bool(line.strip()))
        if header is None:
            return None
        for line in doc.lines[header + 2 :]:
            if "|" not in line:
                break
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells and cells[0]:
                members.append(f"**{cells[0]}**")
    else:  # Ruby: the member list of ``openapi_one_of`` / ``openapi_any_of``
        at = _section(doc, start, ("### `openapi_one_of`", "### `openapi_any_of`"))
        if at is None:
            return None
        exclusive = "one_of" in doc.lines[at]
        for line in doc.lines[at + 1 :]:
            if line.startswith("### build"):
                break
            match = _RUBY_MEMBER.match(line.strip())
            if match is not None:
                members.append(f"**{match['name']}**")
    variants: list[TypeRef] = []
    for member in members:
        cell = dialect.read_type(member)
        if cell is None:
            doc.warnings.degrade(
                f"unrecognised union member {member!r}",
                doc.at(at),
                "read as any JSON value",
                "unknown-type",
            )
        variants.append(ANY if cell is None else cell.type)
    return UnionModel(
        name,
        tuple(dict.fromkeys(variants)),
        exclusive=exclusive,
        nullable=Nullable.UNKNOWN,
        description=description(doc, start, at, dialect),
        source=doc.at(heading_line(doc)),
    )
