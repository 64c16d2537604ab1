"""Reads modelgen-generated Python back into a ModelSet (for ``modelgen parity``), with ``ast``
only: nothing is imported or run.

It recovers what the generated code states: models (schema names from the ``Schema name:``
notes the emitter writes where the class name differs), fields with their wire names,
types, required and nullable, enum values, union variants and discriminators. Descriptions,
constraints, defaults and model-level nullability are not read back (see
``tests/support/shape.py`` for what a comparison may rely on).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

from generator.errors import ModelgenError
from generator.ir import (
    AliasModel,
    Const,
    Discriminator,
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
from generator.targets.python.markers import (
    CAST,
    CLOSED,
    ENUM_BASE,
    ENUM_OF,
    FROM_DICT,
    HEADER,
    INIT_FILE,
    LITERAL,
    MODEL_BASE,
    MODELS_FILE,
    MODELS_PACKAGE,
    NULLABLE,
    OPTIONAL,
    REQUIRED,
    RUNTIME_FILE,
    SCHEMA_NAME,
    TAGGED,
    UNION,
    UNSET_TYPE,
)
from generator.targets.python.typemap import TYPES

# annotation -> the primitive the emitter annotates with it
_PRIMITIVES: dict[str, Primitive] = {
    spelling: Primitive(kind, format) for (kind, format), spelling in TYPES.items()
}


def _packages(path: Path) -> list[Path]:
    """The generated package folders at or directly under ``path``."""
    candidates = [path, *sorted(p for p in path.iterdir() if p.is_dir())] if path.is_dir() else []
    found = []
    for folder in candidates:
        for models in (folder / MODELS_FILE, folder / MODELS_PACKAGE / INIT_FILE):
            if models.is_file() and (folder / RUNTIME_FILE).is_file():
                with models.open(encoding="utf-8") as handle:
                    if handle.readline().startswith(HEADER):
                        found.append(folder)
                        break
    return found


def _model_files(package: Path) -> list[Path]:
    """``models.py``, or the modules of the split layout (``models/*.py``, see
    ``modules.py``)."""
    single = package / MODELS_FILE
    if single.is_file():
        return [single]
    return sorted(p for p in (package / MODELS_PACKAGE).glob("*.py") if p.name != INIT_FILE)


def detect(path: Path) -> bool:
    return bool(_packages(path))


def load(path: Path, options: LoadOptions) -> ModelSet:
    packages = _packages(path)
    if len(packages) != 1:
        raise ModelgenError(
            "expected one modelgen-generated Python package here"
            if not packages
            else f"several generated Python packages here: {', '.join(p.name for p in packages)}",
            Source(str(path)),
        )
    files = _model_files(packages[0])
    texts = [(str(file), file.read_text(encoding="utf-8")) for file in files]
    origin = str(files[0]) if len(files) == 1 else str(packages[0] / MODELS_PACKAGE)
    return _Reader(texts, origin).read()


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _schema_name(doc: str | None, default: str) -> str:
    for line in (doc or "").splitlines():
        if line.startswith(SCHEMA_NAME):
            value = json.loads(line[len(SCHEMA_NAME) :].rstrip("."))
            if isinstance(value, str):
                return value
    return default


class _Reader:
    """Reads the model modules ``files`` (file name, text): one ``models.py``, or the modules
    of the split layout, read as if they were one module."""

    def __init__(self, files: list[tuple[str, str]], origin: str) -> None:
        self.origin = origin
        # every top-level statement with the file and lines it comes from
        self.body: list[tuple[ast.stmt, str, list[str]]] = []
        for file, text in files:
            try:
                tree = ast.parse(text)
            except SyntaxError as error:
                where = Source(file, line=error.lineno)
                raise ModelgenError(f"not valid Python: {error.msg}", where) from None
            lines = text.splitlines()
            self.body += [(node, file, lines) for node in tree.body]
        self.file = origin  # the file of the statement being read
        self.lines: list[str] = []
        self.names: dict[str, str] = {}  # class name -> schema name
        self.functions: dict[str, str] = {}  # union decoder function -> class name

    def source(self, node: ast.AST) -> Source:
        return Source(self.file, line=getattr(node, "lineno", None))

    def comment_doc(self, node: ast.stmt) -> str:
        """The ``#:`` comment lines right above a top-level statement."""
        found: list[str] = []
        line = node.lineno - 2
        while line >= 0 and self.lines[line].startswith("#:"):
            found.insert(0, self.lines[line][3:])
            line -= 1
        return "\n".join(found)

    # types --------------------------------------------------------------------------------

    def type_of(self, node: ast.expr) -> tuple[TypeRef, bool, Const | None]:
        """(type, nullable, const) of an annotation."""
        parts = self.union_parts(node)
        nullable = any(self.is_none(p) for p in parts)
        rest = [p for p in parts if not self.is_none(p) and _dotted(p) != UNSET_TYPE]
        if len(rest) != 1:
            raise ModelgenError("unexpected annotation", self.source(node))
        type_, const = self.single(rest[0])
        return type_, nullable, const

    def single(self, node: ast.expr) -> tuple[TypeRef, Const | None]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return Ref(self.names.get(node.value, node.value)), None
        name = _dotted(node)
        if name in _PRIMITIVES:
            return _PRIMITIVES[name], None
        if isinstance(node, ast.Subscript):
            outer = _dotted(node.value)
            args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if outer == "list":
                return ListOf(self.inner(args[0])), None
            if outer == "dict":
                return MapOf(self.inner(args[1])), None
            if outer == LITERAL and isinstance(args[0], ast.Constant):
                value = args[0].value
                if isinstance(value, bool):
                    return Primitive("boolean"), Const(value)
                if isinstance(value, int):
                    return Primitive("integer"), Const(value)
                if isinstance(value, str):
                    return Primitive("string"), Const(value)
        if name:
            return Ref(self.names.get(name, name)), None
        raise ModelgenError("unexpected type expression", self.source(node))

    def inner(self, node: ast.expr) -> TypeRef:
        parts = [p for p in self.union_parts(node) if not self.is_none(p)]
        return self.single(parts[0])[0]

    def union_parts(self, node: ast.expr) -> list[ast.expr]:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self.union_parts(node.left) + self.union_parts(node.right)
        if isinstance(node, ast.Subscript) and _dotted(node.value) == UNION:
            elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            return [p for e in elts for p in self.union_parts(e)]
        return [node]

    @staticmethod
    def is_none(node: ast.expr) -> bool:
        return isinstance(node, ast.Constant) and node.value is None

    # models -------------------------------------------------------------------------------

    def statements(self) -> Iterator[ast.stmt]:
        """The top-level statements, :attr:`file` and :attr:`lines` set to each one's."""
        for node, file, lines in self.body:
            self.file, self.lines = file, lines
            yield node

    def read(self) -> ModelSet:
        body = [node for node, _, _ in self.body]
        for node in self.statements():
            if isinstance(node, ast.ClassDef):
                self.names[node.name] = _schema_name(ast.get_docstring(node), node.name)
            elif isinstance(node, ast.FunctionDef):
                target = self.cast_target(node)
                if target is not None:
                    self.functions[node.name] = target
            elif isinstance(node, (ast.AnnAssign, ast.Assign)):
                name = self.assigned_name(node)
                if name and name != "__all__":
                    self.names[name] = _schema_name(self.comment_doc(node), name)
        unions = {target: name for name, target in self.functions.items()}
        models: list[Model] = []
        for node in self.statements():
            if isinstance(node, ast.ClassDef):
                bases = [_dotted(b) for b in node.bases]
                if ENUM_BASE in bases:
                    models.append(self.enum(node))
                elif MODEL_BASE in bases:
                    models.append(self.object(node))
            elif isinstance(node, (ast.AnnAssign, ast.Assign)):
                name = self.assigned_name(node)
                if not name or name == "__all__" or node.value is None:
                    continue
                if name in unions:
                    function = next(
                        f for f in body if isinstance(f, ast.FunctionDef) and f.name == unions[name]
                    )
                    models.append(self.union(name, node.value, function, node))
                else:
                    aliased = self.inner(self.unquote(node.value))
                    models.append(AliasModel(self.names[name], aliased, source=self.source(node)))
        return ModelSet(
            models=tuple(sorted(models, key=lambda m: m.name)),
            source=Source(self.origin),
            knows=frozenset({"nullable", "enum_values", "composition"}),
        )

    @staticmethod
    def assigned_name(node: ast.AnnAssign | ast.Assign) -> str | None:
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
        return target.id if isinstance(target, ast.Name) else None

    @staticmethod
    def unquote(node: ast.expr) -> ast.expr:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return ast.parse(node.value, mode="eval").body
        return node

    @staticmethod
    def cast_target(node: ast.FunctionDef) -> str | None:
        for stmt in node.body:
            if (
                isinstance(stmt, ast.Return)
                and isinstance(stmt.value, ast.Call)
                and _dotted(stmt.value.func) == CAST
            ):
                return _dotted(stmt.value.args[0])
        return None

    def enum(self, node: ast.ClassDef) -> EnumModel:
        values: list[EnumValue] = []
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                value = ast.literal_eval(stmt.value)
                values.append(EnumValue(value))
        kinds = {type(v.value) for v in values}
        base = (
            "boolean"
            if kinds == {bool}
            else "integer"
            if kinds == {int}
            else "number"
            if kinds <= {int, float} and kinds
            else "string"
        )
        return EnumModel(self.names[node.name], base, tuple(values), source=self.source(node))  # type: ignore[arg-type]

    def object(self, node: ast.ClassDef) -> ObjectModel:
        annotations = {
            stmt.target.id: stmt.annotation
            for stmt in node.body
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
        }
        fields: list[Field] = []
        closed = False
        # ``field=_rt.required(d, "wire", decoder, where)`` (or optional) anywhere in the class
        for kw in ast.walk(node):
            if isinstance(kw, ast.Call) and _dotted(kw.func) == CLOSED:
                closed = True
            if not isinstance(kw, ast.keyword) or kw.arg not in annotations:
                continue
            call = kw.value
            if not isinstance(call, ast.Call):
                continue
            how = _dotted(call.func)
            if how not in (REQUIRED, OPTIONAL):
                continue
            wire = call.args[1]
            assert isinstance(wire, ast.Constant) and isinstance(wire.value, str)
            type_, nullable, const = self.type_of(annotations[kw.arg])
            fields.append(
                Field(
                    wire.value,
                    type_,
                    required=how == REQUIRED,
                    nullable=Nullable.YES if nullable else Nullable.NO,
                    const=const,
                    source=self.source(call),
                )
            )
        return ObjectModel(
            self.names[node.name], tuple(fields), closed=closed, source=self.source(node)
        )

    def union(
        self, name: str, value: ast.expr, function: ast.FunctionDef, node: ast.stmt
    ) -> UnionModel:
        variants: list[TypeRef] = []
        for part in self.union_parts(self.unquote(value)):
            if self.is_none(part):
                continue
            variants.append(self.single(self.unquote(part))[0])
        discriminator = None
        for call in ast.walk(function):
            if isinstance(call, ast.Call) and _dotted(call.func) == TAGGED:
                prop = call.args[2]
                assert isinstance(prop, ast.Constant) and isinstance(prop.value, str)
                mapping = set()
                for pair in call.args[3:]:
                    if isinstance(pair, ast.Tuple) and isinstance(pair.elts[0], ast.Constant):
                        tag = pair.elts[0].value
                        target = self.decoded_model(pair.elts[1])
                        if isinstance(tag, str) and target:
                            mapping.add((tag, target))
                discriminator = Discriminator(prop.value, tuple(sorted(mapping)))
        return UnionModel(
            self.names[name], tuple(variants), discriminator=discriminator, source=self.source(node)
        )

    def decoded_model(self, node: ast.expr) -> str | None:
        """The schema name a decoder expression decodes to, if it is a model."""
        if isinstance(node, ast.Call) and _dotted(node.func) in (NULLABLE, ENUM_OF):
            return self.decoded_model(node.args[0])
        name = _dotted(node)
        suffix = f".{FROM_DICT}"
        if name.endswith(suffix):
            name = name[: -len(suffix)]
        name = self.functions.get(name, name)
        return self.names.get(name)
