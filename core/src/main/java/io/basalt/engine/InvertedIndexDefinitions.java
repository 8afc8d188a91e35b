package io.basalt.engine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.index.JsonbInvertedIndex;
import io.basalt.storage.index.JsonbOperatorClass;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator classes of CREATE INDEX ... USING gin, and the inverted indexes a table's store keeps for such an
 * index. PostgreSQL's checks, with its errors: a key without an operator class needs a type with a default one for
 * gin (jsonb: jsonb_ops, arrays: array_ops, tsvector: tsvector_ops; else 42704 with PostgreSQL's hint), a named one
 * must exist for gin (42704) and accept the key's type (42804). Each plain jsonb column of the index becomes a
 * {@link JsonbInvertedIndex} of the index's name in the store, which scans use for {@code @>}, {@code ?}, {@code ?|}
 * and {@code ?&}; keys over expressions, arrays and tsvectors are recorded in the catalog only.
 */
final class InvertedIndexDefinitions {
    private static final List<String> GIN_CLASSES = List.of("jsonb_ops", "jsonb_path_ops", "array_ops", "tsvector_ops");

    private InvertedIndexDefinitions() {
    }

    /**
     * Checks the operator class {@code operatorClass} (null: the default) of a gin index key of type {@code type}.
     *
     * @throws BasaltException 42704 for a type without a default class or an unknown class, 42804 for a class that
     *                         does not accept the type
     */
    static void check(LogicalType type, String operatorClass) {
        if (operatorClass == null) {
            if (defaultClass(type) == null) {
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "data type " + type.displayName()
                                + " has no default operator class for access method \"gin\"")
                        .withHint("You must specify an operator class for the index or define a default operator "
                                + "class for the data type.");
            }
            return;
        }
        String name = operatorClass.toLowerCase(java.util.Locale.ROOT);
        if (!GIN_CLASSES.contains(name)) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "operator class \"" + operatorClass + "\" does not exist for access method \"gin\"");
        }
        boolean accepts = switch (name) {
            case "jsonb_ops", "jsonb_path_ops" -> type.id() == TypeId.JSONB;
            case "array_ops" -> type.isArray();
            default -> type.id().pgName().equals("tsvector");
        };
        if (!accepts) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "operator class \"" + name + "\" does not accept data type " + type.displayName());
        }
    }

    private static String defaultClass(LogicalType type) {
        if (type.id() == TypeId.JSONB) {
            return "jsonb_ops";
        }
        if (type.isArray()) {
            return "array_ops";
        }
        return type.id().pgName().equals("tsvector") ? "tsvector_ops" : null;
    }

    /** Makes {@code store} keep the inverted indexes of {@code index} (over {@code columns}); nothing for others. */
    static void attach(IndexEntry index, List<ColumnEntry> columns, TableStore store) {
        for (JsonbInvertedIndex inverted : of(index, columns)) {
            store.addInvertedIndex(inverted);
        }
    }

    /** The inverted indexes a store keeps for {@code index}: one per plain jsonb column of a gin index. */
    static List<JsonbInvertedIndex> of(IndexEntry index, List<ColumnEntry> columns) {
        List<JsonbInvertedIndex> out = new ArrayList<>();
        if (!index.method().equals("gin") || index.partial()) {
            return out;
        }
        for (int k = 0; k < index.columns().size(); k++) {
            int column = index.columns().get(k);
            if (column < 0 || columns.get(column).type().id() != TypeId.JSONB) {
                continue;
            }
            String written = index.operatorClasses().get(k);
            JsonbOperatorClass operatorClass = written == null ? JsonbOperatorClass.JSONB_OPS
                    : JsonbOperatorClass.named(written.toLowerCase(java.util.Locale.ROOT));
            if (operatorClass != null) {
                out.add(new JsonbInvertedIndex(index.name(), column, operatorClass));
            }
        }
        return out;
    }
}
