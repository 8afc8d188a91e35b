package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tsvector: distinct lexemes in PostgreSQL's order (by their UTF-8 bytes), each with its sorted positions, each
 * position with a weight (A, B, C or D, the default). Basalt stores a tsvector as the text this class writes
 * ({@code 'fox':2 'jump':3A}), which is also how PostgreSQL prints one, and reads it back with {@link #parse}.
 *
 * @param lexemes   the lexemes, sorted
 * @param positions per lexeme, its positions (a position times 4 plus the weight, 3 for A down to 0 for D), sorted;
 *                  empty for a lexeme without positions
 */
public record TsVector(List<String> lexemes, List<int[]> positions) {
    /** PostgreSQL's order of lexemes: their bytes compared unsigned, a prefix first. */
    static final Comparator<String> ORDER = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));
    private static final int MAXIMUM_POSITIONS = 256;

    /** A tsvector of the lexemes of a document's tokens, as {@code to_tsvector} builds it. */
    public static TsVector of(List<DocumentParser.Token> tokens, TextSearchConfiguration configuration) {
        Map<String, List<Integer>> found = new TreeMap<>(ORDER);
        for (DocumentParser.Token token : tokens) {
            String lexeme = configuration.lexeme(token.text(), token.number());
            if (lexeme != null && !lexeme.isEmpty()) {
                checkLength(lexeme);
                found.computeIfAbsent(lexeme, key -> new ArrayList<>()).add(token.position() * 4);
            }
        }
        return build(found);
    }

    private static TsVector build(Map<String, List<Integer>> found) {
        List<String> lexemes = new ArrayList<>(found.size());
        List<int[]> positions = new ArrayList<>(found.size());
        for (Map.Entry<String, List<Integer>> entry : found.entrySet()) {
            lexemes.add(entry.getKey());
            positions.add(normalized(entry.getValue()));
        }
        return new TsVector(lexemes, positions);
    }

    private static int[] normalized(List<Integer> entries) {
        return normalizedPositions(entries.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code entries} (position << 2 | weight) sorted by position, one per position (its largest weight), at most 256. */
    static int[] normalizedPositions(int[] entries) {
        int[] sorted = entries.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int entry : sorted) {
            if (n > 0 && sorted[n - 1] >> 2 == entry >> 2) {
                sorted[n - 1] = Math.max(sorted[n - 1], entry);
            } else {
                sorted[n++] = entry;
            }
        }
        return Arrays.copyOf(sorted, Math.min(n, MAXIMUM_POSITIONS));
    }

    private static void checkLength(String lexeme) {
        int bytes = lexeme.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 2046) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "word is too long (" + bytes
                    + " bytes, max 2046 bytes)");
        }
    }

    /**
     * Reads tsvector input: lexemes separated by white space, each bare or in single quotes (a doubled quote or a
     * backslash escapes), optionally followed by {@code :} and positions such as {@code 1,3A}.
     *
     * @throws BasaltException 42601 for malformed input
     */
    public static TsVector parse(String text) {
        Map<String, List<Integer>> found = new TreeMap<>(ORDER);
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder lexeme = new StringBuilder();
            if (text.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw syntax(text);
                    }
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        lexeme.append(text.charAt(i + 1));
                        i += 2;
                    } else if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
                        lexeme.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        lexeme.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ':') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        lexeme.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        lexeme.append(c);
                        i++;
                    }
                }
            }
            String word = lexeme.toString();
            if (word.isEmpty()) {
                throw syntax(text);
            }
            checkLength(word);
            List<Integer> entries = found.computeIfAbsent(word, key -> new ArrayList<>());
            if (i < n && text.charAt(i) == ':') {
                i++;
                while (true) {
                    int start = i;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                    if (start == i) {
                        throw syntax(text);
                    }
                    long position = Long.parseLong(text.substring(start, Math.min(i, start + 10)));
                    if (position == 0) {
                        throw BasaltException.of(SqlState.SYNTAX_ERROR, "wrong position info in tsvector: \""
                                + text + "\"");
                    }
                    int weight = 0;
                    while (i < n && "aAbBcCdD*".indexOf(text.charAt(i)) >= 0) {
                        weight = Math.max(weight, weightCode(text.charAt(i)));
                        i++;
                    }
                    entries.add((int) Math.min(position, DocumentParser.MAXIMUM_POSITION) * 4 + weight);
                    if (i < n && text.charAt(i) == ',') {
                        i++;
                    } else {
                        break;
                    }
                }
            }
        }
        return build(found);
    }

    static int weightCode(char c) {
        return switch (Character.toUpperCase(c)) {
            case 'A' -> 3;
            case 'B' -> 2;
            case 'C' -> 1;
            default -> 0;
        };
    }

    /** The letter of weight {@code code} (3 for A down to 0 for D), as positions hold it. */
    public static char weightLetter(int code) {
        return "DCBA".charAt(code);
    }

    private static BasaltException syntax(String text) {
        return BasaltException.of(SqlState.SYNTAX_ERROR, "syntax error in tsvector: \"" + text + "\"");
    }

    /** PostgreSQL's text of a lexeme: in single quotes, with quotes and backslashes doubled. */
    static String quote(String lexeme) {
        StringBuilder out = new StringBuilder(lexeme.length() + 2).append('\'');
        for (int i = 0; i < lexeme.length(); i++) {
            char c = lexeme.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }

    /** The tsvector as PostgreSQL prints it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lexemes.size(); k++) {
            if (k > 0) {
                out.append(' ');
            }
            out.append(quote(lexemes.get(k)));
            int[] entries = positions.get(k);
            for (int p = 0; p < entries.length; p++) {
                out.append(p == 0 ? ':' : ',').append(entries[p] >> 2);
                if ((entries[p] & 3) != 0) {
                    out.append(weightLetter(entries[p] & 3));
                }
            }
        }
        return out.toString();
    }

    /** The index of {@code lexeme}, or a negative number when absent. */
    int find(String lexeme) {
        int low = 0;
        int high = lexemes.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = ORDER.compare(lexemes.get(middle), lexeme);
            if (c == 0) {
                return middle;
            }
            if (c < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }
}
