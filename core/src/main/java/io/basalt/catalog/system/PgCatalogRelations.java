package io.basalt.catalog.system;

import static io.basalt.catalog.system.SystemRelation.BOOL;
import static io.basalt.catalog.system.SystemRelation.INT2;
import static io.basalt.catalog.system.SystemRelation.INT2_ARRAY;
import static io.basalt.catalog.system.SystemRelation.INT4;
import static io.basalt.catalog.system.SystemRelation.INT8;
import static io.basalt.catalog.system.SystemRelation.NAME;
import static io.basalt.catalog.system.SystemRelation.OID;
import static io.basalt.catalog.system.SystemRelation.TEXT;
import static io.basalt.catalog.system.SystemRelation.TEXT_ARRAY;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.SequenceOptions;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.system.CatalogObjects.Constraint;
import io.basalt.catalog.system.CatalogObjects.Namespace;
import io.basalt.catalog.system.CatalogObjects.Relation;
import io.basalt.catalog.system.SystemRelation.Columns;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The pg_catalog relations: pg_namespace, pg_class, pg_attribute, pg_type, pg_index, pg_constraint, pg_attrdef,
 * pg_inherits, pg_sequence, pg_description (empty: Basalt has no COMMENT), pg_database, and the views pg_tables,
 * pg_views, pg_indexes and pg_sequences. Columns are PostgreSQL 15's, less those that describe storage Basalt does
 * not have (access control lists, options, statistics, transaction horizons); see docs/STATUS.md.
 */
final class PgCatalogRelations {
    private PgCatalogRelations() {
    }

    static List<SystemRelation> all() {
        return List.of(namespace(), relationClass(), attribute(), type(), index(), constraint(), attributeDefault(),
                inherits(), sequence(), description(), database(), depend(), tables(), views(), indexes(), sequences());
    }

    private static Long oid(long value) {
        return value;
    }

    private static SystemRelation namespace() {
        return SystemRelation.of("pg_catalog", "pg_namespace", 2615,
                new Columns().add("oid", OID).add("nspname", NAME).add("nspowner", OID).add("nspacl", TEXT_ARRAY),
                objects -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Namespace namespace : objects.namespaces()) {
                        rows.add(new Object[] {namespace.oid(), namespace.name(),
                            AccessColumns.schemaOwner(namespace.name()), AccessColumns.schemaAcl(namespace.name())});
                    }
                    return rows;
                });
    }

    private static int columnCount(Relation relation) {
        if (relation.system() != null) {
            return relation.system().columnNames().size();
        }
        return switch (relation.kind()) {
            case 'r', 'p' -> relation.table().columns().size();
            case 'v', 'm' -> relation.view().columnNames().size();
            case 'S' -> 3;
            case 'i' -> ObjectDefinitions.indexColumns(relation).size();
            default -> 0;
        };
    }

    private static SystemRelation relationClass() {
        Columns columns = new Columns().add("oid", OID).add("relname", NAME).add("relnamespace", OID)
                .add("reltype", OID).add("reloftype", OID).add("relowner", OID).add("relam", OID)
                .add("relfilenode", OID).add("reltablespace", OID).add("relpages", INT4)
                .add("reltuples", LogicalType.REAL).add("relallvisible", INT4).add("reltoastrelid", OID)
                .add("relhasindex", BOOL).add("relisshared", BOOL).add("relpersistence", TEXT)
                .add("relkind", TEXT).add("relnatts", INT2).add("relchecks", INT2).add("relhasrules", BOOL)
                .add("relhastriggers", BOOL).add("relhassubclass", BOOL).add("relrowsecurity", BOOL)
                .add("relforcerowsecurity", BOOL).add("relispopulated", BOOL).add("relreplident", TEXT)
                .add("relispartition", BOOL).add("relrewrite", OID).add("relacl", TEXT_ARRAY)
                .add("reloptions", TEXT_ARRAY).add("relpartbound", TEXT);
        return SystemRelation.of("pg_catalog", "pg_class", 1259, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            TableHierarchy hierarchy = objects.catalog().hierarchy();
            for (Relation relation : objects.relations()) {
                TableEntry table = relation.kind() == 'i' ? null : relation.table();
                boolean hasIndex = table != null && (!table.uniqueKeys().isEmpty() || !table.indexes().isEmpty());
                boolean temporary = objects.catalog().isTempSchema(relation.schema());
                long access = switch (relation.kind()) {
                    case 'r', 'm', 'S' -> 2;
                    case 'i' -> relation.index() != null && relation.index().method().equals("hash") ? 405 : 403;
                    default -> 0;
                };
                boolean children = table != null && !hierarchy.children(table.schema(), table.name()).isEmpty();
                boolean partition = table != null && hierarchy.partitionOf(table.schema(), table.name()) != null;
                boolean partitionedIndex = objects.partitionedIndex(relation);
                rows.add(new Object[] {relation.oid(), relation.name(), relation.namespace().oid(), 0L, 0L,
                    AccessColumns.relationOwner(relation.schema(), relation.name(), relation.kind() == 'S'), access,
                    relation.kind() == 'v' || relation.kind() == 'p' || partitionedIndex ? 0L
                    : relation.oid(), 0L, 0L, -1.0, 0L, 0L, hasIndex, false, temporary ? "t" : "p",
                    partitionedIndex ? "I" : String.valueOf(relation.kind()), (long) columnCount(relation),
                    (long) (table == null ? 0 : table.checks().size()), relation.kind() == 'v', false, children,
                    AccessColumns.rowSecurity(relation.schema(), relation.name()).enabled(),
                    AccessColumns.rowSecurity(relation.schema(), relation.name()).forced(),
                    relation.view() == null || relation.view().populated(),
                    relation.kind() == 'v' || relation.kind() == 'S' || relation.kind() == 'i' ? "n" : "d",
                    partition || relation.kind() == 'i' && objects.parentIndex(relation) != null, 0L,
                    AccessColumns.relationAcl(relation.schema(), relation.name()),
                    relation.view() != null && !relation.view().options().isEmpty()
                    ? ArrayValue.of(new ArrayList<>(relation.view().options())) : reloptions(table),
                    partition ? partitionBound(objects, table) : null});
            }
            return rows;
        });
    }

    /** A table's storage parameters as pg_class.reloptions shows them (null without any, as in PostgreSQL). */
    private static ArrayValue reloptions(TableEntry table) {
        if (table == null) {
            return null;
        }
        List<String> shown = io.basalt.catalog.StorageParameters.shown(table.options());
        return shown.isEmpty() ? null : ArrayValue.of(new ArrayList<>(shown));
    }

    /** A partition's bound as relpartbound holds it (its text: pg_get_expr gives it back). */
    private static String partitionBound(CatalogObjects objects, TableEntry table) {
        TableHierarchy hierarchy = objects.catalog().hierarchy();
        TableHierarchy.Link link = hierarchy.partitionOf(table.schema(), table.name());
        TableHierarchy.PartitionKey key = hierarchy.partitionKey(link.parentSchema(), link.parentName());
        return key == null ? null : PartitionText.bound(link, key.types());
    }

    /** One pg_attribute row: the column's number, name, type and what pg_attribute records of it. */
    private static Object[] attributeRow(Relation relation, int number, String name, LogicalType type,
                                         boolean notNull, boolean hasDefault, String identity, String generated) {
        return attributeRow(relation, number, name, type, notNull, hasDefault, identity, generated, 0);
    }

    /**
     * As above, for a column that {@code inherited} parent tables also have: PostgreSQL counts them in attinhcount
     * and, for a column of a child table, says the column is not local (Basalt does not record whether the child's
     * CREATE TABLE also declared it).
     */
    private static Object[] attributeRow(Relation relation, int number, String name, LogicalType type,
                                         boolean notNull, boolean hasDefault, String identity, String generated,
                                         int inherited) {
        SystemTypes.BuiltinType listed = SystemTypes.byOid(SystemTypes.oidOf(type));
        return new Object[] {relation.oid(), name, SystemTypes.oidOf(type), -1L, (long) (listed == null ? -1
                : listed.length()), (long) number, type.isArray() ? 1L : 0L, -1L,
            (long) SystemTypes.typeModifier(type), listed != null && listed.byValue(), notNull, hasDefault, false,
            identity, generated, false, inherited == 0, (long) inherited, type.isString() ? 100L : 0L, null, null};
    }

    /**
     * The system columns as pg_attribute lists them for a table, materialized view or sequence: attnum -1 (ctid,
     * type tid) to -6 (tableoid, oid), NOT NULL, with PostgreSQL's types, lengths and attstattarget 0 (what Basalt's
     * columns of those names read is in docs/STATUS.md, "System columns").
     */
    private static void addSystemAttributes(Relation relation, List<Object[]> rows) {
        long[] typeOids = {27L, 28L, 29L, 28L, 29L, 26L}; // tid, xid, cid, xid, cid, oid
        List<String> names = io.basalt.catalog.SystemColumns.NAMES;
        for (int i = 0; i < names.size(); i++) {
            boolean ctid = i == 0;
            rows.add(new Object[] {relation.oid(), names.get(i), typeOids[i], 0L, ctid ? 6L : 4L, (long) -(i + 1),
                0L, -1L, -1L, !ctid, true, false, false, "", "", false, true, 0L, 0L, null, null});
        }
    }

    /** The parent tables of a table (inheritance or partitioning), in link order. */
    private static List<TableEntry> parentTables(CatalogObjects objects, Relation relation) {
        List<TableEntry> parents = new ArrayList<>();
        for (TableHierarchy.Link link : objects.catalog().hierarchy().parents(relation.schema(), relation.name())) {
            Relation parent = objects.relation(link.parentSchema(), link.parentName());
            if (parent != null && parent.table() != null) {
                parents.add(parent.table());
            }
        }
        return parents;
    }

    private static SystemRelation attribute() {
        Columns columns = new Columns().add("attrelid", OID).add("attname", NAME).add("atttypid", OID)
                .add("attstattarget", INT4).add("attlen", INT2).add("attnum", INT2).add("attndims", INT4)
                .add("attcacheoff", INT4).add("atttypmod", INT4).add("attbyval", BOOL).add("attnotnull", BOOL)
                .add("atthasdef", BOOL).add("atthasmissing", BOOL).add("attidentity", TEXT)
                .add("attgenerated", TEXT).add("attisdropped", BOOL).add("attislocal", BOOL)
                .add("attinhcount", INT4).add("attcollation", OID).add("attacl", TEXT_ARRAY)
                .add("attoptions", TEXT_ARRAY);
        return SystemRelation.of("pg_catalog", "pg_attribute", 1249, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.system() != null) {
                    for (int i = 0; i < relation.system().columnNames().size(); i++) {
                        rows.add(attributeRow(relation, i + 1, relation.system().columnNames().get(i),
                                relation.system().columnTypes().get(i), false, false, "", ""));
                    }
                    continue;
                }
                if (relation.kind() == 'r' || relation.kind() == 'p' || relation.kind() == 'm'
                        || relation.kind() == 'S') {
                    addSystemAttributes(relation, rows);
                }
                switch (relation.kind()) {
                    case 'r', 'p' -> {
                        List<ColumnEntry> tableColumns = relation.table().columns();
                        List<TableEntry> parents = parentTables(objects, relation);
                        for (int i = 0; i < tableColumns.size(); i++) {
                            ColumnEntry column = tableColumns.get(i);
                            String identity = column.identity() == null ? ""
                                    : column.identity() == ColumnEntry.Identity.ALWAYS ? "a" : "d";
                            boolean hasDefault = column.identity() == null
                                    && (column.defaultText() != null || column.generated());
                            int inherited = 0;
                            for (TableEntry parent : parents) {
                                inherited += parent.columnIndex(column.name()) >= 0 ? 1 : 0;
                            }
                            rows.add(attributeRow(relation, i + 1, column.name(), column.type(), column.notNull(),
                                    hasDefault, identity, column.generated() ? "s" : "", inherited));
                        }
                    }
                    case 'v', 'm' -> {
                        for (int i = 0; i < relation.view().columnNames().size(); i++) {
                            rows.add(attributeRow(relation, i + 1, relation.view().columnNames().get(i),
                                    relation.view().columnTypes().get(i), false, false, "", ""));
                        }
                    }
                    case 'S' -> {
                        rows.add(attributeRow(relation, 1, "last_value", LogicalType.BIGINT, true, false, "", ""));
                        rows.add(attributeRow(relation, 2, "log_cnt", LogicalType.BIGINT, true, false, "", ""));
                        rows.add(attributeRow(relation, 3, "is_called", LogicalType.BOOLEAN, true, false, "", ""));
                    }
                    case 'i' -> {
                        List<Integer> keyColumns = ObjectDefinitions.indexColumns(relation);
                        for (int i = 0; i < keyColumns.size(); i++) {
                            int column = keyColumns.get(i);
                            ColumnEntry entry = column < 0 ? null : relation.table().columns().get(column);
                            rows.add(attributeRow(relation, i + 1, entry == null ? "expr" : entry.name(),
                                    entry == null ? LogicalType.TEXT : entry.type(), false, false, "", ""));
                        }
                    }
                    default -> {
                    }
                }
            }
            return rows;
        });
    }

    private static SystemRelation type() {
        Columns columns = new Columns().add("oid", OID).add("typname", NAME).add("typnamespace", OID)
                .add("typowner", OID).add("typlen", INT2).add("typbyval", BOOL).add("typtype", TEXT)
                .add("typcategory", TEXT).add("typispreferred", BOOL).add("typisdefined", BOOL)
                .add("typdelim", TEXT).add("typrelid", OID).add("typelem", OID).add("typarray", OID)
                .add("typnotnull", BOOL).add("typbasetype", OID).add("typtypmod", INT4).add("typndims", INT4)
                .add("typcollation", OID).add("typdefault", TEXT);
        return SystemRelation.of("pg_catalog", "pg_type", 1247, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (SystemTypes.BuiltinType type : SystemTypes.TYPES) {
                boolean collatable = type.category().equals("S") && type.oid() != 19 ? true : type.oid() == 19;
                rows.add(new Object[] {type.oid(), type.name(), CatalogObjects.PG_CATALOG_OID,
                    ObjectDefinitions.OWNER_OID, (long) type.length(), type.byValue(),
                    type.category().equals("P") || type.oid() == 705 ? "p" : "b", type.category(), type.preferred(),
                    true, ",", 0L, type.element(), type.array(), false, 0L, -1L, 0L,
                    collatable ? (type.oid() == 19 ? 950L : 100L) : 0L, null});
            }
            return rows;
        });
    }

    private static SystemRelation index() {
        Columns columns = new Columns().add("indexrelid", OID).add("indrelid", OID).add("indnatts", INT2)
                .add("indnkeyatts", INT2).add("indisunique", BOOL).add("indnullsnotdistinct", BOOL)
                .add("indisprimary", BOOL).add("indisexclusion", BOOL).add("indimmediate", BOOL)
                .add("indisclustered", BOOL).add("indisvalid", BOOL).add("indcheckxmin", BOOL)
                .add("indisready", BOOL).add("indislive", BOOL).add("indisreplident", BOOL)
                .add("indkey", TEXT).add("indexprs", TEXT).add("indpred", TEXT);
        return SystemRelation.of("pg_catalog", "pg_index", 2610, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() != 'i') {
                    continue;
                }
                List<Integer> keyColumns = ObjectDefinitions.indexColumns(relation);
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < keyColumns.size(); i++) {
                    key.append(i == 0 ? "" : " ").append(keyColumns.get(i) + 1);
                }
                UniqueConstraintEntry constraint = relation.key();
                Relation table = objects.relationOf(relation.table());
                rows.add(new Object[] {relation.oid(), table == null ? 0L : table.oid(), (long) keyColumns.size(),
                    (long) keyColumns.size(), ObjectDefinitions.indexUnique(relation)
                            && !(constraint != null && constraint.exclusion()),
                    constraint != null && constraint.nullsNotDistinct(), constraint != null && constraint.primaryKey(),
                    constraint != null && constraint.exclusion(), true, false, true, false, true, true, false, key.toString(), null, null});
            }
            return rows;
        });
    }

    private static ArrayValue columnNumbers(List<Integer> columns) {
        List<Object> numbers = new ArrayList<>();
        for (int column : columns) {
            numbers.add((long) column + 1);
        }
        return ArrayValue.of(numbers);
    }

    private static SystemRelation constraint() {
        Columns columns = new Columns().add("oid", OID).add("conname", NAME).add("connamespace", OID)
                .add("contype", TEXT).add("condeferrable", BOOL).add("condeferred", BOOL).add("convalidated", BOOL)
                .add("conrelid", OID).add("contypid", OID).add("conindid", OID).add("conparentid", OID)
                .add("confrelid", OID).add("confupdtype", TEXT).add("confdeltype", TEXT)
                .add("confmatchtype", TEXT).add("conislocal", BOOL).add("coninhcount", INT4)
                .add("connoinherit", BOOL).add("conkey", INT2_ARRAY).add("confkey", INT2_ARRAY)
                .add("confdelsetcols", INT2_ARRAY).add("conbin", TEXT);
        return SystemRelation.of("pg_catalog", "pg_constraint", 2606, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Constraint constraint : objects.constraints()) {
                Relation relation = constraint.relation();
                long index = 0;
                long referenced = 0;
                ArrayValue key;
                ArrayValue referencedKey = null;
                ArrayValue setColumns = null;
                String update = " ";
                String delete = " ";
                String match = " ";
                String expression = null;
                boolean deferrable = false;
                boolean deferred = false;
                switch (constraint.type()) {
                    case 'c' -> {
                        key = null;
                        expression = ObjectDefinitions.checkCondition(relation.table(), constraint.check());
                    }
                    case 'n' -> key = columnNumbers(constraint.key().columns());
                    case 'p', 'u', 'x' -> {
                        key = columnNumbers(constraint.key().columns());
                        deferrable = constraint.key().deferrable();
                        deferred = constraint.key().initiallyDeferred();
                        Relation indexRelation = objects.relation(relation.schema(), constraint.name());
                        index = indexRelation == null ? 0 : indexRelation.oid();
                    }
                    default -> {
                        var foreignKey = constraint.foreignKey();
                        key = columnNumbers(foreignKey.columns());
                        referencedKey = columnNumbers(foreignKey.referencedColumns());
                        Relation target = objects.relation(foreignKey.referencedSchema(), foreignKey.referencedTable());
                        referenced = target == null ? 0 : target.oid();
                        Relation indexRelation = objects.relation(foreignKey.referencedSchema(),
                                foreignKey.referencedKey());
                        index = indexRelation == null ? 0 : indexRelation.oid();
                        update = actionCode(foreignKey.onUpdate());
                        delete = actionCode(foreignKey.onDelete());
                        match = foreignKey.matchFull() ? "f" : "s";
                        deferrable = foreignKey.deferrable();
                        deferred = foreignKey.initiallyDeferred();
                        setColumns = foreignKey.deleteSetColumns() == null ? null
                                : columnNumbers(foreignKey.deleteSetColumns());
                    }
                }
                if (constraint.type() == 'c') {
                    key = checkColumns(constraint);
                }
                int inherited = 0;
                if (constraint.type() == 'c') {
                    for (TableEntry parent : parentTables(objects, relation)) {
                        for (var check : parent.checks()) {
                            inherited += check.name().equals(constraint.name()) ? 1 : 0;
                        }
                    }
                }
                if (constraint.type() == 'n') {
                    String column = relation.table().columns().get(constraint.key().columns().getFirst()).name();
                    for (TableEntry parent : parentTables(objects, relation)) {
                        int at = parent.columnIndex(column);
                        inherited += at >= 0 && parent.columns().get(at).notNull() ? 1 : 0;
                    }
                }
                rows.add(new Object[] {constraint.oid(), constraint.name(), relation.namespace().oid(),
                    String.valueOf(constraint.type()), deferrable, deferred,
                    !(constraint.type() == 'c' && (constraint.check().notEnforced() || !constraint.check().validated())),
                    relation.oid(), 0L, index, 0L,
                    referenced,
                    update, delete, match, inherited == 0, (long) inherited,
                    constraint.type() == 'c' && constraint.check().noInherit(), key, referencedKey, setColumns,
                    expression});
            }
            return rows;
        });
    }

    /** The columns a CHECK condition reads, in table order, as pg_constraint.conkey lists them. */
    private static ArrayValue checkColumns(Constraint constraint) {
        java.util.BitSet used = new java.util.BitSet();
        io.basalt.plan.expression.ColumnReferences.collect(constraint.check().condition(), used);
        List<Integer> columns = new ArrayList<>();
        for (int column = used.nextSetBit(0); column >= 0; column = used.nextSetBit(column + 1)) {
            columns.add(column);
        }
        return columnNumbers(columns);
    }

    private static String actionCode(io.basalt.storage.table.ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> "a";
            case RESTRICT -> "r";
            case CASCADE -> "c";
            case SET_NULL -> "n";
            case SET_DEFAULT -> "d";
        };
    }

    private static SystemRelation attributeDefault() {
        Columns columns = new Columns().add("oid", OID).add("adrelid", OID).add("adnum", INT2).add("adbin", TEXT);
        return SystemRelation.of("pg_catalog", "pg_attrdef", 2604, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.system() != null || relation.kind() != 'r' && relation.kind() != 'p') {
                    continue;
                }
                List<ColumnEntry> tableColumns = relation.table().columns();
                for (int i = 0; i < tableColumns.size(); i++) {
                    String text = AttributeDefaults.text(objects, relation.table(), tableColumns.get(i), false);
                    if (text != null) {
                        rows.add(new Object[] {AttributeDefaults.oid(relation, i), relation.oid(), (long) i + 1, text});
                    }
                }
            }
            return rows;
        });
    }

    private static SystemRelation inherits() {
        Columns columns = new Columns().add("inhrelid", OID).add("inhparent", OID).add("inhseqno", INT4)
                .add("inhdetachpending", BOOL);
        return SystemRelation.of("pg_catalog", "pg_inherits", 2611, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            TableHierarchy hierarchy = objects.catalog().hierarchy();
            for (Relation relation : objects.relations()) {
                if (relation.kind() == 'i') {
                    Relation parentIndex = objects.parentIndex(relation);
                    if (parentIndex != null) {
                        rows.add(new Object[] {relation.oid(), parentIndex.oid(), 1L, false});
                    }
                    continue;
                }
                if (relation.system() != null || relation.kind() != 'r' && relation.kind() != 'p') {
                    continue;
                }
                List<TableHierarchy.Link> parents = hierarchy.parents(relation.schema(), relation.name());
                for (int i = 0; i < parents.size(); i++) {
                    Relation parent = objects.relation(parents.get(i).parentSchema(), parents.get(i).parentName());
                    if (parent != null) {
                        rows.add(new Object[] {relation.oid(), parent.oid(), (long) i + 1, false});
                    }
                }
            }
            return rows;
        });
    }

    private static SystemRelation sequence() {
        Columns columns = new Columns().add("seqrelid", OID).add("seqtypid", OID).add("seqstart", INT8)
                .add("seqincrement", INT8).add("seqmax", INT8).add("seqmin", INT8).add("seqcache", INT8)
                .add("seqcycle", BOOL);
        return SystemRelation.of("pg_catalog", "pg_sequence", 2224, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() == 'S' && relation.system() == null) {
                    SequenceOptions options = relation.sequence().options();
                    rows.add(new Object[] {relation.oid(), SystemTypes.oidOf(options.type()), options.start(),
                        options.increment(), options.maxValue(), options.minValue(), options.cache(),
                        options.cycle()});
                }
            }
            return rows;
        });
    }

    /**
     * pg_depend, for what it says most often: which column owns a sequence ({@code a} for a serial column or OWNED
     * BY, {@code i} for an identity column). Other dependencies are not listed.
     */
    private static SystemRelation depend() {
        Columns columns = new Columns().add("classid", OID).add("objid", OID).add("objsubid", INT4)
                .add("refclassid", OID).add("refobjid", OID).add("refobjsubid", INT4).add("deptype", TEXT);
        return SystemRelation.of("pg_catalog", "pg_depend", 2608, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() != 'S' || relation.sequence() == null || relation.sequence().owner() == null) {
                    continue;
                }
                var owner = relation.sequence().owner();
                Relation table = objects.relation(relation.schema(), owner.table());
                if (table != null && table.table() != null) {
                    int column = table.table().columnIndex(owner.column());
                    rows.add(new Object[] {1259L, relation.oid(), 0L, 1259L, table.oid(), (long) column + 1,
                        owner.identity() ? "i" : "a"});
                }
            }
            return rows;
        });
    }

    private static SystemRelation description() {
        Columns columns = new Columns().add("objoid", OID).add("classoid", OID).add("objsubid", INT4)
                .add("description", TEXT);
        return SystemRelation.of("pg_catalog", "pg_description", 2609, columns, objects -> List.of());
    }

    private static SystemRelation database() {
        Columns columns = new Columns().add("oid", OID).add("datname", NAME).add("datdba", OID).add("encoding", INT4)
                .add("datlocprovider", TEXT).add("datistemplate", BOOL).add("datallowconn", BOOL)
                .add("datconnlimit", INT4).add("dattablespace", OID).add("datcollate", TEXT).add("datctype", TEXT)
                .add("datacl", TEXT_ARRAY);
        return SystemRelation.of("pg_catalog", "pg_database", 1262, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {CatalogObjects.DATABASE_OID, ObjectDefinitions.DATABASE,
                ObjectDefinitions.OWNER_OID, 6L, "c", false, true, -1L, 1663L, "C", "C", null});
            return rows;
        });
    }

    private static SystemRelation tables() {
        Columns columns = new Columns().add("schemaname", NAME).add("tablename", NAME).add("tableowner", NAME)
                .add("tablespace", NAME).add("hasindexes", BOOL).add("hasrules", BOOL).add("hastriggers", BOOL)
                .add("rowsecurity", BOOL);
        return SystemRelation.of("pg_catalog", "pg_tables", 12000, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.system() == null && (relation.kind() == 'r' || relation.kind() == 'p')) {
                    TableEntry table = relation.table();
                    rows.add(new Object[] {relation.schema(), relation.name(), ObjectDefinitions.OWNER, null,
                        !table.uniqueKeys().isEmpty() || !table.indexes().isEmpty(), false, false, false});
                }
            }
            return rows;
        });
    }

    private static SystemRelation views() {
        Columns columns = new Columns().add("schemaname", NAME).add("viewname", NAME).add("viewowner", NAME)
                .add("definition", TEXT);
        return SystemRelation.of("pg_catalog", "pg_views", 12001, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() == 'v') {
                    String definition = relation.view() == null ? null
                            : io.basalt.binder.viewtext.ViewText.of(relation.view(), objects.catalog(), false);
                    rows.add(new Object[] {relation.schema(), relation.name(), ObjectDefinitions.OWNER, definition});
                }
            }
            return rows;
        });
    }

    private static SystemRelation indexes() {
        Columns columns = new Columns().add("schemaname", NAME).add("tablename", NAME).add("indexname", NAME)
                .add("tablespace", NAME).add("indexdef", TEXT);
        return SystemRelation.of("pg_catalog", "pg_indexes", 12002, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() == 'i') {
                    rows.add(new Object[] {relation.schema(), relation.table().name(), relation.name(), null,
                        ObjectDefinitions.index(objects, relation)});
                }
            }
            return rows;
        });
    }

    private static SystemRelation sequences() {
        Columns columns = new Columns().add("schemaname", NAME).add("sequencename", NAME)
                .add("sequenceowner", NAME).add("data_type", LogicalType.REGTYPE).add("start_value", INT8)
                .add("min_value", INT8).add("max_value", INT8).add("increment_by", INT8).add("cycle", BOOL)
                .add("cache_size", INT8).add("last_value", INT8);
        return SystemRelation.of("pg_catalog", "pg_sequences", 12003, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            for (Relation relation : objects.relations()) {
                if (relation.kind() == 'S' && relation.system() == null) {
                    SequenceOptions options = relation.sequence().options();
                    var state = relation.sequence().state();
                    rows.add(new Object[] {relation.schema(), relation.name(), ObjectDefinitions.OWNER,
                        options.type().displayName(), options.start(), options.minValue(), options.maxValue(),
                        options.increment(), options.cycle(), options.cache(),
                        state.isCalled() ? state.lastValue() : null});
                }
            }
            return rows;
        });
    }
}
