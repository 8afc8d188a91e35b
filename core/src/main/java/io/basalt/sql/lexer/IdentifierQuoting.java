package io.basalt.sql.lexer;

/**
 * Writes a name as SQL text must spell it to mean exactly that name, as PostgreSQL's {@code quote_identifier}
 * does: bare when it could be read back unchanged (lower-case letters, digits and underscores, starting with a
 * letter or underscore, and not a keyword other than an unreserved one), otherwise in double quotes with any
 * quote doubled.
 */
public final class IdentifierQuoting {
    private IdentifierQuoting() {
    }

    public static String quote(String name) {
        boolean safe = !name.isEmpty() && (isLowerLetter(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; safe && i < name.length(); i++) {
            char c = name.charAt(i);
            safe = isLowerLetter(c) || (c >= '0' && c <= '9') || c == '_';
        }
        if (safe) {
            Keyword keyword = Keyword.lookup(name);
            safe = keyword == null || keyword.category() == KeywordCategory.UNRESERVED;
        }
        return safe ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
