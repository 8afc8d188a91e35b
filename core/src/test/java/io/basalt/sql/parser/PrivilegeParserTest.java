package io.basalt.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements about roles and privileges parse into {@link PrivilegeStatement}s with what they name. */
class PrivilegeParserTest {
    private static Statement parse(String sql) {
        return Parser.parseStatement(sql);
    }

    @Test
    void rolesWithOptions() {
        var create = (PrivilegeStatement.CreateRole) parse(
                "CREATE USER joe WITH PASSWORD 'x' CREATEDB CONNECTION LIMIT -1 IN ROLE staff, admins");
        assertThat(create.kind()).isEqualTo("USER");
        assertThat(create.name()).isEqualTo("joe");
        assertThat(create.options()).extracting(PrivilegeStatement.RoleOption::name)
                .containsExactly("password", "createdb", "connection limit", "in role");
        assertThat(create.options().get(2).value()).isEqualTo(-1);
        assertThat(create.options().get(3).value()).isEqualTo(List.of("staff", "admins"));

        var alter = (PrivilegeStatement.AlterRole) parse("ALTER GROUP staff ADD USER joe, CURRENT_USER");
        assertThat(alter.addUsers()).containsExactly("joe", PrivilegeStatement.CURRENT_USER);

        var drop = (PrivilegeStatement.DropRole) parse("DROP ROLE IF EXISTS a, b");
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.names()).containsExactly("a", "b");
    }

    @Test
    void grantsOfRolesAndOfPrivileges() {
        var role = (PrivilegeStatement.GrantRole) parse("GRANT staff TO joe WITH ADMIN OPTION GRANTED BY bob");
        assertThat(role.roles()).containsExactly("staff");
        assertThat(role.grantees()).containsExactly("joe");
        assertThat(role.options()).containsExactly(new PrivilegeStatement.RoleOption("admin", true));
        assertThat(role.grantedBy()).isEqualTo("bob");

        var revokeRole = (PrivilegeStatement.GrantRole) parse("REVOKE ADMIN OPTION FOR staff FROM joe CASCADE");
        assertThat(revokeRole.optionFor()).isEqualTo("admin");
        assertThat(revokeRole.cascade()).isTrue();

        var grant = (PrivilegeStatement.GrantPrivileges) parse(
                "GRANT SELECT (a, b), UPDATE ON TABLE s.t, u TO GROUP staff, PUBLIC WITH GRANT OPTION");
        assertThat(grant.privileges()).containsExactly(
                new PrivilegeStatement.PrivilegeItem("SELECT", List.of("a", "b"), 7),
                new PrivilegeStatement.PrivilegeItem("UPDATE", List.of(), 22));
        assertThat(grant.objects()).extracting(QualifiedName::last).containsExactly("t", "u");
        assertThat(grant.grantees()).containsExactly("staff", PrivilegeStatement.PUBLIC);
        assertThat(grant.grantOption()).isTrue();

        var revoke = (PrivilegeStatement.GrantPrivileges) parse(
                "REVOKE GRANT OPTION FOR ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA s FROM joe RESTRICT");
        assertThat(revoke.privileges()).isEmpty();
        assertThat(revoke.kind()).isEqualTo("SEQUENCE");
        assertThat(revoke.inSchemas()).isTrue();
        assertThat(revoke.grantOption()).isTrue();
        assertThat(revoke.cascade()).isFalse();
    }

    @Test
    void setRoleOwnerAndDefaults() {
        assertThat(parse("SET LOCAL ROLE joe")).isEqualTo(new PrivilegeStatement.SetRole(false, "joe", true, 1));
        assertThat(parse("SET role TO none")).isEqualTo(new PrivilegeStatement.SetRole(false, null, false, 1));
        assertThat(parse("RESET SESSION AUTHORIZATION")).isEqualTo(new PrivilegeStatement.SetRole(true, null, false,
                1));
        var owner = (PrivilegeStatement.AlterOwner) parse("ALTER MATERIALIZED VIEW IF EXISTS m OWNER TO SESSION_USER");
        assertThat(owner.kind()).isEqualTo("MATERIALIZED VIEW");
        assertThat(owner.ifExists()).isTrue();
        assertThat(owner.newOwner()).isEqualTo(PrivilegeStatement.SESSION_USER);
        var defaults = (PrivilegeStatement.AlterDefaultPrivileges) parse(
                "ALTER DEFAULT PRIVILEGES FOR ROLE a IN SCHEMA s, t REVOKE INSERT ON TABLES FROM b");
        assertThat(defaults.roles()).containsExactly("a");
        assertThat(defaults.schemas()).containsExactly("s", "t");
        assertThat(defaults.grant().kind()).isEqualTo("TABLES");
        assertThat(defaults.grant().grant()).isFalse();
    }

    @Test
    void malformedStatementsAreSyntaxErrors() {
        assertThatThrownBy(() -> parse("GRANT SELECT ON t joe")).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
        assertThatThrownBy(() -> parse("CREATE ROLE")).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
    }
}
