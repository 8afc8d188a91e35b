package io.basalt.sequence;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the sequence a text names, as PostgreSQL's regclass input does for {@code nextval('name')}: the text is
 * split at dots outside double quotes into at most three names (database, schema, sequence); unquoted names are
 * folded to lower case (ASCII letters, as the lexer does) and trimmed, quoted ones keep their spelling
 * ({@code ""} is a quote). Errors are PostgreSQL's: 42602 for text that is no name, 42601 for too many dotted
 * names, 0A000 for another database, 3F000 for a missing schema, 42P01 for a missing relation and 42809 for a
 * relation that is not a sequence.
 */
public final class SequenceNames {
    /** The database name a three-part name may start with (PostgreSQL's current database). */
    private static final String DATABASE = "basalt";

    private SequenceNames() {
    }

    /** The sequence {@code text} names. */
    public static SequenceEntry resolve(Catalog catalog, String text) {
        Located located = locate(catalog, text);
        var sequence = catalog.findSequence(located.schema(), located.name());
        if (sequence.isPresent()) {
            return sequence.get();
        }
        if (catalog.findTable(located.schema(), located.name()).isPresent()) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + located.name() + "\" is not a sequence");
        }
        throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + located.written() + "\" does not exist");
    }

    /** The table {@code text} names, read the same way. */
    public static TableEntry resolveTable(Catalog catalog, String text) {
        Located located = locate(catalog, text);
        return catalog.findTable(located.schema(), located.name()).orElseThrow(() -> BasaltException.of(
                SqlState.UNDEFINED_TABLE, "relation \"" + located.written() + "\" does not exist"));
    }

    /** A name as regclass output writes it: double-quoted unless it is a plain lower-case identifier. */
    public static String quoted(String name) {
        boolean plain = !name.isEmpty() && !(name.charAt(0) >= '0' && name.charAt(0) <= '9');
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * A relation name split and checked: its schema (which exists; null for an unqualified name, looked up through
     * the search path: the session's temporary schema, then public), its name, and how messages write it.
     */
    private record Located(String schema, String name, String written) {
    }

    private static Located locate(Catalog catalog, String text) {
        List<String> parts = split(text);
        if (parts.size() > 3) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "improper relation name (too many dotted names): " + String.join(".", parts));
        }
        if (parts.size() == 3 && !parts.getFirst().equals(DATABASE)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cross-database references are not implemented: \"" + String.join(".", parts) + "\"");
        }
        String name = parts.getLast();
        if (parts.size() == 1) {
            return new Located(null, name, name);
        }
        String schema = parts.get(parts.size() - 2);
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
        return new Located(schema, name, schema + "." + name);
    }

    /** The dotted names of {@code text}, each unquoted or folded. */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (true) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder part = new StringBuilder();
            if (i < length && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= length) {
                        throw invalid();
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < length && text.charAt(i) == '"') {
                            part.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        part.append(c);
                    }
                }
            } else {
                int start = i;
                while (i < length && text.charAt(i) != '.' && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw invalid();
                }
                for (int k = start; k < i; k++) {
                    char c = text.charAt(k);
                    part.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                }
            }
            parts.add(part.toString());
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                return parts;
            }
            if (text.charAt(i) != '.') {
                throw invalid();
            }
            i++;
        }
    }

    private static BasaltException invalid() {
        return BasaltException.of(SqlState.INVALID_NAME, "invalid name syntax");
    }
}
