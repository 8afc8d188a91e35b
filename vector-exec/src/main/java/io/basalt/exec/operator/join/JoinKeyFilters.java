package io.basalt.exec.operator.join;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The join key sets published during one query's execution, by {@link JoinKeyFilter}: a hash join clears
 * its filters when its build opens and publishes them when the build finishes in memory (a build that spilled
 * publishes nothing). A key filter that finds nothing published lets every row pass, so a missing set costs
 * speed, never rows. The executor runs a join's build before anything on its probe side, which is where the
 * planner puts the filters, so that a published set is always the current build's. Thread-safe.
 */
public final class JoinKeyFilters {
    private final ConcurrentHashMap<JoinKeyFilter, JoinKeySet> published = new ConcurrentHashMap<>();

    public void publish(JoinKeyFilter filter, JoinKeySet keys) {
        published.put(filter, keys);
    }

    public void clear(JoinKeyFilter filter) {
        published.remove(filter);
    }

    /** The set published under {@code filter}, or null. */
    public JoinKeySet lookup(JoinKeyFilter filter) {
        return published.get(filter);
    }
}
