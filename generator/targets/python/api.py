"""The public API of generated Python code, as a sorted listing of :class:`ApiItem` (for diff's
code verdicts), two ways: :func:`view_listing` takes it from the emitter's view models (what
``emit`` returns as ``Emitted.api``), :func:`listing` reads it from the files with ``ast`` (for
code the emitter did not just write, and as the cross-check of the first). Both spell types
and values through :func:`type_text`, so the two listings are equal item for item."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Mapping
from itertools import starmap

from generator.targets import ApiItem
from generator.targets.python.markers import SUPPORT_PREFIX
from generator.targets.python.views import Definition, EnumView, ObjectView

SUFFIXES = (".py",)
Wanted = Callable[[str], bool]

# A string literal in one-line Python (no prefixes: the emitter writes none).
_STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")


def type_text(text: str) -> str:
    """How a listing spells a type annotation, an alias's value or a default: the expression on
    one line as ``ast.unparse`` writes it, which is also how the emitter renders it on one line,
    except for string literals (forward references, ``Literal`` values, const defaults): those
    are spelled as ``repr()`` spells their value (``'audio'``, not ``"audio"``; ``'café'``, not
    ``"caf\\xe9"``). Both listings pass their text through here."""
    if '"' not in text and "'" not in text:
        return text
    return _STRING.sub(_respell, text)


def _respell(match: re.Match[str]) -> str:
    literal = match.group()
    if "\\" not in literal:
        return repr(literal[1:-1])  # no escapes: the value is the text between the quotes
    return repr(ast.literal_eval(literal))


def view_listing(definitions: Iterable[Definition]) -> tuple[ApiItem, ...]:
    """The sorted public API of ``models.py``, from the view models it is rendered from."""
    rows: list[tuple[str, str, str, str, str]] = []  # ApiItem fields, which sort like it
    for d in definitions:
        if isinstance(d, ObjectView):
            rows.append((d.name, "class", "", d.base, ""))
            fields = [(f.name, f.annotation, f.default) for f in d.fields]
            if d.extras is not None:
                fields.append((d.extras.name, d.extras.annotation, d.extras.default))
            for name, annotation, default in fields:
                rows.append((d.name, "field", name, type_text(annotation), ""))
                init = "required" if default is None else f"optional = {type_text(default)}"
                rows.append((d.name, "param", name, init, ""))
        elif isinstance(d, EnumView):
            rows.append((d.name, "enum", "", d.base, ""))
            rows += [(d.name, "case", m.name, "", m.value_repr) for m in d.members]
        else:
            rows.append((d.name, "alias", "", type_text(d.annotation), ""))
    return tuple(starmap(ApiItem, sorted(set(rows))))


def listing(files: Mapping[str, str], wanted: Wanted | None = None) -> list[ApiItem]:
    """The sorted public API of the generated model files; with ``wanted`` (a test on type or
    file names), files and classes it rejects are not read."""
    items: set[ApiItem] = set()
    for path, content in files.items():
        if not path.endswith(SUFFIXES) or is_support_file(path):
            continue
        items.update(python_api(content, wanted))
    return sorted(items)


def is_support_file(path: str) -> bool:
    """The runtime helpers (``_runtime.py``, the same for every schema) and the package's
    ``__init__.py`` (which only re-exports): not part of any model's API."""
    return path.rsplit("/", 1)[-1].startswith(SUPPORT_PREFIX)


def python_api(text: str, wanted: Wanted | None = None) -> list[ApiItem]:
    """Classes (with bases), dataclass fields (annotation; a parameter, required when it has
    no default), enum members with values, and module-level type aliases. With ``wanted``,
    only the classes it accepts are read (aliases always are): the module is cut into its
    top-level statements and only those are parsed."""
    items: list[ApiItem] = []
    for chunk in _python_chunks(text, wanted):
        items += _python_statements(ast.parse(chunk).body)
    return items


_PY_TOP = re.compile(
    r"^(?:(?P<class>class\s+(?P<cname>\w+))|@|def\s|(?P<name>[A-Za-z_]\w*)\s*[:=])"
)


def _python_chunks(text: str, wanted: Wanted | None) -> list[str]:
    """The parts of a module worth parsing: all of it without ``wanted``; else each class it
    accepts and each other assignment (aliases), cut at top-level statements after the
    imports. Falls back to the whole module when a part does not parse on its own."""
    if wanted is None:
        return [text]
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(("import ", "from "))), None)
    if start is None:
        return [text]
    chunks: list[tuple[str | None, bool, list[str]]] = []  # (class name, keep, lines)
    decorators: list[str] = []
    in_decorator = False
    for line in lines[start:]:
        match = _PY_TOP.match(line)
        if match is None or (in_decorator and not match.group("class")):
            if in_decorator:
                decorators.append(line)
            elif chunks:
                chunks[-1][2].append(line)
            continue
        if line.startswith("@"):
            in_decorator = True
            decorators.append(line)
            continue
        in_decorator = False
        name = match.group("cname")
        keep = wanted(name) if name else match.group("name") is not None
        chunks.append((name, keep, [*decorators, line]))
        decorators = []
    parts = ["".join(chunk) for _, keep, chunk in chunks if keep]
    try:
        for part in parts:
            ast.parse(part)
    except SyntaxError:
        return [text]
    return parts


def _python_statements(body: list[ast.stmt]) -> list[ApiItem]:
    items: list[ApiItem] = []
    for node in body:
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            items += _python_class(node)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if "TypeAlias" in ast.unparse(node.annotation) and node.value is not None:
                items.append(ApiItem(node.target.id, "alias", "", _text(node.value)))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if (
                isinstance(target, ast.Name)
                and not target.id.startswith("_")
                and _looks_like_type(node.value)
            ):
                items.append(ApiItem(target.id, "alias", "", _text(node.value)))
    return items


def _text(node: ast.expr) -> str:
    return type_text(ast.unparse(node))


def _looks_like_type(value: ast.expr) -> bool:
    """Whether an assignment's value is a type (the assignment an implicit type alias)."""
    if isinstance(value, (ast.Name, ast.Attribute)):
        return True  # ``Name = Other``: the emitter's alias when ``Name`` is too long
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):
        return True
    if isinstance(value, ast.Subscript):
        return ast.unparse(value.value).split(".")[-1] in (
            "Union",
            "Optional",
            "Literal",
            "Annotated",
            "list",
            "dict",
            "List",
            "Dict",
        )
    return False


def _python_class(node: ast.ClassDef) -> list[ApiItem]:
    bases = [ast.unparse(b) for b in node.bases]
    is_enum = any(b.split(".")[-1].endswith("Enum") for b in bases)
    header = ", ".join(bases)
    items = [ApiItem(node.name, "enum" if is_enum else "class", "", header)]
    for statement in node.body:
        if is_enum and isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and not target.id.startswith("_"):
                value = _literal(statement.value)
                items.append(ApiItem(node.name, "case", target.id, "", value))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name = statement.target.id
            annotation = _text(statement.annotation)
            if name.startswith("_") or annotation.split("[")[0].endswith(("ClassVar", "KW_ONLY")):
                continue
            items.append(ApiItem(node.name, "field", name, annotation))
            init = _python_init(statement.value)
            if init is not None:
                items.append(ApiItem(node.name, "param", name, init))
    return items


def _literal(value: ast.expr) -> str:
    try:
        return repr(ast.literal_eval(value))
    except ValueError:
        return ast.unparse(value)


def _python_init(value: ast.expr | None) -> str | None:
    """``required`` / ``optional`` for a dataclass field, None when it is not an argument."""
    if value is None:
        return "required"
    if isinstance(value, ast.Call) and ast.unparse(value.func).split(".")[-1] == "field":
        keywords = {k.arg: k.value for k in value.keywords}
        init = keywords.get("init")
        if isinstance(init, ast.Constant) and init.value is False:
            return None
        for key in ("default", "default_factory"):
            if key in keywords:
                return f"optional = {_text(keywords[key])}"
        return "required"
    return f"optional = {_text(value)}"
