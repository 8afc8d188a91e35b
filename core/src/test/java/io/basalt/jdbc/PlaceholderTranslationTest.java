package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JDBC's ? markers become $n everywhere but in literals, quoted names, comments and dollar quotes. */
class PlaceholderTranslationTest {
    private static String translate(String sql) {
        return PlaceholderTranslation.of(sql).sql();
    }

    @Test
    void numbersMarkersInOrder() {
        PlaceholderTranslation translation = PlaceholderTranslation.of("SELECT * FROM t WHERE a = ? AND b IN (?, ?)");
        assertThat(translation.sql()).isEqualTo("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
        assertThat(translation.parameters()).isEqualTo(3);
    }

    @Test
    void leavesQuotedTextAlone() {
        assertThat(translate("SELECT '?', 'it''s ?', \"?col\", ? FROM t")).isEqualTo(
                "SELECT '?', 'it''s ?', \"?col\", $1 FROM t");
        assertThat(translate("SELECT E'\\'?', ?")).isEqualTo("SELECT E'\\'?', $1");
    }

    @Test
    void leavesCommentsAndDollarQuotesAlone() {
        assertThat(translate("SELECT ? -- what?\n, /* a /* nested? */ ? */ ?")).isEqualTo(
                "SELECT $1 -- what?\n, /* a /* nested? */ ? */ $2");
        assertThat(translate("SELECT $$?$$, $tag$ ? $ $tag$, ?")).isEqualTo("SELECT $$?$$, $tag$ ? $ $tag$, $1");
    }

    @Test
    void doubledMarkerIsTheOperator() {
        assertThat(translate("SELECT j ?? 'k', j ??| ARRAY[?] FROM t")).isEqualTo(
                "SELECT j ? 'k', j ?| ARRAY[$1] FROM t");
    }

    @Test
    void existingParametersAndIdentifiersWithDollarsPass() {
        assertThat(translate("SELECT a$b, $1, ?")).isEqualTo("SELECT a$b, $1, $1");
        assertThat(PlaceholderTranslation.of("SELECT $1").parameters()).isZero();
    }
}
