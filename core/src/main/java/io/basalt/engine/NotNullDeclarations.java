package io.basalt.engine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL 18's checks of the NOT NULL declarations of a CREATE TABLE, where a not-null constraint has a name and
 * may be NO INHERIT. A column's own declarations (NOT NULL, and the NOT NULL a serial type, an identity or a column
 * PRIMARY KEY implies) merge first, then the table constraints ({@code [CONSTRAINT name] NOT NULL column} and the
 * columns of PRIMARY KEY (...)) merge into them, in the order written:
 *
 * <ul>
 * <li>two of them, one NO INHERIT and the other not: {@code conflicting NO INHERIT declarations ...} among a column's
 *     own, {@code conflicting NO INHERIT declaration ...} for a table constraint;</li>
 * <li>two names for the same column: {@code conflicting not-null constraint names "a" and "b"};</li>
 * <li>one name for two columns: {@code constraint "n" for relation "t" already exists};</li>
 * <li>NO INHERIT on a partitioned table.</li>
 * </ul>
 *
 * <p>The name the declarations give a column's not-null constraint is kept with the column
 * ({@link ColumnEntry#notNullName()}).
 */
final class NotNullDeclarations {
    /** What a column's declarations so far add up to. */
    private static final class Merged {
        String name;
        boolean noInherit;
    }

    private NotNullDeclarations() {
    }

    /**
     * Checks the declarations and returns the names they give the columns' not-null constraints (by column name;
     * a column whose declarations name none is absent).
     *
     * @throws BasaltException 42601, 42710 or 42P16 where PostgreSQL 18 refuses the declarations
     */
    static Map<String, String> check(CreateTableStatement create) {
        String table = create.name().last();
        boolean partitioned = create.hierarchy() != null && create.hierarchy().partitionBy() != null;
        Map<String, Merged> merged = new HashMap<>();
        Set<String> defined = new java.util.LinkedHashSet<>();
        for (ColumnDefinition column : create.columns()) {
            if (!defined.add(column.name())) {
                continue; // a column defined twice: CREATE TABLE reports it
            }
            Merged own = null;
            if (column.type() != null && SequenceColumns.isSerial(column.type())) {
                own = new Merged();
            }
            for (ColumnConstraint constraint : column.constraints()) {
                String name = null;
                boolean noInherit = false;
                switch (constraint) {
                    case ColumnConstraint.NotNull notNull -> {
                        name = notNull.name();
                        noInherit = notNull.noInherit();
                    }
                    case ColumnConstraint.Identity ignored -> { }
                    case ColumnConstraint.PrimaryKey ignored -> { }
                    default -> {
                        continue;
                    }
                }
                refuseOnPartitioned(partitioned, noInherit);
                if (own == null) {
                    own = new Merged();
                    own.name = name;
                    own.noInherit = noInherit;
                    continue;
                }
                if (own.noInherit != noInherit) {
                    throw BasaltException.of(SqlState.SYNTAX_ERROR, "conflicting NO INHERIT declarations for"
                            + " not-null constraints on column \"" + column.name() + "\"");
                }
                own.name = mergedName(own.name, name);
            }
            if (own != null) {
                merged.put(column.name(), own);
            }
        }
        for (TableConstraint constraint : create.constraints()) {
            if (constraint instanceof TableConstraint.NotNull notNull) {
                refuseOnPartitioned(partitioned, notNull.noInherit());
                merge(merged, notNull.column(), notNull.name(), notNull.noInherit());
            } else if (constraint instanceof TableConstraint.PrimaryKey key) {
                for (String column : key.columns()) {
                    merge(merged, column, null, false);
                }
            }
        }
        Set<String> names = new HashSet<>();
        Map<String, String> named = new HashMap<>();
        for (String column : defined) {
            Merged own = merged.get(column);
            if (own != null && own.name != null && !names.add(own.name)) {
                throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                        "constraint \"" + own.name + "\" for relation \"" + table + "\" already exists");
            }
        }
        for (Map.Entry<String, Merged> entry : merged.entrySet()) {
            if (entry.getValue().name != null) {
                named.put(entry.getKey(), entry.getValue().name);
            }
        }
        return named;
    }

    /**
     * {@code columns} with the names {@code named} gives their not-null constraints; a column that inherits a named
     * not-null constraint keeps the inherited name, as PostgreSQL merges the two into the parent's.
     */
    static List<ColumnEntry> named(List<ColumnEntry> columns, Map<String, String> named, int inheritedCount) {
        List<ColumnEntry> result = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            ColumnEntry column = columns.get(c);
            String name = named.get(column.name());
            boolean inheritedName = c < inheritedCount && column.notNullName() != null;
            result.add(column.notNull() && name != null && !inheritedName ? column.withNotNullName(name) : column);
        }
        return result;
    }

    private static void merge(Map<String, Merged> merged, String column, String name, boolean noInherit) {
        Merged existing = merged.get(column);
        if (existing == null) {
            Merged added = new Merged();
            added.name = name;
            added.noInherit = noInherit;
            merged.put(column, added);
            return;
        }
        if (existing.noInherit != noInherit) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "conflicting NO INHERIT declaration for not-null"
                    + " constraint on column \"" + column + "\"");
        }
        existing.name = mergedName(existing.name, name);
    }

    /** The name of two merged declarations: either's when only one has one; two different names conflict. */
    private static String mergedName(String first, String second) {
        if (first != null && second != null && !first.equals(second)) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    "conflicting not-null constraint names \"" + first + "\" and \"" + second + "\"");
        }
        return first != null ? first : second;
    }

    private static void refuseOnPartitioned(boolean partitioned, boolean noInherit) {
        if (partitioned && noInherit) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "not-null constraints on partitioned tables cannot be NO INHERIT");
        }
    }
}
