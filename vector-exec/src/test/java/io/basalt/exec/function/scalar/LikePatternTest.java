package io.basalt.exec.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shaped LIKE matchers (exact, prefix, suffix, contains, literals between {@code %}s) against the general
 * wildcard matcher, over patterns and values drawn from a small alphabet (so that literals overlap, repeat and
 * nearly match) with multi-byte characters, and a few cases written out with PostgreSQL's answers.
 */
class LikePatternTest {
    private static final String[] PIECES = {"a", "b", "ab", "ba", "é", "%", "%", "_"};
    private static final String[] LETTERS = {"a", "b", "é", "A", "x"};

    @Test
    void everyShapeAgreesWithTheGeneralMatcher() {
        Random random = new Random(17);
        for (int p = 0; p < 3000; p++) {
            StringBuilder pattern = new StringBuilder();
            int pieces = random.nextInt(7);
            for (int k = 0; k < pieces; k++) {
                pattern.append(PIECES[random.nextInt(PIECES.length)]);
            }
            boolean caseInsensitive = random.nextInt(4) == 0;
            LikePattern compiled = LikePattern.compile(pattern.toString(), "\\", caseInsensitive);
            for (int v = 0; v < 40; v++) {
                StringBuilder value = new StringBuilder();
                int letters = random.nextInt(9);
                for (int k = 0; k < letters; k++) {
                    value.append(LETTERS[random.nextInt(LETTERS.length)]);
                }
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                assertThat(compiled.matches(bytes, bytes.length))
                        .as("'%s' LIKE '%s' (ilike %s)", value, pattern, caseInsensitive)
                        .isEqualTo(compiled.matchesGenerally(bytes, bytes.length));
            }
        }
    }

    /**
     * Long values (the word-at-a-time search of literals between {@code %}s runs on values of a dozen bytes or more)
     * in arrays longer than the value, whose bytes past its end must not match.
     */
    @Test
    void literalsInLongValuesAgreeWithTheGeneralMatcher() {
        Random random = new Random(23);
        String[] pieces = {"ab", "ba", "aab", "bab", "abba", "é", "xa", "%", "%", "%"};
        String[] letters = {"a", "b", "x", "é"};
        for (int p = 0; p < 2000; p++) {
            StringBuilder pattern = new StringBuilder("%");
            int count = 1 + random.nextInt(4);
            for (int k = 0; k < count; k++) {
                pattern.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextBoolean()) {
                pattern.append('%');
            }
            LikePattern compiled = LikePattern.compile(pattern.toString(), "\\", false);
            for (int v = 0; v < 20; v++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(70);
                for (int k = 0; k < length; k++) {
                    value.append(letters[random.nextInt(letters.length)]);
                }
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 16);
                java.util.Arrays.fill(padded, bytes.length, padded.length, (byte) 'a');
                assertThat(compiled.matches(padded, bytes.length))
                        .as("'%s' LIKE '%s'", value, pattern)
                        .isEqualTo(compiled.matchesGenerally(bytes, bytes.length));
            }
        }
        byte[] comment = "carefully final deposits detect slyly; special packages wake requests. quickly"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(LikePattern.compile("%special%requests%", "\\", false).matches(comment, comment.length)).isTrue();
        assertThat(LikePattern.compile("%special%deposits%", "\\", false).matches(comment, comment.length)).isFalse();
    }

    @Test
    void literalsBetweenPercentSignsMatchInOrderWithoutOverlap() {
        assertThat(like("the special requests", "%special%requests%")).isTrue();
        assertThat(like("requests special", "%special%requests%")).isFalse();
        assertThat(like("specialrequests", "%special%requests%")).isTrue();
        assertThat(like("aba", "ab%ba")).isFalse();
        assertThat(like("abba", "ab%ba")).isTrue();
        assertThat(like("abxba", "ab%b%ba")).isFalse();
        assertThat(like("abxbba", "ab%b%ba")).isTrue();
        assertThat(like("zéz", "z%é%z")).isTrue();
        assertThat(like("zz", "z%é%z")).isFalse();
    }

    private static boolean like(String value, String pattern) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return LikePattern.compile(pattern, "\\", false).matches(bytes, bytes.length);
    }
}
