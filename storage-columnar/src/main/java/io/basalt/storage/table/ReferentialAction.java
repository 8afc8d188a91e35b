package io.basalt.storage.table;

/**
 * What a FOREIGN KEY does to the referencing rows when the referenced key they hold is deleted or changed
 * (PostgreSQL's ON DELETE / ON UPDATE actions). NO ACTION fails at the end of the statement if the key is then
 * still referenced and no longer present; RESTRICT fails at once, even if the statement puts the key back.
 */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as SQL writes it. */
    public String sql() {
        return sql;
    }

    /** The action SQL names {@code text} ("SET NULL", ...); NO ACTION for null. */
    public static ReferentialAction of(String text) {
        if (text == null) {
            return NO_ACTION;
        }
        for (ReferentialAction action : values()) {
            if (action.sql.equals(text)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no referential action " + text);
    }
}
