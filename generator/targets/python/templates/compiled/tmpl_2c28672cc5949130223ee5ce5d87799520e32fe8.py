from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alias.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_alias = missing
    pass
    def macro(l_1_model):
        t_1 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        pass
        if environment.getattr(l_1_model, 'comment'):
            pass
            t_1.extend((
                str(environment.getattr(l_1_model, 'comment')),
                '\n',
            ))
        t_1.extend((
            str(environment.getattr(l_1_model, 'statement')),
            '\n',
        ))
        return concat(t_1)
    context.exported_vars.add('alias')
    context.vars['alias'] = l_0_alias = Macro(environment, macro, 'alias', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=12&3=17&4=20&6=24'