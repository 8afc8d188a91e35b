package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.sql.ast.QualifiedName;

/**
 * PostgreSQL's NOTICE for a DROP ... IF EXISTS (or ALTER ... IF EXISTS) of a name qualified by a schema that does
 * not exist: the statement skips the name, as for a missing object, instead of failing with 3F000.
 */
final class MissingSchemaNotices {
    private MissingSchemaNotices() {
    }

    /** {@code schema "s" does not exist, skipping} when {@code name} names a schema that does not exist, else null. */
    static String of(Catalog catalog, QualifiedName name) {
        return catalog.missingSchemaNotice(name);
    }

    /** Whether {@code name} is qualified by a schema that does not exist. */
    static boolean schemaMissing(Catalog catalog, QualifiedName name) {
        return of(catalog, name) != null;
    }

    /** The name as written, its parts joined by dots, as PostgreSQL names a type in its notices. */
    static String written(QualifiedName name) {
        return String.join(".", name.parts());
    }
}
