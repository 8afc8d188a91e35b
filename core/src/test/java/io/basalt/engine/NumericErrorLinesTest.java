package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Test;

/**
 * The DETAIL and CONTEXT lines of NUMERIC errors (the sqllogictest runner compares only SQLSTATE and message), as
 * PostgreSQL writes them: typmod overflow for scales outside 0..precision (PostgreSQL 15), log's CONTEXT as the SQL
 * function it is, and RN templates (PostgreSQL 18).
 */
class NumericErrorLinesTest {
    @Test
    void overflowOfANegativeOrLargeScaleNamesTheBound() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            assertOverflow(session, "SELECT 999500000::numeric(3,-6)",
                    "A field with precision 3, scale -6 must round to an absolute value less than 10^9.");
            assertOverflow(session, "SELECT 0.0009995::numeric(3,6)",
                    "A field with precision 3, scale 6 must round to an absolute value less than 10^-3.");
            assertOverflow(session, "SELECT 0.9995::numeric(3,3)",
                    "A field with precision 3, scale 3 must round to an absolute value less than 1.");
            assertOverflow(session, "SELECT 'inf'::numeric(3,-6)",
                    "A field with precision 3, scale -6 cannot hold an infinite value.");
        }
    }

    @Test
    void logOfOneArgumentFailsInsideItsSqlFunction() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("SELECT log(-12.34)"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_ARGUMENT_FOR_LOG);
                        assertThat(e.context()).isEqualTo("SQL function \"log\" statement 1");
                    });
            assertThatThrownBy(() -> session.execute("SELECT log10(0.0)"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.context()).isEqualTo("SQL function \"log10\" statement 1"));
            assertThatThrownBy(() -> session.execute("SELECT log(10.0, 0.0)"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.context()).isNull());
        }
    }

    @Test
    void romanNumeralsStandOnlyWithFillMode() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("SELECT to_number('CM', 'MIRN')"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
                        assertThat(e.getMessage()).isEqualTo("\"RN\" is incompatible with other formats");
                        assertThat(e.detail()).isEqualTo("\"RN\" may only be used together with \"FM\".");
                    });
        }
    }

    private static void assertOverflow(Session session, String sql, String detail) {
        assertThatThrownBy(() -> session.execute(sql))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
                    assertThat(e.getMessage()).isEqualTo("numeric field overflow");
                    assertThat(e.detail()).isEqualTo(detail);
                });
    }
}
