from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'factory.php.jinja'

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
    yield ' */\nfinal class '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'cls'))
    yield '\n{\n    private function __construct()\n    {\n    }\n\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'object_only'):
        pass
        yield '    /**\n     * @param array<array-key, mixed>|\\stdClass $data\n     * @throws Support\\DecodeException when the data fits no variant\n     */\n    public static function '
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FROM_ARRAY'))
        yield '(array|\\stdClass $data): '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'native'))
        yield '\n    {\n        return self::'
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FROM_JSON'))
        yield '($data);\n    }\n\n'
    yield '    /**\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'discriminator'):
        pass
        yield '     * A value of the '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'discriminator_doc'))
        yield ' property that one variant carries picks it;\n     * otherwise the variants are tried in order: the first that accepts the data exactly (no\n     * unknown enum value, no undeclared property, encodes back to the data) wins, else the\n     * first that decodes.\n'
    else:
        pass
        yield '     * Tries the variants in order: the first that accepts the data exactly (no unknown enum\n     * value, no undeclared property, encodes back to the data) wins, else the first that\n     * decodes.\n'
    yield '     *\n     * @return '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc_type'))
    yield '\n     * @throws Support\\DecodeException when the data fits no variant\n     */\n    public static function '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FROM_JSON'))
    yield '(mixed $data): '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'native'))
    yield '\n    {\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'nullable'):
        pass
        yield '        if ($data === null) {\n            return null;\n        }\n\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'arms'):
        pass
        yield '        '
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FOUND'))
        yield ' = match ('
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'JSON'))
        yield '::tag($data, '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'discriminator'))
        yield ')) {\n'
        for l_1_arm in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'arms'):
            _loop_vars = {}
            pass
            yield '            '
            yield str(environment.getattr(l_1_arm, 'value'))
            yield ' => '
            yield str(environment.getattr(l_1_arm, 'decode'))
            yield ',\n'
        l_1_arm = missing
        yield '            default => null,\n        };\n        if ('
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FOUND'))
        yield ' !== null) {\n            return '
        yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'FOUND'))
        yield ';\n        }\n\n'
    yield '        return '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'JSON'))
    yield '::'
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'PICK_HELPER'))
    yield '($data, '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'where'))
    yield ', [\n'
    for l_1_attempt in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'attempts'):
        _loop_vars = {}
        pass
        yield '            static fn (mixed $data): mixed => '
        yield str(l_1_attempt)
        yield ',\n'
    l_1_attempt = missing
    yield '        ]);\n    }\n\n    /**\n     * @param '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc_type'))
    yield ' $value\n     */\n    public static function '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'TO_JSON'))
    yield '('
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'native'))
    yield ' $value): mixed\n    {\n'
    if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'list_encode') and environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'map_encode')):
        pass
        yield '        if (is_array($value)) {\n            return array_is_list($value) ? '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'list_encode'))
        yield ' : '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'map_encode'))
        yield ';\n        }\n\n'
    elif (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'list_encode') or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'map_encode')):
        pass
        yield '        if (is_array($value)) {\n            return '
        yield str((environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'list_encode') or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'map_encode')))
        yield ';\n        }\n\n'
    yield '        return $value;\n    }\n}\n'

blocks = {}
debug_info = '2=14&5=18&6=22&10=29&16=31&21=34&23=38&28=41&29=44&39=50&42=52&44=56&50=59&51=62&52=68&53=72&57=78&58=80&62=83&63=89&64=93&70=97&72=99&74=103&76=106&79=110&81=113'