package io.basalt.sql.ast;

/** A parsed SQL statement. */
public sealed interface Statement extends Node
        permits QueryStatement, CreateTableStatement, DropTableStatement, InsertStatement, UpdateStatement, DeleteStatement, SetStatement, ShowStatement,
        ResetStatement, ExplainStatement, PrepareStatement, ExecuteStatement, DeallocateStatement, CursorStatement, TruncateStatement,
        CreateSequenceStatement, AlterSequenceStatement, DropSequenceStatement, DiscardSequencesStatement,
        CheckpointStatement,
        CopyStatement, VacuumStatement, CreateTableAsStatement, CreateIndexStatement, DropIndexStatement,
        TransactionStatement, AlterTableStatement, CreateViewStatement, DropViewStatement, CreateSchemaStatement,
        DropSchemaStatement, CreateMaterializedViewStatement, RefreshMaterializedViewStatement,
        AlterTableHierarchyStatement, SetConstraintsStatement, UnsupportedStatement, TypeStatement,
        PrivilegeStatement, RoutineStatement, ReindexStatement, DomainStatement, AlterViewStatement,
        LockStatement, CommentStatement, MergeStatement, RuleStatement, AlterIndexStatement,
        PolicyStatement {
}
