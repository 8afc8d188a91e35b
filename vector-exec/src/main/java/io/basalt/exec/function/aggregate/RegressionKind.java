package io.basalt.exec.function.aggregate;

/** Which statistic a two-variable regression state ({@link RegressionAggregate}) finishes into. */
public enum RegressionKind {
    CORR, COVAR_POP, COVAR_SAMP, REGR_SLOPE, REGR_INTERCEPT, REGR_COUNT, REGR_R2, REGR_AVGX, REGR_AVGY,
    REGR_SXX, REGR_SYY, REGR_SXY;

    /** The kind a function name asks for, or null when the name is not one of them. */
    public static RegressionKind of(String name) {
        for (RegressionKind kind : values()) {
            if (kind.functionName().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    public String functionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
