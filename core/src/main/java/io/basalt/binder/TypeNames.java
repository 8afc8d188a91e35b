package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.TypeName;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.IntervalFields;
import java.util.List;
import java.util.Set;

/**
 * Turns a written type ({@code numeric(10,2)}, {@code varchar(100)}) into a {@link LogicalType}. {@code name}
 * is read as text for now (see below).
 */
public final class TypeNames {
    /** PostgreSQL types Basalt will support but does not yet: a clear 0A000 rather than "does not exist". */
    private static final Set<String> NOT_YET = Set.of(
            "time with time zone", "time without time zone", "time", "timetz",
            "serial", "bigserial", "smallserial", "money", "inet", "cidr", "macaddr",
            "bit", "bit varying", "xml", "tsvector", "tsquery", "char");

    private TypeNames() {
    }

    private static LogicalType character(int length, TypeName type) {
        try {
            return LogicalType.character(length);
        } catch (BasaltException invalid) {
            throw invalid.withPositionIfAbsent(type.position());
        }
    }

    public static LogicalType resolve(TypeName type) {
        if (type.arrayDimensions() > 0) {
            // PostgreSQL ignores the number of dimensions written: int[][] is the same type as int[].
            return LogicalType.arrayOf(resolve(new TypeName(type.name(), type.modifiers(), 0, type.position())));
        }
        if (type.name().startsWith("_") && type.name().length() > 1) {
            // PostgreSQL's internal name of an array type: _int4 is int4[]
            LogicalType element;
            try {
                element = resolve(new TypeName(type.name().substring(1), type.modifiers(), 0, type.position()));
            } catch (BasaltException notAType) {
                throw BasaltException.at(SqlState.UNDEFINED_OBJECT, type.position(),
                        "type \"" + type.name() + "\" does not exist");
            }
            return LogicalType.arrayOf(element);
        }
        List<Integer> modifiers = type.modifiers();
        LogicalType resolved = switch (type.name()) {
            case "boolean", "bool" -> LogicalType.BOOLEAN;
            case "smallint", "int2" -> LogicalType.SMALLINT;
            case "integer", "int", "int4" -> LogicalType.INTEGER;
            case "bigint", "int8" -> LogicalType.BIGINT;
            case "double precision", "float8", "float" -> LogicalType.DOUBLE;
            case "numeric", "decimal" -> numeric(type);
            case "text" -> LogicalType.TEXT;
            // PostgreSQL's identifier type, which its regression data uses for ordinary strings. Basalt has no
            // type of its own for it yet and reads it as text: values compare and print alike (in the C locale),
            // but longer values are not cut to 63 bytes and \d and pg_typeof say text.
            case "name" -> LogicalType.TEXT;
            // PostgreSQL's type of an untyped literal: a value cast to it is resolved as text wherever its type
            // must be fixed (a view's or a table's column, an operator's argument), as PostgreSQL resolves it
            case "unknown" -> LogicalType.TEXT;
            case "character varying", "varchar" ->
                    modifiers.isEmpty() ? LogicalType.VARCHAR : LogicalType.varchar(modifiers.getFirst());
            // CHARACTER without a length is CHARACTER(1) in a column; the parser says so, and leaves it out for a
            // cast or typed literal, where it is bpchar without a length.
            case "character", "bpchar" -> modifiers.isEmpty() ? LogicalType.BPCHAR : character(modifiers.getFirst(), type);
            case "date" -> LogicalType.DATE;
            case "real", "float4" -> LogicalType.REAL;
            case "timestamp without time zone", "timestamp" -> dateTime(TypeId.TIMESTAMP, modifiers);
            case "timestamp with time zone", "timestamptz" -> dateTime(TypeId.TIMESTAMPTZ, modifiers);
            case "interval" -> dateTime(TypeId.INTERVAL, modifiers);
            case "time without time zone", "time" -> dateTime(TypeId.TIME, modifiers);
            case "time with time zone", "timetz" -> dateTime(TypeId.TIMETZ, modifiers);
            case "uuid" -> LogicalType.UUID;
            case "bytea" -> LogicalType.BYTEA;
            case "json" -> LogicalType.JSON;
            case "jsonb" -> LogicalType.JSONB;
            case "jsonpath" -> LogicalType.JSONPATH;
            case "tsvector" -> LogicalType.TSVECTOR;
            case "tsquery" -> LogicalType.TSQUERY;
            case "pg_lsn" -> LogicalType.PG_LSN;
            case "regclass" -> LogicalType.REGCLASS;
            case "regtype" -> LogicalType.REGTYPE;
            case "regnamespace" -> LogicalType.REGNAMESPACE;
            case "point" -> LogicalType.POINT;
            case "lseg" -> LogicalType.LSEG;
            case "path" -> LogicalType.PATH;
            case "box" -> LogicalType.BOX;
            case "polygon" -> LogicalType.POLYGON;
            case "line" -> LogicalType.LINE;
            case "circle" -> LogicalType.CIRCLE;
            case "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange" ->
                    LogicalType.rangeOf(io.basalt.type.range.RangeType.builtin(type.name()));
            // PostgreSQL's unsigned 32-bit object identifier: Basalt's catalogs give oids as bigint
            case "oid" -> LogicalType.BIGINT;
            // PostgreSQL's 32-bit transaction id: Basalt's transaction ids (pg_locks.transactionid,
            // pg_current_xact_id()) are bigint, so xid reads as bigint like oid above
            case "xid" -> LogicalType.BIGINT;
            default -> {
                java.util.Optional<io.basalt.catalog.UserType> user = UserTypeNames.find(type.name());
                if (user.isPresent()) {
                    TypeUsage.named(user.get());
                    yield user.get().valueType();
                }
                java.util.Optional<LogicalType> rowType = UserTypeNames.tableRowType(type.name());
                if (rowType.isPresent()) {
                    yield rowType.get();
                }
                if (type.name().equals("record")) {
                    yield LogicalType.recordOf(io.basalt.type.RecordType.anonymous(List.of()));
                }
                if (type.name().startsWith("interval ")) {
                    int fields = IntervalFields.parse(type.name().substring("interval ".length()));
                    if (fields > 0) {
                        LogicalType interval = dateTime(TypeId.INTERVAL, modifiers);
                        yield new LogicalType(TypeId.INTERVAL, interval.precision(), fields);
                    }
                }
                if (NOT_YET.contains(type.name())) {
                    throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, type.position(),
                            "type " + type.name() + " is not supported yet");
                }
                throw BasaltException.at(SqlState.UNDEFINED_OBJECT, type.position(),
                        "type \"" + type.name() + "\" does not exist");
            }
        };
        if (!modifiers.isEmpty() && !(resolved.isNumeric() || resolved.id() == TypeId.VARCHAR
                || resolved.id() == TypeId.CHAR || resolved.id() == TypeId.TIMESTAMP || resolved.id() == TypeId.TIMESTAMPTZ
                || resolved.isTimeOfDay()
                || resolved.id() == TypeId.INTERVAL)) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, type.position(),
                    "type modifier is not allowed for type \"" + type.name() + "\"");
        }
        return resolved;
    }

    /**
     * TIME(p), TIMETZ(p), TIMESTAMP(p), TIMESTAMPTZ(p), INTERVAL(p): fractional-second digits kept. PostgreSQL lowers a precision
     * above 6 to 6 (with a warning, which Basalt does not send yet).
     */
    private static LogicalType dateTime(TypeId id, List<Integer> modifiers) {
        if (modifiers.isEmpty()) {
            return new LogicalType(id, -1, 0);
        }
        if (modifiers.size() > 1) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier");
        }
        int precision = modifiers.getFirst();
        if (precision < 0) {
            String name = switch (id) {
                case INTERVAL -> "INTERVAL(" + precision + ")";
                case TIMESTAMP -> "TIMESTAMP(" + precision + ")";
                case TIME -> "TIME(" + precision + ")";
                case TIMETZ -> "TIME(" + precision + ") WITH TIME ZONE";
                default -> "TIMESTAMP(" + precision + ") WITH TIME ZONE";
            };
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, name + " precision must not be negative");
        }
        return new LogicalType(id, Math.min(precision, IntervalFields.MAX_PRECISION), 0);
    }

    private static LogicalType numeric(TypeName type) {
        List<Integer> modifiers = type.modifiers();
        try {
            return switch (modifiers.size()) {
                case 0 -> LogicalType.NUMERIC;
                case 1 -> LogicalType.numeric(modifiers.get(0), 0);
                case 2 -> LogicalType.numeric(modifiers.get(0), modifiers.get(1));
                default -> throw BasaltException.of(SqlState.SYNTAX_ERROR, "invalid NUMERIC type modifier");
            };
        } catch (BasaltException invalid) {
            throw invalid.withPositionIfAbsent(type.position());
        }
    }
}
