package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ALTER TABLE: the trees of its actions and the forms that stand alone (RENAME); CREATE and DROP VIEW and SCHEMA. */
class AlterTableParserTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            ALTER TABLE t ADD COLUMN c int => (alter-table t (add-column (column c {integer})))
            ALTER TABLE IF EXISTS ONLY s.t * ADD IF NOT EXISTS c text NOT NULL DEFAULT 'x' => (alter-table if-exists s.t (add-column if-not-exists (column c {text} not-null (default 'x'))))
            ALTER TABLE t DROP c, DROP COLUMN IF EXISTS d CASCADE => (alter-table t (drop-column c) (drop-column if-exists d cascade))
            ALTER TABLE t ALTER c TYPE bigint, ALTER COLUMN d SET DATA TYPE text USING d || 'x' => (alter-table t (alter-type c {bigint}) (alter-type d {text} (using (|| d 'x'))))
            ALTER TABLE t ALTER c SET DEFAULT 1 + 2, ALTER c DROP DEFAULT => (alter-table t (set-default c (+ 1 2)) (drop-default c))
            ALTER TABLE t ALTER c SET NOT NULL, ALTER COLUMN c DROP NOT NULL => (alter-table t (set-not-null c) (drop-not-null c))
            ALTER TABLE t ALTER c DROP EXPRESSION, ALTER d DROP EXPRESSION IF EXISTS => (alter-table t (drop-expression c) (drop-expression d if-exists))
            ALTER TABLE t ALTER c SET EXPRESSION AS (a * 3) => (alter-table t (set-expression c (* a 3)))
            ALTER TABLE t ADD c int GENERATED ALWAYS AS (a + 1) STORED => (alter-table t (add-column (column c {integer} (generated (+ a 1)))))
            ALTER TABLE t ADD CONSTRAINT k CHECK (c > 0) NOT VALID => (alter-table t (add-constraint (constraint k (check (> c 0))) not-valid))
            ALTER TABLE t ADD UNIQUE (a, b), ADD PRIMARY KEY (c) => (alter-table t (add-constraint (unique (a b))) (add-constraint (primary-key (c))))
            ALTER TABLE t ADD EXCLUDE USING btree (a WITH =, b WITH =) => (alter-table t (add-constraint (exclude btree (a =, b =))))
            ALTER TABLE t DROP CONSTRAINT IF EXISTS k RESTRICT, VALIDATE CONSTRAINT j => (alter-table t (drop-constraint if-exists k) (validate-constraint j))
            ALTER TABLE t RENAME c TO d => (alter-table t (rename-column c d))
            ALTER TABLE t RENAME COLUMN c TO d => (alter-table t (rename-column c d))
            ALTER TABLE t RENAME CONSTRAINT c TO d => (alter-table t (rename-constraint c d))
            ALTER TABLE t RENAME TO u => (alter-table t (rename-to u))
            ALTER TABLE t SET SCHEMA s => (alter-table t (set-schema s))
            ALTER TABLE t ALTER c SET STATISTICS -1, ALTER COLUMN d SET STORAGE MAIN => (alter-table t (physical column_statistics c -1) (physical column_storage d main))
            ALTER TABLE t ALTER c SET (n_distinct = 1), ALTER c RESET (n_distinct) => (alter-table t (physical column_options c) (physical column_reset_options c))
            ALTER TABLE t CLUSTER ON i, SET WITHOUT CLUSTER, SET WITHOUT OIDS => (alter-table t (physical cluster_on i) (physical without_cluster) (physical without_oids))
            ALTER TABLE t SET LOGGED, SET UNLOGGED, REPLICA IDENTITY FULL => (alter-table t (physical logged) (physical unlogged) (physical replica_identity full))
            ALTER TABLE t REPLICA IDENTITY USING INDEX i => (alter-table t (physical replica_identity i))
            ALTER INDEX IF EXISTS s.i RENAME TO j => (alter-index s.i RenameTo[name=j])
            ALTER INDEX i ALTER COLUMN 2 SET STATISTICS 100 => (alter-index i SetStatistics[number=2, name=null, target=100, numberPosition=28])
            ALTER TABLE t SET (fillfactor = 70, toast.autovacuum_enabled, parallel_workers = -1, x = 'On') => (alter-table t (set-parameters fillfactor=70 toast.autovacuum_enabled parallel_workers=-1 x=On))
            ALTER TABLE t RESET (fillfactor, toast.vacuum_truncate) => (alter-table t (reset-parameters fillfactor toast.vacuum_truncate))
            ALTER TABLE t ALTER CONSTRAINT c DEFERRABLE => (alter-table t (alter-constraint c deferrable))
            ALTER TABLE t ALTER CONSTRAINT c INITIALLY DEFERRED => (alter-table t (alter-constraint c deferrable deferred))
            CREATE OR REPLACE TEMP VIEW v (x) AS SELECT 1 => (create-view or-replace temporary v (x) (select (1)))
            DROP VIEW IF EXISTS v, s.w CASCADE => (drop-view if-exists cascade v s.w)
            CREATE MATERIALIZED VIEW IF NOT EXISTS m (x) AS SELECT 1 WITH NO DATA => (create-materialized-view if-not-exists m (x) (select (1)) no-data)
            REFRESH MATERIALIZED VIEW CONCURRENTLY m WITH DATA => (refresh-materialized-view concurrently m)
            DROP MATERIALIZED VIEW m => (drop-materialized-view m)
            CREATE SCHEMA IF NOT EXISTS s AUTHORIZATION joe => (create-schema if-not-exists s (authorization joe))
            CREATE SCHEMA AUTHORIZATION joe => (create-schema joe (authorization joe))
            DROP SCHEMA IF EXISTS a, b CASCADE => (drop-schema if-exists cascade a b)
            ALTER TABLE p ATTACH PARTITION c FOR VALUES IN (1, 2) => (alter-table p attach-partition c in)
            ALTER TABLE p ATTACH PARTITION c DEFAULT => (alter-table p attach-partition c default)
            ALTER TABLE ONLY p DETACH PARTITION s.c => (alter-table p detach-partition s.c)
            ALTER TABLE c INHERIT p => (alter-table c inherit p)
            ALTER TABLE c NO INHERIT p => (alter-table c no-inherit p)
            ALTER TABLE p DETACH PARTITION c CONCURRENTLY => (alter-table p detach-partition-concurrently c)
            ALTER TABLE p DETACH PARTITION c FINALIZE => (alter-table p detach-partition-finalize c)
            CREATE TABLE c (s char(2)) INHERITS (p, q) => (create-table c (column s {character(2)}) (hierarchy (inherits p q)))
            CREATE TABLE m (d date, e int) PARTITION BY RANGE (d, (e + 1)) => (create-table m (column d {date}) (column e {integer}) (hierarchy (partition-by range d (+ e 1))))
            CREATE TABLE m (d text) PARTITION BY LIST (d COLLATE "C" text_ops) => (create-table m (column d {text}) (hierarchy (partition-by list d)))
            CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2006-02-01', MINVALUE) TO ('2006-03-01', MAXVALUE) => (create-table m1 (hierarchy (partition-of m range)))
            CREATE TABLE m1 PARTITION OF m (CHECK (a > 0)) FOR VALUES IN (1) PARTITION BY LIST (b) => (create-table m1 (check (> a 0)) (hierarchy (partition-of m in) (partition-by list b)))
            CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 1) => (create-table h1 (hierarchy (partition-of h hash)))
            CREATE TABLE d PARTITION OF m DEFAULT => (create-table d (hierarchy (partition-of m default)))
            """)
    void alterTableStatementsParse(String sql, String expected) {
        assertThat(tree(sql)).isEqualTo(expected);
    }
}
