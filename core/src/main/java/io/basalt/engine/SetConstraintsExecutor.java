package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.SetConstraintsStatement;
import io.basalt.storage.table.TableTransaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SET CONSTRAINTS: makes deferrable foreign keys, UNIQUE and PRIMARY KEY constraints DEFERRED or IMMEDIATE for the rest of the transaction block (see
 * {@code storage.table.DeferredChecks}); making them IMMEDIATE runs their waiting checks now. A name is looked up
 * among the constraints of the tables of its schema (or of the search path), as PostgreSQL does: none gives 42704,
 * one that cannot be deferred 42809. Outside a block it only warns, as PostgreSQL does (25P01).
 */
final class SetConstraintsExecutor {
    private SetConstraintsExecutor() {
    }

    static QueryResultImpl run(SetConstraintsStatement statement, Catalog catalog, boolean inBlock) {
        Set<String> names = null;
        if (statement.names() != null) {
            names = new HashSet<>();
            for (QualifiedName name : statement.names()) {
                names.add(resolve(name, catalog));
            }
        }
        if (!inBlock) {
            return QueryResultImpl.commandWithWarning("SET CONSTRAINTS",
                    "SET CONSTRAINTS can only be used in transaction blocks");
        }
        TableTransaction transaction = TableTransaction.current();
        if (transaction == null) {
            throw BasaltException.internal("SET CONSTRAINTS ran outside a transaction");
        }
        transaction.deferredChecks().setMode(names, statement.deferred(), transaction);
        return QueryResultImpl.command("SET CONSTRAINTS", 0, List.of());
    }

    /** The constraint's name once found deferrable among the tables the name can mean. */
    private static String resolve(QualifiedName name, Catalog catalog) {
        String schema = name.parts().size() > 1 ? name.parts().get(name.parts().size() - 2) : null;
        List<String> schemas = schema != null ? List.of(schema) : catalog.searchedSchemas();
        boolean found = false;
        for (TableEntry table : catalog.tables()) {
            if (!schemas.contains(table.schema())) {
                continue;
            }
            for (ForeignKeyEntry key : table.foreignKeys()) {
                if (key.name().equals(name.last())) {
                    if (!key.deferrable()) {
                        throw notDeferrable(name);
                    }
                    found = true;
                }
            }
            for (UniqueConstraintEntry key : table.uniqueKeys()) {
                if (key.name().equals(name.last())) {
                    if (!key.deferrable()) {
                        throw notDeferrable(name);
                    }
                    found = true;
                }
            }
        }
        if (!found) {
            throw BasaltException.at(SqlState.UNDEFINED_OBJECT, name.position(),
                    "constraint \"" + name.last() + "\" does not exist");
        }
        return name.last();
    }

    private static BasaltException notDeferrable(QualifiedName name) {
        return BasaltException.at(SqlState.WRONG_OBJECT_TYPE, name.position(),
                "constraint \"" + name.last() + "\" is not deferrable");
    }
}
