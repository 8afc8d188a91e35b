package io.basalt.bench.harness;

import io.basalt.datasets.h2o.GroupByParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The side-by-side benchmark: loads the same data into Basalt and DuckDB in this JVM, runs a suite on
 * both with the same thread count and warm-up, checks that the results agree, and prints per query both
 * medians, their ratio and the verdict, then the geometric mean of the ratios. Progress goes to standard
 * error, the report to standard output or {@code --out}. See {@link HarnessOptions#USAGE} and BENCHMARKS.md.
 */
public final class CompareMain {
    private CompareMain() {
    }

    public static void main(String[] arguments) throws IOException {
        HarnessOptions options;
        java.nio.file.Path database = OnDiskTpchRun.databaseOption(arguments);
        try {
            options = HarnessOptions.parse(OnDiskTpchRun.withoutDatabaseOption(arguments));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream progress = System.err;
        if (database != null && options.suite().equals("json")) {
            java.nio.file.Path directory = database.resolve("basalt-json-" + System.currentTimeMillis());
            SuiteReport report = new SuiteRunner(options, progress,
                    () -> new BasaltEngine(options.threads(), directory), () -> new DuckDbEngine(options.threads()))
                    .run(new JsonSuite(options.rows(), true));
            String rendered = ReportWriter.render(report, options.format());
            if (options.out() == null) {
                System.out.print(rendered);
            } else {
                Files.writeString(options.out(), rendered, StandardCharsets.UTF_8);
            }
            return;
        }
        if (database != null) {
            String rendered = new OnDiskTpchRun(options, database, progress).run();
            if (options.out() == null) {
                System.out.print(rendered);
            } else {
                Files.writeString(options.out(), rendered, StandardCharsets.UTF_8);
            }
            return;
        }
        SuiteReport report = switch (options.suite()) {
            case "load" -> new LoadBenchmark(options, progress).run();
            case "tpch" -> new SuiteRunner(options, progress).run(new TpchSuite(options.scaleFactor(), options.shared()));
            case "h2o" -> new SuiteRunner(options, progress).run(new H2oSuite(new GroupByParameters(options.rows(),
                    options.groups(), options.naPercent(), options.sorted(), GroupByParameters.DEFAULT_SEED)));
            case "json" -> new SuiteRunner(options, progress).run(new JsonSuite(options.rows()));
            default -> new SuiteRunner(options, progress).run(new MicroSuite(options.rows()));
        };
        String rendered = ReportWriter.render(report, options.format());
        if (options.out() == null) {
            System.out.print(rendered);
        } else {
            Files.writeString(options.out(), rendered, StandardCharsets.UTF_8);
            progress.println("report written to " + options.out());
        }
    }
}
