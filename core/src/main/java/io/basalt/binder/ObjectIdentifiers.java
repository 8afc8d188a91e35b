package io.basalt.binder;

import io.basalt.catalog.system.CatalogObjects;
import io.basalt.catalog.system.ObjectIdentifierFunction;
import io.basalt.catalog.system.ObjectIdentifierFunction.Kind;
import io.basalt.error.BasaltException;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sequence.SessionSequences;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/**
 * Binds the object-identifier types and the catalog functions: casts to and from regclass, regtype and
 * regnamespace (which Basalt holds as the object's name; an oid is a bigint), comparisons of such a name with an
 * oid (the name becomes its oid), and to_regclass, format_type, pg_get_constraintdef, pg_get_indexdef,
 * pg_get_expr, pg_table_is_visible, obj_description and col_description. Names are looked up in the catalog as the
 * statement sees it when it is bound; a call on constants is computed then, so that a missing relation in
 * {@code 'x'::regclass} fails at the literal's position, as in PostgreSQL.
 */
final class ObjectIdentifiers {
    private ObjectIdentifiers() {
    }

    private static boolean isIdentifier(LogicalType type) {
        return type.id() == TypeId.REGCLASS || type.id() == TypeId.REGTYPE || type.id() == TypeId.REGNAMESPACE;
    }

    private static CatalogObjects objects() {
        return CatalogObjects.of(SessionSequences.current().catalog());
    }

    /** The cast of {@code operand} to {@code target} when it involves an object-identifier type, else null. */
    static BoundExpression cast(BoundExpression operand, LogicalType target, int position) {
        LogicalType from = operand.type();
        if (isIdentifier(target) && from.id() != target.id()) {
            Kind kind;
            if (from.isIntegral()) {
                kind = switch (target.id()) {
                    case REGCLASS -> Kind.OID_TO_REGCLASS;
                    case REGTYPE -> Kind.OID_TO_REGTYPE;
                    default -> Kind.OID_TO_REGNAMESPACE;
                };
                operand = Coercion.cast(operand, LogicalType.BIGINT, false);
            } else if (from.isString()) {
                kind = switch (target.id()) {
                    case REGCLASS -> Kind.TEXT_TO_REGCLASS;
                    case REGTYPE -> Kind.TEXT_TO_REGTYPE;
                    default -> Kind.TEXT_TO_REGNAMESPACE;
                };
                operand = Coercion.cast(operand, LogicalType.TEXT, true);
            } else if (isIdentifier(from)) {
                operand = cast(operand, LogicalType.BIGINT, position);
                return cast(operand, target, position);
            } else {
                return null;
            }
            return call(kind, List.of(operand), target, position);
        }
        if (isIdentifier(from) && target.isIntegral()) {
            Kind kind = switch (from.id()) {
                case REGCLASS -> Kind.REGCLASS_TO_OID;
                case REGTYPE -> Kind.REGTYPE_TO_OID;
                default -> Kind.REGNAMESPACE_TO_OID;
            };
            BoundExpression oid = call(kind, List.of(Coercion.cast(operand, LogicalType.TEXT, true)),
                    LogicalType.BIGINT, position);
            return Coercion.cast(oid, target, true);
        }
        if (isIdentifier(from) && target.isString()) {
            return Coercion.cast(operand, target, true);
        }
        return null;
    }

    /** {@code expression} as an oid (bigint) when it is an object-identifier name, else itself. */
    static BoundExpression toOid(BoundExpression expression) {
        return isIdentifier(expression.type()) ? cast(expression, LogicalType.BIGINT, expression.position())
                : expression;
    }

    /** Whether a comparison of the two must compare oids: one is an object-identifier name, the other a number. */
    static boolean comparesOids(BoundExpression left, BoundExpression right) {
        return isIdentifier(left.type()) && right.type().isIntegral()
                || isIdentifier(right.type()) && left.type().isIntegral();
    }

    /** Whether {@code name} is one of the catalog functions bound here. */
    static boolean handles(String name) {
        return switch (name) {
            case "to_regclass", "format_type", "pg_get_constraintdef", "pg_get_indexdef", "pg_get_expr",
                 "pg_table_is_visible", "obj_description", "col_description", "shobj_description",
                 "pg_get_partkeydef", "pg_get_viewdef", "pg_get_partition_constraintdef" -> true;
            default -> false;
        };
    }

    static BoundExpression function(String name, List<BoundExpression> arguments, int position) {
        int count = arguments.size();
        return switch (name) {
            case "to_regclass" -> {
                require(name, arguments, count == 1 && arguments.get(0).type().isString(), position);
                yield call(Kind.TO_REGCLASS, List.of(Coercion.cast(arguments.get(0), LogicalType.TEXT, false)),
                        LogicalType.REGCLASS, position);
            }
            case "format_type" -> {
                require(name, arguments, count == 2 && oidLike(arguments.get(0)) && integral(arguments.get(1)),
                        position);
                yield call(Kind.FORMAT_TYPE, List.of(toOid(number(arguments.get(0))), number(arguments.get(1))),
                        LogicalType.TEXT, position);
            }
            case "pg_get_constraintdef" -> {
                require(name, arguments, (count == 1 || count == 2) && oidLike(arguments.get(0))
                        && (count == 1 || arguments.get(1).type().id() == TypeId.BOOLEAN
                        || arguments.get(1).type().id() == TypeId.UNKNOWN), position);
                List<BoundExpression> bound = new java.util.ArrayList<>();
                bound.add(toOid(number(arguments.get(0))));
                if (count == 2) {
                    bound.add(Coercion.cast(arguments.get(1), LogicalType.BOOLEAN, false));
                }
                yield call(Kind.CONSTRAINT_DEFINITION, bound, LogicalType.TEXT, position);
            }
            case "pg_get_indexdef" -> oidFunction(Kind.INDEX_DEFINITION, name, arguments, 3, LogicalType.TEXT,
                    position);
            case "pg_get_partkeydef" -> oidFunction(Kind.PARTITION_KEY_DEFINITION, name, arguments, 1,
                    LogicalType.TEXT, position);
            case "pg_get_partition_constraintdef" -> oidFunction(Kind.PARTITION_CONSTRAINT_DEFINITION, name,
                    arguments, 1, LogicalType.TEXT, position);
            case "pg_get_viewdef" -> {
                require(name, arguments, (count == 1 || count == 2) && (oidLike(arguments.get(0))
                        || arguments.get(0).type().isString()) && (count == 1
                        || arguments.get(1).type().id() == TypeId.BOOLEAN || integral(arguments.get(1))), position);
                List<BoundExpression> bound = new java.util.ArrayList<>();
                BoundExpression view = arguments.get(0);
                boolean byName = view.type().isString() || view.type().id() == TypeId.UNKNOWN;
                bound.add(byName ? Coercion.cast(view, LogicalType.TEXT, false) : toOid(number(view)));
                if (count == 2) {
                    // pg_get_viewdef(view, wrap column) is pretty as well
                    BoundExpression option = arguments.get(1);
                    bound.add(option.type().id() == TypeId.BOOLEAN ? option
                            : new BoundExpression.Constant(true, LogicalType.BOOLEAN, position));
                }
                yield call(Kind.VIEW_DEFINITION, bound, LogicalType.TEXT, position);
            }
            case "pg_table_is_visible" -> oidFunction(Kind.TABLE_IS_VISIBLE, name, arguments, 1,
                    LogicalType.BOOLEAN, position);
            case "pg_get_expr" -> {
                require(name, arguments, (count == 2 || count == 3) && arguments.get(0).type().isString()
                        && oidLike(arguments.get(1)), position);
                List<BoundExpression> bound = new java.util.ArrayList<>();
                bound.add(Coercion.cast(arguments.get(0), LogicalType.TEXT, false));
                if (count == 3) {
                    // pg_get_expr(expr, relation, pretty): the relation tells a default's column type
                    bound.add(toOid(number(arguments.get(1))));
                    bound.add(Coercion.cast(arguments.get(2), LogicalType.BOOLEAN, false));
                }
                yield call(Kind.EXPRESSION, bound, LogicalType.TEXT, position);
            }
            case "obj_description" -> {
                require(name, arguments, (count == 1 || count == 2) && oidLike(arguments.get(0))
                        && (count == 1 || arguments.get(1).type().isString()), position);
                List<BoundExpression> bound = count == 1 ? List.of(toOid(number(arguments.get(0))))
                        : List.of(toOid(number(arguments.get(0))), Coercion.cast(arguments.get(1), LogicalType.TEXT,
                        false));
                yield call(Kind.DESCRIPTION, bound, LogicalType.TEXT, position);
            }
            case "col_description" -> {
                require(name, arguments, count == 2 && oidLike(arguments.get(0)) && integral(arguments.get(1)),
                        position);
                yield call(Kind.COLUMN_DESCRIPTION, List.of(toOid(number(arguments.get(0))),
                        Coercion.cast(arguments.get(1), LogicalType.BIGINT, false)), LogicalType.TEXT, position);
            }
            default -> {
                require(name, arguments, count >= 1 && count <= 2 && oidLike(arguments.get(0)), position);
                yield new BoundExpression.Constant(null, LogicalType.TEXT, position);
            }
        };
    }

    private static BoundExpression oidFunction(Kind kind, String name, List<BoundExpression> arguments, int maximum,
                                               LogicalType result, int position) {
        require(name, arguments, !arguments.isEmpty() && arguments.size() <= maximum && oidLike(arguments.get(0)),
                position);
        return call(kind, List.of(toOid(number(arguments.get(0)))), result, position);
    }

    private static boolean oidLike(BoundExpression argument) {
        return argument.type().isIntegral() || isIdentifier(argument.type()) || argument.type().id() == TypeId.UNKNOWN;
    }

    private static boolean integral(BoundExpression argument) {
        return argument.type().isIntegral() || argument.type().id() == TypeId.UNKNOWN;
    }

    /** An untyped literal or integer as a bigint; other arguments as they are. */
    private static BoundExpression number(BoundExpression argument) {
        return argument.type().isIntegral() || argument.type().id() == TypeId.UNKNOWN
                ? Coercion.cast(argument, LogicalType.BIGINT, false) : argument;
    }

    private static void require(String name, List<BoundExpression> arguments, boolean matches, int position) {
        if (!matches) {
            throw Functions.undefined(name, arguments, position);
        }
    }

    /** A call of the function, computed at once when every argument is a constant. */
    private static BoundExpression call(Kind kind, List<BoundExpression> arguments, LogicalType result,
                                        int position) {
        ObjectIdentifierFunction function = new ObjectIdentifierFunction(kind, objects());
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(arguments.get(i) instanceof BoundExpression.Constant constant)) {
                return new BoundExpression.Function(function, arguments, result, position);
            }
            values[i] = constant.value();
        }
        try {
            return new BoundExpression.Constant(function.apply(values), result, position);
        } catch (BasaltException error) {
            // a name that finds nothing is reported at the name, as PostgreSQL reports it
            throw error.withPositionIfAbsent(arguments.getFirst().position());
        }
    }
}
