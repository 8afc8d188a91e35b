package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

/**
 * One option of {@code EXPLAIN (name [value], ...)}, or of VACUUM and ANALYZE, which share the syntax, not yet
 * checked: {@code name} case-folded as written, {@code value} the written argument (a word case-folded, a string's contents, or a number's text with its
 * sign) or null when none was written; {@code numeric} tells numbers apart from words and strings, as
 * PostgreSQL's Boolean options accept {@code 0} and {@code 1} but not {@code '0'}. The old spellings
 * {@code EXPLAIN ANALYZE VERBOSE} arrive as options "analyze" and "verbose" without values.
 */
public record ExplainOption(String name, String value, boolean numeric, int position) implements Node {
    public ExplainOption {
        requireNonNull(name, "name is null");
    }
}
