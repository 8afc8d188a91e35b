package io.basalt.catalog.security;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One row-level security policy of a table, as CREATE POLICY and ALTER POLICY leave it: whether it is permissive
 * (policies of that kind are combined with OR) or restrictive (combined with AND), the command it applies to (ALL,
 * SELECT, INSERT, UPDATE or DELETE), the roles it applies to (empty: PUBLIC), and its conditions as SQL text over the
 * table's columns ({@code using} filters the rows a statement sees, {@code check} the rows it writes; null when
 * absent).
 */
public record RowSecurityPolicy(String name, boolean permissive, String command, List<String> roles, String using,
                                String check) {
    public RowSecurityPolicy {
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
        roles = List.copyOf(roles);
    }

    /** Whether the policy applies to statements of {@code statementCommand} (SELECT, INSERT, UPDATE, DELETE). */
    public boolean appliesTo(String statementCommand) {
        return command.equals("ALL") || command.equals(statementCommand);
    }

    public RowSecurityPolicy renamed(String newName) {
        return new RowSecurityPolicy(newName, permissive, command, roles, using, check);
    }
}
