package io.basalt.engine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The EXCLUDE constraints Basalt enforces: those over plain columns whose operators are all {@code =} (with the
 * btree or hash method, or none written). Two rows conflict under such a constraint exactly when their key columns
 * are all equal and none is NULL, which is what a unique key checks; so the constraint becomes a
 * {@link io.basalt.catalog.UniqueConstraintEntry} marked as an exclusion (its own name, errors and catalog entry).
 * Other operators (such as {@code &&} over geometric types with GiST) and a WHERE predicate are refused (0A000).
 */
final class ExclusionConstraints {
    private ExclusionConstraints() {
    }

    /**
     * The key columns (indexes in {@code columns}) of {@code exclude}.
     *
     * @throws BasaltException 42703 for an unknown column, 0A000 for what Basalt does not enforce
     */
    static List<Integer> keyColumns(TableConstraint.Exclude exclude, List<ColumnEntry> columns) {
        if (exclude.method() != null && !exclude.method().equals("btree") && !exclude.method().equals("hash")) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, exclude.position(),
                    "EXCLUDE constraints using " + exclude.method() + " are not supported yet");
        }
        if (exclude.where() != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, exclude.position(),
                    "EXCLUDE constraints with a WHERE predicate are not supported yet");
        }
        List<Integer> keyColumns = new ArrayList<>();
        for (TableConstraint.ExcludeElement element : exclude.elements()) {
            if (!element.operator().equals("=")) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, exclude.position(),
                        "EXCLUDE constraints with the operator " + element.operator() + " are not supported yet");
            }
            if (!(element.expression() instanceof Expression.ColumnRef reference) || reference.parts().size() != 1) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, exclude.position(),
                        "EXCLUDE constraints over expressions are not supported yet");
            }
            String name = reference.parts().getFirst();
            int index = TableInheritance.indexOf(columns, name);
            if (index < 0) {
                throw BasaltException.at(SqlState.UNDEFINED_COLUMN, element.position(),
                        "column \"" + name + "\" named in key does not exist");
            }
            keyColumns.add(index);
        }
        return keyColumns;
    }

    /**
     * A conflict found while a table's rows were indexed for a new exclusion constraint, as PostgreSQL reports it
     * when building the constraint's index; any other error as it is.
     */
    static BasaltException notCreated(BasaltException failure) {
        String prefix = "conflicting key value violates exclusion constraint ";
        if (failure.sqlState() != SqlState.EXCLUSION_VIOLATION || !failure.getMessage().startsWith(prefix)) {
            return failure;
        }
        String detail = failure.detail() == null ? null
                : failure.detail().replace(" conflicts with existing key ", " conflicts with key ");
        return BasaltException.of(SqlState.EXCLUSION_VIOLATION, "could not create exclusion constraint "
                + failure.getMessage().substring(prefix.length())).withDetail(detail);
    }
}
