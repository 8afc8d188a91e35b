package io.basalt.catalog.system;

import static io.basalt.catalog.system.SystemRelation.INT4;
import static io.basalt.catalog.system.SystemRelation.NAME;
import static io.basalt.catalog.system.SystemRelation.TEXT;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.SequenceOptions;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.system.CatalogObjects.Constraint;
import io.basalt.catalog.system.CatalogObjects.Namespace;
import io.basalt.catalog.system.CatalogObjects.Relation;
import io.basalt.catalog.system.SystemRelation.Columns;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The information_schema views of the SQL standard, as PostgreSQL 15 defines them over its catalogs: schemata,
 * tables, columns, views, sequences, table_constraints, key_column_usage, referential_constraints,
 * constraint_column_usage and check_constraints. NOT NULL columns appear as CHECK constraints named
 * {@code <schema oid>_<table oid>_<column number>_not_null}, as in PostgreSQL. Every object is listed (Basalt checks
 * no privileges here). Columns are PostgreSQL's, in its order; a view's definition is written from its query (ViewText).
 */
final class InformationSchemaRelations {
    private static final String DATABASE = ObjectDefinitions.DATABASE;
    private static final LogicalType VARCHAR = LogicalType.VARCHAR;

    private InformationSchemaRelations() {
    }

    static List<SystemRelation> all() {
        return List.of(schemata(), tables(), columns(), views(), sequences(), tableConstraints(), keyColumnUsage(),
                referentialConstraints(), constraintColumnUsage(), checkConstraints());
    }

    private static String yesNo(boolean value) {
        return value ? "YES" : "NO";
    }

    private static SystemRelation schemata() {
        Columns columns = new Columns().all(NAME, "catalog_name", "schema_name", "schema_owner",
                "default_character_set_catalog", "default_character_set_schema", "default_character_set_name")
                .add("sql_path", VARCHAR);
        return SystemRelation.of("information_schema", "schemata", 13300, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Namespace namespace : objects.namespaces()) {
                rows.add(new Object[] {DATABASE, namespace.name(), ObjectDefinitions.OWNER, null, null, null, null});
            }
            return rows;
        });
    }

    /** Whether information_schema lists the relation as a table or view (not sequences, indexes, matviews). */
    private static boolean listed(Relation relation) {
        return relation.kind() == 'r' || relation.kind() == 'p' || relation.kind() == 'v';
    }

    private static SystemRelation tables() {
        Columns columns = new Columns().all(NAME, "table_catalog", "table_schema", "table_name")
                .add("table_type", VARCHAR).add("self_referencing_column_name", NAME)
                .add("reference_generation", VARCHAR)
                .all(NAME, "user_defined_type_catalog", "user_defined_type_schema", "user_defined_type_name")
                .all(VARCHAR, "is_insertable_into", "is_typed", "commit_action");
        return SystemRelation.of("information_schema", "tables", 13301, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (!listed(relation)) {
                    continue;
                }
                boolean temporary = objects.catalog().isTempSchema(relation.schema());
                String type = relation.kind() == 'v' ? "VIEW" : temporary ? "LOCAL TEMPORARY" : "BASE TABLE";
                rows.add(new Object[] {DATABASE, relation.schema(), relation.name(), type, null, null, null, null,
                    null, yesNo(relation.kind() != 'v'), "NO", temporary ? "PRESERVE" : null});
            }
            return rows;
        });
    }

    /** information_schema's data_type of a type: its SQL name, ARRAY for arrays. */
    static String dataType(LogicalType type) {
        return type.isArray() ? "ARRAY" : type.id().pgName();
    }

    private static Object[] columnRow(CatalogObjects objects, Relation relation, int number, String name,
                                      LogicalType type, ColumnEntry column) {
        LogicalType base = type;
        Long maximumLength = null;
        Long octetLength = null;
        Long precision = null;
        Long radix = null;
        Long scale = null;
        Long datetimePrecision = null;
        switch (base.id()) {
            case VARCHAR, CHAR, TEXT -> {
                maximumLength = base.precision() < 0 ? null : (long) base.precision();
                octetLength = base.precision() < 0 ? 1073741824L : base.precision() * 4L;
            }
            case SMALLINT -> { precision = 16L; radix = 2L; scale = 0L; }
            case INTEGER -> { precision = 32L; radix = 2L; scale = 0L; }
            case BIGINT -> { precision = 64L; radix = 2L; scale = 0L; }
            case REAL -> { precision = 24L; radix = 2L; }
            case DOUBLE -> { precision = 53L; radix = 2L; }
            case NUMERIC -> {
                radix = 10L;
                precision = base.precision() < 0 ? null : (long) base.precision();
                scale = base.precision() < 0 ? null : (long) base.scale();
            }
            case DATE -> datetimePrecision = 0L;
            case TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL ->
                    datetimePrecision = base.precision() < 0 ? 6L : (long) base.precision();
            default -> {
            }
        }
        SystemTypes.BuiltinType listed = SystemTypes.byOid(SystemTypes.oidOf(type));
        boolean nullable = column == null || !column.notNull();
        String identityGeneration = null;
        String start = null;
        String increment = null;
        String maximum = null;
        String minimum = null;
        String cycle = "NO";
        if (column != null && column.identity() != null) {
            identityGeneration = column.identity() == ColumnEntry.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
            for (SequenceEntry sequence : objects.catalog().sequencesOwnedBy(relation.schema(), relation.name())) {
                if (sequence.owner().column().equals(name)) {
                    SequenceOptions options = sequence.options();
                    start = Long.toString(options.start());
                    increment = Long.toString(options.increment());
                    maximum = Long.toString(options.maxValue());
                    minimum = Long.toString(options.minValue());
                    cycle = yesNo(options.cycle());
                }
            }
        }
        boolean generated = column != null && column.generated();
        String columnDefault = column == null || generated || column.identity() != null ? null
                : objects.withVisibleRelations(column.defaultText());
        return new Object[] {DATABASE, relation.schema(), relation.name(), name, (long) number, columnDefault,
            yesNo(nullable), dataType(type), maximumLength, octetLength, precision, radix, scale, datetimePrecision,
            null, null, null, null, null, null, null, null, null, null, null, DATABASE, "pg_catalog",
            listed == null ? type.id().pgName() : listed.name(), null, null, null, null, Integer.toString(number),
            "NO", yesNo(identityGeneration != null), identityGeneration, start, increment, maximum, minimum,
            cycle, generated ? "ALWAYS" : "NEVER",
            generated ? AttributeDefaults.text(objects, relation.table(), column, false) : null,
            yesNo(relation.kind() != 'v')};
    }

    private static SystemRelation columns() {
        Columns columns = new Columns().all(NAME, "table_catalog", "table_schema", "table_name", "column_name")
                .add("ordinal_position", INT4).all(VARCHAR, "column_default", "is_nullable", "data_type")
                .all(INT4, "character_maximum_length", "character_octet_length", "numeric_precision",
                        "numeric_precision_radix", "numeric_scale", "datetime_precision")
                .add("interval_type", VARCHAR).add("interval_precision", INT4)
                .all(NAME, "character_set_catalog", "character_set_schema", "character_set_name",
                        "collation_catalog", "collation_schema", "collation_name", "domain_catalog", "domain_schema",
                        "domain_name", "udt_catalog", "udt_schema", "udt_name", "scope_catalog", "scope_schema",
                        "scope_name")
                .add("maximum_cardinality", INT4).add("dtd_identifier", NAME)
                .all(VARCHAR, "is_self_referencing", "is_identity", "identity_generation", "identity_start",
                        "identity_increment", "identity_maximum", "identity_minimum", "identity_cycle",
                        "is_generated", "generation_expression", "is_updatable");
        return SystemRelation.of("information_schema", "columns", 13302, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (!listed(relation)) {
                    continue;
                }
                if (relation.system() != null) {
                    for (int i = 0; i < relation.system().columnNames().size(); i++) {
                        rows.add(columnRow(objects, relation, i + 1, relation.system().columnNames().get(i),
                                relation.system().columnTypes().get(i), null));
                    }
                } else if (relation.table() != null) {
                    List<ColumnEntry> tableColumns = relation.table().columns();
                    for (int i = 0; i < tableColumns.size(); i++) {
                        ColumnEntry column = tableColumns.get(i);
                        rows.add(columnRow(objects, relation, i + 1, column.name(), column.type(), column));
                    }
                } else {
                    for (int i = 0; i < relation.view().columnNames().size(); i++) {
                        rows.add(columnRow(objects, relation, i + 1, relation.view().columnNames().get(i),
                                relation.view().columnTypes().get(i), null));
                    }
                }
            }
            return rows;
        });
    }

    private static SystemRelation views() {
        Columns columns = new Columns().all(NAME, "table_catalog", "table_schema", "table_name")
                .all(VARCHAR, "view_definition", "check_option", "is_updatable", "is_insertable_into",
                        "is_trigger_updatable", "is_trigger_deletable", "is_trigger_insertable_into");
        return SystemRelation.of("information_schema", "views", 13303, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() == 'v' && relation.view() != null) {
                    String definition = io.basalt.binder.viewtext.ViewText.of(relation.view(), objects.catalog(),
                            false);
                    String updatable = io.basalt.binder.viewwrite.ViewWrites.updatable(relation.view(),
                            objects.catalog()) ? "YES" : "NO";
                    String checkOption = relation.view().checkOption() == null ? "NONE"
                            : relation.view().checkOption().toUpperCase(java.util.Locale.ROOT);
                    rows.add(new Object[] {DATABASE, relation.schema(), relation.name(), definition, checkOption,
                        updatable, updatable, "NO", "NO", "NO"});
                }
            }
            return rows;
        });
    }

    private static SystemRelation sequences() {
        Columns columns = new Columns().all(NAME, "sequence_catalog", "sequence_schema", "sequence_name")
                .add("data_type", VARCHAR).all(INT4, "numeric_precision", "numeric_precision_radix", "numeric_scale")
                .all(VARCHAR, "start_value", "minimum_value", "maximum_value", "increment", "cycle_option");
        return SystemRelation.of("information_schema", "sequences", 13304, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                // an identity column's sequence is an internal dependency of the column: PostgreSQL leaves it out
                if (relation.kind() == 'S' && relation.sequence() != null && (relation.sequence().owner() == null
                        || !relation.sequence().owner().identity())) {
                    SequenceOptions options = relation.sequence().options();
                    long precision = switch (options.type().id()) {
                        case SMALLINT -> 16;
                        case INTEGER -> 32;
                        default -> 64;
                    };
                    rows.add(new Object[] {DATABASE, relation.schema(), relation.name(),
                        options.type().id().pgName(), precision, 2L, 0L, Long.toString(options.start()),
                        Long.toString(options.minValue()), Long.toString(options.maxValue()),
                        Long.toString(options.increment()), yesNo(options.cycle())});
                }
            }
            return rows;
        });
    }

    /** The name PostgreSQL gives a NOT NULL column's constraint in information_schema. */
    private static String notNullName(Relation relation, int column) {
        return relation.namespace().oid() + "_" + relation.oid() + "_" + (column + 1) + "_not_null";
    }

    private static String constraintType(char type) {
        return switch (type) {
            case 'c' -> "CHECK";
            case 'f' -> "FOREIGN KEY";
            case 'p' -> "PRIMARY KEY";
            default -> "UNIQUE";
        };
    }

    private static SystemRelation tableConstraints() {
        Columns columns = new Columns().all(NAME, "constraint_catalog", "constraint_schema", "constraint_name",
                "table_catalog", "table_schema", "table_name").all(VARCHAR, "constraint_type", "is_deferrable",
                "initially_deferred", "enforced", "nulls_distinct");
        return SystemRelation.of("information_schema", "table_constraints", 13305, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Constraint constraint : objects.constraints()) {
                if (constraint.type() == 'x' || constraint.type() == 'n') {
                    continue; // exclusion constraints are not listed; NOT NULL columns are, on their own
                }
                Relation relation = constraint.relation();
                String nullsDistinct = constraint.key() == null ? null : yesNo(!constraint.key().nullsNotDistinct());
                rows.add(new Object[] {DATABASE, relation.schema(), constraint.name(), DATABASE, relation.schema(),
                    relation.name(), constraintType(constraint.type()), "NO", "NO", "YES", nullsDistinct});
            }
            for (Relation relation : objects.relations()) {
                if ((relation.kind() == 'r' || relation.kind() == 'p') && relation.system() == null) {
                    List<ColumnEntry> tableColumns = relation.table().columns();
                    for (int i = 0; i < tableColumns.size(); i++) {
                        if (tableColumns.get(i).notNull()) {
                            rows.add(new Object[] {DATABASE, relation.schema(), notNullName(relation, i), DATABASE,
                                relation.schema(), relation.name(), "CHECK", "NO", "NO", "YES", null});
                        }
                    }
                }
            }
            return rows;
        });
    }

    private static SystemRelation keyColumnUsage() {
        Columns columns = new Columns().all(NAME, "constraint_catalog", "constraint_schema", "constraint_name",
                "table_catalog", "table_schema", "table_name", "column_name")
                .all(INT4, "ordinal_position", "position_in_unique_constraint");
        return SystemRelation.of("information_schema", "key_column_usage", 13306, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Constraint constraint : objects.constraints()) {
                if (constraint.type() == 'x' || constraint.type() == 'n') {
                    continue; // exclusion constraints are not listed; NOT NULL columns are, on their own
                }
                if (constraint.type() == 'c') {
                    continue;
                }
                Relation relation = constraint.relation();
                TableEntry table = relation.table();
                List<Integer> keyColumns = constraint.key() != null ? constraint.key().columns()
                        : constraint.foreignKey().columns();
                for (int i = 0; i < keyColumns.size(); i++) {
                    Long position = null;
                    if (constraint.foreignKey() != null) {
                        position = referencedPosition(objects, constraint.foreignKey(), i);
                    }
                    rows.add(new Object[] {DATABASE, relation.schema(), constraint.name(), DATABASE,
                        relation.schema(), relation.name(), table.columns().get(keyColumns.get(i)).name(),
                        (long) i + 1, position});
                }
            }
            return rows;
        });
    }

    /** The position, in the referenced unique key, of the column the i-th referencing column references. */
    private static Long referencedPosition(CatalogObjects objects, ForeignKeyEntry key, int i) {
        Relation target = objects.relation(key.referencedSchema(), key.referencedTable());
        if (target == null || target.table() == null) {
            return null;
        }
        for (UniqueConstraintEntry unique : target.table().uniqueKeys()) {
            if (unique.name().equals(key.referencedKey())) {
                int at = unique.columns().indexOf(key.referencedColumns().get(i));
                return at < 0 ? null : (long) at + 1;
            }
        }
        return null;
    }

    private static SystemRelation referentialConstraints() {
        Columns columns = new Columns().all(NAME, "constraint_catalog", "constraint_schema", "constraint_name",
                "unique_constraint_catalog", "unique_constraint_schema", "unique_constraint_name")
                .all(VARCHAR, "match_option", "update_rule", "delete_rule");
        return SystemRelation.of("information_schema", "referential_constraints", 13307, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Constraint constraint : objects.constraints()) {
                if (constraint.type() == 'x' || constraint.type() == 'n') {
                    continue; // exclusion constraints are not listed; NOT NULL columns are, on their own
                }
                ForeignKeyEntry key = constraint.foreignKey();
                if (key != null) {
                    rows.add(new Object[] {DATABASE, constraint.relation().schema(), constraint.name(), DATABASE,
                        key.referencedSchema(), key.referencedKey(), key.matchFull() ? "FULL" : "NONE",
                        key.onUpdate().sql(), key.onDelete().sql()});
                }
            }
            return rows;
        });
    }

    private static SystemRelation constraintColumnUsage() {
        Columns columns = new Columns().all(NAME, "table_catalog", "table_schema", "table_name", "column_name",
                "constraint_catalog", "constraint_schema", "constraint_name");
        return SystemRelation.of("information_schema", "constraint_column_usage", 13308, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Constraint constraint : objects.constraints()) {
                if (constraint.type() == 'x' || constraint.type() == 'n') {
                    continue; // exclusion constraints are not listed; NOT NULL columns are, on their own
                }
                Relation relation = constraint.relation();
                TableEntry table = relation.table();
                List<Integer> used;
                if (constraint.type() == 'c') {
                    java.util.BitSet read = new java.util.BitSet();
                    io.basalt.plan.expression.ColumnReferences.collect(constraint.check().condition(), read);
                    used = new ArrayList<>();
                    for (int c = read.nextSetBit(0); c >= 0; c = read.nextSetBit(c + 1)) {
                        used.add(c);
                    }
                } else if (constraint.key() != null) {
                    used = constraint.key().columns();
                } else {
                    ForeignKeyEntry key = constraint.foreignKey();
                    Relation target = objects.relation(key.referencedSchema(), key.referencedTable());
                    if (target == null || target.table() == null) {
                        continue;
                    }
                    relation = target;
                    table = target.table();
                    used = key.referencedColumns();
                }
                for (int column : used) {
                    rows.add(new Object[] {DATABASE, relation.schema(), relation.name(),
                        table.columns().get(column).name(), DATABASE, constraint.relation().schema(),
                        constraint.name()});
                }
            }
            return rows;
        });
    }

    private static SystemRelation checkConstraints() {
        Columns columns = new Columns().all(NAME, "constraint_catalog", "constraint_schema", "constraint_name")
                .add("check_clause", VARCHAR);
        return SystemRelation.of("information_schema", "check_constraints", 13309, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Constraint constraint : objects.constraints()) {
                if (constraint.type() == 'x' || constraint.type() == 'n') {
                    continue; // exclusion constraints are not listed; NOT NULL columns are, on their own
                }
                if (constraint.type() == 'c') {
                    String definition = ObjectDefinitions.constraint(objects, constraint);
                    rows.add(new Object[] {DATABASE, constraint.relation().schema(), constraint.name(),
                        definition.substring("CHECK ".length())});
                }
            }
            for (Relation relation : objects.relations()) {
                if ((relation.kind() == 'r' || relation.kind() == 'p') && relation.system() == null) {
                    List<ColumnEntry> tableColumns = relation.table().columns();
                    for (int i = 0; i < tableColumns.size(); i++) {
                        if (tableColumns.get(i).notNull()) {
                            rows.add(new Object[] {DATABASE, relation.schema(), notNullName(relation, i),
                                io.basalt.sql.lexer.IdentifierQuoting.quote(tableColumns.get(i).name())
                                        + " IS NOT NULL"});
                        }
                    }
                }
            }
            return rows;
        });
    }
}
