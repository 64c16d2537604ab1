"""OpenAPI Generator's markdown model docs (``docs/Model/Foo.md``, ``doc/Foo.md``) as a model set,
in every dialect it writes (``../shared/docs/oag-dialects.md``).

One file is one model, named by its heading (the namespace written before the name dropped:
``# Org.Pkg.Model.Pet``, ``# Ns::Pet``, ``# pkg.model.Pet``, C's ``# pet_t``), else by its file
name. What the doc holds decides the model:

- a property table (``Name | Type | Description | Notes``, or typescript-fetch's ``Name |
  Type``), framed in pipes or not: an :class:`ObjectModel` of its rows; an empty table (an
  enum, an alias, a union OpenAPI Generator did not flatten, or an object with no properties:
  the docs cannot say which) is an object with no fields;
- ``## Enum`` bullets (``* `RED` (value: `"red"`)``), or Rust's ``## Enum Variants`` table of
  names and values: an :class:`EnumModel` (values unknown when the section is empty);
- ``## oneOf``/``## anyOf`` bullets (php-nextgen), Rust's ``## Enum Variants`` table of member
  models, Ruby's ``openapi_one_of``/``openapi_any_of`` listing: a :class:`UnionModel`;
- anything else (an API doc, a README) is not a model doc: skipped with a warning.

The tables are lossy (:data:`.dialects.MARKDOWN_KNOWS`): the set's ``knows`` says which facets
they state, and the rest is left unknown (nullability ``Nullable.UNKNOWN``, except where Go's
``NullableX`` or a required Rust ``Option<...>`` says null is allowed), never guessed.
``LoadOptions.spec`` fills the gaps from a spec.

Reading a row: the name is the first cell (bold, backticked, HTML-escaped, Kotlin's escaped
keywords and Rust's ``r#`` unwrapped), the type the second, the notes the last cell that reads
as notes (``[optional]``, ``[readonly]``, ``[default to X]``, any other ``[...]``); pipes
between them belong to the description (the generator does not escape them). The dialect is
decided per folder (headings, framing, the type spellings of all its rows) and decides the few
spellings dialects disagree on (``Date``).

Lenient reading: a problem confined to one row or one doc degrades that place with a located
warning (see :class:`generator.errors.Warnings`; with ``--strict`` each is the error it
names): an unreadable type spelling is a free-form field (any JSON value); a row whose cells
cannot be told apart keeps what can be read; a row without a name, a doc that is not a model
doc, a second doc of one model are skipped; a name with invisible characters is cleaned.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import ModelgenError, Warnings
from generator.ir import (
    ANY,
    Diagnostic,
    EnumModel,
    EnumValue,
    Field,
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
    UnionModel,
)
from generator.sources import LoadOptions
from generator.sources.markdown.dialects import DIALECTS, Dialect, read_default
from generator.sources.reading import read_head, read_limited

_HEADER = re.compile(r"^\s*\|?\s*Name\s*\|\s*Type\s*(?:\|\s*Description\s*\|\s*Notes\s*)?\|?\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
# A model doc is a few kilobytes; anything this large is refused before it is read.
MAX_FILE_BYTES = 10_000_000
_NAMESPACED = re.compile(r"^(?P<ns>.+?)(?:\.model\.|\.Model\.|::|\.)(?P<name>[^.:]+)$")
# Characters that make a name look right while being something else.
_SUSPICIOUS = re.compile(r"[\u00a0\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\t]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_BULLET_VALUE = re.compile(r"^\s*[*-]\s+`(?P<name>[^`]*)`\s*\(value:\s*`(?P<value>.*)`\)\s*$")
_MEMBER_BULLET = re.compile(r"^\s*[*-]\s+(?P<member>.+?)\s*$")
_RUBY_MEMBER = re.compile(r"^#\s+:'(?P<name>[^']+)',?\s*$")

# Spellings that only one generator writes: the dialect of a doc that shows one.
_SIGNATURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("php", re.compile(r"\*\*\\[A-Za-z]\w*\\|\*\*\\DateTime\*\*|array<string,|\*\*mixed\*\*")),
    (
        "go",
        re.compile(r"\| Pointer to |\*\*\[\]|\*\*map\[string\]|\*\*(?:float32|float64|int32)\*\*"),
    ),
    (
        "rust",
        re.compile(
            r"Option<|Vec<|models::|serde_json::|\*\*[iuf](?:8|32|64|size)\*\*|## Enum Variants"
        ),
    ),
    ("kotlin", re.compile(r"\bkotlin\.")),
    ("c", re.compile(r"\*\*char \\\*|list_t|_t\*\*\]")),
    ("objc", re.compile(r"\*\*NS(?:String|Number|Array|Dictionary|Object)\b")),
    ("eiffel", re.compile(r"STRING_32|INTEGER_(?:32|64)|REAL_(?:32|64)")),
    ("perl", re.compile(r"ARRAY\[|HASH\[string|```perl")),
    ("r", re.compile(r"\*\*(?:character|numeric)\*\*|\*\*map\(")),
    ("bash", re.compile(r"\*\*(?:array|map)\[|\[default to null\]")),
    ("julia", re.compile(r"\[default to nothing\]")),
    ("powershell", re.compile(r"```powershell|System\.Collections|\*\*Int(?:32|64)\*\*")),
    ("swift", re.compile(r"\[String: |\*\*Int(?:64)?\*\*|\*\*(?:Double|Bool)\*\*")),
    ("javascript", re.compile(r"\{String: |\*\*Number\*\*|\*\*\[[A-Z]")),
    ("scala", re.compile(r"Seq\[|Seq&lt;")),
    ("csharp", re.compile(r"Dictionary&lt;|\*\*(?:Guid|decimal)\*\*")),
    ("dart", re.compile(r"\*\*num\*\*|Built(?:List|Map|Set)|Uint8List|```dart")),
    ("typescript", re.compile(r"\{ \[key: string\]|Array&lt;|Array<|\*\*(?:number|boolean)\*\*")),
    ("python", re.compile(r"List\[|Dict\[|\*\*(?:str|datetime|bytearray)\*\*|```python")),
    (
        "java",
        re.compile(
            r"List&lt;|Map&lt;String|List<|Map<String, |`String`"
            r"|\*\*(?:Integer|Long|OffsetDateTime|BigDecimal)\*\*"
        ),
    ),
)


@dataclass
class ParsedDoc:
    """One doc: its model (None for a file that is not a model doc), the dialect it was read
    in, the namespace or package its heading and type links name, its table rows, and the
    warnings reading it gave."""

    model: Model | None
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
    return any(
        _HEADER.match(line) or line.strip() in ("## Enum", "## Enum Variants", "## oneOf")
        for line in head.splitlines()
    )


def load(path: Path, options: LoadOptions) -> ModelSet:
    warnings = options.warnings()
    if path.is_dir():
        files = sorted(path.glob("*.md"), key=lambda p: p.name)
        texts = [(file, _read(file, warnings)) for file in files]
    else:
        texts = [(path, _read(path, warnings))]
    folder_dialect = decide_dialect(text for _, text in texts)
    docs: list[ParsedDoc] = []
    for file, text in texts:
        if path.is_dir() and file.name.lower() == "readme.md":
            continue
        docs.append(parse_doc(text, str(file), warnings, folder_dialect, alone=not path.is_dir()))
    if path.is_dir() and not any(doc.model is not None for doc in docs):
        raise ModelgenError("no markdown model docs in this folder", Source(str(path)))
    return build_model_set(docs, Source(str(path)), options, warnings)


def _read(path: Path, warnings: Warnings) -> str:
    data = read_limited(path, MAX_FILE_BYTES, Source(str(path)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        warnings.degrade(
            f"not UTF-8 (byte {error.start})",
            Source(str(path)),
            "the bytes that are not are read as U+FFFD",
            "not-utf8",
        )
        return data.decode("utf-8-sig", "replace")


# Docs that vote on a folder's dialect (their first ones; a folder is written by one generator).
VOTERS = 60


def decide_dialect(texts: Iterable[str]) -> str | None:
    """The dialect most docs show (their headings and spellings, the first :data:`VOTERS`
    docs that show one); None when none shows one."""
    found: Counter[str] = Counter()
    for text in texts:
        name = _heading_dialect(text) or _signature_dialect(text)
        if name is not None:
            found[name] += 1
            if found.total() >= VOTERS:
                break
    if not found:
        return None
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _heading_dialect(text: str) -> str | None:
    """The dialect a doc's heading tells, if it tells one (PHP's ``# # Name``, Dart's
    ``# pkg.model.Name``, C#'s ``# Ns.Model.Name``, Ruby's ``# Ns::Name``...)."""
    head = text.lstrip()[:200]
    if head.startswith("# # "):
        return "php"
    for name, pattern in _HEADINGS:
        if pattern.match(head):
            return "perl" if name == "dart" and "```perl" in text else name
    return None


_HEADINGS = (
    ("dart", re.compile(r"# \S+\.model\.\S+")),
    ("csharp", re.compile(r"# \S+\.Model\.\S+")),
    ("perl", re.compile(r"# WWW::")),
    ("r", re.compile(r"# [a-z]\w*::")),
    ("ruby", re.compile(r"# [A-Za-z]\w*::")),
    ("javascript", re.compile(r"# [A-Z]\w*\.[A-Z]\w*\s")),
)


def _signature_dialect(text: str) -> str | None:
    """The dialect the first spelling only one generator writes tells (one doc can mislead:
    the folder's majority decides)."""
    for name, pattern in _SIGNATURES:
        if pattern.search(text):
            return name
    return None


def build_model_set(
    docs: list[ParsedDoc],
    source: Source,
    options: LoadOptions,
    warnings: Warnings | None = None,
) -> ModelSet:
    """The model set of parsed docs: a second doc of one model skipped with a warning, the
    dialect and namespace agreed, flattened unions flagged, and the spec's facts merged in when
    ``options.spec`` is given."""
    from generator.sources.markdown.spec import merge_spec
    from generator.sources.markdown.unions import flattened_union_diagnostics

    warnings = warnings if warnings is not None else options.warnings()
    seen: dict[str, ParsedDoc] = {}
    for doc in docs:
        if doc.model is None:
            continue
        other = seen.get(doc.model.name)
        if other is not None:
            assert other.model is not None
            warnings.degrade(
                f"model {doc.model.name!r} is documented twice (also in {other.model.source})",
                doc.model.source,
                "this doc is skipped",
                "duplicate-model",
            )
            continue
        seen[doc.model.name] = doc
    kept = list(seen.values())
    dialects = Counter(doc.dialect.name for doc in kept)
    if len(dialects) > 1:
        warnings.note(
            "docs written by several generators: "
            + ", ".join(f"{n} ({c} files)" for n, c in sorted(dialects.items())),
            source,
            "mixed-dialects",
        )
    namespaces = Counter(doc.namespace for doc in kept if doc.namespace is not None)
    title = namespaces.most_common(1)[0][0] if namespaces else None
    if len(namespaces) > 1:
        warnings.note(
            "docs name several namespaces: " + ", ".join(sorted(namespaces)),
            source,
            "mixed-namespaces",
        )
    models = _by_file_names(kept)
    dialect = dialects.most_common(1)[0][0] if dialects else "php"
    model_set = ModelSet(
        models=tuple(models), source=source, title=title, knows=DIALECTS[dialect].knows
    )
    settled: frozenset[str] = frozenset()
    if options.spec is not None:
        model_set, spec_diagnostics, settled = merge_spec(model_set, options, DIALECTS[dialect])
        for diagnostic in spec_diagnostics:
            warnings.add(diagnostic)
    for diagnostic in flattened_union_diagnostics(model_set, skip=settled):
        warnings.add(diagnostic)
    return replace(model_set, diagnostics=tuple(warnings.items))


def _fold(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _by_file_names(docs: list[ParsedDoc]) -> list[Model]:
    """The docs' models, sorted, with references that name a doc by its file rather than its
    heading (TypeScript's ``Error`` for the doc ``Error.md`` headed ``ModelError``; Bash's
    ``FooValue`` for ``FooValue.md`` headed ``Foo_value``) pointed at that doc's model."""
    models = {doc.model.name: doc.model for doc in docs if doc.model is not None}
    aliases: dict[str, str] = {}
    folded: dict[str, set[str]] = {}
    for doc in docs:
        if doc.model is None:
            continue
        stem = Path(doc.model.source.file).stem
        if stem not in models:
            aliases.setdefault(stem, doc.model.name)
        for key in (_fold(stem), _fold(doc.model.name)):
            folded.setdefault(key, set()).add(doc.model.name)

    # a namespace run together with the name (php-nextgen's ``OpenAPIClientModelFoo``)
    spaces = {_fold(doc.namespace) for doc in docs if doc.namespace}
    prefixes = sorted(spaces | {space + "model" for space in spaces}, key=len, reverse=True)

    def target(name: str) -> str | None:
        if name in models:
            return None
        if name in aliases:
            return aliases[name]
        key = _fold(name)
        for prefix in prefixes:
            if key.startswith(prefix) and key[len(prefix) :] in folded:
                key = key[len(prefix) :]
                break
        found = folded.get(key, set())
        return next(iter(found)) if len(found) == 1 else None

    def fix(t: TypeRef) -> TypeRef:
        if isinstance(t, Ref):
            found = target(t.name)
            return t if found is None else Ref(found)
        if isinstance(t, ListOf):
            item = fix(t.item)
            return t if item is t.item else ListOf(item, t.unique)
        if isinstance(t, MapOf):
            value = fix(t.value)
            return t if value is t.value else MapOf(value)
        return t

    out: list[Model] = []
    for model in models.values():
        if isinstance(model, ObjectModel):
            fields = tuple(
                f if (fixed := fix(f.type)) is f.type else replace(f, type=fixed)
                for f in model.fields
            )
            model = replace(model, fields=fields) if fields != model.fields else model
        elif isinstance(model, UnionModel):
            variants = tuple(fix(v) for v in model.variants)
            model = replace(model, variants=variants) if variants != model.variants else model
        out.append(model)
    return sorted(out, key=lambda m: m.name)


# --- one file --------------------------------------------------------------------------------


class _Doc:
    """Reading one doc: its lines, where it is, and where its warnings go."""

    def __init__(self, text: str, file: str, warnings: Warnings) -> None:
        lines = text.split("\n")
        self.lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        self.file = file
        self.warnings = warnings
        self.found = len(warnings.items)

    def at(self, index: int) -> Source:
        return Source(self.file, line=index + 1)

    def find(self, start: int, test: Callable[[str], bool]) -> int | None:
        for i in range(start, len(self.lines)):
            if test(self.lines[i]):
                return i
        return None


def parse_doc(
    text: str,
    file: str,
    warnings: Warnings | None = None,
    dialect: str | None = None,
    alone: bool = True,
) -> ParsedDoc:
    """Read one model doc (``dialect``: the folder's, used unless the doc's own heading tells
    another). Problems degrade the place they are in, through ``warnings`` (lenient unless
    given strict), and are listed in the result's ``diagnostics``. A file that is no model doc
    is skipped: with a warning in a folder (``alone=False``: API docs share folders with model
    docs), degraded when it is the whole input."""
    warnings = warnings if warnings is not None else Warnings()
    doc = _Doc(text, file, warnings)
    dialect_name = _heading_dialect(text) or dialect or _signature_dialect(text) or "python"
    chosen = DIALECTS[dialect_name]
    heading_at = doc.find(0, lambda line: bool(line.strip()))
    name, namespace = _model_name(doc, heading_at, chosen)
    start = heading_at + 1 if heading_at is not None else 0
    header_at = doc.find(start, lambda line: bool(_HEADER.match(line)))
    model: Model | None = None
    rows = 0
    if header_at is not None:
        model, rows, row_namespace = _table_model(doc, name, start, header_at, chosen)
        namespace = namespace or row_namespace
    else:
        model = _enum_model(doc, name, start, chosen) or _union_model(doc, name, start, chosen)
        if model is None and alone:
            warnings.degrade(
                "no property table (Name | Type | Description | Notes)",
                Source(file),
                "not a model doc: skipped",
                "not-a-model-doc",
            )
        elif model is None:
            warnings.note(
                "no property table: not a model doc, skipped", Source(file), "not-a-model-doc"
            )
    if chosen.name == "php" and namespace is not None and namespace.endswith("\\Model"):
        namespace = namespace[: -len("\\Model")]
    return ParsedDoc(model, chosen, namespace, rows, warnings.items[doc.found :])


def _model_name(doc: _Doc, heading_at: int | None, dialect: Dialect) -> tuple[str, str | None]:
    """The model's name and the namespace its heading names; the file name where the heading
    cannot be read."""
    stem = Path(doc.file).stem
    if heading_at is None or not doc.lines[heading_at].startswith("# "):
        doc.warnings.degrade(
            "no model heading (# Name)",
            doc.at(heading_at or 0),
            f"the model is named {stem!r} after its file",
            "no-heading",
        )
        return stem, None
    where = doc.at(heading_at)
    text = doc.lines[heading_at][2:].strip()
    if text.startswith("# "):  # PHP 7.13/7.14: "# # Name"
        text = text[2:].strip()
    namespace = None
    if match := _NAMESPACED.match(text):
        namespace, text = match["ns"], match["name"]
    text = dialect.heading_name(text)
    if not text or " " in text or "|" in text:
        doc.warnings.degrade(
            f"cannot read the model name from heading {doc.lines[heading_at]!r}",
            where,
            f"the model is named {stem!r} after its file",
            "no-heading",
        )
        return stem, namespace
    if _SUSPICIOUS.search(text) or _HTML_TAG.search(text):
        cleaned = _HTML_TAG.sub("", _SUSPICIOUS.sub("", text)) or stem
        doc.warnings.degrade(
            f"model name {text!r} contains invisible characters or markup",
            where,
            f"read as {cleaned!r}",
            "suspicious-name",
        )
        return cleaned, namespace
    return text, namespace


def _description(doc: _Doc, start: int, end: int, dialect: Dialect) -> str | None:
    """Text between the heading and the table or section (Python docs print the model
    description there); fenced code, sub-headings and Micronaut's "The class is defined in"
    line are not part of it."""
    kept: list[str] = []
    in_fence = False
    for line in doc.lines[start:end]:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence or stripped.startswith("#") or stripped.startswith("The class is defined in"):
            continue
        kept.append(line)
    text = "\n".join(kept).strip()
    return dialect.read_text(text) if text else None


# --- property tables -------------------------------------------------------------------------


def _table_model(
    doc: _Doc, name: str, start: int, header_at: int, dialect: Dialect
) -> tuple[Model, int, str | None]:
    header = doc.lines[header_at].strip()
    framed = header.startswith("|") and header.endswith("|")
    columns = 4 if "Notes" in header else 2
    first = header_at + 2
    if header_at + 1 >= len(doc.lines) or not _RULE.match(doc.lines[header_at + 1]):
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
    description = _description(doc, start, intro_end, dialect)
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
            description=description,
            source=doc.at(_heading_line(doc)),
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
        description=description,
        source=doc.at(_heading_line(doc)),
    )
    return table, rows, namespace


_JULIA_UNION = re.compile(
    r"^\*\*value\*\* \| This is a (?P<kind>oneOf|anyOf) model\. The value must be"
    r" (?:exactly one|any) of the following types: (?P<types>.*?) \|"
)


def _julia_union(
    doc: _Doc, first: int, dialect: Dialect
) -> tuple[tuple[TypeRef, ...], bool] | None:
    """Julia documents a oneOf/anyOf as one ``value`` row naming the member types."""
    if first >= len(doc.lines):
        return None
    match = _JULIA_UNION.match(doc.lines[first].strip())
    if match is None:
        return None
    variants: list[TypeRef] = []
    for spelled in _split_types(match["types"]):
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


def _split_types(text: str) -> list[str]:
    """``A, Vector{B}, Dict{String, C}``: split at the commas outside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "<[({":
            depth += 1
        elif ch in ">])}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def _heading_line(doc: _Doc) -> int:
    found = doc.find(0, lambda line: bool(line.strip()))
    return found if found is not None else 0


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
    doc: _Doc, index: int, line: str, framed: bool, columns: int, dialect: Dialect
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
            "table row does not start with a **name** cell followed by ' | ': " + _clip(line),
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
    if _SUSPICIOUS.search(name) or _HTML_TAG.search(name):
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
            "table row has too few cells (needs name | type | description | notes): " + _clip(line),
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


def _description_and_notes(doc: _Doc, where: Source, rest: str, line: str) -> tuple[str, _Notes]:
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
        " cell: " + _clip(line),
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


def _clip(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


# --- enums and unions --------------------------------------------------------------------------


def _section(doc: _Doc, start: int, titles: tuple[str, ...]) -> int | None:
    return doc.find(start, lambda line: line.strip() in titles)


def _enum_model(doc: _Doc, name: str, start: int, dialect: Dialect) -> Model | None:
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
        description=_description(doc, start, at, dialect),
        source=doc.at(_heading_line(doc)),
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


def _union_model(doc: _Doc, name: str, start: int, dialect: Dialect) -> Model | None:
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
        description=_description(doc, start, at, dialect),
        source=doc.at(_heading_line(doc)),
    )
