package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code [WITH ...] MERGE INTO [ONLY] target [[AS] alias] USING source ON condition when...}: PostgreSQL 15's MERGE.
 * {@code source} is one FROM item (a table, subquery, function or join); {@code whens} are the WHEN clauses in the
 * order written, at least one. {@code alias} is null when not written, {@code with} null without a WITH clause;
 * {@code only}: ONLY, the target without its inheritance children.
 */
public record MergeStatement(QualifiedName target, boolean only, String alias, FromItem source, Expression on,
                             List<When> whens, With with, int position) implements Statement {
    public MergeStatement {
        whens = List.copyOf(whens);
    }

    /** This MERGE headed by {@code newWith}. */
    public MergeStatement withWith(With newWith) {
        return new MergeStatement(target, only, alias, source, on, whens, newWith, position);
    }

    /** The name the target is known by in the statement: its alias, else its own name. */
    public String targetName() {
        return alias != null ? alias : target.last();
    }

    /**
     * {@code WHEN [NOT] MATCHED [AND condition] THEN action}; {@code condition} is null when not written.
     * A MATCHED clause's action is an {@link Action.Update}, {@link Action.Delete} or {@link Action.DoNothing}; a
     * NOT MATCHED clause's an {@link Action.Insert} or {@link Action.DoNothing} (the parser sees to it).
     */
    public record When(boolean matched, Expression condition, Action action, int position) implements Node {
    }

    /** What a WHEN clause does with a row. */
    public sealed interface Action extends Node {
        /** {@code UPDATE SET assignments}, as UPDATE writes them. */
        record Update(List<UpdateStatement.Assignment> assignments, int position) implements Action {
            public Update {
                assignments = List.copyOf(assignments);
            }
        }

        /** {@code DELETE}. */
        record Delete(int position) implements Action {
        }

        /**
         * {@code INSERT [(columns)] [OVERRIDING ...] {VALUES (values) | DEFAULT VALUES}}: {@code columns} empty when
         * not written, {@code values} null for DEFAULT VALUES, {@code overriding} null without OVERRIDING.
         */
        record Insert(List<String> columns, List<Expression> values, InsertStatement.Overriding overriding,
                      int position) implements Action {
            public Insert {
                columns = List.copyOf(columns);
                values = values == null ? null : List.copyOf(values);
            }
        }

        /** {@code DO NOTHING}. */
        record DoNothing(int position) implements Action {
        }
    }
}
