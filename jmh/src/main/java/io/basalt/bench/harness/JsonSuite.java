package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.shop.ProductAttributesTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The json suite: the seeds' JSONB filters and extractions over the e-commerce data set's products (the datasets
 * module's generator, {@link ProductAttributesTable}: {@code --rows} products, 10M being issue #10's size), against
 * DuckDB's json extension on the same documents stored as JSON text. Basalt navigates its binary values in place (or
 * reads shredded path columns on disk); DuckDB parses (or has parsed) the text. Where DuckDB has no such operator
 * ({@code @>}, {@code ?}) it runs its equivalent function.
 */
final class JsonSuite implements Suite {
    /** A filter of the suite: the condition in PostgreSQL's dialect (Basalt's) and in DuckDB's. */
    record Filter(String name, String condition, String duckDbCondition) {
    }

    /**
     * The seeds' filters (schema_design.sql: brand equality, a nested extraction, {@code @>} on a boolean attribute,
     * {@code ?} on a key and on an array; json13: {@code @>} with an array and a jsonpath test over the array) as the
     * generated attributes have them: brands per product family, specs.ram
     * as text ("32GB") for electronics, wireless for electronics, dimensions_cm for home goods, colors as arrays.
     * DuckDB's conditions parenthesize the extractions: its {@code ->>} binds more loosely than {@code =}.
     */
    static final List<Filter> FILTERS = List.of(
            new Filter("brand-eq", "attributes->>'brand' = 'TechCorp'", "(attributes->>'brand') = 'TechCorp'"),
            new Filter("nested-eq", "attributes->'specs'->>'ram' = '32GB'", "(attributes->'specs'->>'ram') = '32GB'"),
            new Filter("nested-cast", "(attributes->'dimensions_cm'->>'width')::int > 150",
                    "(attributes->'dimensions_cm'->>'width')::int > 150"),
            new Filter("contains", "attributes @> '{\"wireless\": true}'",
                    "json_contains(attributes, '{\"wireless\": true}')"),
            new Filter("exists", "attributes ? 'warranty_years'", "json_exists(attributes, '$.warranty_years')"),
            new Filter("array-exists", "attributes->'colors' ? 'silver'",
                    "json_contains(attributes->'colors', '\"silver\"')"),
            new Filter("array-contains", "attributes @> '{\"colors\": [\"silver\"]}'",
                    "json_contains(attributes->'colors', '\"silver\"')"),
            new Filter("jsonpath-exists", "attributes @? '$.colors[*] ? (@ == \"silver\")'",
                    "json_contains(attributes->'colors', '\"silver\"')"));

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
        return "rows=" + rows + " (shop products)" + (onDisk ? ", basalt on disk (checkpointed)" : "");
    }

    @Override
    public List<GeneratedTable> tables() {
        return List.of(ProductAttributesTable.ofRows(rows));
    }

    @Override
    public List<BenchmarkQuery> queries() {
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (Filter filter : FILTERS) {
            queries.add(BenchmarkQuery.of(filter.name(), "SELECT count(*) FROM products WHERE " + filter.condition())
                    .withDuckDbSql("SELECT count(*) FROM products WHERE " + filter.duckDbCondition()));
        }
        queries.add(BenchmarkQuery.of("group-by-brand",
                "SELECT attributes->>'brand' AS brand, count(*) FROM products GROUP BY 1 ORDER BY 1"));
        return queries;
    }

    @Override
    public long rowsPerQuery() {
        return rows;
    }
}
