package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

/** A hash join's promise to publish the values of its build key {@code key} under {@code filter}. */
public record JoinKeyFilterTarget(int key, JoinKeyFilter filter) {
    public JoinKeyFilterTarget {
        requireNonNull(filter, "filter is null");
        if (key < 0) {
            throw new IllegalArgumentException("key must not be negative");
        }
    }
}
