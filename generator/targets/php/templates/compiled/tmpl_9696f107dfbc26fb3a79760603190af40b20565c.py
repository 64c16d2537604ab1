from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'interface.php.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_head = resolve('head')
    l_0_view = resolve('view')
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
    yield ' */\ninterface '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'cls'))
    yield ' extends \\JsonSerializable\n{\n}\n'

blocks = {}
debug_info = '2=13&5=17&6=21&10=28'