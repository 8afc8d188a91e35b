package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.sql.ast.Expression;
import io.basalt.type.DomainType;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A domain ({@code CREATE DOMAIN}): a base type (possibly itself a domain's) with an optional DEFAULT, NOT NULL
 * and named CHECK constraints over {@code VALUE}. Immutable: ALTER DOMAIN files a changed copy under the same
 * {@link DomainType}, so the columns of the domain, whose types carry that identity, see the change.
 *
 * @param defaultExpression the DEFAULT as written, null when none; {@code defaultText} its source text
 */
public record DomainEntry(DomainType type, LogicalType baseType, Expression defaultExpression, String defaultText,
                          boolean notNull, List<Constraint> constraints) implements UserType {
    /**
     * A CHECK constraint: {@code condition} over {@code VALUE} as written and its text; {@code validated} is false
     * after ADD CONSTRAINT ... NOT VALID until VALIDATE CONSTRAINT.
     */
    public record Constraint(String name, Expression condition, String text, boolean validated) {
        public Constraint {
            requireNonNull(name, "name is null");
            requireNonNull(condition, "condition is null");
        }
    }

    public DomainEntry {
        requireNonNull(type, "type is null");
        requireNonNull(baseType, "baseType is null");
        constraints = List.copyOf(constraints);
    }

    @Override
    public long oid() {
        return type.oid();
    }

    @Override
    public String schema() {
        return type.schema();
    }

    @Override
    public String name() {
        return type.name();
    }

    @Override
    public LogicalType valueType() {
        return baseType.withDomain(type);
    }

    /** The constraint called {@code name}, or null. */
    public Constraint constraint(String name) {
        for (Constraint constraint : constraints) {
            if (constraint.name().equals(name)) {
                return constraint;
            }
        }
        return null;
    }

    public DomainEntry withDefault(Expression newDefault, String newDefaultText) {
        return new DomainEntry(type, baseType, newDefault, newDefaultText, notNull, constraints);
    }

    public DomainEntry withNotNull(boolean newNotNull) {
        return new DomainEntry(type, baseType, defaultExpression, defaultText, newNotNull, constraints);
    }

    public DomainEntry withConstraints(List<Constraint> newConstraints) {
        return new DomainEntry(type, baseType, defaultExpression, defaultText, notNull, newConstraints);
    }

    /** This domain with {@code constraint} added, or put in place of the constraint of the same name. */
    public DomainEntry withConstraint(Constraint constraint) {
        List<Constraint> changed = new ArrayList<>();
        boolean replaced = false;
        for (Constraint existing : constraints) {
            if (existing.name().equals(constraint.name())) {
                changed.add(constraint);
                replaced = true;
            } else {
                changed.add(existing);
            }
        }
        if (!replaced) {
            changed.add(constraint);
        }
        return withConstraints(changed);
    }
}
