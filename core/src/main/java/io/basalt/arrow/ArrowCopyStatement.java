package io.basalt.arrow;

import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code COPY table [(columns)] | (query) TO 'file' (FORMAT arrow)} and {@code COPY table [(columns)] FROM 'file'
 * (FORMAT arrow)}: Arrow IPC files in and out through COPY's syntax, recognised from the statement text before it
 * reaches the COPY grammar (whose format list is PostgreSQL's). TO runs the query and writes its batches
 * ({@link ArrowResults#writeFile}); FROM inserts {@code SELECT * FROM read_arrow('file')}, so constraints and the
 * log apply as for any INSERT. No other COPY option is taken with FORMAT arrow.
 *
 * @param target the table with its optional column list, or a parenthesised query (TO only)
 * @param to     TO (true) or FROM
 * @param file   the file, relative to the engine's working directory unless absolute
 */
public record ArrowCopyStatement(String target, boolean to, Path file) {
    private static final Pattern SYNTAX = Pattern.compile(
            "(?is)^\\s*COPY\\s+(.+?)\\s+(TO|FROM)\\s+'((?:[^']|'')*)'\\s*(?:WITH\\s*)?\\(\\s*FORMAT\\s+'?arrow'?\\s*\\)"
                    + "\\s*;?\\s*$");
    private static final Pattern TABLE_WITH_COLUMNS = Pattern.compile("(?s)^(.+?)\\s*\\((.*)\\)\\s*$");

    /** The statement {@code sql} is, or null when it is no COPY in the Arrow format. */
    public static ArrowCopyStatement parse(String sql) {
        Matcher matcher = SYNTAX.matcher(sql);
        if (!matcher.matches()) {
            return null;
        }
        return new ArrowCopyStatement(matcher.group(1).strip(), matcher.group(2).equalsIgnoreCase("TO"),
                Path.of(matcher.group(3).replace("''", "'")));
    }

    /** Runs the copy in {@code session}; returns the rows copied. */
    public long run(Session session) {
        String quotedFile = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        if (to) {
            try (QueryResult result = session.query(query())) {
                return ArrowResults.writeFile(result, file.toAbsolutePath());
            }
        }
        try (QueryResult result = session.execute("INSERT INTO " + target + " SELECT * FROM read_arrow("
                + quotedFile + ")")) {
            return result.rowCount();
        }
    }

    /** What COPY TO writes: the parenthesised query, or the table's (listed) columns. */
    private String query() {
        if (target.startsWith("(")) {
            return target.substring(1, target.lastIndexOf(')'));
        }
        Matcher columns = TABLE_WITH_COLUMNS.matcher(target);
        if (columns.matches()) {
            return "SELECT " + columns.group(2) + " FROM " + columns.group(1);
        }
        return "SELECT * FROM " + target;
    }
}
