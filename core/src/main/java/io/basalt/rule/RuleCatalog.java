package io.basalt.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's rewrite rules, shared by every session, kept by their relation's schema and name. A relation's
 * rules are handed out in name order, the order PostgreSQL's rewriter applies them in. {@link #hasAnyRules} is
 * the write path's whole cost while no relation has a rule.
 */
public final class RuleCatalog {
    private final Map<String, List<RuleEntry>> rules = new HashMap<>();
    private volatile int ruleCount;

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    /** Whether any relation has a rule. */
    public boolean hasAnyRules() {
        return ruleCount != 0;
    }

    /** The rules of {@code schema.table}, in name order. */
    public synchronized List<RuleEntry> rulesOf(String schema, String table) {
        List<RuleEntry> list = rules.get(key(schema, table));
        if (list == null) {
            return List.of();
        }
        List<RuleEntry> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(RuleEntry::name));
        return sorted;
    }

    /** The rule of {@code schema.table} named {@code name}, or null. */
    public synchronized RuleEntry find(String schema, String table, String name) {
        List<RuleEntry> list = rules.get(key(schema, table));
        if (list != null) {
            for (RuleEntry rule : list) {
                if (rule.name().equals(name)) {
                    return rule;
                }
            }
        }
        return null;
    }

    /** Adds {@code entry}, in place of {@code replacing} when that is not null. */
    public synchronized void put(RuleEntry entry, RuleEntry replacing) {
        List<RuleEntry> list = rules.computeIfAbsent(key(entry.schema(), entry.table()), k -> new ArrayList<>());
        if (replacing != null && list.remove(replacing)) {
            ruleCount--;
        }
        list.add(entry);
        ruleCount++;
    }

    /** Removes {@code entry} if present. */
    public synchronized void remove(RuleEntry entry) {
        List<RuleEntry> list = rules.get(key(entry.schema(), entry.table()));
        if (list != null && list.remove(entry)) {
            ruleCount--;
            if (list.isEmpty()) {
                rules.remove(key(entry.schema(), entry.table()));
            }
        }
    }

    /** Forgets the rules of a relation that no longer exists; returns them. */
    public synchronized List<RuleEntry> removeRulesOf(String schema, String table) {
        List<RuleEntry> list = rules.remove(key(schema, table));
        if (list == null) {
            return List.of();
        }
        ruleCount -= list.size();
        return list;
    }

    /** Every rule, ordered by schema, relation and name. */
    public synchronized List<RuleEntry> allRules() {
        List<RuleEntry> all = new ArrayList<>();
        for (List<RuleEntry> list : rules.values()) {
            all.addAll(list);
        }
        all.sort(Comparator.comparing(RuleEntry::schema).thenComparing(RuleEntry::table)
                .thenComparing(RuleEntry::name));
        return all;
    }
}
