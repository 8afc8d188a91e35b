package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

/**
 * One record that did not behave as its file says: where it is ({@code file:line}), its SQL (null
 * for failures that belong to no statement, such as a leak), and what went wrong.
 */
public record SltFailure(String file, int line, String sql, String problem) {
    public SltFailure {
        requireNonNull(file, "file is null");
        requireNonNull(problem, "problem is null");
    }

    /** The failure as a developer reads it: location, then the SQL indented, then the problem. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(file).append(':').append(line).append(':');
        if (sql == null) {
            return text.append(' ').append(problem).toString();
        }
        text.append('\n');
        for (String sqlLine : sql.split("\n", -1)) {
            text.append("    ").append(sqlLine).append('\n');
        }
        return text.append(problem).toString();
    }
}
