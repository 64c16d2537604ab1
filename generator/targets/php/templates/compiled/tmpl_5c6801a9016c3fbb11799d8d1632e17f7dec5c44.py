from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'enum.php.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_head = resolve('head')
    l_0_view = resolve('view')
    l_0_markers = resolve('markers')
    pass
    yield str(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'header'))
    yield 'namespace '
    yield str(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'namespace'))
    yield ';\n\n/**\n'
    for l_1_line in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        _loop_vars = {}
        pass
        yield ' *'
        if l_1_line:
            pass
            yield ' '
            yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield ' */\nenum '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'cls'))
    yield ': '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'backing'))
    yield '\n{\n'
    for l_1_case in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'cases'):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_case, 'doc'):
            pass
            yield '    /**\n'
            for l_2_line in environment.getattr(l_1_case, 'doc'):
                _loop_vars = {}
                pass
                yield '     *'
                if l_2_line:
                    pass
                    yield ' '
                    yield str(l_2_line)
                yield '\n'
            l_2_line = missing
            yield '     */\n'
        yield '    case '
        yield str(environment.getattr(l_1_case, 'name'))
        yield ' = '
        yield str(environment.getattr(l_1_case, 'value'))
        yield ';\n'
    l_1_case = missing
    yield '\n    /**\n     * The case for a JSON value, or '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'unknown'))
    yield ' holding a value this version does not know'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'nullable'):
        pass
        yield '     * (null for null)'
    yield '.\n     *\n     * @throws Support\\DecodeException when the value is not a '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'backing'))
    yield '\n     */\n    public static function '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FROM_JSON'))
    yield '(mixed $value): self|'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'unknown'))
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'nullable'):
        pass
        yield '|null'
    yield '\n    {\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'nullable'):
        pass
        yield '        if ($value === null) {\n            return null;\n        }\n'
    yield '        if (!'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'check'))
    yield '($value)) {\n            throw Support\\DecodeException::expected('
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'expected'))
    yield ', $value, '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'where'))
    yield ');\n        }\n\n        return self::tryFrom($value) ?? new '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'unknown'))
    yield '($value);\n    }\n}\n'

blocks = {}
debug_info = '2=14&5=18&6=22&10=29&12=33&13=36&15=39&16=43&21=51&25=57&28=63&30=65&33=72&38=76&39=78&42=82'