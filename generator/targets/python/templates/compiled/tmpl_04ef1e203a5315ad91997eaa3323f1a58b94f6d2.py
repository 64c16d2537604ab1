from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'lazy_init.py.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_init = resolve('init')
    pass
    yield str(environment.getattr((undefined(name='init') if l_0_init is missing else l_0_init), 'header'))
    yield '\n'
    yield str(environment.getattr((undefined(name='init') if l_0_init is missing else l_0_init), 'docstring'))
    yield '\n\nfrom __future__ import annotations\n\nimport importlib as _importlib\nimport typing as _t\n'
    for l_1_line in environment.getattr((undefined(name='init') if l_0_init is missing else l_0_init), 'eager'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\nif _t.TYPE_CHECKING:\n'
    for l_1_line in environment.getattr((undefined(name='init') if l_0_init is missing else l_0_init), 'typing_imports'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n__all__ = [\n'
    for l_1_name in environment.getattr((undefined(name='init') if l_0_init is missing else l_0_init), 'exports'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ',\n'
    l_1_name = missing
    yield ']\n\n# name -> the module (relative to this package) that defines it\n_MODULES: dict[str, str] = {\n'
    for l_1_item in environment.getattr((undefined(name='init') if l_0_init is missing else l_0_init), 'names'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(environment.getattr(l_1_item, 'entry'))
        yield '\n'
    l_1_item = missing
    yield '}\n\n\ndef __getattr__(name: str) -> _t.Any:\n    module = _MODULES.get(name)\n    if module is None:\n        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n    value = getattr(_importlib.import_module(module, __name__), name)\n    globals()[name] = value\n    return value\n\n\ndef __dir__() -> list[str]:\n    return sorted({*globals(), *__all__})\n'

blocks = {}
debug_info = '4=12&5=14&11=16&13=20&17=24&18=28&22=32&23=36&29=40&30=44'