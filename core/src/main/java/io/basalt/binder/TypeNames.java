package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.TypeName;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.Set;

/** Turns a written type ({@code numeric(10,2)}, {@code varchar(100)}) into a {@link LogicalType}. */
public final class TypeNames {
    /** PostgreSQL types Basalt will support but does not yet: a clear 0A000 rather than "does not exist". */
    private static final Set<String> NOT_YET = Set.of("character", "text[]",
            "time with time zone", "time without time zone", "time", "timetz",
            "json", "jsonb", "serial", "bigserial", "smallserial", "money", "inet", "cidr", "macaddr",
            "bit", "bit varying", "xml", "point", "tsvector", "tsquery", "jsonpath", "oid", "name", "char");

    private TypeNames() {
    }

    public static LogicalType resolve(TypeName type) {
        if (type.arrayDimensions() > 0) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, type.position(),
                    "array types are not supported yet");
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
            case "character varying", "varchar" ->
                    modifiers.isEmpty() ? LogicalType.VARCHAR : LogicalType.varchar(modifiers.getFirst());
            case "date" -> LogicalType.DATE;
            case "real", "float4" -> LogicalType.REAL;
            case "timestamp without time zone", "timestamp" -> LogicalType.TIMESTAMP;
            case "timestamp with time zone", "timestamptz" -> LogicalType.TIMESTAMPTZ;
            case "interval" -> LogicalType.INTERVAL;
            case "uuid" -> LogicalType.UUID;
            case "bytea" -> LogicalType.BYTEA;
            default -> {
                if (NOT_YET.contains(type.name())) {
                    throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, type.position(),
                            "type " + type.name() + " is not supported yet");
                }
                throw BasaltException.at(SqlState.UNDEFINED_OBJECT, type.position(),
                        "type \"" + type.name() + "\" does not exist");
            }
        };
        if (!modifiers.isEmpty() && !(resolved.isNumeric() || resolved.id() == io.basalt.type.TypeId.VARCHAR)) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, type.position(),
                    "type modifier is not allowed for type \"" + type.name() + "\"");
        }
        return resolved;
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
