package io.basalt.datasets.h2o;

import io.basalt.datasets.GeneratedTableFunction;
import io.basalt.datasets.TableFunctionArguments;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import java.util.List;

/**
 * {@code h2o_groupby(n [, k [, nas [, sort]]])}: the H2O.ai group-by data set of {@code n} rows with
 * {@code k} groups (default 100), {@code nas} percent missing values (default 0), sorted when
 * {@code sort} is 1 (default 0), streamed batch by batch, e.g.
 * {@code SELECT id1, sum(v1) FROM h2o_groupby(1e6) GROUP BY id1}.
 */
public final class GroupByTableFunction implements TableFunction {
    @Override
    public String name() {
        return "h2o_groupby";
    }

    @Override
    public BoundTableFunction bind(List<Object> arguments) {
        TableFunctionArguments checked = new TableFunctionArguments(name(), arguments).requireCount(1, 4);
        long rows = checked.longAt(0);
        long groups = checked.longAt(1, GroupByParameters.DEFAULT_GROUPS);
        long naPercent = checked.longAt(2, 0);
        long sort = checked.longAt(3, 0);
        if (groups < 1 || groups > Integer.MAX_VALUE) {
            throw checked.invalid("number of groups must be between 1 and " + Integer.MAX_VALUE + ", got " + groups);
        }
        if (sort != 0 && sort != 1) {
            throw checked.invalid("sort must be 0 or 1, got " + sort);
        }
        if (naPercent < 0 || naPercent > 100) {
            throw checked.invalid("percentage of missing values must be between 0 and 100, got " + naPercent);
        }
        GroupByParameters parameters = new GroupByParameters(rows, (int) groups, (int) naPercent, sort == 1,
                GroupByParameters.DEFAULT_SEED);
        return new GeneratedTableFunction(new GroupByTable(parameters));
    }
}
