package io.basalt.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.cli.BasaltCommand;
import io.basalt.cli.DatabaseOpener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The describing meta-commands over the real engine's system catalogs. The expected texts are what psql 15 printed
 * for the same schema in PostgreSQL, with the owner basalt, except where the class comments of
 * {@link RelationDescriptions} and {@link NotNullConstraints} say Basalt follows the PostgreSQL 18 regression
 * corpus ({@code \d+}: no Compression column or Access method, a Not-null constraints footer).
 */
class DescribeCommandsTest {
    private static final String SCHEMA = """
            CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer integer REFERENCES customers (id) ON DELETE CASCADE,
                qty integer CHECK (qty > 0), note varchar(20) UNIQUE, total integer DEFAULT 0);
            CREATE INDEX orders_customer ON orders (customer);
            CREATE VIEW big AS SELECT id, qty FROM orders;
            CREATE SEQUENCE counter;
            CREATE SCHEMA extra;
            CREATE TABLE parent (a integer NOT NULL);
            CREATE TABLE child (b integer) INHERITS (parent);
            """;

    @TempDir
    Path home;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome run(String commands, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[arguments.length + 2];
        all[0] = "-X";
        all[1] = "-q";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = new BasaltCommand(new ByteArrayInputStream((SCHEMA + commands).getBytes(StandardCharsets.UTF_8)),
                    outStream, errStream, DatabaseOpener.engine(), home, false).run(all);
            return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void describesTablesWithTheirIndexesConstraintsAndReferences() {
        assertThat(run("\\d orders\n\\d+ customers\n").out()).isEqualTo("""
                                       Table "public.orders"
                  Column  |         Type          | Collation | Nullable | Default\s
                ----------+-----------------------+-----------+----------+---------
                 id       | bigint                |           | not null |\s
                 customer | integer               |           |          |\s
                 qty      | integer               |           |          |\s
                 note     | character varying(20) |           |          |\s
                 total    | integer               |           |          | 0
                Indexes:
                    "orders_pkey" PRIMARY KEY, btree (id)
                    "orders_customer" btree (customer)
                    "orders_note_key" UNIQUE CONSTRAINT, btree (note)
                Check constraints:
                    "orders_qty_check" CHECK (qty > 0)
                Foreign-key constraints:
                    "orders_customer_fkey" FOREIGN KEY (customer) REFERENCES customers(id) ON DELETE CASCADE

                                                        Table "public.customers"
                 Column |  Type   | Collation | Nullable | Default | Storage  | Compression | Stats target | Description\s
                --------+---------+-----------+----------+---------+----------+-------------+--------------+-------------
                 id     | integer |           | not null |         | plain    |             |              |\s
                 name   | text    |           | not null |         | extended |             |              |\s
                Indexes:
                    "customers_pkey" PRIMARY KEY, btree (id)
                Referenced by:
                    TABLE "orders" CONSTRAINT "orders_customer_fkey" FOREIGN KEY (customer) REFERENCES customers(id) ON DELETE CASCADE
                Not-null constraints:
                    "customers_id_not_null" NOT NULL "id"
                    "customers_name_not_null" NOT NULL "name"
                Access method: heap

                """);
    }

    /** psql's regression runs hide the Compression column and the access method; the variables do here too. */
    @Test
    void hideVariablesDropCompressionAndAccessMethod() {
        String out = run("\\set HIDE_TOAST_COMPRESSION on\n\\set HIDE_TABLEAM on\n\\d+ customers\n").out();
        assertThat(out).contains(" Column |  Type   | Collation | Nullable | Default | Storage  | Stats target |"
                + " Description ");
        assertThat(out).doesNotContain("Access method");
    }

    @Test
    void listsRelationsByKind() {
        assertThat(run("\\dt\n\\di\n\\ds\n\\dv\n\\dn\n\\d\n").out()).isEqualTo("""
                          List of relations
                 Schema |   Name    | Type  | Owner \s
                --------+-----------+-------+--------
                 public | child     | table | basalt
                 public | customers | table | basalt
                 public | orders    | table | basalt
                 public | parent    | table | basalt
                (4 rows)

                                   List of relations
                 Schema |      Name       | Type  | Owner  |   Table  \s
                --------+-----------------+-------+--------+-----------
                 public | customers_pkey  | index | basalt | customers
                 public | orders_customer | index | basalt | orders
                 public | orders_note_key | index | basalt | orders
                 public | orders_pkey     | index | basalt | orders
                (4 rows)

                          List of relations
                 Schema |  Name   |   Type   | Owner \s
                --------+---------+----------+--------
                 public | counter | sequence | basalt
                (1 row)

                       List of relations
                 Schema | Name | Type | Owner \s
                --------+------+------+--------
                 public | big  | view | basalt
                (1 row)

                      List of schemas
                  Name  |       Owner      \s
                --------+-------------------
                 extra  | basalt
                 public | pg_database_owner
                (2 rows)

                           List of relations
                 Schema |   Name    |   Type   | Owner \s
                --------+-----------+----------+--------
                 public | big       | view     | basalt
                 public | child     | table    | basalt
                 public | counter   | sequence | basalt
                 public | customers | table    | basalt
                 public | orders    | table    | basalt
                 public | parent    | table    | basalt
                (6 rows)

                """);
    }

    @Test
    void describesAViewWithItsDefinition() {
        // psql 15's layout; the columns of a view over one table print unqualified, as PostgreSQL 16+ prints them
        assertThat(run("\\d+ big\n").out()).isEqualTo("""
                                             View "public.big"
                 Column |  Type   | Collation | Nullable | Default | Storage | Description\s
                --------+---------+-----------+----------+---------+---------+-------------
                 id     | bigint  |           |          |         | plain   |\s
                 qty    | integer |           |          |         | plain   |\s
                View definition:
                 SELECT id,
                    qty
                   FROM orders;

                """);
    }

    @Test
    void describesSequencesIndexesViewsAndInheritance() {
        assertThat(run("\\d counter\n\\d orders_pkey\n\\d big\n\\d parent\n\\d child\n").out())
                .isEqualTo("""
                                          Sequence "public.counter"
                  Type  | Start | Minimum |       Maximum       | Increment | Cycles? | Cache\s
                --------+-------+---------+---------------------+-----------+---------+-------
                 bigint |     1 |       1 | 9223372036854775807 |         1 | no      |     1

                     Index "public.orders_pkey"
                 Column |  Type  | Key? | Definition\s
                --------+--------+------+------------
                 id     | bigint | yes  | id
                primary key, btree, for table "public.orders"

                                 View "public.big"
                 Column |  Type   | Collation | Nullable | Default\s
                --------+---------+-----------+----------+---------
                 id     | bigint  |           |          |\s
                 qty    | integer |           |          |\s

                               Table "public.parent"
                 Column |  Type   | Collation | Nullable | Default\s
                --------+---------+-----------+----------+---------
                 a      | integer |           | not null |\s
                Number of child tables: 1 (Use \\d+ to list them.)

                               Table "public.child"
                 Column |  Type   | Collation | Nullable | Default\s
                --------+---------+-----------+----------+---------
                 a      | integer |           | not null |\s
                 b      | integer |           |          |\s
                Inherits: parent

                """);
    }

    @Test
    void patternsFoldCaseAndMatchSchemas() {
        assertThat(run("\\dt CUST*\n").out()).contains(" public | customers | table | basalt");
        assertThat(run("\\d public.ord?rs\n").out()).contains("Table \"public.orders\"");
        assertThat(run("\\d \"ORDERS\"\n").err()).contains("Did not find any relation named \"\"ORDERS\"\".");
    }

    @Test
    void missingRelations() {
        Outcome describe = run("\\d nosuch\n");
        assertThat(describe.err()).endsWith("Did not find any relation named \"nosuch\".\n");
        Outcome list = run("\\di nosuch\n");
        assertThat(list.err()).endsWith("Did not find any relation named \"nosuch\".\n");
    }

    @Test
    void aFailedTransactionIsReportedAsAnError() {
        Outcome outcome = run("BEGIN;\nSELECT 1/0;\n\\d orders\nROLLBACK;\n");
        assertThat(outcome.err()).contains(
                "ERROR:  current transaction is aborted, commands ignored until end of transaction block");
    }

    @Test
    void expandedModeListsInRecordsButDescribesInRows() {
        String out = run("\\x\n\\dv\n\\d big\n").out();
        assertThat(out).contains("-[ RECORD 1 ]--\nSchema | public\n").contains(" id     | bigint  |");
    }

    /** Partitioned indexes and their partitions, as psql 15 printed them for the same statements. */
    @Test
    void describesPartitionedIndexesAndTheirPartitions() {
        String statements = """
                CREATE TABLE pt (k integer, v text) PARTITION BY RANGE (k);
                CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10);
                CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20) PARTITION BY LIST (v);
                CREATE TABLE pt2a PARTITION OF pt2 FOR VALUES IN ('a');
                CREATE INDEX pt_v ON pt (v);
                \\d pt_v
                \\d+ pt_v
                \\d pt1_v_idx
                \\d+ pt2_v_idx
                \\di pt*
                """;
        assertThat(run(statements).out()).isEqualTo("""
                  Partitioned index "public.pt_v"
                 Column | Type | Key? | Definition\s
                --------+------+------+------------
                 v      | text | yes  | v
                btree, for table "public.pt"
                Number of partitions: 2 (Use \\d+ to list them.)

                               Partitioned index "public.pt_v"
                 Column | Type | Key? | Definition | Storage  | Stats target\s
                --------+------+------+------------+----------+--------------
                 v      | text | yes  | v          | extended |\s
                btree, for table "public.pt"
                Partitions: pt1_v_idx,
                            pt2_v_idx, PARTITIONED
                Access method: btree

                     Index "public.pt1_v_idx"
                 Column | Type | Key? | Definition\s
                --------+------+------+------------
                 v      | text | yes  | v
                Partition of: pt_v\s
                btree, for table "public.pt1"

                            Partitioned index "public.pt2_v_idx"
                 Column | Type | Key? | Definition | Storage  | Stats target\s
                --------+------+------+------------+----------+--------------
                 v      | text | yes  | v          | extended |\s
                Partition of: pt_v\s
                No partition constraint
                btree, for table "public.pt2"
                Partitions: pt2a_v_idx
                Access method: btree

                                    List of relations
                 Schema |    Name    |       Type        | Owner  | Table\s
                --------+------------+-------------------+--------+-------
                 public | pt1_v_idx  | index             | basalt | pt1
                 public | pt2_v_idx  | partitioned index | basalt | pt2
                 public | pt2a_v_idx | index             | basalt | pt2a
                 public | pt_v       | partitioned index | basalt | pt
                (4 rows)

                """);
    }
}
