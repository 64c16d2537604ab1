"""The view models the Dart templates receive: frozen dataclasses holding every decision already
made (names, type spellings, escaped literals, Dart expressions, and which layout fits in 80
columns). A template loops over them and lays the code out; it decides nothing.

Each declaration view names the template that lays it out (``template``), which receives the
view as ``b``; every part file is ``part.dart.jinja`` (its opening lines) followed by that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal


@dataclass(frozen=True, slots=True)
class DartExpr:
    """A Dart expression as the value of a named argument (``label: expr,``). A conditional
    (``test ? then : other``) that does not fit on its line is laid out over three lines,
    split before ``?`` and ``:`` (``split``), as ``dart format`` does."""

    text: str  # the whole expression on one line
    test: str = ""  # for a conditional: its parts
    then: str = ""
    other: str = ""
    split: bool = False


@dataclass(frozen=True, slots=True)
class DartField:
    """A field of an object class, and every place it appears in the class."""

    name: str
    wire: str  # Dart literal of the JSON key
    type: str  # the declared type
    nullable: bool  # the declared type admits null (``copyWith`` then takes a function)
    required: bool  # a ``required`` constructor parameter
    default: str  # the constructor parameter's default ("" for none)
    decode: DartExpr  # the value of ``fromJson``'s argument for this field
    guard: str  # the condition under which ``toJson`` writes the key ("" for always)
    encode: str  # the JSON value ``toJson`` writes
    encode_split: bool  # the ``toJson`` entry goes on two lines: ``if (guard)``, then the entry
    copy_split: bool  # ``copyWith``'s conditional argument goes on three lines
    deep: bool  # ``==`` and ``hashCode`` compare it deeply (lists, maps, ``Present``)
    doc: tuple[str, ...]  # ``///`` lines
    deprecated: bool


# How ``final class X implements A, B {`` is laid out: on one line; with the implements clause
# on the next line; or with one supertype per line.
HeaderLayout = Literal["one_line", "implements_below", "one_per_line"]


@dataclass(frozen=True, slots=True)
class DartObject:
    """An object model: a ``final class`` with JSON, ``copyWith``, ``==`` and ``toString``."""

    template: ClassVar[str] = "object.dart.jinja"
    name: str
    doc: tuple[str, ...]
    deprecated: bool
    annotation: str  # @FromSchema(...): what the code reader reads back
    implements: tuple[str, ...]  # the families (sealed classes) the class belongs to
    header: HeaderLayout
    from_json_split: bool  # ``fromJson``'s parameter goes on a line of its own
    fields: tuple[DartField, ...]
    to_string: tuple[str, ...]  # the contents of toString's adjacent string literals
    to_string_split: bool  # toString's body goes below ``=>``, one literal per line


@dataclass(frozen=True, slots=True)
class DartEnumMember:
    name: str
    literal: str  # the Dart literal of the wire value
    doc: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DartEnum:
    """An enum model: an enhanced enum, the sealed ``XValue`` it implements and ``XUnknown``."""

    template: ClassVar[str] = "enum.dart.jinja"
    name: str
    doc: tuple[str, ...]
    deprecated: bool
    annotation: str
    value_class: str
    unknown_class: str
    value_type: str  # the Dart type of the wire values
    unknown_cast: str  # how fromJson reads a value that is not a member
    members: tuple[DartEnumMember, ...]
    from_json_split: bool  # ``fromValue(json) ??`` and the fallback on lines of their own


@dataclass(frozen=True, slots=True)
class DartCase:
    """A discriminator value and the class whose ``fromJson`` reads it."""

    literal: str
    target: str


@dataclass(frozen=True, slots=True)
class DartFamily:
    """A discriminated union of object models: a sealed class its variants implement."""

    template: ClassVar[str] = "family.dart.jinja"
    name: str
    doc: tuple[str, ...]
    deprecated: bool
    annotation: str
    unknown_class: str
    property: str  # Dart literal of the discriminator key
    cases: tuple[DartCase, ...]  # the tag values exactly one variant carries
    # (Dart literal of the variant's constant tag, or null; its class), tried in this order
    # when no variant carries the tag alone
    variants: tuple[tuple[str, str], ...]
    from_json_split: bool


@dataclass(frozen=True, slots=True)
class DartVariant:
    """A variant class of a wrapper union, holding one value of ``type``."""

    name: str
    type: str
    encode: str  # the JSON of ``value``
    deep: bool  # ``==`` and ``hashCode`` compare ``value`` deeply


@dataclass(frozen=True, slots=True)
class DartWrappedCase:
    """A discriminator value of a wrapper union: ``variant(type.fromJson(json))``."""

    literal: str
    variant: str
    type: str


# How ``fromJson`` recognises a variant: ``any`` takes every value; ``is`` tests ``json is T``
# (``check``) and wraps ``value``; ``date_time`` a string DateTime parses; ``enum`` a member of
# the enum class ``value``; ``try`` decodes with ``value`` and goes on when that throws.
AttemptKind = Literal["any", "is", "date_time", "enum", "try"]


@dataclass(frozen=True, slots=True)
class DartAttempt:
    kind: AttemptKind
    variant: str  # the variant class it returns
    check: str = ""  # for ``is``: the test
    value: str = ""  # for ``is`` and ``try``: the wrapped expression; for ``enum``: the enum


@dataclass(frozen=True, slots=True)
class DartWrapper:
    """Any other union: a sealed class with one subclass per variant."""

    template: ClassVar[str] = "wrapper.dart.jinja"
    name: str
    doc: tuple[str, ...]
    deprecated: bool
    annotation: str
    variants: tuple[DartVariant, ...]
    property: str  # Dart literal of the discriminator key ("" for none)
    cases: tuple[DartWrappedCase, ...]  # tried before the attempts
    attempts: tuple[DartAttempt, ...]  # in spec order, up to the first that takes anything
    total: bool  # a variant accepts anything, so fromJson never fails
    ranked: bool  # an attempt may read the JSON without writing it back: keep the first
    from_json_split: bool
    throw_split: bool  # ``throw FormatException(`` with each argument on a line of its own


@dataclass(frozen=True, slots=True)
class DartAlias:
    """A ``typedef``: an alias, an enum without spellable values, an empty union."""

    template: ClassVar[str] = "alias.dart.jinja"
    name: str
    doc: tuple[str, ...]
    deprecated: bool
    annotation: str
    target: str


Declaration = DartObject | DartEnum | DartFamily | DartWrapper | DartAlias


@dataclass(frozen=True, slots=True)
class DartPart:
    """One part file: the declarations generated for the models of one home
    (``ir.query.homes``: a model, or models that refer to one another, and the models only
    they use), the owners first."""

    path: str  # relative to the package root
    uri: str  # as the library's ``part`` directive names it
    declarations: tuple[Declaration, ...]


@dataclass(frozen=True, slots=True)
class DartLibrary:
    """The library file: its doc comment and its parts."""

    doc: tuple[str, ...]
    parts: tuple[str, ...]  # part URIs, the support part first
