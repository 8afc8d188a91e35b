package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.UserType;
import java.util.List;
import java.util.Optional;

/**
 * Type names that name user-defined types ({@code mood}, {@code public.mood}): looked up in the catalog of the
 * session whose statement is being bound, which {@link #CATALOG} holds (type names are resolved in many places that
 * have no bind context at hand, see {@link TypeNames}).
 */
public final class UserTypeNames {
    /** The catalog (as the session sees it, search_path included) that type names resolve in. */
    public static final ScopedValue<Catalog> CATALOG = ScopedValue.newInstance();

    private UserTypeNames() {
    }

    /** The user type written as {@code name} (possibly {@code schema.name}), or empty. */
    static Optional<UserType> find(String name) {
        if (!CATALOG.isBound()) {
            return Optional.empty();
        }
        Catalog catalog = CATALOG.get();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            return catalog.types().find(name.substring(0, dot), name.substring(dot + 1));
        }
        List<String> schemas = catalog.searchedSchemas();
        return catalog.types().find(schemas, name);
    }

    /**
     * The row type of the table written as {@code name} (every table has one, named after it, as in PostgreSQL),
     * or empty.
     */
    static Optional<io.basalt.type.LogicalType> tableRowType(String name) {
        if (!CATALOG.isBound()) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        Optional<io.basalt.catalog.TableEntry> table = dot > 0
                ? CATALOG.get().findTable(name.substring(0, dot), name.substring(dot + 1))
                : CATALOG.get().findTable(null, name);
        return table.map(UserTypeNames::rowTypeOf);
    }

    /** The row type of {@code table}: its columns' names and types, named after the table. */
    public static io.basalt.type.LogicalType rowTypeOf(io.basalt.catalog.TableEntry table) {
        List<String> names = new java.util.ArrayList<>();
        List<io.basalt.type.LogicalType> types = new java.util.ArrayList<>();
        for (io.basalt.catalog.ColumnEntry column : table.columns()) {
            names.add(column.name());
            types.add(column.type());
        }
        return io.basalt.type.LogicalType.recordOf(new io.basalt.type.RecordType(table.name(), names, types));
    }
}
