from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'unknown.php.jinja'

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
    yield ';\n\n/**\n * A value of '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'enum'))
    yield ' that this version of the models does not know; it is kept as is and\n * written back unchanged.\n */\nfinal class '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'cls'))
    yield ' implements '
    yield str(environment.getattr((undefined(name='markers') if l_0_markers is missing else l_0_markers), 'UNKNOWN_VALUE'))
    yield '\n{\n    public function __construct(public readonly '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'backing'))
    yield ' $value)\n    {\n    }\n\n    public function jsonSerialize(): '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'backing'))
    yield '\n    {\n        return $this->value;\n    }\n}\n'

blocks = {}
debug_info = '2=14&5=18&8=20&10=24&14=26'