package io.basalt.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.cli.conformance.PlayedScript;
import io.basalt.cli.conformance.ScriptSetup;
import io.basalt.cli.conformance.ShellScriptPlayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code \du}, {@code \dp} and {@code \c} through the real shell and engine. The expected texts are what psql 15
 * printed for the same script, with the superuser {@code postgres} read as Basalt's {@code basalt}.
 */
class PrivilegeCommandsTest {
    private static final ScriptSetup NOTHING = new ScriptSetup(Map.of(), Map.of(), Map.of(), List.of());

    @Test
    void listsRolesAndAccessPrivilegesAsPsqlDoes() {
        PlayedScript played = ShellScriptPlayer.play("""
                CREATE ROLE joe LOGIN;
                CREATE ROLE staff;
                CREATE ROLE lim CONNECTION LIMIT 2 NOINHERIT;
                GRANT staff TO joe;
                CREATE TABLE accounts (id integer PRIMARY KEY, owner text);
                GRANT UPDATE ON accounts TO joe;
                GRANT SELECT ON accounts TO staff;
                GRANT SELECT (owner), UPDATE (owner) ON accounts TO lim;
                CREATE SEQUENCE s1;
                \\du
                \\dp
                """, NOTHING);
        assertThat(played.output()).endsWith("""
                \\du
                                                   List of roles
                 Role name |                         Attributes                         | Member of\s
                -----------+------------------------------------------------------------+-----------
                 basalt    | Superuser, Create role, Create DB, Replication, Bypass RLS | {}
                 joe       |                                                            | {staff}
                 lim       | No inheritance, Cannot login                              +| {}
                           | 2 connections                                              |\s
                 staff     | Cannot login                                               | {}

                \\dp
                                                  Access privileges
                 Schema |   Name   |   Type   |   Access privileges   | Column privileges | Policies\s
                --------+----------+----------+-----------------------+-------------------+----------
                 public | accounts | table    | basalt=arwdDxt/basalt+| owner:           +|\s
                        |          |          | joe=w/basalt         +|   lim=rw/basalt   |\s
                        |          |          | staff=r/basalt        |                   |\s
                 public | s1       | sequence |                       |                   |\s
                (2 rows)

                """);
    }

    @Test
    void connectStartsAFreshSessionAsTheNamedRole() {
        PlayedScript played = ShellScriptPlayer.play("""
                CREATE USER joe;
                SET SESSION AUTHORIZATION joe;
                \\c - basalt
                SELECT session_user, current_user;
                \\c - joe
                SELECT session_user;
                \\c -
                SELECT current_user;
                \\c - nobody
                SELECT current_user;
                """, NOTHING);
        assertThat(played.output()).contains("""
                \\c - basalt
                SELECT session_user, current_user;
                 session_user | current_user\s
                --------------+--------------
                 basalt       | basalt
                (1 row)
                """).contains("""
                \\c - joe
                SELECT session_user;
                 session_user\s
                --------------
                 joe
                (1 row)

                \\c -
                SELECT current_user;
                 current_user\s
                --------------
                 joe
                (1 row)

                \\c - nobody
                """).contains("role \"nobody\" does not exist").endsWith("""
                SELECT current_user;
                 current_user\s
                --------------
                 joe
                (1 row)

                """);
    }
}
