package io.basalt.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import org.junit.jupiter.api.Test;

/**
 * Node positions: 1-based character offsets, placed where PostgreSQL places them (operators at the
 * operator, {@code x::t} at the {@code ::}, a typed literal at its string, everything else at its first token).
 */
class PositionTest {

    private static QueryBody.Select select(String sql) {
        Query query = ((QueryStatement) Parser.parseStatement(sql)).query();
        return (QueryBody.Select) query.body();
    }

    private static Expression item(QueryBody.Select select, int index) {
        return ((SelectItem.Item) select.items().get(index)).expression();
    }

    @Test
    void operatorsArePlacedAtTheirOperator() {
        QueryBody.Select select = select("SELECT a + b, x IS NULL, y BETWEEN 1 AND 2, z IN (1), NOT w, -v FROM t");
        assertThat(select.position()).isEqualTo(1);
        Expression.Binary plus = (Expression.Binary) item(select, 0);
        assertThat(plus.position()).isEqualTo(10);
        assertThat(plus.left().position()).isEqualTo(8);
        assertThat(plus.right().position()).isEqualTo(12);
        assertThat(item(select, 1).position()).isEqualTo(17);
        assertThat(item(select, 2).position()).isEqualTo(28);
        assertThat(item(select, 3).position()).isEqualTo(47);
        assertThat(item(select, 4).position()).isEqualTo(55);
        assertThat(item(select, 5).position()).isEqualTo(62);
        assertThat(select.items().get(0).position()).isEqualTo(8);
        assertThat(select.from().getFirst().position()).isEqualTo(70);
    }

    @Test
    void castsLiteralsAndCalls() {
        QueryBody.Select select = select("SELECT x::int, CAST(y AS text), DATE '2024-01-01', f(z), 'é😀', q");
        assertThat(item(select, 0).position()).isEqualTo(9);
        assertThat(item(select, 1).position()).isEqualTo(16);
        Expression.TypedLiteral date = (Expression.TypedLiteral) item(select, 2);
        assertThat(date.position()).isEqualTo(38);
        assertThat(date.type().position()).isEqualTo(33);
        Expression.FunctionCall call = (Expression.FunctionCall) item(select, 3);
        assertThat(call.position()).isEqualTo(52);
        assertThat(call.name().position()).isEqualTo(52);
        // Positions count characters: the emoji is one, though Java needs two chars for it.
        assertThat(item(select, 5).position()).isEqualTo(64);
    }

    @Test
    void clausesAndStatements() {
        String sql = "SELECT *\nFROM a\n  JOIN b ON a.id = b.id\nORDER BY 1 LIMIT 5";
        Query query = ((QueryStatement) Parser.parseStatement(sql)).query();
        QueryBody.Select select = (QueryBody.Select) query.body();
        FromItem.Join join = (FromItem.Join) select.from().getFirst();
        assertThat(join.position()).isEqualTo(19);
        assertThat(join.left().position()).isEqualTo(15);
        assertThat(join.right().position()).isEqualTo(24);
        assertThat(join.condition().position()).isEqualTo(34);
        assertThat(query.orderBy().getFirst().position()).isEqualTo(50);
        assertThat(query.limit().position()).isEqualTo(58);

        CreateTableStatement create = (CreateTableStatement) Parser.parseStatement(
                "CREATE TABLE t (id int CONSTRAINT pk PRIMARY KEY, v text)");
        assertThat(create.name().position()).isEqualTo(14);
        assertThat(create.columns().get(1).position()).isEqualTo(51);
        ColumnConstraint key = create.columns().getFirst().constraints().getFirst();
        assertThat(key.position()).isEqualTo(24);
        assertThat(key.name()).isEqualTo("pk");

        InsertStatement insert = (InsertStatement) Parser.parseStatement("  INSERT INTO t VALUES (1)");
        assertThat(insert.position()).isEqualTo(3);
        assertThat(insert.source().body().position()).isEqualTo(17);
    }
}
