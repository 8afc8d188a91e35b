package io.basalt.sql.ast;

import java.util.List;

/** A table constraint of CREATE TABLE. {@code name} is null when not given. */
public sealed interface TableConstraint extends Node {
    String name();

    /**
     * PostgreSQL 18's {@code [CONSTRAINT name] NOT NULL column [NO INHERIT]}: the column is NOT NULL (Basalt keeps no
     * name for it, as PostgreSQL 15 keeps none).
     */
    record NotNull(String name, String column, int position, boolean noInherit) implements TableConstraint {
    }

    /** {@code CHECK (condition) [NO INHERIT] [[NOT] ENFORCED]}. */
    record Check(String name, Expression condition, int position, boolean noInherit, boolean notEnforced)
            implements TableConstraint {
        public Check(String name, Expression condition, int position) {
            this(name, condition, position, false, false);
        }

        public Check(String name, Expression condition, int position, boolean noInherit) {
            this(name, condition, position, noInherit, false);
        }
    }

    /**
     * {@code UNIQUE [NULLS [NOT] DISTINCT] (columns)}; {@code DEFERRABLE} / {@code INITIALLY DEFERRED} set the
     * deferral flags.
     */
    record Unique(String name, List<String> columns, int position, boolean deferrable, boolean initiallyDeferred,
                  boolean nullsNotDistinct) implements TableConstraint {
        public Unique(String name, List<String> columns, int position) {
            this(name, columns, position, false, false, false);
        }
    }

    /** {@code PRIMARY KEY (columns)}; {@code DEFERRABLE} / {@code INITIALLY DEFERRED} set the deferral flags. */
    record PrimaryKey(String name, List<String> columns, int position, boolean deferrable, boolean initiallyDeferred)
            implements TableConstraint {
        public PrimaryKey(String name, List<String> columns, int position) {
            this(name, columns, position, false, false);
        }
    }

    /**
     * {@code FOREIGN KEY (columns) REFERENCES table [(columns)] [MATCH FULL | SIMPLE] [ON DELETE action [(columns)]]
     * [ON UPDATE action]}. Actions are upper-case SQL ("SET NULL", ...), null when not written (NO ACTION);
     * {@code deleteSetColumns} is the column list of ON DELETE SET NULL / SET DEFAULT, null when not written.
     * {@code DEFERRABLE} makes it {@code deferrable}; {@code INITIALLY DEFERRED} (which implies DEFERRABLE)
     * {@code initiallyDeferred}.
     */
    record ForeignKey(String name, List<String> columns, QualifiedName table, List<String> referencedColumns,
                      String onDelete, String onUpdate, boolean matchFull, List<String> deleteSetColumns,
                      int position, boolean deferrable, boolean initiallyDeferred) implements TableConstraint {
        /** This constraint with the deferral its attributes give it. */
        public ForeignKey withDeferral(boolean newDeferrable, boolean newInitiallyDeferred) {
            return new ForeignKey(name, columns, table, referencedColumns, onDelete, onUpdate, matchFull,
                    deleteSetColumns, position, newDeferrable, newInitiallyDeferred);
        }
    }

    /**
     * {@code EXCLUDE [USING method] (element WITH operator [, ...]) [WHERE (predicate)]}: no two rows (that the
     * predicate holds for) may have every element's operator return true between them. {@code method} is the index
     * method as written (lower case, null when not written); the deferral flags are as for {@link Unique}.
     */
    record Exclude(String name, String method, List<ExcludeElement> elements, Expression where, int position,
                   boolean deferrable, boolean initiallyDeferred) implements TableConstraint {
        public Exclude {
            elements = List.copyOf(elements);
        }
    }

    /**
     * One element of an EXCLUDE constraint: a column or a parenthesized expression ({@code text} as written, with
     * its parentheses) and the operator that compares it between two rows.
     */
    record ExcludeElement(Expression expression, String text, String operator, int position) {
    }
}
