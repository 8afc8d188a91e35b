package io.basalt.cli.command;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * psql's object-name patterns for {@code \d} and {@code \dt}: an optional {@code schema.} part and
 * a name, where unquoted letters fold to lower case, {@code *} matches any text and {@code ?} any
 * one character, and double-quoted text matches itself exactly (case kept, wildcards literal).
 */
public final class NamePattern {
    private final Pattern schema;
    private final Pattern name;

    private NamePattern(Pattern schema, Pattern name) {
        this.schema = schema;
        this.name = name;
    }

    public static NamePattern parse(String text) {
        StringBuilder schemaRegex = null;
        StringBuilder regex = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    regex.append(Pattern.quote("\""));
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && ch == '.') {
                schemaRegex = regex;
                regex = new StringBuilder();
            } else if (!quoted && ch == '*') {
                regex.append(".*");
            } else if (!quoted && ch == '?') {
                regex.append('.');
            } else {
                String literal = quoted ? String.valueOf(ch) : String.valueOf(ch).toLowerCase(Locale.ROOT);
                regex.append(Pattern.quote(literal));
            }
        }
        return new NamePattern(schemaRegex == null ? null : Pattern.compile(schemaRegex.toString()),
                Pattern.compile(regex.toString()));
    }

    /** Whether the pattern names a schema ({@code schema.name}); an unqualified one finds only visible objects. */
    public boolean qualified() {
        return schema != null;
    }

    public boolean matches(String schemaName, String tableName) {
        if (schema != null && !schema.matcher(schemaName).matches()) {
            return false;
        }
        return name.matcher(tableName).matches();
    }
}
