package io.basalt.catalog.system;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.plan.logical.ConditionText;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.table.ReferentialAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The definitions PostgreSQL's pg_get_constraintdef, pg_get_indexdef and pg_get_expr print, written from the
 * catalog's entries: {@code CHECK ((a > 0))}, {@code PRIMARY KEY (id)}, {@code FOREIGN KEY (a) REFERENCES t(b) ON
 * DELETE CASCADE}, {@code CREATE UNIQUE INDEX i ON public.t USING btree (a)}. An index over expressions or with a
 * predicate has no definition here (null): the catalog does not keep their text.
 */
public final class ObjectDefinitions {
    /** The name the database and the owner of every object go by. */
    public static final String DATABASE = "basalt";
    public static final String OWNER = "basalt";
    /** The oid of the owning role (PostgreSQL's bootstrap superuser). */
    public static final long OWNER_OID = 10;

    private ObjectDefinitions() {
    }

    /** The table's column names, in order. */
    static List<String> columnNames(TableEntry table) {
        List<String> names = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            names.add(column.name());
        }
        return names;
    }

    /** {@code a, b} for the columns at those indexes (quoted as needed). */
    static String columnList(TableEntry table, List<Integer> columns) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            int column = columns.get(i);
            out.append(i == 0 ? "" : ", ").append(column < 0 ? "?" : IdentifierQuoting.quote(
                    table.columns().get(column).name()));
        }
        return out.toString();
    }

    /** A CHECK constraint's condition as pg_constraint's conbin shows it through pg_get_expr (plain form). */
    static String checkCondition(TableEntry table, io.basalt.catalog.CheckConstraintEntry check) {
        return check.text() != null ? check.text() : ConditionText.write(check.condition(), columnNames(table));
    }

    /** pg_get_constraintdef of a constraint. */
    public static String constraint(CatalogObjects objects, CatalogObjects.Constraint constraint) {
        return constraint(objects, constraint, false);
    }

    /**
     * pg_get_constraintdef of a constraint; {@code pretty} (its second argument, which psql's {@code \d} passes)
     * leaves out the parentheses around the whole CHECK condition.
     */
    public static String constraint(CatalogObjects objects, CatalogObjects.Constraint constraint, boolean pretty) {
        TableEntry table = constraint.relation().table();
        return switch (constraint.type()) {
            case 'c' -> {
                var check = constraint.check();
                String condition;
                if (check.text() == null) {
                    condition = ConditionText.write(check.condition(), columnNames(table));
                    condition = pretty ? withoutOuterParentheses(condition) : condition;
                } else {
                    condition = pretty ? io.basalt.binder.CheckConstraintText.pretty(check.text(), table.columns(),
                            objects.catalog()) : check.text();
                }
                yield "CHECK (" + condition + ")" + (check.noInherit() ? " NO INHERIT" : "")
                        + (check.notEnforced() ? " NOT ENFORCED" : "") + (check.validated() ? "" : " NOT VALID");
            }
            case 'p' -> "PRIMARY KEY (" + columnList(table, constraint.key().columns()) + ")"
                    + deferral(constraint.key().deferrable(), constraint.key().initiallyDeferred());
            case 'u' -> "UNIQUE " + (constraint.key().nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "("
                    + columnList(table, constraint.key().columns()) + ")"
                    + deferral(constraint.key().deferrable(), constraint.key().initiallyDeferred());
            case 'x' -> "EXCLUDE USING btree (" + columnList(table, constraint.key().columns()).replace(", ",
                    " WITH =, ") + " WITH =)"
                    + deferral(constraint.key().deferrable(), constraint.key().initiallyDeferred());
            case 'n' -> "NOT NULL " + columnList(table, constraint.key().columns());
            case 'f' -> foreignKey(objects, table, constraint.foreignKey())
                    + deferral(constraint.foreignKey().deferrable(), constraint.foreignKey().initiallyDeferred());
            default -> throw new IllegalStateException("constraint type " + constraint.type());
        };
    }

    /** What pg_get_constraintdef appends for a deferrable constraint. */
    public static String deferral(boolean deferrable, boolean initiallyDeferred) {
        return (deferrable ? " DEFERRABLE" : "") + (initiallyDeferred ? " INITIALLY DEFERRED" : "");
    }

    /** {@code text} without one pair of parentheses enclosing all of it, if it has such a pair. */
    static String withoutOuterParentheses(String text) {
        if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
            return text;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return text;
                }
            }
        }
        return text.substring(1, text.length() - 1);
    }

    private static String foreignKey(CatalogObjects objects, TableEntry table, ForeignKeyEntry key) {
        StringBuilder out = new StringBuilder("FOREIGN KEY (").append(columnList(table, key.columns()))
                .append(") REFERENCES ");
        CatalogObjects.Relation target = objects.relation(key.referencedSchema(), key.referencedTable());
        if (target == null || target.table() == null) {
            out.append(IdentifierQuoting.quote(key.referencedTable()));
        } else {
            out.append(objects.regclassText(target)).append('(')
                    .append(columnList(target.table(), key.referencedColumns())).append(')');
        }
        if (key.matchFull()) {
            out.append(" MATCH FULL");
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            out.append(" ON UPDATE ").append(key.onUpdate().sql());
        }
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            out.append(" ON DELETE ").append(key.onDelete().sql());
            if (key.deleteSetColumns() != null) {
                out.append(" (").append(columnList(table, key.deleteSetColumns())).append(')');
            }
        }
        return out.toString();
    }

    /**
     * pg_get_indexdef of an index relation, or null when its expressions or predicate are not known: a partitioned
     * table's index is {@code ON ONLY} the table.
     */
    public static String index(CatalogObjects objects, CatalogObjects.Relation relation) {
        String definition = index(relation);
        String on = " ON " + IdentifierQuoting.quote(relation.table().schema()) + ".";
        return definition == null || !objects.partitionedIndex(relation) ? definition
                : definition.replaceFirst(java.util.regex.Pattern.quote(on), " ON ONLY "
                        + java.util.regex.Matcher.quoteReplacement(on.substring(" ON ".length())));
    }

    /** pg_get_indexdef of an index relation, or null when its expressions or predicate are not known. */
    public static String index(CatalogObjects.Relation relation) {
        TableEntry table = relation.table();
        IndexEntry index = relation.index();
        boolean unique = index != null ? index.unique() : true;
        List<Integer> columns = index != null ? index.columns() : relation.key().columns();
        if (index != null && (index.partial() || columns.contains(-1))) {
            return null;
        }
        String method = index != null ? index.method() : "btree";
        boolean nullsNotDistinct = relation.key() != null && relation.key().nullsNotDistinct();
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + IdentifierQuoting.quote(relation.name()) + " ON "
                + IdentifierQuoting.quote(table.schema()) + "." + IdentifierQuoting.quote(table.name()) + " USING "
                + method + " (" + keyList(table, columns, index) + ")" + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "");
    }

    /** The key columns of an index, each followed by the operator class written for it, if any. */
    private static String keyList(TableEntry table, List<Integer> columns, IndexEntry index) {
        if (index == null) {
            return columnList(table, columns);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(columnList(table, List.of(columns.get(i))));
            String operatorClass = index.operatorClasses().get(i);
            // a type's default class is left out, as PostgreSQL does
            if (operatorClass != null && !List.of("jsonb_ops", "array_ops", "tsvector_ops")
                    .contains(operatorClass.toLowerCase(java.util.Locale.ROOT))) {
                out.append(' ').append(operatorClass.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** The key columns of an index relation (indexes in its table). */
    static List<Integer> indexColumns(CatalogObjects.Relation relation) {
        return relation.index() != null ? relation.index().columns() : relation.key().columns();
    }

    /** Whether an index relation is unique. */
    static boolean indexUnique(CatalogObjects.Relation relation) {
        return relation.index() != null ? relation.index().unique() : true;
    }

    /** The UNIQUE / PRIMARY KEY constraint an index relation enforces, or null. */
    static UniqueConstraintEntry indexKey(CatalogObjects.Relation relation) {
        return relation.key() != null && CatalogObjects.isConstraint(relation.table(), relation.key())
                ? relation.key() : null;
    }
}
