package io.basalt.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.CatalogView.ColumnInfo;
import io.basalt.api.CatalogView.TableInfo;
import io.basalt.cli.fake.FakeSession;
import io.basalt.cli.fake.ShellRun;
import io.basalt.type.LogicalType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * \dt and \d over a fake catalog. The expected texts are what psql 15 printed for the same two
 * tables created in PostgreSQL and owned by a role named basalt.
 */
class DescribeCommandsTest {
    @TempDir
    Path home;

    private static FakeSession session() {
        return new FakeSession()
                .withTable(new TableInfo("public", "customers", List.of(
                        new ColumnInfo("id", LogicalType.INTEGER, false, null))))
                .withTable(new TableInfo("public", "orders", List.of(
                        new ColumnInfo("id", LogicalType.BIGINT, true, null),
                        new ColumnInfo("total", LogicalType.numeric(10, 2), false, "0"),
                        new ColumnInfo("note", LogicalType.varchar(20), false, null),
                        new ColumnInfo("placed", LogicalType.DATE, false, null),
                        new ColumnInfo("flag", LogicalType.BOOLEAN, false, null),
                        new ColumnInfo("ratio", LogicalType.DOUBLE, false, null),
                        new ColumnInfo("qty", LogicalType.SMALLINT, false, null),
                        new ColumnInfo("n", LogicalType.INTEGER, false, null),
                        new ColumnInfo("body", LogicalType.TEXT, false, null))));
    }

    @Test
    void listAndDescribeInTheAlignedFormat() {
        ShellRun run = ShellRun.of(session(), "", home, "-c", "\\dt", "-c", "\\d orders", "-c", "\\dt cust*");
        assertThat(run.out()).isEqualTo("""
                          List of relations
                 Schema |   Name    | Type  | Owner \s
                --------+-----------+-------+--------
                 public | customers | table | basalt
                 public | orders    | table | basalt
                (2 rows)

                                      Table "public.orders"
                 Column |         Type          | Collation | Nullable | Default\s
                --------+-----------------------+-----------+----------+---------
                 id     | bigint                |           | not null |\s
                 total  | numeric(10,2)         |           |          | 0
                 note   | character varying(20) |           |          |\s
                 placed | date                  |           |          |\s
                 flag   | boolean               |           |          |\s
                 ratio  | double precision      |           |          |\s
                 qty    | smallint              |           |          |\s
                 n      | integer               |           |          |\s
                 body   | text                  |           |          |\s

                          List of relations
                 Schema |   Name    | Type  | Owner \s
                --------+-----------+-------+--------
                 public | customers | table | basalt
                (1 row)

                """);
        assertThat(run.status()).isZero();
    }

    @Test
    void expandedListsButDescribesInRows() {
        ShellRun run = ShellRun.of(session(), "", home, "-x", "-c", "\\dt", "-c", "\\d customers");
        assertThat(run.out()).isEqualTo("""
                List of relations
                -[ RECORD 1 ]-----
                Schema | public
                Name   | customers
                Type   | table
                Owner  | basalt
                -[ RECORD 2 ]-----
                Schema | public
                Name   | orders
                Type   | table
                Owner  | basalt

                             Table "public.customers"
                 Column |  Type   | Collation | Nullable | Default\s
                --------+---------+-----------+----------+---------
                 id     | integer |           |          |\s

                """);
    }

    @Test
    void otherFormats() {
        assertThat(ShellRun.of(session(), "", home, "-t", "-c", "\\dt", "-c", "\\d customers").out()).isEqualTo("""
                 public | customers | table | basalt
                 public | orders    | table | basalt

                 id     | integer |           |          |\s

                """);
        assertThat(ShellRun.of(session(), "", home, "--csv", "-c", "\\dt", "-c", "\\d customers").out()).isEqualTo("""
                Schema,Name,Type,Owner
                public,customers,table,basalt
                public,orders,table,basalt
                Column,Type,Collation,Nullable,Default
                id,integer,,,
                """);
        assertThat(ShellRun.of(session(), "", home, "-A", "-c", "\\dt cust*", "-c", "\\x", "-c", "\\dt").out()).isEqualTo("""
                List of relations
                Schema|Name|Type|Owner
                public|customers|table|basalt
                (1 row)
                Expanded display is on.
                List of relations

                Schema|public
                Name|customers
                Type|table
                Owner|basalt

                Schema|public
                Name|orders
                Type|table
                Owner|basalt
                """);
    }

    @Test
    void missingRelations() {
        ShellRun describe = ShellRun.of(session(), "", home, "-c", "\\d nosuch");
        assertThat(describe.err()).isEqualTo("Did not find any relation named \"nosuch\".\n");
        assertThat(describe.status()).isEqualTo(1);
        ShellRun list = ShellRun.of(session(), "", home, "-c", "\\dt nosuch");
        assertThat(list.err()).isEqualTo("Did not find any relation named \"nosuch\".\n");
        assertThat(list.status()).isZero();
        ShellRun empty = ShellRun.of(new FakeSession(), "", home, "-c", "\\dt", "-c", "\\d");
        assertThat(empty.err()).isEqualTo("Did not find any relations.\nDid not find any relations.\n");
        assertThat(ShellRun.of(session(), "", home, "-c", "\\d \"ORDERS\"").err())
                .isEqualTo("Did not find any relation named \"\"ORDERS\"\".\n");
        assertThat(ShellRun.of(session(), "", home, "-c", "\\d ORDERS").out()).contains("Table \"public.orders\"");
        assertThat(ShellRun.of(session(), "", home, "-c", "\\d public.ord?rs").out()).contains("Table \"public.orders\"");
    }
}
