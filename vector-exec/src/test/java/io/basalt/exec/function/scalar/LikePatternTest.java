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
