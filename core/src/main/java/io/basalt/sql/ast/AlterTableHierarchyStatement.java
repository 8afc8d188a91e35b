package io.basalt.sql.ast;

/**
 * The ALTER TABLE forms that change a table's place in an inheritance or partition hierarchy, each alone in its
 * statement: {@code ALTER TABLE parent ATTACH PARTITION other {FOR VALUES ... | DEFAULT}},
 * {@code ALTER TABLE parent DETACH PARTITION other}, {@code ALTER TABLE child INHERIT other} and
 * {@code ALTER TABLE child NO INHERIT other}. {@code bound} is set for ATTACH only. DETACH PARTITION ... CONCURRENTLY
 * and ... FINALIZE are kinds of their own.
 */
public record AlterTableHierarchyStatement(QualifiedName table, boolean ifExists, Kind kind, QualifiedName other,
                                           PartitionBound bound, int position) implements Statement {
    public enum Kind {
        ATTACH_PARTITION, DETACH_PARTITION, INHERIT, NO_INHERIT, DETACH_PARTITION_CONCURRENTLY,
        DETACH_PARTITION_FINALIZE
    }
}
