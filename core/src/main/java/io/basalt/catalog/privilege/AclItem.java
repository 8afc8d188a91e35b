package io.basalt.catalog.privilege;

import static java.util.Objects.requireNonNull;

/**
 * One entry of an object's access control list: the privileges {@code grantor} gave {@code grantee} (the empty name
 * is PUBLIC, every role), as bit masks of {@link Privilege}, and those of them the grantee may grant on.
 */
public record AclItem(String grantee, String grantor, int privileges, int grantOptions) {
    /** The grantee name that stands for PUBLIC. */
    public static final String PUBLIC = "";

    public AclItem {
        requireNonNull(grantee, "grantee is null");
        requireNonNull(grantor, "grantor is null");
    }

    /** PostgreSQL's aclitem text: {@code grantee=letters/grantor}, the grantee left out for PUBLIC. */
    @Override
    public String toString() {
        return quoted(grantee) + "=" + Privilege.letters(privileges, grantOptions) + "/" + quoted(grantor);
    }

    private static String quoted(String role) {
        for (int i = 0; i < role.length(); i++) {
            char c = role.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return "\"" + role.replace("\"", "\"\"") + "\"";
            }
        }
        return role;
    }
}
