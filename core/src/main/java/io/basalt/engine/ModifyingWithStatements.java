package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.BoundWrite;
import io.basalt.binder.ModifyingWith;
import io.basalt.catalog.TableEntry;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.scan.MaterializedRows;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.storage.table.StatementChanges;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs a statement with data-modifying WITH queries ({@link ModifyingWith}): while it binds, each such query runs
 * with its change collected ({@link StatementChanges}) and its RETURNING rows kept ({@link MaterializedRows}); then
 * the main statement runs the same way; then the collected changes are applied in the order written, the main
 * statement's last. So every part reads the tables as they were when the statement began.
 */
final class ModifyingWithStatements {
    /** What the session provides: running a plan into a sink, and producing a statement's result. */
    interface Session {
        void execute(LogicalPlan plan, SinkState sink);

        QueryResultImpl runQuery(BoundQuery query);

        QueryResultImpl runWrite(BoundWrite write);
    }

    private final Session session;
    private final Supplier<BufferAllocator> allocators;

    ModifyingWithStatements(Session session, Supplier<BufferAllocator> allocators) {
        this.session = requireNonNull(session, "session is null");
        this.allocators = requireNonNull(allocators, "allocators is null");
    }

    /** Whether {@code statement} has a WITH clause with an INSERT, UPDATE or DELETE in it. */
    static boolean applies(Statement statement) {
        return switch (statement) {
            case QueryStatement query -> query.query().with() != null && query.query().with().modifiesData();
            case io.basalt.sql.ast.InsertStatement insert -> insert.with() != null && insert.with().modifiesData();
            case io.basalt.sql.ast.UpdateStatement update -> update.with() != null && update.with().modifiesData();
            case io.basalt.sql.ast.DeleteStatement delete -> delete.with() != null && delete.with().modifiesData();
            default -> false;
        };
    }

    /** Runs {@code statement}; {@code table} is the main INSERT's, UPDATE's or DELETE's target (null for a query). */
    QueryResultImpl run(Statement statement, TableEntry table, BindContext context) {
        List<MaterializedRows> kept = new ArrayList<>();
        try (BufferAllocator allocator = allocators.get();
             StatementChanges changes = new StatementChanges(allocator)) {
            try {
                return ScopedValue.where(StatementChanges.CURRENT, changes).call(() -> {
                    ModifyingWith.Runner runner = (write, name) -> runSubstatement(write, name, allocator, kept);
                    QueryResultImpl result = statement instanceof QueryStatement query
                            ? session.runQuery(ModifyingWith.bindQuery(query.query(), context, runner))
                            : session.runWrite(ModifyingWith.bindWrite(statement, table, context, runner));
                    try {
                        changes.applyAll();
                    } catch (RuntimeException | Error failure) {
                        result.close();
                        throw failure;
                    }
                    return result;
                });
            } finally {
                for (MaterializedRows rows : kept) {
                    rows.close();
                }
            }
        }
    }

    /** Runs one data-modifying WITH query; its RETURNING rows, or null without RETURNING. */
    private MaterializedRows runSubstatement(BoundWrite write, String name, BufferAllocator allocator,
                                             List<MaterializedRows> kept) {
        if (!write.returnsRows()) {
            MaterializedRows discarded = new MaterializedRows(name, List.of(LogicalType.BIGINT), allocator);
            kept.add(discarded);
            session.execute(write.plan(), discarded.sink());
            return null;
        }
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType type : write.plan().outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        MaterializedRows rows = new MaterializedRows(name, types, allocator);
        kept.add(rows);
        session.execute(write.plan(), rows.sink());
        return rows;
    }
}
