package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.error;
import static io.basalt.sql.parser.ParsedSql.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * COPY (both option syntaxes), VACUUM and ANALYZE, CREATE TABLE AS and SELECT INTO: their trees, and syntax
 * errors with the message and position PostgreSQL 15 reports.
 */
class CopyParserTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            COPY t FROM STDIN => (copy t from stdin)
            COPY s.t (a, b) TO '/x' => (copy s.t (a b) to '/x')
            COPY (SELECT 1) TO STDOUT WITH (FORMAT csv, HEADER) => (copy (select (1)) to stdout (format 'csv') (header))
            COPY t FROM '/x' (DELIMITER ',', NULL '', FORCE_NULL (a, b), FORCE_QUOTE *, FREEZE false, x 1.5) => (copy t from '/x' (delimiter ',') (null '') (force_null (a b)) (force_quote *) (freeze 'false') (x 1.5))
            COPY BINARY t TO STDOUT => (copy t to stdout (format 'binary'))
            COPY t TO STDOUT WITH DELIMITER AS ';' NULL 'n' CSV HEADER QUOTE '"' ESCAPE '\\' FORCE QUOTE a, b ENCODING 'utf8' => (copy t to stdout (delimiter ';') (null 'n') (format 'csv') (header 'true') (quote '"') (escape '\\') (force_quote (a b)) (encoding 'utf8'))
            COPY t FROM STDIN CSV FORCE NOT NULL a FORCE NULL b => (copy t from stdin (format 'csv') (force_not_null (a)) (force_null (b)))
            COPY t FROM STDIN USING DELIMITERS '|' => (copy t from stdin (delimiter '|'))
            COPY t FROM PROGRAM 'cat x' WHERE a > 1 => (copy t from program 'cat x' (where (> a 1)))
            VACUUM => (vacuum)
            VACUUM FULL FREEZE VERBOSE ANALYZE t, u (a, b) => (vacuum (full) (freeze) (verbose) (analyze) t u(a b))
            VACUUM (ANALYZE, PARALLEL 2) t => (vacuum (analyze) (parallel 2) t)
            ANALYSE VERBOSE t (a) => (analyze (verbose) t(a))
            CREATE TABLE t AS SELECT 1 => (create-table-as t (select (1)))
            CREATE UNLOGGED TABLE IF NOT EXISTS t (a, b) AS SELECT 1, 2 WITH NO DATA => (create-table-as if-not-exists t (a b) (select (1 2)) no-data)
            CREATE TABLE t AS VALUES (1) WITH DATA => (create-table-as t (values (1)))
            SELECT a, b INTO TABLE n FROM t WHERE a > 0 => (create-table-as n (select (a b) (from t) (where (> a 0))))
            SELECT 1 INTO n UNION SELECT 2 => (create-table-as n (union (select (1)) (select (2))))
            SELECT 1 INTO TEMP TABLE n => (create-table-as temporary n (select (1)))
            CREATE TEMP TABLE t AS SELECT 1 => (create-table-as temporary t (select (1)))
            """)
    void trees(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            COPY (SELECT 1) FROM STDIN => syntax error at or near "FROM" @ 17
            COPY t TO STDOUT WHERE a > 1 => WHERE clause not allowed with COPY TO @ 18
            COPY t FROM x => syntax error at or near "x" @ 13
            COPY t FROM STDIN (FORMAT) x => syntax error at or near "x" @ 28
            CREATE TABLE t (a int) AS SELECT 1 => syntax error at or near "AS" @ 24
            """)
    void errors(String sql, String expected) {
        BasaltException error = error(sql);
        assertThat(error.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(error.getMessage() + " @ " + error.position()).isEqualTo(expected);
    }
}
