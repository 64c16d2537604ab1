"""The Python emitter: frozen, slotted, keyword-only dataclasses with ``from_dict``/``to_dict``,
``enum.Enum`` classes with an unknown-value fallback, and tagged unions with a dispatching
decoder.

The flow is declarations -> view models -> templates: ``declarations.py`` decides what each
model declares (names from ``names.py``, types from ``typemap.py``); :class:`Plan` turns those
declarations into the view models of ``views.py`` (escaped text from ``escaping.py``,
statements laid out by ``layout.py``); :func:`render_files` hands them to the templates in
``templates/``, which only lay them out. :func:`emit` returns the files with the symbol table
and the public-API listing, both read off the declarations, which is all :func:`listing`
builds.

Output: one package ``<package>/`` holding ``__init__.py`` (the public names), ``models.py``
(every model, one module so that recursion and unions need nothing but forward references),
``_runtime.py`` (the ``UNSET`` sentinel, JSON type checks, the encoder) and ``py.typed``. A big
schema gets ``models/`` instead of ``models.py``: one module per home, lazy ``__init__``
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
    Model,
    ModelSet,
    Ref,
    variant_tags,
)
from generator.targets import Emitted
from generator.targets.python import PythonOptions, modules
from generator.targets.python.api import declared_listing
from generator.targets.python.declarations import (
    AliasDecl,
    Declaration,
    Declarations,
    EnumDecl,
    ExtrasDecl,
    FieldDecl,
    MemberDecl,
    ObjectDecl,
    UnionDecl,
)
from generator.targets.python.doc_text import (
    ENUM_NOTE,
    constraints_text,
    field_doc,
    header,
    model_doc,
    models_doc,
    package_doc,
)
from generator.targets.python.escaping import comment, docstring, py_str
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
    INIT_FILE,
    MODELS_FILE,
    NULLABLE,
    OPTIONAL,
    REQUIRED,
    RUNTIME_EXPORTS,
    RUNTIME_FILE,
    TAGGED,
    TYPED_FILE,
)
from generator.targets.python.names import (
    package_name,
)
from generator.targets.python.typemap import (
    NONE,
)
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
    "definition.py.jinja": {"model": Definition},  # the macro choosing one of the four above
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
SELF = Atom("_t.Self")  # what ``from_dict`` returns


class Plan:
    """The view models of one model set, built from its declarations (``declarations.py``)."""

    def __init__(self, models: ModelSet) -> None:
        self.declared = Declarations(models)
        self.models = models
        self.by_name = self.declared.by_name
        self.names = self.declared.names
        self.classes = self.declared.classes
        self.types = self.declared.types
        # a field's code but its comment (:meth:`field_code`), which recurs
        self.fields: dict[tuple[str, str, int], tuple[Atom, str, str, str, str]] = {}
        # a field's view and wire literal (:meth:`field_view`), by its code's key and its doc
        self.field_views: dict[tuple[str, str, int, str], tuple[FieldView, Atom]] = {}
        # an open object's field of unnamed properties: its fitted declaration, its ``put``
        # and the decoder of its values
        self.extras: dict[ExtrasDecl, tuple[str, str, Expr]] = {}
        # an enum member's view (:meth:`member_view`), by its name, literal and description
        self.members: dict[tuple[str, str, str | None], MemberView] = {}
        # the fitted ``#:`` comments and docstrings of spec text, which recurs too (a property
        # documented alike in many models): (text, indent) -> fitted text
        self.comments: dict[tuple[str, str], str] = {}
        self.docstrings: dict[tuple[str, str], str] = {}

    def comment(self, text: str, indent: str) -> str:
        """``text`` as ``#:`` comment lines, fitted at ``indent``."""
        found = self.comments.get((text, indent))
        if found is None:
            found = self.comments[(text, indent)] = fitted(comment(text, indent), indent)
        return found

    def docstring(self, text: str, indent: str) -> str:
        """``text`` as a docstring, fitted at ``indent``."""
        found = self.docstrings.get((text, indent))
        if found is None:
            found = self.docstrings[(text, indent)] = fitted(docstring(text, indent), indent)
        return found

    # objects ------------------------------------------------------------------------------

    def object_view(self, declared: ObjectDecl) -> ObjectView:
        model, name = declared.model, declared.name
        fields: list[FieldView] = []
        wires: list[Atom] = []  # the wire names as literals
        for d in declared.fields:
            view, wire = self.field_view(d)
            fields.append(view)
            wires.append(wire)
        extras: ExtrasView | None = None
        closed_check = ""
        if declared.extras is None:
            check = Call(CLOSED, (D, WHERE, *wires))
            closed_check = fit(METHOD_BODY, "", check)
        else:
            extras = self.extras_view(declared.extras, wires)
        where = f"where: str = {py_str(name)}"
        doc = model_doc(model.description, model.deprecated, model.name, name)
        return ObjectView(
            name=name,
            schema_name=model.name,
            base=declared.base,
            header=_class_header(name, declared.base),
            docstring=self.docstring(doc, CLASS_BODY),
            fields=tuple(fields),
            extras=extras,
            from_dict=fitted(
                signature(CLASS_BODY, "from_dict", ["cls", "data: object", where], SELF),
                CLASS_BODY,
            ),
            closed_check=closed_check,
        )

    def field_view(self, declared: FieldDecl) -> tuple[FieldView, Atom]:
        """A field's view and its wire name as a literal. A field's view is decided by what
        decides its code (:meth:`field_code`) and by its documentation, alike in many models,
        so it is made once per such key."""
        f, ident = declared.field, declared.name
        doc = field_doc(f, ident)
        key = (ident, f.name, declared.type_key, doc)
        found = self.field_views.get(key)
        if found is None:
            wire, annotation, declaration, argument, put = self.field_code(declared)
            view = FieldView(
                name=ident,
                wire=f.name,
                wire_literal=wire.text,
                annotation=annotation,
                default=declared.default,
                comment=self.comment(doc, CLASS_BODY),
                declaration=declaration,
                argument=argument,
                put=put,
            )
            found = self.field_views[key] = (view, wire)
        return found

    def field_code(self, declared: FieldDecl) -> tuple[Atom, str, str, str, str]:
        """A field's code but its comment: its wire name as a literal, its annotation on one
        line, its declaration, its keyword argument of ``cls(...)`` in ``from_dict`` (its
        decoding) and its statement in ``to_dict``. Fields recur (the same property in many
        models), and these are decided by the field's names and by what decides its type
        (``Declarations.field_types``), so they are made once per such key."""
        f, ident = declared.field, declared.name
        key = (ident, f.name, declared.type_key)
        found = self.fields.get(key)
        if found is None:
            wire = Atom(py_str(f.name))
            decode: Expr
            if declared.literal is not None:
                decode = Call("_rt.literal", (Atom(declared.literal),))
            else:
                decode = self.types.decoder(f.type)
            if declared.nullable:
                decode = Call(NULLABLE, (decode,))
            how = REQUIRED if f.required else OPTIONAL
            put = Call("_rt.put", (OUT, wire, Atom(f"self.{ident}")))
            found = self.fields[key] = (
                wire,
                render(declared.annotation),
                fitted(
                    annotated(CLASS_BODY, ident, declared.annotation, declared.default), CLASS_BODY
                ),
                _argument(Keyword(ident, Call(how, (D, wire, decode, WHERE)))),
                fit(METHOD_BODY, "", put),
            )
        return found

    def extras_view(self, declared: ExtrasDecl, wires: list[Atom]) -> ExtrasView:
        name = declared.name
        found = self.extras.get(declared)
        if found is None:  # the same in most open objects
            put = Call("out.update", (Call("_rt.to_json", (Atom(f"self.{name}"),)),))
            declaration = annotated(CLASS_BODY, name, declared.annotation, declared.default)
            found = self.extras[declared] = (
                fitted(declaration, CLASS_BODY),
                fit(METHOD_BODY, "", put),
                self.types.decoder(declared.value_type),
            )
        decode = Call("_rt.extras", (D, found[2], WHERE, *wires))
        return ExtrasView(
            name=name,
            annotation=render(declared.annotation),
            default=declared.default,
            declaration=found[0],
            argument=_argument(Keyword(name, decode)),
            put=found[1],
        )

    # enums --------------------------------------------------------------------------------

    def enum_view(self, declared: EnumDecl) -> EnumView:
        model, name = declared.model, declared.name
        members = tuple(self.member_view(m) for m in declared.members)
        doc = model_doc(model.description, model.deprecated, model.name, name)
        returns = BitOr((Atom(name), NONE))
        return EnumView(
            name=name,
            schema_name=model.name,
            base=declared.base,
            header=_class_header(name, declared.base),
            docstring=self.docstring(f"{doc}\n\n{ENUM_NOTE}", CLASS_BODY),
            members=members,
            missing=fitted(
                signature(CLASS_BODY, "_missing_", ["cls", "value: object"], returns), CLASS_BODY
            ),
        )

    def member_view(self, declared: MemberDecl) -> MemberView:
        """An enum member's view, decided by its name, its value's literal (which gives the
        value) and its description; members recur (the same values in many enums), so it is
        made once per such key."""
        v = declared.value
        key = (declared.name, declared.literal, v.description)
        found = self.members.get(key)
        if found is None:
            found = self.members[key] = MemberView(
                name=declared.name,
                value=declared.literal,
                value_repr=repr(v.value),
                comment=self.comment(v.description, CLASS_BODY) if v.description else "",
                assignment=fitted(
                    _assignment(CLASS_BODY, declared.name, declared.literal), CLASS_BODY
                ),
            )
        return found

    # aliases and unions -------------------------------------------------------------------

    def alias_view(self, declared: AliasDecl) -> AliasView:
        model, name = declared.model, declared.name
        doc = model_doc(model.description, model.deprecated, model.name, name)
        notes = constraints_text(model.constraints)
        if notes:
            doc += f"\n\nConstraints: {notes}."
        return AliasView(
            name=name,
            schema_name=model.name,
            annotation=render(declared.annotation),
            explicit=declared.explicit,
            comment=self.comment(doc, ""),
            statement=fitted(alias(name, declared.annotation, declared.explicit), ""),
        )

    def union_view(self, declared: UnionDecl) -> UnionView:
        model, name = declared.model, declared.name
        decoder, encoder = declared.decoder, declared.encoder
        if model.discriminator is not None:
            tags = dict(variant_tags(model, self.by_name.get))
            pairs: list[Expr] = []
            for variant in declared.variants:
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
            decoders = [self.types.decoder(v) for v in declared.variants]
            call = Call("_rt.untagged", (DATA, WHERE, *decoders), magic=True)
            how = (
                "Tries the variants in schema order: the first that accepts the input exactly\n"
                "(no unknown enum value, no undeclared property, re-encodes to the input) wins,\n"
                "else the first that decodes."
            )
        doc = model_doc(model.description, model.deprecated, model.name, name)
        params = ["data: object", f"where: str = {py_str(name)}"]
        body = fit(CLASS_BODY, "return ", Call(CAST, (Atom(name), call)))
        decoder_doc = docstring(f"Decodes a {name} from JSON data.\n\n{how}", CLASS_BODY)
        encoder_doc = docstring(f"Encodes a {name} to JSON data.", CLASS_BODY)
        return UnionView(
            name=name,
            schema_name=model.name,
            annotation=render(declared.annotation),
            explicit=declared.explicit,
            comment=self.comment(doc, ""),
            statement=fitted(alias(name, declared.annotation, declared.explicit), ""),
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

    # the module ---------------------------------------------------------------------------

    def view(self, declared: Declaration) -> Definition:
        """The view model of one declaration."""
        if isinstance(declared, ObjectDecl):
            return self.object_view(declared)
        if isinstance(declared, EnumDecl):
            return self.enum_view(declared)
        if isinstance(declared, UnionDecl):
            return self.union_view(declared)
        return self.alias_view(declared)

    def definitions(self, subset: Sequence[Model] | None = None) -> list[Definition]:
        """The view models of the declarations of ``subset`` (all models by default), in their
        order (:meth:`Declarations.declarations`)."""
        return [self.view(d) for d in self.declared.declarations(subset)]

    def package(self, name: str, declared: Sequence[Declaration] | None = None) -> Package:
        """The package of one ``models.py`` holding ``declared``, the declarations of all
        models (made here when not given)."""
        if declared is None:
            declared = self.declared.declarations()
        definitions = tuple(self.view(d) for d in declared)
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


def _argument(keyword: Keyword) -> str:
    return fit(ARGUMENT, "", keyword, ",")


def _class_header(name: str, base: str) -> str:
    line = f"class {name}({base}):"
    if len(line) <= LINE_LENGTH:
        return line
    return fit("", "", Call(f"class {name}", (Atom(base),)), ":") + ":"


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
    name = package_name(models, options)
    grouped, declared = _declare(plan.declared)
    symbols = plan.declared.symbols(declared)
    if grouped is not None:  # a big schema: one module per home (modules.py)
        split = modules.split_package(plan, name, grouped, symbols)
        files = modules.render_split(split, templates)
        return Emitted(files=files, symbols=symbols, listed=lambda: declared_listing(declared))
    files = render_files(plan.package(name, declared), templates)
    line_length = _line_length(options)
    formatter = check_formatter(options.formatter or "auto")
    if needs_black(formatter, line_length, custom_templates=templates != TEMPLATES):
        files = format_files(files, line_length)
    return Emitted(files=files, symbols=symbols, listed=lambda: declared_listing(declared))


def listing(models: ModelSet, options: PythonOptions) -> Emitted:
    """The symbols and public-API listing :func:`emit` gives for ``models``, from the models'
    declarations alone: no view model, no file (diff's code verdicts need no more)."""
    declarations = Declarations(models)
    declared = _declare(declarations)[1]
    return Emitted(
        files={}, symbols=declarations.symbols(declared), listed=declared_listing(declared)
    )


def _declare(
    declarations: Declarations,
) -> tuple[list[modules.Group] | None, list[Declaration]]:
    """The declarations of every model, in the order of the files: per model group for a big
    schema (the groups are returned too; ``modules.py``), else in the one ``models.py``."""
    if not modules.is_split(declarations.models):
        return None, declarations.declarations()
    grouped = modules.grouped(declarations)
    return grouped, [d for group in grouped for d in group.declared]


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
