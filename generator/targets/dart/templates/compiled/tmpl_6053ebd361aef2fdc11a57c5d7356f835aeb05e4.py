from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'family.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_b = resolve('b')
    pass
    for l_1_line in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'doc'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'deprecated'):
        pass
        yield "@Deprecated('Deprecated in the API.')\n"
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'annotation'))
    yield '\nsealed class '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield ' {\n  /// The variant whose tag the discriminator holds; see the `default` case for the rest.\n'
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'from_json_split'):
        pass
        yield '  factory '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromJson(\n    Map<String, dynamic> json,\n  ) {\n'
    else:
        pass
        yield '  factory '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromJson(Map<String, dynamic> json) {\n'
    yield '    switch (json['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'property'))
    yield ']) {\n'
    for l_1_c in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'cases'):
        _loop_vars = {}
        pass
        yield '      case '
        yield str(environment.getattr(l_1_c, 'literal'))
        yield ':\n        return '
        yield str(environment.getattr(l_1_c, 'target'))
        yield '.fromJson(json);\n'
    l_1_c = missing
    yield '      default:\n        // No variant carries the tag alone: of the variants whose constant tag (if any)\n        // the JSON does not contradict, the first that writes the JSON back exactly, else\n        // the first that reads it, else ['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield '].\n        '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '? first;\n        for (final (tag, read) in <(String?, '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield ' Function(Map<String, dynamic>))>[\n'
    for (l_1_tag, l_1_cls) in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'variants'):
        _loop_vars = {}
        pass
        yield '          ('
        yield str(l_1_tag)
        yield ', '
        yield str(l_1_cls)
        yield '.fromJson),\n'
    l_1_tag = l_1_cls = missing
    yield '        ]) {\n          if (tag != null && json.containsKey('
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'property'))
    yield ') && json['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'property'))
    yield '] != tag) {\n            continue;\n          }\n          try {\n            final variant = read(json);\n            if (_deepEquals(variant.toJson(), json)) return variant;\n            first ??= variant;\n          } catch (_) {\n            // Not this variant: try the next one.\n          }\n        }\n        return first ?? '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield '(json);\n    }\n  }\n\n  Map<String, dynamic> toJson();\n}\n\n/// A variant of ['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '] that this library does not know; written back unchanged.\nfinal class '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield ' implements '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield ' {\n  const '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield '(this.json);\n\n  /// The JSON object as it was read.\n  final Map<String, dynamic> json;\n\n  @override\n  Map<String, dynamic> toJson() => json;\n\n  @override\n  bool operator ==(Object other) =>\n      other is '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield " && _deepEquals(json, other.json);\n\n  @override\n  int get hashCode => _deepHash(json);\n\n  @override\n  String toString() => '"
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield "($json)';\n}\n"

blocks = {}
debug_info = '3=12&4=15&6=18&9=21&10=23&12=25&13=28&17=33&19=36&20=38&21=42&22=44&27=48&28=50&29=52&30=54&31=58&34=64&45=68&52=70&53=72&54=76&64=78&70=80'