package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.optimizer.Optimizer;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The table columns a view's query reads, as PostgreSQL records them for DROP COLUMN and ALTER COLUMN TYPE: the
 * bound query is optimized, which prunes every scan to the columns something reads (a view's own output columns
 * always count, so {@code SELECT *} reads them all), and each scan's columns are named through the table whose
 * store it reads.
 */
final class ViewColumnUses {
    private ViewColumnUses() {
    }

    static List<ViewEntry.ColumnUse> of(LogicalPlan plan, Catalog catalog) {
        List<ViewEntry.ColumnUse> uses = new ArrayList<>();
        collect(Optimizer.optimize(plan), catalog.tables(), uses);
        return uses;
    }

    private static void collect(LogicalPlan plan, List<TableEntry> tables, List<ViewEntry.ColumnUse> uses) {
        switch (plan) {
            case LogicalPlan.Scan scan -> {
                for (TableEntry table : tables) {
                    if (table.store() == scan.source()) {
                        for (int column : scan.columns()) {
                            if (column >= 0 && column < table.columns().size()) {
                                ViewEntry.ColumnUse use = new ViewEntry.ColumnUse(table.schema(), table.name(),
                                        table.columns().get(column).name());
                                if (!uses.contains(use)) {
                                    uses.add(use);
                                }
                            }
                        }
                    }
                }
            }
            case LogicalPlan.Values ignored -> { }
            case LogicalPlan.Filter filter -> collect(filter.input(), tables, uses);
            case LogicalPlan.Project project -> collect(project.input(), tables, uses);
            case LogicalPlan.Join join -> {
                collect(join.left(), tables, uses);
                collect(join.right(), tables, uses);
            }
            case LogicalPlan.LateralJoin join -> {
                collect(join.left(), tables, uses);
                collect(join.right(), tables, uses);
            }
            case LogicalPlan.FunctionScan ignored -> { }
            case LogicalPlan.Apply apply -> {
                collect(apply.input(), tables, uses);
                collect(apply.subquery(), tables, uses);
            }
            case LogicalPlan.Aggregate aggregate -> collect(aggregate.input(), tables, uses);
            case LogicalPlan.Window window -> collect(window.input(), tables, uses);
            case LogicalPlan.Sort sort -> collect(sort.input(), tables, uses);
            case LogicalPlan.DistinctOn distinct -> collect(distinct.input(), tables, uses);
            case LogicalPlan.Limit limit -> collect(limit.input(), tables, uses);
            case LogicalPlan.Append append -> {
                collect(append.left(), tables, uses);
                collect(append.right(), tables, uses);
            }
            case LogicalPlan.Repeat repeat -> collect(repeat.input(), tables, uses);
            case LogicalPlan.InitPlanOverInput initPlan -> {
                collect(initPlan.input(), tables, uses);
                collect(initPlan.subplan(), tables, uses);
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                collect(setOperation.left(), tables, uses);
                collect(setOperation.right(), tables, uses);
            }
            case LogicalPlan.RecursiveUnion union -> {
                collect(union.seed(), tables, uses);
                collect(union.step(), tables, uses);
            }
            case LogicalPlan.Write write -> collect(write.input(), tables, uses);
        }
    }
}
