package io.basalt.jdbc;

/**
 * JDBC's {@code ?} parameter markers turned into PostgreSQL's {@code $1, $2, ...}, as PostgreSQL's own driver does.
 * Text inside string constants ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar-quoted strings ({@code $tag$...$tag$}), line comments and nested block comments is left alone, and
 * {@code ??} stands for a literal {@code ?} (the jsonb operators {@code ?}, {@code ?|}, {@code ?&}).
 *
 * @param sql        the statement as the engine reads it
 * @param parameters how many markers it had
 */
record PlaceholderTranslation(String sql, int parameters) {

    static PlaceholderTranslation of(String jdbcSql) {
        StringBuilder out = new StringBuilder(jdbcSql.length() + 8);
        int count = 0;
        int length = jdbcSql.length();
        int i = 0;
        while (i < length) {
            char c = jdbcSql.charAt(i);
            int end;
            if (c == '\'') {
                boolean escapes = i > 0 && (jdbcSql.charAt(i - 1) == 'E' || jdbcSql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(jdbcSql.charAt(i - 2)));
                end = quotedEnd(jdbcSql, i, '\'', escapes);
            } else if (c == '"') {
                end = quotedEnd(jdbcSql, i, '"', false);
            } else if (c == '-' && i + 1 < length && jdbcSql.charAt(i + 1) == '-') {
                int newline = jdbcSql.indexOf('\n', i);
                end = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && jdbcSql.charAt(i + 1) == '*') {
                end = blockCommentEnd(jdbcSql, i);
            } else if (c == '$') {
                end = dollarQuoteEnd(jdbcSql, i);
            } else if (c == '?') {
                if (i + 1 < length && jdbcSql.charAt(i + 1) == '?') {
                    out.append('?');
                    i += 2;
                } else {
                    out.append('$').append(++count);
                    i++;
                }
                continue;
            } else {
                end = i + 1;
            }
            out.append(jdbcSql, i, end);
            i = end;
        }
        return new PlaceholderTranslation(out.toString(), count);
    }

    /** The index after a quoted token opening at {@code start} (doubled quotes stay inside); the end if unclosed. */
    private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /**
     * The index after a dollar-quoted string opening at {@code start}; {@code start + 1} when the {@code $} opens
     * none (a {@code $1} parameter, or a {@code $} inside an identifier such as {@code a$b}).
     */
    private static int dollarQuoteEnd(String sql, int start) {
        if (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
            return start + 1;
        }
        int tagEnd = start + 1;
        while (tagEnd < sql.length() && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_'
                || (tagEnd > start + 1 && Character.isDigit(sql.charAt(tagEnd))))) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return start + 1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }
}
