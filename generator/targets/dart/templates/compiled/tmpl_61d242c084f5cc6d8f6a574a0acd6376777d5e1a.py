from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alias.dart.jinja'

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
    yield '\ntypedef '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'name'))
    yield ' = '
    yield str(environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'target'))
    yield ';\n'

blocks = {}
debug_info = '2=12&3=15&5=18&8=21&9=23'