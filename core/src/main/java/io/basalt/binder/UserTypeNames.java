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
}
