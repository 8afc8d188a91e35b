package io.basalt.catalog.privilege;

import static java.util.Objects.requireNonNull;

/**
 * Membership of {@code member} in {@code role} (GRANT role TO member), as pg_auth_members holds it: who granted it,
 * and its options. {@code inherit}: the member has the role's privileges without SET ROLE; {@code set}: the member
 * may SET ROLE to it; {@code admin}: the member may grant the role to others.
 */
public record RoleGrant(String role, String member, String grantor, boolean admin, boolean inherit, boolean set) {
    public RoleGrant {
        requireNonNull(role, "role is null");
        requireNonNull(member, "member is null");
        requireNonNull(grantor, "grantor is null");
    }
}
