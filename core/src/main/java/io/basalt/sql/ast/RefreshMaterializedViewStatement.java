package io.basalt.sql.ast;

/** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
public record RefreshMaterializedViewStatement(QualifiedName name, boolean concurrently, boolean withData,
                                               int position) implements Statement {
}
