package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.error;
import static io.basalt.sql.parser.ParsedSql.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PrepareStatement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SET, SHOW, RESET, EXPLAIN, PREPARE, EXECUTE, DEALLOCATE and TRUNCATE: their trees, and their syntax errors
 * with the message and position PostgreSQL 15.18 reported for exactly these statements.
 */
class UtilityStatementParserTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            SET work_mem = '64MB' => (set work_mem '64MB')
            SET work_mem TO 1024 => (set work_mem 1024)
            SET LOCAL work_mem = DEFAULT => (set-local work_mem default)
            SET SESSION work_mem TO DEFAULT => (set work_mem default)
            SET search_path TO "$user", public, 'a b' => (set search_path '$user' 'public' 'a b')
            SET x.y = on => (set x.y 'on')
            SET x.y = true => (set x.y 'true')
            SET x.y = verbose => (set x.y 'verbose')
            SET x.y = -007 => (set x.y -7)
            SET x.y = +5.50 => (set x.y 5.50)
            SET x.y = -.5e3 => (set x.y -.5e3)
            SET x.y = 99999999999 => (set x.y 99999999999)
            SET "MyApp".Setting = 1 => (set MyApp.setting 1)
            SET work_mem FROM CURRENT => (set work_mem from-current)
            SET local = 1 => (set local 1)
            SET time = 1 => (set time 1)
            SET TIME ZONE 'Europe/Paris' => (set timezone 'Europe/Paris')
            SET TIME ZONE utc => (set timezone 'utc')
            SET TIME ZONE -5 => (set timezone -5)
            SET TIME ZONE LOCAL => (set timezone default)
            SET LOCAL TIME ZONE DEFAULT => (set-local timezone default)
            SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE => (set timezone (interval '+02:00' hour to minute))
            SET TIME ZONE INTERVAL(2) '+02:00:01.5' => (set timezone (interval '+02:00:01.5'))
            SET NAMES 'UTF8' => (set client_encoding 'UTF8')
            SET NAMES => (set client_encoding default)
            SET SCHEMA 'shop' => (set search_path 'shop')
            SHOW work_mem => (show work_mem)
            SHOW ALL => (show all)
            SHOW "TimeZone" => (show TimeZone)
            SHOW TIME ZONE => (show timezone)
            SHOW TRANSACTION ISOLATION LEVEL => (show transaction_isolation)
            SHOW x.y => (show x.y)
            RESET work_mem => (reset work_mem)
            RESET ALL => (reset all)
            RESET TIME ZONE => (reset timezone)
            RESET TRANSACTION ISOLATION LEVEL => (reset transaction_isolation)
            EXPLAIN SELECT 1 => (explain (select (1)))
            EXPLAIN ANALYZE VERBOSE SELECT 1 => (explain (analyze) (verbose) (select (1)))
            EXPLAIN ANALYSE SELECT 1 => (explain (analyze) (select (1)))
            EXPLAIN VERBOSE TABLE t => (explain (verbose) (select (*) (from t)))
            EXPLAIN (SELECT 1) => (explain (select (1)))
            EXPLAIN (ANALYZE, COSTS OFF, FORMAT 'json', "timing" false, summary 1) INSERT INTO t VALUES (1) => (explain (analyze) (costs 'off') (format 'json') (timing 'false') (summary 1) (insert t (values (1))))
            EXPLAIN (costs -1.5) SELECT 1 => (explain (costs -1.5) (select (1)))
            EXPLAIN EXECUTE q(1) => (explain (execute q 1))
            PREPARE q AS SELECT 1 => (prepare q (select (1)))
            PREPARE q (int, numeric(10,2)) AS SELECT $2 + $1 => (prepare q ({integer} {numeric(10,2)}) (select ((+ $2 $1))))
            PREPARE q AS INSERT INTO t VALUES ($1, '$2') => (prepare q (insert t (values ($1 '$2'))))
            EXECUTE q => (execute q)
            EXECUTE q(1, 'x', 2 + 3) => (execute q 1 'x' (+ 2 3))
            DEALLOCATE q => (deallocate q)
            DEALLOCATE PREPARE q => (deallocate q)
            DEALLOCATE PREPARE => (deallocate prepare)
            DEALLOCATE ALL => (deallocate all)
            DECLARE c CURSOR FOR SELECT 1 => (declare c (select (1)))
            DECLARE c NO SCROLL CURSOR WITH HOLD FOR SELECT 1 => (declare c no-scroll hold (select (1)))
            FETCH c => (fetch forward 1 c)
            FETCH PRIOR FROM c => (fetch backward 1 c)
            FETCH LAST IN c => (fetch absolute -1 c)
            FETCH RELATIVE -2 c => (fetch relative -2 c)
            FETCH BACKWARD ALL FROM c => (fetch backward all c)
            MOVE -3 IN c => (move forward -3 c)
            CLOSE ALL => (close all)
            DEALLOCATE PREPARE ALL => (deallocate all)
            TRUNCATE t => (truncate t)
            TRUNCATE TABLE ONLY s.t, u *, ONLY (v) RESTART IDENTITY CASCADE => (truncate s.t u v restart-identity cascade)
            TRUNCATE t CONTINUE IDENTITY RESTRICT => (truncate t)
            """)
    void parsesIntoTrees(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", textBlock = """
            PREPARE q AS SELECT $3, $1, $3 => 1,3 => 3
            PREPARE q (int) AS SELECT 1 => '' => 1
            PREPARE q (int) AS SELECT $2 => 2 => 2
            PREPARE q AS SELECT '$1' => '' => 0
            """)
    void preparedStatementsKnowTheirParameters(String sql, String referenced, int count) {
        PrepareStatement prepare = (PrepareStatement) Parser.parseStatement(sql);
        assertThat(prepare.referencedParameters()).map(String::valueOf)
                .containsExactly(referenced.isEmpty() ? new String[0] : referenced.split(","));
        assertThat(prepare.parameterCount()).isEqualTo(count);
    }

    static Stream<Arguments> errorsCheckedAgainstPostgreSql() {
        return Stream.of(
                Arguments.of("SET work_mem", 13, "syntax error at end of input"),
                Arguments.of("SET work_mem =", 15, "syntax error at end of input"),
                Arguments.of("SET = 1", 5, "syntax error at or near \"=\""),
                Arguments.of("SET work_mem = NULL", 16, "syntax error at or near \"NULL\""),
                Arguments.of("SET work_mem = select", 16, "syntax error at or near \"select\""),
                Arguments.of("SET work_mem = 1 2", 18, "syntax error at or near \"2\""),
                Arguments.of("SET work_mem = -'1'", 17, "syntax error at or near \"'1'\""),
                Arguments.of("SET x.y = 1::int", 12, "syntax error at or near \"::\""),
                Arguments.of("SET work_mem = a, DEFAULT", 19, "syntax error at or near \"DEFAULT\""),
                Arguments.of("SET work_mem TO", 16, "syntax error at end of input"),
                Arguments.of("SET verbose = 1", 5, "syntax error at or near \"verbose\""),
                Arguments.of("SET x.select = 1", 7, "syntax error at or near \"select\""),
                Arguments.of("SET LOCAL SESSION x.y = 1", 19, "syntax error at or near \"x\""),
                Arguments.of("SET TIME ZONE", 14, "syntax error at end of input"),
                Arguments.of("SET TIME ZONE true", 15, "syntax error at or near \"true\""),
                Arguments.of("SET TIME ZONE x.y", 16, "syntax error at or near \".\""),
                Arguments.of("SET TIME ZONE 'UTC', 'x'", 20, "syntax error at or near \",\""),
                Arguments.of("SET SCHEMA x", 12, "syntax error at or near \"x\""),
                Arguments.of("SET NAMES utf8", 11, "syntax error at or near \"utf8\""),
                Arguments.of("SET work_mem FROM", 18, "syntax error at end of input"),
                Arguments.of("SHOW", 5, "syntax error at end of input"),
                Arguments.of("SHOW ALL x", 10, "syntax error at or near \"x\""),
                Arguments.of("SHOW 'work_mem'", 6, "syntax error at or near \"'work_mem'\""),
                Arguments.of("SHOW work_mem, search_path", 14, "syntax error at or near \",\""),
                Arguments.of("SHOW TIME ZONE x", 16, "syntax error at or near \"x\""),
                Arguments.of("SHOW TRANSACTION ISOLATION", 27, "syntax error at end of input"),
                Arguments.of("RESET", 6, "syntax error at end of input"),
                Arguments.of("RESET ALL x", 11, "syntax error at or near \"x\""),
                Arguments.of("RESET work_mem x", 16, "syntax error at or near \"x\""),
                Arguments.of("PREPARE p(int AS SELECT 1", 15, "syntax error at or near \"AS\""),
                Arguments.of("PREPARE p(int) SELECT 1", 16, "syntax error at or near \"SELECT\""),
                Arguments.of("PREPARE p(int,) AS SELECT 1", 15, "syntax error at or near \")\""),
                Arguments.of("PREPARE AS SELECT 1", 9, "syntax error at or near \"AS\""),
                Arguments.of("PREPARE select AS SELECT 1", 9, "syntax error at or near \"select\""),
                Arguments.of("PREPARE p AS EXPLAIN SELECT 1", 14, "syntax error at or near \"EXPLAIN\""),
                Arguments.of("PREPARE p () AS SELECT 1", 12, "syntax error at or near \")\""),
                Arguments.of("PREPARE p AS", 13, "syntax error at end of input"),
                Arguments.of("EXECUTE", 8, "syntax error at end of input"),
                Arguments.of("EXECUTE p(", 11, "syntax error at end of input"),
                Arguments.of("EXECUTE p()", 11, "syntax error at or near \")\""),
                Arguments.of("EXECUTE p 1", 11, "syntax error at or near \"1\""),
                Arguments.of("DEALLOCATE", 11, "syntax error at end of input"),
                Arguments.of("DEALLOCATE p q", 14, "syntax error at or near \"q\""),
                Arguments.of("EXPLAIN", 8, "syntax error at end of input"),
                Arguments.of("EXPLAIN ANALYZE", 16, "syntax error at end of input"),
                Arguments.of("EXPLAIN PREPARE p AS SELECT 1", 9, "syntax error at or near \"PREPARE\""),
                Arguments.of("EXPLAIN EXPLAIN SELECT 1", 9, "syntax error at or near \"EXPLAIN\""),
                Arguments.of("EXPLAIN (COSTS OFF,) SELECT 1", 20, "syntax error at or near \")\""),
                Arguments.of("EXPLAIN (COSTS OFF SELECT 1", 20, "syntax error at or near \"SELECT\""),
                Arguments.of("EXPLAIN () SELECT 1", 10, "syntax error at or near \")\""),
                Arguments.of("EXPLAIN VERBOSE ANALYZE SELECT 1", 17, "syntax error at or near \"ANALYZE\""),
                Arguments.of("EXPLAIN CREATE TABLE v (a int)", 27, "syntax error at or near \"int\""),
                Arguments.of("EXPLAIN CREATE INDEX i ON t (a)", 16, "syntax error at or near \"INDEX\""),
                Arguments.of("EXPLAIN (select) SELECT 1", 18, "syntax error at or near \"SELECT\""),
                Arguments.of("EXPLAIN (costs off) SET x = 1", 21, "syntax error at or near \"SET\""),
                Arguments.of("EXPLAIN TRUNCATE t", 9, "syntax error at or near \"TRUNCATE\""),
                Arguments.of("TRUNCATE", 9, "syntax error at end of input"),
                Arguments.of("TRUNCATE TABLE", 15, "syntax error at end of input"),
                Arguments.of("TRUNCATE t u", 12, "syntax error at or near \"u\""),
                Arguments.of("TRUNCATE IF EXISTS t", 13, "syntax error at or near \"EXISTS\""),
                Arguments.of("TRUNCATE a.b.c.d", 10, "improper qualified name (too many dotted names): a.b.c.d"),
                Arguments.of("TRUNCATE t RESTART", 19, "syntax error at end of input"),
                Arguments.of("TRUNCATE t CASCADE RESTRICT", 20, "syntax error at or near \"RESTRICT\""),
                Arguments.of("TRUNCATE ONLY (t", 17, "syntax error at end of input"),
                Arguments.of("TRUNCATE t,", 12, "syntax error at end of input"));
    }

    @ParameterizedTest
    @MethodSource("errorsCheckedAgainstPostgreSql")
    void reportsSyntaxErrorsAsPostgreSqlDoes(String sql, int position, String message) {
        BasaltException error = error(sql);
        assertThat(error.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.position()).isEqualTo(position);
    }

    @org.junit.jupiter.api.Test
    void changingTheDatabaseIsRefusedWhereTheNameIs() {
        BasaltException error = error("SET CATALOG 'x'");
        assertThat(error.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        assertThat(error.getMessage()).isEqualTo("current database cannot be changed");
        assertThat(error.position()).isEqualTo(13);
    }
}
