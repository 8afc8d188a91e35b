package io.basalt.sql.ast;

/** One action of an ALTER TABLE statement; column and constraint names are as written (case-folded). */
public sealed interface AlterTableAction extends Node {
    /** {@code ADD [COLUMN] [IF NOT EXISTS] column definition}. */
    record AddColumn(ColumnDefinition column, boolean ifNotExists, int position) implements AlterTableAction {
    }

    /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}. */
    record DropColumn(String column, boolean ifExists, boolean cascade, int position) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name [SET DATA] TYPE type [USING expression]}; {@code using} is null when absent. */
    record AlterColumnType(String column, TypeName type, Expression using, int position) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name SET DEFAULT expression}, or DROP DEFAULT when {@code expression} is null. */
    record SetDefault(String column, Expression expression, int position) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name SET EXPRESSION AS (expression)} (PostgreSQL 17): a new generation expression. */
    record SetExpression(String column, Expression expression, String text, int position) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name DROP EXPRESSION [IF EXISTS]}: a generated column becomes a plain one. */
    record DropExpression(String column, boolean ifExists, int position) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name SET NOT NULL} ({@code notNull}) or {@code DROP NOT NULL}. */
    record SetNotNull(String column, boolean notNull, int position) implements AlterTableAction {
    }

    /** {@code ADD table constraint [NOT VALID]}. */
    record AddConstraint(TableConstraint constraint, boolean notValid, int position) implements AlterTableAction {
    }

    /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]}. */
    record DropConstraint(String name, boolean ifExists, boolean cascade, int position) implements AlterTableAction {
    }

    /** {@code VALIDATE CONSTRAINT name}. */
    record ValidateConstraint(String name, int position) implements AlterTableAction {
    }

    /** {@code RENAME [COLUMN] from TO to}. */
    record RenameColumn(String from, String to, int position) implements AlterTableAction {
    }

    /** {@code RENAME CONSTRAINT from TO to}. */
    record RenameConstraint(String from, String to, int position) implements AlterTableAction {
    }

    /** {@code RENAME TO name}. */
    record RenameTable(String to, int position) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]}. */
    record AddIdentity(String column, boolean always, java.util.List<SequenceOption> options, int position)
            implements AlterTableAction {
        public AddIdentity {
            options = java.util.List.copyOf(options);
        }
    }

    /**
     * {@code ALTER [COLUMN] name} followed by {@code SET GENERATED {ALWAYS | BY DEFAULT}}, {@code SET sequence
     * option} and {@code RESTART [[WITH] n]} items: {@code always} is null when no SET GENERATED is written,
     * {@code options} holds the sequence options (RESTART included) in the order written.
     */
    record AlterIdentity(String column, Boolean always, java.util.List<SequenceOption> options, int position)
            implements AlterTableAction {
        public AlterIdentity {
            options = java.util.List.copyOf(options);
        }
    }

    /** {@code ALTER [COLUMN] name DROP IDENTITY [IF EXISTS]}. */
    record DropIdentity(String column, boolean ifExists, int position) implements AlterTableAction {
    }

    /**
     * {@code ALTER CONSTRAINT name [[NOT] DEFERRABLE] [INITIALLY {DEFERRED | IMMEDIATE}]} of a foreign key: the
     * deferrability it has afterwards (what is not written is NOT DEFERRABLE / INITIALLY IMMEDIATE).
     */
    record AlterConstraint(String name, boolean deferrable, boolean initiallyDeferred, int position)
            implements AlterTableAction {
    }

    /** {@code SET (storage parameters)} or, with {@code reset}, {@code RESET (names)}. */
    record SetStorageParameters(java.util.List<StorageParameter> parameters, boolean reset, int position)
            implements AlterTableAction {
        public SetStorageParameters {
            parameters = java.util.List.copyOf(parameters);
        }
    }

    /**
     * An action about how PostgreSQL stores, clusters, samples or replicates the table, which Basalt checks as
     * PostgreSQL does but which changes nothing in Basalt's own storage: {@code column} names the column of the
     * column forms (null otherwise), {@code value} holds what was written (the statistics target, the storage mode
     * in lower case, the index name of CLUSTER ON and REPLICA IDENTITY USING INDEX, the REPLICA IDENTITY kind),
     * {@code options} the options of the column's SET / RESET.
     */
    record PhysicalSetting(Setting setting, String column, String value, java.util.List<StorageParameter> options,
                           int position) implements AlterTableAction {
        public PhysicalSetting {
            options = java.util.List.copyOf(options);
        }

        /** Which of the forms it is. */
        public enum Setting {
            /** {@code ALTER [COLUMN] c SET STATISTICS n}. */
            COLUMN_STATISTICS,
            /** {@code ALTER [COLUMN] c SET STORAGE mode}. */
            COLUMN_STORAGE,
            /** {@code ALTER [COLUMN] c SET (attribute options)}. */
            COLUMN_OPTIONS,
            /** {@code ALTER [COLUMN] c RESET (attribute options)}. */
            COLUMN_RESET_OPTIONS,
            /** {@code CLUSTER ON index}. */
            CLUSTER_ON,
            /** {@code SET WITHOUT CLUSTER}. */
            WITHOUT_CLUSTER,
            /** {@code SET WITHOUT OIDS}. */
            WITHOUT_OIDS,
            /** {@code SET LOGGED}. */
            LOGGED,
            /** {@code SET UNLOGGED}. */
            UNLOGGED,
            /** {@code REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX index}}. */
            REPLICA_IDENTITY
        }
    }

    /** {@code SET SCHEMA schema}: moves the relation to another schema. */
    record SetSchema(String schema, int position) implements AlterTableAction {
    }
}
