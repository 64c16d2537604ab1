"""Reads the models of a Python SDK modelgen did not write (source kind ``python-sdk``), by
convention, with ``ast`` only: nothing is imported or run.

A source is a folder of modules (a package such as ``src/openai/types``) or one ``.py`` file.
Imports between its modules are followed (relative, and absolute ones that end in a module of
the folder), so a name means what it means in Python. A class is a model when it follows a
convention this reader knows, found through its bases and decorators (also through classes of
the SDK it inherits from):

- pydantic v2 and v1 ``BaseModel`` (``Field(alias=...)``/``FieldInfo(alias=...)``, defaults
  and ``default_factory``, an ``alias_generator`` of pydantic's ``to_camel``/``to_pascal``/
  ``to_snake``, ``RootModel[X]`` and v1's ``__root__`` as aliases); pydantic v2 makes a field
  with no default required even when ``Optional``, v1 (a ``class Config``, ``pydantic.v1``)
  does not;
- ``TypedDict`` (``total=False``, ``Required[...]``, ``NotRequired[...]``, the functional form
  ``TypedDict("X", {"from": str})``, keys renamed by ``Annotated[X, PropertyInfo(alias=...)]``);
- stdlib ``@dataclass`` and attrs (``@define``, ``@frozen``, ``@attr.s``; ``field(default=)``
  / ``attr.ib(default=)``);
- ``msgspec.Struct`` (``rename=``, ``msgspec.field(name=...)``);
- ``Enum``/``StrEnum``/``IntEnum`` (values listed; ``auto()`` makes them unknown);
- plain classes with annotated attributes (``class Charge(SomeBase): amount: int``);
- module-level type aliases (``X: TypeAlias = Union[...]``, ``X = Literal[...]``): unions
  (with ``Annotated[..., PropertyInfo(discriminator=...)]``), enums and aliases.

A field with a default is optional; ``Optional[X]``/``X | None`` is nullable. A ``@property``
with a return type is a value the SDK computes for a documented field (``output_text``): an
optional, read-only field. Names follow
``generator/compare/README-sdk-matching.md``: a nested class is ``Outer.Inner``, a schema
declared in place ``<Class>.<field>``, and a name two modules share is qualified with its module
path (``shared.metadata.Metadata``). Every model and field has its file and line.

What no convention explains is skipped and counted in one warning per kind of thing (classes of
unknown conventions, fields of unknown types, files that are not Python), never an error. The
set knows nullability, enum values, composition, formats and descriptions; JSON keys
(``wire_names``) when most classes state them (pydantic, TypedDict and msgspec do; dataclasses,
attrs and plain classes name attributes, which a few helper dataclasses beside the models are
then taken to be) and no class renames keys by a rule this reader does not know. Defaults and
constraints are not read (``= None`` is how these SDKs spell "optional", not a default).
"""

from __future__ import annotations

import ast
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.ir import (
    FACETS,
    AliasModel,
    Diagnostic,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Ref,
    Source,
    UnionModel,
)
from generator.naming import camel, pascal, snake
from generator.sources import LoadOptions
from generator.sources.reading import read_head, read_limited
from generator.targets.python.sdk_types import (
    LISTS,
    MAPS,
    UNIONS,
    TypeReader,
    UnknownType,
    dotted,
    keyword_text,
    last_name,
    subscript_args,
)

MAX_FILE_BYTES = 16 << 20
MAX_FILES = 50_000
DETECT_FILES = 300
SKIP_FOLDERS = frozenset(
    {"__pycache__", "node_modules", "site-packages", "venv", "build", "dist", "tests", "test"}
)
_CLASS_LINE = re.compile(rb"^[ \t]*class[ \t]+\w+|^\w+[ \t]*:[ \t]*TypeAlias\b", re.M)

_ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum", "Flag", "IntFlag", "ReprEnum"})
_PYDANTIC_BASES = frozenset({"BaseModel", "GenericModel", "RootModel"})
_ATTRS_DECORATORS = frozenset({"define", "frozen", "mutable", "attrs", "s", "dataclass"})
_FIELD_CALLS = frozenset({"Field", "FieldInfo", "field", "ib", "attrib", "PrivateAttr"})
_RENAMES: dict[str, Callable[[str], str]] = {
    "camel": camel,
    "pascal": pascal,
    "snake": snake,
    "to_camel": camel,
}
_ALIAS_GENERATORS: dict[str, Callable[[str], str]] = {
    "to_camel": camel,
    "to_lower_camel": camel,
    "to_pascal": pascal,
}
_ALIAS_GENERATORS["to_snake"] = snake
_UNKNOWN_CLASS = "classes of conventions this reader does not know"
_UNKNOWN_TYPE = "fields of types this reader does not know"
_TYPING_ALIAS_HEADS = LISTS | MAPS | UNIONS | {"Literal", "Annotated"}
# The conventions that state JSON keys (the others name Python attributes).
_STATES_KEYS = frozenset({"pydantic", "typeddict", "msgspec", "enum"})


# --- files and modules -------------------------------------------------------------------


def _python_files(path: Path) -> Iterator[Path]:
    if path.is_file():
        if path.suffix == ".py":
            yield path
        return
    for folder, folders, files in os.walk(path):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIP_FOLDERS)
        for name in sorted(files):
            if name.endswith(".py"):
                yield Path(folder) / name


def detect(path: Path) -> bool:
    """A ``.py`` file, or a folder with Python files that declare classes or type aliases."""
    if path.is_file():
        return path.suffix == ".py"
    if not path.is_dir():
        return False
    for number, file in enumerate(_python_files(path)):
        if number >= DETECT_FILES:
            return False
        if _CLASS_LINE.search(read_head(file, 1 << 16)):
            return True
    return False


@dataclass
class _Module:
    name: str  # dotted, relative to the folder read ("" for its own __init__.py)
    package: str  # what relative imports start from
    file: str  # as Source.file shows it
    tree: ast.Module
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)  # "Outer.Inner" -> node
    aliases: dict[str, ast.AnnAssign | ast.Assign] = field(default_factory=dict)
    imports: dict[str, tuple[str | None, str | None, str]] = field(default_factory=dict)
    # local name -> (module of the folder or None, attribute or None, the original dotted name)
    pydantic_v1: bool = False


@dataclass(frozen=True)
class _ModuleRef:
    module: _Module


_Symbol = tuple[_Module, str]  # a class or alias: its module and local (dotted) name


def _top_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Module-level statements, looking into ``if``/``try`` blocks (``if TYPE_CHECKING:``)."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            yield from _top_statements(stmt.body)
            yield from _top_statements(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            yield from _top_statements(stmt.body)
            for handler in stmt.handlers:
                yield from _top_statements(handler.body)
            yield from _top_statements(stmt.orelse)
        else:
            yield stmt


def _is_alias_value(node: ast.expr) -> bool:
    """Whether an assigned value looks like a type (``Union[...]``, ``A | B``, ``Literal``)."""
    if isinstance(node, ast.Subscript):
        return last_name(node.value) in _TYPING_ALIAS_HEADS
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _is_alias_value(node.left) or _is_alias_value(node.right) or True
    return False


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.modules: dict[str, _Module] = {}
        self.skipped: Counter[str] = Counter()
        self.examples: dict[str, Source] = {}
        self.names: dict[tuple[str, str], str] = {}  # (module, local) -> model name
        self.conventions: dict[tuple[str, str], str | None] = {}
        self.taken: set[str] = set()
        self.models: list[Model] = []
        self.states_keys = True  # no class renames keys by a rule this reader does not know
        self.styles: Counter[bool] = Counter()  # classes that state JSON keys, and that do not

    def skip_at(
        self, what: str, module: _Module, node: ast.AST, near: ast.AST | None = None
    ) -> None:
        line = getattr(node, "lineno", None) or getattr(near, "lineno", None)
        self.skip(what, Source(module.file, line=line))

    def skip(self, what: str, source: Source) -> None:
        self.skipped[what] += 1
        self.examples.setdefault(what, source)

    # --- reading the files -------------------------------------------------------------------

    def read_files(self) -> None:
        files = []
        for number, file in enumerate(_python_files(self.root)):
            if number >= MAX_FILES:
                self.skip(f"files beyond the first {MAX_FILES}", Source(str(file)))
                break
            files.append(file)
        for file in files:
            shown = str(file)
            try:
                text = read_limited(file, MAX_FILE_BYTES, Source(shown)).decode("utf-8")
                tree = ast.parse(text, filename=shown)
            except (SyntaxError, UnicodeDecodeError, ValueError) as error:
                line = getattr(error, "lineno", None)
                self.skip("files that are not Python this reader parses", Source(shown, line=line))
                continue
            except Exception as error:  # a size limit or an OS error: skip the file, say so
                self.skip(f"files not read ({type(error).__name__})", Source(shown))
                continue
            name, package = self.module_name(file)
            module = _Module(name, package, shown, tree)
            self.collect(module)
            self.modules[name] = module

    def module_name(self, file: Path) -> tuple[str, str]:
        if self.root.is_file():
            return file.stem, ""
        parts = list(file.relative_to(self.root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
            return ".".join(parts), ".".join(parts)
        return ".".join(parts), ".".join(parts[:-1])

    def collect(self, module: _Module) -> None:
        for stmt in _top_statements(module.tree.body):
            if isinstance(stmt, ast.ClassDef):
                self.collect_class(module, stmt, "")
            elif isinstance(stmt, ast.ImportFrom):
                self.collect_from(module, stmt)
            elif isinstance(stmt, ast.Import):
                for alias in stmt.names:
                    target = self.absolute(alias.name)
                    local = alias.asname or alias.name.split(".")[0]
                    if alias.asname is None and target is not None:
                        target = self.absolute(alias.name.split(".")[0])
                    module.imports[local] = (target, None, alias.name)
                    if alias.name.startswith("pydantic.v1"):
                        module.pydantic_v1 = True
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.value is not None and last_name(stmt.annotation) == "TypeAlias":
                    module.aliases[stmt.target.id] = stmt
            elif (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and stmt.targets[0].id != "__all__"
                and (_is_alias_value(stmt.value) or self._is_typeddict_call(stmt.value))
            ):
                module.aliases[stmt.targets[0].id] = stmt

    @staticmethod
    def _is_typeddict_call(node: ast.expr) -> bool:
        return isinstance(node, ast.Call) and last_name(node.func) == "TypedDict"

    def collect_class(self, module: _Module, node: ast.ClassDef, prefix: str) -> None:
        local = f"{prefix}{node.name}"
        module.classes[local] = node
        for stmt in node.body:
            if isinstance(stmt, ast.ClassDef) and stmt.name not in ("Config", "Meta"):
                self.collect_class(module, stmt, f"{local}.")
            if isinstance(stmt, ast.ClassDef) and stmt.name == "Config":
                module.pydantic_v1 = True

    def collect_from(self, module: _Module, stmt: ast.ImportFrom) -> None:
        source = stmt.module or ""
        if source.startswith("pydantic.v1") or source == "pydantic.v1":
            module.pydantic_v1 = True
        if stmt.level:
            base = module.package.split(".") if module.package else []
            up = stmt.level - 1
            if up > len(base):
                target: str | None = None  # above the folder read: a library of the SDK
            else:
                kept = base[: len(base) - up] if up else base
                target = ".".join([*kept, *([source] if source else [])])
            original = "." * stmt.level + source
        else:
            target = self.absolute(source)
            original = source
        for alias in stmt.names:
            local = alias.asname or alias.name
            module.imports[local] = (target, alias.name, f"{original}.{alias.name}")

    def absolute(self, dotted_name: str) -> str | None:
        """The module of the folder an absolute import names (``openai.types.shared`` ->
        ``shared``), or ``None`` for a library."""
        parts = dotted_name.split(".")
        if parts and self.root.is_dir() and parts[0] == self.root.name:
            return ".".join(parts[1:])
        for start in range(1, len(parts)):
            candidate = ".".join(parts[start:])
            if candidate in self.modules or self._is_module_file(candidate):
                return candidate
        return None

    def _is_module_file(self, name: str) -> bool:
        if not self.root.is_dir():
            return False
        path = self.root.joinpath(*name.split("."))
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()

    # --- names -------------------------------------------------------------------------------

    def lookup(self, module: _Module, name: str, depth: int = 0) -> _Symbol | _ModuleRef | None:
        """What a top-level name of ``module`` stands for, through imports."""
        if depth > 20:
            return None
        if name in module.aliases or name in module.classes:
            return module, name
        if name not in module.imports:
            return None
        target, attribute, _ = module.imports[name]
        if target is None or target not in self.modules:
            return None
        other = self.modules[target]
        if attribute is None:
            return _ModuleRef(other)
        found = self.lookup(other, attribute, depth + 1)
        if found is None:
            sub = f"{target}.{attribute}" if target else attribute
            if sub in self.modules:
                return _ModuleRef(self.modules[sub])
        return found

    def symbol(self, module: _Module, scope: str, node: ast.expr) -> _Symbol | None:
        """The class or alias a name or attribute chain means in ``module``, inside the
        classes ``scope`` (``Outer.Inner``; ``""`` at module level)."""
        text = dotted(node)
        if not text:
            return None
        parts = scope.split(".") if scope else []
        for depth in range(len(parts), 0, -1):
            local = ".".join([*parts[:depth], text])
            if local in module.classes:
                return module, local
        head, *rest = text.split(".")
        found = self.lookup(module, head)
        while rest and isinstance(found, _ModuleRef):
            found = self.lookup(found.module, rest.pop(0))
        if found is None or isinstance(found, _ModuleRef):
            return None
        owner, local = found
        if rest:
            local = ".".join([local, *rest])
            if local not in owner.classes:
                return None
        return owner, local

    def original(self, module: _Module, node: ast.expr) -> str:
        """The last name a library symbol has where it is defined (``BaseModel`` for
        ``from pydantic import BaseModel as Base``)."""
        text = dotted(node)
        head = text.split(".")[0]
        if head in module.imports and "." not in text:
            return module.imports[head][2].rsplit(".", 1)[-1]
        return text.rsplit(".", 1)[-1]

    # --- conventions --------------------------------------------------------------------------

    def convention(
        self, module: _Module, local: str, seen: frozenset[str] = frozenset()
    ) -> str | None:
        key = (module.name, local)
        if key in self.conventions:
            return self.conventions[key]
        if f"{module.name}:{local}" in seen:
            return None
        seen = seen | {f"{module.name}:{local}"}
        node = module.classes[local]
        scope = local.rpartition(".")[0]
        found: str | None = None
        for decorator in node.decorator_list:
            target = decorator.func if isinstance(decorator, ast.Call) else decorator
            name = self.original(module, target)
            head = dotted(target).split(".")[0]
            if name == "dataclass" and head not in ("attr", "attrs"):
                found = "dataclass"
            elif name in _ATTRS_DECORATORS:
                found = "attrs"
        for base in node.bases:
            if found is not None:
                break
            target = base.value if isinstance(base, ast.Subscript) else base
            inherited = self.symbol(module, scope, target)
            if inherited is not None and inherited[1] in inherited[0].classes:
                found = self.convention(*inherited, seen)
                continue
            name = self.original(module, target)
            if name in _PYDANTIC_BASES:
                found = "root" if name == "RootModel" else "pydantic"
            elif name == "TypedDict":
                found = "typeddict"
            elif name == "Struct":
                found = "msgspec"
            elif name in _ENUM_BASES:
                found = "enum"
        if found is None and any(
            isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name) for s in node.body
        ):
            found = "plain"
        self.conventions[key] = found
        return found

    def sdk_bases(self, module: _Module, local: str) -> list[_Symbol]:
        node = module.classes[local]
        scope = local.rpartition(".")[0]
        found = []
        for base in node.bases:
            target = base.value if isinstance(base, ast.Subscript) else base
            symbol = self.symbol(module, scope, target)
            if symbol is not None and symbol[1] in symbol[0].classes:
                found.append(symbol)
        return found

    # --- naming every model --------------------------------------------------------------------

    def name_models(self) -> None:
        locals_: list[tuple[_Module, str]] = []
        for module in self.modules.values():
            for local, node in module.classes.items():
                if self.convention(module, local) is None:
                    if not _is_helper(node):
                        self.skip_at(_UNKNOWN_CLASS, module, node)
                    continue
                locals_.append((module, local))
            for name, stmt in module.aliases.items():
                if isinstance(stmt, ast.Assign) and self._is_typeddict_call(stmt.value):
                    locals_.append((module, name))
                elif name not in module.classes:
                    locals_.append((module, name))
        counts = Counter(local for _, local in locals_)
        for module, local in locals_:
            name = local
            if counts[local] > 1 and module.name:
                name = f"{module.name}.{local}"
            self.names[(module.name, local)] = name
            self.taken.add(name)

    def model_name(self, symbol: _Symbol | None) -> str | None:
        if symbol is None:
            return None
        return self.names.get((symbol[0].name, symbol[1]))

    # --- models ------------------------------------------------------------------------------

    def read_models(self) -> None:
        for (module_name, local), name in sorted(self.names.items()):
            module = self.modules[module_name]
            if local in module.classes:
                self.read_class(module, local, name)
            else:
                self.read_alias(module, local, name)

    def types(self, module: _Module, scope: str) -> TypeReader:
        def resolve(node: ast.expr) -> str | None:
            return self.model_name(self.symbol(module, scope, node))

        def original(node: ast.expr) -> str:
            return self.original(module, node)

        return TypeReader(resolve, module.file, self.taken, original)

    def read_alias(self, module: _Module, local: str, name: str) -> None:
        stmt = module.aliases[local]
        value = stmt.value
        assert value is not None
        if isinstance(stmt, ast.Assign) and isinstance(value, ast.Call):
            self.models.append(self.functional_typeddict(module, value, name, stmt))
            return
        reader = self.types(module, "")
        try:
            model = reader.alias(value, name)
        except UnknownType as error:
            self.skip_at("type aliases of unknown types", module, error.node, stmt)
            return
        self.models.append(replace(model, source=Source(module.file, line=stmt.lineno)))
        self.models.extend(reader.inline)

    def functional_typeddict(
        self, module: _Module, call: ast.Call, name: str, stmt: ast.stmt
    ) -> Model:
        total = True
        for kw in call.keywords:
            if kw.arg == "total" and isinstance(kw.value, ast.Constant):
                total = bool(kw.value.value)
        fields: list[Field] = []
        reader = self.types(module, "")
        spec = call.args[1] if len(call.args) > 1 else None
        if isinstance(spec, ast.Dict):
            for key, value in zip(spec.keys, spec.values, strict=True):
                if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
                    continue
                made = self.field(module, reader, name, key.value, value, None, "typeddict", total)
                if made is not None:
                    fields.append(made)
        self.models.extend(reader.inline)
        return ObjectModel(name, tuple(fields), source=Source(module.file, line=stmt.lineno))

    def read_class(self, module: _Module, local: str, name: str) -> None:
        node = module.classes[local]
        convention = self.convention(module, local)
        source = Source(module.file, line=node.lineno)
        description = ast.get_docstring(node)
        if convention == "enum":
            self.models.append(self.enum(module, node, name, source, description))
            return
        self.styles[convention in _STATES_KEYS or convention == "root"] += 1
        reader = self.types(module, local)
        if convention == "root" or self.root_field(node) is not None:
            target = self.root_type(node)
            if target is not None:
                try:
                    typed = reader.field(target, name)
                except UnknownType as error:
                    self.skip_at(_UNKNOWN_TYPE, module, error.node, node)
                    return
                nullable = Nullable.YES if typed.nullable else Nullable.NO
                self.models.append(
                    AliasModel(
                        name, typed.type, nullable=nullable, description=description, source=source
                    )
                )
                self.models.extend(reader.inline)
                return
        fields = self.fields(module, local, name, reader, frozenset())
        bases = tuple(
            n for n in (self.model_name(b) for b in self.sdk_bases(module, local)) if n is not None
        )
        self.models.append(
            ObjectModel(
                name, tuple(fields.values()), bases=bases, description=description, source=source
            )
        )
        self.models.extend(reader.inline)

    @staticmethod
    def root_field(node: ast.ClassDef) -> ast.AnnAssign | None:
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.target.id == "__root__":
                    return stmt
        return None

    def root_type(self, node: ast.ClassDef) -> ast.expr | None:
        root = self.root_field(node)
        if root is not None:
            return root.annotation
        for base in node.bases:
            if isinstance(base, ast.Subscript) and last_name(base.value) == "RootModel":
                return subscript_args(base)[0]
        return None

    def fields(
        self,
        module: _Module,
        local: str,
        owner: str,
        reader: TypeReader,
        seen: frozenset[str],
    ) -> dict[str, Field]:
        """The fields of a class, those of its SDK bases first (a class's own field of the same
        name replaces the inherited one)."""
        key = f"{module.name}:{local}"
        if key in seen:
            return {}
        seen = seen | {key}
        node = module.classes[local]
        convention = self.convention(module, local)
        collected: dict[str, Field] = {}
        for base_module, base_local in reversed(self.sdk_bases(module, local)):
            base_reader = self.types(base_module, base_local)
            base_reader.taken = reader.taken
            inherited = self.fields(base_module, base_local, owner, base_reader, seen)
            reader.inline.extend(base_reader.inline)
            base_name = self.model_name((base_module, base_local))
            for wire, f in inherited.items():
                collected[wire] = f if f.inherited_from else replace(f, inherited_from=base_name)
        total = True
        rename = self.rename(module, local)
        for kw in node.keywords:
            if kw.arg == "total" and isinstance(kw.value, ast.Constant):
                total = bool(kw.value.value)
        body = node.body
        for index, stmt in enumerate(body):
            computed = self.computed(module, reader, owner, stmt, convention)
            if computed is not None and computed.name not in collected:
                collected[computed.name] = computed
            if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
                continue
            name = stmt.target.id
            if _not_a_field(name, stmt.annotation, convention):
                continue
            after = body[index + 1] if index + 1 < len(body) else None
            doc = _docstring(after)
            made = self.field(
                module,
                reader,
                owner,
                name,
                stmt.annotation,
                stmt.value,
                convention,
                total,
                rename=rename,
                doc=doc,
                v1=module.pydantic_v1,
            )
            if made is not None:
                collected.pop(made.name, None)
                collected[made.name] = made
        return collected

    def computed(
        self,
        module: _Module,
        reader: TypeReader,
        owner: str,
        stmt: ast.stmt,
        convention: str | None,
    ) -> Field | None:
        """A ``@property`` with a return type on a model class: a value the SDK computes
        (``Response.output_text``), read as an optional, read-only field."""
        if not isinstance(stmt, ast.FunctionDef) or stmt.returns is None:
            return None
        if convention in ("typeddict", "enum") or stmt.name.startswith("_"):
            return None
        names = {last_name(d) for d in stmt.decorator_list}
        if not names & {"property", "cached_property", "computed_field"}:
            return None
        try:
            typed = reader.field(stmt.returns, f"{owner}.{stmt.name}")
        except UnknownType:
            return None
        return Field(
            stmt.name,
            typed.type,
            required=False,
            nullable=Nullable.YES if typed.nullable else Nullable.NO,
            read_only=True,
            description=ast.get_docstring(stmt),
            source=Source(module.file, line=stmt.lineno),
        )

    def rename(self, module: _Module, local: str) -> str | None:
        """A class's rule for JSON keys: ``camel``, ``pascal``, ``snake``, ``?`` (a rule this
        reader does not know), or ``None`` (the attribute names are the keys); inherited."""
        node = module.classes[local]
        for kw in node.keywords:  # msgspec: class X(Struct, rename="camel")
            if kw.arg == "rename":
                if isinstance(kw.value, ast.Constant) and kw.value.value in _RENAMES:
                    return str(kw.value.value)
                return "?"
        for stmt in node.body:
            generator = _alias_generator(stmt)
            if generator is not None:
                return generator
        for base in self.sdk_bases(module, local):
            found = self.rename(*base)
            if found is not None:
                return found
        return None

    def field(
        self,
        module: _Module,
        reader: TypeReader,
        owner: str,
        name: str,
        annotation: ast.expr,
        value: ast.expr | None,
        convention: str | None,
        total: bool,
        *,
        rename: str | None = None,
        doc: str | None = None,
        v1: bool = False,
    ) -> Field | None:
        source = Source(module.file, line=annotation.lineno)
        has_default, alias = _default(value)
        wire = alias or name
        try:
            typed = reader.field(annotation, f"{owner}.{wire}")
        except UnknownType as error:
            self.skip_at(_UNKNOWN_TYPE, module, error.node, annotation)
            return None
        if typed.alias is not None:
            wire = typed.alias
        elif alias is None and rename is not None:
            if rename == "?":
                self.states_keys = False
            else:
                wire = _RENAMES.get(rename, _ALIAS_GENERATORS.get(rename, camel))(name)
        if convention == "typeddict":
            required = typed.required if typed.required is not None else total
        elif v1 and convention == "pydantic" and typed.nullable:
            required = False  # pydantic v1: an Optional field defaults to None
        else:
            required = not has_default
        return Field(
            wire,
            typed.type,
            required=required,
            nullable=Nullable.YES if typed.nullable else Nullable.NO,
            const=typed.const,
            description=doc,
            source=source,
        )

    def enum(
        self,
        module: _Module,
        node: ast.ClassDef,
        name: str,
        source: Source,
        description: str | None,
    ) -> EnumModel:
        values: list[EnumValue] = []
        known = True
        bases = {self.original(module, b) for b in node.bases}
        for stmt in node.body:
            if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
                continue
            target = stmt.targets[0]
            if not isinstance(target, ast.Name) or target.id.startswith("_"):
                continue
            if isinstance(stmt.value, ast.Constant) and isinstance(
                stmt.value.value, (str, int, float, bool)
            ):
                values.append(EnumValue(stmt.value.value))
            else:
                known = False  # auto(), tuples, expressions
        kinds = {type(v.value) for v in values}
        if "StrEnum" in bases or "str" in bases:
            base = "string"
        elif "IntEnum" in bases or "int" in bases or "IntFlag" in bases:
            base = "integer"
        elif kinds and kinds <= {int}:
            base = "integer"
        elif kinds and kinds <= {int, float}:
            base = "number"
        elif kinds == {bool}:
            base = "boolean"
        else:
            base = "string"
        return EnumModel(
            name,
            base,  # type: ignore[arg-type]
            tuple(values) if known else None,
            description=description,
            source=source,
        )

    # --- the set ------------------------------------------------------------------------------

    def discriminators(self) -> None:
        """Fill the mapping of each union whose discriminator property was declared, from the
        constant its variants give that property."""
        by_name = {m.name: m for m in self.models}
        for index, model in enumerate(self.models):
            if not isinstance(model, UnionModel) or model.discriminator is None:
                continue
            prop = model.discriminator.property
            mapping: set[tuple[str, str]] = set()
            for variant in model.variants:
                target = by_name.get(variant.name) if isinstance(variant, Ref) else None
                if not isinstance(target, ObjectModel):
                    continue
                for f in target.fields:
                    if f.name == prop and f.const is not None and isinstance(f.const.value, str):
                        mapping.add((f.const.value, target.name))
            self.models[index] = replace(
                model, discriminator=Discriminator(prop, tuple(sorted(mapping)))
            )

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(
            Diagnostic(f"skipped {n} {what} (the first is here)", self.examples[what], "skipped")
            for what, n in sorted(self.skipped.items())
        )


def _is_helper(node: ast.ClassDef) -> bool:
    """Classes that are no data at all (exceptions, protocols, classes of methods only) are
    not counted as skipped."""
    names = {last_name(b.value if isinstance(b, ast.Subscript) else b) for b in node.bases}
    if names & {"Exception", "BaseException", "Protocol", "ABC", "Generic", "NamedTuple"}:
        return True
    return not any(isinstance(s, (ast.AnnAssign, ast.Assign)) for s in node.body)


def _not_a_field(name: str, annotation: ast.expr, convention: str | None) -> bool:
    head = last_name(annotation.value if isinstance(annotation, ast.Subscript) else annotation)
    if head in ("ClassVar", "KW_ONLY", "InitVar"):
        return True
    if name in ("model_config", "__root__"):
        return True
    return name.startswith("_") and convention in ("pydantic", "msgspec", "attrs", "dataclass")


def _default(value: ast.expr | None) -> tuple[bool, str | None]:
    """(whether the field has a default, the JSON key the field call names)."""
    if value is None:
        return False, None
    if isinstance(value, ast.Call) and last_name(value.func) in _FIELD_CALLS:
        alias = (
            keyword_text(value, "alias")
            or keyword_text(value, "serialization_alias")
            or keyword_text(value, "validation_alias")
            or keyword_text(value, "name")
        )
        given = {kw.arg for kw in value.keywords}
        factory = bool(given & {"default_factory", "factory"})
        if value.args:
            first = value.args[0]
            has = not (isinstance(first, ast.Constant) and first.value is Ellipsis)
            return has, alias
        if "default" in given:
            default = next(kw.value for kw in value.keywords if kw.arg == "default")
            has = not (isinstance(default, ast.Constant) and default.value is Ellipsis)
            return has, alias
        return factory, alias
    return True, None


def _alias_generator(stmt: ast.stmt) -> str | None:
    """The JSON-key rule a pydantic config states: v2 ``model_config = ConfigDict(...)`` or a
    dict, v1 ``class Config: alias_generator = ...``."""
    value: ast.expr | None = None
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
        if isinstance(target, ast.Name) and target.id == "model_config":
            config = stmt.value
            if isinstance(config, ast.Call):
                value = next(
                    (kw.value for kw in config.keywords if kw.arg == "alias_generator"), None
                )
            elif isinstance(config, ast.Dict):
                for key, item in zip(config.keys, config.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "alias_generator":
                        value = item
    elif isinstance(stmt, ast.ClassDef) and stmt.name == "Config":
        for inner in stmt.body:
            if isinstance(inner, ast.Assign) and dotted(inner.targets[0]) == "alias_generator":
                value = inner.value
    if value is None:
        return None
    name = last_name(value)
    return name if name in _ALIAS_GENERATORS else "?"


def _docstring(stmt: ast.stmt | None) -> str | None:
    if (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    ):
        return stmt.value.value.strip() or None
    return None


def load(path: Path, options: LoadOptions) -> ModelSet:
    reader = _Reader(path)
    reader.read_files()
    reader.name_models()
    reader.read_models()
    reader.discriminators()
    knows = {"nullable", "enum_values", "composition", "formats", "descriptions"}
    if reader.states_keys and reader.styles[True] > reader.styles[False]:
        knows.add("wire_names")
    return ModelSet(
        models=tuple(sorted(reader.models, key=lambda m: m.name)),
        source=Source(str(path)),
        knows=frozenset(knows) & FACETS,
        diagnostics=reader.diagnostics(),
        kind="python-sdk",
    )


__all__ = ["detect", "load"]
