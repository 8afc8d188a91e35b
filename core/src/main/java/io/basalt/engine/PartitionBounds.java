package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.PartitionExpressions;
import io.basalt.catalog.TableHierarchy;
import io.basalt.catalog.TableHierarchy.PartitionValues;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionBound;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a new partition's bound against its parent's key and its siblings, as PostgreSQL does when a partition is
 * created or attached: the bound's form must match the strategy, its values must convert to the key's types, a range
 * must not be empty, and no two partitions may share a value (42P17 "partition ... would overlap partition ...")
 * nor two a DEFAULT. Returns the bound's converted values, which the catalog keeps for later checks.
 */
final class PartitionBounds {
    private PartitionBounds() {
    }

    static PartitionValues check(String partition, PartitionBound bound, TableHierarchy.PartitionKey key,
                                 List<TableHierarchy.Link> siblings, BindContext context) {
        PartitionValues values = switch (bound) {
            case PartitionBound.Default ignored -> {
                if (key.strategy().equals("hash")) {
                    throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                            "a hash-partitioned table may not have a default partition");
                }
                for (TableHierarchy.Link sibling : siblings) {
                    if (sibling.isDefault()) {
                        throw BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION, bound.position(),
                                "partition \"" + partition + "\" conflicts with existing default partition \""
                                        + sibling.childName() + "\"");
                    }
                }
                yield new PartitionValues(List.of(), List.of(), List.of());
            }
            case PartitionBound.Hash hash -> {
                if (!key.strategy().equals("hash")) {
                    throw invalid(bound, key);
                }
                yield hash(partition, hash, siblings);
            }
            case PartitionBound.In in -> {
                if (!key.strategy().equals("list")) {
                    throw invalid(bound, key);
                }
                List<Object> converted = new ArrayList<>();
                for (Expression value : in.values()) {
                    Object v = PartitionExpressions.value(value, key.types().getFirst(), key.texts().getFirst(),
                            context);
                    if (!containsValue(converted, v)) {
                        converted.add(v);
                    }
                }
                for (TableHierarchy.Link sibling : siblings) {
                    if (sibling.values() == null || sibling.isDefault()) {
                        continue;
                    }
                    for (int i = 0; i < in.values().size(); i++) {
                        Object v = PartitionExpressions.value(in.values().get(i), key.types().getFirst(),
                                key.texts().getFirst(), context);
                        if (containsValue(sibling.values().in(), v)) {
                            throw overlap(partition, sibling, position(in.values().get(i), bound));
                        }
                    }
                }
                yield new PartitionValues(List.of(), List.of(), converted);
            }
            case PartitionBound.Range range -> {
                if (!key.strategy().equals("range")) {
                    throw invalid(bound, key);
                }
                if (range.from().size() != key.types().size()) {
                    throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                            "FROM must specify exactly one value per partitioning column");
                }
                if (range.to().size() != key.types().size()) {
                    throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                            "TO must specify exactly one value per partitioning column");
                }
                List<Object> from = rangeValues(range.from(), key, context, bound);
                List<Object> to = rangeValues(range.to(), key, context, bound);
                if (compare(from, to) >= 0) {
                    throw BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION, position(range.from().getFirst(),
                                    bound), "empty range bound specified for partition \"" + partition + "\"")
                            .withDetail("Specified lower bound " + text(from, key) + " is greater than or equal to"
                                    + " upper bound " + text(to, key) + ".");
                }
                for (TableHierarchy.Link sibling : siblings) {
                    if (sibling.values() == null || sibling.isDefault()) {
                        continue;
                    }
                    if (compare(from, sibling.values().to()) < 0 && compare(sibling.values().from(), to) < 0) {
                        throw overlap(partition, sibling, position(range.from().getFirst(), bound));
                    }
                }
                yield new PartitionValues(from, to, List.of());
            }
        };
        return values;
    }

    /**
     * A hash partition's modulus and remainder (kept as {@code from} and {@code to}), checked: every modulus must
     * divide the next larger one, and no two partitions may take the same hash values.
     */
    private static PartitionValues hash(String partition, PartitionBound.Hash hash, List<TableHierarchy.Link> siblings) {
        long modulus = hash.modulus();
        long remainder = hash.remainder();
        if (modulus <= 0) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "modulus for hash partition must be an integer value greater than zero");
        }
        if (remainder >= modulus) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "remainder for hash partition must be less than modulus");
        }
        List<TableHierarchy.Link> hashed = new ArrayList<>();
        for (TableHierarchy.Link sibling : siblings) {
            if (sibling.bound() instanceof PartitionBound.Hash) {
                hashed.add(sibling);
            }
        }
        hashed.sort((a, b) -> {
            int order = Long.compare(modulusOf(a), modulusOf(b));
            return order != 0 ? order : Long.compare(remainderOf(a), remainderOf(b));
        });
        TableHierarchy.Link smaller = null;
        TableHierarchy.Link larger = null;
        for (TableHierarchy.Link sibling : hashed) {
            if (modulusOf(sibling) <= modulus) {
                smaller = sibling;
            } else if (larger == null) {
                larger = sibling;
            }
        }
        if (larger != null && modulusOf(larger) % modulus != 0) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "every hash partition modulus must be a factor of the next larger modulus")
                    .withDetail("The new modulus " + modulus + " is not a factor of " + modulusOf(larger)
                            + ", the modulus of existing partition \"" + larger.childName() + "\".");
        }
        if (smaller != null && modulus % modulusOf(smaller) != 0) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "every hash partition modulus must be a factor of the next larger modulus")
                    .withDetail("The new modulus " + modulus + " is not divisible by " + modulusOf(smaller)
                            + ", the modulus of existing partition \"" + smaller.childName() + "\".");
        }
        for (TableHierarchy.Link sibling : hashed) {
            long otherModulus = modulusOf(sibling);
            long otherRemainder = remainderOf(sibling);
            boolean overlaps = otherModulus <= modulus ? remainder % otherModulus == otherRemainder
                    : otherRemainder % modulus == remainder;
            if (overlaps) {
                throw overlap(partition, sibling, hash.position());
            }
        }
        return new PartitionValues(List.of(modulus), List.of(remainder), List.of());
    }

    private static long modulusOf(TableHierarchy.Link link) {
        return ((PartitionBound.Hash) link.bound()).modulus();
    }

    private static long remainderOf(TableHierarchy.Link link) {
        return ((PartitionBound.Hash) link.bound()).remainder();
    }

    private static List<Object> rangeValues(List<Expression> written, TableHierarchy.PartitionKey key,
                                            BindContext context, PartitionBound bound) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Expression value = written.get(i);
            String word = value instanceof Expression.ColumnRef ref && ref.parts().size() == 1 ? ref.parts().getFirst()
                    : null;
            if ("minvalue".equals(word)) {
                values.add(PartitionValues.MINVALUE);
            } else if ("maxvalue".equals(word)) {
                values.add(PartitionValues.MAXVALUE);
            } else {
                Object v = PartitionExpressions.value(value, key.types().get(i), key.texts().get(i), context);
                if (v == null) {
                    throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "cannot specify NULL in range bound");
                }
                values.add(v);
            }
            Object previous = i == 0 ? null : values.get(i - 1);
            if ((previous == PartitionValues.MINVALUE || previous == PartitionValues.MAXVALUE)
                    && values.get(i) != previous) {
                throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position(value, bound), "every bound following "
                        + previous + " must also be " + previous);
            }
        }
        return values;
    }

    /**
     * Orders two range bounds: value by value, MINVALUE below and MAXVALUE above every value; after a MINVALUE or
     * MAXVALUE the later values do not count.
     */
    static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            boolean xInfinite = x == PartitionValues.MINVALUE || x == PartitionValues.MAXVALUE;
            boolean yInfinite = y == PartitionValues.MINVALUE || y == PartitionValues.MAXVALUE;
            if (xInfinite || yInfinite) {
                if (x == y) {
                    return 0;
                }
                if (x == PartitionValues.MINVALUE || y == PartitionValues.MAXVALUE) {
                    return -1;
                }
                return 1;
            }
            int order = compareValues(x, y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x instanceof Comparable comparable && x.getClass() == y.getClass()) {
            return comparable.compareTo(y);
        }
        return x.toString().compareTo(y.toString());
    }

    private static boolean containsValue(List<Object> values, Object value) {
        for (Object v : values) {
            if (v == null ? value == null : value != null && compareValues(v, value) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String text(List<Object> values, TableHierarchy.PartitionKey key) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            texts.add(v == PartitionValues.MINVALUE || v == PartitionValues.MAXVALUE ? v.toString()
                    : ValueAccess.text(key.types().get(i), v));
        }
        return "(" + String.join(", ", texts) + ")";
    }

    private static BasaltException invalid(PartitionBound bound, TableHierarchy.PartitionKey key) {
        return BasaltException.at(SqlState.INVALID_TABLE_DEFINITION, bound.position(),
                "invalid bound specification for a " + key.strategy() + " partition");
    }

    private static BasaltException overlap(String partition, TableHierarchy.Link sibling, int position) {
        return BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION, position,
                "partition \"" + partition + "\" would overlap partition \"" + sibling.childName() + "\"");
    }

    /** Where an error about a bound value points: the value, or the bound when the value carries no position. */
    private static int position(Expression value, PartitionBound bound) {
        int position = value.position();
        return position > 0 ? position : bound.position();
    }
}
