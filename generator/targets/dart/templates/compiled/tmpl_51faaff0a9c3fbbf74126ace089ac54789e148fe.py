from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'support.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_present = resolve('present')
    l_0_from_schema = resolve('from_schema')
    pass
    yield '/// A value that is present in the JSON object, possibly as null.\n///\n/// An optional field that may also be null has type `'
    yield str((undefined(name='present') if l_0_present is missing else l_0_present))
    yield '<T?>?`: `null` means\n/// the key is absent, `'
    yield str((undefined(name='present') if l_0_present is missing else l_0_present))
    yield '(null)` means it is present with the value null.\nfinal class '
    yield str((undefined(name='present') if l_0_present is missing else l_0_present))
    yield '<T> {\n  const '
    yield str((undefined(name='present') if l_0_present is missing else l_0_present))
    yield '(this.value);\n\n  final T value;\n\n  @override\n  bool operator ==(Object other) =>\n      other is '
    yield str((undefined(name='present') if l_0_present is missing else l_0_present))
    yield "<T> && _deepEquals(value, other.value);\n\n  @override\n  int get hashCode => _deepHash(value);\n\n  @override\n  String toString() => '"
    yield str((undefined(name='present') if l_0_present is missing else l_0_present))
    yield "($value)';\n}\n\n/// The schema a declaration was generated from, with what Dart types cannot say.\nfinal class "
    yield str((undefined(name='from_schema') if l_0_from_schema is missing else l_0_from_schema))
    yield ' {\n  const '
    yield str((undefined(name='from_schema') if l_0_from_schema is missing else l_0_from_schema))
    yield "(\n    this.name, {\n    this.bases = const [],\n    this.anyOf = false,\n    this.inferredDiscriminator = false,\n    this.nullable = false,\n    this.base,\n  });\n\n  /// The schema's name in the API description.\n  final String name;\n\n  /// The schemas this one extends (allOf).\n  final List<String> bases;\n\n  /// A union that is an anyOf (the variants may overlap) rather than a oneOf.\n  final bool anyOf;\n\n  /// A union whose discriminator was not declared but follows from its variants.\n  final bool inferredDiscriminator;\n\n  /// Whether null is a valid value of the schema itself.\n  final bool nullable;\n\n  /// The declared type of an enum whose values are of several JSON types, or\n  /// whose values are not listed (the enum is then a typedef of its type).\n  final String? base;\n}\n\n/// Whether two JSON-like values are equal, comparing lists and maps by content.\nbool _deepEquals(Object? a, Object? b) {\n  if (identical(a, b)) return true;\n  if (a is List && b is List) {\n    if (a.length != b.length) return false;\n    for (var i = 0; i < a.length; i++) {\n      if (!_deepEquals(a[i], b[i])) return false;\n    }\n    return true;\n  }\n  if (a is Map && b is Map) {\n    if (a.length != b.length) return false;\n    for (final key in a.keys) {\n      if (!b.containsKey(key) || !_deepEquals(a[key], b[key])) return false;\n    }\n    return true;\n  }\n  return a == b;\n}\n\n/// A hash code consistent with [_deepEquals].\nint _deepHash(Object? value) {\n  if (value is List) return Object.hashAll(value.map(_deepHash));\n  if (value is Map) {\n    return Object.hashAllUnordered(\n      value.entries.map((e) => Object.hash(e.key, _deepHash(e.value))),\n    );\n  }\n  return value.hashCode;\n}\n"

blocks = {}
debug_info = '5=14&6=16&7=18&8=20&14=22&20=24&24=26&25=28'