package io.basalt.plan.expression;

import io.basalt.exec.expression.ScalarFunction;

/**
 * A scalar function whose result may differ from call to call with the same arguments, or that changes state
 * (PostgreSQL's VOLATILE: nextval, setval, lastval). A call of one is never a constant: it is evaluated once per
 * row, at execution time.
 */
public interface VolatileFunction extends ScalarFunction {
}
