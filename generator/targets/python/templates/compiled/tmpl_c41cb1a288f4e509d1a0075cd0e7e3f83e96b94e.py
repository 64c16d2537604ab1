from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'union.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_union = missing
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    pass
    def macro(l_1_model):
        t_2 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        pass
        if environment.getattr(l_1_model, 'comment'):
            pass
            t_2.extend((
                str(environment.getattr(l_1_model, 'comment')),
                '\n',
            ))
        t_2.extend((
            str(environment.getattr(l_1_model, 'statement')),
            '\n\n\n',
            str(environment.getattr(l_1_model, 'decoder_signature')),
            '\n    ',
            str(t_1(environment.getattr(l_1_model, 'decoder_docstring'), 4)),
            '\n    return ',
            str(t_1(environment.getattr(l_1_model, 'decoder_body'), 4)),
            '\n\n\n',
            str(environment.getattr(l_1_model, 'encoder_signature')),
            '\n    ',
            str(t_1(environment.getattr(l_1_model, 'encoder_docstring'), 4)),
            '\n    return _rt.to_json(value)\n',
        ))
        return concat(t_2)
    context.exported_vars.add('union')
    context.vars['union'] = l_0_union = Macro(environment, macro, 'union', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=18&4=23&5=26&7=30&10=32&11=34&12=36&15=38&16=40'