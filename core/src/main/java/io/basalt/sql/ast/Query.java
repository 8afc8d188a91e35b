package io.basalt.sql.ast;

import java.util.List;

/**
 * A complete query expression: a body (SELECT, VALUES or a set operation) with ORDER BY, LIMIT and OFFSET
 * applying to the whole body. {@code limit}/{@code offset} are null when absent ({@code LIMIT ALL} is
 * absent too); {@code FETCH FIRST n ROWS ONLY} is parsed into {@code limit}.
 */
public record Query(QueryBody body, List<OrderItem> orderBy, Expression limit, Expression offset, int position)
        implements Node {
    public Query {
        orderBy = List.copyOf(orderBy);
    }
}
