from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'python.md.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_name = resolve('name')
    l_0_rows = resolve('rows')
    pass
    yield '# '
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '**'
        yield str(environment.getattr(l_1_row, 'name'))
        yield '** | '
        yield str(environment.getattr(l_1_row, 'type'))
        yield ' | '
        yield str(environment.getattr(l_1_row, 'description'))
        yield ' |'
        yield str(environment.getattr(l_1_row, 'notes'))
        yield '\n'
    l_1_row = missing
    yield '\n[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n\n'

blocks = {}
debug_info = '1=14&6=16&7=20'