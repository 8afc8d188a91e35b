package io.basalt.type.json.path;

/**
 * Carries an error that neither {@code silent} nor a filter predicate may swallow (PostgreSQL raises these
 * with a plain ereport rather than through the jsonpath executor's error handling: using the time zone
 * outside the _tz functions, an invalid template or precision). The evaluator's entry points unwrap it.
 */
final class JsonPathHardError extends RuntimeException {
    private final io.basalt.error.BasaltException error;

    JsonPathHardError(io.basalt.error.BasaltException error) {
        super(null, null, false, false);
        this.error = error;
    }

    io.basalt.error.BasaltException error() {
        return error;
    }
}
