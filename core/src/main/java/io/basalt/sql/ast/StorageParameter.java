package io.basalt.sql.ast;

/**
 * One storage parameter of {@code WITH (...)}, {@code ALTER TABLE ... SET (...)} or {@code RESET (...)}:
 * {@code [namespace.]name [= value]}. {@code namespace} is null without one ({@code toast} is the only one
 * PostgreSQL knows for tables); {@code value} is the value's text as written (a string's contents, a number's
 * digits, a word), null when none was written.
 */
public record StorageParameter(String namespace, String name, String value, int position) implements Node {
}
