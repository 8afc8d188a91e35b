package io.basalt.cli.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders the errors of error-cases.txt (each points at the unknown column zzq) and compares with
 * what real psql 15 printed for the same statements (error-expected.txt, made by
 * src/test/scripts/generate_error_expectations.py): long-line cuts, tabs, wide characters, line ends.
 */
class ErrorPositionConformanceTest {
    @TestFactory
    List<DynamicTest> caretAndExcerptMatchPsql() throws IOException {
        String expected = resource("error-expected.txt");
        List<DynamicTest> tests = new ArrayList<>();
        int at = 0;
        while (at < expected.length()) {
            int headerEnd = expected.indexOf('\n', at);
            String raw = expected.substring(at + "=== ".length(), headerEnd);
            int end = expected.indexOf("=== end\n", headerEnd + 1);
            String psqlOutput = expected.substring(headerEnd + 1, end);
            at = end + "=== end\n".length();
            String statement = raw.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r") + ";";
            tests.add(DynamicTest.dynamicTest(raw, () -> {
                BasaltException error = BasaltException.at(SqlState.UNDEFINED_COLUMN, statement.indexOf("zzq") + 1,
                        "column \"zzq\" does not exist");
                assertThat(ErrorReport.of(error).render(statement, "")).isEqualTo(psqlOutput);
            }));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests;
    }

    @Test
    void detailAndHintFollowTheCaret() {
        BasaltException error = BasaltException.at(SqlState.UNDEFINED_FUNCTION, 10, "operator does not exist: integer + text")
                .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        assertThat(ErrorReport.of(error).render("select 1 + 'x'::text;", "")).isEqualTo("""
                ERROR:  operator does not exist: integer + text
                LINE 1: select 1 + 'x'::text;
                                 ^
                HINT:  No operator matches the given name and argument types. You might need to add explicit type casts.
                """);
        BasaltException notNull = BasaltException.of(SqlState.NOT_NULL_VIOLATION,
                "null value in column \"c\" of relation \"t\" violates not-null constraint")
                .withDetail("Failing row contains (1, a, null).");
        assertThat(ErrorReport.of(notNull).render("insert into t values (1, 'a', null);", "basalt:f.sql:3: "))
                .isEqualTo("""
                        basalt:f.sql:3: ERROR:  null value in column "c" of relation "t" violates not-null constraint
                        DETAIL:  Failing row contains (1, a, null).
                        """);
    }

    @Test
    void positionOutsideTheStatementShowsNoExcerpt() {
        assertThat(ErrorPosition.render("select 1;", 11)).isEmpty();
        assertThat(ErrorPosition.render("select 1;", 0)).isEmpty();
        assertThat(ErrorPosition.render("select 1;", 10)).isEqualTo("LINE 1: select 1;\n                 ^\n");
    }

    @Test
    void positionShiftsForStatementsInsideALongerText() {
        ErrorReport report = new ErrorReport("syntax error at or near \"selec\"", null, null, 1).shiftedBy(10);
        assertThat(report.render("select 1; selec 2; select 3", "")).isEqualTo("""
                ERROR:  syntax error at or near "selec"
                LINE 1: select 1; selec 2; select 3
                                  ^
                """);
    }

    @Test
    void foreignExceptionsAreInternalErrors() {
        assertThat(ErrorReport.of(new IllegalStateException("boom")).render("x", ""))
                .isEqualTo("ERROR:  internal error: java.lang.IllegalStateException: boom\n");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ErrorPositionConformanceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
