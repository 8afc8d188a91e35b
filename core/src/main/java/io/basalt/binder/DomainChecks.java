package io.basalt.binder;

import io.basalt.catalog.DomainEntry;
import io.basalt.catalog.UserType;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.DomainCheck;
import io.basalt.sql.ast.Expression;
import io.basalt.type.DomainType;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a value becomes a domain's (a cast to the domain, a value stored into a column of the domain), it must pass
 * the domain's NOT NULL and CHECK constraints, and those of the domain it is based on, base first. This class
 * binds them over the value ({@code VALUE} in a CHECK stands for it) into one {@link DomainCheck} call, and finds the
 * domains' current catalog entries (ALTER DOMAIN changes them) through the session's catalog.
 */
public final class DomainChecks {
    private static final String CLAUSE = "check constraints";

    private DomainChecks() {
    }

    /**
     * {@code value} (already of {@code target}'s base type) as a value of {@code target}: unchanged when
     * {@code target} is not a domain's type, else wrapped in the domain's checks and typed {@code target}.
     */
    public static BoundExpression enforce(BoundExpression value, LogicalType target, Parameters parameters) {
        if (!target.isDomain()) {
            return value;
        }
        DomainEntry domain = entry(target.domain());
        if (domain == null) {
            return value;
        }
        List<DomainEntry> chain = new ArrayList<>();
        for (DomainEntry link = domain; link != null;
                link = link.baseType().isDomain() ? entry(link.baseType().domain()) : null) {
            chain.addFirst(link);
        }
        String notNullDomain = null;
        List<String> domains = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<BoundExpression> arguments = new ArrayList<>();
        arguments.add(value);
        for (DomainEntry link : chain) {
            if (link.notNull() && notNullDomain == null) {
                notNullDomain = domain.name();
            }
            // PostgreSQL tests a domain's constraints in the order of their names
            List<DomainEntry.Constraint> ordered = new ArrayList<>(link.constraints());
            ordered.sort(java.util.Comparator.comparing(DomainEntry.Constraint::name));
            for (DomainEntry.Constraint constraint : ordered) {
                BoundExpression condition = condition(constraint.condition(), link.baseType(), parameters);
                arguments.add(ColumnReferences.substitute(condition, ignored -> value));
                domains.add(domain.name());
                names.add(constraint.name());
            }
        }
        if (notNullDomain == null && arguments.size() == 1) {
            return retyped(value, target);
        }
        return new BoundExpression.Function(new DomainCheck(notNullDomain, domains, names), arguments, target,
                value.position());
    }

    /**
     * A CHECK condition of a domain over {@code VALUE} of type {@code baseType}, bound with VALUE as input column 0;
     * PostgreSQL's errors when it is not boolean or uses what a CHECK may not.
     */
    public static BoundExpression condition(Expression condition, LogicalType baseType, Parameters parameters) {
        Scope scope = new Scope(List.of(new Scope.Column(null, "value", baseType)));
        ExpressionBinder binder = new ExpressionBinder(scope, parameters, CLAUSE);
        BoundExpression bound;
        try {
            bound = binder.bind(condition);
        } catch (io.basalt.error.BasaltException e) {
            throw CheckConditions.translated(e);
        }
        return ExpressionBinder.requireBoolean(bound, "CHECK");
    }

    /**
     * Checks a domain's DEFAULT: it must bind without columns and be assignable to {@code baseType} (42804 as
     * PostgreSQL words it otherwise).
     */
    public static void checkDefault(Expression expression, String domain, LogicalType baseType,
                                    Parameters parameters) {
        BoundExpression bound = new ExpressionBinder(Scope.EMPTY, parameters, "DEFAULT expressions").bind(expression);
        if (!Coercion.assignable(bound.type(), baseType)) {
            throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.DATATYPE_MISMATCH,
                            expression.position(), "column \"" + domain + "\" is of type " + baseType.displayName()
                                    + " but default expression is of type " + bound.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
    }

    /** The domain's current catalog entry, or null when the session's catalog has none (any more). */
    public static DomainEntry entry(DomainType type) {
        if (!UserTypeNames.CATALOG.isBound()) {
            return null;
        }
        Optional<UserType> found = UserTypeNames.CATALOG.get().types().find(type.schema(), type.name());
        return found.isPresent() && found.get() instanceof DomainEntry domain && domain.type() == type ? domain : null;
    }

    /** The domain's DEFAULT, inherited from its base domain when it has none; null when neither has one. */
    public static Expression defaultOf(LogicalType type) {
        DomainEntry domain = type.isDomain() ? entry(type.domain()) : null;
        while (domain != null) {
            if (domain.defaultExpression() != null) {
                return domain.defaultExpression();
            }
            domain = domain.baseType().isDomain() ? entry(domain.baseType().domain()) : null;
        }
        return null;
    }

    /** {@code value} with the type {@code target} (the same values: a domain without constraints). */
    private static BoundExpression retyped(BoundExpression value, LogicalType target) {
        if (value instanceof BoundExpression.Constant constant) {
            return new BoundExpression.Constant(constant.value(), target, constant.position());
        }
        return new BoundExpression.Function(new DomainCheck(null, List.of(), List.of()), List.of(value), target,
                value.position());
    }
}
