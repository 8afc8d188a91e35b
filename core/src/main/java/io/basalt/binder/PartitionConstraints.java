package io.basalt.binder;

import io.basalt.catalog.TableHierarchy;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionBound;
import io.basalt.sql.ast.TypeName;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The partition constraint of a partition as a condition over its parent's columns, written as syntax for the binder
 * to bind: a range partition holds the rows whose key is not null and lies in [FROM, TO) in the order of rows
 * (MINVALUE and MAXVALUE unbounded), a list partition those whose key is one of its values (NULL when listed), and
 * a hash partition those whose key hashes to its remainder, and the DEFAULT partition those no sibling holds.
 * Values are cast to the key's types.
 */
public final class PartitionConstraints {
    /**
     * The name under which a hash partition's condition calls {@link
     * io.basalt.exec.function.scalar.PartitionHashFunction} (modulus, remainder, then the keys); it starts with NUL,
     * so that no SQL text can call it.
     */
    static final String HASH_FUNCTION = "\0partition_hash";

    private PartitionConstraints() {
    }

    /** The condition that a row of the parent belongs to the partition {@code link}. */
    public static Expression of(TableHierarchy.Link link, TableHierarchy.PartitionKey key, List<TableHierarchy.Link> siblings) {
        return switch (link.bound()) {
            case PartitionBound.Range range -> range(range, key);
            case PartitionBound.In in -> list(in, key);
            case PartitionBound.Hash hash -> {
                List<Expression> arguments = new ArrayList<>();
                arguments.add(new Expression.NumberLiteral(Long.toString(hash.modulus()), 0));
                arguments.add(new Expression.NumberLiteral(Long.toString(hash.remainder()), 0));
                arguments.addAll(key.expressions());
                yield new Expression.FunctionCall(io.basalt.sql.ast.QualifiedName.of(HASH_FUNCTION, 0), arguments,
                        false, false, List.of(), null, null, 0, false);
            }
            case PartitionBound.Default ignored -> {
                Expression any = null;
                for (TableHierarchy.Link sibling : siblings) {
                    if (sibling.isDefault() || sibling.bound() == null) {
                        continue;
                    }
                    Expression holds = new Expression.IsBoolean(of(sibling, key, siblings), true, false, 0);
                    any = any == null ? holds : new Expression.Binary("OR", any, holds, 0);
                }
                yield any == null ? new Expression.BooleanLiteral(true, 0) : new Expression.Unary("NOT", any, 0);
            }
        };
    }

    /**
     * The conjunction of the partition constraints of {@code schema.name} and of every partitioned ancestor it is a
     * partition of, or null when the table is no partition.
     */
    public static Expression full(TableHierarchy hierarchy, String schema, String name) {
        Expression condition = null;
        TableHierarchy.Link link = hierarchy.partitionOf(schema, name);
        while (link != null) {
            TableHierarchy.PartitionKey key = hierarchy.partitionKey(link.parentSchema(), link.parentName());
            if (key == null) {
                break;
            }
            Expression own = of(link, key, hierarchy.children(link.parentSchema(), link.parentName()));
            condition = condition == null ? own : new Expression.Binary("AND", own, condition, 0);
            link = hierarchy.partitionOf(link.parentSchema(), link.parentName());
        }
        return condition;
    }

    private static Expression list(PartitionBound.In in, TableHierarchy.PartitionKey key) {
        Expression column = key.expressions().getFirst();
        List<Expression> values = new ArrayList<>();
        boolean nullListed = false;
        for (Expression value : in.values()) {
            if (value instanceof Expression.NullLiteral) {
                nullListed = true;
            } else {
                values.add(cast(value, key.types().getFirst()));
            }
        }
        Expression isNull = new Expression.IsNull(column, false, 0);
        if (values.isEmpty()) {
            return nullListed ? isNull : new Expression.BooleanLiteral(false, 0);
        }
        Expression listed = new Expression.InList(column, values, false, 0);
        if (nullListed) {
            return new Expression.Binary("OR", isNull, listed, 0);
        }
        return new Expression.Binary("AND", new Expression.IsNull(column, true, 0), listed, 0);
    }

    private static Expression range(PartitionBound.Range range, TableHierarchy.PartitionKey key) {
        Expression condition = null;
        for (Expression column : key.expressions()) {
            Expression notNull = new Expression.IsNull(column, true, 0);
            condition = condition == null ? notNull : new Expression.Binary("AND", condition, notNull, 0);
        }
        Expression lower = bound(range.from(), key, 0, true);
        Expression upper = bound(range.to(), key, 0, false);
        return new Expression.Binary("AND", condition, new Expression.Binary("AND", lower, upper, 0), 0);
    }

    /**
     * The key at or above ({@code lower}) or below the bound's values from position {@code i} on: {@code k > v OR
     * (k = v AND rest)}, the last position {@code k >= v} or {@code k < v}.
     */
    private static Expression bound(List<Expression> values, TableHierarchy.PartitionKey key, int i, boolean lower) {
        Expression value = values.get(i);
        String word = value instanceof Expression.ColumnRef ref && ref.parts().size() == 1 ? ref.parts().getFirst()
                : null;
        if ("minvalue".equals(word)) {
            return new Expression.BooleanLiteral(lower, 0);
        }
        if ("maxvalue".equals(word)) {
            return new Expression.BooleanLiteral(!lower, 0);
        }
        Expression column = key.expressions().get(i);
        Expression typed = cast(value, key.types().get(i));
        boolean last = i == values.size() - 1;
        if (last) {
            return new Expression.Binary(lower ? ">=" : "<", column, typed, 0);
        }
        Expression beyond = new Expression.Binary(lower ? ">" : "<", column, typed, 0);
        Expression equal = new Expression.Binary("=", column, typed, 0);
        return new Expression.Binary("OR", beyond,
                new Expression.Binary("AND", equal, bound(values, key, i + 1, lower), 0), 0);
    }

    private static Expression cast(Expression value, LogicalType type) {
        return new Expression.Cast(value, new TypeName(type.id().pgName(), List.of(), 0, 0), 0);
    }
}
