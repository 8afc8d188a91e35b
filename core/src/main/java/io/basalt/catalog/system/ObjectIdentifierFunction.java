package io.basalt.catalog.system;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.sequence.SequenceNames;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The catalog functions and object-identifier conversions that look objects up, evaluated row by row against the
 * catalog's objects as they were when the statement was bound: oid to and from regclass / regtype / regnamespace
 * names, to_regclass, format_type, pg_get_constraintdef, pg_get_indexdef, pg_get_expr, pg_table_is_visible, and
 * obj_description / col_description (the comments of COMMENT ON, see {@link Descriptions}).
 */
public record ObjectIdentifierFunction(Kind kind, CatalogObjects objects) implements VolatileFunction {
    /** What the function computes; the arguments are as listed. */
    public enum Kind {
        /** (bigint oid) -> regclass name; an unknown oid prints as its number. */
        OID_TO_REGCLASS,
        /** (text name) -> regclass name; a missing relation is an error. */
        TEXT_TO_REGCLASS,
        /** (text name) -> regclass name, or NULL for a missing relation. */
        TO_REGCLASS,
        /** (regclass name) -> bigint oid. */
        REGCLASS_TO_OID,
        OID_TO_REGTYPE,
        TEXT_TO_REGTYPE,
        REGTYPE_TO_OID,
        OID_TO_REGNAMESPACE,
        TEXT_TO_REGNAMESPACE,
        REGNAMESPACE_TO_OID,
        /** (oid, typmod) -> text. */
        FORMAT_TYPE,
        /** (constraint oid [, pretty]) -> text. */
        CONSTRAINT_DEFINITION,
        /** (index oid [, column, pretty]) -> text. */
        INDEX_DEFINITION,
        /** (expression text, relation oid [, pretty]) -> the text. */
        EXPRESSION,
        /** (relation oid) -> boolean. */
        TABLE_IS_VISIBLE,
        /** (object oid [, catalog name]) -> the object's comment (obj_description). */
        DESCRIPTION,
        /** (relation oid) -> the partition key's definition, or NULL for a table that is not partitioned. */
        PARTITION_KEY_DEFINITION,
        /** (view name text or relation oid [, pretty]) -> the view's definition, or NULL when it is not a view. */
        VIEW_DEFINITION,
        /** (relation oid, column number) -> the column's comment (col_description). */
        COLUMN_DESCRIPTION,
        /** (relation oid) -> the partition's constraint, or NULL (pg_get_partition_constraintdef). */
        PARTITION_CONSTRAINT_DEFINITION
    }

    public ObjectIdentifierFunction {
        requireNonNull(kind, "kind is null");
        requireNonNull(objects, "objects is null");
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        Object[] values = new Object[arguments.length];
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], r);
            }
            ValueAccess.set(out, r, apply(values));
        }
        out.setValueCount(rows);
        return out;
    }

    /** The result for one row's argument values (canonical Java values; null is SQL NULL). */
    public Object apply(Object[] values) {
        if (values.length > 0 && values[0] == null) {
            return null;
        }
        return switch (kind) {
            case OID_TO_REGCLASS -> {
                CatalogObjects.Relation relation = objects.relation((Long) values[0]);
                yield relation == null ? values[0].toString() : objects.regclassText(relation);
            }
            case TEXT_TO_REGCLASS -> objects.regclassText(relation((String) values[0]));
            case TO_REGCLASS -> {
                CatalogObjects.Relation relation = findRelation((String) values[0]);
                yield relation == null ? null : objects.regclassText(relation);
            }
            case REGCLASS_TO_OID -> relation((String) values[0]).oid();
            case OID_TO_REGTYPE -> {
                LogicalType type = SystemTypes.typeOf((Long) values[0], -1);
                yield type == null ? values[0].toString() : type.displayName();
            }
            case TEXT_TO_REGTYPE -> typeName((String) values[0]);
            case REGTYPE_TO_OID -> typeOid((String) values[0]);
            case OID_TO_REGNAMESPACE -> {
                CatalogObjects.Namespace namespace = objects.namespace((Long) values[0]);
                yield namespace == null ? values[0].toString() : CatalogObjects.regnamespaceText(namespace);
            }
            case TEXT_TO_REGNAMESPACE -> CatalogObjects.regnamespaceText(namespace((String) values[0]));
            case REGNAMESPACE_TO_OID -> namespace((String) values[0]).oid();
            case FORMAT_TYPE -> {
                long modifier = values.length > 1 && values[1] != null ? (Long) values[1] : -1;
                LogicalType type = SystemTypes.typeOf((Long) values[0], (int) modifier);
                SystemTypes.BuiltinType builtin = type == null ? SystemTypes.byOid((Long) values[0]) : null;
                yield type != null ? type.displayName() : builtin != null ? builtin.name()
                        : userTypeName((Long) values[0]);
            }
            case CONSTRAINT_DEFINITION -> {
                CatalogObjects.Constraint constraint = objects.constraint((Long) values[0]);
                boolean pretty = values.length > 1 && Boolean.TRUE.equals(values[1]);
                yield constraint == null ? null : ObjectDefinitions.constraint(objects, constraint, pretty);
            }
            case INDEX_DEFINITION -> {
                CatalogObjects.Relation relation = objects.relation((Long) values[0]);
                yield relation == null || relation.kind() != 'i' ? null
                        : ObjectDefinitions.index(objects, relation);
            }
            case EXPRESSION -> values.length > 2 && Boolean.TRUE.equals(values[2]) && values[0] != null
                    ? pretty(values[1], (String) values[0]) : values[0];
            case TABLE_IS_VISIBLE -> {
                CatalogObjects.Relation relation = objects.relation((Long) values[0]);
                yield relation == null ? null : objects.visible(relation);
            }
            case DESCRIPTION -> values.length > 1 && values[1] == null ? null
                    : Descriptions.objectDescription(objects, (Long) values[0], values.length > 1 ? (String) values[1]
                    : null);
            case COLUMN_DESCRIPTION -> values[1] == null ? null
                    : Descriptions.columnDescription(objects, (Long) values[0], ((Number) values[1]).longValue());
            case PARTITION_KEY_DEFINITION -> {
                CatalogObjects.Relation relation = objects.relation((Long) values[0]);
                var key = relation == null || relation.table() == null ? null
                        : objects.catalog().hierarchy().partitionKey(relation.schema(), relation.name());
                yield key == null ? null : PartitionText.key(key);
            }
            case PARTITION_CONSTRAINT_DEFINITION -> {
                CatalogObjects.Relation relation = objects.relation((Long) values[0]);
                yield relation == null || relation.table() == null ? null
                        : PartitionConstraintText.of(objects.catalog(), relation.schema(), relation.name());
            }
            case VIEW_DEFINITION -> {
                CatalogObjects.Relation relation = values[0] instanceof String text ? relation(text)
                        : objects.relation((Long) values[0]);
                boolean pretty = values.length > 1 && Boolean.TRUE.equals(values[1]);
                yield relation == null || relation.view() == null ? null
                        : io.basalt.binder.viewtext.ViewText.of(relation.view(), objects.catalog(), pretty);
            }
        };
    }

    private CatalogObjects.Relation findRelation(String text) {
        List<String> parts = SequenceNames.split(text);
        if (parts.size() == 1 && !parts.getFirst().isEmpty() && isNumber(parts.getFirst())) {
            return objects.relation(Long.parseLong(parts.getFirst()));
        }
        return objects.lookup(parts);
    }

    private CatalogObjects.Relation relation(String text) {
        List<String> parts = SequenceNames.split(text);
        if (parts.size() >= 2 && objects.namespace(parts.get(parts.size() - 2)) == null
                && !objects.catalog().isTempSchema(parts.get(parts.size() - 2))) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME,
                    "schema \"" + parts.get(parts.size() - 2) + "\" does not exist");
        }
        CatalogObjects.Relation relation = findRelation(text);
        if (relation == null) {
            if (isNumber(text)) {
                throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation with OID " + text + " does not exist");
            }
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
        }
        return relation;
    }

    private CatalogObjects.Namespace namespace(String text) {
        List<String> parts = SequenceNames.split(text);
        CatalogObjects.Namespace namespace = parts.size() == 1 ? objects.namespace(parts.getFirst()) : null;
        if (namespace == null) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + text + "\" does not exist");
        }
        return namespace;
    }

    private static String typeName(String text) {
        LogicalType type = resolveType(text);
        return type.displayName();
    }

    private static long typeOid(String text) {
        return SystemTypes.oidOf(resolveType(text));
    }

    private static LogicalType resolveType(String text) {
        String trimmed = text.strip().toLowerCase(java.util.Locale.ROOT);
        for (SystemTypes.BuiltinType listed : SystemTypes.TYPES) {
            LogicalType type = SystemTypes.typeOf(listed.oid(), -1);
            if (type != null && (listed.name().equals(trimmed) || type.displayName().equals(trimmed))) {
                return type;
            }
        }
        LogicalType named = TYPE_NAMES.get(trimmed);
        if (named != null) {
            return named;
        }
        throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + text + "\" does not exist");
    }

    /** The name of the user-defined type (enum, domain) with pg_type oid {@code oid}; PostgreSQL's "???" if none. */
    /**
     * pg_get_expr's pretty form of {@code text}: for the default or generation expression of a column of relation
     * {@code oid} (pg_attrdef's adbin), that column's pretty text; otherwise {@code text} written again without
     * the parentheses precedence does not need, when it reads no columns.
     */
    private String pretty(Object oid, String text) {
        CatalogObjects.Relation relation = oid instanceof Long id ? objects.relation(id) : null;
        if (relation != null && relation.table() != null) {
            for (io.basalt.catalog.ColumnEntry column : relation.table().columns()) {
                if (text.equals(AttributeDefaults.text(objects, relation.table(), column, false))) {
                    return AttributeDefaults.text(objects, relation.table(), column, true);
                }
            }
        }
        return io.basalt.binder.viewtext.ViewText.pretty(text, null, objects.catalog());
    }

    private String userTypeName(long oid) {
        for (io.basalt.catalog.UserType type : objects.catalog().types().all()) {
            if (CatalogObjects.userTypeOid(type.schema(), type.name()) == oid) {
                return type.name();
            }
        }
        return "???";
    }

    /** SQL's spellings of built-in types that are neither their pg_type name nor their display name. */
    private static final java.util.Map<String, LogicalType> TYPE_NAMES = java.util.Map.of(
            "int", LogicalType.INTEGER, "smallint", LogicalType.SMALLINT, "bigint", LogicalType.BIGINT,
            "real", LogicalType.REAL, "float", LogicalType.DOUBLE, "boolean", LogicalType.BOOLEAN,
            "decimal", LogicalType.NUMERIC, "varchar", LogicalType.VARCHAR, "timestamp", LogicalType.TIMESTAMP,
            "char", LogicalType.BPCHAR);

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
