package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.optimizer.statistics.GatheredStatistics;
import io.basalt.optimizer.statistics.StatisticsFile;
import io.basalt.optimizer.statistics.TableStatistics;
import io.basalt.storage.table.LoggedTableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries the planner statistics ANALYZE gathered ({@link GatheredStatistics}, kept by table store in memory)
 * to and from the {@link StatisticsFile} of a database directory. Saving names each permanent table's statistics
 * by the table's name at a log position the caller holds still (under the DDL lock, so no DDL is between the
 * names read and the position); opening attaches them to the tables of those names when the replay reaches that
 * position, so that the DDL replayed after it (renames, drops) moves them on as it did before the restart.
 */
final class DurableStatistics {
    private DurableStatistics() {
    }

    /**
     * The statistics of {@code catalog}'s permanent tables that have any, named as the catalog names them now,
     * valid after log record {@code walSequence}. The caller holds the DDL lock.
     */
    static StatisticsFile.Contents snapshot(Catalog catalog, long walSequence) {
        List<StatisticsFile.Entry> entries = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            TableStatistics statistics = GatheredStatistics.of(table.store());
            if (statistics == null || !(table.store() instanceof LoggedTableStore)
                    || statistics.columns().size() != table.columns().size()) {
                continue;
            }
            entries.add(new StatisticsFile.Entry(table.schema(), table.name(), columnNames(table), statistics));
        }
        return new StatisticsFile.Contents(walSequence, entries);
    }

    /**
     * Records each entry of {@code contents} for the permanent table of its name in {@code catalog}, when that
     * table has the same column names; the others are dropped. Returns how many were applied.
     */
    static int apply(StatisticsFile.Contents contents, Catalog catalog) {
        int applied = 0;
        for (StatisticsFile.Entry entry : contents.entries()) {
            Optional<TableEntry> found = catalog.findTable(entry.schema(), entry.table());
            if (found.isEmpty() || !(found.get().store() instanceof LoggedTableStore)
                    || !columnNames(found.get()).equals(entry.columnNames())) {
                continue;
            }
            GatheredStatistics.record(found.get().store(), entry.statistics());
            applied++;
        }
        return applied;
    }

    private static List<String> columnNames(TableEntry table) {
        List<String> names = new ArrayList<>(table.columns().size());
        for (ColumnEntry column : table.columns()) {
            names.add(column.name());
        }
        return names;
    }
}
