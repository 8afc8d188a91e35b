package io.basalt.engine.export;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code EXPORT DATABASE 'dir' [(FORMAT csv | parquet)]} and {@code IMPORT DATABASE 'dir'} (DuckDB's statements:
 * PostgreSQL has neither), recognised from the statement text before it reaches the PostgreSQL grammar.
 *
 * @param export    EXPORT (true) or IMPORT
 * @param directory the directory named
 * @param format    the data files' format for EXPORT (csv unless given)
 */
public record DatabaseTransferStatement(boolean export, Path directory, String format) {
    private static final Pattern SYNTAX = Pattern.compile(
            "(?is)^\\s*(EXPORT|IMPORT)\\s+DATABASE\\s+'((?:[^']|'')*)'\\s*"
                    + "(?:\\(\\s*FORMAT\\s+'?(\\w+)'?\\s*\\))?\\s*;?\\s*$");
    private static final Pattern START = Pattern.compile("(?is)^\\s*(EXPORT|IMPORT)\\s+DATABASE\\b.*");

    /** The statement {@code sql} is, or null when it is no EXPORT / IMPORT DATABASE. */
    public static DatabaseTransferStatement parse(String sql) {
        if (!START.matcher(sql).matches()) {
            return null;
        }
        Matcher matcher = SYNTAX.matcher(sql);
        if (!matcher.matches()) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "syntax error in "
                    + sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT)
                    + " DATABASE: expected a directory in quotes and an optional (FORMAT csv | parquet)");
        }
        boolean export = matcher.group(1).equalsIgnoreCase("EXPORT");
        String format = matcher.group(3) == null ? "csv" : matcher.group(3).toLowerCase(Locale.ROOT);
        if (!export && matcher.group(3) != null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "IMPORT DATABASE takes no options");
        }
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "EXPORT DATABASE format \"" + format + "\" not recognized");
        }
        return new DatabaseTransferStatement(export, Path.of(matcher.group(2).replace("''", "'")), format);
    }
}
