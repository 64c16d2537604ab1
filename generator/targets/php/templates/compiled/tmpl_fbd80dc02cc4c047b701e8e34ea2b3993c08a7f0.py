from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'BigInt.php.jinja'

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
    yield '\\Support;\n\n/**\n * An integer beyond 64 bits that Json::decode() read inside a free-form value: its digits, kept\n * exactly. Json::encode() writes it back as the same JSON number.\n */\nfinal class BigInt implements \\JsonSerializable\n{\n    /** Begins the placeholder string json_encode() writes for a BigInt. */\n    public const TAG = \'modelgen-bigint-\';\n\n    private static ?string $mark = null;\n\n    public function __construct(public readonly string $digits)\n    {\n    }\n\n    /** The placeholder prefix of this process (unlikely to occur in real strings). */\n    public static function mark(): string\n    {\n        return self::$mark ??= "\\0" . self::TAG . bin2hex(random_bytes(8)) . \':\';\n    }\n\n    public function jsonSerialize(): string\n    {\n        return self::mark() . $this->digits;\n    }\n}\n'

blocks = {}
debug_info = '2=12'