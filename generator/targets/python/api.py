"""The public API of generated Python code, as a sorted listing of :class:`ApiItem` (for diff's
code verdicts), two ways: :func:`declared_listing` takes it from the models' declarations
(``declarations.py``: what ``emit`` and ``emit.listing`` return as ``Emitted.api``),
:func:`listing` reads it from the files with ``ast`` (for code the emitter did not just write,
and as the cross-check of the first). Both spell types and values through :func:`type_text`,
so the two listings are equal item for item.

:data:`RULES`: how diff reads such a listing (Python's null and union spellings; no switch over
a class or an enum has to be exhaustive)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from itertools import starmap

from generator.targets import ApiItem, ApiRules, split_union
from generator.targets.python.declarations import Declaration, EnumDecl, ObjectDecl
from generator.targets.python.layout import Expr, render
from generator.targets.python.markers import SUPPORT_PREFIX

SUFFIXES = (".py",)

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


def alternatives(type_text: str) -> frozenset[str]:
    """The alternatives of a type as the listing spells it, spaces removed, ``None`` being one:
    ``A | B | None`` and ``_t.Union['A', B, None]`` (the spelling of a union holding a forward
    reference) alike; a forward reference counts as the name it quotes."""
    return frozenset(_parts(type_text))


def split_null(type_text: str) -> tuple[str, bool]:
    """``A | None`` -> ``("A", True)``: ``None`` taken out wherever it stands among the
    alternatives (``A | None | _rt.Unset`` -> ``("A|_rt.Unset", True)``)."""
    parts = _parts(type_text)
    rest = [part for part in parts if part != "None"]
    if rest and len(rest) < len(parts):
        return "|".join(rest), True
    return "|".join(parts), False


_UNION = "_t.Union["


def _parts(type_text: str) -> list[str]:
    parts: list[str] = []
    for part in split_union(type_text):
        if part.startswith(_UNION) and part.endswith("]"):
            parts += split_union(part[len(_UNION) : -1], ",")
        else:
            parts.append(part)
    return [_unquoted(part) for part in parts]


def _unquoted(part: str) -> str:
    if len(part) >= 2 and part[0] == part[-1] == "'" and part[1:-1].isidentifier():
        return part[1:-1]
    return part


def _bases(header: str) -> tuple[str, ...]:
    """A class's bases: its header is the list of them (``str, _enum.Enum``)."""
    return tuple(base for base in split_union(header, ",") if base)


RULES = ApiRules(
    split_null=split_null,
    alternatives=alternatives,
    sealed=lambda header: False,  # no Python type is closed to new subclasses
    supertypes=_bases,
    exhaustive_enums=False,  # a ``match`` need not name every member
    suffixes=SUFFIXES,
)


def declared_listing(declared: Iterable[Declaration]) -> tuple[ApiItem, ...]:
    """The sorted public API of the models' code, from their declarations."""
    rows: list[tuple[str, str, str, str, str]] = []  # ApiItem fields, which sort like it
    spelled: dict[str, str] = {}  # one-line text -> type_text(): the same types recur

    def text(expr: Expr) -> str:
        one_line = render(expr)
        found = spelled.get(one_line)
        if found is None:
            found = spelled[one_line] = type_text(one_line)
        return found

    for d in declared:
        if isinstance(d, ObjectDecl):
            rows.append((d.name, "class", "", d.base, ""))
            fields = [(f.name, f.annotation, f.default) for f in d.fields]
            if d.extras is not None:
                fields.append((d.extras.name, d.extras.annotation, d.extras.default))
            for name, annotation, default in fields:
                rows.append((d.name, "field", name, text(annotation), ""))
                init = "required" if default is None else f"optional = {type_text(default)}"
                rows.append((d.name, "param", name, init, ""))
        elif isinstance(d, EnumDecl):
            rows.append((d.name, "enum", "", d.base, ""))
            rows += [(d.name, "case", m.name, "", repr(m.value.value)) for m in d.members]
        else:
            rows.append((d.name, "alias", "", text(d.annotation), ""))
    return tuple(starmap(ApiItem, sorted(set(rows))))


def listing(files: Mapping[str, str]) -> list[ApiItem]:
    """The sorted public API of the generated model files."""
    items: set[ApiItem] = set()
    for path, content in files.items():
        if not path.endswith(SUFFIXES) or is_support_file(path):
            continue
        items.update(python_api(content))
    return sorted(items)


def is_support_file(path: str) -> bool:
    """The runtime helpers (``_runtime.py``, the same for every schema) and the package's
    ``__init__.py`` (which only re-exports): not part of any model's API."""
    return path.rsplit("/", 1)[-1].startswith(SUPPORT_PREFIX)


def python_api(text: str) -> list[ApiItem]:
    """Classes (with bases), dataclass fields (annotation; a parameter, required when it has
    no default), enum members with values, and module-level type aliases."""
    return _python_statements(ast.parse(text).body)


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
