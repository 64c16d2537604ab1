from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'union.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_union = missing
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
            '\n\n\n',
            str(environment.getattr(l_1_model, 'decoder_signature')),
            '\n    ',
            str(environment.getattr(l_1_model, 'decoder_docstring')),
            '\n    return ',
            str(environment.getattr(l_1_model, 'decoder_body')),
            '\n\n\n',
            str(environment.getattr(l_1_model, 'encoder_signature')),
            '\n    ',
            str(environment.getattr(l_1_model, 'encoder_docstring')),
            '\n    return _rt.to_json(value)\n',
        ))
        return concat(t_1)
    context.exported_vars.add('union')
    context.vars['union'] = l_0_union = Macro(environment, macro, 'union', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=12&4=17&5=20&7=24&10=26&11=28&12=30&15=32&16=34'