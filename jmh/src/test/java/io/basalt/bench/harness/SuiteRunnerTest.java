package io.basalt.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.datasets.GeneratedTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end on a small micro suite, with DuckDB in both places and hand-written stand-ins
 * for a Basalt that cannot start, returns a wrong value, or rejects one query.
 */
class SuiteRunnerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final HarnessOptions OPTIONS =
            HarnessOptions.parse("micro", "--rows", "5000", "--runs", "2", "--warmup", "0", "--threads", "1");

    private static SuiteReport run(Suite suite, java.util.function.Supplier<QueryEngine> basalt) {
        return new SuiteRunner(OPTIONS, QUIET, basalt, () -> new DuckDbEngine(1)).run(suite);
    }

    @Test
    void identicalEnginesAgreeOnEveryQuery() {
        SuiteReport report = run(new MicroSuite(5000), () -> new DuckDbEngine(1));
        assertThat(report.queries()).extracting(QueryOutcome::name)
                .containsExactly("scan-sum", "filter-1%-sum", "group-by-17", "group-by-1000");
        assertThat(report.queries()).extracting(QueryOutcome::status).containsOnly(QueryOutcome.OK);
        assertThat(report.queries()).allSatisfy(outcome -> {
            assertThat(outcome.basalt().nanos()).hasSize(2);
            assertThat(outcome.ratio()).isPositive();
        });
        assertThat(report.queries().get(2).resultRows()).isEqualTo(17);
        assertThat(report.queriesBothRan()).isEqualTo(4);
        assertThat(report.geometricMeanRatio()).isPositive();
        assertThat(report.loads().get(0).rowsRead()).isEqualTo(5000);
    }

    @Test
    void anEngineThatCannotStartIsReportedOnEveryQueryWithThePeersTimes() {
        SuiteReport report = run(new MicroSuite(5000), () -> {
            throw new IllegalStateException("not yet");
        });
        assertThat(report.queries()).allSatisfy(outcome -> {
            assertThat(outcome.verdict()).isEqualTo("basalt-error: cannot start: not yet");
            assertThat(outcome.duckdb().succeeded()).isTrue();
            assertThat(outcome.ratio()).isNaN();
        });
        assertThat(report.geometricMeanRatio()).isNaN();
        assertThat(ReportWriter.table(report)).contains("basalt-error 4");
    }

    @Test
    void aWrongValueIsAMismatch() {
        SuiteReport report = run(new MicroSuite(5000), () -> new OffByOneEngine(new DuckDbEngine(1), null));
        assertThat(report.queries()).extracting(QueryOutcome::status).containsOnly(QueryOutcome.MISMATCH);
        assertThat(report.queries().get(0).detail()).startsWith("row 1 column ");
        assertThat(report.queriesBothRan()).isEqualTo(4);
    }

    @Test
    void aRejectedQueryIsReportedAndTheOthersStillRun() {
        SuiteReport report = run(new MicroSuite(5000),
                () -> new OffByOneEngine(new DuckDbEngine(1), "GROUP BY k17"));
        assertThat(report.queries()).extracting(QueryOutcome::verdict).containsExactly(
                "ok", "ok", "basalt-error: syntax error at or near \"GROUP\"", "ok");
        assertThat(report.queriesBothRan()).isEqualTo(3);
    }

    @Test
    void largeResultsAreComparedByDigest() {
        Suite wide = new Suite() {
            @Override
            public String name() {
                return "wide";
            }

            @Override
            public String parameters() {
                return "rows=250000";
            }

            @Override
            public List<GeneratedTable> tables() {
                return List.of(new MicroTable("micro", 250_000));
            }

            @Override
            public List<BenchmarkQuery> queries() {
                return List.of(BenchmarkQuery.of("all", "SELECT v, s, k17 FROM micro"));
            }

            @Override
            public long rowsPerQuery() {
                return 250_000;
            }
        };
        SuiteReport same = run(wide, () -> new DuckDbEngine(1));
        assertThat(same.queries().get(0).verdict()).isEqualTo("ok: compared by digest");
        SuiteReport skewed = run(wide, () -> new OffByOneEngine(new DuckDbEngine(1), null));
        assertThat(skewed.queries().get(0).status()).isEqualTo(QueryOutcome.MISMATCH);
        assertThat(skewed.queries().get(0).detail()).startsWith("digest ");
    }

    /**
     * A stand-in for a faulty engine around a real one: adds 1 to the first exact number of the first
     * row it returns, and rejects queries containing {@code rejected} (when not null) as a parser would.
     * When it rejects, it returns correct results for everything else.
     */
    private static final class OffByOneEngine implements QueryEngine {
        private final QueryEngine inner;
        private final String rejected;

        OffByOneEngine(QueryEngine inner, String rejected) {
            this.inner = inner;
            this.rejected = rejected;
        }

        @Override
        public String name() {
            return "off-by-one";
        }

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void createTable(GeneratedTable table) {
            inner.createTable(table);
        }

        @Override
        public void append(String table, VectorSchemaRoot batch) {
            inner.append(table, batch);
        }

        @Override
        public void run(String sql) {
            inner.run(sql);
        }

        @Override
        public long execute(String sql) {
            check(sql);
            return inner.execute(sql);
        }

        @Override
        public void fetch(String sql, RowSink sink) {
            check(sql);
            if (rejected != null) {
                inner.fetch(sql, sink);
                return;
            }
            inner.fetch(sql, new RowSink() {
                private boolean first = true;

                @Override
                public void columns(List<String> names) {
                    sink.columns(names);
                }

                @Override
                public void row(Object[] values) {
                    if (first) {
                        first = false;
                        Object[] changed = values.clone();
                        for (int i = 0; i < changed.length; i++) {
                            if (changed[i] instanceof BigDecimal number) {
                                changed[i] = number.add(BigDecimal.ONE);
                                break;
                            }
                        }
                        sink.row(changed);
                        return;
                    }
                    sink.row(values);
                }
            });
        }

        private void check(String sql) {
            if (rejected != null && sql.contains(rejected)) {
                throw new EngineFailure("syntax error at or near \"GROUP\"", null);
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
