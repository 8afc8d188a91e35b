package io.basalt.binder;

import io.basalt.plan.logical.LogicalPlan;
import java.util.List;

/** A bound query: its plan and the names of its output columns. */
public record BoundQuery(LogicalPlan plan, List<String> names) {
    public BoundQuery {
        names = List.copyOf(names);
    }
}
