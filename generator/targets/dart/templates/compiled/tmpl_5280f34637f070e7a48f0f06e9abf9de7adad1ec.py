from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'enum.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_b = resolve('b')
    l_0_last = missing
    try:
        t_1 = environment.filters['last']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'last' found.")
    try:
        t_2 = environment.tests['sameas']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'sameas' found.")
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
    yield '\nenum '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield ' implements '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_class'))
    yield ' {\n'
    l_0_last = t_1(environment, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'members'))
    context.vars['last'] = l_0_last
    context.exported_vars.add('last')
    for l_1_m in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'members'):
        _loop_vars = {}
        pass
        for l_2_line in environment.getattr(l_1_m, 'doc'):
            _loop_vars = {}
            pass
            yield '  '
            yield str(l_2_line)
            yield '\n'
        l_2_line = missing
        yield '  '
        yield str(environment.getattr(l_1_m, 'name'))
        yield '('
        yield str(environment.getattr(l_1_m, 'literal'))
        yield ')'
        yield str((';' if t_2(l_1_m, (undefined(name='last') if l_0_last is missing else l_0_last)) else ','))
        yield '\n'
    l_1_m = missing
    yield '\n  const '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '(this.value);\n\n  /// The value on the wire.\n  @override\n  final '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_type'))
    yield ' value;\n\n  /// The member whose wire value is [value], or null when there is none.\n  static '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '? fromValue(Object? value) {\n    for (final member in values) {\n      if (member.value == value) return member;\n    }\n    return null;\n  }\n\n  @override\n  Object? toJson() => value;\n}\n\n/// A ['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '], or a value of it that this library does not know yet.\nsealed class '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_class'))
    yield ' {\n  /// The known member for [json], else a ['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield '] that keeps it.\n  factory '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_class'))
    yield '.fromJson(Object? json) =>\n'
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'from_json_split'):
        pass
        yield '      '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromValue(json) ??\n      '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
        yield '('
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_cast'))
        yield ');\n'
    else:
        pass
        yield '      '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromValue(json) ?? '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
        yield '('
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_cast'))
        yield ');\n'
    yield '\n  /// The value on the wire.\n  '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_type'))
    yield ' get value;\n\n  Object? toJson();\n}\n\n/// A value of ['
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield '] that this library does not know; written back unchanged.\nfinal class '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield ' implements '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_class'))
    yield ' {\n  const '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield '(this.value);\n\n  @override\n  final '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'value_type'))
    yield ' value;\n\n  @override\n  Object? toJson() => value;\n\n  @override\n  bool operator ==(Object other) =>\n      other is '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield " && other.value == value;\n\n  @override\n  int get hashCode => value.hashCode;\n\n  @override\n  String toString() => '"
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'unknown_class'))
    yield "($value)';\n}\n"

blocks = {}
debug_info = '2=25&3=28&5=31&8=34&9=36&11=40&12=43&13=46&14=50&16=54&19=62&23=64&26=66&37=68&38=70&39=72&40=74&41=76&42=79&43=81&45=88&49=95&54=97&55=99&56=103&59=105&66=107&72=109'