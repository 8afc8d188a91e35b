package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;

/**
 * A compiled LIKE / ILIKE pattern matched against UTF-8 bytes. {@code %} matches any sequence, {@code _}
 * one character (not one byte), the escape character (default backslash) makes the next character
 * literal. Common shapes — {@code 'abc'}, {@code 'abc%'}, {@code '%abc'}, {@code '%abc%'}, and any literals
 * separated by {@code %} such as {@code '%special%requests%'} — match with plain byte comparisons; patterns with
 * {@code _} run a wildcard matcher that backtracks only to the last {@code %}.
 * ILIKE folds ASCII letters, which is what the C locale does.
 */
public final class LikePattern {
    private static final byte LITERAL = 0;
    private static final byte ANY_CHAR = 1;
    private static final byte ANY_SEQUENCE = 2;

    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, SEGMENTS, GENERAL }

    private final String source;
    private final byte[] kinds;
    private final byte[] literals;
    private final boolean caseInsensitive;
    private final Shape shape;
    private final byte[] fixed;
    /**
     * SEGMENTS: literals separated by {@code %} (no {@code _}): {@code head} must start the value ({@code %} first: empty),
     * {@code tail} end it ({@code %} last: empty), and {@code middle} occur in order, without overlap, between them.
     */
    private final byte[] head;
    private final byte[][] middle;
    private final byte[] tail;

    private LikePattern(String source, byte[] kinds, byte[] literals, boolean caseInsensitive) {
        this.source = source;
        this.kinds = kinds;
        this.literals = literals;
        this.caseInsensitive = caseInsensitive;
        int sequences = 0;
        int anyChars = 0;
        for (byte kind : kinds) {
            sequences += kind == ANY_SEQUENCE ? 1 : 0;
            anyChars += kind == ANY_CHAR ? 1 : 0;
        }
        int n = kinds.length;
        Shape chosen = Shape.GENERAL;
        if (anyChars == 0) {
            if (sequences == 0) {
                chosen = Shape.EXACT;
            } else if (sequences == 1 && kinds[n - 1] == ANY_SEQUENCE) {
                chosen = Shape.PREFIX;
            } else if (sequences == 1 && kinds[0] == ANY_SEQUENCE) {
                chosen = Shape.SUFFIX;
            } else if (sequences == 2 && n >= 2 && kinds[0] == ANY_SEQUENCE && kinds[n - 1] == ANY_SEQUENCE) {
                chosen = Shape.CONTAINS;
            } else {
                chosen = Shape.SEGMENTS;
            }
        }
        this.shape = chosen;
        int from = chosen == Shape.SUFFIX || chosen == Shape.CONTAINS ? 1 : 0;
        int to = chosen == Shape.PREFIX || chosen == Shape.CONTAINS ? n - 1 : n;
        this.fixed = java.util.Arrays.copyOfRange(literals, from, Math.max(from, to));
        if (chosen == Shape.SEGMENTS) {
            // Literal runs between the %s; the first and last are anchored unless a % precedes or follows them.
            java.util.List<byte[]> runs = new java.util.ArrayList<>();
            int start = 0;
            for (int k = 0; k <= n; k++) {
                if (k == n || kinds[k] == ANY_SEQUENCE) {
                    runs.add(java.util.Arrays.copyOfRange(literals, start, k));
                    start = k + 1;
                }
            }
            this.head = runs.getFirst();
            this.tail = runs.getLast();
            this.middle = runs.subList(1, runs.size() - 1).toArray(new byte[0][]);
        } else {
            this.head = null;
            this.tail = null;
            this.middle = null;
        }
    }

    /**
     * Compiles {@code pattern}; {@code escape} is the escape character, or null for none (ESCAPE '').
     *
     * @throws BasaltException 22025 when the pattern ends with the escape character
     */
    public static LikePattern compile(String pattern, String escape, boolean caseInsensitive) {
        if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
            throw BasaltException.of(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        int escapeChar = escape == null || escape.isEmpty() ? -1 : escape.codePointAt(0);
        java.io.ByteArrayOutputStream kinds = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream literals = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escapeChar) {
                if (i >= pattern.length()) {
                    throw BasaltException.of(SqlState.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                int literal = pattern.codePointAt(i);
                i += Character.charCount(literal);
                appendLiteral(literal, kinds, literals, caseInsensitive);
            } else if (c == '%') {
                int size = kinds.size();
                if (size == 0 || kinds.toByteArray()[size - 1] != ANY_SEQUENCE) {
                    kinds.write(ANY_SEQUENCE);
                    literals.write(0);
                }
            } else if (c == '_') {
                kinds.write(ANY_CHAR);
                literals.write(0);
            } else {
                appendLiteral(c, kinds, literals, caseInsensitive);
            }
        }
        return new LikePattern(pattern + "\u0000" + escape, kinds.toByteArray(), literals.toByteArray(), caseInsensitive);
    }

    /**
     * The UTF-8 bytes every matching value starts with when the pattern is a literal, or a literal followed by one
     * {@code %}, matched case-sensitively; else null. For zone-map pruning.
     */
    public byte[] literalPrefix() {
        return !caseInsensitive && (shape == Shape.PREFIX || shape == Shape.EXACT) ? fixed.clone() : null;
    }

    private static void appendLiteral(int codePoint, java.io.ByteArrayOutputStream kinds,
                                      java.io.ByteArrayOutputStream literals, boolean caseInsensitive) {
        byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            kinds.write(LITERAL);
            literals.write(caseInsensitive ? lower(b) : b);
        }
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /** Whether the first {@code length} bytes of {@code value} (UTF-8) match. */
    public boolean matches(byte[] value, int length) {
        return switch (shape) {
            case EXACT -> length == fixed.length && regionMatches(value, 0, fixed);
            case PREFIX -> length >= fixed.length && regionMatches(value, 0, fixed);
            case SUFFIX -> length >= fixed.length && regionMatches(value, length - fixed.length, fixed);
            case CONTAINS -> contains(value, length);
            case SEGMENTS -> segments(value, length);
            case GENERAL -> general(value, length);
        };
    }

    private boolean regionMatches(byte[] value, int offset, byte[] expected) {
        for (int k = 0; k < expected.length; k++) {
            byte b = value[offset + k];
            if ((caseInsensitive ? lower(b) : b) != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(byte[] value, int length) {
        return indexOf(value, 0, length, fixed) >= 0;
    }

    /**
     * Matches literals separated by {@code %}: the anchored head and tail, then each middle literal at its first
     * occurrence after the previous one (taking the earliest occurrence never loses a match). Byte offsets are
     * character boundaries wherever a literal matches, since UTF-8 sequences never start inside one another.
     */
    private boolean segments(byte[] value, int length) {
        int end = length - tail.length;
        if (end < head.length || !regionMatches(value, 0, head) || !regionMatches(value, end, tail)) {
            return false;
        }
        int position = head.length;
        for (byte[] literal : middle) {
            int found = indexOf(value, position, end, literal);
            if (found < 0) {
                return false;
            }
            position = found + literal.length;
        }
        return true;
    }

    /** The first offset in {@code [from, to - literal.length]} where {@code literal} occurs, or -1. */
    private int indexOf(byte[] value, int from, int to, byte[] literal) {
        int last = to - literal.length;
        if (caseInsensitive || literal.length == 0) {
            for (int start = from; start <= last; start++) {
                if (regionMatches(value, start, literal)) {
                    return start;
                }
            }
            return -1;
        }
        // case-sensitive: eight candidate offsets at a time, then a tight scan for the first byte for the rest
        int start = from;
        if (literal.length >= 2) {
            start = swarIndexOf(value, from, last, literal);
            if (start < 0 || start <= last && regionMatches(value, start, literal)) {
                return start;
            }
        }
        byte first = literal[0];
        for (; start <= last; start++) {
            if (value[start] != first) {
                continue;
            }
            int k = 1;
            while (k < literal.length && value[start + k] == literal[k]) {
                k++;
            }
            if (k == literal.length) {
                return start;
            }
        }
        return -1;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first offset in {@code [from, last]} where {@code literal} (two bytes or more) occurs, found by testing eight
     * offsets at once: a word of the value at the offsets and a word at the offsets plus the literal's length less one
     * are compared with the literal's first and last bytes (a zero byte of {@code (a ^ first) | (b ^ final)} marks an
     * offset where both match), and only those offsets are compared in full. Returns -1 when there is none; when
     * fewer than eight offsets are left to test, returns the first offset not tested yet (which may be past
     * {@code last}) for the caller's byte-by-byte scan.
     */
    private int swarIndexOf(byte[] value, int from, int last, byte[] literal) {
        int length = literal.length;
        long first = (literal[0] & 0xFFL) * ONES;
        long end = (literal[length - 1] & 0xFFL) * ONES;
        int start = from;
        for (; start + 7 <= last; start += 8) {
            long a = (long) LONGS.get(value, start) ^ first;
            long b = (long) LONGS.get(value, start + length - 1) ^ end;
            long x = a | b;
            // high bit of each zero byte (and possibly of bytes above one, which the full comparison rejects)
            long zeros = (x - ONES) & ~x & HIGHS;
            while (zeros != 0) {
                int candidate = start + (Long.numberOfTrailingZeros(zeros) >>> 3);
                if (regionMatches(value, candidate, literal)) {
                    return candidate;
                }
                zeros &= zeros - 1;
            }
        }
        return start <= last ? start : -1;
    }

    /** The wildcard matcher every shape must agree with, whatever the pattern's shape; for tests. */
    boolean matchesGenerally(byte[] value, int length) {
        return general(value, length);
    }

    private boolean general(byte[] value, int length) {
        int s = 0;
        int p = 0;
        int starPattern = -1;
        int starValue = 0;
        int n = kinds.length;
        while (s < length) {
            if (p < n && kinds[p] == ANY_CHAR) {
                s = nextCharacter(value, s, length);
                p++;
            } else if (p < n && kinds[p] == LITERAL
                    && (caseInsensitive ? lower(value[s]) : value[s]) == literals[p]) {
                s++;
                p++;
            } else if (p < n && kinds[p] == ANY_SEQUENCE) {
                starPattern = p++;
                starValue = s;
            } else if (starPattern >= 0) {
                p = starPattern + 1;
                starValue = nextCharacter(value, starValue, length);
                s = starValue;
            } else {
                return false;
            }
        }
        while (p < n && kinds[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == n;
    }

    /** The index after the UTF-8 character starting at {@code index}. */
    private static int nextCharacter(byte[] value, int index, int length) {
        int next = index + 1;
        while (next < length && (value[next] & 0xC0) == 0x80) {
            next++;
        }
        return next;
    }

    /** Patterns are equal when written the same way (text, escape, case sensitivity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof LikePattern that && source.equals(that.source) && caseInsensitive == that.caseInsensitive;
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + (caseInsensitive ? 1 : 0);
    }
}
