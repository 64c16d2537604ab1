from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alias.php.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_head = resolve('head')
    l_0_view = resolve('view')
    l_0_markers = resolve('markers')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
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
    yield ' */\nfinal class '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'cls'))
    yield '\n{\n'
    if (not t_1(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'values'))):
        pass
        yield '    /** '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'values_doc'))
        yield ' */\n    public const '
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'VALUES'))
        yield ' = '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'values'))
        yield ';\n\n'
    yield '    private function __construct()\n    {\n    }\n\n    /**\n     * @return '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc_type'))
    yield '\n     * @throws Support\\DecodeException when the value does not fit the schema\n     */\n    public static function '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FROM_JSON'))
    yield '(mixed $data): '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'native'))
    yield '\n    {\n        return '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'decode'))
    yield ';\n    }\n\n    /**\n     * @param '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc_type'))
    yield ' $value\n     */\n    public static function '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'TO_JSON'))
    yield '('
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'native'))
    yield ' $value): mixed\n    {\n        return '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'encode'))
    yield ';\n    }\n}\n'

blocks = {}
debug_info = '2=20&5=24&6=28&10=35&12=37&13=40&14=42&22=47&25=49&27=53&31=55&33=57&35=61'