package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.With;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * PostgreSQL's rules for where a recursive query may name itself, checked on the syntax tree before binding (as
 * its parser does, so the errors and their positions match): the non-recursive term must not name the query at
 * all; the recursive term names it exactly once, and not inside a subquery of an expression or of a WITH
 * clause, on the nullable side of an outer join, or on the right of EXCEPT (or inside INTERSECT ALL / EXCEPT ALL);
 * the recursive term computes no aggregates; and ORDER BY, LIMIT, OFFSET and FOR UPDATE/SHARE may not decorate
 * the UNION. The syntax tree is walked through its record components, so every expression kind that can hold a
 * subquery is covered without listing them.
 */
final class RecursiveReferenceChecks {
    /** Where the walk is, which decides whether a self-reference there is allowed. */
    private enum Place { RECURSIVE_TERM, NON_RECURSIVE_TERM, SUBQUERY, OUTER_JOIN, INTERSECT, EXCEPT }

    private final String name;
    private int references;

    private RecursiveReferenceChecks(String name) {
        this.name = name;
    }

    /**
     * Checks recursive query {@code query} named {@code name}, whose body is the UNION {@code union}; raises
     * PostgreSQL's error for the first rule broken.
     */
    static void check(String name, Query query, QueryBody.SetOperation union) {
        RecursiveReferenceChecks checks = new RecursiveReferenceChecks(name);
        checks.walk(union.left(), Place.NON_RECURSIVE_TERM);
        checks.walk(union.right(), Place.RECURSIVE_TERM);
        if (query.with() != null) {
            for (With.CommonTableExpression table : query.with().tables()) {
                checks.walk(table, Place.SUBQUERY);
            }
        }
        if (!query.orderBy().isEmpty()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, query.orderBy().getFirst().expression().position(),
                    "ORDER BY in a recursive query is not implemented");
        }
        if (query.offset() != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, query.offset().position(),
                    "OFFSET in a recursive query is not implemented");
        }
        if (query.limit() != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, query.limit().position(),
                    "LIMIT in a recursive query is not implemented");
        }
        if (!query.locking().isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "FOR UPDATE/SHARE in a recursive query is not implemented");
        }
        checkNoAggregates(union.right());
    }

    private void walk(Object node, Place place) {
        switch (node) {
            case null -> { }
            case FromItem.Table table when table.name().parts().size() == 1 && table.name().last().equals(name) ->
                    selfReference(table.position(), place);
            case FromItem.Join join -> {
                Place left = place;
                Place right = place;
                switch (join.type()) {
                    case LEFT -> right = Place.OUTER_JOIN;
                    case RIGHT -> left = Place.OUTER_JOIN;
                    case FULL -> {
                        left = Place.OUTER_JOIN;
                        right = Place.OUTER_JOIN;
                    }
                    case INNER, CROSS -> { }
                }
                walk(join.left(), left);
                walk(join.right(), right);
                walk(join.condition(), place);
            }
            case QueryBody.SetOperation operation -> {
                switch (operation.operator()) {
                    case UNION -> {
                        walk(operation.left(), place);
                        walk(operation.right(), place);
                    }
                    case INTERSECT -> {
                        Place inside = operation.all() ? Place.INTERSECT : place;
                        walk(operation.left(), inside);
                        walk(operation.right(), inside);
                    }
                    case EXCEPT -> {
                        walk(operation.left(), operation.all() ? Place.EXCEPT : place);
                        walk(operation.right(), Place.EXCEPT);
                    }
                }
            }
            case QueryBody.Nested nested -> walkQuery(nested.query(), place);
            // a subquery in an expression (scalar, EXISTS, IN, ARRAY, ...)
            case Query query when place != Place.NON_RECURSIVE_TERM -> walkQuery(query, Place.SUBQUERY);
            case Query query -> walkQuery(query, place);
            case FromItem.Subquery subquery -> walkQuery(subquery.query(), place);
            case List<?> list -> {
                for (Object element : list) {
                    walk(element, place);
                }
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    walk(value(component, record), place);
                }
            }
            default -> { }
        }
    }

    /** A query met inside the walk: its own WITH queries count as subqueries, its body keeps {@code place}. */
    private void walkQuery(Query query, Place place) {
        if (query.with() != null) {
            for (With.CommonTableExpression table : query.with().tables()) {
                if (table.name().equals(name)) {
                    return; // the inner query's own name hides this one
                }
                walk(table.query(), place == Place.NON_RECURSIVE_TERM ? place : Place.SUBQUERY);
            }
        }
        walk(query.body(), place);
        walk(query.orderBy(), place);
        walk(query.limit(), place);
        walk(query.offset(), place);
    }

    private void selfReference(int position, Place place) {
        String where = switch (place) {
            case RECURSIVE_TERM -> null;
            case NON_RECURSIVE_TERM -> "within its non-recursive term";
            case SUBQUERY -> "within a subquery";
            case OUTER_JOIN -> "within an outer join";
            case INTERSECT -> "within INTERSECT";
            case EXCEPT -> "within EXCEPT";
        };
        if (where == null && references > 0) {
            where = "more than once";
        }
        if (where != null) {
            throw BasaltException.at(SqlState.INVALID_RECURSION, position,
                    "recursive reference to query \"" + name + "\" must not appear " + where);
        }
        references++;
    }

    /** The recursive term's own level computes no aggregate (subqueries may). */
    private static void checkNoAggregates(QueryBody body) {
        switch (body) {
            case QueryBody.Select select -> {
                findAggregate(select.items());
                findAggregate(select.having());
            }
            case QueryBody.SetOperation operation -> {
                checkNoAggregates(operation.left());
                checkNoAggregates(operation.right());
            }
            case QueryBody.Nested nested -> checkNoAggregates(nested.query().body());
            case QueryBody.Values values -> { }
        }
    }

    private static void findAggregate(Object node) {
        switch (node) {
            case null -> { }
            case Expression.FunctionCall call when call.over() == null && Functions.isAggregate(call.name().last()) ->
                    throw BasaltException.at(SqlState.INVALID_RECURSION, call.position(),
                            "aggregate functions are not allowed in a recursive query's recursive term");
            case Query query -> { }
            case List<?> list -> {
                for (Object element : list) {
                    findAggregate(element);
                }
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    findAggregate(value(component, record));
                }
            }
            default -> { }
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException failure) {
            throw BasaltException.internal("cannot read " + component.getName() + " of a syntax node: " + failure);
        }
    }
}
