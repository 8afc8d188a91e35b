package io.basalt.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.MergeStatement;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MERGE: its clauses and actions, WITH before it, and the syntax errors PostgreSQL 15 reports. */
class MergeParserTest {

    private static MergeStatement merge(String sql) {
        Statement statement = Parser.parseStatement(sql);
        assertThat(statement).isInstanceOf(MergeStatement.class);
        return (MergeStatement) statement;
    }

    @Test
    void clausesInOrderWithTheirActions() {
        MergeStatement merge = merge("""
                MERGE INTO ONLY target AS t USING source s ON t.tid = s.sid
                WHEN MATCHED AND t.balance > s.delta THEN UPDATE SET balance = t.balance - s.delta, note = DEFAULT
                WHEN MATCHED THEN DELETE
                WHEN NOT MATCHED AND s.delta > 0 THEN INSERT (tid, balance) OVERRIDING USER VALUE VALUES (s.sid, DEFAULT)
                WHEN NOT MATCHED THEN DO NOTHING""");
        assertThat(merge.target().last()).isEqualTo("target");
        assertThat(merge.only()).isTrue();
        assertThat(merge.alias()).isEqualTo("t");
        assertThat(merge.targetName()).isEqualTo("t");
        assertThat(merge.source()).isInstanceOfSatisfying(FromItem.Table.class,
                table -> assertThat(table.alias()).isEqualTo("s"));
        List<MergeStatement.When> whens = merge.whens();
        assertThat(whens).hasSize(4);
        assertThat(whens.get(0).matched()).isTrue();
        assertThat(whens.get(0).condition()).isNotNull();
        assertThat(whens.get(0).action()).isInstanceOfSatisfying(MergeStatement.Action.Update.class,
                update -> assertThat(update.assignments()).hasSize(2));
        assertThat(whens.get(1).condition()).isNull();
        assertThat(whens.get(1).action()).isInstanceOf(MergeStatement.Action.Delete.class);
        assertThat(whens.get(2).matched()).isFalse();
        assertThat(whens.get(2).action()).isInstanceOfSatisfying(MergeStatement.Action.Insert.class, insert -> {
            assertThat(insert.columns()).containsExactly("tid", "balance");
            assertThat(insert.values()).hasSize(2);
            assertThat(insert.overriding()).isEqualTo(InsertStatement.Overriding.USER_VALUE);
        });
        assertThat(whens.get(3).action()).isInstanceOf(MergeStatement.Action.DoNothing.class);
    }

    @Test
    void defaultValuesJoinSourceAndWith() {
        MergeStatement merge = merge("""
                WITH extra AS (SELECT 1 AS sid)
                MERGE INTO target USING extra JOIN other o ON o.id = extra.sid ON target.tid = extra.sid
                WHEN NOT MATCHED THEN INSERT DEFAULT VALUES""");
        assertThat(merge.with()).isNotNull();
        assertThat(merge.alias()).isNull();
        assertThat(merge.targetName()).isEqualTo("target");
        assertThat(merge.source()).isInstanceOf(FromItem.Join.class);
        assertThat(merge.whens().getFirst().action()).isInstanceOfSatisfying(MergeStatement.Action.Insert.class,
                insert -> assertThat(insert.values()).isNull());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MERGE INTO target t RANDOMWORD USING source s ON t.tid = s.sid WHEN MATCHED THEN DELETE | RANDOMWORD",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED THEN INSERT DEFAULT VALUES | INSERT",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN NOT MATCHED THEN INSERT INTO target DEFAULT VALUES | INTO",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN NOT MATCHED THEN INSERT VALUES (1,1), (2,2) | ','",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN NOT MATCHED THEN INSERT SELECT (1, 1) | SELECT",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN NOT MATCHED THEN UPDATE SET balance = 0 | UPDATE",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED THEN UPDATE target SET balance = 0 | target",
        "MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED THEN DELETE RETURNING * | RETURNING",
        "MERGE INTO target t USING source s ON t.tid = s.sid | end of input",
    })
    void syntaxErrorsAtTheTokenPostgresqlNames(String sql, String token) {
        assertThatThrownBy(() -> Parser.parseStatement(sql)).isInstanceOfSatisfying(BasaltException.class, error -> {
            assertThat(error.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
            assertThat(error.getMessage()).contains(token.equals("end of input") ? "at end of input"
                    : "at or near \"" + token + "\"");
        });
    }

    @Test
    void mergeInWithAndInCopyAreRefused() {
        assertThatThrownBy(() -> Parser.parseStatement(
                "WITH foo AS (MERGE INTO target USING source ON true WHEN MATCHED THEN DELETE) SELECT * FROM foo"))
                .isInstanceOfSatisfying(BasaltException.class, error -> {
                    assertThat(error.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
                    assertThat(error.getMessage()).isEqualTo("MERGE not supported in WITH query");
                });
        assertThatThrownBy(() -> Parser.parseStatement(
                "COPY (MERGE INTO target USING source ON true WHEN MATCHED THEN DELETE) TO stdout"))
                .isInstanceOfSatisfying(BasaltException.class,
                        error -> assertThat(error.getMessage()).isEqualTo("MERGE not supported in COPY"));
        assertThat(Parser.parseStatement("SELECT 1")).isInstanceOf(QueryStatement.class);
    }
}
