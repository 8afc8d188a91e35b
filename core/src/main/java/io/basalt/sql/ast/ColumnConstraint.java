package io.basalt.sql.ast;

/**
 * A constraint written on a column: {@code [CONSTRAINT name] NOT NULL | NULL | DEFAULT expr | CHECK (expr)
 * | UNIQUE | PRIMARY KEY | REFERENCES table [(column)] | GENERATED ... AS IDENTITY}. {@code name} is null when
 * not given.
 */
public sealed interface ColumnConstraint extends Node {
    String name();

    /** {@code NOT NULL [NO INHERIT]} (PostgreSQL 18 reads NO INHERIT). */
    record NotNull(String name, int position, boolean noInherit) implements ColumnConstraint {
        public NotNull(String name, int position) {
            this(name, position, false);
        }
    }

    record Nullable(String name, int position) implements ColumnConstraint {
    }

    record Default(String name, Expression expression, int position) implements ColumnConstraint {
    }

    /** {@code CHECK (condition) [NO INHERIT] [[NOT] ENFORCED]}. */
    record Check(String name, Expression condition, int position, boolean noInherit, boolean notEnforced)
            implements ColumnConstraint {
        public Check(String name, Expression condition, int position) {
            this(name, condition, position, false, false);
        }

        public Check(String name, Expression condition, int position, boolean noInherit) {
            this(name, condition, position, noInherit, false);
        }
    }

    /**
     * {@code UNIQUE [NULLS [NOT] DISTINCT]}; {@code DEFERRABLE} / {@code INITIALLY DEFERRED} after it set the
     * deferral flags.
     */
    record Unique(String name, int position, boolean deferrable, boolean initiallyDeferred, boolean nullsNotDistinct)
            implements ColumnConstraint {
        public Unique(String name, int position) {
            this(name, position, false, false, false);
        }
    }

    /** {@code PRIMARY KEY}; {@code DEFERRABLE} / {@code INITIALLY DEFERRED} after it set the deferral flags. */
    record PrimaryKey(String name, int position, boolean deferrable, boolean initiallyDeferred)
            implements ColumnConstraint {
        public PrimaryKey(String name, int position) {
            this(name, position, false, false);
        }
    }

    /**
     * {@code GENERATED ALWAYS | BY DEFAULT AS IDENTITY [(sequence options)]}: the column takes its values from a
     * sequence of its own.
     */
    record Identity(String name, boolean always, java.util.List<SequenceOption> options, int position)
            implements ColumnConstraint {
        public Identity {
            options = java.util.List.copyOf(options);
        }
    }

    /**
     * {@code GENERATED ALWAYS AS (expression) STORED}: the column's value is computed from the row's other columns;
     * {@code text} is the expression as written, for {@code \d}; {@code virtual}: PostgreSQL 18's VIRTUAL was written
     * (Basalt stores the values all the same).
     */
    record Generated(String name, Expression expression, String text, int position, boolean virtual)
            implements ColumnConstraint {
        public Generated(String name, Expression expression, String text, int position) {
            this(name, expression, text, position, false);
        }
    }

    /**
     * {@code REFERENCES table [(column)] [MATCH FULL | SIMPLE] [ON DELETE action [(columns)]] [ON UPDATE action]}:
     * actions and deferral as {@link TableConstraint.ForeignKey} has them.
     */
    record References(String name, QualifiedName table, java.util.List<String> columns, String onDelete,
                      String onUpdate, boolean matchFull, java.util.List<String> deleteSetColumns, int position,
                      boolean deferrable, boolean initiallyDeferred)
            implements ColumnConstraint {
        /** This constraint with the deferral its attributes give it. */
        public References withDeferral(boolean newDeferrable, boolean newInitiallyDeferred) {
            return new References(name, table, columns, onDelete, onUpdate, matchFull, deleteSetColumns, position,
                    newDeferrable, newInitiallyDeferred);
        }
    }
}
