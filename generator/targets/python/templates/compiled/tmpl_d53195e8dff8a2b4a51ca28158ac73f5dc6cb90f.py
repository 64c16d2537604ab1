from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'object.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_object = missing
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
            '@_dc.dataclass(frozen=True, slots=True, kw_only=True)\n',
            str(environment.getattr(l_1_model, 'header')),
            '\n    ',
            str(t_1(environment.getattr(l_1_model, 'docstring'), 4)),
            '\n',
        ))
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            t_2.append(
                '\n',
            )
            if environment.getattr(l_2_field, 'comment'):
                pass
                t_2.extend((
                    '    ',
                    str(t_1(environment.getattr(l_2_field, 'comment'), 4)),
                    '\n',
                ))
            t_2.extend((
                '    ',
                str(t_1(environment.getattr(l_2_field, 'declaration'), 4)),
                '\n',
            ))
        l_2_field = missing
        if environment.getattr(l_1_model, 'extras'):
            pass
            t_2.extend((
                '\n    #: Properties the schema does not name, kept as they came.\n    ',
                str(t_1(environment.getattr(environment.getattr(l_1_model, 'extras'), 'declaration'), 4)),
                '\n',
            ))
        t_2.extend((
            '\n    @classmethod\n    ',
            str(t_1(environment.getattr(l_1_model, 'from_dict'), 4)),
            '\n        d = _rt.expect_object(data, where)\n',
        ))
        if environment.getattr(l_1_model, 'closed_check'):
            pass
            t_2.extend((
                '        ',
                str(t_1(environment.getattr(l_1_model, 'closed_check'), 8)),
                '\n',
            ))
        if (environment.getattr(l_1_model, 'fields') or environment.getattr(l_1_model, 'extras')):
            pass
            t_2.append(
                '        return cls(\n',
            )
            for l_2_field in environment.getattr(l_1_model, 'fields'):
                _loop_vars = {}
                pass
                t_2.extend((
                    '            ',
                    str(t_1(environment.getattr(l_2_field, 'argument'), 12)),
                    ',\n',
                ))
            l_2_field = missing
            if environment.getattr(l_1_model, 'extras'):
                pass
                t_2.extend((
                    '            ',
                    str(t_1(environment.getattr(environment.getattr(l_1_model, 'extras'), 'argument'), 12)),
                    ',\n',
                ))
            t_2.append(
                '        )\n',
            )
        else:
            pass
            t_2.append(
                '        return cls()\n',
            )
        t_2.append(
            '\n    def to_dict(self) -> dict[str, _t.Any]:\n        out: dict[str, _t.Any] = {}\n',
        )
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            t_2.extend((
                '        ',
                str(t_1(environment.getattr(l_2_field, 'put'), 8)),
                '\n',
            ))
        l_2_field = missing
        if environment.getattr(l_1_model, 'extras'):
            pass
            t_2.extend((
                '        ',
                str(t_1(environment.getattr(environment.getattr(l_1_model, 'extras'), 'put'), 8)),
                '\n',
            ))
        t_2.append(
            '        return out\n',
        )
        return concat(t_2)
    context.exported_vars.add('object')
    context.vars['object'] = l_0_object = Macro(environment, macro, 'object', ('model',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=18&6=25&7=27&8=30&10=36&11=40&13=45&15=49&18=53&22=58&24=61&25=65&27=68&29=73&30=78&32=82&33=86&42=100&43=105&45=109&46=113'