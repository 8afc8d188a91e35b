package io.basalt.routine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Catalog entries that share a schema-qualified name, each name with its overloads in creation order: the user's
 * functions and procedures, and the user's aggregates, kept apart as PostgreSQL's pg_proc kinds are. Not
 * thread-safe: {@link RoutineCatalog} guards it and counts its changes.
 *
 * @param <E> the entry type
 */
final class NamedOverloads<E> {
    private final Map<String, List<E>> byName = new HashMap<>();
    private final Function<E, String> schemaOf;
    private final Function<E, String> nameOf;
    private final Function<E, String> signatureOf;

    NamedOverloads(Function<E, String> schemaOf, Function<E, String> nameOf, Function<E, String> signatureOf) {
        this.schemaOf = schemaOf;
        this.nameOf = nameOf;
        this.signatureOf = signatureOf;
    }

    private static String key(String schema, String name) {
        return schema + "\0" + name;
    }

    /** The overloads of {@code schema.name}, in creation order. */
    List<E> named(String schema, String name) {
        List<E> found = byName.get(key(schema, name));
        return found == null ? List.of() : List.copyOf(found);
    }

    /** Whether an entry of this name exists in any schema (a quick test for the binder). */
    boolean anyNamed(String name) {
        for (List<E> overloads : byName.values()) {
            if (!overloads.isEmpty() && nameOf.apply(overloads.getFirst()).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code entry}, in place of {@code replacing} when that is not null. */
    void put(E entry, E replacing) {
        List<E> overloads = byName.computeIfAbsent(key(schemaOf.apply(entry), nameOf.apply(entry)),
                ignored -> new ArrayList<>());
        int at = replacing == null ? -1 : overloads.indexOf(replacing);
        if (at >= 0) {
            overloads.set(at, entry);
        } else {
            overloads.add(entry);
        }
    }

    void remove(E entry) {
        String key = key(schemaOf.apply(entry), nameOf.apply(entry));
        List<E> overloads = byName.get(key);
        if (overloads != null) {
            overloads.remove(entry);
            if (overloads.isEmpty()) {
                byName.remove(key);
            }
        }
    }

    /** Every entry, ordered by schema, name and signature (what EXPORT DATABASE writes). */
    List<E> all() {
        List<E> all = new ArrayList<>();
        for (List<E> overloads : byName.values()) {
            all.addAll(overloads);
        }
        all.sort(Comparator.comparing(schemaOf).thenComparing(nameOf).thenComparing(signatureOf));
        return all;
    }
}
