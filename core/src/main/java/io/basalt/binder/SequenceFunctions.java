package io.basalt.binder;

import io.basalt.catalog.SequenceEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sequence.LastvalFunction;
import io.basalt.sequence.SequenceFunction;
import io.basalt.sequence.SequenceNames;
import io.basalt.sequence.SessionSequences;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.TypeName;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code nextval(regclass)}, {@code currval(regclass)}, {@code setval(regclass, bigint [, boolean])} and
 * {@code lastval()} against the session running the statement ({@link SessionSequences#current()}), and
 * {@code pg_get_serial_sequence(table, column)}.
 *
 * <p>Basalt has no regclass type; the sequence argument takes PostgreSQL's two usual forms. A string constant
 * ({@code 'name'} or {@code 'name'::regclass}) names the sequence when the call is bound, so a missing sequence is
 * an error at the constant's position, as PostgreSQL reports it. A text value ({@code 'name'::text}, a column) is
 * looked up per row at execution time. Any other argument type has no matching function (42883).
 */
final class SequenceFunctions {
    private SequenceFunctions() {
    }

    /** Whether {@code name} is one of the sequence functions. */
    static boolean handles(String name) {
        return name.equals("nextval") || name.equals("currval") || name.equals("setval") || name.equals("lastval")
                || name.equals("pg_get_serial_sequence");
    }

    static BoundExpression bind(String name, Expression.FunctionCall call, ExpressionBinder binder) {
        int position = call.position();
        SessionSequences session = SessionSequences.current();
        List<Expression> arguments = call.arguments();
        if (name.equals("lastval")) {
            if (!arguments.isEmpty()) {
                throw Functions.undefined(name, bindAll(arguments, binder), position);
            }
            return new BoundExpression.Function(new LastvalFunction(session), List.of(), LogicalType.BIGINT, position);
        }
        if (name.equals("pg_get_serial_sequence")) {
            return serialSequence(bindAll(arguments, binder), session, position);
        }
        boolean setval = name.equals("setval");
        int minimum = setval ? 2 : 1;
        int maximum = setval ? 3 : 1;
        if (arguments.size() < minimum || arguments.size() > maximum) {
            throw Functions.undefined(name, bindAll(arguments, binder), position);
        }
        SequenceFunction.Kind kind = switch (name) {
            case "nextval" -> SequenceFunction.Kind.NEXTVAL;
            case "currval" -> SequenceFunction.Kind.CURRVAL;
            default -> SequenceFunction.Kind.SETVAL;
        };
        Expression target = arguments.getFirst();
        String regclassConstant = regclassConstant(target);
        List<BoundExpression> bound = new ArrayList<>();
        bound.add(regclassConstant != null ? new BoundExpression.Constant(regclassConstant, LogicalType.UNKNOWN,
                target.position()) : binder.bind(target));
        for (int i = 1; i < arguments.size(); i++) {
            bound.add(binder.bind(arguments.get(i)));
        }
        BoundExpression sequenceArgument = bound.getFirst();
        if (!sequenceArgument.type().isString()) {
            throw Functions.undefined(name, bound, position);
        }
        List<BoundExpression> callArguments = new ArrayList<>();
        SequenceEntry fixed = null;
        if (sequenceArgument instanceof BoundExpression.Constant constant && constant.type().id() == TypeId.UNKNOWN) {
            if (constant.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.BIGINT, position);
            }
            try {
                fixed = SequenceNames.resolve(session.catalog(), (String) constant.value());
            } catch (BasaltException failure) {
                throw failure.withPositionIfAbsent(constant.position());
            }
        } else {
            callArguments.add(Coercion.cast(sequenceArgument, LogicalType.TEXT, false));
        }
        if (fixed != null) {
            RelationAccess.sequenceCall(fixed, kind);
        }
        if (setval) {
            if (!implicitlyBigint(bound.get(1).type())
                    || (bound.size() == 3 && !implicitlyBoolean(bound.get(2).type()))) {
                throw Functions.undefined(name, bound, position);
            }
            callArguments.add(Coercion.cast(bound.get(1), LogicalType.BIGINT, false));
            if (bound.size() == 3) {
                callArguments.add(Coercion.cast(bound.get(2), LogicalType.BOOLEAN, false));
            }
        }
        return new BoundExpression.Function(new SequenceFunction(kind, fixed, session), callArguments,
                LogicalType.BIGINT, position);
    }

    /**
     * {@code pg_get_serial_sequence(table, column)}: the schema-qualified name of the sequence the column owns (a
     * serial or identity column's, or one created OWNED BY it), or NULL. The table name is read as nextval reads
     * a sequence name; the column name is taken as written. Both must be constants, resolved when bound.
     */
    private static BoundExpression serialSequence(List<BoundExpression> arguments, SessionSequences session,
                                                  int position) {
        if (arguments.size() != 2 || !arguments.get(0).type().isString() || !arguments.get(1).type().isString()) {
            throw Functions.undefined("pg_get_serial_sequence", arguments, position);
        }
        if (!(arguments.get(0) instanceof BoundExpression.Constant table)
                || !(arguments.get(1) instanceof BoundExpression.Constant column)) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                    "pg_get_serial_sequence with arguments that are not constants is not supported yet");
        }
        if (table.value() == null || column.value() == null) {
            return new BoundExpression.Constant(null, LogicalType.TEXT, position);
        }
        io.basalt.catalog.TableEntry entry = SequenceNames.resolveTable(session.catalog(), (String) table.value());
        String columnName = (String) column.value();
        if (entry.columnIndex(columnName) < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + columnName + "\" of relation \""
                    + entry.name() + "\" does not exist");
        }
        for (SequenceEntry sequence : session.catalog().sequencesOwnedBy(entry.schema(), entry.name())) {
            if (sequence.owner().column().equals(columnName)) {
                return new BoundExpression.Constant(SequenceNames.quoted(sequence.schema()) + "."
                        + SequenceNames.quoted(sequence.name()), LogicalType.TEXT, position);
            }
        }
        return new BoundExpression.Constant(null, LogicalType.TEXT, position);
    }

    /** The string of {@code 'name'::regclass} or {@code regclass 'name'}, else null. */
    private static String regclassConstant(Expression argument) {
        return switch (argument) {
            case Expression.Cast cast when isRegclass(cast.type())
                    && cast.operand() instanceof Expression.StringLiteral literal -> literal.value();
            case Expression.TypedLiteral literal when isRegclass(literal.type()) -> literal.value();
            case Expression.Cast cast when isRegclass(cast.type()) -> throw BasaltException.at(
                    SqlState.FEATURE_NOT_SUPPORTED, cast.position(),
                    "regclass values other than string constants are not supported yet");
            default -> null;
        };
    }

    private static boolean isRegclass(TypeName type) {
        return type.name().equals("regclass") && type.arrayDimensions() == 0;
    }

    private static boolean implicitlyBigint(LogicalType type) {
        TypeId id = type.id();
        return id == TypeId.UNKNOWN || id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT;
    }

    private static boolean implicitlyBoolean(LogicalType type) {
        return type.id() == TypeId.UNKNOWN || type.id() == TypeId.BOOLEAN;
    }

    private static List<BoundExpression> bindAll(List<Expression> arguments, ExpressionBinder binder) {
        List<BoundExpression> bound = new ArrayList<>();
        for (Expression argument : arguments) {
            bound.add(binder.bind(argument));
        }
        return bound;
    }
}
