package io.basalt.catalog;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database's named objects. Today: tables in the {@code public} schema (schemas, views, sequences
 * and the rest come with the data-definition issue). Thread-safe; DDL is serialised by the caller.
 */
public final class Catalog {
    public static final String DEFAULT_SCHEMA = "public";

    private final Map<String, Map<String, TableEntry>> schemas = new ConcurrentHashMap<>();

    public Catalog() {
        schemas.put(DEFAULT_SCHEMA, new ConcurrentHashMap<>());
    }

    /** The table {@code [schema.]name}, or empty. */
    public Optional<TableEntry> findTable(String schema, String name) {
        Map<String, TableEntry> tables = schemas.get(schema == null ? DEFAULT_SCHEMA : schema);
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(name));
    }

    public void addTable(TableEntry table) {
        Map<String, TableEntry> tables = schemas.get(table.schema());
        if (tables == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "schema \"" + table.schema() + "\" does not exist");
        }
        if (tables.putIfAbsent(table.name(), table) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_TABLE, "relation \"" + table.name() + "\" already exists");
        }
    }

    public void removeTable(TableEntry table) {
        Map<String, TableEntry> tables = schemas.get(table.schema());
        if (tables != null) {
            tables.remove(table.name(), table);
        }
    }

    public boolean schemaExists(String schema) {
        return schemas.containsKey(schema);
    }

    /** Every table, ordered by schema and name. */
    public List<TableEntry> tables() {
        List<TableEntry> all = new ArrayList<>();
        for (Map<String, TableEntry> tables : schemas.values()) {
            all.addAll(tables.values());
        }
        all.sort(Comparator.comparing(TableEntry::schema).thenComparing(TableEntry::name));
        return all;
    }
}
