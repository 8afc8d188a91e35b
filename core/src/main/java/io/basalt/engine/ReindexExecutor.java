package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.system.ObjectDefinitions;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.ReindexStatement;
import java.util.List;
import java.util.function.Consumer;

/**
 * REINDEX, which has nothing to rebuild in Basalt: an index (a unique key's or CREATE INDEX's) is maintained with the
 * rows it covers and never holds dead entries, so the statement checks what PostgreSQL checks and changes nothing.
 * The checks and their messages are PostgreSQL 15's: the object must exist and be of the kind named (42P01, 42809,
 * 3F000), REINDEX CONCURRENTLY, SCHEMA, DATABASE, SYSTEM and the reindex of a partitioned table or index refuse a
 * transaction block (25001), system catalogs cannot be reindexed concurrently and DATABASE / SYSTEM only name the
 * open database (0A000); a table without indexes gets PostgreSQL's notice.
 */
final class ReindexExecutor {
    private ReindexExecutor() {
    }

    /**
     * @param preventInBlock refuses the named command inside a transaction block (25001)
     */
    static QueryResultImpl run(ReindexStatement reindex, Catalog catalog, Consumer<String> preventInBlock) {
        if (reindex.concurrently()) {
            preventInBlock.accept("REINDEX CONCURRENTLY");
        }
        return switch (reindex.kind()) {
            case INDEX -> index(reindex, catalog, preventInBlock);
            case TABLE -> table(reindex, catalog, preventInBlock);
            case SCHEMA, DATABASE, SYSTEM -> several(reindex, catalog, preventInBlock);
        };
    }

    private static QueryResultImpl index(ReindexStatement reindex, Catalog catalog, Consumer<String> preventInBlock) {
        QualifiedName name = reindex.name();
        String schema = schemaOf(name);
        TableEntry owner = catalog.findIndexOwner(schema, name.last()).orElse(null);
        if (owner == null) {
            if (catalog.findTable(schema, name.last()).isPresent() || catalog.findView(schema, name.last()).isPresent()
                    || catalog.findSequence(schema, name.last()).isPresent()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name.last() + "\" is not an index");
            }
            throw missingRelation(reindex, name);
        }
        if (partitioned(catalog, owner)) {
            preventInBlock.accept("REINDEX INDEX");
        }
        return done(List.of());
    }

    private static QueryResultImpl table(ReindexStatement reindex, Catalog catalog, Consumer<String> preventInBlock) {
        QualifiedName name = reindex.name();
        String schema = schemaOf(name);
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table == null) {
            var view = catalog.findView(schema, name.last());
            if (view.isPresent() && view.get().materialized()) {
                return done(List.of(noIndexes(reindex, name.last())));
            }
            if (view.isPresent() || catalog.findIndexOwner(schema, name.last()).isPresent()
                    || catalog.findSequence(schema, name.last()).isPresent()) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE,
                        "\"" + name.last() + "\" is not a table or materialized view");
            }
            throw missingRelation(reindex, name);
        }
        if (partitioned(catalog, table)) {
            preventInBlock.accept("REINDEX TABLE");
            return done(List.of());
        }
        boolean indexed = !table.uniqueKeys().isEmpty() || !table.indexes().isEmpty();
        return done(indexed ? List.of() : List.of(noIndexes(reindex, name.last())));
    }

    private static QueryResultImpl several(ReindexStatement reindex, Catalog catalog,
                                           Consumer<String> preventInBlock) {
        preventInBlock.accept("REINDEX " + reindex.kind().name());
        if (reindex.kind() == ReindexStatement.Kind.SYSTEM && reindex.concurrently()) {
            throw concurrentCatalogs();
        }
        if (reindex.kind() == ReindexStatement.Kind.SCHEMA) {
            String schema = reindex.name().last();
            if (!catalog.schemaExists(schema)) {
                throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
            }
            if (reindex.concurrently() && Catalog.isSystemSchema(schema)) {
                return QueryResultImpl.commandWithWarning("REINDEX",
                        "cannot reindex system catalogs concurrently, skipping all");
            }
            return done(List.of());
        }
        if (reindex.name() != null && !reindex.name().last().equals(ObjectDefinitions.DATABASE)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "can only reindex the currently open database");
        }
        return done(List.of());
    }

    /** A relation that is none of Basalt's: a system catalog's name under CONCURRENTLY, else unknown. */
    private static BasaltException missingRelation(ReindexStatement reindex, QualifiedName name) {
        String schema = schemaOf(name);
        boolean system = schema != null ? schema.equals("pg_catalog") || schema.equals("pg_toast")
                : name.last().startsWith("pg_");
        if (system && reindex.concurrently()) {
            return concurrentCatalogs();
        }
        return BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist");
    }

    private static BasaltException concurrentCatalogs() {
        return BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot reindex system catalogs concurrently");
    }

    private static String noIndexes(ReindexStatement reindex, String table) {
        return "table \"" + table + "\" has no indexes " + (reindex.concurrently()
                ? "that can be reindexed concurrently" : "to reindex");
    }

    private static boolean partitioned(Catalog catalog, TableEntry table) {
        return catalog.hierarchy().partitionKey(table.schema(), table.name()) != null;
    }

    private static String schemaOf(QualifiedName name) {
        List<String> parts = name.parts();
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }

    private static QueryResultImpl done(List<String> notices) {
        return QueryResultImpl.command("REINDEX", 0, notices);
    }
}
