"""Property tables: ``Name | Type | Description | Notes`` (and typescript-fetch's ``Name |
Type``), framed in pipes or not, read row by row into an object model; Julia's one-row ``value``
table of a oneOf/anyOf is a union."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.ir import (
    ANY,
    Field,
    ListOf,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.sources.markdown.dialects import Dialect, read_default
from generator.sources.markdown.doc import (
    HTML_TAG,
    RULE,
    SUSPICIOUS,
    Doc,
    clip,
    description,
    heading_line,
)
from generator.sources.markdown.types import split_args


def table_model(
    doc: Doc, name: str, start: int, header_at: int, dialect: Dialect
) -> tuple[Model, int, str | None]:
    header = doc.lines[header_at].strip()
    framed = header.startswith("|") and header.endswith("|")
    columns = 4 if "Notes" in header else 2
    first = header_at + 2
    if header_at + 1 >= len(doc.lines) or not RULE.match(doc.lines[header_at + 1]):
        doc.warnings.degrade(
            "property table header is not followed by its ---- | ---- rule",
            doc.at(header_at + 1),
            "the lines after the header are read as its rows",
            "bad-table",
        )
        first = header_at + 1
    properties_at = doc.find(start, lambda line: line.strip() == "## Properties")
    intro_end = (
        properties_at if properties_at is not None and properties_at < header_at else header_at
    )
    text = description(doc, start, intro_end, dialect)
    fields: list[Field] = []
    lines_of: dict[str, int] = {}
    namespace: str | None = None
    rows = 0
    union = _julia_union(doc, first, dialect)
    if union is not None:
        variants, exclusive = union
        members = UnionModel(
            name,
            variants,
            exclusive=exclusive,
            nullable=Nullable.UNKNOWN,
            description=text,
            source=doc.at(heading_line(doc)),
        )
        return members, 1, None
    for i in range(first, len(doc.lines)):
        line = doc.lines[i]
        if not line.strip() or "|" not in line:
            break
        rows += 1
        read = _row(doc, i, line, framed, columns, dialect)
        if read is None:
            continue
        row_field, row_namespace = read
        namespace = namespace or row_namespace
        if row_field.name in lines_of:
            doc.warnings.degrade(
                f"property {row_field.name!r} is listed twice (first on line"
                f" {lines_of[row_field.name]})",
                doc.at(i),
                "this row is skipped",
                "duplicate-row",
            )
            continue
        lines_of[row_field.name] = i + 1
        fields.append(row_field)
    table = ObjectModel(
        name=name,
        fields=tuple(fields),
        nullable=Nullable.UNKNOWN,
        description=text,
        source=doc.at(heading_line(doc)),
    )
    return table, rows, namespace


_JULIA_UNION = re.compile(
    r"^\*\*value\*\* \| This is a (?P<kind>oneOf|anyOf) model\. The value must be"
    r" (?:exactly one|any) of the following types: (?P<types>.*?) \|"
)


def _julia_union(doc: Doc, first: int, dialect: Dialect) -> tuple[tuple[TypeRef, ...], bool] | None:
    """Julia documents a oneOf/anyOf as one ``value`` row naming the member types."""
    if first >= len(doc.lines):
        return None
    match = _JULIA_UNION.match(doc.lines[first].strip())
    if match is None:
        return None
    variants: list[TypeRef] = []
    for spelled in filter(None, split_args(match["types"])):
        cell = dialect.read_type(f"**{spelled}**")
        if cell is None:
            doc.warnings.degrade(
                f"unrecognised union member {spelled!r}",
                doc.at(first),
                "read as any JSON value",
                "unknown-type",
            )
        variants.append(ANY if cell is None else cell.type)
    return tuple(dict.fromkeys(variants)), match["kind"] == "oneOf"


def _name_cell(cell: str) -> str:
    """A name cell's text: bold, backticks and HTML escapes removed (``**&#x60;object&#x60;**``
    is ``object``), Rust's ``r#type`` is ``type``."""
    text = cell.strip()
    if text.startswith("**") and text.endswith("**") and len(text) >= 4:
        text = text[2:-2]
    if "&" in text:
        text = html.unescape(text)
    if len(text) >= 2 and text[0] == text[-1] == "`":
        text = text[1:-1]
    return text.removeprefix("r#")


_ROW_NAME = re.compile(r"^(?P<cell>\*\*.*?\*\*|`[^`]*`)\s*\|")


def _row(
    doc: Doc, index: int, line: str, framed: bool, columns: int, dialect: Dialect
) -> tuple[Field, str | None] | None:
    """One table row as a field (and the namespace its type names); None for a row without a
    name."""
    where = doc.at(index)
    row = line.strip()
    if row.startswith("|"):
        row = row[1:].lstrip()
    if framed and row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1].rstrip()
    match = _ROW_NAME.match(row)
    if match is None:
        plain = re.match(r"^(?P<cell>[^|*`][^|]*?)\s*\|", row)
        doc.warnings.degrade(
            "table row does not start with a **name** cell followed by ' | ': " + clip(line),
            where,
            "its first cell is read as the name" if plain else "the row is skipped",
            "bad-row",
        )
        if plain is None:
            return None
        match = plain
    name = _name_cell(match["cell"])
    if not name.strip():
        doc.warnings.degrade("table row has an empty name", where, "the row is skipped", "bad-row")
        return None
    if SUSPICIOUS.search(name) or HTML_TAG.search(name):
        doc.warnings.note(
            f"property name {name!r} contains invisible characters, tabs or markup",
            where,
            "suspicious-name",
        )
    rest = row[match.end() :].lstrip()
    type_end = _cell_end(rest)
    if columns == 2:
        type_text, tail = rest, None
    elif type_end < 0:
        doc.warnings.degrade(
            "table row has too few cells (needs name | type | description | notes): " + clip(line),
            where,
            "read with no description and no notes",
            "bad-row",
        )
        type_text, tail = rest, ""
    else:
        type_text, tail = rest[:type_end], rest[type_end + 1 :]
    cell = dialect.read_type(type_text)
    type_: TypeRef
    if cell is None:
        doc.warnings.degrade(
            f"unrecognised type spelling {type_text.strip()!r}",
            where,
            "read as any JSON value",
            "unknown-type",
        )
        type_ = ANY
    else:
        type_ = cell.type
    description, notes = (
        ("", _Notes()) if not tail else _description_and_notes(doc, where, tail, line)
    )
    if "\t" in line:
        doc.warnings.note("table row contains a tab", where, "tab-in-row")
    # typescript-fetch does not say; optional reads every payload
    required = columns != 2 and not notes.optional
    default = None
    if notes.default is not None and notes.default.strip() not in dialect.no_default:
        default = read_default(notes.default)
    text = dialect.read_text(description)
    if dialect.name == "rust" and cell is not None and not isinstance(type_, Primitive):
        # Rust spells an inline enum as a bare name and says so in the description
        enum = re.search(r"\s*\(enum: [^)]*\)\s*$", text)
        if enum is not None:
            text = text[: enum.start()]
            type_ = _string_like(type_)
    nullable = Nullable.UNKNOWN
    if cell is not None and (cell.nullable or (cell.optional and required)):
        nullable = Nullable.YES
    return (
        Field(
            name=name,
            type=type_,
            required=required,
            nullable=nullable,
            default=default,
            read_only=notes.readonly,
            description=text if text else None,
            source=where,
        ),
        cell.namespace if cell is not None else None,
    )


def _string_like(t: TypeRef) -> TypeRef:
    if isinstance(t, ListOf):
        return ListOf(_string_like(t.item), t.unique)
    if isinstance(t, MapOf):
        return MapOf(_string_like(t.value))
    return Primitive("string") if isinstance(t, Ref) else t


def _cell_end(rest: str) -> int:
    """Where the type cell ends: the first ``|`` outside brackets and backticks (a type may
    hold ``[...]``, ``<...>``, ``{...}``, but never a pipe)."""
    depth = 0
    ticks = False
    for i, ch in enumerate(rest):
        if ch == "`":
            ticks = not ticks
        elif ticks:
            continue
        elif ch in "[(<{":
            depth += 1
        elif ch in "])>}":
            depth = max(depth - 1, 0)
        elif ch == "|" and depth == 0 and (i == 0 or rest[i - 1] != "\\"):
            return i
    return -1


@dataclass
class _Notes:
    optional: bool = False
    readonly: bool = False
    default: str | None = None


def _read_notes(text: str) -> _Notes | None:
    """A notes cell: bracketed groups only (``[optional] [readonly] [default to 'x']``,
    ``[optional][default to 3]``, ``[optional property]``, ``[Enum: a, b]``); None for text
    that is not one."""
    notes = _Notes()
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        if text[i] != "[":
            return None
        depth = 0
        end = -1
        for j in range(i, len(text)):
            if text[j] == "[":
                depth += 1
            elif text[j] == "]":
                depth -= 1
                if depth == 0:
                    end = j
                    break
        if end < 0:
            return None
        token = text[i + 1 : end].strip()
        if token in ("optional", "optional property"):
            notes.optional = True
        elif token == "readonly":
            notes.readonly = True
        elif token.startswith("default to"):
            notes.default = token[len("default to") :].strip()
        i = end + 1
    return notes


def _description_and_notes(doc: Doc, where: Source, rest: str, line: str) -> tuple[str, _Notes]:
    """``desc | notes``: the notes cell is the last one that reads as notes; any pipes before
    it belong to the description."""
    position = len(rest)
    while True:
        position = rest.rfind("|", 0, position)
        if position < 0:
            break
        notes = _read_notes(rest[position + 1 :])
        if notes is not None:
            return _cell_text(rest[:position]), notes
    whole = _read_notes(rest)
    if whole is not None and rest.strip():
        return "", whole
    doc.warnings.degrade(
        "table row has no notes cell ([optional], [readonly], [default to ...]) as its last"
        " cell: " + clip(line),
        where,
        "the rest is read as its description, and the property as required",
        "bad-row",
    )
    return _cell_text(rest), _Notes()


def _cell_text(text: str) -> str:
    """A cell's text without the one space on each side that separates it from its pipes
    (the rest of its spacing is the description's own)."""
    if text.startswith(" "):
        text = text[1:]
    return text[:-1] if text.endswith(" ") else text
