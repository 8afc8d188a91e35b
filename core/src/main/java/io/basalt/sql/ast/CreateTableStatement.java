package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name (column definitions and table constraints)}; {@code temporary}
 * for TEMP or TEMPORARY (with GLOBAL or LOCAL, which PostgreSQL ignores).
 */
public record CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                   List<TableConstraint> constraints, boolean temporary, List<Like> likes,
                                   Hierarchy hierarchy, int position, List<StorageParameter> storageParameters)
        implements Statement {
    /** A CREATE TABLE without storage parameters. */
    public CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                List<TableConstraint> constraints, boolean temporary, List<Like> likes,
                                Hierarchy hierarchy, int position) {
        this(name, ifNotExists, columns, constraints, temporary, likes, hierarchy, position, List.of());
    }

    /**
     * A table's place in a hierarchy: {@code INHERITS (parents)}, {@code PARTITION OF partitionOf bound} and
     * {@code PARTITION BY partitionBy}; null or empty where the statement has none.
     */
    public record Hierarchy(List<QualifiedName> inherits, QualifiedName partitionOf, PartitionBound bound,
                            PartitionSpec partitionBy) {
        public Hierarchy {
            inherits = List.copyOf(inherits);
        }
    }

    /** A CREATE TABLE outside any hierarchy. */
    public CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                List<TableConstraint> constraints, boolean temporary, List<Like> likes, int position) {
        this(name, ifNotExists, columns, constraints, temporary, likes, null, position);
    }

    /**
     * {@code LIKE source [{INCLUDING | EXCLUDING} {DEFAULTS | CONSTRAINTS | INDEXES | IDENTITY | ... | ALL}]}: the
     * source's columns go where the clause stands, before column definition {@code columnIndex}; {@code including}
     * holds the options in force (upper case; ALL expanded), the last mention of each winning.
     */
    public record Like(QualifiedName source, int columnIndex, java.util.Set<String> including, int position) {
        public Like {
            including = java.util.Set.copyOf(including);
        }
    }

    public CreateTableStatement {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        likes = List.copyOf(likes);
    }

    /** A CREATE TABLE without LIKE clauses. */
    public CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                List<TableConstraint> constraints, boolean temporary, int position) {
        this(name, ifNotExists, columns, constraints, temporary, List.of(), position);
    }
}
