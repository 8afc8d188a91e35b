package io.basalt.binder.viewtext;

import io.basalt.sql.ast.FromItem;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * An item of a FROM clause as the view's text sees it: the columns it offers, how each is printed, and the name the
 * query refers to it by. A relation (table, view, subquery, function or WITH query) prints its columns as
 * {@code refname.column}; a join offers its USING columns first, then each side's others, as PostgreSQL's
 * {@code *} does, and prints a merged column through the side PostgreSQL would use.
 */
sealed interface Source {
    List<String> names();

    Column column(int index);

    /** The relation (or aliased join) inside this item that the query calls {@code name}, or null. */
    Source find(String name);

    /** A column reference that reads column {@code index} of this item (its relation's name and the column's). */
    List<String> reference(int index);

    /** The relation sources inside this item, left to right. */
    void relations(List<Relation> into);

    default int indexOf(String name) {
        return names().indexOf(name);
    }

    /** A table, view, subquery, function or WITH query, printed as {@code refname}. */
    final class Relation implements Source {
        final String lookup;
        final String refname;
        final List<String> names;
        final List<LogicalType> types;
        /** The names its columns print as: {@link #names} unless a rename is being followed. */
        List<String> printedNames;
        /** Whether it prints a column alias list ({@link #printedNames}) though the query wrote none. */
        boolean aliasColumns;
        /** The type a whole-row reference to it is cast to: its table's or view's row type, else record. */
        String rowType = "record";
        /** Whether it reads a WITH query of the statement (not a table or view of the catalog). */
        boolean withQuery;

        Relation(String lookup, String refname, List<String> names, List<LogicalType> types) {
            this.lookup = lookup;
            this.refname = refname;
            this.names = List.copyOf(names);
            this.types = new ArrayList<>(types);
            this.printedNames = this.names;
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public Column column(int index) {
            String name = printedNames.get(index);
            return new Column(IdentifierQuoting.quote(refname) + "." + IdentifierQuoting.quote(name), name,
                    types.get(index));
        }

        @Override
        public Source find(String name) {
            return lookup.equals(name) ? this : null;
        }

        @Override
        public List<String> reference(int index) {
            return List.of(lookup, names.get(index));
        }

        @Override
        public void relations(List<Relation> into) {
            into.add(this);
        }
    }

    /**
     * A join; {@code using} holds the merged columns (a NATURAL join's common ones), {@code printedUsing} the names
     * they print as (their own unless the level renames them apart, see {@code QueryWriter}).
     */
    final class Join implements Source {
        final FromItem.JoinType type;
        final Source left;
        final Source right;
        final List<String> using;
        List<String> printedUsing;
        private final List<String> names = new ArrayList<>();
        /** Per column after the merged ones: whether it is the right side's, and its index there. */
        private final List<Boolean> fromRight = new ArrayList<>();
        private final List<Integer> sideIndex = new ArrayList<>();
        /** The name {@code USING (...) AS name} gives the merged columns, or null. */
        String usingAlias;

        Join(FromItem.JoinType type, Source left, Source right, List<String> using) {
            this.type = type;
            this.left = left;
            this.right = right;
            this.using = List.copyOf(using);
            this.printedUsing = this.using;
            names.addAll(using);
            for (int i = 0; i < left.names().size(); i++) {
                if (!using.contains(left.names().get(i))) {
                    names.add(left.names().get(i));
                    fromRight.add(false);
                    sideIndex.add(i);
                }
            }
            for (int i = 0; i < right.names().size(); i++) {
                if (!using.contains(right.names().get(i))) {
                    names.add(right.names().get(i));
                    fromRight.add(true);
                    sideIndex.add(i);
                }
            }
        }

        @Override
        public List<String> names() {
            return names;
        }

        /** Whether merged column {@code index} prints as its bare name (no side's column stands for it). */
        boolean bare(int index) {
            String name = using.get(index);
            if (left.indexOf(name) < 0 || right.indexOf(name) < 0) {
                return true;
            }
            Column l = left.column(left.indexOf(name));
            Column r = right.column(right.indexOf(name));
            LogicalType common = ExpressionTypes.common(l.type(), r.type());
            return switch (type) {
                case LEFT -> !sameType(l.type(), common);
                case RIGHT -> !sameType(r.type(), common);
                case FULL -> true;
                default -> false;
            };
        }

        @Override
        public Column column(int index) {
            if (index < using.size()) {
                String name = using.get(index);
                String printed = printedUsing.get(index);
                if (bare(index)) {
                    Column l = left.indexOf(name) < 0 ? null : left.column(left.indexOf(name));
                    Column r = right.indexOf(name) < 0 ? null : right.column(right.indexOf(name));
                    LogicalType common = l == null || r == null ? null : ExpressionTypes.common(l.type(), r.type());
                    return new Column(IdentifierQuoting.quote(printed), printed, common);
                }
                Column l = left.column(left.indexOf(name));
                Column r = right.column(right.indexOf(name));
                LogicalType common = ExpressionTypes.common(l.type(), r.type());
                return switch (type) {
                    case LEFT -> l;
                    case RIGHT -> r;
                    default -> sameType(l.type(), common) || !sameType(r.type(), common) ? l : r;
                };
            }
            int other = index - using.size();
            return fromRight.get(other) ? right.column(sideIndex.get(other)) : left.column(sideIndex.get(other));
        }

        @Override
        public List<String> reference(int index) {
            if (index < using.size()) {
                return List.of(names.get(index));
            }
            int other = index - using.size();
            return fromRight.get(other) ? right.reference(sideIndex.get(other))
                    : left.reference(sideIndex.get(other));
        }

        private static boolean sameType(LogicalType a, LogicalType b) {
            return a == null || b == null || a.id() == b.id();
        }

        @Override
        public Source find(String name) {
            if (name.equals(usingAlias)) {
                return new UsingAlias(this);
            }
            Source found = left.find(name);
            return found != null ? found : right.find(name);
        }

        @Override
        public void relations(List<Relation> into) {
            left.relations(into);
            right.relations(into);
        }
    }

    /** The merged columns of a join under the name {@code USING (...) AS name} gives them. */
    final class UsingAlias implements Source {
        private final Join join;

        UsingAlias(Join join) {
            this.join = join;
        }

        @Override
        public List<String> names() {
            return join.using;
        }

        @Override
        public Column column(int index) {
            return join.column(index);
        }

        @Override
        public Source find(String name) {
            return null;
        }

        @Override
        public List<String> reference(int index) {
            return List.of(join.usingAlias, join.using.get(index));
        }

        @Override
        public void relations(List<Relation> into) {
        }
    }

    /**
     * A join named by an alias, {@code (a JOIN b) AS j [(c1, ...)]}: its columns (renamed by the column aliases)
     * print as {@code j.column}, and the relations inside it cannot be named from outside.
     */
    final class Aliased implements Source {
        final Source joined;
        final String lookup;
        final String refname;
        private final List<String> names;

        Aliased(Source joined, String lookup, String refname, List<String> names) {
            this.joined = joined;
            this.lookup = lookup;
            this.refname = refname;
            this.names = List.copyOf(names);
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public Column column(int index) {
            String name = names.get(index);
            return new Column(IdentifierQuoting.quote(refname) + "." + IdentifierQuoting.quote(name), name,
                    joined.column(index).type());
        }

        @Override
        public Source find(String name) {
            return lookup.equals(name) ? this : null;
        }

        @Override
        public List<String> reference(int index) {
            return List.of(lookup, names.get(index));
        }

        @Override
        public void relations(List<Relation> into) {
            joined.relations(into);
        }
    }
}
