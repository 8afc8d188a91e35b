package io.basalt.engine;

import io.basalt.binder.TypeNames;
import io.basalt.catalog.SequenceOptions;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.SequenceOption;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the written options of CREATE SEQUENCE, ALTER SEQUENCE or an identity column to a sequence's
 * parameters, with PostgreSQL's defaults and checks in PostgreSQL's order (its {@code init_params}): the type
 * (smallint, integer or bigint; bigint by default), INCREMENT (1; never 0), CYCLE (no), MAXVALUE and MINVALUE
 * (the type's range in the direction of the increment, else -1 or 1), each within the type, MINVALUE below
 * MAXVALUE, START (the bound the sequence starts from) within the bounds, RESTART (or the current value) within
 * the bounds, CACHE (1; positive). ALTER changes only what it names; {@code NO MINVALUE} / {@code NO MAXVALUE}
 * return a bound to its default, and a changed type carries bounds that were the old type's limits over to the
 * new type's. Every check fails with 22023 and PostgreSQL's message; an option given twice with 42601.
 */
final class SequenceDefinition {
    /** The outcome: the parameters, where the sequence goes next, and the OWNED BY clause if one was given. */
    record Result(SequenceOptions options, Long restartValue, SequenceOption.OwnedBy ownedBy,
                  QualifiedName sequenceName) {
    }

    private SequenceDefinition() {
    }

    /**
     * @param current the parameters before ALTER, or null when the sequence is being created
     * @param currentValue the sequence's last_value before ALTER (ignored when creating)
     * @param identityType the column type of an identity column's sequence, or null for CREATE / ALTER SEQUENCE
     * @return the new parameters; {@code restartValue} is the new last_value when RESTART was given or the
     *     sequence is new, else null
     */
    static Result apply(SequenceOptions current, long currentValue, List<SequenceOption> written,
                        LogicalType identityType) {
        boolean creating = current == null;
        SequenceOption.AsType asType = null;
        SequenceOption.Increment increment = null;
        SequenceOption.Cycle cycle = null;
        SequenceOption.MaxValue maxValue = null;
        SequenceOption.MinValue minValue = null;
        SequenceOption.Start start = null;
        SequenceOption.Restart restart = null;
        SequenceOption.Cache cache = null;
        SequenceOption.OwnedBy ownedBy = null;
        SequenceOption.SequenceName sequenceName = null;
        Set<Class<?>> seen = new HashSet<>();
        if (identityType != null) {
            seen.add(SequenceOption.AsType.class);
        }
        for (SequenceOption option : written) {
            if (!seen.add(option.getClass())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(), "conflicting or redundant options");
            }
            switch (option) {
                case SequenceOption.AsType o -> asType = o;
                case SequenceOption.Increment o -> increment = o;
                case SequenceOption.Cycle o -> cycle = o;
                case SequenceOption.MaxValue o -> maxValue = o;
                case SequenceOption.MinValue o -> minValue = o;
                case SequenceOption.Start o -> start = o;
                case SequenceOption.Restart o -> restart = o;
                case SequenceOption.Cache o -> cache = o;
                case SequenceOption.OwnedBy o -> ownedBy = o;
                case SequenceOption.SequenceName o -> {
                    if (identityType == null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, o.position(),
                                "invalid sequence option SEQUENCE NAME");
                    }
                    sequenceName = o;
                }
            }
        }

        LogicalType type = creating ? LogicalType.BIGINT : current.type();
        boolean resetMax = false;
        boolean resetMin = false;
        if (identityType != null) {
            type = identityType;
        } else if (asType != null) {
            LogicalType newType = sequenceType(asType);
            if (!creating) {
                resetMax = current.maxValue() == typeMax(current.type());
                resetMin = current.minValue() == typeMin(current.type());
            }
            type = newType;
        }
        long step = creating ? 1 : current.increment();
        if (increment != null) {
            step = increment.value();
            if (step == 0) {
                throw invalid("INCREMENT must not be zero");
            }
        }
        boolean cycles = cycle != null ? cycle.cycle() : !creating && current.cycle();
        long max = creating ? 0 : current.maxValue();
        if (maxValue != null && maxValue.value() != null) {
            max = maxValue.value();
        } else if (creating || maxValue != null || resetMax) {
            max = step > 0 || resetMax ? typeMax(type) : -1;
        }
        if (max < typeMin(type) || max > typeMax(type)) {
            throw invalid("MAXVALUE (" + max + ") is out of range for sequence data type " + type.displayName());
        }
        long min = creating ? 0 : current.minValue();
        if (minValue != null && minValue.value() != null) {
            min = minValue.value();
        } else if (creating || minValue != null || resetMin) {
            min = step < 0 || resetMin ? typeMin(type) : 1;
        }
        if (min < typeMin(type) || min > typeMax(type)) {
            throw invalid("MINVALUE (" + min + ") is out of range for sequence data type " + type.displayName());
        }
        if (min >= max) {
            throw invalid("MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
        }
        long first = start != null ? start.value() : creating ? (step > 0 ? min : max) : current.start();
        if (first < min) {
            throw invalid("START value (" + first + ") cannot be less than MINVALUE (" + min + ")");
        }
        if (first > max) {
            throw invalid("START value (" + first + ") cannot be greater than MAXVALUE (" + max + ")");
        }
        Long restartValue = null;
        if (restart != null) {
            restartValue = restart.value() != null ? restart.value() : first;
        } else if (creating) {
            restartValue = first;
        }
        long next = restartValue != null ? restartValue : currentValue;
        if (next < min) {
            throw invalid("RESTART value (" + next + ") cannot be less than MINVALUE (" + min + ")");
        }
        if (next > max) {
            throw invalid("RESTART value (" + next + ") cannot be greater than MAXVALUE (" + max + ")");
        }
        long cacheSize = creating ? 1 : current.cache();
        if (cache != null) {
            cacheSize = cache.value();
            if (cacheSize <= 0) {
                throw invalid("CACHE (" + cacheSize + ") must be greater than zero");
            }
        }
        SequenceOptions options = new SequenceOptions(type, step, min, max, first, cacheSize, cycles);
        return new Result(options, restartValue, ownedBy, sequenceName == null ? null : sequenceName.name());
    }

    /** The type of {@code AS type}: smallint, integer or bigint. */
    private static LogicalType sequenceType(SequenceOption.AsType asType) {
        String name = asType.type().name();
        if (name.equals("serial") || name.equals("bigserial") || name.equals("smallserial")) {
            // PostgreSQL's serial types exist only in column definitions.
            throw BasaltException.at(SqlState.UNDEFINED_OBJECT, asType.type().position(),
                    "type \"" + name + "\" does not exist");
        }
        LogicalType type;
        try {
            type = TypeNames.resolve(asType.type());
        } catch (BasaltException notYet) {
            if (notYet.sqlState() != SqlState.FEATURE_NOT_SUPPORTED) {
                throw notYet;
            }
            type = LogicalType.TEXT;
        }
        if (!isSequenceType(type)) {
            throw invalid("sequence type must be smallint, integer, or bigint");
        }
        return type;
    }

    static boolean isSequenceType(LogicalType type) {
        TypeId id = type.id();
        return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT;
    }

    static long typeMax(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    static long typeMin(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, message);
    }
}
