package io.basalt.binder.viewtext;

import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One query level of a view's text: its FROM items, the names given to its relations (unique across the levels in
 * scope, as PostgreSQL's {@code set_rtable_names} makes them: a repeated name gets {@code _1}, {@code _2}, ...), the
 * WITH queries it can read, and whether its column references are printed with their relation's name
 * ({@code varprefix}: always below the top level, and at the top when it reads more than one relation).
 */
final class NameScope {
    final NameScope parent;
    final List<Source> from = new ArrayList<>();
    final Map<String, Source.Relation> withQueries = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    boolean prefix = true;
    /**
     * The level whose names this one's must also avoid though it cannot read its columns: the level a (not
     * LATERAL) subquery in FROM belongs to, as PostgreSQL names a subquery's relations after its parent's.
     */
    NameScope namesAlso;

    NameScope(NameScope parent) {
        this.parent = parent;
    }

    /** {@code desired}, or the first of {@code desired_1}, {@code desired_2}, ... no level in scope uses yet. */
    String unique(String desired) {
        String name = desired;
        for (int n = 1; taken(name); n++) {
            name = desired + "_" + n;
        }
        used.add(name);
        return name;
    }

    private boolean taken(String name) {
        return used.contains(name) || (parent != null && parent.taken(name))
                || (namesAlso != null && namesAlso.taken(name));
    }

    Source.Relation withQuery(String name) {
        for (NameScope scope = this; scope != null; scope = scope.parent) {
            Source.Relation found = scope.withQueries.get(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The column {@code parts} ({@code a}, {@code t.a} or {@code s.t.a}) refers to, searched from this level
     * outwards; a name found nowhere prints as written.
     */
    Column resolve(List<String> parts) {
        String name = parts.getLast();
        for (NameScope scope = this; scope != null; scope = scope.parent) {
            for (Source source : scope.from) {
                if (parts.size() == 1) {
                    int index = source.indexOf(name);
                    if (index >= 0) {
                        return printed(source.column(index));
                    }
                } else {
                    Source relation = source.find(parts.get(parts.size() - 2));
                    if (relation != null && relation.indexOf(name) >= 0) {
                        return printed(relation.column(relation.indexOf(name)));
                    }
                }
            }
        }
        List<String> quoted = new ArrayList<>();
        for (String part : parts) {
            quoted.add(IdentifierQuoting.quote(part));
        }
        return new Column(String.join(".", quoted), name, null);
    }

    /**
     * A one-part reference that names no column but a relation in scope (a whole-row reference) as PostgreSQL
     * prints it, {@code refname.*}, followed by a cast to the row type where {@code topLevel} (a select-list item,
     * a ROW or VALUES field); null when {@code parts} is no such reference.
     */
    String wholeRow(List<String> parts, boolean topLevel) {
        if (parts.size() == 2 && parts.getLast().equals("*")) {
            // r.* written as a value (ROW(r.*), r.*::type): the whole row, its cast written where it is
            String wholeRow = wholeRow(parts.subList(0, 1), false);
            return wholeRow;
        }
        if (parts.size() != 1) {
            return null;
        }
        String name = parts.getFirst();
        for (NameScope scope = this; scope != null; scope = scope.parent) {
            for (Source source : scope.from) {
                if (source.indexOf(name) >= 0) {
                    return null;
                }
            }
            for (Source source : scope.from) {
                if (source.find(name) instanceof Source.Relation relation) {
                    String text = IdentifierQuoting.quote(relation.refname) + ".*";
                    return topLevel ? text + "::" + relation.rowType : text;
                }
            }
        }
        return null;
    }

    /** The column as this level prints it: without its relation's name at a top level that reads one relation. */
    Column printed(Column column) {
        return column.withPrefix(prefix);
    }
}
