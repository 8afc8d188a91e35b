package io.basalt.binder.viewtext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a query level's join columns print under when a join without an alias merges a USING column that no
 * side's column stands for (a FULL join's, or one a side reaches only through a cast): such a column can be written
 * only by its bare name, so that name must mean nothing else in the level. As PostgreSQL's {@code set_using_names}
 * does, the merged columns are then named apart, top down and left to right ({@code x}, then {@code x_1}, ...; an
 * outer join's name for a column its inner join merges is that join's name too), each side's column for it takes
 * that name, and any other column of the level's relations that a merged column's name would hide is renamed
 * ({@code x_1}); a relation whose columns are renamed prints a column alias list.
 */
final class UsingNames {
    private UsingNames() {
    }

    /** Renames the merged and relation columns of {@code from} (one query level's FROM items) apart, if needed. */
    static void separate(List<Source> from) {
        boolean dangerous = false;
        for (Source source : from) {
            dangerous |= dangerous(source);
        }
        if (!dangerous) {
            return;
        }
        Set<String> usingNames = new HashSet<>();
        Map<Source.Relation, Set<Integer>> pinned = new HashMap<>();
        for (Source source : from) {
            assign(source, Map.of(), usingNames, pinned);
        }
        List<Source.Relation> relations = new ArrayList<>();
        for (Source source : from) {
            source.relations(relations);
        }
        for (Source.Relation relation : relations) {
            Set<Integer> kept = pinned.getOrDefault(relation, Set.of());
            List<String> printed = new ArrayList<>(relation.printedNames);
            for (int c = 0; c < printed.size(); c++) {
                if (kept.contains(c) || !usingNames.contains(printed.get(c))) {
                    continue;
                }
                String unique = printed.get(c);
                for (int n = 1; usingNames.contains(unique) || printed.contains(unique); n++) {
                    unique = printed.get(c) + "_" + n;
                }
                printed.set(c, unique);
                relation.aliasColumns = true;
            }
            relation.printedNames = List.copyOf(printed);
        }
    }

    /** Whether {@code source} holds a join without an alias that merges a column printed by its bare name. */
    private static boolean dangerous(Source source) {
        return switch (source) {
            case Source.Join join -> {
                boolean found = false;
                for (int i = 0; i < join.using.size() && join.usingAlias == null; i++) {
                    found |= join.bare(i);
                }
                yield found || dangerous(join.left) || dangerous(join.right);
            }
            case Source.Aliased aliased -> dangerous(aliased.joined);
            default -> false;
        };
    }

    /** Names the merged columns of {@code source}; {@code given} maps its columns to names an outer join chose. */
    private static void assign(Source source, Map<String, String> given, Set<String> usingNames,
                               Map<Source.Relation, Set<Integer>> pinned) {
        switch (source) {
            case Source.Join join -> {
                List<String> printed = new ArrayList<>();
                Map<String, String> leftNames = new HashMap<>();
                Map<String, String> rightNames = new HashMap<>();
                for (String column : join.using) {
                    String name = given.get(column);
                    if (name == null) {
                        name = column;
                        for (int n = 1; usingNames.contains(name); n++) {
                            name = column + "_" + n;
                        }
                    }
                    usingNames.add(name);
                    printed.add(name);
                    leftNames.put(column, name);
                    rightNames.put(column, name);
                }
                for (Map.Entry<String, String> entry : given.entrySet()) {
                    if (join.using.contains(entry.getKey())) {
                        continue;
                    }
                    if (join.left.indexOf(entry.getKey()) >= 0) {
                        leftNames.put(entry.getKey(), entry.getValue());
                    } else {
                        rightNames.put(entry.getKey(), entry.getValue());
                    }
                }
                join.printedUsing = List.copyOf(printed);
                assign(join.left, leftNames, usingNames, pinned);
                assign(join.right, rightNames, usingNames, pinned);
            }
            case Source.Relation relation -> {
                List<String> printed = new ArrayList<>(relation.printedNames);
                for (Map.Entry<String, String> entry : given.entrySet()) {
                    int index = relation.names().indexOf(entry.getKey());
                    if (index < 0) {
                        continue;
                    }
                    pinned.computeIfAbsent(relation, ignored -> new HashSet<>()).add(index);
                    if (!printed.get(index).equals(entry.getValue())) {
                        printed.set(index, entry.getValue());
                        relation.aliasColumns = true;
                    }
                }
                relation.printedNames = List.copyOf(printed);
            }
            case Source.Aliased aliased -> assign(aliased.joined, Map.of(), usingNames, pinned);
            default -> {
                // a join's USING alias names no relation of its own
            }
        }
    }
}
