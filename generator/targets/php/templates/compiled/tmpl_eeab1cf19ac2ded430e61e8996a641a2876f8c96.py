from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_header.php.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_view = resolve('view')
    pass
    yield '<?php\n\n/*\n'
    for l_1_line in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'lines'):
        _loop_vars = {}
        pass
        yield ' * '
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield ' */\n\ndeclare(strict_types=1);\n\n'

blocks = {}
debug_info = '5=13&6=17'