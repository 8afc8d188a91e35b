package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the objects statements about privileges and ownership name: relations (tables, views, materialized views,
 * sequences) by possibly qualified name, schemas by name, with the key {@link Authorization} files them under.
 */
final class SecuredObjects {
    /** One object: its kind, schema (the schema's own name for a schema), name, and authorization key. */
    record Found(SecuredKind kind, String schema, String name, String key) {
    }

    private SecuredObjects() {
    }

    /** The relation {@code name}, or null. */
    static Found relation(Catalog catalog, QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
        if (table != null) {
            return of(SecuredKind.TABLE, table.schema(), table.name());
        }
        ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
        if (view != null) {
            return of(view.materialized() ? SecuredKind.MATERIALIZED_VIEW : SecuredKind.VIEW, view.schema(),
                    view.name());
        }
        SequenceEntry sequence = catalog.findSequence(schema, name.last()).orElse(null);
        if (sequence != null) {
            return of(SecuredKind.SEQUENCE, sequence.schema(), sequence.name());
        }
        return null;
    }

    /**
     * The relation {@code name}.
     *
     * @throws BasaltException 42P01 when there is none
     */
    static Found requireRelation(Catalog catalog, QualifiedName name) {
        Found found = relation(catalog, name);
        if (found == null) {
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return found;
    }

    static Found of(SecuredKind kind, String schema, String name) {
        return new Found(kind, schema, name, Authorization.relationKey(schema, name));
    }

    /**
     * The schema {@code name}.
     *
     * @throws BasaltException 3F000 when there is none
     */
    static Found requireSchema(Catalog catalog, String name) {
        if (!catalog.schemaNames().contains(name) && !name.equals("pg_catalog")
                && !name.equals("information_schema")) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        return new Found(SecuredKind.SCHEMA, name, name, Authorization.schemaKey(name));
    }

    /** Every relation of schema {@code schema} of the kinds {@code tables} (tables and views) or sequences. */
    static List<Found> inSchema(Catalog catalog, String schema, boolean tables) {
        List<Found> found = new ArrayList<>();
        if (tables) {
            for (TableEntry table : catalog.tables()) {
                if (table.schema().equals(schema)) {
                    found.add(of(SecuredKind.TABLE, schema, table.name()));
                }
            }
            for (ViewEntry view : catalog.views()) {
                if (view.schema().equals(schema)) {
                    found.add(of(view.materialized() ? SecuredKind.MATERIALIZED_VIEW : SecuredKind.VIEW, schema,
                            view.name()));
                }
            }
        } else {
            for (SequenceEntry sequence : catalog.sequences()) {
                if (sequence.schema().equals(schema)) {
                    found.add(of(SecuredKind.SEQUENCE, schema, sequence.name()));
                }
            }
        }
        return found;
    }
}
