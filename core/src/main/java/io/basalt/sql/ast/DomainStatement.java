package io.basalt.sql.ast;

import java.util.List;

/**
 * The statements that create, change and drop domains: {@code CREATE DOMAIN}, the forms of {@code ALTER DOMAIN}
 * and {@code DROP DOMAIN}. Expressions keep the text they were written as ({@code \dD} and the catalogs show it).
 */
public sealed interface DomainStatement extends Statement {
    /** The domain every statement but DROP names. */
    QualifiedName name();

    /** {@code [CONSTRAINT name] CHECK (condition)}: {@code constraintName} is null when not written. */
    record Check(String constraintName, Expression condition, String text, int position) {
    }

    /**
     * {@code CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT expr] [[CONSTRAINT n] {NOT NULL | NULL | CHECK (...)}]
     * ...}; {@code defaultExpression} and {@code defaultText} are null without DEFAULT.
     */
    record Create(QualifiedName name, TypeName baseType, Expression defaultExpression, String defaultText,
                  boolean notNull, List<Check> checks, int position) implements DomainStatement {
        public Create {
            checks = List.copyOf(checks);
        }
    }

    /** {@code ALTER DOMAIN name SET DEFAULT expr} or {@code DROP DEFAULT} (both null). */
    record SetDefault(QualifiedName name, Expression defaultExpression, String defaultText, int position)
            implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name SET NOT NULL} / {@code DROP NOT NULL}. */
    record SetNotNull(QualifiedName name, boolean notNull, int position) implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name ADD [CONSTRAINT n] CHECK (condition) [NOT VALID]}. */
    record AddConstraint(QualifiedName name, Check check, boolean notValid, int position) implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name DROP CONSTRAINT [IF EXISTS] constraint [CASCADE | RESTRICT]}. */
    record DropConstraint(QualifiedName name, String constraint, boolean ifExists, int position)
            implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name VALIDATE CONSTRAINT constraint}. */
    record ValidateConstraint(QualifiedName name, String constraint, int position) implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name RENAME TO newName}. */
    record Rename(QualifiedName name, String newName, int position) implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name RENAME CONSTRAINT from TO to}. */
    record RenameConstraint(QualifiedName name, String from, String to, int position) implements DomainStatement {
    }

    /** {@code ALTER DOMAIN name OWNER TO role}: accepted; Basalt does not record owners of types. */
    record OwnerTo(QualifiedName name, String role, int position) implements DomainStatement {
    }

    /** {@code DROP DOMAIN [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
    record Drop(List<QualifiedName> names, boolean ifExists, boolean cascade, int position) implements DomainStatement {
        public Drop {
            names = List.copyOf(names);
        }

        @Override
        public QualifiedName name() {
            return names.getFirst();
        }
    }
}
