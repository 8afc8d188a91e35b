package io.basalt.sql.ast;

/**
 * One option of CREATE SEQUENCE, ALTER SEQUENCE or an identity column's {@code (sequence options)}, as
 * PostgreSQL's {@code SeqOptElem} writes it. {@code NO MINVALUE} and {@code NO MAXVALUE} are bounds whose
 * {@code value} is null; {@code RESTART} without a value restarts at the START value (null). Numbers are
 * already checked to fit in a bigint. Every option keeps its position, where PostgreSQL reports
 * "conflicting or redundant options".
 */
public sealed interface SequenceOption extends Node {
    /** {@code AS type}: the sequence's data type. */
    record AsType(TypeName type, int position) implements SequenceOption {
    }

    /** {@code INCREMENT [BY] n}. */
    record Increment(long value, int position) implements SequenceOption {
    }

    /** {@code MINVALUE n} or {@code NO MINVALUE} (value null). */
    record MinValue(Long value, int position) implements SequenceOption {
    }

    /** {@code MAXVALUE n} or {@code NO MAXVALUE} (value null). */
    record MaxValue(Long value, int position) implements SequenceOption {
    }

    /** {@code START [WITH] n}. */
    record Start(long value, int position) implements SequenceOption {
    }

    /** {@code RESTART [[WITH] n]}; value null restarts at the START value. */
    record Restart(Long value, int position) implements SequenceOption {
    }

    /** {@code CACHE n}. */
    record Cache(long value, int position) implements SequenceOption {
    }

    /** {@code CYCLE} or {@code NO CYCLE}. */
    record Cycle(boolean cycle, int position) implements SequenceOption {
    }

    /** {@code OWNED BY table.column}, or {@code OWNED BY NONE} ({@code column} null). */
    record OwnedBy(QualifiedName column, int position) implements SequenceOption {
    }

    /** {@code SEQUENCE NAME name}: only an identity column may name its sequence. */
    record SequenceName(QualifiedName name, int position) implements SequenceOption {
    }
}
