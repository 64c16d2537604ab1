"""The intermediate model (IR): what every source produces and every target, parity check and
diff consumes. ``model`` defines the frozen dataclasses, ``query`` the questions asked of them
(each defined once), ``check`` the checks a model set must pass before code is generated.

Everything here depends on nothing else in modelgen.
"""

from generator.ir.model import (
    ANY,
    FACETS,
    NO_CONSTRAINTS,
    NO_SOURCE,
    AliasModel,
    Const,
    Constraints,
    Diagnostic,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    JsonValue,
    ListOf,
    MapOf,
    Model,
    ModelSet,
    Nullable,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    Ref,
    Source,
    TypeRef,
    UnionModel,
)
from generator.ir.query import model_refs, type_refs

__all__ = [
    "ANY",
    "FACETS",
    "NO_CONSTRAINTS",
    "NO_SOURCE",
    "AliasModel",
    "Const",
    "Constraints",
    "Diagnostic",
    "Discriminator",
    "EnumModel",
    "EnumValue",
    "Field",
    "JsonValue",
    "ListOf",
    "MapOf",
    "Model",
    "ModelSet",
    "Nullable",
    "ObjectModel",
    "Primitive",
    "PrimitiveKind",
    "Ref",
    "Source",
    "TypeRef",
    "UnionModel",
    "model_refs",
    "type_refs",
]
