package io.basalt.plan.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code domain_check(value, condition...)}: {@code value} unchanged, once it has passed a domain's constraints.
 * {@code notNullDomain} names the domain whose NOT NULL a null value breaks (null: none has one), raising 23502;
 * each condition is a CHECK of {@code constraintDomains[i]} named {@code constraintNames[i]} evaluated over the
 * value, and a false one raises 23514 (NULL passes, as in PostgreSQL). The binder builds the call
 * ({@code io.basalt.binder.DomainChecks}) wherever a value becomes a domain's: casts, INSERT, UPDATE, COPY.
 */
public record DomainCheck(String notNullDomain, List<String> constraintDomains, List<String> constraintNames)
        implements ScalarFunction {
    public DomainCheck {
        constraintDomains = List.copyOf(constraintDomains);
        constraintNames = List.copyOf(constraintNames);
        requireNonNull(constraintDomains, "constraintDomains is null");
    }

    @Override
    public String name() {
        return "domain_check";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector value = arguments[0];
        for (int i = 0; i < rows; i++) {
            if (notNullDomain != null && value.isNull(i)) {
                throw BasaltException.of(SqlState.NOT_NULL_VIOLATION,
                        "domain " + notNullDomain + " does not allow null values");
            }
            for (int c = 1; c < arguments.length; c++) {
                BitVector condition = (BitVector) arguments[c];
                if (!condition.isNull(i) && condition.get(i) == 0) {
                    throw BasaltException.of(SqlState.CHECK_VIOLATION, "value for domain "
                            + constraintDomains.get(c - 1) + " violates check constraint \""
                            + constraintNames.get(c - 1) + "\"");
                }
            }
        }
        FieldVector out = VectorSlices.slice(value, 0, rows, context.allocator(),
                resultType.arrowField(value.getName()));
        context.adopt(out);
        return out;
    }
}
