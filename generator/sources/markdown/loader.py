"""OpenAPI Generator's markdown model docs (``docs/Model/Foo.md``, ``doc/Foo.md``) as a model set.

One file is one model: a heading naming it, and a ``Name | Type | Description | Notes`` property
table. The tables are lossy (see :data:`generator.markdown_dialects.MARKDOWN_KNOWS`): the set's
``knows`` says which facets they state, and the rest is left unknown (nullability
``Nullable.UNKNOWN``), never guessed. An empty table (an enum, an alias, a union OpenAPI
Generator did not flatten, or an object with no properties: the docs cannot say which) is an
:class:`ObjectModel` with no fields. ``LoadOptions.spec`` fills the gaps from a spec.

Rows are read strictly: a row that does not have the four cells is an error with its line;
pipes inside a description (the generator does not escape them) are kept in the description,
because the name is the first cell, the type the second and the notes the last.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import (
    Diagnostic,
    Field,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Source,
)
from generator.sources import LoadOptions
from generator.sources.markdown.dialects import DIALECTS, Dialect, read_default
from generator.sources.reading import read_head, read_limited

_HEADER = re.compile(r"^\|?\s*Name\s*\|\s*Type\s*\|\s*Description\s*\|\s*Notes\s*\|?\s*$")
_RULE = re.compile(r"^\|?\s*-+\s*\|\s*-+\s*\|\s*-+\s*\|\s*-+\s*\|?\s*$")
_PROPERTIES = "## Properties"
# A model doc is a few kilobytes; anything this large is refused before it is read.
MAX_FILE_BYTES = 10_000_000
_PHP_HEADING = re.compile(r"^# # (?P<name>\S.*?)\s*$")
_DART_HEADING = re.compile(r"^# (?P<ns>[A-Za-z_]\w*)\.model\.(?P<name>\S+?)\s*$")
_RUBY_HEADING = re.compile(r"^# (?P<ns>[A-Za-z_][\w:]*)::(?P<name>\S+?)\s*$")
_CSHARP_HEADING = re.compile(r"^# (?P<ns>[A-Za-z_][\w.]*)\.Model\.(?P<name>\S+?)\s*$")
_PLAIN_HEADING = re.compile(r"^# (?P<name>\S+?)\s*$")
_NOTES = re.compile(
    r"^\s*(?P<optional>\[optional\])?\s*(?P<readonly>\[readonly\])?\s*"
    r"(?:\[default to (?P<default>.*)\])?\s*$",
    re.S,
)
_ROW_NAME = re.compile(r"^\*\*(?P<name>.*?)\*\* \| ")
# Characters that make a name look right while being something else.
_SUSPICIOUS = re.compile(r"[\u00a0\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\t]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")

# Spellings that only one generator writes, to tell the ``# Name`` dialects apart.
_SIGNATURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("go", re.compile(r"\| Pointer to |\*\*\[\]|\*\*map\[string\]|\b(?:float32|float64|int32)\b")),
    ("rust", re.compile(r"Option<|Vec<|models::|std::|serde_json::|\*\*[iuf](?:8|32|64|size)\*\*")),
    ("kotlin", re.compile(r"\bkotlin\.")),
    ("typescript", re.compile(r"\{ \[key: string\]|Array&lt;|Array<|\*\*(?:number|boolean)\*\*")),
    ("python", re.compile(r"List\[|Dict\[|\*\*(?:str|datetime|bytearray)\*\*")),
    ("java", re.compile(r"List<|Map<String, |\*\*(?:Integer|Long|OffsetDateTime|BigDecimal)\*\*")),
)


@dataclass
class ParsedDoc:
    """One model doc: the model, the dialect it was written in, and the namespace or package its
    heading and type links name."""

    model: ObjectModel
    dialect: Dialect
    namespace: str | None
    rows: int
    diagnostics: list[Diagnostic] = field(default_factory=list)


def detect(path: Path) -> bool:
    if path.is_file():
        return path.suffix.lower() == ".md" and _looks_like_model_doc(path)
    if path.is_dir():
        return any(_looks_like_model_doc(p) for p in sorted(path.glob("*.md"))[:20])
    return False


def _looks_like_model_doc(path: Path) -> bool:
    head = read_head(path, 16000).decode("utf-8", "replace")[:4000]
    return any(_HEADER.match(line) for line in head.splitlines())


def load(path: Path, options: LoadOptions) -> ModelSet:
    docs: list[ParsedDoc] = []
    diagnostics: list[Diagnostic] = []
    if path.is_dir():
        for file in sorted(path.glob("*.md"), key=lambda p: p.name):
            text = _read(file)
            if not any(_HEADER.match(line) for line in text.splitlines()):
                if file.name.lower() != "readme.md":
                    diagnostics.append(
                        Diagnostic("no property table: not a model doc, skipped", Source(str(file)))
                    )
                continue
            docs.append(parse_doc(text, str(file)))
        if not docs:
            raise ModelgenError("no markdown model docs in this folder", Source(str(path)))
    else:
        docs.append(parse_doc(_read(path), str(path)))
    return build_model_set(docs, Source(str(path)), options, diagnostics)


def _read(path: Path) -> str:
    data = read_limited(path, MAX_FILE_BYTES, Source(str(path)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ModelgenError(f"not UTF-8 (byte {error.start})", Source(str(path))) from None


def build_model_set(
    docs: list[ParsedDoc],
    source: Source,
    options: LoadOptions,
    diagnostics: list[Diagnostic] | None = None,
) -> ModelSet:
    """The model set of parsed docs: duplicate models refused, the dialect and namespace agreed,
    flattened unions flagged, and the spec's facts merged in when ``options.spec`` is given."""
    from generator.sources.markdown.spec import merge_spec
    from generator.sources.markdown.unions import flattened_union_diagnostics

    diagnostics = list(diagnostics or [])
    seen: dict[str, ParsedDoc] = {}
    for doc in docs:
        diagnostics.extend(doc.diagnostics)
        other = seen.get(doc.model.name)
        if other is not None:
            raise ModelgenError(
                f"model {doc.model.name!r} is documented twice (also in {other.model.source})",
                doc.model.source,
            )
        seen[doc.model.name] = doc
    dialects = Counter(doc.dialect.name for doc in docs)
    if len(dialects) > 1:
        diagnostics.append(
            Diagnostic(
                "docs written by several generators: "
                + ", ".join(f"{n} ({c} files)" for n, c in sorted(dialects.items())),
                source,
                "mixed-dialects",
            )
        )
    namespaces = Counter(doc.namespace for doc in docs if doc.namespace is not None)
    title = namespaces.most_common(1)[0][0] if namespaces else None
    if len(namespaces) > 1:
        diagnostics.append(
            Diagnostic(
                "docs name several namespaces: " + ", ".join(sorted(namespaces)),
                source,
                "mixed-namespaces",
            )
        )
    models: list[Model] = sorted((doc.model for doc in docs), key=lambda m: m.name)
    knows = docs[0].dialect.knows if docs else frozenset()
    model_set = ModelSet(
        models=tuple(models), source=source, title=title, knows=knows, diagnostics=()
    )
    settled: frozenset[str] = frozenset()
    if options.spec is not None:
        model_set, spec_diagnostics, settled = merge_spec(model_set, options, docs[0].dialect)
        diagnostics.extend(spec_diagnostics)
    diagnostics.extend(flattened_union_diagnostics(model_set, skip=settled))
    return replace(model_set, diagnostics=tuple(diagnostics))


# --- one file --------------------------------------------------------------------------------


def parse_doc(text: str, file: str) -> ParsedDoc:
    """Read one model doc. Raises :class:`ModelgenError` (with the line) for anything that
    would otherwise shift columns or drop rows."""
    lines = text.split("\n")
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    heading_at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if heading_at is None or not lines[heading_at].startswith("# "):
        raise ModelgenError("no model heading (# Name)", Source(file, line=(heading_at or 0) + 1))
    heading = lines[heading_at]
    dialect_name, namespace, name = _read_heading(heading, Source(file, line=heading_at + 1))
    properties_at = _find(lines, heading_at + 1, lambda line: line.strip() == _PROPERTIES)
    header_at = _find(lines, heading_at + 1, lambda line: bool(_HEADER.match(line)))
    if header_at is None:
        raise ModelgenError("no property table (Name | Type | Description | Notes)", Source(file))
    if header_at + 1 >= len(lines) or not _RULE.match(lines[header_at + 1]):
        raise ModelgenError(
            "property table header is not followed by its ---- | ---- rule",
            Source(file, line=header_at + 2),
        )
    intro_end = properties_at if properties_at is not None else header_at
    intro = lines[heading_at + 1 : intro_end]
    if any(line.strip() == "## Load the model package" for line in intro):
        dialect_name = dialect_name or "dart"
    description = _intro_description(intro)

    rows: list[tuple[int, str]] = []
    for i in range(header_at + 2, len(lines)):
        if not lines[i].strip():
            break
        rows.append((i + 1, lines[i]))
    if dialect_name is None:
        dialect_name = _guess_dialect(row for _, row in rows)
    dialect = DIALECTS[dialect_name]

    diagnostics: list[Diagnostic] = []
    fields: list[Field] = []
    by_name: dict[str, int] = {}
    for line_no, row in rows:
        where = Source(file, line=line_no)
        parsed, namespaces = _parse_row(row, dialect, where, diagnostics)
        if parsed.name in by_name:
            raise ModelgenError(
                f"property {parsed.name!r} is listed twice (first on line {by_name[parsed.name]})",
                where,
            )
        by_name[parsed.name] = line_no
        fields.append(parsed)
        if namespace is None and namespaces:
            namespace = namespaces
    if dialect.name == "php" and namespace is not None and namespace.endswith("\\Model"):
        namespace = namespace[: -len("\\Model")]
    model = ObjectModel(
        name=name,
        fields=tuple(fields),
        nullable=Nullable.UNKNOWN,
        description=dialect.read_text(description) if description else None,
        source=Source(file, line=heading_at + 1),
    )
    return ParsedDoc(model, dialect, namespace, len(rows), diagnostics)


def _find(lines: list[str], start: int, test: Callable[[str], bool]) -> int | None:
    for i in range(start, len(lines)):
        if test(lines[i]):
            return i
    return None


def _read_heading(heading: str, where: Source) -> tuple[str | None, str | None, str]:
    """(dialect if the heading tells, namespace, model name)."""
    if m := _PHP_HEADING.match(heading):
        return "php", None, _model_name(m["name"], where)
    if m := _DART_HEADING.match(heading):
        return None, m["ns"], _model_name(m["name"], where)
    if m := _RUBY_HEADING.match(heading):
        return "ruby", m["ns"], _model_name(m["name"], where)
    if m := _CSHARP_HEADING.match(heading):
        return "csharp", m["ns"], _model_name(m["name"], where)
    if m := _PLAIN_HEADING.match(heading):
        return None, None, _model_name(m["name"], where)
    raise ModelgenError(f"cannot read the model name from heading {heading!r}", where)


def _model_name(name: str, where: Source) -> str:
    if _SUSPICIOUS.search(name) or _HTML_TAG.search(name) or "|" in name:
        raise ModelgenError(f"model name {name!r} contains invisible characters or markup", where)
    return name


def _intro_description(intro: list[str]) -> str:
    """Text between the heading and the table (Python docs print the model description there);
    Dart's "Load the model package" block is not part of it."""
    kept: list[str] = []
    in_fence = False
    for line in intro:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence or stripped.startswith("#"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _guess_dialect(rows: Iterable[str]) -> str:
    text = "\n".join(rows)
    for name, pattern in _SIGNATURES:
        if pattern.search(text):
            return name
    return "python"


def _parse_row(
    row: str, dialect: Dialect, where: Source, diagnostics: list[Diagnostic]
) -> tuple[Field, str | None]:
    m = _ROW_NAME.match(row)
    if m is None:
        raise ModelgenError(
            "table row does not start with a **name** cell followed by ' | ': " + _clip(row),
            where,
        )
    name = m["name"]
    if not name.strip():
        raise ModelgenError("table row has an empty name", where)
    if _SUSPICIOUS.search(name) or _HTML_TAG.search(name):
        diagnostics.append(
            Diagnostic(
                f"property name {name!r} contains invisible characters, tabs or markup",
                where,
                "suspicious-name",
            )
        )
    rest = row[m.end() :]
    type_end = rest.find(" | ")
    if type_end < 0:
        raise ModelgenError(
            "table row has too few cells (needs name | type | description | notes): " + _clip(row),
            where,
        )
    type_text = rest[:type_end]
    cell = dialect.read_type(type_text)
    if cell is None:
        raise ModelgenError(f"unrecognised type spelling {type_text!r}", where)
    description, notes = _split_description_notes(rest[type_end + 3 :], row, where)
    if "\t" in row:
        diagnostics.append(Diagnostic("table row contains a tab", where, "tab-in-row"))
    default = read_default(notes["default"]) if notes["default"] is not None else None
    text = dialect.read_text(description)
    return (
        Field(
            name=name,
            type=cell.type,
            required=notes["optional"] is None,
            nullable=Nullable.UNKNOWN,
            default=default,
            read_only=notes["readonly"] is not None,
            description=text if text else None,
            source=where,
        ),
        cell.namespace,
    )


def _split_description_notes(
    rest: str, row: str, where: Source
) -> tuple[str, dict[str, str | None]]:
    """``desc | notes``: the notes cell is the last one and must look like notes; any pipes
    before it belong to the description."""
    if rest.startswith("|"):  # an empty description with its separator already consumed
        rest = " " + rest
    position = len(rest)
    while True:
        position = rest.rfind(" |", 0, position)
        if position < 0:
            raise ModelgenError(
                "table row has no notes cell ([optional], [readonly], [default to ...]) "
                "as its last cell: " + _clip(row),
                where,
            )
        tail = rest[position + 2 :]
        if tail == "" or tail.startswith(" "):
            m = _NOTES.match(tail)
            if m is not None and "|" not in (m["default"] or ""):
                return rest[:position], {
                    "optional": m["optional"],
                    "readonly": m["readonly"],
                    "default": m["default"],
                }
        if position == 0:
            raise ModelgenError("table row's last cell is not a notes cell: " + _clip(row), where)


def _clip(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")
