package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.expression;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expressions: operator precedence and associativity (PostgreSQL manual 4.1.6), operands, and the constructs
 * with their own syntax, each given as a SELECT item and compared as an S-expression.
 */
class ExpressionParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            a OR b AND c => (OR a (AND b c))
            a AND b OR c AND d => (OR (AND a b) (AND c d))
            a OR b OR c => (OR (OR a b) c)
            NOT a AND b => (AND (NOT a) b)
            NOT a = b => (NOT (= a b))
            NOT NOT a => (NOT (NOT a))
            NOT a IS NULL => (NOT (is-null a))
            a = b IS NULL => (is-null (= a b))
            a IS NULL = TRUE => (= (is-null a) TRUE)
            a IS NULL IS NULL => (is-null (is-null a))
            a < b LIKE c => (< a (like b c))
            a LIKE b = c => (= (like a b) c)
            a = b + c => (= a (+ b c))
            a || b = c => (= (|| a b) c)
            a + b || c => (|| (+ a b) c)
            a || b || c => (|| (|| a b) c)
            a -> 'x' ->> 'y' => (->> (-> a 'x') 'y')
            a @> b AND c <@ d => (AND (@> a b) (<@ c d))
            a - b - c => (- (- a b) c)
            a + b * c => (+ a (* b c))
            a * b + c => (+ (* a b) c)
            a / b % c => (% (/ a b) c)
            a * b ^ c => (* a (^ b c))
            2 ^ 3 ^ 2 => (^ (^ 2 3) 2)
            -2 ^ 2 => (^ (- 2) 2)
            - a * b => (* (- a) b)
            -x::int => (- (cast x {integer}))
            - 2 :: int => (- (cast 2 {integer}))
            +a => (+ a)
            1 - -1 => (- 1 (- 1))
            1 =- 2 => (= 1 (- 2))
            a != b => (<> a b)
            a <> b => (<> a b)
            |/ 25 + 1 => (|/ (+ 25 1))
            @ a || b => (|| (@ a) b)
            a OPERATOR(pg_catalog.+) b => (+ a b)
            x BETWEEN 1 AND 2 AND y => (AND (between x 1 2) y)
            x BETWEEN 1 + 1 AND 2 * 3 => (between x (+ 1 1) (* 2 3))
            x NOT BETWEEN SYMMETRIC 2 AND 1 => (not-between-symmetric x 2 1)
            x BETWEEN ASYMMETRIC 1 AND 2 => (between x 1 2)
            x BETWEEN 1 AND 2 = TRUE => (= (between x 1 2) TRUE)
            x IN (1, 2) => (in x (1 2))
            x NOT IN ('a') => (not-in x ('a'))
            x IN (SELECT y FROM t) => (in x (select (y) (from t)))
            x IN ((SELECT y FROM t)) => (in x (select (y) (from t)))
            x IN ((SELECT 1), 2) => (in x ((subquery (select (1))) 2))
            x LIKE 'a%' => (like x 'a%')
            x NOT ILIKE 'a%' ESCAPE '!' => (not-ilike x 'a%' (escape '!'))
            x LIKE y || '%' => (like x (|| y '%'))
            x ~~ 'a' => (like x 'a')
            x !~~* 'a' => (not-ilike x 'a')
            x SIMILAR TO 'a|b' => (~ x (call similar_to_escape 'a|b'))
            x NOT SIMILAR TO 'a' ESCAPE '#' => (!~ x (call similar_to_escape 'a' '#'))
            x ~ 'a.*' => (~ x 'a.*')
            x IS TRUE => (is-true x)
            x IS NOT FALSE => (is-not-false x)
            x IS UNKNOWN => (is-unknown x)
            x IS NOT NULL => (is-not-null x)
            x ISNULL => (is-null x)
            x NOTNULL => (is-not-null x)
            x IS DISTINCT FROM y => (is-distinct-from x y)
            x IS NOT DISTINCT FROM y + 1 => (is-not-distinct-from x (+ y 1))
            x = ANY (ARRAY[1, 2]) => (= any x (array 1 2))
            x = SOME (a) => (= any x a)
            x <> ALL (SELECT y FROM t) => (<> all x (select (y) (from t)))
            'python' = ANY(tags) => (= any 'python' tags)
            x LIKE ANY (ARRAY['a', 'b']) => (~~ any x (array 'a' 'b'))
            x NOT ILIKE ALL (p) => (!~~* all x p)
            x = ANY (a) = TRUE => (= (= any x a) TRUE)
            x AT TIME ZONE 'UTC' => (call timezone 'UTC' x)
            a + b AT TIME ZONE z => (+ a (call timezone z b))
            EXISTS (SELECT 1) => (exists (select (1)))
            NOT EXISTS (SELECT 1) => (NOT (exists (select (1))))
            """)
    void precedenceAndAssociativity(String input, String expected) {
        assertThat(expression(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            NULL => NULL
            TRUE => TRUE
            false => FALSE
            42 => 42
            3.14 => 3.14
            .5e-3 => .5e-3
            'it''s' => 'it''s'
            E'a\\\\b' => 'a\\b'
            $$dollar's$$ => 'dollar''s'
            $1 => $1
            a => a
            t.a => t.a
            s.t.a => s.t.a
            "Mixed Case".col => Mixed Case.col
            t.select => t.select
            name => name
            int => int
            position => position
            DATE '2024-01-01' => (typed {date} '2024-01-01')
            TIMESTAMP '2024-01-01 00:00' => (typed {timestamp without time zone} '2024-01-01 00:00')
            TIMESTAMP(3) WITH TIME ZONE 'x' => (typed {timestamp with time zone(3)} 'x')
            timestamptz '2024-01-01' => (typed {timestamp with time zone} '2024-01-01')
            TIME 'now' => (typed {time without time zone} 'now')
            INTERVAL '1 day' => (typed {interval} '1 day')
            INTERVAL(2) '1 second' => (typed {interval(2)} '1 second')
            INTERVAL '1' DAY => (typed {interval day} '1')
            INTERVAL '1 2:03:04.5' DAY TO SECOND(3) => (typed {interval day to second(3)} '1 2:03:04.5')
            interval '1-2' year to month => (typed {interval year to month} '1-2')
            int4 '5' => (typed {integer} '5')
            INTEGER '5' => (typed {integer} '5')
            DOUBLE PRECISION '1.5' => (typed {double precision} '1.5')
            numeric(10,2) '1.5' => (typed {numeric(10,2)} '1.5')
            bpchar(3) 'ab' => (typed {bpchar(3)} 'ab')
            CHAR 'abc' => (typed {character} 'abc')
            VARCHAR(3) 'ab' => (typed {character varying(3)} 'ab')
            BOOLEAN 't' => (typed {boolean} 't')
            jsonb '{}' => (typed {jsonb} '{}')
            pg_catalog.int8 '1' => (typed {bigint} '1')
            N'abc' => (typed {character} 'abc')
            x::int => (cast x {integer})
            x::numeric(10, 2) => (cast x {numeric(10,2)})
            x::int[] => (cast x {integer[]})
            x::text::int => (cast (cast x {text}) {integer})
            '{1,2}'::int[] [1] => (cast '{1,2}' {integer[][]})
            CAST(x AS varchar(10)) => (cast x {character varying(10)})
            CAST(x AS double precision) => (cast x {double precision})
            (a + b)::text => (cast (+ a b) {text})
            """)
    void operands(String input, String expected) {
        assertThat(expression(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END => (case (when a 1) (when b 2) (else 3))
            CASE x WHEN 1 THEN 'one' END => (case x (when 1 'one'))
            COALESCE(a, b, 0) => (call coalesce a b 0)
            NULLIF(a, '') => (call nullif a '')
            GREATEST(a, b) => (call greatest a b)
            LEAST(1, 2, 3) => (call least 1 2 3)
            EXTRACT(YEAR FROM d) => (call extract 'year' d)
            EXTRACT(epoch FROM d) => (call extract 'epoch' d)
            EXTRACT('dow' FROM d) => (call extract 'dow' d)
            SUBSTRING(s FROM 2 FOR 3) => (call substring s 2 3)
            SUBSTRING(s FROM 2) => (call substring s 2)
            SUBSTRING(s FOR 3) => (call substring s 1 3)
            SUBSTRING(s FOR 3 FROM 2) => (call substring s 2 3)
            SUBSTRING(s, 2, 3) => (call substring s 2 3)
            SUBSTRING(s SIMILAR 'a#"b#"' ESCAPE '#') => (call substring s 'a#"b#"' '#')
            POSITION('b' IN s) => (call position s 'b')
            TRIM(s) => (call btrim s)
            TRIM(BOTH 'x' FROM s) => (call btrim s 'x')
            TRIM(LEADING FROM s) => (call ltrim s)
            TRIM(TRAILING 'xy' FROM s) => (call rtrim s 'xy')
            TRIM(s, 'x') => (call btrim s 'x')
            OVERLAY(s PLACING 'ab' FROM 2 FOR 3) => (call overlay s 'ab' 2 3)
            NORMALIZE(s, NFKC) => (call normalize s 'NFKC')
            CURRENT_DATE => (call current_date)
            CURRENT_TIMESTAMP => (call current_timestamp)
            CURRENT_TIMESTAMP(3) => (call current_timestamp 3)
            LOCALTIMESTAMP => (call localtimestamp)
            CURRENT_USER => (call current_user)
            current_schema => (call current_schema)
            current_schema() => (call current_schema)
            COLLATION FOR (x) => (call pg_collation_for x)
            now() => (call now)
            count(*) => (call count *)
            count(DISTINCT x) => (call count distinct x)
            count(ALL x) => (call count x)
            pg_catalog.lower(x) => (call pg_catalog.lower x)
            left('abc', 2) => (call left 'abc' 2)
            string_agg(x, ',' ORDER BY y DESC) => (call string_agg x ',' (order-by (sort y desc)))
            count(*) FILTER (WHERE x > 0) => (call count * (filter (> x 0)))
            percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC) => (call percentile_cont 0.5 within group (order-by (sort x desc)))
            mode() WITHIN GROUP (ORDER BY x) FILTER (WHERE y) => (call mode within group (order-by x) (filter y))
            row_number() OVER () => (call row_number (over))
            rank() OVER w => (call rank (over w))
            sum(x) OVER (w ORDER BY y) => (call sum x (over w (copy) (order-by y)))
            sum(x) OVER (PARTITION BY a, b ORDER BY c NULLS FIRST) => (call sum x (over (partition-by a b) (order-by (sort c nulls-first))))
            sum(x) OVER (ORDER BY d ROWS UNBOUNDED PRECEDING) => (call sum x (over (order-by d) (ROWS [UNBOUNDED PRECEDING])))
            sum(x) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) => (call sum x (over (RANGE [1 PRECEDING] [CURRENT ROW])))
            avg(x) OVER (GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING EXCLUDE TIES) => (call avg x (over (GROUPS [CURRENT ROW] [2 FOLLOWING] (exclude TIES))))
            sum(x) OVER (ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS) => (call sum x (over (ROWS [1 FOLLOWING] [UNBOUNDED FOLLOWING] (exclude NO OTHERS))))
            ARRAY[1, 2, 3] => (array 1 2 3)
            ARRAY[[1, 2], [3, 4]] => (array (array 1 2) (array 3 4))
            ARRAY[]::int[] => (cast (array) {integer[]})
            a[1] => (subscript a 1)
            a[1][2] => (subscript (subscript a 1) 2)
            a[1:2] => (slice a 1 2)
            a[:2] => (slice a _ 2)
            a[2:] => (slice a 2 _)
            t.a[1] => (subscript t.a 1)
            $1[1] => (subscript $1 1)
            (ARRAY[1, 2])[1] => (subscript (array 1 2) 1)
            ROW(1, 'a') => (row 1 'a')
            ROW() => (row)
            (1, 'a') => (row 1 'a')
            (1, 2) = (a, b) => (= (row 1 2) (row a b))
            ((1)) => 1
            (SELECT max(x) FROM t) => (subquery (select ((call max x)) (from t)))
            ((SELECT 1) + 1) => (+ (subquery (select (1))) 1)
            ((SELECT 1) UNION (SELECT 2)) => (subquery (union (select (1)) (select (2))))
            ((SELECT 1 LIMIT 1)) => (subquery (query (select (1)) (limit 1)))
            """)
    void constructs(String input, String expected) {
        assertThat(expression(input)).isEqualTo(expected);
    }

    @Test
    void keywordOperatorsThatAreBareLabelsEndAnItemWhenNothingFollows() {
        assertThat(ParsedSql.tree("SELECT 1 is, 2 and, 3 at, 4 like FROM t"))
                .isEqualTo("(select ((as 1 is) (as 2 and) (as 3 at) (as 4 like)) (from t))");
        assertThat(ParsedSql.tree("SELECT a is null, b and c, d like 'x' FROM t"))
                .isEqualTo("(select ((is-null a) (AND b c) (like d 'x')) (from t))");
    }
}
