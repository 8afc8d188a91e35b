package io.basalt.engine;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.SystemColumns;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.VolatileCalls;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineCallFunction;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionSpec;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's checks on one key of {@code PARTITION BY}, in its order: no system column, no pseudo-type (a row or an
 * unknown literal), only immutable functions (checked after SQL functions are inlined, as PostgreSQL does), not a
 * constant, and a type with an operator class of the strategy's access method ({@code btree} for range and list,
 * {@code hash} for hash), of which a named operator class must be one of the built-in ones.
 */
final class PartitionKeyChecks {
    /** PostgreSQL's built-in operator classes of btree and of hash that a Basalt type can have. */
    private static final Set<String> BTREE_CLASSES = Set.of("array_ops", "bit_ops", "bool_ops", "bpchar_ops",
            "bpchar_pattern_ops", "bytea_ops", "char_ops", "cidr_ops", "date_ops", "enum_ops", "float4_ops",
            "float8_ops", "inet_ops", "int2_ops", "int4_ops", "int8_ops", "interval_ops", "jsonb_ops", "macaddr8_ops",
            "macaddr_ops", "money_ops", "multirange_ops", "name_ops", "numeric_ops", "oid_ops", "oidvector_ops",
            "pg_lsn_ops", "range_ops", "record_image_ops", "record_ops", "text_ops", "text_pattern_ops", "tid_ops",
            "time_ops", "timestamp_ops", "timestamptz_ops", "timetz_ops", "tsquery_ops", "tsvector_ops", "uuid_ops",
            "varbit_ops", "varchar_ops", "varchar_pattern_ops", "xid8_ops");
    private static final Set<String> HASH_CLASSES = Set.of("aclitem_ops", "array_ops", "bool_ops", "bpchar_ops",
            "bpchar_pattern_ops", "bytea_ops", "char_ops", "cid_ops", "cidr_ops", "date_ops", "enum_ops",
            "float4_ops", "float8_ops", "inet_ops", "int2_ops", "int4_ops", "int8_ops", "interval_ops", "jsonb_ops",
            "macaddr8_ops", "macaddr_ops", "multirange_ops", "name_ops", "numeric_ops", "oid_ops", "oidvector_ops",
            "pg_lsn_ops", "range_ops", "record_ops", "text_ops", "text_pattern_ops", "tid_ops", "time_ops",
            "timestamp_ops", "timestamptz_ops", "timetz_ops", "uuid_ops", "varchar_ops", "varchar_pattern_ops",
            "xid8_ops", "xid_ops");
    /** Built-in operator classes of other access methods (gist, spgist, gin, brin) that a key may name by mistake. */
    private static final Set<String> OTHER_CLASSES = Set.of("box_ops", "box_inclusion_ops", "circle_ops",
            "inet_inclusion_ops", "jsonb_path_ops", "kd_point_ops", "point_ops", "poly_ops", "quad_point_ops",
            "range_inclusion_ops");

    private static final List<String> VOLATILE_BUILT_INS = List.of("random", "gen_random_uuid", "clock_timestamp",
            "timeofday", "setseed", "nextval", "setval", "now", "current_timestamp", "statement_timestamp");

    private PartitionKeyChecks() {
    }

    /** Fails when a key written as a bare column names a system column that is not one of the table's columns. */
    static void refuseSystemColumn(Expression key, List<ColumnEntry> columns) {
        if (key instanceof Expression.ColumnRef ref && ref.parts().size() == 1
                && SystemColumns.isSystemName(ref.parts().getFirst())) {
            for (ColumnEntry column : columns) {
                if (column.name().equals(ref.parts().getFirst())) {
                    return;
                }
            }
            throw BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION, ref.position(),
                    "cannot use system column \"" + ref.parts().getFirst() + "\" in partition key");
        }
    }

    /** The checks on the bound key number {@code ordinal} (from 1). */
    static void check(Expression key, BoundExpression bound, int ordinal, String strategy,
                      PartitionSpec.KeyOptions options) {
        LogicalType type = bound.type();
        if (type.id() == TypeId.RECORD || key instanceof Expression.StringLiteral) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, "partition key column " + ordinal
                    + " has pseudo-type " + (type.id() == TypeId.RECORD ? "record" : "unknown"));
        }
        if (!(key instanceof Expression.ColumnRef)) {
            if (mutable(bound)) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                        "functions in partition key expression must be marked IMMUTABLE");
            }
            BitSet references = new BitSet();
            ColumnReferences.collect(bound, references);
            if (references.isEmpty()) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                        "cannot use constant expression as partition key");
            }
        }
        String method = strategy.equals("hash") ? "hash" : "btree";
        String operatorClass = options.operatorClass();
        if (operatorClass != null) {
            boolean known = method.equals("hash") ? HASH_CLASSES.contains(operatorClass)
                    : BTREE_CLASSES.contains(operatorClass);
            if (!known && (OTHER_CLASSES.contains(operatorClass) || BTREE_CLASSES.contains(operatorClass)
                    || HASH_CLASSES.contains(operatorClass))) {
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "operator class \"" + operatorClass
                        + "\" does not exist for access method \"" + method + "\"");
            }
            return;
        }
        if (!ordered(type)) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "data type " + type.displayName()
                            + " has no default operator class for access method \"" + method + "\"")
                    .withHint("You must specify a " + method + " operator class or define a default " + method
                            + " operator class for the data type.");
        }
    }

    /**
     * Whether the key calls a function that is not immutable. A LANGUAGE sql function that Basalt does not inline
     * counts as PostgreSQL would see it after inlining: immutable unless declared otherwise and its body calls a
     * volatile built-in (random(), the clock, sequences).
     */
    private static boolean mutable(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> false;
            case BoundExpression.Constant e -> false;
            case BoundExpression.Arithmetic e -> mutable(e.left()) || mutable(e.right());
            case BoundExpression.Negate e -> mutable(e.operand());
            case BoundExpression.Comparison e -> mutable(e.left()) || mutable(e.right());
            case BoundExpression.Logical e -> mutableAny(e.operands());
            case BoundExpression.Not e -> mutable(e.operand());
            case BoundExpression.IsNull e -> mutable(e.operand());
            case BoundExpression.Cast e -> mutable(e.operand());
            case BoundExpression.Case e -> mutableAny(e.conditions()) || mutableAny(e.results())
                    || (e.otherwise() != null && mutable(e.otherwise()));
            case BoundExpression.Function e -> (e.function() instanceof RoutineCallFunction call
                    ? mutableRoutine(call.function()) : VolatileCalls.in(e)) || mutableAny(e.arguments());
            case BoundExpression.AggregateCall e -> true;
        };
    }

    private static boolean mutableAny(List<BoundExpression> expressions) {
        for (BoundExpression expression : expressions) {
            if (expression != null && mutable(expression)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mutableRoutine(FunctionEntry function) {
        if ("immutable".equals(function.volatility())) {
            return false;
        }
        if (!"sql".equals(function.language()) || function.body() == null) {
            return true;
        }
        String body = function.body().toLowerCase(java.util.Locale.ROOT);
        for (String name : VOLATILE_BUILT_INS) {
            if (body.contains(name + "(")) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL has a default btree (and hash) operator class for the type. */
    private static boolean ordered(LogicalType type) {
        return switch (type.id()) {
            case POINT, LSEG, PATH, BOX, POLYGON, LINE, CIRCLE, JSON, JSONPATH -> false;
            default -> true;
        };
    }

    /**
     * The key as {@code pg_get_partkeydef} prints it: the key's text, then {@code COLLATE "name"} unless the
     * collation is the default, then the operator class unless it is the type's default one.
     */
    static String text(String keyText, LogicalType type, PartitionSpec.KeyOptions options) {
        StringBuilder out = new StringBuilder(keyText);
        if (options.collation() != null && !options.collation().equals("default")) {
            out.append(" COLLATE \"").append(options.collation()).append('"');
        }
        String operatorClass = options.operatorClass();
        if (operatorClass != null && !operatorClass.equals(defaultClass(type))) {
            out.append(' ').append(operatorClass);
        }
        return out.toString();
    }

    private static String defaultClass(LogicalType type) {
        return switch (type.id()) {
            case BOOLEAN -> "bool_ops";
            case SMALLINT -> "int2_ops";
            case INTEGER -> "int4_ops";
            case BIGINT -> "int8_ops";
            case REAL -> "float4_ops";
            case DOUBLE -> "float8_ops";
            case NUMERIC -> "numeric_ops";
            case TEXT, VARCHAR -> "text_ops";
            case CHAR -> "bpchar_ops";
            case DATE -> "date_ops";
            case TIMESTAMP -> "timestamp_ops";
            case TIMESTAMPTZ -> "timestamptz_ops";
            case TIME -> "time_ops";
            case TIMETZ -> "timetz_ops";
            case INTERVAL -> "interval_ops";
            case UUID -> "uuid_ops";
            case BYTEA -> "bytea_ops";
            case JSONB -> "jsonb_ops";
            case ARRAY -> "array_ops";
            case ENUM -> "enum_ops";
            default -> "";
        };
    }
}
