from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'library.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_library = resolve('library')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n'
    for l_1_line in environment.getattr((undefined(name='library') if l_0_library is missing else l_0_library), 'doc'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield 'library;\n\n'
    for l_1_uri in environment.getattr((undefined(name='library') if l_0_library is missing else l_0_library), 'parts'):
        _loop_vars = {}
        pass
        yield "part '"
        yield str(l_1_uri)
        yield "';\n"
    l_1_uri = missing

blocks = {}
debug_info = '2=13&4=15&5=18&9=22&10=26'