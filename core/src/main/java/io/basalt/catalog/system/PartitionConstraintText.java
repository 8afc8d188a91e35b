package io.basalt.catalog.system;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableHierarchy;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.sql.ast.PartitionBound;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition's constraint as PostgreSQL's pg_get_partition_constraintdef prints it (and {@code \d+} shows it as
 * "Partition constraint:"): the constraints of its partitioned ancestors first, then its own, as one flat AND of
 * parenthesized conditions. A list partition holds {@code (key IS NOT NULL) AND (key = value)} (or {@code = ANY
 * (ARRAY[...])}, an OR of equalities for an array key, {@code key IS NULL} when NULL is listed); a range partition
 * every key not null, the keys its bounds fix to one value, then PostgreSQL's OR of arms for the lower and for the
 * upper bound (an arm stops at MINVALUE or MAXVALUE, whose neighbour decides between {@code >} and {@code >=}); a
 * DEFAULT partition the negation of its siblings' conditions. Hash partitions have no text here (PostgreSQL's calls
 * satisfies_hash_partition with the parent's oid).
 */
final class PartitionConstraintText {
    private PartitionConstraintText() {
    }

    /** The constraint of {@code schema.name}, or null when it is no partition or its constraint has no text here. */
    static String of(Catalog catalog, String schema, String name) {
        TableHierarchy hierarchy = catalog.hierarchy();
        List<List<String>> levels = new ArrayList<>();
        TableHierarchy.Link link = hierarchy.partitionOf(schema, name);
        while (link != null) {
            TableHierarchy.PartitionKey key = hierarchy.partitionKey(link.parentSchema(), link.parentName());
            if (key == null || link.values() == null) {
                return null;
            }
            List<String> own = own(link, key, hierarchy.children(link.parentSchema(), link.parentName()));
            if (own == null) {
                return null;
            }
            levels.addFirst(own);
            link = hierarchy.partitionOf(link.parentSchema(), link.parentName());
        }
        List<String> all = new ArrayList<>();
        for (List<String> level : levels) {
            all.addAll(level);
        }
        return all.isEmpty() ? null : all.size() == 1 ? all.getFirst() : and(all);
    }

    private static List<String> own(TableHierarchy.Link link, TableHierarchy.PartitionKey key,
                                    List<TableHierarchy.Link> siblings) {
        return switch (link.bound()) {
            case PartitionBound.Hash ignored -> null;
            case PartitionBound.In ignored -> list(link.values().in(), key);
            case PartitionBound.Range ignored -> {
                List<String> conditions = notNulls(key);
                conditions.addAll(range(link.values(), key));
                yield conditions;
            }
            case PartitionBound.Default ignored -> {
                String negated = key.strategy().equals("list") ? defaultList(key, siblings)
                        : defaultRange(key, siblings);
                yield negated == null ? null : List.of("(NOT " + negated + ")");
            }
        };
    }

    private static List<String> list(List<Object> values, TableHierarchy.PartitionKey key) {
        String column = key.texts().getFirst();
        LogicalType type = key.types().getFirst();
        List<Object> present = new ArrayList<>();
        boolean nullListed = false;
        for (Object value : values) {
            if (value == null) {
                nullListed = true;
            } else {
                present.add(value);
            }
        }
        String equality = present.isEmpty() ? null : membership(column, type, present);
        List<String> conditions = new ArrayList<>();
        if (nullListed) {
            conditions.add(equality == null ? "(" + column + " IS NULL)"
                    : "((" + column + " IS NULL) OR " + equality + ")");
        } else if (equality != null) {
            conditions.add("(" + column + " IS NOT NULL)");
            conditions.add(equality);
        }
        return conditions;
    }

    /** {@code (key = v)}, {@code (key = ANY (ARRAY[...]))}, or for an array key an OR of equalities. */
    private static String membership(String column, LogicalType type, List<Object> values) {
        String left = compared(column, type);
        if (values.size() == 1) {
            return "(" + left + " = " + literal(values.getFirst(), type) + ")";
        }
        List<String> items = new ArrayList<>();
        for (Object value : values) {
            items.add(type.isArray() ? "(" + left + " = " + literal(value, type) + ")" : literal(value, type));
        }
        return type.isArray() ? "(" + String.join(" OR ", items) + ")"
                : "(" + left + " = ANY (ARRAY[" + String.join(", ", items) + "]))";
    }

    private static String defaultList(TableHierarchy.PartitionKey key, List<TableHierarchy.Link> siblings) {
        List<Object> values = new ArrayList<>();
        for (TableHierarchy.Link sibling : siblings) {
            if (!sibling.isDefault() && sibling.values() != null) {
                values.addAll(sibling.values().in());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        List<String> conditions = list(values, key);
        return conditions.size() == 1 ? conditions.getFirst() : and(conditions);
    }

    private static String defaultRange(TableHierarchy.PartitionKey key, List<TableHierarchy.Link> siblings) {
        List<String> arms = new ArrayList<>();
        for (TableHierarchy.Link sibling : siblings) {
            if (sibling.isDefault() || sibling.values() == null
                    || !(sibling.bound() instanceof PartitionBound.Range)) {
                continue;
            }
            List<String> conditions = range(sibling.values(), key);
            if (!conditions.isEmpty()) {
                arms.add(conditions.size() == 1 ? conditions.getFirst() : and(conditions));
            }
        }
        if (arms.isEmpty()) {
            return null;
        }
        List<String> all = notNulls(key);
        all.add(arms.size() == 1 ? arms.getFirst() : "(" + String.join(" OR ", arms) + ")");
        return and(all);
    }

    private static List<String> notNulls(TableHierarchy.PartitionKey key) {
        List<String> conditions = new ArrayList<>();
        for (String text : key.texts()) {
            conditions.add("(" + text + " IS NOT NULL)");
        }
        return conditions;
    }

    /** A range bound's conditions after the keys' not-null ones: the fixed prefix, the lower arms, the upper arms. */
    private static List<String> range(TableHierarchy.PartitionValues values, TableHierarchy.PartitionKey key) {
        List<Object> from = values.from();
        List<Object> to = values.to();
        List<String> conditions = new ArrayList<>();
        int start = 0;
        while (start < from.size() && finite(from.get(start)) && finite(to.get(start))
                && ValueAccess.text(key.types().get(start), from.get(start))
                .equals(ValueAccess.text(key.types().get(start), to.get(start)))) {
            conditions.add(comparison(key, start, "=", from.get(start)));
            start++;
        }
        String lower = arms(key, from, start, true);
        if (lower != null) {
            conditions.add(lower);
        }
        String upper = arms(key, to, start, false);
        if (upper != null) {
            conditions.add(upper);
        }
        return conditions;
    }

    /**
     * The OR of arms of one bound from key {@code start} on: arm j holds the keys before j equal to the bound and key
     * j beyond it; the last finite value's arm is inclusive for a lower bound unless MAXVALUE follows, and for an
     * upper bound only when MAXVALUE follows.
     */
    private static String arms(TableHierarchy.PartitionKey key, List<Object> bound, int start, boolean lower) {
        int last = start - 1;
        while (last + 1 < bound.size() && finite(bound.get(last + 1))) {
            last++;
        }
        if (last < start) {
            return null;
        }
        boolean maxFollows = last + 1 < bound.size() && bound.get(last + 1) == TableHierarchy.PartitionValues.MAXVALUE;
        List<String> arms = new ArrayList<>();
        for (int j = start; j <= last; j++) {
            List<String> parts = new ArrayList<>();
            for (int k = start; k < j; k++) {
                parts.add(comparison(key, k, "=", bound.get(k)));
            }
            String operator;
            if (j < last) {
                operator = lower ? ">" : "<";
            } else if (lower) {
                operator = maxFollows ? ">" : ">=";
            } else {
                operator = maxFollows ? "<=" : "<";
            }
            parts.add(comparison(key, j, operator, bound.get(j)));
            arms.add(parts.size() == 1 ? parts.getFirst() : and(parts));
        }
        return arms.size() == 1 ? arms.getFirst() : "(" + String.join(" OR ", arms) + ")";
    }

    private static boolean finite(Object value) {
        return value != TableHierarchy.PartitionValues.MINVALUE && value != TableHierarchy.PartitionValues.MAXVALUE;
    }

    private static String comparison(TableHierarchy.PartitionKey key, int i, String operator, Object value) {
        LogicalType type = key.types().get(i);
        return "(" + compared(key.texts().get(i), type) + " " + operator + " " + literal(value, type) + ")";
    }

    /** The key as its comparison reads it: a varchar column compares as text. */
    private static String compared(String text, LogicalType type) {
        return type.id() == TypeId.VARCHAR ? "(" + text + ")::text" : text;
    }

    private static String and(List<String> conditions) {
        return "(" + String.join(" AND ", conditions) + ")";
    }

    /** A constant as PostgreSQL's deparser writes it: a non-negative int4 or numeric bare, a boolean as a word. */
    private static String literal(Object value, LogicalType type) {
        if (value == null) {
            return "NULL";
        }
        if (type.id() == TypeId.BOOLEAN) {
            return Boolean.TRUE.equals(value) ? "true" : "false";
        }
        String text = ValueAccess.text(type, value);
        if ((type.id() == TypeId.INTEGER || type.id() == TypeId.NUMERIC) && !text.startsWith("-")) {
            return text;
        }
        String typeName = switch (type.id()) {
            case VARCHAR -> "character varying";
            case CHAR -> "bpchar";
            default -> type.displayName();
        };
        return "'" + text.replace("'", "''") + "'::" + typeName;
    }
}
