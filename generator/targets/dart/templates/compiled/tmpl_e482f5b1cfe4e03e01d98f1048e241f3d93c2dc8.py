from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'wrapper.dart.jinja'

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
    yield ' {\n  const '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '();\n\n  /// '
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'cases'):
        pass
        yield 'Dispatches on a tag one variant carries, else tries'
    else:
        pass
        yield 'Tries'
    yield ' the variants in this order (the first that writes the JSON back exactly, else the first that reads it): '
    l_1_loop = missing
    for l_1_v, l_1_loop in LoopContext(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'variants'), undefined):
        _loop_vars = {}
        pass
        yield '['
        yield str(environment.getattr(l_1_v, 'name'))
        yield ']'
        yield str((', ' if (not environment.getattr(l_1_loop, 'last')) else '.'))
    l_1_loop = l_1_v = missing
    yield '\n'
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'from_json_split'):
        pass
        yield '  factory '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromJson(\n    Object? json,\n  ) {\n'
    else:
        pass
        yield '  factory '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromJson(Object? json) {\n'
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'cases'):
        pass
        yield '    if (json is Map<String, dynamic>) {\n      final variant = switch (json['
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'property'))
        yield ']) {\n'
        for l_1_c in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'cases'):
            _loop_vars = {}
            pass
            yield '        '
            yield str(environment.getattr(l_1_c, 'literal'))
            yield ' => '
            yield str(environment.getattr(l_1_c, 'variant'))
            yield '('
            yield str(environment.getattr(l_1_c, 'type'))
            yield '.fromJson(json)),\n'
        l_1_c = missing
        yield '        _ => null,\n      };\n      if (variant != null) return variant;\n    }\n'
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'ranked'):
        pass
        yield '    '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '? first;\n'
    for l_1_a in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'attempts'):
        _loop_vars = {}
        pass
        if (environment.getattr(l_1_a, 'kind') == 'any'):
            pass
            yield '    return '
            yield str(environment.getattr(l_1_a, 'variant'))
            yield '(json);\n'
        elif (environment.getattr(l_1_a, 'kind') == 'is'):
            pass
            yield '    if ('
            yield str(environment.getattr(l_1_a, 'check'))
            yield ') return '
            yield str(environment.getattr(l_1_a, 'variant'))
            yield '('
            yield str(environment.getattr(l_1_a, 'value'))
            yield ');\n'
        elif (environment.getattr(l_1_a, 'kind') == 'date_time'):
            pass
            yield '    if (json is String && DateTime.tryParse(json) != null) {\n      return '
            yield str(environment.getattr(l_1_a, 'variant'))
            yield '(DateTime.parse(json));\n    }\n'
        elif (environment.getattr(l_1_a, 'kind') == 'enum'):
            pass
            yield '    if ('
            yield str(environment.getattr(l_1_a, 'value'))
            yield '.fromValue(json) case final known?) return '
            yield str(environment.getattr(l_1_a, 'variant'))
            yield '(known);\n'
        else:
            pass
            yield '    try {\n      final variant = '
            yield str(environment.getattr(l_1_a, 'variant'))
            yield '('
            yield str(environment.getattr(l_1_a, 'value'))
            yield ');\n      if (_deepEquals(variant.toJson(), json)) return variant;\n'
            if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'ranked'):
                pass
                yield '      first ??= variant;\n'
            yield '    } catch (_) {\n      // Not this variant: try the next one.\n    }\n'
    l_1_a = missing
    if (not environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'total')):
        pass
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'ranked'):
            pass
            yield '    if (first != null) return first;\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'throw_split'):
            pass
            yield "    throw FormatException(\n      'no variant of "
            yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
            yield " matches',\n      json,\n    );\n"
        else:
            pass
            yield "    throw FormatException('no variant of "
            yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
            yield " matches', json);\n"
    yield '  }\n\n  Object? toJson();\n}\n'
    for l_1_v in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'variants'):
        _loop_vars = {}
        pass
        yield '\n/// The `'
        yield str(environment.getattr(l_1_v, 'type'))
        yield '` variant of ['
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '].\nfinal class '
        yield str(environment.getattr(l_1_v, 'name'))
        yield ' extends '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield ' {\n  const '
        yield str(environment.getattr(l_1_v, 'name'))
        yield '(this.value);\n\n  final '
        yield str(environment.getattr(l_1_v, 'type'))
        yield ' value;\n\n  @override\n  Object? toJson() => '
        yield str(environment.getattr(l_1_v, 'encode'))
        yield ';\n\n  @override\n  bool operator ==(Object other) =>\n'
        if environment.getattr(l_1_v, 'deep'):
            pass
            yield '      other is '
            yield str(environment.getattr(l_1_v, 'name'))
            yield ' && _deepEquals(value, other.value);\n'
        else:
            pass
            yield '      other is '
            yield str(environment.getattr(l_1_v, 'name'))
            yield ' && value == other.value;\n'
        yield '\n  @override\n  int get hashCode => '
        yield str(('_deepHash(value)' if environment.getattr(l_1_v, 'deep') else 'value.hashCode'))
        yield ";\n\n  @override\n  String toString() => '"
        yield str(environment.getattr(l_1_v, 'name'))
        yield "($value)';\n}\n"
    l_1_v = missing

blocks = {}
debug_info = '2=12&3=15&5=18&8=21&9=23&10=25&12=27&14=44&15=47&19=52&21=54&23=57&24=59&25=63&32=71&33=74&35=76&36=79&37=82&38=84&39=87&40=93&42=96&44=98&45=101&48=108&50=112&58=117&59=119&62=122&64=125&68=130&75=133&77=137&78=141&79=145&81=147&84=149&88=151&89=154&91=159&95=162&98=164'