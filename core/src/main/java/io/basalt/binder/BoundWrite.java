package io.basalt.binder;

import io.basalt.plan.logical.LogicalPlan;
import java.util.List;

/**
 * A bound INSERT, UPDATE or DELETE: the plan to run, and whether it returns rows (RETURNING: the plan's output
 * columns, named by {@code names}) or only the number of rows changed (the plan is a bare
 * {@link LogicalPlan.Write}, {@code names} empty).
 */
public record BoundWrite(LogicalPlan.WriteKind kind, LogicalPlan plan, boolean returnsRows, List<String> names) {
    public BoundWrite {
        names = List.copyOf(names);
    }

    static BoundWrite counting(LogicalPlan.Write write) {
        return new BoundWrite(write.kind(), write, false, List.of());
    }

    static BoundWrite returning(LogicalPlan.WriteKind kind, BoundQuery query) {
        return new BoundWrite(kind, query.plan(), true, query.names());
    }
}
