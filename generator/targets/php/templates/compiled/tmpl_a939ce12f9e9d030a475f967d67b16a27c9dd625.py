from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'UnknownValue.php.jinja'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_head = resolve('head')
    pass
    yield str(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'header'))
    yield 'namespace '
    yield str(environment.getattr((undefined(name='head') if l_0_head is missing else l_0_head), 'namespace'))
    yield "\\Support;\n\n/**\n * Implemented by every Unknown<Enum> class: a value of an enum that this version of the models\n * does not know. A union's factory ranks a variant that needs one last (Json::pick()).\n */\ninterface UnknownValue extends \\JsonSerializable\n{\n}\n"

blocks = {}
debug_info = '2=12'