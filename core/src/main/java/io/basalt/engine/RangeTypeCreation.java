package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.UserType;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.TypeStatement;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.transaction.Transaction;
import io.basalt.type.LogicalType;
import io.basalt.type.range.RangeKey;
import io.basalt.type.range.RangeType;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CREATE TYPE name AS RANGE (subtype = ..., ...): checks the attributes as PostgreSQL's DefineRange does, files the
 * range type in the catalog's user types and logs the statement as written, so that replaying the log (and the
 * checkpoint's DDL history) makes it again. In a transaction block, ROLLBACK drops it again (the drop logged), as for
 * the other CREATE TYPE forms. The type's constructor functions ({@code name(lower, upper [, flags])}) are the range
 * function binder's. Attributes other than subtype are accepted and have no effect: subtype_diff and
 * subtype_opclass serve index support Basalt does not have, collation must be one Basalt compares text in (C), and a
 * canonical function would have to be a C function.
 */
final class RangeTypeCreation {
    private static final Set<String> ATTRIBUTES = Set.of("subtype", "subtype_opclass", "collation", "canonical",
            "subtype_diff", "multirange_type_name");

    private RangeTypeCreation() {
    }

    static QueryResultImpl create(Catalog catalog, TypeStatement.CreateRange create, String sql, Transaction block,
                                  Consumer<String> logDdl) {
        for (String attribute : create.attributes()) {
            if (!ATTRIBUTES.contains(attribute)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "type attribute \"" + attribute + "\" not recognized");
            }
        }
        if (create.subtype() == null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "type attribute \"subtype\" is required");
        }
        String schema = catalog.creationSchemaOf(create.name());
        String name = create.name().last();
        if (catalog.types().find(schema, name).isPresent() || catalog.findTable(schema, name).isPresent()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "type \"" + name + "\" already exists");
        }
        LogicalType subtype = io.basalt.binder.TypeNames.resolve(create.subtype());
        if (subtype.isDomain() || !RangeKey.supports(subtype)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "range types over " + subtype.displayName() + " are not supported yet");
        }
        UserType.Range created = new UserType.Range(catalog.types().nextOid(), schema, name,
                new RangeType(name, subtype, false));
        catalog.types().add(created);
        logDdl.accept(sql);
        if (block != null) {
            block.onRollback(() -> {
                if (catalog.types().remove(created)) {
                    logDdl.accept("DROP TYPE " + IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name));
                }
            });
        }
        return QueryResultImpl.command("CREATE TYPE", 0, List.of());
    }
}
