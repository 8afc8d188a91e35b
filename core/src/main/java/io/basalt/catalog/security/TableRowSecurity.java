package io.basalt.catalog.security;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's row-level security: whether it is enabled (ALTER TABLE ... ENABLE ROW LEVEL SECURITY) and forced on
 * the table's owner too (FORCE ROW LEVEL SECURITY), and its policies in creation order. Policies exist whether or
 * not security is enabled; they take effect only while it is.
 */
public record TableRowSecurity(boolean enabled, boolean forced, List<RowSecurityPolicy> policies) {
    /** A table that never had row-level security. */
    public static final TableRowSecurity NONE = new TableRowSecurity(false, false, List.of());

    public TableRowSecurity {
        policies = List.copyOf(policies);
    }

    /** The policy named {@code name}, or null. */
    public RowSecurityPolicy policy(String name) {
        for (RowSecurityPolicy policy : policies) {
            if (policy.name().equals(name)) {
                return policy;
            }
        }
        return null;
    }

    public TableRowSecurity withEnabled(boolean newEnabled) {
        return new TableRowSecurity(newEnabled, forced, policies);
    }

    public TableRowSecurity withForced(boolean newForced) {
        return new TableRowSecurity(enabled, newForced, policies);
    }

    /** With {@code policy} added, or replacing the one named {@code replaced} in its place. */
    public TableRowSecurity withPolicy(String replaced, RowSecurityPolicy policy) {
        List<RowSecurityPolicy> changed = new ArrayList<>(policies);
        int index = -1;
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).name().equals(replaced)) {
                index = i;
            }
        }
        if (index >= 0) {
            changed.set(index, policy);
        } else {
            changed.add(policy);
        }
        return new TableRowSecurity(enabled, forced, changed);
    }

    public TableRowSecurity withoutPolicy(String name) {
        List<RowSecurityPolicy> changed = new ArrayList<>(policies);
        changed.removeIf(policy -> policy.name().equals(name));
        return new TableRowSecurity(enabled, forced, changed);
    }
}
