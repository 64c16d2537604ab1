from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'object.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_b = resolve('b')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
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
        l_1_loop = missing
        for l_1_f, l_1_loop in LoopContext(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'fields'), undefined):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_f, 'deep'):
                pass
                yield '          _deepEquals('
                yield str(environment.getattr(l_1_f, 'name'))
                yield ', other.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield ')'
                yield str((';' if environment.getattr(l_1_loop, 'last') else ' &&'))
                yield '\n'
            else:
                pass
                yield '          '
                yield str(environment.getattr(l_1_f, 'name'))
                yield ' == other.'
                yield str(environment.getattr(l_1_f, 'name'))
                yield str((';' if environment.getattr(l_1_loop, 'last') else ' &&'))
                yield '\n'
        l_1_loop = l_1_f = missing
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
debug_info = '3=18&4=21&6=24&9=27&10=29&11=32&12=38&13=41&14=43&16=48&18=51&19=55&22=59&23=62&24=64&25=67&26=70&27=72&28=75&30=82&35=86&36=89&38=91&40=96&42=100&43=103&44=106&45=110&46=112&48=117&52=123&54=127&55=131&57=134&60=138&63=144&67=148&68=151&69=154&70=156&71=160&72=163&74=172&81=178&82=180&83=183&84=186&86=193&89=199&90=201&91=204&92=207&93=213&94=216&95=220&96=222&98=227&106=237&107=240&108=243&109=246&111=255&117=262&118=265&119=268&121=273&126=280&128=282&130=286&136=290&139=294&146=297&148=301&149=305&152=313'