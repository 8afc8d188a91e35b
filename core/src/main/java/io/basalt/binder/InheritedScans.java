package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table read together with its inheritance children and partitions, as PostgreSQL reads a table named without
 * ONLY: the rows of the table (unless it is partitioned, when it holds none) and of every descendant, each
 * descendant's columns taken by name in the table's column order, appended. Every row carries the system column
 * {@code tableoid}, which Basalt gives as the name of the relation the row comes from (as {@code tableoid::regclass}
 * prints it). Partitions are read in the order of their bounds, the default partition last, as PostgreSQL's Append
 * lists them; a partition whose constraint a constant condition rules out is pruned by {@link PartitionPruning}.
 */
public final class InheritedScans {
    /** The name of the system column holding the relation a row comes from. */
    static final String TABLE_OID = "tableoid";

    private InheritedScans() {
    }

    /** Whether reading {@code table} involves other tables or the tableoid column: it has parents or children. */
    static boolean inHierarchy(Catalog catalog, TableEntry table) {
        TableHierarchy hierarchy = catalog.hierarchy();
        return !hierarchy.children(table.schema(), table.name()).isEmpty()
                || hierarchy.partitionKey(table.schema(), table.name()) != null
                || !hierarchy.parents(table.schema(), table.name()).isEmpty();
    }

    /**
     * The plan reading {@code table} ({@code only}: without its descendants): the table's columns in order, then
     * tableoid (regclass: the relation's name).
     */
    static LogicalPlan plan(Catalog catalog, TableEntry table, boolean only) {
        return plan(catalog, table, only, List.of());
    }

    /**
     * As {@link #plan(Catalog, TableEntry, boolean)}, leaving out the partitions that {@link PartitionPruning} shows
     * hold no row satisfying all of {@code conjuncts} (over the table's columns).
     */
    static LogicalPlan plan(Catalog catalog, TableEntry table, boolean only, List<BoundExpression> conjuncts) {
        List<TableEntry> tables = new ArrayList<>();
        if (only || catalog.hierarchy().partitionKey(table.schema(), table.name()) == null) {
            tables.add(table);
        }
        if (!only) {
            descendants(catalog, table, tables, table, conjuncts);
        }
        LogicalPlan plan = null;
        for (TableEntry member : tables) {
            LogicalPlan branch = branch(table, member);
            plan = plan == null ? branch : new LogicalPlan.Append(plan, branch);
        }
        if (plan == null) {
            List<LogicalType> types = new ArrayList<>(table.columnTypes());
            if (SystemColumnScans.wanted()) {
                types.addAll(SystemColumnScans.types());
            } else {
                types.add(LogicalType.REGCLASS);
            }
            plan = new LogicalPlan.Values(List.of(), types);
        }
        return plan;
    }

    /** Every table below {@code table}, depth first, partitioned tables themselves left out (they hold no rows). */
    public static void descendants(Catalog catalog, TableEntry table, List<TableEntry> into) {
        descendants(catalog, table, into, table, List.of());
    }

    private static void descendants(Catalog catalog, TableEntry table, List<TableEntry> into, TableEntry root,
                                    List<BoundExpression> conjuncts) {
        TableHierarchy hierarchy = catalog.hierarchy();
        TableHierarchy.PartitionKey key = hierarchy.partitionKey(table.schema(), table.name());
        List<TableHierarchy.Link> links = new ArrayList<>(hierarchy.children(table.schema(), table.name()));
        if (hierarchy.partitionKey(table.schema(), table.name()) != null) {
            links.sort(BOUND_ORDER);
        }
        for (TableHierarchy.Link link : links) {
            TableEntry child = catalog.findTable(link.childSchema(), link.childName()).orElse(null);
            if (child == null || into.contains(child)) {
                continue;
            }
            if (key != null && !conjuncts.isEmpty() && !PartitionPruning.mayMatch(link, key, root, conjuncts,
                    links)) {
                continue;
            }
            if (hierarchy.partitionKey(child.schema(), child.name()) == null) {
                into.add(child);
            }
            descendants(catalog, child, into, root, conjuncts);
        }
    }

    /**
     * Range partitions by their lower bounds, list partitions by their smallest value, hash partitions by modulus
     * and remainder, DEFAULT last.
     */
    private static final Comparator<TableHierarchy.Link> BOUND_ORDER = (a, b) -> {
        if (a.isDefault() != b.isDefault()) {
            return a.isDefault() ? 1 : -1;
        }
        if (a.values() == null || b.values() == null || a.isDefault()) {
            return 0;
        }
        if (a.bound() instanceof io.basalt.sql.ast.PartitionBound.Hash
                && b.bound() instanceof io.basalt.sql.ast.PartitionBound.Hash) {
            int order = compare(a.values().from(), b.values().from());
            return order != 0 ? order : compare(a.values().to(), b.values().to());
        }
        List<Object> x = a.values().from().isEmpty() ? smallest(a.values().in()) : a.values().from();
        List<Object> y = b.values().from().isEmpty() ? smallest(b.values().in()) : b.values().from();
        return compare(x, y);
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> smallest(List<Object> values) {
        Object least = null;
        for (Object value : values) {
            if (value != null && (least == null || least.getClass() == value.getClass()
                    && ((Comparable) value).compareTo(least) < 0)) {
                least = value;
            }
        }
        List<Object> result = new ArrayList<>();
        result.add(least);
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> x, List<Object> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object a = x.get(i);
            Object b = y.get(i);
            if (a == b) {
                continue;
            }
            if (a == null || a == TableHierarchy.PartitionValues.MINVALUE || b == TableHierarchy.PartitionValues.MAXVALUE) {
                return -1;
            }
            if (b == null || b == TableHierarchy.PartitionValues.MINVALUE || a == TableHierarchy.PartitionValues.MAXVALUE) {
                return 1;
            }
            int order = a.getClass() == b.getClass() && a instanceof Comparable c ? c.compareTo(b) : 0;
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * {@code plan}, the appended scans of a hierarchy the query names {@code name}, with each scan named as a member
     * of it ({@link LogicalPlan.Scan#memberAlias}), so that EXPLAIN prints them as PostgreSQL names the child relations
     * of an inheritance parent ({@code Seq Scan on t1 t1_1}, {@code Seq Scan on t1c t1_2}).
     */
    static LogicalPlan membersOf(LogicalPlan plan, String name) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan.withAlias(LogicalPlan.Scan.memberAlias(name));
            case LogicalPlan.Append append -> new LogicalPlan.Append(membersOf(append.left(), name),
                    membersOf(append.right(), name));
            case LogicalPlan.Project project -> new LogicalPlan.Project(membersOf(project.input(), name),
                    project.expressions());
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(membersOf(filter.input(), name),
                    filter.conjuncts());
            default -> plan;
        };
    }

    /** {@code member}'s rows as rows of {@code table}: its columns of the table's names, then its name. */
    private static LogicalPlan branch(TableEntry table, TableEntry member) {
        int width = table.columns().size();
        int[] columns = new int[width];
        for (int i = 0; i < width; i++) {
            columns[i] = member == table ? i : member.columnIndex(table.columns().get(i).name());
        }
        if (SystemColumnScans.wanted()) {
            return SystemColumnScans.member(table, member, columns);
        }
        LogicalPlan scan = new LogicalPlan.Scan(member.store(), columns, table.columnTypes());
        List<BoundExpression> expressions = new ArrayList<>(width + 1);
        for (int i = 0; i < width; i++) {
            expressions.add(new BoundExpression.ColumnRef(i, null, table.columns().get(i).name(),
                    table.columnTypes().get(i), 0));
        }
        expressions.add(new BoundExpression.Constant(regclassText(member), LogicalType.REGCLASS, 0));
        return new LogicalPlan.Project(scan, expressions);
    }

    /** A relation's name as regclass output prints it: double-quoted unless a plain lower-case identifier. */
    static String regclassText(TableEntry table) {
        return io.basalt.sql.lexer.IdentifierQuoting.quote(table.name());
    }
}
