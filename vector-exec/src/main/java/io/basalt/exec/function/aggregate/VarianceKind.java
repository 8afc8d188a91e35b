package io.basalt.exec.function.aggregate;

/**
 * Which of PostgreSQL's dispersion aggregates a variance state finishes into: sample or population, and
 * variance or its square root. {@code stddev} and {@code variance} are the sample forms.
 */
public enum VarianceKind {
    VAR_SAMP(true, false),
    VAR_POP(false, false),
    STDDEV_SAMP(true, true),
    STDDEV_POP(false, true);

    private final boolean sample;
    private final boolean root;

    VarianceKind(boolean sample, boolean root) {
        this.sample = sample;
        this.root = root;
    }

    public boolean sample() {
        return sample;
    }

    public boolean root() {
        return root;
    }

    /** The kind a function name asks for, or null when the name is not one of them. */
    public static VarianceKind of(String name) {
        return switch (name) {
            case "variance", "var_samp" -> VAR_SAMP;
            case "var_pop" -> VAR_POP;
            case "stddev", "stddev_samp" -> STDDEV_SAMP;
            case "stddev_pop" -> STDDEV_POP;
            default -> null;
        };
    }
}
