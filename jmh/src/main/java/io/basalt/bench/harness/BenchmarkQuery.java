package io.basalt.bench.harness;

import static java.util.Objects.requireNonNull;

/**
 * A query of a suite: its name in reports ({@code q01}, {@code sum-v1-by-id1}, ...), its SQL, and whether
 * the SQL fixes the order of its result (a top-level ORDER BY; an ORDER BY inside OVER (...) or a subquery
 * does not), and the text DuckDB runs when its dialect needs another spelling ({@code json_contains} for
 * jsonb's {@code @>}); by default the same text.
 */
public record BenchmarkQuery(String name, String sql, boolean ordered, String duckDbSql) {
    public BenchmarkQuery {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(duckDbSql, "duckDbSql is null");
    }

    public BenchmarkQuery(String name, String sql, boolean ordered) {
        this(name, sql, ordered, sql);
    }

    /** The same query with DuckDB running {@code text} instead. */
    public BenchmarkQuery withDuckDbSql(String text) {
        return new BenchmarkQuery(name, sql, ordered, text);
    }

    /** The text the engine in {@code slot} runs (0 Basalt, 1 DuckDB). */
    String sqlFor(int slot) {
        return slot == 1 ? duckDbSql : sql;
    }

    public static BenchmarkQuery of(String name, String sql) {
        String statement = sql.strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        return new BenchmarkQuery(name, statement, hasTopLevelOrderBy(statement));
    }

    /**
     * Whether {@code ORDER BY} appears outside all parentheses, string literals, quoted identifiers and
     * comments.
     */
    static boolean hasTopLevelOrderBy(String sql) {
        int depth = 0;
        int length = sql.length();
        for (int i = 0; i < length; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? length : close;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && wordAt(sql, i, "order")) {
                int next = i + 5;
                while (next < length && Character.isWhitespace(sql.charAt(next))) {
                    next++;
                }
                if (next > i + 5 && wordAt(sql, next, "by")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean wordAt(String sql, int at, String word) {
        int end = at + word.length();
        if (end > sql.length() || !sql.regionMatches(true, at, word, 0, word.length())) {
            return false;
        }
        boolean startsWord = at == 0 || !Character.isLetterOrDigit(sql.charAt(at - 1)) && sql.charAt(at - 1) != '_';
        boolean endsWord = end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_';
        return startsWord && endsWord;
    }
}
