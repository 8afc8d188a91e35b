package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Queries: SELECT blocks, FROM clauses and joins, set operations, WITH, and their tail clauses. */
class QueryParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            SELECT 1 => (select (1))
            SELECT => (select ())
            SELECT FROM t => (select () (from t))
            SELECT * FROM t => (select (*) (from t))
            SELECT t.*, s.t.* FROM t => (select (t.* s.t.*) (from t))
            SELECT DISTINCT a, b FROM t => (select distinct (a b) (from t))
            SELECT ALL a FROM t => (select (a) (from t))
            SELECT a AS x, b y, c AS "Quoted", d FROM t => (select ((as a x) (as b y) (as c Quoted) d) (from t))
            SELECT 1 AS year, 2 AS select, 3 value, 4 name => (select ((as 1 year) (as 2 select) (as 3 value) (as 4 name)))
            SELECT a FROM t WHERE b > 1 => (select (a) (from t) (where (> b 1)))
            SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1 => (select (a (call count *)) (from t) (group-by a) (having (> (call count *) 1)))
            SELECT a FROM t GROUP BY ALL a, b + 1 => (select (a) (from t) (group-by a (+ b 1)))
            VALUES (1, 'a'), (2, 'b') => (values (1 'a') (2 'b'))
            TABLE t => (select (*) (from t))
            SELECT a FROM t ORDER BY a => (query (select (a) (from t)) (order-by a))
            SELECT a FROM t ORDER BY a DESC NULLS LAST, b ASC, c NULLS FIRST => (query (select (a) (from t)) (order-by (sort a desc nulls-last) b (sort c nulls-first)))
            SELECT a FROM t LIMIT 10 OFFSET 5 => (query (select (a) (from t)) (limit 10) (offset 5))
            SELECT a FROM t OFFSET 5 LIMIT 10 => (query (select (a) (from t)) (limit 10) (offset 5))
            SELECT a FROM t LIMIT ALL => (select (a) (from t))
            SELECT a FROM t LIMIT ALL OFFSET 2 ROWS => (query (select (a) (from t)) (offset 2))
            SELECT a FROM t OFFSET 1 ROW FETCH NEXT 2 ROWS ONLY => (query (select (a) (from t)) (limit 2) (offset 1))
            SELECT a FROM t FETCH FIRST ROW ONLY => (query (select (a) (from t)) (limit 1))
            SELECT a FROM t LIMIT $1 => (query (select (a) (from t)) (limit $1))
            """)
    void selects(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    /** Grouping sets are expanded by the parser, as indices into the GROUP BY expressions. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            SELECT 1 FROM t GROUP BY ROLLUP (a, b) => (select (1) (from t) (group-by a b) (grouping-sets (0 1) (0) ()))
            SELECT 1 FROM t GROUP BY CUBE (a, b) => (select (1) (from t) (group-by a b) (grouping-sets (0 1) (0) (1) ()))
            SELECT 1 FROM t GROUP BY CUBE ((a, b), c) => (select (1) (from t) (group-by a b c) (grouping-sets (0 1 2) (0 1) (2) ()))
            SELECT 1 FROM t GROUP BY a, ROLLUP (b) => (select (1) (from t) (group-by a b) (grouping-sets (0 1) (0)))
            SELECT 1 FROM t GROUP BY GROUPING SETS ((), (a), (a, b)) => (select (1) (from t) (group-by a a b) (grouping-sets () (0) (1 2)))
            SELECT 1 FROM t GROUP BY GROUPING SETS (a, GROUPING SETS (b, ROLLUP (c))) => (select (1) (from t) (group-by a b c) (grouping-sets (0) (1) (2) ()))
            SELECT 1 FROM t GROUP BY ROLLUP (a), CUBE (b) => (select (1) (from t) (group-by a b) (grouping-sets (0 1) (0) (1) ()))
            SELECT 1 FROM t GROUP BY () => (select (1) (from t) (grouping-sets ()))
            SELECT 1 FROM t GROUP BY DISTINCT a => (select (1) (from t) (group-by a) (grouping-sets distinct (0)))
            SELECT 1 FROM t GROUP BY (a, b) => (select (1) (from t) (group-by a b))
            SELECT 1 FROM t GROUP BY (a + 1) * 2 => (select (1) (from t) (group-by (* (+ a 1) 2)))
            """)
    void groupingSets(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            SELECT * FROM a, b AS x, c y (p, q) => (select (*) (from a (table b x) (table c y (p q))))
            SELECT * FROM s.t => (select (*) (from s.t))
            SELECT * FROM ONLY t => (select (*) (from t))
            SELECT * FROM t * => (select (*) (from t))
            SELECT * FROM a JOIN b ON a.id = b.id => (select (*) (from (inner-join a b (on (= a.id b.id)))))
            SELECT * FROM a INNER JOIN b USING (id, k) => (select (*) (from (inner-join a b (using id k))))
            SELECT * FROM a LEFT JOIN b ON TRUE => (select (*) (from (left-join a b (on TRUE))))
            SELECT * FROM a LEFT OUTER JOIN b ON TRUE => (select (*) (from (left-join a b (on TRUE))))
            SELECT * FROM a RIGHT JOIN b ON TRUE => (select (*) (from (right-join a b (on TRUE))))
            SELECT * FROM a FULL OUTER JOIN b ON TRUE => (select (*) (from (full-join a b (on TRUE))))
            SELECT * FROM a CROSS JOIN b => (select (*) (from (cross-join a b)))
            SELECT * FROM a NATURAL JOIN b => (select (*) (from (natural-inner-join a b)))
            SELECT * FROM a NATURAL LEFT JOIN b => (select (*) (from (natural-left-join a b)))
            SELECT * FROM a JOIN b ON x JOIN c ON y => (select (*) (from (inner-join (inner-join a b (on x)) c (on y))))
            SELECT * FROM a JOIN b JOIN c ON x ON y => (select (*) (from (inner-join a (inner-join b c (on x)) (on y))))
            SELECT * FROM a CROSS JOIN b JOIN c ON x => (select (*) (from (inner-join (cross-join a b) c (on x))))
            SELECT * FROM (a JOIN b ON x) JOIN c ON y => (select (*) (from (inner-join (inner-join a b (on x)) c (on y))))
            SELECT * FROM a, b JOIN c ON x => (select (*) (from a (inner-join b c (on x))))
            SELECT * FROM (SELECT 1) AS s => (select (*) (from (subquery (select (1)) s)))
            SELECT * FROM (SELECT 1) s (x) => (select (*) (from (subquery (select (1)) s (x))))
            SELECT * FROM (VALUES (1), (2)) v (n) => (select (*) (from (subquery (values (1) (2)) v (n))))
            SELECT * FROM (SELECT 1) => (select (*) (from (subquery (select (1)))))
            SELECT * FROM ((SELECT 1)) s => (select (*) (from (subquery (select (1)) s)))
            SELECT * FROM ((SELECT 1) UNION (SELECT 2)) s => (select (*) (from (subquery (union (select (1)) (select (2))) s)))
            SELECT * FROM ((SELECT 1) s JOIN t ON TRUE) => (select (*) (from (inner-join (subquery (select (1)) s) t (on TRUE))))
            SELECT * FROM t, LATERAL (SELECT t.a) s => (select (*) (from t (subquery lateral (select (t.a)) s)))
            SELECT * FROM generate_series(1, 10) AS g (x) => (select (*) (from (function (call generate_series 1 10) g (x))))
            SELECT * FROM generate_series(1, 3) g => (select (*) (from (function (call generate_series 1 3) g)))
            SELECT * FROM t, LATERAL unnest(t.arr) u => (select (*) (from t (function lateral (call unnest t.arr) u)))
            SELECT * FROM pg_catalog.generate_series(1, 2) => (select (*) (from (function (call pg_catalog.generate_series 1 2))))
            SELECT * FROM coalesce(1, 2) c => (select (*) (from (function (call coalesce 1 2) c)))
            SELECT * FROM rank() over => (select (*) (from (function (call rank) over)))
            SELECT * FROM t1 AS name, t2 AS value => (select (*) (from (table t1 name) (table t2 value)))
            """)
    void fromClauses(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            SELECT 1 UNION SELECT 2 => (union (select (1)) (select (2)))
            SELECT 1 UNION ALL SELECT 2 => (union-all (select (1)) (select (2)))
            SELECT 1 UNION DISTINCT SELECT 2 => (union (select (1)) (select (2)))
            SELECT 1 UNION SELECT 2 UNION SELECT 3 => (union (union (select (1)) (select (2))) (select (3)))
            SELECT 1 EXCEPT SELECT 2 UNION SELECT 3 => (union (except (select (1)) (select (2))) (select (3)))
            SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 => (union (select (1)) (intersect (select (2)) (select (3))))
            SELECT 1 INTERSECT SELECT 2 UNION SELECT 3 => (union (intersect (select (1)) (select (2))) (select (3)))
            SELECT 1 INTERSECT ALL SELECT 2 INTERSECT SELECT 3 => (intersect (intersect-all (select (1)) (select (2))) (select (3)))
            SELECT 1 EXCEPT ALL SELECT 2 => (except-all (select (1)) (select (2)))
            (SELECT 1 UNION SELECT 2) INTERSECT SELECT 3 => (intersect (union (select (1)) (select (2))) (select (3)))
            SELECT 1 UNION (SELECT 2 ORDER BY 1 LIMIT 1) => (union (select (1)) (nested (query (select (2)) (order-by 1) (limit 1))))
            SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 1 => (query (union (select (1)) (select (2))) (order-by 1) (limit 1))
            VALUES (1) UNION ALL VALUES (2) => (union-all (values (1)) (values (2)))
            SELECT 1 UNION TABLE t => (union (select (1)) (select (*) (from t)))
            (SELECT 1) => (select (1))
            ((SELECT 1)) ORDER BY 1 => (query (select (1)) (order-by 1))
            (SELECT a FROM t ORDER BY a) LIMIT 1 => (query (select (a) (from t)) (order-by a) (limit 1))
            (SELECT a FROM t LIMIT 1) ORDER BY a => (query (select (a) (from t)) (order-by a) (limit 1))
            """)
    void setOperations(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            WITH x AS (SELECT 1) SELECT * FROM x => (query (with (x (select (1)))) (select (*) (from x)))
            WITH x (a, b) AS (VALUES (1, 2)), y AS (SELECT a FROM x) SELECT * FROM y => (query (with (x (a b) (values (1 2))) (y (select (a) (from x)))) (select (*) (from y)))
            WITH RECURSIVE t (n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t => (query (with recursive (t (n) (union-all (values (1)) (select ((+ n 1)) (from t) (where (< n 3)))))) (select (n) (from t)))
            WITH x AS MATERIALIZED (SELECT 1), y AS NOT MATERIALIZED (SELECT 2) TABLE x => (query (with (x materialized (select (1))) (y not-materialized (select (2)))) (select (*) (from x)))
            WITH recursive AS (SELECT 1) SELECT 2 => (query (with (recursive (select (1)))) (select (2)))
            WITH x AS (SELECT 1) SELECT * FROM x ORDER BY 1 LIMIT 1 => (query (with (x (select (1)))) (select (*) (from x)) (order-by 1) (limit 1))
            WITH x AS (SELECT 1) (SELECT * FROM x ORDER BY 1) LIMIT 1 => (query (with (x (select (1)))) (select (*) (from x)) (order-by 1) (limit 1))
            SELECT 1 UNION (WITH b AS (SELECT 2) SELECT * FROM b) => (union (select (1)) (nested (query (with (b (select (2)))) (select (*) (from b)))))
            SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) s => (select (*) (from (subquery (query (with (x (select (1)))) (select (*) (from x))) s)))
            SELECT EXISTS (WITH y AS (SELECT 2) SELECT 1) => (select ((exists (query (with (y (select (2)))) (select (1))))))
            INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x => (insert t (query (with (x (select (1)))) (select (*) (from x))))
            """)
    void withClauses(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }

    @Test
    void windowClausesNameWindowsThatCallsUseOrCopy() {
        assertThat(tree("SELECT sum(x) OVER w, rank() OVER (w ORDER BY z) FROM t WINDOW w AS (PARTITION BY y), "
                + "v AS (w ROWS 2 PRECEDING)"))
                .isEqualTo("(select ((call sum x (over w)) (call rank (over w (copy) (order-by z)))) (from t) "
                        + "(window (w (over (partition-by y))) (v (over w (copy) (ROWS [2 PRECEDING])))))");
    }

    @Test
    void arraySubqueryIsAnExpression() {
        assertThat(tree("SELECT ARRAY(SELECT 1)")).isEqualTo("(select ((array (select (1)))))");
    }

    @Test
    void dataModifyingWithQueriesAndWithBeforeDataChangingStatements() {
        assertThat(tree("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x"))
                .isEqualTo(tree("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x"))
                .contains("(x (delete t (returning *)))");
        assertThat(tree("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x")).startsWith("(with (x ").contains("(insert t");
        assertThat(tree("WITH x AS (SELECT 1) UPDATE t SET a = 1")).startsWith("(with (x ").contains("(update t");
        assertThat(tree("WITH x AS (SELECT 1) DELETE FROM t")).startsWith("(with (x ").contains("(delete t");
    }

    @Test
    void fetchWithTiesNeedsAnOrderBy() {
        assertThat(tree("SELECT * FROM t ORDER BY a FETCH FIRST 1 ROW WITH TIES")).contains("(limit 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree("SELECT * FROM t FETCH FIRST 1 ROW WITH TIES"))
                .hasMessage("WITH TIES cannot be specified without ORDER BY clause");
    }

    @Test
    void lockingClausesAreParsedBeforeOrAfterLimit() {
        io.basalt.sql.ast.Query query = ((io.basalt.sql.ast.QueryStatement) Parser.parseStatement(
                "SELECT * FROM t a, u FOR NO KEY UPDATE OF a NOWAIT LIMIT 1 FOR SHARE SKIP LOCKED FOR READ ONLY"))
                .query();
        assertThat(query.limit()).isNotNull();
        assertThat(query.locking()).hasSize(2);
        io.basalt.sql.ast.LockingClause first = query.locking().getFirst();
        assertThat(first.strength()).isEqualTo(io.basalt.sql.ast.LockingClause.Strength.NO_KEY_UPDATE);
        assertThat(first.tables()).extracting(Object::toString).containsExactly("a");
        assertThat(first.waitPolicy()).isEqualTo(io.basalt.sql.ast.LockingClause.Wait.NOWAIT);
        io.basalt.sql.ast.LockingClause second = query.locking().getLast();
        assertThat(second.strength()).isEqualTo(io.basalt.sql.ast.LockingClause.Strength.SHARE);
        assertThat(second.tables()).isEmpty();
        assertThat(second.waitPolicy()).isEqualTo(io.basalt.sql.ast.LockingClause.Wait.SKIP_LOCKED);
        assertThat(((io.basalt.sql.ast.QueryStatement) Parser.parseStatement("SELECT 1 FOR KEY SHARE")).query()
                .locking().getFirst().strength()).isEqualTo(io.basalt.sql.ast.LockingClause.Strength.KEY_SHARE);
    }

    @Test
    void unsupportedQueryFeaturesMakeTheStatementUnsupported() {
        assertThat(tree("SELECT DISTINCT ON (a, b + 1) a, b FROM t"))
                .isEqualTo("(select (distinct-on a (+ b 1)) (a b) (from t))");
        assertThat(tree("INSERT INTO u SELECT * INTO new_t FROM t")).isEqualTo("(unsupported \"SELECT INTO\")");
        assertThat(tree("SELECT x COLLATE \"C\" FROM t")).isEqualTo(tree("SELECT x FROM t"));
        assertThat(tree("SELECT * FROM generate_series(1, 2) WITH ORDINALITY AS g(v, n)"))
                .isEqualTo("(select (*) (from (function (call generate_series 1 2) with-ordinality g (v n))))");
        assertThat(tree("SELECT * FROM ROWS FROM (f(1), g()) WITH ORDINALITY"))
                .isEqualTo("(select (*) (from (function (rows-from (call f 1) (call g)) with-ordinality)))");
        assertThat(tree("SELECT f(1, VARIADIC ARRAY[2])"))
                .isEqualTo("(select ((call f 1 (variadic (array 2)))))");
        assertThat(tree("SELECT B'101'")).isEqualTo("(unsupported \"bit string constants\")");
    }
}
