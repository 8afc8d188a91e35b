package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

/**
 * Names one join key filter in a physical plan: the hash join that owns it publishes its build key's values
 * under this name when its build finishes, and the {@link io.basalt.exec.operator.filter.KeyFilterOperator}s
 * placed on its probe side look them up there ({@link JoinKeyFilters}). Equality is identity: each filter the
 * planner makes is distinct, even when two describe alike. Immutable, part of the plan.
 */
public final class JoinKeyFilter {
    private final String name;

    public JoinKeyFilter(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String toString() {
        return name;
    }
}
