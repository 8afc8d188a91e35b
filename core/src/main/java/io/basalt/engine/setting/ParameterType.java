package io.basalt.engine.setting;

/**
 * How a parameter reads a value: which texts it accepts and the text SHOW prints for each. Every type checks
 * the way PostgreSQL's GUC machinery checks values of that kind, with its messages.
 */
public sealed interface ParameterType permits BooleanType, IntegerType, RealType, EnumType, TextType {
    /**
     * The value as SHOW prints it.
     *
     * @throws io.basalt.error.BasaltException (22023 or the code PostgreSQL's check uses) when the parameter
     *         does not accept {@code assignment.text()}
     */
    String canonical(Parameter parameter, Assignment assignment);
}
