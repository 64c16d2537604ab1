from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'part.dart.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_package = resolve('package')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield "\n\npart of '../"
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield ".dart';\n\n"

blocks = {}
debug_info = '4=13&6=15'