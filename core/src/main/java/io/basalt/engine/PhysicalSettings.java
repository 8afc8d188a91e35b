package io.basalt.engine;

import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.system.SystemTypes;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterTableAction.PhysicalSetting;
import io.basalt.sql.ast.StorageParameter;
import io.basalt.storage.lock.RelationLockMode;
import io.basalt.type.LogicalType;
import java.util.Set;

/**
 * The ALTER TABLE actions about PostgreSQL's physical storage ({@link PhysicalSetting}): each is checked as
 * PostgreSQL checks it (the column or index must exist, a statistics target must be at least -1, a fixed-length type
 * can only be stored PLAIN, a column's options are n_distinct and n_distinct_inherited with numeric values, a
 * replica identity index must be unique), then has no effect, because what it tunes does not exist in Basalt:
 * columns are never TOASTed (storage), ANALYZE reads every row (statistics targets, n_distinct overrides), rows are
 * not kept in an index's order (CLUSTER), tables have no OIDs, every table is WAL-logged as CREATE UNLOGGED TABLE
 * already makes them, and there is no logical replication (replica identity).
 */
final class PhysicalSettings {
    /** The attribute options PostgreSQL knows. */
    private static final Set<String> COLUMN_OPTIONS = Set.of("n_distinct", "n_distinct_inherited");

    private PhysicalSettings() {
    }

    /** Checks {@code setting} against the table as {@code draft} has it so far; throws PostgreSQL's error. */
    static void check(TableDraft draft, PhysicalSetting setting) {
        switch (setting.setting()) {
            case COLUMN_STATISTICS -> {
                column(draft, setting.column());
                int target = Integer.parseInt(setting.value());
                if (target < -1) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "statistics target " + target
                            + " is too low");
                }
                // a target above 10000 is lowered to it (PostgreSQL warns); it is not kept anyway
            }
            case COLUMN_STORAGE -> {
                LogicalType type = column(draft, setting.column());
                String mode = setting.value();
                if (!mode.equals("plain") && !mode.equals("default") && fixedLength(type)) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "column data type "
                            + type.displayName() + " can only have storage PLAIN");
                }
            }
            case COLUMN_OPTIONS, COLUMN_RESET_OPTIONS -> {
                column(draft, setting.column());
                for (StorageParameter option : setting.options()) {
                    if (option.namespace() != null || !COLUMN_OPTIONS.contains(option.name())) {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized parameter \""
                                + option.name() + "\"");
                    }
                    if (setting.setting() == PhysicalSetting.Setting.COLUMN_OPTIONS) {
                        floatOption(option);
                    }
                }
            }
            case CLUSTER_ON -> {
                if (!hasIndex(draft, setting.value())) {
                    throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "index \"" + setting.value()
                            + "\" for table \"" + draft.name + "\" does not exist");
                }
            }
            case REPLICA_IDENTITY -> {
                if (setting.column() == null && !Set.of("default", "full", "nothing").contains(setting.value())) {
                    replicaIndex(draft, setting.value());
                }
            }
            case WITHOUT_CLUSTER, WITHOUT_OIDS, LOGGED, UNLOGGED -> {
                // nothing to check
            }
        }
    }

    /**
     * The lock PostgreSQL 15 takes for {@code setting}: SHARE UPDATE EXCLUSIVE for statistics, column options and
     * clustering, ACCESS EXCLUSIVE for the rest.
     */
    static RelationLockMode lockMode(PhysicalSetting setting) {
        return switch (setting.setting()) {
            case COLUMN_STATISTICS, COLUMN_OPTIONS, COLUMN_RESET_OPTIONS, CLUSTER_ON, WITHOUT_CLUSTER ->
                    RelationLockMode.SHARE_UPDATE_EXCLUSIVE;
            case COLUMN_STORAGE, WITHOUT_OIDS, LOGGED, UNLOGGED, REPLICA_IDENTITY -> RelationLockMode.ACCESS_EXCLUSIVE;
        };
    }

    private static LogicalType column(TableDraft draft, String name) {
        int index = draft.columnIndex(name);
        if (index < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                    + draft.name + "\" does not exist");
        }
        return draft.columns.get(index).type();
    }

    /** Whether PostgreSQL stores the type with a fixed length (and so only PLAIN). */
    private static boolean fixedLength(LogicalType type) {
        SystemTypes.BuiltinType listed = SystemTypes.byOid(SystemTypes.oidOf(type));
        return listed != null && listed.length() > 0 && !type.isArray();
    }

    private static void floatOption(StorageParameter option) {
        String value = option.value() == null ? "" : option.value();
        try {
            Double.parseDouble(value);
        } catch (NumberFormatException notNumber) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for floating point option \""
                    + option.name() + "\": " + value);
        }
    }

    private static boolean hasIndex(TableDraft draft, String name) {
        for (IndexEntry index : draft.indexes) {
            if (index.name().equals(name)) {
                return true;
            }
        }
        for (UniqueConstraintEntry key : draft.keys) {
            if (key.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void replicaIndex(TableDraft draft, String name) {
        for (UniqueConstraintEntry key : draft.keys) {
            if (key.name().equals(name)) {
                return;
            }
        }
        for (IndexEntry index : draft.indexes) {
            if (index.name().equals(name)) {
                if (!index.unique()) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "cannot use non-unique index \"" + name
                            + "\" as replica identity");
                }
                return;
            }
        }
        throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" for table \"" + draft.name
                + "\" does not exist");
    }
}
