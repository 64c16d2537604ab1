from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'object.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_b = resolve('b')
    l_0_last = resolve('last')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['last']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'last' found.")
    try:
        t_3 = environment.tests['sameas']
    except KeyError:
        @internalcode
        def t_3(*unused):
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
    yield '\n'
    if (environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'header') == 'one_line'):
        pass
        yield 'final class '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'implements'):
            pass
            yield ' implements '
            yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'implements'), ', '))
        yield ' {\n'
    elif (environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'header') == 'implements_below'):
        pass
        yield 'final class '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '\n    implements '
        yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'implements'), ', '))
        yield ' {\n'
    else:
        pass
        yield 'final class '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '\n    implements\n'
        l_1_loop = missing
        for l_1_type, l_1_loop in LoopContext(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'implements'), undefined):
            _loop_vars = {}
            pass
            yield '        '
            yield str(l_1_type)
            yield str((' {' if environment.getattr(l_1_loop, 'last') else ','))
            yield '\n'
        l_1_loop = l_1_type = missing
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
        pass
        yield '  const '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '({\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_f, 'required'):
                pass
                yield '    required this.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
            elif environment.getattr(l_1_f, 'default'):
                pass
                yield '    this.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ' = '
                yield str(environment.getattr(l_1_f, 'default'))
                yield ',\n'
            else:
                pass
                yield '    this.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
        l_1_f = missing
        yield '  });\n\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'from_json_split'):
            pass
            yield '  factory '
            yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
            yield '.fromJson(\n    Map<String, dynamic> json,\n  ) => '
            yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
            yield '(\n'
        else:
            pass
            yield '  factory '
            yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
            yield '.fromJson(Map<String, dynamic> json) => '
            yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
            yield '(\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(environment.getattr(l_1_f, 'decode'), 'split'):
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ': '
                yield str(environment.getattr(environment.getattr(l_1_f, 'decode'), 'test'))
                yield '\n        ? '
                yield str(environment.getattr(environment.getattr(l_1_f, 'decode'), 'then'))
                yield '\n        : '
                yield str(environment.getattr(environment.getattr(l_1_f, 'decode'), 'other'))
                yield ',\n'
            else:
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ': '
                yield str(environment.getattr(environment.getattr(l_1_f, 'decode'), 'text'))
                yield ',\n'
        l_1_f = missing
        yield '  );\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            yield '\n'
            for l_2_line in environment.getattr(l_1_f, 'doc'):
                _loop_vars = {}
                pass
                yield '  '
                yield str(l_2_line)
                yield '\n'
            l_2_line = missing
            if environment.getattr(l_1_f, 'deprecated'):
                pass
                yield "  @Deprecated('Deprecated in the API.')\n"
            yield '  final '
            yield str(environment.getattr(l_1_f, 'type'))
            yield ' '
            yield str(environment.getattr(l_1_f, 'name'))
            yield ';\n'
        l_1_f = missing
        yield '\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'implements'):
            pass
            yield '  @override\n'
        yield '  Map<String, dynamic> toJson() => <String, dynamic>{\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_f, 'encode_split'):
                pass
                yield '    if ('
                yield str(environment.getattr(l_1_f, 'guard'))
                yield ')\n      '
                yield str(environment.getattr(l_1_f, 'wire'))
                yield ': '
                yield str(environment.getattr(l_1_f, 'encode'))
                yield ',\n'
            elif environment.getattr(l_1_f, 'guard'):
                pass
                yield '    if ('
                yield str(environment.getattr(l_1_f, 'guard'))
                yield ') '
                yield str(environment.getattr(l_1_f, 'wire'))
                yield ': '
                yield str(environment.getattr(l_1_f, 'encode'))
                yield ',\n'
            else:
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'wire'))
                yield ': '
                yield str(environment.getattr(l_1_f, 'encode'))
                yield ',\n'
        l_1_f = missing
        yield '  };\n\n  /// A copy with the given fields replaced. A nullable field takes a function,\n  /// so `copyWith(field: () => null)` sets it to null.\n  '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield ' copyWith({\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_f, 'nullable'):
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'type'))
                yield ' Function()? '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
            else:
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'type'))
                yield '? '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
        l_1_f = missing
        yield '  }) => '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '(\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if (not environment.getattr(l_1_f, 'nullable')):
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ': '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ' ?? this.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
            elif environment.getattr(l_1_f, 'copy_split'):
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ': '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ' != null\n        ? '
                yield str(environment.getattr(l_1_f, 'name'))
                yield '()\n        : this.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
            else:
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ': '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ' != null ? '
                yield str(environment.getattr(l_1_f, 'name'))
                yield '() : this.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
        l_1_f = missing
        yield '  );\n\n  @override\n  bool operator ==(Object other) =>\n      identical(this, other) ||\n      other is '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield ' &&\n'
        l_0_last = t_2(environment, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'))
        context.vars['last'] = l_0_last
        context.exported_vars.add('last')
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_f, 'deep'):
                pass
                yield '          _deepEquals('
                yield str(environment.getattr(l_1_f, 'name'))
                yield ', other.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ')'
                yield str((';' if t_3(l_1_f, (undefined(name='last') if l_0_last is missing else l_0_last)) else ' &&'))
                yield '\n'
            else:
                pass
                yield '          '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ' == other.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield str((';' if t_3(l_1_f, (undefined(name='last') if l_0_last is missing else l_0_last)) else ' &&'))
                yield '\n'
        l_1_f = missing
        yield '\n  @override\n  int get hashCode => Object.hashAll([\n'
        for l_1_f in environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_f, 'deep'):
                pass
                yield '    _deepHash('
                yield str(environment.getattr(l_1_f, 'name'))
                yield '),\n'
            else:
                pass
                yield '    '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ',\n'
        l_1_f = missing
        yield '  ]);\n'
    else:
        pass
        yield '  const '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '();\n\n  factory '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '.fromJson(Map<String, dynamic> json) => const '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '();\n\n'
        if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'implements'):
            pass
            yield '  @override\n'
        yield '  Map<String, dynamic> toJson() => <String, dynamic>{};\n\n  /// A copy (there are no fields to replace).\n  '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield ' copyWith() => const '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield '();\n\n  @override\n  bool operator ==(Object other) => other is '
        yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
        yield ';\n\n  @override\n  int get hashCode => runtimeType.hashCode;\n'
    yield '\n  @override\n'
    if environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'to_string_split'):
        pass
        yield '  String toString() =>\n'
        l_1_loop = missing
        for l_1_line, l_1_loop in LoopContext(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'to_string'), undefined):
            _loop_vars = {}
            pass
            yield "      '"
            yield str(l_1_line)
            yield "'"
            yield str((';' if environment.getattr(l_1_loop, 'last') else ''))
            yield '\n'
        l_1_loop = l_1_line = missing
    else:
        pass
        yield "  String toString() => '"
        yield str(environment.getitem(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'to_string'), 0))
        yield "';\n"
    yield '}\n'

blocks = {}
debug_info = '3=31&4=34&6=37&9=40&10=42&11=45&12=51&13=54&14=56&16=61&18=64&19=68&22=72&23=75&24=77&25=80&26=83&27=85&28=88&30=95&35=99&36=102&38=104&40=109&42=113&43=116&44=119&45=123&46=125&48=130&52=136&54=140&55=144&57=147&60=151&63=157&67=161&68=164&69=167&70=169&71=173&72=176&74=185&81=191&82=193&83=196&84=199&86=206&89=212&90=214&91=217&92=220&93=226&94=229&95=233&96=235&98=240&106=250&108=252&109=255&110=258&111=261&113=270&119=277&120=280&121=283&123=288&128=295&130=297&132=301&138=305&141=309&148=312&150=316&151=320&154=328'