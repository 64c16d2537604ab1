from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'enum.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_enum = missing
    pass
    def macro(l_1_model):
        t_1 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        pass
        t_1.extend((
            str(environment.getattr(l_1_model, 'header')),
            '\n    ',
            str(environment.getattr(l_1_model, 'docstring')),
            '\n\n',
        ))
        for l_2_member in environment.getattr(l_1_model, 'members'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_member, 'comment'):
                pass
                t_1.extend((
                    '    ',
                    str(environment.getattr(l_2_member, 'comment')),
                    '\n',
                ))
            t_1.extend((
                '    ',
                str(environment.getattr(l_2_member, 'assignment')),
                '\n',
            ))
        l_2_member = missing
        if environment.getattr(l_1_model, 'members'):
            pass
            t_1.append(
                '\n',
            )
        t_1.extend((
            '    @classmethod\n    ',
            str(environment.getattr(l_1_model, 'missing')),
            '\n        return _rt.unknown_member(cls, value)\n',
        ))
        return concat(t_1)
    context.exported_vars.add('enum')
    context.vars['enum'] = l_0_enum = Macro(environment, macro, 'enum', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=12&4=18&5=20&7=23&8=26&9=30&11=35&13=39&17=46'