package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.MergeStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Statement;
import io.basalt.storage.table.MergeTargetRows;
import io.basalt.storage.table.StatementChanges;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs a MERGE as the statements {@link MergeRewrite} makes of it, all reading the tables as they were when the
 * MERGE began: their changes are collected ({@link StatementChanges}) and applied together at the end, in the order
 * of the WHEN clauses, so one clause never sees another's rows. Each UPDATE and DELETE claims its target rows in one
 * {@link MergeTargetRows}, which turns a row changed twice (two source rows matching it) into PostgreSQL's 21000.
 * The statements run through the session as any UPDATE, DELETE or INSERT does, so constraints, defaults, identity
 * and generated columns, foreign keys, triggers, partitions and inheritance children behave as they do there. The
 * command tag counts the rows inserted, updated and deleted ("MERGE n").
 */
final class MergeStatements {
    /** What the session provides. */
    interface Session {
        /** The table a write names (an error for a view or a missing relation). */
        TableEntry resolveTable(QualifiedName name);

        /** Runs one of the statements the MERGE became. */
        QueryResultImpl run(Statement statement);
    }

    private final Session session;
    private final Catalog catalog;
    private final Supplier<BufferAllocator> allocators;

    MergeStatements(Session session, Catalog catalog, Supplier<BufferAllocator> allocators) {
        this.session = requireNonNull(session, "session is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.allocators = requireNonNull(allocators, "allocators is null");
    }

    QueryResultImpl run(MergeStatement merge) {
        if (merge.with() != null && merge.with().modifiesData()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, merge.with().position(),
                    "data-modifying WITH before MERGE is not supported yet");
        }
        checkTargetKind(merge.target());
        TableEntry target = session.resolveTable(merge.target());
        List<Statement> statements = MergeRewrite.statements(merge, target);
        try (BufferAllocator allocator = allocators.get();
             StatementChanges changes = new StatementChanges(allocator)) {
            long changed = ScopedValue.where(StatementChanges.CURRENT, changes)
                    .where(MergeTargetRows.CURRENT, new MergeTargetRows())
                    .call(() -> {
                        long rows = 0;
                        for (Statement statement : statements) {
                            try (QueryResultImpl result = runOne(statement, merge.targetName())) {
                                rows += result.rowCount();
                            }
                        }
                        changes.applyAll();
                        return rows;
                    });
            return QueryResultImpl.command("MERGE " + changed, changed, List.of());
        }
    }

    private QueryResultImpl runOne(Statement statement, String targetName) {
        try {
            return session.run(statement);
        } catch (BasaltException failure) {
            // the target is out of reach of the source and of NOT MATCHED clauses: PostgreSQL says so in its words
            if (failure.sqlState() == SqlState.UNDEFINED_TABLE && ("missing FROM-clause entry for table \""
                    + targetName + "\"").equals(failure.getMessage())) {
                throw BasaltException.at(SqlState.UNDEFINED_TABLE, failure.position(),
                                "invalid reference to FROM-clause entry for table \"" + targetName + "\"")
                        .withHint("There is an entry for table \"" + targetName
                                + "\", but it cannot be referenced from this part of the query.");
            }
            throw failure;
        }
    }

    /** PostgreSQL's 0A000 for a view or materialized view as the target. */
    private void checkTargetKind(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (catalog.findTable(schema, name.last()).isPresent()) {
            return;
        }
        Optional<ViewEntry> view = catalog.findView(schema, name.last());
        if (view.isPresent()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "cannot execute MERGE on relation \"" + name.last() + "\"")
                    .withDetail(view.get().materialized() ? "This operation is not supported for materialized views."
                            : "This operation is not supported for views.");
        }
    }
}
