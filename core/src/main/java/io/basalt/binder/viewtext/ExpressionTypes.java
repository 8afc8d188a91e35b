package io.basalt.binder.viewtext;

import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;

/**
 * The little type reasoning a view's text needs to print the casts PostgreSQL's analyzer adds: the common type of
 * two operands (the one an integer is widened to next to a numeric, a varchar read as text), and which operands an
 * operator converts. Unknown types are null and never cause a cast.
 */
final class ExpressionTypes {
    private ExpressionTypes() {
    }

    /** The type two values meet in, as PostgreSQL's operators resolve them; null when either is unknown. */
    static LogicalType common(LogicalType a, LogicalType b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.id() == b.id()) {
            return a;
        }
        if (a.isNumber() && b.isNumber()) {
            return rank(a) >= rank(b) ? a : b;
        }
        if (a.isString() && b.isString()) {
            return LogicalType.TEXT;
        }
        if (dateTimeRank(a) > 0 && dateTimeRank(b) > 0) {
            // date < timestamp < timestamptz, as PostgreSQL's preferred-type resolution in the datetime category
            return dateTimeRank(a) >= dateTimeRank(b) ? a : b;
        }
        return a;
    }

    private static int dateTimeRank(LogicalType type) {
        return switch (type.id()) {
            case DATE -> 1;
            case TIMESTAMP -> 2;
            case TIMESTAMPTZ -> 3;
            default -> 0;
        };
    }

    private static int rank(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> 1;
            case INTEGER -> 2;
            case BIGINT -> 3;
            case NUMERIC -> 4;
            case REAL -> 5;
            case DOUBLE -> 6;
            default -> 0;
        };
    }

    /**
     * The type an operand of type {@code own} is converted to next to one of type {@code other} under a binary
     * operator, or null when it is used as it is: integers of different widths have cross-type operators; an
     * integer next to a numeric or float widens; a varchar (or a char next to a non-char) is read as text.
     */
    static LogicalType operandCast(LogicalType own, LogicalType other) {
        if (own == null) {
            return null;
        }
        if (own.id() == TypeId.VARCHAR) {
            return LogicalType.TEXT;
        }
        if (other == null) {
            return null;
        }
        if (own.id() == TypeId.CHAR && other.isString() && other.id() != TypeId.CHAR) {
            return LogicalType.TEXT;
        }
        if (own.isNumber() && other.isNumber() && own.id() != other.id()) {
            boolean ownIntegral = own.isIntegral();
            boolean otherIntegral = other.isIntegral();
            if (ownIntegral && otherIntegral) {
                return null;
            }
            if (rank(other) > rank(own)) {
                return other.id() == TypeId.NUMERIC ? LogicalType.NUMERIC : other;
            }
        }
        return null;
    }

    /** The type a literal string next to an operand of type {@code other} is read as. */
    static LogicalType literalType(LogicalType other) {
        if (other == null || other.id() == TypeId.VARCHAR || other.id() == TypeId.UNKNOWN) {
            return LogicalType.TEXT;
        }
        if (other.id() == TypeId.CHAR) {
            return LogicalType.BPCHAR;
        }
        if (other.id() == TypeId.NUMERIC) {
            return LogicalType.NUMERIC;
        }
        return other;
    }

    /** Whether the operator compares or tests (its result is boolean). */
    static boolean isComparison(String operator) {
        return switch (operator) {
            case "=", "<>", "!=", "<", "<=", ">", ">=", "~~", "~~*", "!~~", "!~~*", "~", "~*", "!~", "!~*", "@>",
                 "<@", "&&", "?", "?|", "?&" -> true;
            default -> false;
        };
    }
}
