package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.sql.ast.Expression;
import java.util.List;

/**
 * An index made by CREATE INDEX: its name (a relation name in the table's schema), whether it is UNIQUE, its key
 * columns (indexes in the table; -1 for an expression), the expressions as written (one per key column, null
 * for a plain column), its WHERE predicate as written (null for none), its access method, and the operator class
 * written for each key column (null: the type's default). A unique index is
 * enforced by a unique key of the same name in the table's store, which for a partial index holds the keys of the
 * rows its predicate is true for, and for an index over expressions computes them per row; only one over plain
 * columns without a predicate may be referenced by a foreign key. A gin index over plain jsonb columns is kept by
 * the store as an inverted index ({@code engine.InvertedIndexDefinitions}), a btree index whose first key is an
 * expression as an ordered index of that key ({@code engine.ExpressionIndexDefinitions}). Other indexes are recorded
 * only: no plan reads them yet.
 */
public record IndexEntry(String name, boolean unique, List<Integer> columns, Expression predicate, String method,
                         List<Expression> expressions, List<String> operatorClasses) {
    public IndexEntry {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(method, "method is null");
        List<Expression> written = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            written.add(expressions != null && i < expressions.size() ? expressions.get(i) : null);
        }
        expressions = java.util.Collections.unmodifiableList(written);
        List<String> classes = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            classes.add(operatorClasses != null && i < operatorClasses.size() ? operatorClasses.get(i) : null);
        }
        operatorClasses = java.util.Collections.unmodifiableList(classes);
    }

    /** An index with its expressions, every key column of its default operator class. */
    public IndexEntry(String name, boolean unique, List<Integer> columns, Expression predicate, String method,
                      List<Expression> expressions) {
        this(name, unique, columns, predicate, method, expressions, null);
    }

    /** An index without expressions kept (over plain columns, or recorded only). */
    public IndexEntry(String name, boolean unique, List<Integer> columns, Expression predicate, String method) {
        this(name, unique, columns, predicate, method, null);
    }

    /**
     * Whether {@code other}, an index of a table whose columns are named {@code otherColumns}, has this index's
     * definition on a table whose columns are {@code columns}: unique alike, the same method, key columns of the
     * same names, the same expressions and predicate. How a partition's index is known as its partitioned table's.
     */
    public boolean sameDefinition(List<String> columns, IndexEntry other, List<String> otherColumns) {
        if (unique != other.unique || !method.equals(other.method) || !expressions.equals(other.expressions)
                || !java.util.Objects.equals(predicate, other.predicate)
                || this.columns.size() != other.columns.size()) {
            return false;
        }
        for (int i = 0; i < this.columns.size(); i++) {
            int own = this.columns.get(i);
            int theirs = other.columns.get(i);
            if ((own < 0) != (theirs < 0) || own >= 0 && !columns.get(own).equals(otherColumns.get(theirs))) {
                return false;
            }
        }
        return true;
    }

    /** This index over renumbered columns, its other properties kept. */
    public IndexEntry withColumns(List<Integer> newColumns) {
        return new IndexEntry(name, unique, newColumns, predicate, method, expressions, operatorClasses);
    }

    /** Whether a key column is an expression. */
    public boolean overExpressions() {
        return columns.contains(-1);
    }

    /** Whether it has a WHERE predicate. */
    public boolean partial() {
        return predicate != null;
    }

    /**
     * Whether the table's store enforces it: a unique index, partial or not, over plain columns or over expressions
     * it knows (an index recorded before expressions were kept has none and is not enforced).
     */
    public boolean enforced() {
        if (!unique) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) < 0 && expressions.get(i) == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether a foreign key may reference it: an enforced unique index over plain columns without a predicate. */
    public boolean referenceable() {
        return enforced() && !partial() && !overExpressions();
    }
}
