package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code PREPARE name [(type, ...)] AS statement}, where the statement is a query or an INSERT.
 * {@code parameterTypes} are the declared types of {@code $1, $2, ...} (empty when none were written);
 * {@code referencedParameters} are the numbers of the {@code $n} the statement uses, ascending and distinct,
 * so that the number of parameters is known before binding as PostgreSQL knows it.
 */
public record PrepareStatement(String name, List<TypeName> parameterTypes, Statement statement,
                               List<Integer> referencedParameters, int position) implements Statement {
    public PrepareStatement {
        requireNonNull(name, "name is null");
        parameterTypes = List.copyOf(parameterTypes);
        requireNonNull(statement, "statement is null");
        referencedParameters = List.copyOf(referencedParameters);
    }

    /** How many values EXECUTE must supply: the declared types, or the highest {@code $n} if higher. */
    public int parameterCount() {
        int highest = referencedParameters.isEmpty() ? 0 : referencedParameters.getLast();
        return Math.max(parameterTypes.size(), highest);
    }
}
