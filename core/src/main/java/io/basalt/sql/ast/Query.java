package io.basalt.sql.ast;

import java.util.List;

/**
 * A complete query expression: an optional WITH clause, a body (SELECT, VALUES or a set operation) with
 * ORDER BY, LIMIT and OFFSET applying to the whole body. {@code with} is null when absent;
 * {@code limit}/{@code offset} are null when absent ({@code LIMIT ALL} is absent too);
 * {@code FETCH FIRST n ROWS ONLY} is parsed into {@code limit}; {@code FETCH FIRST n ROWS WITH TIES} too, with
 * {@code limitWithTies}. {@code locking} holds the FOR UPDATE / FOR SHARE clauses, in the order written.
 */
public record Query(With with, QueryBody body, List<OrderItem> orderBy, Expression limit, Expression offset,
                    int position, boolean limitWithTies, List<LockingClause> locking) implements Node {
    public Query {
        orderBy = List.copyOf(orderBy);
        locking = List.copyOf(locking);
    }

    /** A query without locking clauses. */
    public Query(With with, QueryBody body, List<OrderItem> orderBy, Expression limit, Expression offset,
                 int position, boolean limitWithTies) {
        this(with, body, orderBy, limit, offset, position, limitWithTies, List.of());
    }

    /** The same query with {@code clauses} as its locking clauses. */
    public Query withLocking(List<LockingClause> clauses) {
        return new Query(with, body, orderBy, limit, offset, position, limitWithTies, clauses);
    }

    /** A query whose limit, if any, is without ties. */
    public Query(With with, QueryBody body, List<OrderItem> orderBy, Expression limit, Expression offset,
                 int position) {
        this(with, body, orderBy, limit, offset, position, false);
    }

    /** A query without a WITH clause. */
    public Query(QueryBody body, List<OrderItem> orderBy, Expression limit, Expression offset, int position) {
        this(null, body, orderBy, limit, offset, position);
    }
}
