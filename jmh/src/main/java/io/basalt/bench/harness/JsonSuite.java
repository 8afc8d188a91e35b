package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import java.util.List;

/**
 * The json suite: the seeds' JSONB filters and extractions over {@link JsonDocumentTable}, against DuckDB's
 * json extension on the same documents stored as JSON text. Basalt navigates its binary values in place;
 * DuckDB parses (or has parsed) the text. Where DuckDB has no such operator ({@code @>}, {@code ?}) it runs
 * its equivalent function.
 */
final class JsonSuite implements Suite {
    private final long rows;
    private final boolean onDisk;

    JsonSuite(long rows) {
        this(rows, false);
    }

    /**
     * The suite; {@code onDisk}: Basalt's database is a directory and is checkpointed after the load, so that the
     * documents lie in row groups of a data file (where JSONB columns are shredded into typed sub-columns).
     */
    JsonSuite(long rows, boolean onDisk) {
        this.rows = rows;
        this.onDisk = onDisk;
    }

    @Override
    public List<String> basaltAfterLoad() {
        return onDisk ? List.of("CHECKPOINT") : List.of();
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String parameters() {
        return "rows=" + rows + (onDisk ? ", basalt on disk (checkpointed)" : "");
    }

    @Override
    public List<GeneratedTable> tables() {
        return List.of(new JsonDocumentTable(rows));
    }

    @Override
    public List<BenchmarkQuery> queries() {
        return List.of(
                BenchmarkQuery.of("extract-eq", "SELECT count(*) FROM docs WHERE doc->>'brand' = 'brand-7'"),
                BenchmarkQuery.of("contains", "SELECT count(*) FROM docs WHERE doc @> '{\"brand\": \"brand-7\"}'")
                        .withDuckDbSql("SELECT count(*) FROM docs WHERE json_contains(doc, '{\"brand\": \"brand-7\"}')"),
                BenchmarkQuery.of("exists", "SELECT count(*) FROM docs WHERE doc ? 'gpu'")
                        .withDuckDbSql("SELECT count(*) FROM docs WHERE json_extract(doc, '$.gpu') IS NOT NULL"),
                BenchmarkQuery.of("nested-cast", "SELECT count(*) FROM docs WHERE (doc->'specs'->>'ram')::int > 32"),
                BenchmarkQuery.of("group-by-brand",
                        "SELECT doc->>'brand' AS brand, count(*) FROM docs GROUP BY 1 ORDER BY 1"));
    }

    @Override
    public long rowsPerQuery() {
        return rows;
    }
}
