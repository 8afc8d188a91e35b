package io.basalt.routine.plpgsql;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * The variables of one call of a PL/pgSQL function, by slot: a scalar slot holds a
 * {@link BoundExpression.Constant} of the variable's type, a record slot a {@link RecordValue} (null until a row is
 * assigned to it). Slot numbers and names come from the compiled function.
 */
final class Frame {
    private final Object[] slots;
    private final List<String> names;
    private final List<VariableType> types;

    Frame(List<String> names, List<VariableType> types) {
        this.names = names;
        this.types = types;
        this.slots = new Object[names.size()];
        for (int slot = 0; slot < slots.length; slot++) {
            VariableType type = types.get(slot);
            slots[slot] = type.record() ? null : new BoundExpression.Constant(null, type.scalar(), 0);
        }
    }

    String name(int slot) {
        return names.get(slot);
    }

    VariableType type(int slot) {
        return types.get(slot);
    }

    BoundExpression.Constant scalar(int slot) {
        Object value = slots[slot];
        if (value instanceof BoundExpression.Constant constant) {
            return constant;
        }
        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "using record variable \"" + names.get(slot) + "\" as a value is not supported yet");
    }

    RecordValue record(int slot) {
        Object value = slots[slot];
        if (value instanceof RecordValue record) {
            return record;
        }
        if (value == null) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "record \"" + names.get(slot)
                    + "\" is not assigned yet").withDetail("The tuple structure of a not-yet-assigned record is"
                    + " indeterminate.");
        }
        throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"" + names.get(slot) + "\" is not a known variable");
    }

    /**
     * A field of a record variable. NEW and OLD where the event has no such row (OLD of INSERT, both in a statement
     * trigger) are NULL, as in PostgreSQL 11 and later, and so are their fields.
     */
    BoundExpression.Constant field(int slot, String field) {
        if (slots[slot] == null && (names.get(slot).equals("new") || names.get(slot).equals("old"))) {
            return new BoundExpression.Constant(null, LogicalType.UNKNOWN, 0);
        }
        return record(slot).get(field);
    }

    /**
     * A record variable's row as one composite value of its fields' names and types; NULL (of type record) while
     * the variable holds no row, as a trigger's OLD in an INSERT does.
     */
    BoundExpression.Constant whole(int slot) {
        if (!(slots[slot] instanceof RecordValue row)) {
            return new BoundExpression.Constant(null, LogicalType.recordOf(io.basalt.type.RecordType.anonymous(
                    List.of())), 0);
        }
        return new BoundExpression.Constant(io.basalt.type.RecordValue.of(row.values()), LogicalType.recordOf(
                new io.basalt.type.RecordType(null, row.names(), row.types())), 0);
    }

    /** Whether a record slot holds a row. */
    boolean assigned(int slot) {
        return slots[slot] != null;
    }

    Object raw(int slot) {
        return slots[slot];
    }

    /** Sets a scalar slot; {@code value} must have the variable's type already. */
    void setScalar(int slot, Object value, LogicalType type) {
        slots[slot] = new BoundExpression.Constant(value, type, 0);
    }

    void setRecord(int slot, RecordValue value) {
        slots[slot] = value == null ? null : value.renamed(names.get(slot));
    }
}
