package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.system.ObjectDefinitions;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's session information functions about where names resolve: current_database() and current_catalog
 * (the database's name), current_schema() / current_schema (the first schema of search_path that exists, or NULL)
 * and current_schemas(include_implicit) (the schemas searched, with pg_catalog and the session's temporary schema
 * when asked for the implicit ones). They are constants of the statement, read from the catalog the statement is
 * bound in ({@link UserTypeNames#CATALOG}). Also pg_backend_pid() (the session's process number, as pg_locks and
 * deadlock messages show it) and txid_current() / pg_current_xact_id() (the transaction's number, a bigint where
 * PostgreSQL 13+ returns xid8), constants of the statement read from its transaction.
 */
final class SessionInformationFunctions {
    private SessionInformationFunctions() {
    }

    static boolean handles(Expression.FunctionCall call) {
        if (call.name().parts().size() > 2 || call.name().parts().size() == 2
                && !call.name().parts().getFirst().equals("pg_catalog")) {
            return false;
        }
        return switch (call.name().last()) {
            case "current_database", "current_catalog", "current_schema", "pg_backend_pid", "txid_current",
                 "pg_current_xact_id" -> call.arguments().isEmpty();
            case "current_schemas" -> call.arguments().size() == 1;
            default -> false;
        };
    }

    static BoundExpression bind(Expression.FunctionCall call, ExpressionBinder binder) {
        int position = call.position();
        Catalog catalog = UserTypeNames.CATALOG.isBound() ? UserTypeNames.CATALOG.get() : null;
        return switch (call.name().last()) {
            case "current_database", "current_catalog" ->
                    new BoundExpression.Constant(ObjectDefinitions.DATABASE, LogicalType.TEXT, position);
            case "pg_backend_pid" -> {
                io.basalt.storage.table.TableTransaction transaction =
                        io.basalt.storage.table.TableTransaction.current();
                yield new BoundExpression.Constant(transaction == null ? null : (long) transaction.processNumber(),
                        LogicalType.INTEGER, position);
            }
            case "txid_current", "pg_current_xact_id" -> {
                io.basalt.storage.table.TableTransaction transaction =
                        io.basalt.storage.table.TableTransaction.current();
                yield new BoundExpression.Constant(transaction == null ? null : transaction.transactionNumber(),
                        LogicalType.BIGINT, position);
            }
            case "current_schema" -> {
                List<String> searched = catalog == null ? List.of() : catalog.searchedSchemas();
                yield new BoundExpression.Constant(searched.isEmpty() ? null : searched.getFirst(), LogicalType.TEXT,
                        position);
            }
            default -> {
                BoundExpression implicit = Coercion.cast(binder.bind(call.arguments().getFirst()), LogicalType.BOOLEAN,
                        false);
                if (!(implicit instanceof BoundExpression.Constant constant)) {
                    throw ExpressionBinder.notYet("current_schemas with an argument that is not a constant", position);
                }
                LogicalType type = LogicalType.arrayOf(LogicalType.TEXT);
                if (constant.value() == null) {
                    yield new BoundExpression.Constant(null, type, position);
                }
                yield new BoundExpression.Constant(ArrayValue.of(schemas(catalog, (Boolean) constant.value())), type,
                        position);
            }
        };
    }

    /** The schemas searched, in order; with the implicit ones: the temporary schema, then pg_catalog unless listed. */
    private static List<String> schemas(Catalog catalog, boolean implicit) {
        List<String> searched = catalog == null ? List.of() : catalog.searchedSchemas();
        List<String> schemas = new ArrayList<>();
        if (implicit) {
            if (catalog != null && catalog.tempSchema() != null && hasTemporaryTables(catalog)) {
                schemas.add(catalog.tempSchema());
            }
            if (!searched.contains("pg_catalog")) {
                schemas.add("pg_catalog");
            }
        }
        schemas.addAll(searched);
        return schemas;
    }

    /** Whether the session's temporary schema has been made (PostgreSQL makes it with the first temporary table). */
    private static boolean hasTemporaryTables(Catalog catalog) {
        for (io.basalt.catalog.TableEntry table : catalog.tables()) {
            if (table.schema().equals(catalog.tempSchema())) {
                return true;
            }
        }
        return false;
    }
}
