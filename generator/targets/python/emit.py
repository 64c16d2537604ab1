"""The Python emitter: frozen, slotted, keyword-only dataclasses with ``from_dict``/``to_dict``,
``enum.Enum`` classes with an unknown-value fallback, and tagged unions with a dispatching
decoder.

Everything is decided here (identifiers, reserved words, type spellings, escaping of spec text,
line layout); the templates in ``templates/`` only place the prepared lines.

Output: one package ``<package>/`` holding ``__init__.py`` (the public names), ``models.py``
(every model, one module so that recursion and unions need nothing but forward references),
``_runtime.py`` (the ``UNSET`` sentinel, JSON type checks, the encoder) and ``py.typed``.

Choices (also stated in the generated module docstring):

- Absent is not null. An optional property defaults to ``UNSET``; ``None`` is JSON null and
  only typed where the schema allows null (a nullable field, or a reference to a nullable
  model; unknown nullability counts as nullable). ``to_dict`` leaves ``UNSET`` out, so
  ``to_dict(from_dict(x)) == x``. Spec defaults are documented, not filled in: filling them
  in would make an absent property reappear on re-encoding.
- ``date-time``, ``date`` and ``uuid`` decode to real ``datetime``/``date``/``UUID`` objects
  that remember their JSON text (``_runtime.RawDateTime`` ...), which is what they re-encode
  to; values built by the user encode with ``isoformat()``/``str()``. ``byte`` and ``binary``
  stay ``str`` (base64 text is not canonical, decoding would lose the exact spelling).
- Objects keep properties the schema does not name (JSON Schema allows them unless
  ``additionalProperties: false``) in a mapping field, so nothing is lost on re-encoding.
- Enums keep unknown values as pseudo-members (``Enum._missing_``), which re-encode as they came.
- A union with a discriminator dispatches on the tag (the declared mapping, then the tags the
  variants state themselves, looking through nested unions); variants sharing a tag are told
  apart by the untagged rule; an unknown tag is a ``DecodeError``. Without a discriminator
  the first variant in schema order that decodes and re-encodes to exactly the input wins
  (else the first that decodes). A union that contains itself is flattened.
- Long lines are split the way black splits them (``python_layout``), so the output is
  black-stable without running black.
"""

from __future__ import annotations

import json
import keyword
import math
import re
import sys
from dataclasses import dataclass
from pathlib import PurePath

from generator.errors import ModelgenError
from generator.ir import (
    AliasModel,
    Const,
    Constraints,
    EnumModel,
    Field,
    FreeFormNull,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnknownNull,
    resolve_name,
    type_nullable,
    type_refs,
)
from generator.naming import (
    NameAllocator,
    clean_text,
    fallback,
    limit_length,
    pascal,
    snake,
    upper_snake,
)
from generator.targets import Emitted
from generator.targets.python import PythonOptions
from generator.targets.python.layout import (
    Atom,
    BitOr,
    Call,
    Expr,
    Keyword,
    alias,
    annotated,
    lay_out,
    render,
    signature,
)
from generator.templating import folder
from generator.templating import render as render_template

TEMPLATES = folder(__file__)

# --- names -------------------------------------------------------------------------------

# Class names: keywords that are capitalised, and the public names of the runtime that the
# package's __init__ exports next to the models (the rest of the runtime is only ever used
# as ``_rt.<name>``, so a schema may well be called ``Model``).
RESERVED_CLASSES = frozenset({"None", "True", "False", "Unset", "DecodeError"})
# Field names: keywords, the methods every model has, and the builtins used in annotations
# (a field named ``str`` would shadow ``str`` for ``typing.get_type_hints``).
RESERVED_FIELDS = frozenset(
    {
        *keyword.kwlist,
        *keyword.softkwlist,
        "classmethod",
        "from_dict",
        "to_dict",
        "self",
        "cls",
        "str",
        "int",
        "float",
        "bool",
        "list",
        "dict",
        "object",
    }
)
MAX_CLASS_NAME = 100
MAX_FIELD_NAME = 60
EXTRAS_FIELD = "additional_properties"


def class_name(name: str) -> str:
    """A PascalCase identifier for a schema name (not yet made distinct). A name that already
    is one (``OpenAIFile``, acronyms kept as PEP 8 allows) stays as it is."""
    if name.isascii() and name.isidentifier() and name[0].isupper() and "_" not in name:
        ident = name
    else:
        ident = fallback(name, pascal(name), "Model")
    if ident in RESERVED_CLASSES:
        ident += "_"
    return limit_length(ident, name, MAX_CLASS_NAME)


def field_name(name: str) -> str:
    """A snake_case identifier for a property's wire name (not yet made distinct)."""
    ident = fallback(name, snake(name), "field_")
    if ident in RESERVED_FIELDS:
        ident += "_"
    return limit_length(ident, name, MAX_FIELD_NAME)


def member_name(value: str | int | float | bool) -> str:
    """An UPPER_SNAKE enum member name for a value (not yet made distinct)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        text = repr(value).replace("-", "MINUS_").replace(".", "_").replace("+", "")
        return limit_length("VALUE_" + text.upper(), str(value), MAX_FIELD_NAME)
    if value == "":
        return "EMPTY"
    return limit_length(fallback(value, upper_snake(value), "VALUE_"), value, MAX_FIELD_NAME)


# Top-level modules a generated package must not be named after: importing it would hide
# the module (``datetime.yaml`` without a title would give a package ``datetime``, and its own
# ``import datetime`` would import itself). The standard library of every Python the generated
# code may run on -- this interpreter's list plus the modules other supported versions add or
# removed -- and the generated code's runtime dependencies (none: it imports the standard
# library only).
RUNTIME_DEPENDENCIES: frozenset[str] = frozenset()
_STDLIB_OF_OTHER_VERSIONS = frozenset(
    {
        # removed in 3.12 and 3.13 (PEP 594 and others)
        *("asynchat", "asyncore", "distutils", "imp", "smtpd", "aifc", "audioop", "cgi"),
        *("cgitb", "chunk", "crypt", "imghdr", "lib2to3", "mailcap", "msilib", "nis"),
        *("nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd", "sunau", "telnetlib", "uu"),
        "xdrlib",
        # added in 3.14 and 3.15
        *("annotationlib", "compression", "profiling"),
    }
)
SHADOWED_MODULES = (
    frozenset(sys.stdlib_module_names) | _STDLIB_OF_OTHER_VERSIONS | RUNTIME_DEPENDENCIES
)


def package_name(models: ModelSet, options: PythonOptions) -> str:
    """``--package``, or the title (the file name without one) in snake_case. A derived name
    that would shadow a standard-library module gets ``_models`` appended (``datetime`` ->
    ``datetime_models``); a ``--package`` that would is refused."""
    if options.package is not None:
        name = options.package
        if not name.isidentifier() or keyword.iskeyword(name) or not name.isascii():
            raise ModelgenError(f"--package {name!r} is not a valid Python package name")
        if name in SHADOWED_MODULES:
            raise ModelgenError(
                f"--package {name!r} would hide the standard-library module {name!r}"
                " from the generated code; choose another name"
            )
        return name
    title = models.title or PurePath(models.source.file).stem
    name = fallback(title, snake(title), "models_") or "models"
    return f"{name}_models" if name in SHADOWED_MODULES else name


# --- escaping ----------------------------------------------------------------------------


# Characters that may need an escape: anything but printable ASCII other than the backslash.
_SPECIAL = re.compile(r"[^\x20-\x5b\x5d-\x7e]")
_NAMED_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    if char.isprintable():
        return char
    return _hex_escape(char)


def _escape_ascii_char(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED_ESCAPES.get(char) or _hex_escape(char)


def _hex_escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape(text: str) -> str:
    """Backslashes, tabs, line breaks and unprintable characters as escapes (lower-case hex,
    as black writes them); printable non-ASCII stays as it is."""
    return _SPECIAL.sub(_escape_char, text)


def py_str(text: str) -> str:
    """A string literal for ``text``, in the quote style black prefers (double, unless single
    quotes need fewer escapes). Code lines are ASCII only: black measures a line by its display
    width (a wide character counts twice), so every non-ASCII character is escaped and a line's
    length is its width."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    escaped = _SPECIAL.sub(_escape_ascii_char, text)
    return f"{quote}{escaped.replace(quote, chr(92) + quote)}{quote}"


def py_literal(value: object) -> str:
    """A Python literal for a scalar JSON value; non-finite numbers are refused."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ModelgenError(f"{value!r} cannot be written as a Python literal")
        return repr(value)
    if isinstance(value, str):
        return py_str(value)
    raise ModelgenError(f"{value!r} is not a scalar")


def docstring(text: str, indent: str) -> list[str]:
    """Docstring lines for spec text. The text is escaped so it cannot end the literal, laid out
    as black lays docstrings out (first line stripped, common indentation of the rest removed,
    trailing spaces dropped), so ``inspect.getdoc()`` returns the text normalised that way."""
    raw_lines = [_escape(line).rstrip() for line in clean_text(text).split("\n")]
    while raw_lines and not raw_lines[0].strip():
        raw_lines.pop(0)
    while raw_lines and not raw_lines[-1].strip():
        raw_lines.pop()
    if not raw_lines:
        return []
    raw_lines[0] = raw_lines[0].lstrip()
    rest = raw_lines[1:]
    common = min((len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0)
    lines = [raw_lines[0]] + [line[common:] for line in rest]
    joined = "\n".join(lines)
    lead = trail = ""
    if joined.startswith('"'):  # black would pad a leading or trailing quote with a space
        joined, lead = joined[1:], "\\x22"
    if joined.endswith('"'):
        joined, trail = joined[:-1], "\\x22"
    joined = lead + joined.replace('"""', '""\\"') + trail
    out = joined.split("\n")
    if len(out) == 1:
        return [f'{indent}"""{out[0]}"""']
    body = [f"{indent}{line}" if line else "" for line in out[1:]]
    return [f'{indent}"""{out[0]}', *body, f'{indent}"""']


_UNPRINTABLE = re.compile(r"[^\x20-\x7e\u00a1-\u2027\u202a-\ud7ff\ue000-\ufffd]")


def comment(text: str, indent: str) -> list[str]:
    """``#:`` comment lines (the Sphinx attribute-doc form) for spec text."""
    lines = []
    for line in clean_text(text).split("\n"):
        safe = _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], line).rstrip()
        lines.append(f"{indent}#: {safe}" if safe else f"{indent}#:")
    while lines and lines[-1].endswith("#:"):
        lines.pop()
    return lines


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=True, sort_keys=False)


# --- the plan handed to the templates ----------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One top-level definition: its lines, in order."""

    name: str
    lines: list[str]


class _Emitter:
    def __init__(self, models: ModelSet) -> None:
        self.models = models
        self.by_name = models.by_name()
        names = NameAllocator(RESERVED_CLASSES)
        self.classes = {m.name: names.allocate(m.name, class_name(m.name)) for m in models.models}
        functions = NameAllocator(set(self.classes.values()))
        self.functions: dict[str, str] = {}
        for m in models.models:
            if isinstance(m, UnionModel):
                base = snake(self.classes[m.name]) or "union"
                self.functions[m.name] = functions.allocate(m.name, f"{base}_from_json")
                functions.allocate(m.name + "\0to", f"{base}_to_json")

    # types --------------------------------------------------------------------------------

    def model(self, ref: Ref) -> Model:
        try:
            return self.by_name[ref.name]
        except KeyError:
            raise ModelgenError(f"reference to unknown model {ref.name!r}") from None

    def ref_nullable(self, ref: Ref) -> bool:
        return type_nullable(
            ref, self.by_name.get, unknown=UnknownNull.AS_NULL, free_form=FreeFormNull.DECLARED
        )

    def annotation(self, type_: TypeRef) -> Expr:
        if isinstance(type_, Primitive):
            return Atom(_PRIMITIVE_TYPES.get((type_.kind, type_.format), _KIND_TYPES[type_.kind]))
        if isinstance(type_, ListOf):
            return Call("list", (self.annotation(type_.item),), square=True)
        if isinstance(type_, MapOf):
            return Call("dict", (Atom("str"), self.annotation(type_.value)), square=True)
        name = Atom(self.classes[self.model(type_).name])
        return BitOr((name, Atom("None"))) if self.ref_nullable(type_) else name

    def decoder(self, type_: TypeRef, seen: frozenset[str] = frozenset()) -> Expr:
        if isinstance(type_, Primitive):
            return Atom(
                _PRIMITIVE_DECODERS.get((type_.kind, type_.format), _KIND_DECODERS[type_.kind])
            )
        if isinstance(type_, ListOf):
            return Call("_rt.list_of", (self.decoder(type_.item, seen),))
        if isinstance(type_, MapOf):
            return Call("_rt.map_of", (self.decoder(type_.value, seen),))
        target = self.model(type_)
        name = self.classes[target.name]
        inner: Expr
        if isinstance(target, ObjectModel):
            inner = Atom(f"{name}.from_dict")
        elif isinstance(target, EnumModel):
            inner = Call("_rt.enum_of", (Atom(name), *(Atom(k) for k in _enum_kinds(target))))
        elif isinstance(target, UnionModel):
            inner = Atom(self.functions[target.name])
        else:
            if target.name in seen:
                raise ModelgenError(
                    f"alias {target.name!r} refers to itself with no content", target.source
                )
            inner = self.decoder(target.target, seen | {target.name})
        if target.nullable is not Nullable.NO:
            inner = Call("_rt.nullable", (inner,))
        return inner

    # fields -------------------------------------------------------------------------------

    def field_nullable(self, field: Field) -> bool:
        if isinstance(field.type, Primitive) and field.type.kind == "any":
            return False
        if field.nullable is not Nullable.NO:
            return not (isinstance(field.type, Ref) and self.ref_nullable(field.type))
        return False

    def object_block(self, model: ObjectModel) -> Block:
        name = self.classes[model.name]
        allocator = NameAllocator(RESERVED_FIELDS)
        field_lines: list[str] = []
        kwargs: list[Expr] = []
        puts: list[str] = []
        wires = [f.name for f in model.fields]
        for f in model.fields:
            ident = allocator.allocate(f.name, field_name(f.name))
            literal = _literal_of(f.const)
            if literal is not None:
                annotation: Expr = Call("_t.Literal", (Atom(literal),), square=True)
                decode: Expr = Call("_rt.literal", (Atom(literal),))
            else:
                annotation = self.annotation(f.type)
                decode = self.decoder(f.type)
            if self.field_nullable(f):
                annotation = _union(annotation, Atom("None"))
                decode = Call("_rt.nullable", (decode,))
            default: str | None = None
            if not f.required:
                annotation = _union(annotation, Atom("_rt.Unset"))
                default = "_rt.UNSET"
            elif literal is not None:
                default = literal
            field_lines.append("")
            field_lines.extend(comment(_field_doc(f, ident), "    "))
            field_lines.extend(annotated("    ", ident, annotation, default))
            how = "_rt.required" if f.required else "_rt.optional"
            call = Call(how, (Atom("d"), Atom(py_str(f.name)), decode, Atom("where")))
            kwargs.append(Keyword(ident, call))
            puts.extend(
                lay_out(
                    "        ",
                    "",
                    Call("_rt.put", (Atom("out"), Atom(py_str(f.name)), Atom(f"self.{ident}"))),
                )
            )
        wire_atoms = tuple(Atom(py_str(w)) for w in wires)
        check: list[str] = []
        if not model.closed:
            extras = allocator.allocate("\0extras", EXTRAS_FIELD)
            value_type: TypeRef = model.additional or Primitive("any")
            field_lines.append("")
            field_lines.extend(
                comment("Properties the schema does not name, kept as they came.", "    ")
            )
            field_lines.extend(
                annotated(
                    "    ",
                    extras,
                    Call("_t.Mapping", (Atom("str"), self.annotation(value_type)), square=True),
                    "_rt.EMPTY",
                )
            )
            extras_call = Call(
                "_rt.extras",
                (Atom("d"), self.decoder(value_type), Atom("where"), *wire_atoms),
            )
            kwargs.append(Keyword(extras, extras_call))
            puts.extend(
                lay_out(
                    "        ",
                    "",
                    Call("out.update", (Call("_rt.to_json", (Atom(f"self.{extras}"),)),)),
                )
            )
        else:
            check = lay_out(
                "        ", "", Call("_rt.closed", (Atom("d"), Atom("where"), *wire_atoms))
            )
        lines = [
            "@_dc.dataclass(frozen=True, slots=True, kw_only=True)",
            *lay_out("", "", Call(f"class {name}", (Atom("_rt.Model"),)), ":"),
            *docstring(_model_doc(model.description, model.deprecated, model.name, name), "    "),
            *field_lines,
            "",
            "    @classmethod",
            *signature(
                "    ",
                "from_dict",
                ["cls", "data: object", f"where: str = {py_str(name)}"],
                Atom("_t.Self"),
            ),
            "        d = _rt.expect_object(data, where)",
            *check,
            *lay_out("        ", "return ", Call("cls", tuple(kwargs), magic=True)),
            "",
            "    def to_dict(self) -> dict[str, _t.Any]:",
            "        out: dict[str, _t.Any] = {}",
            *puts,
            "        return out",
        ]
        return Block(name, lines)

    def enum_block(self, model: EnumModel) -> Block:
        name = self.classes[model.name]
        values = [v for v in model.values or () if v.value is not None]
        _check_enum_values(model, [v.value for v in values])
        allocator = NameAllocator()
        members: list[str] = []
        for v in values:
            assert v.value is not None
            member = allocator.allocate(repr(v.value), member_name(v.value))
            if v.description:
                members.extend(comment(v.description, "    "))
            members.extend(_assignment("    ", member, py_literal(v.value)))
        lines = [
            *lay_out("", "", Call(f"class {name}", (Atom("_enum.Enum"),)), ":"),
            *docstring(
                _model_doc(model.description, model.deprecated, model.name, name)
                + "\n\nValues the schema does not list decode to pseudo-members that keep\n"
                "the value (see ``is_known``).",
                "    ",
            ),
            "",
            *members,
            *([""] if members else []),
            "    @classmethod",
            *signature(
                "    ", "_missing_", ["cls", "value: object"], BitOr((Atom(name), Atom("None")))
            ),
            "        return _rt.unknown_member(cls, value)",
        ]
        return Block(name, lines)

    def resolve(self, name: str) -> str:
        """``name``, or the model an alias chain (``A = B``) leads to."""
        return resolve_name(name, self.by_name.get)

    def direct_unions(self, name: str) -> set[str]:
        """The unions reachable from union ``name`` through variants that are unions."""
        found: set[str] = set()
        todo = [name]
        while todo:
            model = self.by_name.get(todo.pop())
            if not isinstance(model, UnionModel):
                continue
            for variant in model.variants:
                if isinstance(variant, Ref) and isinstance(
                    self.by_name.get(variant.name), UnionModel
                ):
                    if variant.name not in found:
                        found.add(variant.name)
                        todo.append(variant.name)
        return found

    def union_cycle(self, model: UnionModel) -> set[str]:
        """The unions that contain ``model`` and are contained by it, directly or through
        other unions (``A = str | B``, ``B = int | A``): such a cycle adds no values."""
        reach = self.direct_unions(model.name)
        if model.name not in reach:
            return set()
        return {u for u in reach if model.name in self.direct_unions(u)}

    def variants(self, model: UnionModel) -> list[TypeRef]:
        """The variants, with unions of the same cycle replaced by their own variants (a
        union that contains itself is the union of its other variants)."""
        cycle = self.union_cycle(model)
        result: list[TypeRef] = []
        seen: set[str] = set()

        def add(variants: tuple[TypeRef, ...]) -> None:
            for variant in variants:
                resolved = self.resolve(variant.name) if isinstance(variant, Ref) else ""
                if resolved in cycle or resolved == model.name:
                    if resolved not in seen:
                        seen.add(resolved)
                        target = self.by_name[resolved]
                        assert isinstance(target, UnionModel)
                        add(target.variants)
                elif variant not in result:
                    result.append(variant)

        seen.add(model.name)
        add(model.variants)
        if not result:
            raise ModelgenError(f"union {model.name!r} has no variants but itself", model.source)
        return result

    def union_annotation(self, model: UnionModel) -> Expr:
        parts: list[Expr] = []
        for variant in self.variants(model):
            expr = self.annotation(variant)
            for part in expr.parts if isinstance(expr, BitOr) else (expr,):
                if render(part) not in {render(p) for p in parts}:
                    parts.append(part)
        return parts[0] if len(parts) == 1 else BitOr(tuple(parts))

    def union_block(self, model: UnionModel, forward: frozenset[str]) -> Block:
        name = self.classes[model.name]
        function = self.functions[model.name]
        target = self.union_annotation(model)
        rhs = _forward(target, {self.classes[n] for n in forward})
        if model.discriminator is not None:
            pairs: list[Expr] = []
            for tag, variant in self.tagged_variants(model):
                decode = self.decoder(Ref(variant))
                pairs.append(Call("", (Atom("None" if tag is None else py_str(tag)), decode)))
            call = Call(
                "_rt.tagged",
                (Atom("data"), Atom("where"), Atom(py_str(model.discriminator.property)), *pairs),
                magic=True,
            )
            how = (
                f"Dispatches on the property {model.discriminator.property!r}; an unknown"
                " value is a DecodeError."
            )
        else:
            decoders = [self.decoder(v) for v in self.variants(model)]
            call = Call("_rt.untagged", (Atom("data"), Atom("where"), *decoders), magic=True)
            how = (
                "Tries the variants in schema order and takes the first that decodes and"
                " re-encodes to exactly the input (else the first that decodes)."
            )
        doc = _model_doc(model.description, model.deprecated, model.name, name)
        lines = [
            *comment(doc, ""),
            *self.alias_lines(name, rhs, bool(forward)),
            "",
            "",
            *signature("", function, ["data: object", f"where: str = {py_str(name)}"], Atom(name)),
            *docstring(f"Decodes a {name} from JSON data.\n\n{how}", "    "),
            *lay_out("    ", "return ", Call("_t.cast", (Atom(name), call))),
            "",
            "",
            *signature("", self.to_json_name(model), [f"value: {name}"], Atom("_t.Any")),
            *docstring(f"Encodes a {name} to JSON data.", "    "),
            "    return _rt.to_json(value)",
        ]
        return Block(name, lines)

    def tagged_variants(self, model: UnionModel) -> list[tuple[str | None, str]]:
        """(tag, model name) pairs for a discriminated union: the declared mapping first,
        then the tags the variants state themselves (a const or a one-value enum property),
        looking through variants that are unions; ``None`` for a variant with no tag."""
        assert model.discriminator is not None
        prop = model.discriminator.property
        cycle = self.union_cycle(model) | {model.name}
        pairs: list[tuple[str | None, str]] = [
            (tag, target) for tag, target in model.discriminator.mapping if target not in cycle
        ]
        seen: set[str] = {model.name}

        def visit(name: str) -> None:
            if name in seen:
                return
            seen.add(name)
            target = self.by_name.get(name)
            if isinstance(target, UnionModel):
                for variant in target.variants:
                    if isinstance(variant, Ref):
                        visit(variant.name)
                return
            tags: list[str | None] = []
            if isinstance(target, ObjectModel):
                for f in target.fields:
                    if f.name != prop:
                        continue
                    if f.const is not None and isinstance(f.const.value, str):
                        tags.append(f.const.value)
                    elif isinstance(f.type, Ref):
                        enum = self.by_name.get(f.type.name)
                        if isinstance(enum, EnumModel) and enum.values:
                            tags.extend(v.value for v in enum.values if isinstance(v.value, str))
            for tag in tags or [None]:
                if (tag, name) not in pairs:
                    pairs.append((tag, name))

        for variant in model.variants:
            if isinstance(variant, Ref):
                visit(variant.name)
        return pairs

    def to_json_name(self, model: UnionModel) -> str:
        return self.functions[model.name][: -len("_from_json")] + "_to_json"

    def alias_block(self, model: AliasModel, forward: frozenset[str]) -> Block:
        name = self.classes[model.name]
        target = self.annotation(model.target)
        rhs = _forward(target, {self.classes[n] for n in forward})
        doc = _model_doc(model.description, model.deprecated, model.name, name)
        notes = _constraints_text(model.constraints)
        if notes:
            doc += f"\n\nConstraints: {notes}."
        return Block(name, [*comment(doc, ""), *self.alias_lines(name, rhs, bool(forward))])

    def alias_lines(self, name: str, rhs: Expr, quoted: bool) -> list[str]:
        """``Name: _t.TypeAlias = ...``; a name too long for that line (over 66 characters)
        makes an implicit alias ``Name = ...``, which type checkers read the same way; a
        quoted (forward-reference) alias must stay explicit."""
        explicit = quoted or len(name) + len(": _t.TypeAlias = (") <= 88
        return alias(name, rhs, explicit)

    # module -------------------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        enums = [m for m in self.models.models if isinstance(m, EnumModel)]
        objects = [m for m in self.models.models if isinstance(m, ObjectModel)]
        late = [m for m in self.models.models if isinstance(m, (UnionModel, AliasModel))]
        result = [self.enum_block(m) for m in sorted(enums, key=lambda m: self.classes[m.name])]
        result += [
            self.object_block(m) for m in sorted(objects, key=lambda m: self.classes[m.name])
        ]
        for model, forward in self.late_order(late):
            if isinstance(model, UnionModel):
                result.append(self.union_block(model, forward))
            else:
                result.append(self.alias_block(model, forward))
        return result

    def late_order(
        self, late: list[UnionModel | AliasModel]
    ) -> list[tuple[UnionModel | AliasModel, frozenset[str]]]:
        """Unions and aliases are evaluated at import, after every class: each goes after the
        unions and aliases it names. Where they form a cycle, one of them goes first and names
        the ones not yet defined as strings (forward references); those are returned with it."""
        names = {m.name for m in late}
        deps: dict[str, set[str]] = {}
        for m in late:
            refs: set[str] = set()
            for t in m.variants if isinstance(m, UnionModel) else (m.target,):
                refs.update(type_refs(t))
            deps[m.name] = refs & names
        done: set[str] = set()
        order: list[tuple[UnionModel | AliasModel, frozenset[str]]] = []
        pending = sorted(late, key=lambda m: self.classes[m.name])
        while pending:
            ready = [m for m in pending if deps[m.name] <= done]
            if ready:
                for m in ready:
                    order.append((m, frozenset()))
                    done.add(m.name)
            else:
                first = pending[0]
                order.append((first, frozenset(deps[first.name] - done)))
                done.add(first.name)
            pending = [m for m in pending if m.name not in done]
        return order

    def public_names(self, blocks: list[Block]) -> list[str]:
        names = [b.name for b in blocks]
        names += [self.functions[m.name] for m in self.models.models if isinstance(m, UnionModel)]
        names += [self.to_json_name(m) for m in self.models.models if isinstance(m, UnionModel)]
        return sorted(names)


_PRIMITIVE_TYPES: dict[tuple[str, str | None], str] = {
    ("string", "date-time"): "_dt.datetime",
    ("string", "date"): "_dt.date",
    ("string", "uuid"): "_uuid.UUID",
}
_KIND_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "any": "_t.Any",
}
_PRIMITIVE_DECODERS: dict[tuple[str, str | None], str] = {
    ("string", "date-time"): "_rt.decode_datetime",
    ("string", "date"): "_rt.decode_date",
    ("string", "uuid"): "_rt.decode_uuid",
}
_KIND_DECODERS = {
    "string": "_rt.decode_str",
    "integer": "_rt.decode_int",
    "number": "_rt.decode_float",
    "boolean": "_rt.decode_bool",
    "any": "_rt.decode_any",
}


def _forward(expr: Expr, names: set[str]) -> Expr:
    """``expr`` with the given names as strings (forward references), spelled so that it
    still evaluates at import: a union holding a string becomes ``_t.Union[...]``."""
    if not names:
        return expr
    if isinstance(expr, Atom):
        return Atom(py_str(expr.text)) if expr.text in names else expr
    if isinstance(expr, BitOr):
        parts = tuple(_forward(p, names) for p in expr.parts)
        if any(isinstance(p, Atom) and p.text.startswith('"') for p in parts):
            return Call("_t.Union", parts, square=True)
        return BitOr(parts)
    if isinstance(expr, Call):
        return Call(
            expr.func, tuple(_forward(a, names) for a in expr.args), expr.square, expr.magic
        )
    return expr


def _union(expr: Expr, extra: Expr) -> Expr:
    parts = expr.parts if isinstance(expr, BitOr) else (expr,)
    if render(extra) in {render(p) for p in parts}:
        return expr
    return BitOr((*parts, extra))


def _literal_of(const: Const | None) -> str | None:
    """The ``Literal[...]`` argument for a const property: strings, integers and booleans."""
    if const is None or isinstance(const.value, float) or const.value is None:
        return None
    if isinstance(const.value, int) and not -(2**63) <= const.value < 2**63:
        return None  # mypy cannot type Literal integers beyond 64 bits
    if isinstance(const.value, (str, int, bool)):
        return py_literal(const.value)
    return None


def _enum_kinds(model: EnumModel) -> list[str]:
    kinds: list[str] = []
    values: list[object] = [v.value for v in model.values or () if v.value is not None]
    if not values:
        values = [{"string": "", "integer": 0, "number": 0.0, "boolean": False}[model.base]]
    for value in values:
        kind = type(value).__name__
        if kind not in kinds:
            kinds.append(kind)
    if "float" in kinds and "int" not in kinds:
        kinds.append("int")
    return kinds


def _check_enum_values(model: EnumModel, values: list[object]) -> None:
    seen: dict[object, object] = {}
    for value in values:
        if isinstance(value, float) and not math.isfinite(value):
            raise ModelgenError(
                f"enum {model.name!r}: value {value!r} cannot be a Python enum value",
                model.source,
            )
        if value in seen and type(seen[value]) is not type(value):
            raise ModelgenError(
                f"enum {model.name!r}: values {seen[value]!r} and {value!r} are equal in Python"
                " and would collapse into one member",
                model.source,
            )
        if value in seen:
            raise ModelgenError(f"enum {model.name!r}: duplicate value {value!r}", model.source)
        seen[value] = value


def _assignment(indent: str, name: str, value: str) -> list[str]:
    """``NAME = "literal"``: black wraps a long literal in parentheses when that makes it fit."""
    line = f"{indent}{name} = {value}"
    if len(line) <= 88:
        return [line]
    inner = f"{indent}    {value}"
    if len(inner) <= 88:
        return [f"{indent}{name} = (", inner, f"{indent})"]
    return [line]


def _constraints_text(c: Constraints) -> str:
    parts: list[str] = []
    for key in (
        "minimum",
        "maximum",
        "multiple_of",
        "min_length",
        "max_length",
        "pattern",
        "min_items",
        "max_items",
        "min_properties",
        "max_properties",
    ):
        value = getattr(c, key)
        if value is not None:
            label = key.replace("_", " ")
            if key == "minimum" and c.exclusive_minimum:
                label = "exclusive minimum"
            if key == "maximum" and c.exclusive_maximum:
                label = "exclusive maximum"
            parts.append(f"{label} {_json_text(value)}")
    if c.unique_items:
        parts.append("unique items")
    return ", ".join(parts)


def _field_doc(f: Field, ident: str) -> str:
    parts: list[str] = []
    if f.description:
        parts.append(f.description.strip())
    notes: list[str] = []
    if f.name != ident:
        notes.append(f"JSON name: {_json_text(f.name)}.")
    if f.default is not None:
        notes.append(f"Default: {_json_text(f.default.value)} (absent stays absent).")
    constraints = _constraints_text(f.constraints)
    if constraints:
        notes.append(f"Constraints: {constraints}.")
    if f.read_only:
        notes.append("Read-only.")
    if f.write_only:
        notes.append("Write-only.")
    if f.deprecated:
        notes.append("Deprecated.")
    if notes:
        parts.append(" ".join(notes))
    return "\n".join(parts)


def _model_doc(description: str | None, deprecated: bool, schema_name: str, ident: str) -> str:
    text = clean_text(description or "").strip() or f"The {schema_name} schema."
    if deprecated:
        text += "\n\nDeprecated."
    if schema_name != ident:
        text += f"\n\nSchema name: {_json_text(schema_name)}."
    return text


def header(models: ModelSet) -> str:
    title = " ".join(clean_text(models.title or PurePath(models.source.file).name).split())
    version = " ".join(clean_text(models.version or "").split())
    what = f"{title} {version}".strip()
    safe = "".join(c if c.isprintable() else "?" for c in what)
    return (
        f"# Generated by modelgen from the schema {safe!r}.\n"
        "# Do not edit: changes are lost when the code is regenerated."
    )


def class_names(models: ModelSet) -> dict[str, str]:
    """Schema name -> the Python name of its class or alias."""
    return dict(_Emitter(models).classes)


def decoder_sources(models: ModelSet) -> dict[str, str]:
    """Schema name -> the Python expression (in the generated ``models`` module) that decodes
    that model: a callable ``(data, where) -> value``."""
    emitter = _Emitter(models)
    return {m.name: render(emitter.decoder(Ref(m.name))) for m in models.models}


def emit(models: ModelSet, options: PythonOptions) -> Emitted:
    package = package_name(models, options)
    emitter = _Emitter(models)
    blocks = emitter.blocks()
    head = header(models)
    public = emitter.public_names(blocks)
    title = " ".join(clean_text(models.title or "the schema").split())
    all_lines = lay_out(
        "", "__all__ = ", Call("", tuple(Atom(py_str(n)) for n in public), square=True, magic=True)
    )
    runtime_names = ["UNSET", "DecodeError", "Unset", "is_known", "to_json"]
    init_all = lay_out(
        "",
        "__all__ = ",
        Call(
            "",
            tuple(Atom(py_str(n)) for n in sorted(runtime_names + public)),
            square=True,
            magic=True,
        ),
    )
    models_doc = docstring(f"Models for {title}, generated by modelgen.\n\n" + _MODULE_NOTES, "")
    init_doc = docstring(f"Models for {title}, generated by modelgen.", "")
    files = {
        f"{package}/__init__.py": render_template(
            TEMPLATES, "__init__.py.jinja", header=head, doc=init_doc, all_lines=init_all
        ),
        f"{package}/_runtime.py": render_template(TEMPLATES, "_runtime.py.jinja", header=head),
        f"{package}/models.py": render_template(
            TEMPLATES,
            "models.py.jinja",
            header=head,
            doc=models_doc,
            all_lines=all_lines,
            blocks=blocks,
        ),
        f"{package}/py.typed": render_template(TEMPLATES, "py.typed.jinja", header=head),
    }
    return Emitted(files)


_MODULE_NOTES = """\
Decoding: ``Model.from_dict(data)`` checks JSON types and raises ``DecodeError`` naming the
path of a wrong or missing value; ``model.to_dict()`` gives the JSON data back.

Absent and null differ: an optional property that is absent is ``UNSET`` (falsy), JSON null
is ``None`` and only typed where the schema allows it. Spec defaults are documented on each
field and not filled in, so an absent property stays absent when re-encoded.

``date-time``, ``date`` and ``uuid`` values decode to datetime, date and UUID objects that
remember their JSON text and re-encode to it exactly; ``byte`` stays base64 text.

Properties the schema does not name are kept in ``additional_properties`` (unless the schema
closes the object). Enum values the schema does not list decode to pseudo-members that keep
the value. Tagged unions dispatch on their tag; untagged ones take the first variant, in
schema order, that decodes and re-encodes to exactly the input."""
