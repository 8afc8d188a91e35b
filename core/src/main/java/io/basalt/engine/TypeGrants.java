package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.DomainEntry;
import io.basalt.catalog.UserType;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import java.util.List;
import java.util.Optional;

/**
 * The objects of GRANT / REVOKE ON TYPE and ON DOMAIN: user-defined types found as type names are (schema-qualified
 * or along the search path), with PostgreSQL's errors for an array type, a domain clause naming another type, and a
 * missing type.
 */
final class TypeGrants {
    private TypeGrants() {
    }

    static SecuredObjects.Found type(Catalog catalog, QualifiedName name, boolean domain) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        UserType type = find(catalog, schema, name.last()).orElse(null);
        if (type == null && name.last().startsWith("_")
                && find(catalog, schema, name.last().substring(1)).isPresent()) {
            throw BasaltException.of(SqlState.INVALID_GRANT_OPERATION, "cannot set privileges of array types")
                    .withHint("Set the privileges of the element type instead.");
        }
        if (type == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        }
        if (domain && !(type instanceof DomainEntry)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name.last() + "\" is not a domain");
        }
        return new SecuredObjects.Found(SecuredKind.TYPE, type.schema(), type.name(),
                Authorization.typeKey(type.schema(), type.name()));
    }

    private static Optional<UserType> find(Catalog catalog, String schema, String name) {
        return schema != null ? catalog.types().find(schema, name) : catalog.types().find(catalog.searchedSchemas(),
                name);
    }
}
