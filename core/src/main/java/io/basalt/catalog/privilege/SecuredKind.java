package io.basalt.catalog.privilege;

/**
 * The kinds of object that have an owner and privileges, with the privileges each kind takes (ALL means these) and
 * the noun PostgreSQL's messages use. Views and materialized views are relations like tables.
 */
public enum SecuredKind {
    TABLE("table", Privilege.SELECT.bit() | Privilege.INSERT.bit() | Privilege.UPDATE.bit() | Privilege.DELETE.bit()
            | Privilege.TRUNCATE.bit() | Privilege.REFERENCES.bit() | Privilege.TRIGGER.bit()),
    VIEW("view", TABLE.applicable),
    MATERIALIZED_VIEW("materialized view", TABLE.applicable),
    SEQUENCE("sequence", Privilege.USAGE.bit() | Privilege.SELECT.bit() | Privilege.UPDATE.bit()),
    SCHEMA("schema", Privilege.USAGE.bit() | Privilege.CREATE.bit()),
    FUNCTION("function", Privilege.EXECUTE.bit()),
    PROCEDURE("procedure", Privilege.EXECUTE.bit()),
    AGGREGATE("aggregate", Privilege.EXECUTE.bit()),
    LANGUAGE("language", Privilege.USAGE.bit()),
    /** Types and domains (PostgreSQL's messages call both types). */
    TYPE("type", Privilege.USAGE.bit());

    private final String noun;
    private final int applicable;

    SecuredKind(String noun, int applicable) {
        this.noun = noun;
        this.applicable = applicable;
    }

    /** The word in "permission denied for table x" and "must be owner of view x". */
    public String noun() {
        return noun;
    }

    /** The mask of the privileges objects of this kind take. */
    public int applicable() {
        return applicable;
    }

    /** Whether objects of this kind are routines (functions, procedures, aggregates: one namespace, EXECUTE). */
    public boolean routine() {
        return this == FUNCTION || this == PROCEDURE || this == AGGREGATE;
    }

    /**
     * Whether PUBLIC holds this kind's privileges by default (PostgreSQL's acldefault: EXECUTE on routines, USAGE on
     * languages), besides the owner.
     */
    public boolean publicByDefault() {
        return routine() || this == LANGUAGE || this == TYPE;
    }

    /** Whether objects of this kind are relations (share the GRANT ... ON TABLE form). */
    public boolean relation() {
        return this == TABLE || this == VIEW || this == MATERIALIZED_VIEW;
    }
}
