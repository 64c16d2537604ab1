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

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import ModelgenError, Warnings
from generator.ir import (
    Diagnostic,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.sources import LoadOptions
from generator.sources.markdown.dialects import DIALECTS, Dialect
from generator.sources.markdown.doc import HEADER, HTML_TAG, SUSPICIOUS, Doc
from generator.sources.markdown.sections import enum_model, union_model
from generator.sources.markdown.tables import table_model
from generator.sources.reading import read_head, read_limited

# A model doc is a few kilobytes; anything this large is refused before it is read.
MAX_FILE_BYTES = 10_000_000
_NAMESPACED = re.compile(r"^(?P<ns>.+?)(?:\.model\.|\.Model\.|::|\.)(?P<name>[^.:]+)$")

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
        HEADER.match(line) or line.strip() in ("## Enum", "## Enum Variants", "## oneOf")
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
    doc = Doc(text, file, warnings)
    dialect_name = _heading_dialect(text) or dialect or _signature_dialect(text) or "python"
    chosen = DIALECTS[dialect_name]
    heading_at = doc.find(0, lambda line: bool(line.strip()))
    name, namespace = _model_name(doc, heading_at, chosen)
    start = heading_at + 1 if heading_at is not None else 0
    header_at = doc.find(start, lambda line: bool(HEADER.match(line)))
    model: Model | None = None
    rows = 0
    if header_at is not None:
        model, rows, row_namespace = table_model(doc, name, start, header_at, chosen)
        namespace = namespace or row_namespace
    else:
        model = enum_model(doc, name, start, chosen) or union_model(doc, name, start, chosen)
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


def _model_name(doc: Doc, heading_at: int | None, dialect: Dialect) -> tuple[str, str | None]:
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
    if SUSPICIOUS.search(text) or HTML_TAG.search(text):
        cleaned = HTML_TAG.sub("", SUSPICIOUS.sub("", text)) or stem
        doc.warnings.degrade(
            f"model name {text!r} contains invisible characters or markup",
            where,
            f"read as {cleaned!r}",
            "suspicious-name",
        )
        return cleaned, namespace
    return text, namespace
