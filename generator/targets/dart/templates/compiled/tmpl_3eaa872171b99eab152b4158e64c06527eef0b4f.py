from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pubspec.yaml.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_package = resolve('package')
    l_0_description = resolve('description')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\nname: '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '\ndescription: '
    yield str((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '\npublish_to: none\n\nenvironment:\n  sdk: ^3.0.0\n'

blocks = {}
debug_info = '3=14&4=16&5=18'