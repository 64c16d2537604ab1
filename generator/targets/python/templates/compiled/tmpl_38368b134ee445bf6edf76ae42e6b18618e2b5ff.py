from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'enum.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_enum = missing
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
        t_2.extend((
            str(environment.getattr(l_1_model, 'header')),
            '\n    ',
            str(t_1(environment.getattr(l_1_model, 'docstring'), 4)),
            '\n\n',
        ))
        for l_2_member in environment.getattr(l_1_model, 'members'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_member, 'comment'):
                pass
                t_2.extend((
                    '    ',
                    str(t_1(environment.getattr(l_2_member, 'comment'), 4)),
                    '\n',
                ))
            t_2.extend((
                '    ',
                str(t_1(environment.getattr(l_2_member, 'assignment'), 4)),
                '\n',
            ))
        l_2_member = missing
        if environment.getattr(l_1_model, 'members'):
            pass
            t_2.append(
                '\n',
            )
        t_2.extend((
            '    @classmethod\n    ',
            str(t_1(environment.getattr(l_1_model, 'missing'), 4)),
            '\n        return _rt.unknown_member(cls, value)\n',
        ))
        return concat(t_2)
    context.exported_vars.add('enum')
    context.vars['enum'] = l_0_enum = Macro(environment, macro, 'enum', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=18&4=24&5=26&7=29&8=32&9=36&11=41&13=45&17=52'