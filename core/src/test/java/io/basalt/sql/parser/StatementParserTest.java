package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UnsupportedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements: CREATE TABLE, DROP TABLE, INSERT, the unsupported ones by name, and scripts. */
class StatementParserTest {

    @Test
    void createTableWithColumnConstraints() {
        assertThat(tree("""
                CREATE TABLE IF NOT EXISTS shop.users (
                    id SERIAL PRIMARY KEY,
                    email VARCHAR(255) NOT NULL UNIQUE,
                    name text NULL,
                    type text CONSTRAINT known_type CHECK (type IN ('a', 'b')),
                    value int DEFAULT 0 NOT NULL,
                    status varchar(20) DEFAULT 'draft' CHECK (status <> ''),
                    parent_id bigint REFERENCES shop.users (id) ON DELETE SET NULL ON UPDATE CASCADE,
                    owner int REFERENCES people MATCH SIMPLE ON UPDATE NO ACTION ON DELETE RESTRICT,
                    created_at TIMESTAMPTZ DEFAULT now() NOT DEFERRABLE INITIALLY IMMEDIATE,
                    score double precision DEFAULT -1.5 * 2
                )"""))
                .isEqualTo("(create-table if-not-exists shop.users"
                        + " (column id {serial} primary-key)"
                        + " (column email {character varying(255)} not-null unique)"
                        + " (column name {text} null)"
                        + " (column type {text} (constraint known_type (check (in type ('a' 'b')))))"
                        + " (column value {integer} (default 0) not-null)"
                        + " (column status {character varying(20)} (default 'draft') (check (<> status '')))"
                        + " (column parent_id {bigint} (references shop.users (id) (on-delete SET NULL)"
                        + " (on-update CASCADE)))"
                        + " (column owner {integer} (references people (on-delete RESTRICT) (on-update NO ACTION)))"
                        + " (column created_at {timestamp with time zone} (default (call now)))"
                        + " (column score {double precision} (default (* (- 1.5) 2))))");
    }

    @Test
    void createAndDropIndex() {
        assertThat(tree("CREATE INDEX i ON t (a) WHERE b > 0"))
                .isEqualTo("(create-index i t btree (a) (where (> b 0)))");
        assertThat(tree("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t USING btree (lower(a), "
                + "(a + b) DESC NULLS FIRST, c text_pattern_ops) INCLUDE (d) WITH (fillfactor = 70) WHERE c <> ''"))
                .isEqualTo("(create-index unique if-not-exists i s.t btree ((call lower a), (+ a b) desc nulls-first,"
                        + " c text_pattern_ops) (include d) (where (<> c '')))");
        assertThat(tree("CREATE INDEX ON t USING gin (a)")).isEqualTo("(create-index t gin (a))");
        assertThat(tree("DROP INDEX i")).isEqualTo("(drop-index i)");
        assertThat(tree("DROP INDEX CONCURRENTLY IF EXISTS i, s.j CASCADE"))
                .isEqualTo("(drop-index if-exists i s.j cascade)");
    }

    @Test
    void createTableWithTableConstraints() {
        assertThat(tree("""
                CREATE UNLOGGED TABLE order_items (
                    order_id int,
                    product_id int,
                    qty int,
                    PRIMARY KEY (order_id, product_id),
                    UNIQUE (product_id, order_id),
                    CHECK (qty > 0),
                    CONSTRAINT fk_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
                    FOREIGN KEY (product_id) REFERENCES products ON UPDATE SET DEFAULT,
                    FOREIGN KEY (order_id, qty) REFERENCES x MATCH FULL ON DELETE SET NULL (qty) DEFERRABLE,
                    CONSTRAINT pos UNIQUE NULLS DISTINCT (qty)
                ) WITHOUT OIDS"""))
                .isEqualTo("(create-table order_items (column order_id {integer}) (column product_id {integer})"
                        + " (column qty {integer}) (primary-key (order_id product_id))"
                        + " (unique (product_id order_id)) (check (> qty 0))"
                        + " (constraint fk_order (foreign-key (order_id) orders (id) (on-delete CASCADE)))"
                        + " (foreign-key (product_id) products (on-update SET DEFAULT))"
                        + " (foreign-key (order_id qty) x match-full (on-delete SET NULL (qty)))"
                        + " (constraint pos (unique (qty))))");
        assertThat(tree("CREATE TABLE empty ()")).isEqualTo("(create-table empty)");
        assertThat(tree("CREATE GLOBAL TEMPORARY TABLE t (a int) ON COMMIT PRESERVE ROWS"))
                .isEqualTo("(create-table temporary t (column a {integer}))");
        assertThat(tree("CREATE TEMP TABLE t ()")).isEqualTo("(create-table temporary t)");
    }

    @Test
    void keywordsAsColumnNames() {
        assertThat(tree("CREATE TABLE t (name text, type text, value int, year int, position int, date date)"))
                .isEqualTo("(create-table t (column name {text}) (column type {text}) (column value {integer})"
                        + " (column year {integer}) (column position {integer}) (column date {date}))");
        assertThat(tree("SELECT name, type, value, year FROM t WHERE value > 1"))
                .isEqualTo("(select (name type value year) (from t) (where (> value 1)))");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            a int => {integer}
            a int4 => {integer}
            a integer => {integer}
            a int2 => {smallint}
            a smallint => {smallint}
            a int8 => {bigint}
            a bigint => {bigint}
            a float8 => {double precision}
            a float => {double precision}
            a float(24) => {real}
            a float(25) => {double precision}
            a double precision => {double precision}
            a float4 => {real}
            a real => {real}
            a decimal(10,2) => {numeric(10,2)}
            a dec => {numeric}
            a numeric(5) => {numeric(5)}
            a varchar => {character varying}
            a varchar(10) => {character varying(10)}
            a character varying(10) => {character varying(10)}
            a char => {character(1)}
            a char(3) => {character(3)}
            a character => {character(1)}
            a nchar varying(4) => {character varying(4)}
            a national character(2) => {character(2)}
            a bpchar => {bpchar}
            a bool => {boolean}
            a boolean => {boolean}
            a text => {text}
            a date => {date}
            a time => {time without time zone}
            a time(3) with time zone => {time with time zone(3)}
            a timetz => {time with time zone}
            a timestamp => {timestamp without time zone}
            a timestamp without time zone => {timestamp without time zone}
            a timestamp(6) with time zone => {timestamp with time zone(6)}
            a timestamptz => {timestamp with time zone}
            a interval => {interval}
            a uuid => {uuid}
            a json => {json}
            a jsonb => {jsonb}
            a bytea => {bytea}
            a serial => {serial}
            a serial4 => {serial}
            a bigserial => {bigserial}
            a serial8 => {bigserial}
            a smallserial => {smallserial}
            a bit => {bit(1)}
            a bit varying(8) => {bit varying(8)}
            a varbit => {bit varying}
            a text[] => {text[]}
            a int[][] => {integer[][]}
            a int[3] => {integer[]}
            a int ARRAY => {integer[]}
            a int ARRAY[4] => {integer[]}
            a pg_catalog.int4 => {integer}
            a myschema.mytype => {myschema.mytype}
            a "MyType" => {MyType}
            a regclass => {regclass}
            """)
    void typeNamesAreNormalised(String column, String type) {
        assertThat(tree("CREATE TABLE t (" + column + ")")).isEqualTo("(create-table t (column a " + type + "))");
    }

    @Test
    void dropTable() {
        assertThat(tree("DROP TABLE t")).isEqualTo("(drop-table t)");
        assertThat(tree("DROP TABLE IF EXISTS a, s.b CASCADE")).isEqualTo("(drop-table if-exists cascade a s.b)");
        assertThat(tree("DROP TABLE a RESTRICT")).isEqualTo("(drop-table a)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            INSERT INTO t VALUES (1, 'a') => (insert t (values (1 'a')))
            INSERT INTO s.t (a, b) VALUES (1, 2), (3, 4) => (insert s.t (a b) (values (1 2) (3 4)))
            INSERT INTO t AS x (a) SELECT a FROM u => (insert t (as x) (a) (select (a) (from u)))
            INSERT INTO t (SELECT 1) => (insert t (select (1)))
            INSERT INTO t ((SELECT 1) UNION (SELECT 2)) => (insert t (union (select (1)) (select (2))))
            INSERT INTO t DEFAULT VALUES => (insert t default-values)
            INSERT INTO t DEFAULT VALUES RETURNING * => (insert t default-values (returning *))
            INSERT INTO t (a) VALUES (1) RETURNING id, a + 1 AS b => (insert t (a) (values (1)) (returning id (as (+ a 1) b)))
            INSERT INTO t SELECT * FROM u ORDER BY a LIMIT 2 => (insert t (query (select (*) (from u)) (order-by a) (limit 2)))
            INSERT INTO t TABLE u => (insert t (select (*) (from u)))
            INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING => (insert t (a) (values (1)) (on-conflict nothing))
            INSERT INTO t VALUES (1) ON CONFLICT (a, b) DO NOTHING RETURNING a => (insert t (values (1)) (on-conflict (a b) nothing) (returning a))
            INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO UPDATE SET b = 2 => (insert t (values (1)) (on-conflict constraint t_pkey update (set (b) 2)))
            INSERT INTO t VALUES (1) ON CONFLICT (lower(a)) DO NOTHING => (insert t (values (1)) (on-conflict (expressions (call lower a)) nothing))
            INSERT INTO t VALUES (1) ON CONFLICT (k, (a + b) text_ops) DO NOTHING => (insert t (values (1)) (on-conflict (k) (expressions (+ a b)) nothing))
            INSERT INTO t VALUES (DEFAULT, 1) => (insert t (values (DEFAULT 1)))
            """)
    void insert(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            UPDATE t SET a = 1 => (update t (set (a) 1))
            UPDATE ONLY s.t * AS x SET a = DEFAULT, b = b + 1 WHERE x.id = 2 => (update s.t (as x) (set (a) DEFAULT) (set (b) (+ b 1)) (where (= x.id 2)))
            UPDATE t x SET (a, b) = (1, DEFAULT) FROM u WHERE x.id = u.id RETURNING * => (update t (as x) (set (a b) 1 DEFAULT) (from u) (where (= x.id u.id)) (returning *))
            UPDATE t SET (a, b) = ROW(1, 2) => (update t (set (a b) 1 2))
            UPDATE t SET (a, b) = (SELECT 1, 2) => (update t (set (a b) (select (1 2))))
            UPDATE t SET a = (SELECT max(b) FROM u) WHERE id = 1 => (update t (set (a) (subquery (select ((call max b)) (from u)))) (where (= id 1)))
            UPDATE t SET a[1] = 2 => (update t (set (a indirection) 2))
            UPDATE t SET a = 1 WHERE CURRENT OF c => (unsupported "WHERE CURRENT OF")
            DELETE FROM t => (delete t)
            DELETE FROM ONLY t AS x USING u, v WHERE x.id = u.id RETURNING x.* => (delete t (as x) (using u v) (where (= x.id u.id)) (returning x.*))
            DELETE FROM t x WHERE id IN (1, 2) RETURNING * => (delete t (as x) (where (in id (1 2))) (returning *))
            EXPLAIN UPDATE t SET a = 1 => (explain (update t (set (a) 1)))
            PREPARE q AS DELETE FROM t => (prepare q (delete t))
            """)
    void updateAndDelete(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @Test
    void checkpointIsAStatementOfItsOwn() {
        assertThat(tree("CHECKPOINT")).isEqualTo("(checkpoint)");
        assertThat(tree("checkpoint;")).isEqualTo("(checkpoint)");
        assertThatThrownBy(() -> Parser.parseStatement("CHECKPOINT now")).isInstanceOfSatisfying(
                BasaltException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }

    @Test
    void viewCheckOptionsAreParsed() {
        assertThat(((io.basalt.sql.ast.CreateViewStatement) Parser.parseStatement(
                "CREATE VIEW v AS SELECT 1 WITH LOCAL CHECK OPTION")).checkOption()).isEqualTo("local");
        assertThat(((io.basalt.sql.ast.CreateViewStatement) Parser.parseStatement(
                "CREATE VIEW v AS SELECT 1 WITH CHECK OPTION")).checkOption()).isEqualTo("cascaded");
        assertThat(((io.basalt.sql.ast.CreateViewStatement) Parser.parseStatement(
                "CREATE VIEW v WITH (check_option = LOCAL) AS SELECT 1")).checkOption()).isEqualTo("local");
        assertThat(((io.basalt.sql.ast.CreateViewStatement) Parser.parseStatement(
                "CREATE VIEW v AS SELECT 1")).checkOption()).isNull();
    }

    @Test
    void alterViewActionsAreParsed() {
        assertThat(((io.basalt.sql.ast.AlterViewStatement) Parser.parseStatement(
                "ALTER VIEW IF EXISTS s.v RENAME COLUMN a TO b")).action())
                .isEqualTo(new io.basalt.sql.ast.AlterViewStatement.RenameColumn("a", "b"));
        assertThat(((io.basalt.sql.ast.AlterViewStatement) Parser.parseStatement("ALTER VIEW v RENAME TO w"))
                .action()).isEqualTo(new io.basalt.sql.ast.AlterViewStatement.RenameTo("w"));
        assertThat(((io.basalt.sql.ast.AlterViewStatement) Parser.parseStatement("ALTER VIEW v SET SCHEMA s"))
                .action()).isEqualTo(new io.basalt.sql.ast.AlterViewStatement.SetSchema("s"));
        assertThat(((io.basalt.sql.ast.AlterViewStatement) Parser.parseStatement(
                "ALTER VIEW v ALTER COLUMN c DROP DEFAULT")).action())
                .isEqualTo(new io.basalt.sql.ast.AlterViewStatement.SetDefault("c", null));
    }

    @Test
    void createSchemaKeepsItsElementsWithTheirText() {
        var create = (io.basalt.sql.ast.CreateSchemaStatement) Parser.parseStatement(
                "CREATE SCHEMA s CREATE TABLE t (a int)  CREATE VIEW v AS SELECT a FROM t CREATE INDEX i ON t (a);");
        assertThat(create.elements()).extracting(io.basalt.sql.ast.CreateSchemaStatement.Element::text)
                .containsExactly("CREATE TABLE t (a int)", "CREATE VIEW v AS SELECT a FROM t",
                        "CREATE INDEX i ON t (a)");
        assertThat(create.elements().get(1).statement()).isInstanceOf(io.basalt.sql.ast.CreateViewStatement.class);
        assertThatThrownBy(() -> Parser.parseStatement("CREATE SCHEMA s CREATE FUNCTION f() RETURNS int AS 'x'"))
                .hasMessage("syntax error at or near \"FUNCTION\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            SET XML OPTION DOCUMENT => SET XML OPTION
            SHOW SESSION AUTHORIZATION => SHOW SESSION AUTHORIZATION
            ALTER ROLE joe SET search_path TO s => ALTER ROLE
            GRANT SELECT ON LARGE OBJECT 1 TO joe => GRANT ON LARGE OBJECT
            PREPARE TRANSACTION 'x' => PREPARE TRANSACTION
            EXPLAIN CREATE TABLE t AS SELECT 1 => CREATE TABLE AS
            CLUSTER t USING i => CLUSTER
            COMMENT ON FUNCTION f(int) IS 'x' => COMMENT ON FUNCTION
            ALTER TABLE t ALTER COLUMN c SET COMPRESSION pglz => ALTER TABLE ... ALTER COLUMN ... SET COMPRESSION
            ALTER MATERIALIZED VIEW v CLUSTER ON i => ALTER MATERIALIZED VIEW ... CLUSTER
            CREATE RECURSIVE VIEW v (a) AS SELECT 1 => CREATE RECURSIVE VIEW
            CREATE MATERIALIZED VIEW v USING heap AS SELECT 1 => table access methods
            ALTER SEQUENCE s SET ACCESS METHOD x => ALTER SEQUENCE SET
            DISCARD ALL => DISCARD
            CREATE EXTENSION IF NOT EXISTS pgcrypto => CREATE EXTENSION
            CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f() => CREATE CONSTRAINT TRIGGER
            CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = x AS 'SELECT 1' => SET clauses of functions
            CREATE RULE r AS ON INSERT TO t DO INSTEAD (NOTIFY a; NOTIFY b) => CREATE RULE
            CREATE TEMP TABLE t (a int) ON COMMIT DROP => ON COMMIT DELETE ROWS / DROP
            CREATE TABLE t USING heap2 AS SELECT 1 => table access methods
            DROP FOREIGN TABLE IF EXISTS v => DROP FOREIGN TABLE
            """)
    void statementsWithoutSyntaxTreeAreUnsupported(String sql, String description) {
        Statement statement = Parser.parseStatement(sql);
        assertThat(statement).isInstanceOf(UnsupportedStatement.class);
        assertThat(((UnsupportedStatement) statement).description()).isEqualTo(description);
        assertThat(statement.position()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            BEGIN => (begin)
            BEGIN WORK ISOLATION LEVEL SERIALIZABLE => (begin (isolation serializable))
            BEGIN TRANSACTION READ ONLY, ISOLATION LEVEL READ UNCOMMITTED DEFERRABLE => (begin (isolation read uncommitted) read-only)
            START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ WRITE NOT DEFERRABLE => (start (isolation repeatable read) read-write)
            COMMIT => (commit)
            COMMIT WORK AND CHAIN => (commit chain)
            END TRANSACTION AND NO CHAIN => (commit)
            ROLLBACK => (rollback)
            ABORT AND CHAIN => (rollback chain)
            ROLLBACK TO sp1 => (rollback_to sp1)
            ROLLBACK WORK TO SAVEPOINT "Sp 1" => (rollback_to Sp 1)
            SAVEPOINT sp1 => (savepoint sp1)
            RELEASE SAVEPOINT sp1 => (release sp1)
            RELEASE sp1 => (release sp1)
            SET TRANSACTION ISOLATION LEVEL REPEATABLE READ => (set_transaction (isolation repeatable read))
            SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY => (set_session_characteristics read-only)
            """)
    void transactionControl(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            BEGIN ISOLATION LEVEL => 22
            BEGIN READ => 11
            BEGIN ISOLATION LEVEL SERIALIZABLE, => 36
            SET TRANSACTION => 16
            SAVEPOINT => 10
            ROLLBACK TO => 12
            """)
    void transactionControlSyntaxErrors(String sql, int position) {
        assertThatThrownBy(() -> Parser.parseStatement(sql)).isInstanceOfSatisfying(BasaltException.class, error -> {
            assertThat(error.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
            assertThat(error.position()).isEqualTo(position);
        });
    }

    @Test
    void scriptsSplitAtSemicolonsAndSkipEmptyStatements() {
        List<Statement> statements = Parser.parseScript("""
                ;; BEGIN;
                UPDATE t SET a = ';' WHERE b = $x$;$x$;
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                SELECT 1; ;
                COMMIT""");
        assertThat(statements).extracting(SqlTreePrinter::print).containsExactly("(begin)",
                "(update t (set (a) ';') (where (= b ';')))", "(create-function f)", "(select (1))",
                "(commit)");
        assertThat(statements).extracting(Statement::position).containsExactly(4, 11, 51, 116, 128);
        assertThat(Parser.parseScript("  -- nothing here\n ; ")).isEmpty();
    }

    @Test
    void parseStatementAcceptsOneStatementAndAnOptionalSemicolon() {
        assertThat(tree("SELECT 1;")).isEqualTo("(select (1))");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Parser.parseStatement("SELECT 1; SELECT 2")))
                .hasMessage("syntax error at or near \"SELECT\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Parser.parseStatement("")))
                .hasMessage("syntax error at end of input");
    }
}
