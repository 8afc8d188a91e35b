package io.basalt.routine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's user-defined functions, procedures and triggers, shared by every session. Functions are kept by
 * schema and name, each name with its overloads (told apart by their input types); triggers by their table's
 * schema and name, in creation order (PostgreSQL fires a table's triggers of one kind in name order: see
 * {@link #triggersOf}). {@link #hasTriggers} is the DML path's one check for tables without triggers.
 * Every method is synchronized: DDL changes it while statements read it.
 */
public final class RoutineCatalog {
    private final NamedOverloads<FunctionEntry> functions = new NamedOverloads<>(FunctionEntry::schema,
            FunctionEntry::name, FunctionEntry::signature);
    private final NamedOverloads<AggregateEntry> aggregates = new NamedOverloads<>(AggregateEntry::schema,
            AggregateEntry::name, AggregateEntry::signature);
    private final Map<String, List<TriggerEntry>> triggers = new HashMap<>();
    /** Bumped at every change, so that bound plans and compiled bodies can tell they are stale. */
    private volatile long version;

    private static String key(String schema, String name) {
        return schema + "\0" + name;
    }

    public long version() {
        return version;
    }

    /** The overloads of {@code schema.name}, in creation order. */
    public synchronized List<FunctionEntry> functions(String schema, String name) {
        return functions.named(schema, name);
    }

    /** Whether any function of this name exists in any schema (a quick test for the binder). */
    public synchronized boolean anyFunctionNamed(String name) {
        return functions.anyNamed(name);
    }

    /** Adds {@code entry}, in place of {@code replacing} when that is not null. */
    public synchronized void putFunction(FunctionEntry entry, FunctionEntry replacing) {
        functions.put(entry, replacing);
        version++;
    }

    public synchronized void removeFunction(FunctionEntry entry) {
        functions.remove(entry);
        version++;
    }

    /** Whether any table has a trigger: the DML path's whole cost when none has. */
    public boolean hasAnyTriggers() {
        return triggerCount != 0;
    }

    /** Whether {@code schema.table} has any trigger at all (enabled or not). */
    public boolean hasTriggers(String schema, String table) {
        if (triggerCount == 0) {
            return false;
        }
        synchronized (this) {
            List<TriggerEntry> list = triggers.get(key(schema, table));
            return list != null && !list.isEmpty();
        }
    }

    private volatile int triggerCount;

    /** The triggers of {@code schema.table}, in name order (the order PostgreSQL fires them in). */
    public synchronized List<TriggerEntry> triggersOf(String schema, String table) {
        List<TriggerEntry> list = triggers.get(key(schema, table));
        if (list == null) {
            return List.of();
        }
        List<TriggerEntry> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        return sorted;
    }

    /** Every trigger that runs a function named {@code schema.name}. */
    public synchronized List<TriggerEntry> triggersCalling(String schema, String name) {
        List<TriggerEntry> found = new ArrayList<>();
        for (List<TriggerEntry> list : triggers.values()) {
            for (TriggerEntry trigger : list) {
                if (trigger.functionSchema().equals(schema) && trigger.functionName().equals(name)) {
                    found.add(trigger);
                }
            }
        }
        return found;
    }

    public synchronized void putTrigger(TriggerEntry entry, TriggerEntry replacing) {
        List<TriggerEntry> list = triggers.computeIfAbsent(key(entry.schema(), entry.table()),
                ignored -> new ArrayList<>());
        int at = replacing == null ? -1 : list.indexOf(replacing);
        if (at >= 0) {
            list.set(at, entry);
        } else {
            list.add(entry);
            triggerCount++;
        }
        version++;
    }

    public synchronized void removeTrigger(TriggerEntry entry) {
        List<TriggerEntry> list = triggers.get(key(entry.schema(), entry.table()));
        if (list != null && list.remove(entry)) {
            triggerCount--;
            if (list.isEmpty()) {
                triggers.remove(key(entry.schema(), entry.table()));
            }
        }
        version++;
    }

    /** Forgets the triggers of a table that no longer exists; returns them. */
    public synchronized List<TriggerEntry> removeTriggersOf(String schema, String table) {
        List<TriggerEntry> list = triggers.remove(key(schema, table));
        if (list == null) {
            return List.of();
        }
        triggerCount -= list.size();
        version++;
        return list;
    }

    /** The names of the tables that have triggers, as schema/name pairs. */
    public synchronized List<String[]> tablesWithTriggers() {
        List<String[]> tables = new ArrayList<>();
        for (List<TriggerEntry> list : triggers.values()) {
            if (!list.isEmpty()) {
                tables.add(new String[] {list.getFirst().schema(), list.getFirst().table()});
            }
        }
        return tables;
    }

    /** Every function and procedure, ordered by schema, name and signature (what EXPORT DATABASE writes). */
    public synchronized List<FunctionEntry> allFunctions() {
        return functions.all();
    }

    /** Every trigger, ordered by schema, table and name. */
    public synchronized List<TriggerEntry> allTriggers() {
        List<TriggerEntry> all = new ArrayList<>();
        for (List<TriggerEntry> ofTable : triggers.values()) {
            all.addAll(ofTable);
        }
        all.sort(java.util.Comparator.comparing(TriggerEntry::schema).thenComparing(TriggerEntry::table)
                .thenComparing(TriggerEntry::name));
        return all;
    }

    // ---- aggregates (CREATE AGGREGATE) ----------------------------------------------------------------------------

    /** The user-defined aggregates named {@code schema.name}, in creation order. */
    public synchronized List<AggregateEntry> aggregates(String schema, String name) {
        return aggregates.named(schema, name);
    }

    /** Whether any user-defined aggregate has this name (a quick test for the binder). */
    public synchronized boolean anyAggregateNamed(String name) {
        return aggregates.anyNamed(name);
    }

    /** Adds {@code entry}, in place of {@code replacing} when that is not null. */
    public synchronized void putAggregate(AggregateEntry entry, AggregateEntry replacing) {
        aggregates.put(entry, replacing);
        version++;
    }

    public synchronized void removeAggregate(AggregateEntry entry) {
        aggregates.remove(entry);
        version++;
    }

    /** Every user-defined aggregate, ordered by schema, name and signature (what EXPORT DATABASE writes). */
    public synchronized List<AggregateEntry> allAggregates() {
        return aggregates.all();
    }
}
