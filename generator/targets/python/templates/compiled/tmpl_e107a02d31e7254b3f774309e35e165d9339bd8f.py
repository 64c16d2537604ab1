from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'definition.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_object = l_0_enum = l_0_union = l_0_alias = l_0_definition = missing
    pass
    included_template = environment.get_template('object.py.jinja', 'definition.py.jinja')._get_default_module(context)
    l_0_object = getattr(included_template, 'object', missing)
    if l_0_object is missing:
        l_0_object = undefined(f"the template {included_template.__name__!r} (imported on line 6 in 'definition.py.jinja') does not export the requested name 'object'", name='object')
    context.vars['object'] = l_0_object
    context.exported_vars.discard('object')
    included_template = environment.get_template('enum.py.jinja', 'definition.py.jinja')._get_default_module(context)
    l_0_enum = getattr(included_template, 'enum', missing)
    if l_0_enum is missing:
        l_0_enum = undefined(f"the template {included_template.__name__!r} (imported on line 7 in 'definition.py.jinja') does not export the requested name 'enum'", name='enum')
    context.vars['enum'] = l_0_enum
    context.exported_vars.discard('enum')
    included_template = environment.get_template('union.py.jinja', 'definition.py.jinja')._get_default_module(context)
    l_0_union = getattr(included_template, 'union', missing)
    if l_0_union is missing:
        l_0_union = undefined(f"the template {included_template.__name__!r} (imported on line 8 in 'definition.py.jinja') does not export the requested name 'union'", name='union')
    context.vars['union'] = l_0_union
    context.exported_vars.discard('union')
    included_template = environment.get_template('alias.py.jinja', 'definition.py.jinja')._get_default_module(context)
    l_0_alias = getattr(included_template, 'alias', missing)
    if l_0_alias is missing:
        l_0_alias = undefined(f"the template {included_template.__name__!r} (imported on line 9 in 'definition.py.jinja') does not export the requested name 'alias'", name='alias')
    context.vars['alias'] = l_0_alias
    context.exported_vars.discard('alias')
    def macro(l_1_model):
        t_1 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        pass
        if (environment.getattr(l_1_model, 'kind') == 'object'):
            pass
            t_1.append(
                str(context.call((undefined(name='object') if l_0_object is missing else l_0_object), l_1_model)),
            )
        elif (environment.getattr(l_1_model, 'kind') == 'enum'):
            pass
            t_1.append(
                str(context.call((undefined(name='enum') if l_0_enum is missing else l_0_enum), l_1_model)),
            )
        elif (environment.getattr(l_1_model, 'kind') == 'union'):
            pass
            t_1.append(
                str(context.call((undefined(name='union') if l_0_union is missing else l_0_union), l_1_model)),
            )
        else:
            pass
            t_1.append(
                str(context.call((undefined(name='alias') if l_0_alias is missing else l_0_alias), l_1_model)),
            )
        return concat(t_1)
    context.exported_vars.add('definition')
    context.vars['definition'] = l_0_definition = Macro(environment, macro, 'definition', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '6=12&7=18&8=24&9=30&10=36&11=41&12=44&13=46&14=49&15=51&16=54&18=59'