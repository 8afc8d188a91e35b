package io.basalt.binder.viewwrite;

import io.basalt.binder.BindContext;
import io.basalt.binder.CheckConditions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.storage.table.CheckConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE through automatically updatable views, as PostgreSQL's rewriter does them: a statement
 * whose target is a view becomes the same statement on the view's base relation (and again, down a chain of views,
 * until a table): view columns are replaced by the base columns they are, expressions over view columns by the
 * view's expressions, the view's WHERE is added to UPDATE's and DELETE's, and RETURNING returns the view's columns.
 * A view with WITH CHECK OPTION (and, under a CASCADED one, every view below it) adds its WHERE as a check of the
 * rows written, which fails as PostgreSQL's 44000. A view that is not automatically updatable, or a column that is
 * an expression, fails with PostgreSQL's errors.
 */
public final class ViewWrites {
    /** The statement against the table, and the view conditions the rows written must meet (innermost first). */
    public record Rewritten(Statement statement, List<Check> checks) {
    }

    /** A view's condition, over the table written, whose columns {@code qualifier} names. */
    public record Check(String view, Expression condition, String qualifier) {
    }

    private ViewWrites() {
    }

    /** The statement rewritten onto the table beneath, or null when its target is not a view. */
    public static Rewritten rewrite(Statement statement, Catalog catalog) {
        QualifiedName target = target(statement);
        if (target == null || viewOf(target, catalog) == null) {
            return null;
        }
        List<Check> pending = new ArrayList<>();
        boolean cascade = false;
        Statement current = statement;
        ViewEntry view;
        while ((view = viewOf(target(current), catalog)) != null) {
            io.basalt.binder.NonsystemRelationRestriction.check(view);
            UpdatableView updatable = UpdatableView.of(view, catalog);
            if (!updatable.updatable()) {
                throw refused(current, view, updatable.reason());
            }
            Set<String> qualifiers = new HashSet<>();
            qualifiers.add(view.name());
            String alias = alias(current);
            if (alias != null) {
                qualifiers.add(alias);
            }
            Map<String, Expression> columns = new HashMap<>();
            for (int c = 0; c < updatable.expressions().size(); c++) {
                columns.put(view.columnNames().get(c), updatable.expressions().get(c));
            }
            ColumnSubstitution substitution = new ColumnSubstitution(columns, qualifiers);
            List<Check> lowered = new ArrayList<>();
            for (Check check : pending) {
                lowered.add(new Check(check.view(), substitution.apply(check.condition()), updatable.baseName()));
            }
            pending = lowered;
            if ((view.checkOption() != null || cascade) && updatable.where() != null) {
                pending.addFirst(new Check(view.name(), updatable.where(), updatable.baseName()));
            }
            cascade |= "cascaded".equals(view.checkOption());
            current = switch (current) {
                case InsertStatement insert -> StatementRewrite.insert(insert, updatable, substitution);
                case UpdateStatement update -> StatementRewrite.update(update, updatable, substitution);
                case DeleteStatement delete -> StatementRewrite.delete(delete, updatable, substitution);
                default -> throw BasaltException.internal("not a write: " + current);
            };
        }
        return new Rewritten(current, pending);
    }

    /**
     * {@code table} with the checks bound over its columns after its own CHECK constraints, so that a row written
     * through the view that breaks a view's condition fails with the view's error.
     */
    public static TableEntry withChecks(TableEntry table, List<Check> checks, BindContext context) {
        if (checks.isEmpty()) {
            return table;
        }
        List<CheckConstraintEntry> all = new ArrayList<>(table.checks());
        for (Check check : checks) {
            all.add(new CheckConstraintEntry(CheckConstraint.VIEW_CHECK_OPTION + check.view(),
                    CheckConditions.bind(check.condition(), check.qualifier(), table.columns(), context)));
        }
        return table.withChecks(all);
    }

    /** Whether the view could be written through (information_schema's is_updatable / is_insertable_into). */
    public static boolean updatable(ViewEntry view, Catalog catalog) {
        return !view.materialized() && UpdatableView.of(view, catalog).updatable();
    }

    private static QualifiedName target(Statement statement) {
        return switch (statement) {
            case InsertStatement insert -> insert.table();
            case UpdateStatement update -> update.table();
            case DeleteStatement delete -> delete.table();
            default -> null;
        };
    }

    private static String alias(Statement statement) {
        return switch (statement) {
            case InsertStatement insert -> insert.alias();
            case UpdateStatement update -> update.alias();
            case DeleteStatement delete -> delete.alias();
            default -> null;
        };
    }

    /** The plain view {@code name} reads, when it names one and no table. */
    private static ViewEntry viewOf(QualifiedName name, Catalog catalog) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (catalog.findTable(schema, name.last()).isPresent()) {
            return null;
        }
        ViewEntry view = catalog.findView(schema, name.last()).orElse(null);
        return view == null || view.materialized() ? null : view;
    }

    private static BasaltException refused(Statement statement, ViewEntry view, String reason) {
        String name = view.name();
        return switch (statement) {
            case InsertStatement ignored -> BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "cannot insert into view \"" + name + "\"").withDetail(reason)
                    .withHint("To enable inserting into the view, provide an INSTEAD OF INSERT trigger or an"
                            + " unconditional ON INSERT DO INSTEAD rule.");
            case UpdateStatement ignored -> BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "cannot update view \"" + name + "\"").withDetail(reason)
                    .withHint("To enable updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional"
                            + " ON UPDATE DO INSTEAD rule.");
            default -> BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "cannot delete from view \"" + name + "\"").withDetail(reason)
                    .withHint("To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an"
                            + " unconditional ON DELETE DO INSTEAD rule.");
        };
    }

    /** The reason a view with WITH CHECK OPTION cannot be created, or null when it is automatically updatable. */
    public static String checkOptionRefusal(ViewEntry view, Catalog catalog) {
        UpdatableView updatable = UpdatableView.of(view, catalog);
        return updatable.reason();
    }

    /** The number of values each row of an INSERT's source has, or -1 when it cannot be told from its text. */
    static int sourceWidth(Query source) {
        if (source == null) {
            return 0;
        }
        return switch (source.body()) {
            case QueryBody.Values values -> values.rows().isEmpty() ? -1 : values.rows().getFirst().size();
            case QueryBody.Select select -> {
                for (SelectItem item : select.items()) {
                    if (item instanceof SelectItem.Star) {
                        yield -1;
                    }
                }
                yield select.items().size();
            }
            default -> -1;
        };
    }
}
