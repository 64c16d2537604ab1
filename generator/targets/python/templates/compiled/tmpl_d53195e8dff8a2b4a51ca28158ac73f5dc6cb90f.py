from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'object.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_object = missing
    pass
    def macro(l_1_model):
        t_1 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        pass
        t_1.extend((
            '@_dc.dataclass(frozen=True, slots=True, kw_only=True)\n',
            str(environment.getattr(l_1_model, 'header')),
            '\n    ',
            str(environment.getattr(l_1_model, 'docstring')),
            '\n',
        ))
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            t_1.append(
                '\n',
            )
            if environment.getattr(l_2_field, 'comment'):
                pass
                t_1.extend((
                    '    ',
                    str(environment.getattr(l_2_field, 'comment')),
                    '\n',
                ))
            t_1.extend((
                '    ',
                str(environment.getattr(l_2_field, 'declaration')),
                '\n',
            ))
        l_2_field = missing
        if environment.getattr(l_1_model, 'extras'):
            pass
            t_1.extend((
                '\n    #: Properties the schema does not name, kept as they came.\n    ',
                str(environment.getattr(environment.getattr(l_1_model, 'extras'), 'declaration')),
                '\n',
            ))
        t_1.extend((
            '\n    @classmethod\n    ',
            str(environment.getattr(l_1_model, 'from_dict')),
            '\n        d = _rt.expect_object(data, where)\n',
        ))
        if environment.getattr(l_1_model, 'closed_check'):
            pass
            t_1.extend((
                '        ',
                str(environment.getattr(l_1_model, 'closed_check')),
                '\n',
            ))
        if (environment.getattr(l_1_model, 'fields') or environment.getattr(l_1_model, 'extras')):
            pass
            t_1.append(
                '        return cls(\n',
            )
            for l_2_field in environment.getattr(l_1_model, 'fields'):
                _loop_vars = {}
                pass
                t_1.extend((
                    '            ',
                    str(environment.getattr(l_2_field, 'argument')),
                    ',\n',
                ))
            l_2_field = missing
            if environment.getattr(l_1_model, 'extras'):
                pass
                t_1.extend((
                    '            ',
                    str(environment.getattr(environment.getattr(l_1_model, 'extras'), 'argument')),
                    ',\n',
                ))
            t_1.append(
                '        )\n',
            )
        else:
            pass
            t_1.append(
                '        return cls()\n',
            )
        t_1.append(
            '\n    def to_dict(self) -> dict[str, _t.Any]:\n        out: dict[str, _t.Any] = {}\n',
        )
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            t_1.extend((
                '        ',
                str(environment.getattr(l_2_field, 'put')),
                '\n',
            ))
        l_2_field = missing
        if environment.getattr(l_1_model, 'extras'):
            pass
            t_1.extend((
                '        ',
                str(environment.getattr(environment.getattr(l_1_model, 'extras'), 'put')),
                '\n',
            ))
        t_1.append(
            '        return out\n',
        )
        return concat(t_1)
    context.exported_vars.add('object')
    context.vars['object'] = l_0_object = Macro(environment, macro, 'object', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=12&6=19&7=21&8=24&10=30&11=34&13=39&15=43&18=47&22=52&24=55&25=59&27=62&29=67&30=72&32=76&33=80&42=94&43=99&45=103&46=107'