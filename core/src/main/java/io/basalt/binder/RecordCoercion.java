package io.basalt.binder;

import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's coercions between composite types: an anonymous record (a ROW constructor) converts to a named
 * row type of as many fields, field by field, by assignment and by explicit cast; a named row type converts only
 * to itself (and to text, by the string rules of {@link Coercion}); two records meet in a comparison, UNION or
 * CASE when they have as many fields and each pair of fields meets.
 */
final class RecordCoercion {
    private RecordCoercion() {
    }

    static boolean assignable(LogicalType from, LogicalType to) {
        if (!from.isRecord() || !to.isRecord()) {
            return false;
        }
        if (from.equals(to) || from.record().fieldTypes().equals(to.record().fieldTypes())) {
            return true;
        }
        return from.record().isAnonymous() && fieldwise(from.record(), to.record(), false);
    }

    static boolean castable(LogicalType from, LogicalType to) {
        if (!from.isRecord() || !to.isRecord()) {
            return false;
        }
        return assignable(from, to) || fieldwise(from.record(), to.record(), true);
    }

    private static boolean fieldwise(RecordType from, RecordType to, boolean explicit) {
        if (from.size() != to.size()) {
            return false;
        }
        for (int i = 0; i < from.size(); i++) {
            LogicalType a = from.fieldTypes().get(i);
            LogicalType b = to.fieldTypes().get(i);
            if (!(explicit ? Coercion.castable(a, b) : Coercion.assignable(a, b))) {
                return false;
            }
        }
        return true;
    }

    /** The type two records are compared or combined as, or null when they do not meet. */
    static LogicalType commonType(LogicalType a, LogicalType b) {
        if (!a.isRecord() || !b.isRecord() || a.record().size() != b.record().size()) {
            return null;
        }
        if (a.equals(b)) {
            return a;
        }
        if (!a.record().isAnonymous() && b.record().isAnonymous() && assignable(b, a)) {
            return a;
        }
        if (a.record().isAnonymous() && !b.record().isAnonymous() && assignable(a, b)) {
            return b;
        }
        List<LogicalType> fields = new ArrayList<>(a.record().size());
        for (int i = 0; i < a.record().size(); i++) {
            LogicalType common = Coercion.commonType(a.record().fieldTypes().get(i), b.record().fieldTypes().get(i));
            if (common == null) {
                return null;
            }
            fields.add(common);
        }
        return LogicalType.recordOf(a.record().isAnonymous() ? RecordType.anonymous(fields)
                : new RecordType(null, a.record().fieldNames(), fields));
    }

    /**
     * A ROW constructor converted to another record type of as many fields by converting its fields (so that an
     * untyped literal field takes the target field's type), or null for any other expression or target.
     */
    static io.basalt.plan.expression.BoundExpression castConstructor(io.basalt.plan.expression.BoundExpression expression,
                                                                     LogicalType target) {
        if (!target.isRecord()
                || !(expression instanceof io.basalt.plan.expression.BoundExpression.Function function)
                || !(function.function() instanceof io.basalt.exec.function.record.RowConstructFunction)
                || function.arguments().size() != target.record().size()) {
            return null;
        }
        List<io.basalt.plan.expression.BoundExpression> fields = new ArrayList<>(function.arguments().size());
        for (int i = 0; i < function.arguments().size(); i++) {
            fields.add(Coercion.cast(function.arguments().get(i), target.record().fieldTypes().get(i), true));
        }
        return new io.basalt.plan.expression.BoundExpression.Function(function.function(), fields, target,
                function.position());
    }
}
