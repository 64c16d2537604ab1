from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'class.php.jinja'

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
    yield ' implements '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'implements'))
    yield '\n{\n    /** JSON key => property name. */\n    public const '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'WIRE_NAMES'))
    yield ' = [\n'
    for (l_1_key, l_1_prop) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'wire_names'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(l_1_key)
        yield ' => '
        yield str(l_1_prop)
        yield ',\n'
    l_1_key = l_1_prop = missing
    yield '    ];\n\n'
    if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'params') or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional')):
        pass
        yield '    /**\n'
        for l_1_line in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'constructor_doc'):
            _loop_vars = {}
            pass
            yield '     *'
            if l_1_line:
                pass
                yield ' '
                yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        yield '     */\n    public function __construct(\n'
        for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'params'):
            _loop_vars = {}
            pass
            yield '        public readonly '
            yield str(environment.getattr(l_1_p, 'native'))
            yield ' $'
            yield str(environment.getattr(l_1_p, 'prop'))
            if (not t_1(environment.getattr(l_1_p, 'default'))):
                pass
                yield ' = '
                yield str(environment.getattr(l_1_p, 'default'))
            yield ',\n'
        l_1_p = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'):
            pass
            yield '        public readonly array $'
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'), 'prop'))
            yield ' = [],\n'
        yield '    ) {\n    }\n'
    else:
        pass
        yield '    public function __construct()\n    {\n    }\n'
    yield '\n    /**\n     * Decodes a JSON object: the result of json_decode($json) or json_decode($json, true).\n     *\n     * @param array<array-key, mixed>|\\stdClass $data\n     * @throws Support\\DecodeException when the data does not fit the schema\n     */\n    public static function '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FROM_ARRAY'))
    yield '(array|\\stdClass $data): self\n    {\n        $data = Support\\Json::object($data, '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'where'))
    yield ');\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'required_keys'):
        pass
        yield '        Support\\Json::required($data, ['
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'required_keys'))
        yield '], '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'where'))
        yield ');\n'
    yield '\n        return new self(\n'
    for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'params'):
        _loop_vars = {}
        pass
        yield '            '
        yield str(environment.getattr(l_1_p, 'decode'))
        yield ',\n'
    l_1_p = missing
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'):
        pass
        yield '            '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'), 'decode'))
        yield ',\n'
    yield '        );\n    }\n\n    public function jsonSerialize(): \\stdClass\n    {\n        $data = [];\n'
    for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'properties'):
        _loop_vars = {}
        pass
        if (environment.getattr(l_1_p, 'presence') == 'always'):
            pass
            yield '        $data['
            yield str(environment.getattr(l_1_p, 'key'))
            yield '] = '
            yield str(environment.getattr(l_1_p, 'encode'))
            yield ';\n'
        elif (environment.getattr(l_1_p, 'presence') == 'absent'):
            pass
            yield '        if (!$this->'
            yield str(environment.getattr(l_1_p, 'prop'))
            yield ' instanceof Support\\Absent) {\n            $data['
            yield str(environment.getattr(l_1_p, 'key'))
            yield '] = '
            yield str(environment.getattr(l_1_p, 'encode'))
            yield ';\n        }\n'
        else:
            pass
            yield '        if ($this->'
            yield str(environment.getattr(l_1_p, 'prop'))
            yield ' !== null) {\n            $data['
            yield str(environment.getattr(l_1_p, 'key'))
            yield '] = '
            yield str(environment.getattr(l_1_p, 'encode'))
            yield ';\n        }\n'
    l_1_p = missing
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'):
        pass
        yield '        foreach ($this->'
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'), 'prop'))
        yield ' as $key => $value) {\n            $data[$key] = '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'additional'), 'encode'))
        yield ';\n        }\n'
    yield '\n        return (object) $data;\n    }\n}\n'

blocks = {}
debug_info = '2=20&5=24&6=28&10=35&13=39&14=41&15=45&19=51&21=54&22=58&27=65&28=69&30=78&31=81&47=88&49=90&50=92&51=95&55=100&56=104&58=107&59=110&67=113&68=116&69=119&70=123&71=126&72=128&75=135&76=137&80=142&81=145&82=147'