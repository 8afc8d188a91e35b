package io.basalt.planner;

/**
 * Whether the planner places join key filters ({@link JoinKeyFilterPlanner}) in the statement being planned: the
 * session's custom setting {@code basalt.join_key_filters} ({@code off} disables them; unset or any other value
 * leaves them on), bound as a scoped value by the session. The filters never change a result, only how early rows
 * are dropped, so turning them off is for comparing plans and results, and for tests.
 */
public final class JoinKeyFilterSwitch {
    /** The setting's name, a custom parameter (PostgreSQL keeps any {@code prefix.name} as text). */
    public static final String SETTING = "basalt.join_key_filters";

    public static final ScopedValue<Boolean> CURRENT = ScopedValue.newInstance();

    private JoinKeyFilterSwitch() {
    }

    /** Whether join key filters are on for the statement being planned (on when unbound). */
    static boolean current() {
        return !CURRENT.isBound() || CURRENT.get();
    }

    /** Whether the setting's text ({@code null} when unset) leaves the filters on. */
    public static boolean of(String setting) {
        return setting == null || !"off".equalsIgnoreCase(setting.trim());
    }
}
