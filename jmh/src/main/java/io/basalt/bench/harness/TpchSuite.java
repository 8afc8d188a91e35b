package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.tpch.TpchTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TPC-H: the eight tables at a scale factor and the 22 queries, read at run time from the shared
 * conformance corpus ({@code conformance/tpch_answers/queries/qNN.sql}, validation parameters filled in).
 */
final class TpchSuite implements Suite {
    private final double scaleFactor;
    private final Path queryDirectory;

    TpchSuite(double scaleFactor, Path sharedDirectory) {
        this.scaleFactor = scaleFactor;
        this.queryDirectory = sharedDirectory.resolve("conformance/tpch_answers/queries");
    }

    @Override
    public String name() {
        return "tpch";
    }

    @Override
    public String parameters() {
        return "sf=" + HarnessOptions.formatNumber(scaleFactor);
    }

    @Override
    public List<GeneratedTable> tables() {
        return TpchTables.all(scaleFactor);
    }

    @Override
    public List<BenchmarkQuery> queries() {
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (int number = 1; number <= 22; number++) {
            String name = String.format("q%02d", number);
            Path file = queryDirectory.resolve(name + ".sql");
            try {
                queries.add(BenchmarkQuery.of(name, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read TPC-H query " + file + " (set --shared)", e);
            }
        }
        return queries;
    }

    @Override
    public long rowsPerQuery() {
        return 0;
    }
}
