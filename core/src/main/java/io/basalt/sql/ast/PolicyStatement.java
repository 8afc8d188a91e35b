package io.basalt.sql.ast;

import java.util.List;

/**
 * The statements of row-level security: CREATE / ALTER / DROP POLICY and ALTER TABLE ... ENABLE | DISABLE | FORCE |
 * NO FORCE ROW LEVEL SECURITY. Policy conditions are kept as the source text written between their parentheses (the
 * policy stores text, bound again by every statement that reads or writes the table); role names as in
 * {@link PrivilegeStatement} ({@link PrivilegeStatement#PUBLIC}, {@link PrivilegeStatement#CURRENT_USER} ...).
 */
public sealed interface PolicyStatement extends Statement {
    /**
     * {@code CREATE POLICY name ON table [AS PERMISSIVE | RESTRICTIVE] [FOR command] [TO roles] [USING (using)]
     * [WITH CHECK (check)]}; {@code command} is ALL, SELECT, INSERT, UPDATE or DELETE; {@code roles} empty means
     * PUBLIC; {@code using} and {@code check} are null when absent.
     */
    record CreatePolicy(String name, QualifiedName table, boolean permissive, String command, List<String> roles,
                        String using, String check, int position) implements PolicyStatement {
        public CreatePolicy {
            roles = List.copyOf(roles);
        }
    }

    /**
     * {@code ALTER POLICY name ON table RENAME TO renameTo} or {@code ALTER POLICY name ON table [TO roles]
     * [USING (using)] [WITH CHECK (check)]}; what is not written is null (roles empty).
     */
    record AlterPolicy(String name, QualifiedName table, String renameTo, List<String> roles, String using,
                       String check, int position) implements PolicyStatement {
        public AlterPolicy {
            roles = List.copyOf(roles);
        }
    }

    /** {@code DROP POLICY [IF EXISTS] name ON table [CASCADE | RESTRICT]}. */
    record DropPolicy(String name, QualifiedName table, boolean ifExists, int position) implements PolicyStatement {
    }

    /** What ALTER TABLE does to a table's row-level security. */
    enum Switch { ENABLE, DISABLE, FORCE, NO_FORCE }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] table ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY}. */
    record RowSecuritySwitch(QualifiedName table, boolean ifExists, Switch change, int position)
            implements PolicyStatement {
    }
}
