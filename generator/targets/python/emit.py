"""The Python emitter: frozen, slotted, keyword-only dataclasses with ``from_dict``/``to_dict``,
``enum.Enum`` classes with an unknown-value fallback, and tagged unions with a dispatching
decoder.

The flow is plan -> view models -> templates: :class:`Plan` turns the IR into the view models
of ``views.py`` (names from ``names.py``, types from ``typemap.py``, escaped text from
``escaping.py``, statements laid out by ``layout.py``); :func:`render_files` hands them to the
templates in ``templates/``, which only lay them out. :func:`emit` returns the files with the
symbol table and the public-API listing, both read off the view models.

Output: one package ``<package>/`` holding ``__init__.py`` (the public names), ``models.py``
(every model, one module so that recursion and unions need nothing but forward references),
``_runtime.py`` (the ``UNSET`` sentinel, JSON type checks, the encoder) and ``py.typed``. A big
schema gets ``models/`` instead of ``models.py``: one module per model group, lazy ``__init__``
files (``modules.py`` decides which module each model goes to).

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
- Unions follow the one decoding rule of the README (``ir.variant_tags``): a tag value that
  exactly one variant carries (the declared mapping first, then each variant's ``const`` or
  enum values, looking through nested unions) picks it; otherwise, and without a
  discriminator, the first variant in schema order that accepts the input exactly (no
  unknown enum value, no undeclared property, re-encodes to the input) wins, else the first
  that decodes. A union that contains itself is flattened.
- Long lines are split the way black splits them (``layout``), so the output is black-stable
  without running black.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.ir import (
    ANY,
    AliasModel,
    EnumModel,
    Model,
    ModelSet,
    ObjectModel,
    Ref,
    TypeRef,
    UnionModel,
    type_refs,
    variant_tags,
)
from generator.naming import NameAllocator
from generator.targets import Emitted, Symbol
from generator.targets.python import PythonOptions, modules
from generator.targets.python.api import view_listing
from generator.targets.python.doc_text import (
    ENUM_NOTE,
    constraints_text,
    field_doc,
    header,
    model_doc,
    models_doc,
    package_doc,
)
from generator.targets.python.escaping import comment, docstring, py_literal, py_str
from generator.targets.python.formatting import (
    check_formatter,
    check_line_length,
    format_files,
    needs_black,
    project_line_length,
)
from generator.targets.python.layout import (
    INDENT,
    LINE_LENGTH,
    Atom,
    BitOr,
    Call,
    Expr,
    Keyword,
    alias,
    annotated,
    fit,
    fitted,
    render,
    signature,
)
from generator.targets.python.markers import (
    CAST,
    CLOSED,
    ENUM_BASE,
    EXTRAS_DEFAULT,
    INIT_FILE,
    MODEL_BASE,
    MODELS_FILE,
    NULLABLE,
    OPTIONAL,
    REQUIRED,
    RUNTIME_EXPORTS,
    RUNTIME_FILE,
    TAGGED,
    TYPED_FILE,
    UNION,
    UNSET,
    UNSET_TYPE,
)
from generator.targets.python.names import (
    EXTRAS_FIELD,
    RESERVED_FIELDS,
    field_name,
    member_name,
    model_names,
    package_name,
)
from generator.targets.python.typemap import (
    NONE,
    TypeMap,
    check_enum_values,
    literal_of,
    literal_type,
    with_part,
)
from generator.targets.python.unions import variants
from generator.targets.python.views import (
    AliasView,
    Definition,
    EnumView,
    ExtrasView,
    FieldView,
    LazyInit,
    MemberView,
    ModelModule,
    ModelsModule,
    ObjectView,
    Package,
    PackageInit,
    UnionView,
)
from generator.templating import Folders, folder
from generator.templating import render as render_template

TEMPLATES = folder(__file__)

# What each template is given: template -> variable -> its type (for a macro template, the
# macro's parameters). `modelgen templates LANG` documents it; a test checks it against what
# the templates really receive.
CONTEXTS: dict[str, dict[str, object]] = {
    "__init__.py.jinja": {"package": PackageInit},
    "_runtime.py.jinja": {"header": str},
    "models.py.jinja": {"module": ModelsModule},
    "py.typed.jinja": {"header": str},
    "object.py.jinja": {"model": ObjectView},
    "enum.py.jinja": {"model": EnumView},
    "union.py.jinja": {"model": UnionView},
    "alias.py.jinja": {"model": AliasView},
    # the split layout of a big schema (modules.py)
    "lazy_init.py.jinja": {"init": LazyInit},
    "model_module.py.jinja": {"module": ModelModule},
}

# The indentation the default templates give each kind of statement (views.py: "fitted at").
CLASS_BODY = INDENT
METHOD_BODY = INDENT * 2
ARGUMENT = INDENT * 3  # a keyword argument of ``return cls(...)`` inside ``from_dict``

# The local names the templates' ``from_dict``, ``to_dict`` and union decoders use.
D, WHERE, OUT, DATA = Atom("d"), Atom("where"), Atom("out"), Atom("data")


class Plan:
    """The view models of one model set."""

    def __init__(self, models: ModelSet) -> None:
        self.models = models
        self.by_name = models.by_name()
        self.names = model_names(models)
        self.classes = self.names.classes
        self.types = TypeMap(models, self.names)
        self.field_names: dict[str, str] = {}  # wire name -> field_name(): names recur

    def field_name(self, wire: str) -> str:
        found = self.field_names.get(wire)
        if found is None:
            found = self.field_names[wire] = field_name(wire)
        return found

    # objects ------------------------------------------------------------------------------

    def object_view(self, model: ObjectModel) -> ObjectView:
        name = self.classes[model.name]
        allocator = NameAllocator(RESERVED_FIELDS)
        fields: list[FieldView] = []
        wires: list[Atom] = []  # the wire names as literals
        for f in model.fields:
            ident = allocator.allocate(f.name, self.field_name(f.code_name or f.name))
            literal = literal_of(f.const)
            annotation: Expr
            decode: Expr
            if literal is not None:
                annotation = literal_type(literal)
                decode = Call("_rt.literal", (Atom(literal),))
            else:
                annotation = self.types.annotation(f.type)
                decode = self.types.decoder(f.type)
            if self.types.field_nullable(f):
                annotation = with_part(annotation, NONE)
                decode = Call(NULLABLE, (decode,))
            default: str | None = None
            if not f.required:
                annotation = with_part(annotation, Atom(UNSET_TYPE))
                default = UNSET
            elif literal is not None:
                default = literal
            wire = py_str(f.name)
            wire_atom = Atom(wire)
            wires.append(wire_atom)
            how = REQUIRED if f.required else OPTIONAL
            decoding = Keyword(ident, Call(how, (D, wire_atom, decode, WHERE)))
            put = Call("_rt.put", (OUT, wire_atom, Atom(f"self.{ident}")))
            fields.append(
                FieldView(
                    name=ident,
                    wire=f.name,
                    wire_literal=wire,
                    annotation=render(annotation),
                    default=default,
                    comment=fitted(comment(field_doc(f, ident), CLASS_BODY), CLASS_BODY),
                    declaration=fitted(
                        annotated(CLASS_BODY, ident, annotation, default), CLASS_BODY
                    ),
                    argument=_argument(decoding),
                    put=fit(METHOD_BODY, "", put),
                )
            )
        extras: ExtrasView | None = None
        closed_check = ""
        if model.closed:
            check = Call(CLOSED, (D, WHERE, *wires))
            closed_check = fit(METHOD_BODY, "", check)
        else:
            extras = self.extras_view(
                allocator.allocate("\0extras", EXTRAS_FIELD), model.additional or ANY, wires
            )
        where = f"where: str = {py_str(name)}"
        doc = model_doc(model.description, model.deprecated, model.name, name)
        return ObjectView(
            name=name,
            schema_name=model.name,
            base=MODEL_BASE,
            header=_class_header(name, MODEL_BASE),
            docstring=fitted(docstring(doc, CLASS_BODY), CLASS_BODY),
            fields=tuple(fields),
            extras=extras,
            from_dict=fitted(
                signature(CLASS_BODY, "from_dict", ["cls", "data: object", where], Atom("_t.Self")),
                CLASS_BODY,
            ),
            closed_check=closed_check,
        )

    def extras_view(self, name: str, value_type: TypeRef, wires: list[Atom]) -> ExtrasView:
        annotation = Call(
            "_t.Mapping", (Atom("str"), self.types.annotation(value_type)), square=True
        )
        decode = Call("_rt.extras", (D, self.types.decoder(value_type), WHERE, *wires))
        put = Call("out.update", (Call("_rt.to_json", (Atom(f"self.{name}"),)),))
        return ExtrasView(
            name=name,
            annotation=render(annotation),
            default=EXTRAS_DEFAULT,
            declaration=fitted(annotated(CLASS_BODY, name, annotation, EXTRAS_DEFAULT), CLASS_BODY),
            argument=_argument(Keyword(name, decode)),
            put=fit(METHOD_BODY, "", put),
        )

    # enums --------------------------------------------------------------------------------

    def enum_view(self, model: EnumModel) -> EnumView:
        name = self.classes[model.name]
        values = [v for v in model.values or () if v.value is not None]
        check_enum_values(model, [v.value for v in values])
        allocator = NameAllocator()
        members: list[MemberView] = []
        for v in values:
            assert v.value is not None
            member = allocator.allocate(repr(v.value), member_name(v.name or v.value))
            literal = py_literal(v.value)
            notes = comment(v.description, CLASS_BODY) if v.description else []
            members.append(
                MemberView(
                    name=member,
                    value=literal,
                    value_repr=repr(v.value),
                    comment=fitted(notes, CLASS_BODY),
                    assignment=fitted(_assignment(CLASS_BODY, member, literal), CLASS_BODY),
                )
            )
        doc = model_doc(model.description, model.deprecated, model.name, name)
        returns = BitOr((Atom(name), NONE))
        return EnumView(
            name=name,
            schema_name=model.name,
            base=ENUM_BASE,
            header=_class_header(name, ENUM_BASE),
            docstring=fitted(docstring(f"{doc}\n\n{ENUM_NOTE}", CLASS_BODY), CLASS_BODY),
            members=tuple(members),
            missing=fitted(
                signature(CLASS_BODY, "_missing_", ["cls", "value: object"], returns), CLASS_BODY
            ),
        )

    # aliases and unions -------------------------------------------------------------------

    def alias_view(self, model: AliasModel, forward: frozenset[str]) -> AliasView:
        name = self.classes[model.name]
        rhs = self.forward(self.types.annotation(model.target), forward)
        doc = model_doc(model.description, model.deprecated, model.name, name)
        notes = constraints_text(model.constraints)
        if notes:
            doc += f"\n\nConstraints: {notes}."
        explicit = _explicit_alias(name, bool(forward))
        return AliasView(
            name=name,
            schema_name=model.name,
            annotation=render(rhs),
            explicit=explicit,
            comment=fitted(comment(doc, ""), ""),
            statement=fitted(alias(name, rhs, explicit), ""),
        )

    def union_view(self, model: UnionModel, forward: frozenset[str]) -> UnionView:
        name = self.classes[model.name]
        decoder = self.names.decoders[model.name]
        encoder = self.names.encoders[model.name]
        found = variants(self.by_name, model)
        rhs = self.forward(self.union_annotation(found), forward)
        if model.discriminator is not None:
            tags = dict(variant_tags(model, self.by_name.get))
            pairs: list[Expr] = []
            for variant in found:
                decode = self.types.decoder(variant)
                values = tags.get(variant.name, ()) if isinstance(variant, Ref) else ()
                for tag in values or (None,):
                    pairs.append(Call("", (Atom("None" if tag is None else py_str(tag)), decode)))
            prop = model.discriminator.property
            call = Call(TAGGED, (DATA, WHERE, Atom(py_str(prop)), *pairs), magic=True)
            how = (
                f"A value of the property {prop!r} that one variant carries picks it;\n"
                "otherwise the variants are tried in schema order (see ``_runtime.untagged``)."
            )
        else:
            decoders = [self.types.decoder(v) for v in found]
            call = Call("_rt.untagged", (DATA, WHERE, *decoders), magic=True)
            how = (
                "Tries the variants in schema order: the first that accepts the input exactly\n"
                "(no unknown enum value, no undeclared property, re-encodes to the input) wins,\n"
                "else the first that decodes."
            )
        doc = model_doc(model.description, model.deprecated, model.name, name)
        explicit = _explicit_alias(name, bool(forward))
        params = ["data: object", f"where: str = {py_str(name)}"]
        body = fit(CLASS_BODY, "return ", Call(CAST, (Atom(name), call)))
        decoder_doc = docstring(f"Decodes a {name} from JSON data.\n\n{how}", CLASS_BODY)
        encoder_doc = docstring(f"Encodes a {name} to JSON data.", CLASS_BODY)
        return UnionView(
            name=name,
            schema_name=model.name,
            annotation=render(rhs),
            explicit=explicit,
            comment=fitted(comment(doc, ""), ""),
            statement=fitted(alias(name, rhs, explicit), ""),
            decoder=decoder,
            decoder_signature=fitted(signature("", decoder, params, Atom(name)), ""),
            decoder_docstring=fitted(decoder_doc, CLASS_BODY),
            decoder_body=body,
            encoder=encoder,
            encoder_signature=fitted(
                signature("", encoder, [f"value: {name}"], Atom("_t.Any")), ""
            ),
            encoder_docstring=fitted(encoder_doc, CLASS_BODY),
        )

    def union_annotation(self, found: list[TypeRef]) -> Expr:
        parts: list[Expr] = []
        for variant in found:
            expr = self.types.annotation(variant)
            for part in expr.parts if isinstance(expr, BitOr) else (expr,):
                if render(part) not in {render(p) for p in parts}:
                    parts.append(part)
        return parts[0] if len(parts) == 1 else BitOr(tuple(parts))

    def forward(self, expr: Expr, forward: frozenset[str]) -> Expr:
        """``expr`` with the classes of the models ``forward`` as strings (forward
        references)."""
        return _forward(expr, {self.classes[n] for n in forward})

    # the module ---------------------------------------------------------------------------

    def definitions(self, subset: Sequence[Model] | None = None) -> list[Definition]:
        """Enums, then classes (each sorted by name: classes may refer to one another, as
        annotations are not evaluated), then unions and aliases, which are evaluated at import,
        in :meth:`late_order`. ``subset``: the models of one module (``modules.py``), where
        those of the other modules are imported; all by default."""
        models = self.models.models if subset is None else subset
        enums = sorted((m for m in models if isinstance(m, EnumModel)), key=self.class_of)
        objects = sorted((m for m in models if isinstance(m, ObjectModel)), key=self.class_of)
        late = [m for m in models if isinstance(m, (UnionModel, AliasModel))]
        result: list[Definition] = [self.enum_view(m) for m in enums]
        result += [self.object_view(m) for m in objects]
        for model, forward in self.late_order(late):
            if isinstance(model, UnionModel):
                result.append(self.union_view(model, forward))
            else:
                result.append(self.alias_view(model, forward))
        return result

    def class_of(self, model: EnumModel | ObjectModel | UnionModel | AliasModel) -> str:
        return self.classes[model.name]

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
        pending = sorted(late, key=self.class_of)
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

    def package(self, name: str) -> Package:
        definitions = tuple(self.definitions())
        public = [*self.classes.values(), *self.names.decoders.values()]
        public += self.names.encoders.values()
        head = header(self.models)
        return Package(
            name=name,
            header=head,
            models=ModelsModule(
                header=head,
                docstring=fitted(docstring(models_doc(self.models), ""), ""),
                exports=tuple(py_str(n) for n in sorted(public)),
                definitions=definitions,
            ),
            init=PackageInit(
                header=head,
                docstring=fitted(docstring(package_doc(self.models), ""), ""),
                runtime_exports=RUNTIME_EXPORTS,
                exports=tuple(py_str(n) for n in sorted([*RUNTIME_EXPORTS, *public])),
            ),
        )

    def symbols(self, definitions: tuple[Definition, ...]) -> dict[str, tuple[Symbol, ...]]:
        """Schema name -> the names generated for it, its main type first, in model order."""
        found: dict[str, tuple[Symbol, ...]] = {}
        for d in definitions:
            if isinstance(d, ObjectView):
                found[d.schema_name] = (Symbol("class", d.name),)
            elif isinstance(d, EnumView):
                found[d.schema_name] = (Symbol("enum", d.name),)
            elif isinstance(d, UnionView):
                found[d.schema_name] = (
                    Symbol("alias", d.name),
                    Symbol("decoder", d.decoder),
                    Symbol("encoder", d.encoder),
                )
            else:
                found[d.schema_name] = (Symbol("alias", d.name),)
        return {m.name: found[m.name] for m in self.models.models}


def _argument(keyword: Keyword) -> str:
    return fit(ARGUMENT, "", keyword, ",")


def _class_header(name: str, base: str) -> str:
    return fit("", "", Call(f"class {name}", (Atom(base),)), ":") + ":"


def _explicit_alias(name: str, quoted: bool) -> bool:
    """``Name: _t.TypeAlias = ...``; a name too long for that line (over 66 characters)
    makes an implicit alias ``Name = ...``, which type checkers read the same way; a
    quoted (forward-reference) alias must stay explicit."""
    return quoted or len(name) + len(": _t.TypeAlias = (") <= LINE_LENGTH


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
            return Call(UNION, parts, square=True)
        return BitOr(parts)
    if isinstance(expr, Call):
        return Call(
            expr.func, tuple(_forward(a, names) for a in expr.args), expr.square, expr.magic
        )
    return expr


def _assignment(indent: str, name: str, value: str) -> list[str]:
    """``NAME = "literal"``: black wraps a long literal in parentheses when that makes it fit."""
    line = f"{indent}{name} = {value}"
    if len(line) <= LINE_LENGTH:
        return [line]
    inner = f"{indent}{INDENT}{value}"
    if len(inner) <= LINE_LENGTH:
        return [f"{indent}{name} = (", inner, f"{indent})"]
    return [line]


# --- rendering ---------------------------------------------------------------------------


def render_files(package: Package, templates: Folders = TEMPLATES) -> dict[str, str]:
    """The files of ``package``, rendered with the templates in the folder(s) ``templates``."""
    base = package.name
    return {
        f"{base}/{INIT_FILE}": render_template(
            templates, "__init__.py.jinja", package=package.init
        ),
        f"{base}/{RUNTIME_FILE}": render_template(
            templates, "_runtime.py.jinja", header=package.header
        ),
        f"{base}/{MODELS_FILE}": render_template(
            templates, "models.py.jinja", module=package.models
        ),
        f"{base}/{TYPED_FILE}": render_template(templates, "py.typed.jinja", header=package.header),
    }


def emit(models: ModelSet, options: PythonOptions, templates: Folders = TEMPLATES) -> Emitted:
    plan = Plan(models)
    if modules.is_split(models):  # a big schema: one module per model group (modules.py)
        split = modules.split_package(plan, package_name(models, options))
        return Emitted(
            files=modules.render_split(split, templates),
            symbols=plan.symbols(split.definitions),
            api=view_listing(split.definitions),
        )
    package = plan.package(package_name(models, options))
    definitions = package.models.definitions
    files = render_files(package, templates)
    line_length = _line_length(options)
    formatter = check_formatter(options.formatter or "auto")
    if needs_black(formatter, line_length, custom_templates=templates != TEMPLATES):
        files = format_files(files, line_length)
    return Emitted(
        files=files,
        symbols=plan.symbols(definitions),
        api=view_listing(definitions),
    )


def listing(models: ModelSet, options: PythonOptions) -> Emitted:
    """The symbols and public-API listing :func:`emit` gives for ``models``, without rendering
    any file (diff's code verdicts need no more)."""
    plan = Plan(models)
    if modules.is_split(models):
        definitions = modules.split_package(plan, package_name(models, options)).definitions
    else:
        definitions = plan.package(package_name(models, options)).models.definitions
    return Emitted(files={}, symbols=plan.symbols(definitions), api=view_listing(definitions))


def _line_length(options: PythonOptions) -> int:
    """``--line-length``, else the project's (when the output folder is known), else 88."""
    if options.line_length is not None:
        return check_line_length(options.line_length, "--line-length")
    found = project_line_length(options.out) if options.out is not None else None
    return found.line_length if found is not None else LINE_LENGTH


def decoder_sources(models: ModelSet) -> dict[str, str]:
    """Schema name -> the Python expression (in the generated ``models`` module) that decodes
    that model: a callable ``(data, where) -> value``."""
    types = Plan(models).types
    return {m.name: render(types.decoder(Ref(m.name))) for m in models.models}
