package io.basalt.datasets.h2o;

import static java.util.Objects.requireNonNull;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The H2O.ai db-benchmark group-by table ({@code x}): id1, id2, id3 VARCHAR, id4, id5, id6 INTEGER,
 * v1, v2 INTEGER, v3 DOUBLE PRECISION, with the distributions of the benchmark's {@code groupby-datagen.R}
 * (see {@link IdColumns}, {@link ValueColumns}, {@link MissingIds}), N rows, K groups, a percentage of
 * missing values, in random order or sorted by id1..id6.
 *
 * <p>The rows are NOT those of the published files: the R script draws from R's Mersenne-Twister through
 * {@code sample()}, whose exact sequence another generator cannot reproduce, so checksums published for
 * the R files (DuckDB's, in QUESTIONS.md) do not apply. Distributions, cardinalities and missing-value
 * fractions match, which is what the questions' cost depends on; the same parameters and seed always give
 * the same rows here.
 */
public final class GroupByTable implements GeneratedTable {
    /** The table name the benchmark's PostgreSQL-dialect questions use. */
    public static final String DEFAULT_NAME = "x";

    static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("id1", LogicalType.VARCHAR),
            new ResultColumn("id2", LogicalType.VARCHAR),
            new ResultColumn("id3", LogicalType.VARCHAR),
            new ResultColumn("id4", LogicalType.INTEGER),
            new ResultColumn("id5", LogicalType.INTEGER),
            new ResultColumn("id6", LogicalType.INTEGER),
            new ResultColumn("v1", LogicalType.INTEGER),
            new ResultColumn("v2", LogicalType.INTEGER),
            new ResultColumn("v3", LogicalType.DOUBLE));

    private final String name;
    private final GroupByParameters parameters;

    public GroupByTable(String name, GroupByParameters parameters) {
        this.name = requireNonNull(name, "name is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    public GroupByTable(GroupByParameters parameters) {
        this(DEFAULT_NAME, parameters);
    }

    public GroupByParameters parameters() {
        return parameters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return parameters.rows();
    }

    @Override
    public RowProducer newRowProducer() {
        SplittableRandom seeds = new SplittableRandom(parameters.seed());
        IdColumns ids = new IdColumns(parameters, seeds.split());
        ValueColumns values = new ValueColumns(parameters, seeds.split());
        SplittableRandom rows = seeds.split();
        return parameters.sorted()
                ? new SortedRows(parameters, ids, values, rows)
                : new RandomOrderRows(parameters, ids, values, rows);
    }
}
