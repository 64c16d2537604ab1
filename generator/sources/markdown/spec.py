"""``--spec``: filling what markdown docs cannot say from the spec they were generated from.

For every documented model the spec also has (same name), the spec supplies what the table
cannot state: nullability, formats, enum values, constraints, write-only and deprecated flags,
composition (a table the spec says is a union becomes that union, with a ``flattened-union``
warning), and the wire names of fields the docs show under language names (Dart's
``eventId``). The docs keep what they state: which fields exist, required-ness, defaults,
read-only flags and descriptions. Where the two disagree on a field's type the docs' type is
kept and a ``spec-mismatch`` warning names both. Spec models the merged ones refer to (inline
enums the docs spell as ``string``, union variants) are added.
"""

from __future__ import annotations

from dataclasses import replace

from generator.errors import ModelgenError
from generator.ir import (
    AliasModel,
    Diagnostic,
    EnumModel,
    Field,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    ObjectModel,
    Primitive,
    Ref,
    Source,
    TypeRef,
    UnionModel,
    closure,
    edges,
    type_text,
)
from generator.sources import LoadOptions
from generator.sources.markdown.dialects import Dialect


def merge_spec(
    docs: ModelSet, options: LoadOptions, dialect: Dialect
) -> tuple[ModelSet, list[Diagnostic], frozenset[str]]:
    """The merged set, its warnings, and the names of the docs models the spec settled (the
    flattened-union heuristics need not look at those)."""
    from generator.sources import load

    assert options.spec is not None
    spec = load(options.spec, replace(options, spec=None))
    if "nullable" not in spec.knows:
        raise ModelgenError(
            "--spec must be an OpenAPI document, not more docs", Source(str(options.spec))
        )
    spec_models = spec.by_name()
    diagnostics: list[Diagnostic] = []
    merged: dict[str, Model] = {}
    settled: set[str] = set()
    renamed: list[str] = []
    for model in docs.models:
        found = spec_models.get(model.name)
        if found is None:
            merged[model.name] = model
            continue
        settled.add(model.name)
        if not isinstance(model, ObjectModel):
            # an enum or union doc: the spec says all it says, and more
            merged[model.name] = replace(found, source=model.source, inline=False)
            continue
        if isinstance(found, ObjectModel):
            merged[model.name] = _merge_object(
                model, found, dialect, spec_models, diagnostics, renamed
            )
            continue
        if isinstance(found, UnionModel) and model.fields:
            diagnostics.append(
                Diagnostic(
                    f"{model.name} is a oneOf/anyOf of {len(found.variants)} variants in the"
                    f" spec, flattened into one table of {len(model.fields)} properties by"
                    " OpenAPI Generator; loaded as the spec's union",
                    model.source,
                    "flattened-union",
                )
            )
        elif model.fields:
            diagnostics.append(
                Diagnostic(
                    f"{model.name} is a {found.kind} in the spec but its docs list properties;"
                    " loaded as the spec's model",
                    model.source,
                    "spec-mismatch",
                )
            )
        # documented: a class the docs name, whatever the spec's origin (Model.inline)
        merged[model.name] = replace(found, source=model.source, inline=False)
    _add_referenced(merged, spec_models)
    if renamed:
        diagnostics.append(
            Diagnostic(
                f"{len(renamed)} properties refer to an inline model that the docs and the spec"
                f" name differently (OpenAPI Generator's ...Inner, ...AllOf..., reused inline"
                f" schemas); the docs' names are kept: {', '.join(renamed[:5])}"
                + (" ..." if len(renamed) > 5 else ""),
                docs.source,
                "inline-model-names",
            )
        )
    unmatched = len(docs.models) - len(settled)
    knows = docs.knows
    if unmatched:
        diagnostics.append(
            Diagnostic(
                f"{unmatched} of {len(docs.models)} documented models are not in the spec;"
                " what the docs cannot say stays unknown for them",
                docs.source,
                "spec-partial",
            )
        )
    else:
        knows = docs.knows | (spec.knows - {"operations"})
    result = replace(
        docs,
        models=tuple(sorted(merged.values(), key=lambda m: m.name)),
        knows=knows,
        title=docs.title or spec.title,
        version=spec.version,
    )
    return result, diagnostics, frozenset(settled)


def _merge_object(
    doc: ObjectModel,
    spec: ObjectModel,
    dialect: Dialect,
    spec_models: dict[str, Model],
    diagnostics: list[Diagnostic],
    renamed: list[str],
) -> ObjectModel:
    by_name: dict[str, Field] = {}
    for f in spec.fields:
        by_name.setdefault(dialect.display_name(f.name), f)
    for f in spec.fields:
        by_name[f.name] = f  # an exact wire-name match wins
    fields: list[Field] = []
    used: set[str] = set()
    for f in doc.fields:
        s = by_name.get(f.name)
        if s is None:
            diagnostics.append(
                Diagnostic(
                    f"{doc.name}.{f.name} is not a property of {doc.name} in the spec",
                    f.source,
                    "spec-mismatch",
                )
            )
            fields.append(f)
            continue
        used.add(s.name)
        type_ = f.type
        if compatible(f.type, s.type, spec_models):
            type_ = s.type
        elif _renamed_model(f.type, s.type):
            renamed.append(f"{doc.name}.{f.name}")
        else:
            diagnostics.append(
                Diagnostic(
                    f"{doc.name}.{f.name}: the docs say {type_text(f.type)}, the spec says"
                    f" {type_text(s.type)}; the docs' type is kept",
                    f.source,
                    "spec-mismatch",
                )
            )
        fields.append(
            replace(
                s,
                type=type_,
                required=f.required,
                default=f.default if f.default is not None else s.default,
                read_only=f.read_only or s.read_only,
                description=f.description if f.description is not None else s.description,
                source=f.source,
            )
        )
    for s in spec.fields:
        if s.name not in used:
            diagnostics.append(
                Diagnostic(
                    f"{doc.name}.{s.name} is in the spec but not in the docs",
                    doc.source,
                    "spec-mismatch",
                )
            )
    return replace(
        spec,
        fields=tuple(fields),
        description=doc.description if doc.description is not None else spec.description,
        source=doc.source,
        inline=False,  # documented: a class the docs name (Model.inline)
    )


def compatible(doc: TypeRef, spec: TypeRef, spec_models: dict[str, Model]) -> bool:
    """Whether OpenAPI Generator could have written the docs' type for the spec's: the same
    shape, where the docs may lack formats, spell an inline enum as its base type, and spell
    free-form objects and unions as ``object``/``mixed``."""
    if doc == spec:
        return True
    if isinstance(spec, Ref):
        target = spec_models.get(spec.name)
        if isinstance(target, AliasModel) and compatible(doc, target.target, spec_models):
            return True  # OpenAPI Generator spells a named array, map or scalar inline
        if isinstance(target, EnumModel) and isinstance(doc, Primitive):
            return doc.kind == target.base or (doc.kind == "number" and target.base == "integer")
        if isinstance(doc, Ref):
            return doc.name == spec.name
        return doc == Primitive("any") and not isinstance(target, EnumModel)
    if isinstance(doc, Primitive) and isinstance(spec, Primitive):
        return doc.kind == spec.kind or doc.kind == "any"
    if doc == Primitive("any"):
        return isinstance(spec, MapOf | Primitive)
    if isinstance(doc, ListOf) and isinstance(spec, ListOf):
        return compatible(doc.item, spec.item, spec_models)
    if isinstance(doc, MapOf) and isinstance(spec, MapOf):
        return compatible(doc.value, spec.value, spec_models)
    return False


def _renamed_model(doc: TypeRef, spec: TypeRef) -> bool:
    """Both sides refer to a model at the same place, under different names."""
    if isinstance(doc, Ref) and isinstance(spec, Ref):
        return True
    if isinstance(doc, ListOf) and isinstance(spec, ListOf):
        return _renamed_model(doc.item, spec.item)
    if isinstance(doc, MapOf) and isinstance(spec, MapOf):
        return _renamed_model(doc.value, spec.value)
    return False


def _add_referenced(merged: dict[str, Model], spec_models: dict[str, Model]) -> None:
    """Spec models the merged ones refer to and the docs lack (inline enums, variants). A
    union's discriminator mapping is not followed: only what the types refer to is added."""
    graph = edges({**spec_models, **merged}.values(), mapping_targets=False)
    for name in closure(merged, graph) - merged.keys():
        merged[name] = spec_models[name]
