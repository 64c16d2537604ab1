from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '__init__.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_package = resolve('package')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield str(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'header'))
    yield '\n'
    yield str(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'docstring'))
    yield '\n\nfrom ._runtime import '
    yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'runtime_exports'), ', '))
    yield '\nfrom .models import *  # noqa: F403\n\n__all__ = [\n'
    for l_1_name in environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'exports'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ',\n'
    l_1_name = missing
    yield ']\n'

blocks = {}
debug_info = '2=18&3=20&5=22&9=24&10=28'