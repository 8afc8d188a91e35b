package io.basalt.cli.shell;

import io.basalt.api.Session;

/**
 * How the shell opens a new session on its database for {@code \c}: given the session in use and the role to connect
 * as (null: the database's default user), returns the session to use from now on, having closed or reused the old
 * one.
 */
@FunctionalInterface
public interface SessionConnector {
    Session reconnect(Session current, String user);
}
