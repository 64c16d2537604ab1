from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'model_module.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_module = resolve('module')
    l_0_definition = missing
    pass
    included_template = environment.get_template('definition.py.jinja', 'model_module.py.jinja')._get_default_module(context)
    l_0_definition = getattr(included_template, 'definition', missing)
    if l_0_definition is missing:
        l_0_definition = undefined(f"the template {included_template.__name__!r} (imported on line 4 in 'model_module.py.jinja') does not export the requested name 'definition'", name='definition')
    context.vars['definition'] = l_0_definition
    context.exported_vars.discard('definition')
    yield str(environment.getattr((undefined(name='module') if l_0_module is missing else l_0_module), 'header'))
    yield '\n'
    yield str(environment.getattr((undefined(name='module') if l_0_module is missing else l_0_module), 'docstring'))
    yield '\n\nfrom __future__ import annotations\n\nimport dataclasses as _dc\nimport datetime as _dt\nimport enum as _enum\nimport typing as _t\nimport uuid as _uuid\n\nfrom .. import _runtime as _rt\n'
    for l_1_line in environment.getattr((undefined(name='module') if l_0_module is missing else l_0_module), 'imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n__all__ = [\n'
    for l_1_name in environment.getattr((undefined(name='module') if l_0_module is missing else l_0_module), 'exports'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ',\n'
    l_1_name = missing
    yield ']\n'
    for l_1_model in environment.getattr((undefined(name='module') if l_0_module is missing else l_0_module), 'definitions'):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(context.call((undefined(name='definition') if l_0_definition is missing else l_0_definition), l_1_model, _loop_vars=_loop_vars))
    l_1_model = missing

blocks = {}
debug_info = '4=13&5=19&6=21&17=23&18=26&22=30&23=34&26=38&29=42'