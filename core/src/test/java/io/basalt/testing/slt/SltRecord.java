package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One executable record of a sqllogictest file, after the parser has applied conditions
 * ({@code skipif}/{@code onlyif}), skip modes, {@code halt} and loops. Each carries the 1-based line
 * of its header in the file, which is what failure reports point at.
 */
public sealed interface SltRecord
        permits SltRecord.Statement, SltRecord.Query, SltRecord.Require, SltRecord.Restart {

    int line();

    /** Whether a statement must succeed, must fail, or may do either ({@code statement maybe}). */
    enum Expectation { SUCCEEDS, FAILS, MAY_FAIL }

    /**
     * {@code statement ok|error|maybe [SQLSTATE] [connection]}: runs {@code sql}. For an expected
     * failure, {@code sqlState} and {@code message} are each checked when given (either may be null).
     * {@code connection} is null for the default session.
     */
    record Statement(int line, String connection, String sql, Expectation expectation, String sqlState,
                     ErrorMessagePattern message) implements SltRecord {
        public Statement {
            requireNonNull(sql, "sql is null");
            requireNonNull(expectation, "expectation is null");
        }
    }

    /**
     * {@code query <types> [sort mode | connection] [label]}: runs {@code sql} and compares its rows.
     * {@code columnTypes} holds one letter per column: I integral, R real (double, numeric), T other.
     * Results of queries sharing a non-null {@code label} must be equal.
     */
    record Query(int line, String connection, String sql, String columnTypes, SortMode sortMode, String label,
                 ExpectedResult expected) implements SltRecord {
        public Query {
            requireNonNull(sql, "sql is null");
            requireNonNull(columnTypes, "columnTypes is null");
            requireNonNull(sortMode, "sortMode is null");
            requireNonNull(expected, "expected is null");
        }
    }

    /** {@code require <feature> [arguments]}: the rest of the file is skipped unless the runner knows the feature. */
    record Require(int line, String feature, List<String> arguments) implements SltRecord {
        public Require {
            requireNonNull(feature, "feature is null");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code restart}: close every session and the database, then open the database again from its path. */
    record Restart(int line) implements SltRecord {
    }
}
