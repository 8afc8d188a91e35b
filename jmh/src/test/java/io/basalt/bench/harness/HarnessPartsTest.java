package io.basalt.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's smaller parts: options, ORDER BY detection, the question file, digests, report formats. */
class HarnessPartsTest {
    @Test
    void countsAcceptTheUsualSpellings() {
        assertThat(HarnessOptions.parseCount("10000000")).isEqualTo(10_000_000L);
        assertThat(HarnessOptions.parseCount("10_000_000")).isEqualTo(10_000_000L);
        assertThat(HarnessOptions.parseCount("1e7")).isEqualTo(10_000_000L);
        assertThat(HarnessOptions.parseCount("100M")).isEqualTo(100_000_000L);
        assertThat(HarnessOptions.parseCount("100k")).isEqualTo(100_000L);
        assertThatThrownBy(() -> HarnessOptions.parseCount("1.5")).hasMessage("not a count: 1.5");
    }

    @Test
    void optionsHaveTheDocumentedDefaults() {
        HarnessOptions micro = HarnessOptions.parse("micro");
        assertThat(micro.rows()).isEqualTo(100_000_000L);
        assertThat(micro.runs()).isEqualTo(5);
        assertThat(micro.warmup()).isEqualTo(1);
        assertThat(micro.format()).isEqualTo("table");
        HarnessOptions h2o = HarnessOptions.parse("h2o", "--threads", "2", "--format", "json", "--queries", "q1,q3");
        assertThat(h2o.rows()).isEqualTo(10_000_000L);
        assertThat(h2o.threads()).isEqualTo(2);
        assertThat(h2o.selects("q3")).isTrue();
        assertThat(h2o.selects("q2")).isFalse();
        assertThatThrownBy(() -> HarnessOptions.parse("tpcds")).hasMessage("unknown suite 'tpcds'");
        assertThatThrownBy(() -> HarnessOptions.parse("tpch", "--runs", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HarnessOptions.formatNumber(1.0)).isEqualTo("1");
        assertThat(HarnessOptions.formatNumber(0.01)).isEqualTo("0.01");
    }

    @Test
    void aWarmupCurveFindsTheRunThatReachesTheSteadyState() {
        assertThat(HarnessOptions.parse("tpch").curve()).isFalse();
        assertThat(HarnessOptions.parse("tpch", "--curve", "--runs", "3").curve()).isTrue();
        long ms = 1_000_000;
        // Runs 1-4 compile, run 5 is one quick outlier; runs 7-9 are the first three whose median is within 10% of
        // the last three's (10 ms).
        WarmupCurve curve = new WarmupCurve(new long[] {90 * ms, 50 * ms, 30 * ms, 20 * ms, 10 * ms, 30 * ms,
            30 * ms, 10 * ms, 11 * ms, 10 * ms, 12 * ms, 10 * ms, 9 * ms}, 3);
        assertThat(curve.steadyNanos()).isEqualTo(10.0 * ms);
        assertThat(curve.runsToSteady()).isEqualTo(7);
        assertThat(curve.firstRunsNanos()).isEqualTo(291 * ms);
        assertThat(curve.describe("q01", "basalt"))
                .startsWith("curve q01 basalt: steady 10.0 ms, within 10% at run 7, runs 1-10 291.0 ms | 90.0 50.0");
    }

    @Test
    void onlyATopLevelOrderByFixesTheOrder() {
        assertThat(BenchmarkQuery.of("a", "SELECT a FROM t ORDER BY a;").ordered()).isTrue();
        assertThat(BenchmarkQuery.of("a", "select a from t order\n  by a").ordered()).isTrue();
        assertThat(BenchmarkQuery.of("a", "SELECT a FROM (SELECT a FROM t ORDER BY a) s").ordered()).isFalse();
        assertThat(BenchmarkQuery.of("a", "SELECT row_number() OVER (ORDER BY a) FROM t").ordered()).isFalse();
        assertThat(BenchmarkQuery.of("a", "SELECT 'ORDER BY' FROM t -- ORDER BY a").ordered()).isFalse();
        assertThat(BenchmarkQuery.of("a", "SELECT border_by FROM t").ordered()).isFalse();
        assertThat(BenchmarkQuery.of("a", "SELECT 1;").sql()).isEqualTo("SELECT 1");
    }

    @Test
    void theTenGroupByQuestionsAreRead() {
        List<BenchmarkQuery> questions = new H2oSuite(io.basalt.datasets.h2o.GroupByParameters.standard(1000)).queries();
        assertThat(questions).extracting(BenchmarkQuery::name)
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10");
        assertThat(questions.get(0).sql()).isEqualTo("SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1");
        assertThat(questions).noneMatch(BenchmarkQuery::ordered);
    }

    @Test
    void tpchQueriesAreReadFromTheSharedCorpus() {
        Path shared = Path.of(System.getProperty("basalt.shared.dir", "../../shared"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared.resolve("conformance")),
                "shared corpus not present");
        List<BenchmarkQuery> queries = new TpchSuite(1, shared).queries();
        assertThat(queries).hasSize(22);
        assertThat(queries.get(0).name()).isEqualTo("q01");
        assertThat(queries.get(0).ordered()).isTrue();
        assertThat(queries.get(5).ordered()).isFalse();
    }

    @Test
    void digestsIgnoreRowOrderButNotValues() {
        ResultDigest first = new ResultDigest();
        ResultDigest reordered = new ResultDigest();
        ResultDigest changed = new ResultDigest();
        for (ResultDigest digest : List.of(first, reordered, changed)) {
            digest.columns(List.of("k", "v", "x"));
        }
        first.row(new Object[] {"a", BigDecimal.ONE, 0.5});
        first.row(new Object[] {"b", BigDecimal.TEN, null});
        reordered.row(new Object[] {"b", BigDecimal.TEN, null});
        reordered.row(new Object[] {"a", BigDecimal.ONE, 0.5});
        changed.row(new Object[] {"a", BigDecimal.TEN, 0.5});
        changed.row(new Object[] {"b", BigDecimal.ONE, null});
        assertThat(ResultComparator.compare(first.table(), reordered.table(), true).matches()).isTrue();
        // Same sum of v, but the pairing of k and v differs: a digest per column cannot see that.
        assertThat(ResultComparator.compare(first.table(), changed.table(), true).matches()).isTrue();
        ResultDigest other = new ResultDigest();
        other.columns(List.of("k", "v", "x"));
        other.row(new Object[] {"a", BigDecimal.ONE, 0.5});
        other.row(new Object[] {"c", BigDecimal.TEN, null});
        assertThat(ResultComparator.compare(first.table(), other.table(), true).difference())
                .startsWith("row 2 column sum: ");
    }

    @Test
    void reportsRenderInAllThreeFormats() {
        QueryOutcome both = new QueryOutcome("q01", EngineRun.timed(new long[] {3_000_000, 2_000_000, 4_000_000}),
                EngineRun.timed(new long[] {1_000_000}), 4, 0, QueryOutcome.OK, "");
        QueryOutcome failed = new QueryOutcome("q02", EngineRun.failed("syntax error at or near \"EXISTS\""),
                EngineRun.timed(new long[] {2_000_000}), 4, 0, QueryOutcome.BASALT_ERROR, "syntax error at or near \"EXISTS\"");
        SuiteReport report = new SuiteReport("tpch", "sf=1", 2, 3, 1, List.<String[]>of(new String[] {"date", "today"}),
                List.of(), List.of(both, failed));
        assertThat(report.geometricMeanRatio()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-12));
        String table = ReportWriter.table(report);
        assertThat(table).contains("query  basalt ms  duckdb ms  ratio  rows  result\nq01         3.00       1.00   3.00     4  ok\n");
        assertThat(table).contains("q02            -       2.00      -     4  basalt-error: syntax error at or near \"EXISTS\"");
        assertThat(table).contains("over the 1 queries both ran: 3.00");
        String csv = ReportWriter.csv(report);
        assertThat(csv).contains("tpch,sf=1,2,3,q01,3.000,1.000,3.0000,0,4,ok,\n");
        assertThat(csv).contains("q02,,2.000,,0,4,basalt-error,\"syntax error at or near \"\"EXISTS\"\"\"");
        String json = ReportWriter.json(report);
        assertThat(json).contains("\"geomean_ratio\": 3.0").contains("\"detail\": \"syntax error at or near \\\"EXISTS\\\"\"");
    }
}
