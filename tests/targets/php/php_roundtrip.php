<?php

// Round-trip runner for the PHP emitter tests: php php_roundtrip.php SRC_DIR NAMESPACE CASES
// Each line of CASES is "id<TAB>decoder<TAB>encoder<TAB>json": the decoder (Class::method) reads
// the decoded JSON, the encoder (Class::method, or "-" for none) prepares the value, and the
// result is printed as "id<TAB>ok<TAB>decoded type<TAB>json" or
// "id<TAB>error<TAB>exception class: message".

declare(strict_types=1);

[, $src, $namespace, $cases] = $argv;
$prefix = $namespace . '\\';
spl_autoload_register(static function (string $class) use ($src, $prefix): void {
    if (str_starts_with($class, $prefix)) {
        $file = $src . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
foreach (file($cases, FILE_IGNORE_NEW_LINES) as $line) {
    [$id, $decoder, $encoder, $json] = explode("\t", $line, 4);
    try {
        $value = call_user_func($namespace . '\\Support\\Json::decode', $json);
        $model = call_user_func($namespace . '\\' . $decoder, $value);
        $type = get_debug_type($model);
        if ($encoder !== '-') {
            $model = call_user_func($namespace . '\\' . $encoder, $model);
        }
        echo $id, "\tok\t", $type, "\t", call_user_func($namespace . '\\Support\\Json::encode', $model), "\n";
    } catch (Throwable $error) {
        $message = str_replace(["\n", "\r", "\t"], ' ', $error->getMessage());
        echo $id, "\terror\t", get_class($error), ': ', $message, "\n";
    }
}
