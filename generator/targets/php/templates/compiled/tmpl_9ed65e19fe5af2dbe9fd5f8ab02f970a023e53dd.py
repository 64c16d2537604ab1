from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'DecodeException.php.jinja'

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
    yield '\\Support;\n\n/**\n * JSON that does not fit the schema: a wrong type, a missing required property, or a value no\n * union variant accepts.\n */\nfinal class DecodeException extends \\InvalidArgumentException\n{\n    public static function expected(string $what, mixed $value, string $where): self\n    {\n        return new self(sprintf(\'%s: expected %s, got %s\', $where, $what, get_debug_type($value)));\n    }\n\n    public static function missing(string $key, string $where): self\n    {\n        return new self(sprintf(\'%s: required property "%s" is missing\', $where, $key));\n    }\n\n    public static function noVariant(mixed $value, string $where): self\n    {\n        return new self(sprintf(\'%s: no variant accepts the %s\', $where, get_debug_type($value)));\n    }\n}\n'

blocks = {}
debug_info = '2=12'