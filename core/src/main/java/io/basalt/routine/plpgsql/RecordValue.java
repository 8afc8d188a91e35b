package io.basalt.routine.plpgsql;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A row held by a record variable: its field names and types and (mutable) values, canonical as
 * {@code ValueAccess} defines them. NEW of a row trigger is one; the trigger's change to it is what the row
 * becomes.
 */
public final class RecordValue {
    private final String variable;
    private final List<String> names;
    private final List<LogicalType> types;
    private final Object[] values;

    public RecordValue(String variable, List<String> names, List<LogicalType> types, Object[] values) {
        this.variable = variable;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.values = values.clone();
    }

    public List<String> names() {
        return names;
    }

    public List<LogicalType> types() {
        return types;
    }

    /** A copy of the values, in field order. */
    public Object[] values() {
        return values.clone();
    }

    /** This record's values under another variable's name (what assigning it to a variable makes). */
    RecordValue renamed(String newVariable) {
        return new RecordValue(newVariable, names, types, values);
    }

    int field(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                    "record \"" + variable + "\" has no field \"" + name + "\"");
        }
        return index;
    }

    BoundExpression.Constant get(String name) {
        int index = field(name);
        return new BoundExpression.Constant(values[index], types.get(index), 0);
    }

    LogicalType typeOf(String name) {
        return types.get(field(name));
    }

    void set(String name, Object value) {
        values[field(name)] = value;
    }
}
