package io.basalt.engine;

import io.basalt.api.CatalogView;
import io.basalt.api.CopyStreams;
import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.api.Session;
import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.BoundWrite;
import io.basalt.binder.InsertBinder;
import io.basalt.binder.Parameters;
import io.basalt.binder.QueryBinder;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.memory.QueryMemory;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.pipeline.ResultCollector;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.optimizer.Optimizer;
import io.basalt.planner.PhysicalPlanner;
import io.basalt.sequence.SessionSequences;
import io.basalt.sql.ast.AlterSequenceStatement;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.CreateMaterializedViewStatement;
import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.RefreshMaterializedViewStatement;
import io.basalt.sql.ast.CreateViewStatement;
import io.basalt.sql.ast.DropSchemaStatement;
import io.basalt.sql.ast.DropViewStatement;
import io.basalt.sql.ast.CreateSequenceStatement;
import io.basalt.engine.copy.CopyExecutor;
import io.basalt.engine.export.DatabaseDump;
import io.basalt.engine.export.DatabaseExport;
import io.basalt.engine.export.DatabaseImport;
import io.basalt.engine.export.DatabaseTransferStatement;
import io.basalt.engine.export.SchemaScript;
import io.basalt.sql.ast.CopyStatement;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.CreateIndexStatement;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.DropIndexStatement;
import io.basalt.sql.ast.CursorStatement;
import io.basalt.sql.ast.DeallocateStatement;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.DiscardSequencesStatement;
import io.basalt.sql.ast.DropSequenceStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.ExplainStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.PrepareStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.ResetStatement;
import io.basalt.sql.ast.SetStatement;
import io.basalt.sql.ast.ShowStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.ast.TransactionStatement;
import io.basalt.sql.ast.UnsupportedStatement;
import io.basalt.storage.table.TableTransaction;
import io.basalt.storage.transaction.Transaction;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.ast.VacuumStatement;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.DateTimeSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A session: parses each statement, binds it against the catalog, plans it and runs it. Every statement
 * runs in its own query allocator, freed when the statement ends; results live in an allocator of their
 * own until the caller closes them. Any failure reaches the caller as a {@link BasaltException}; a bug
 * surfaces as SQLSTATE XX000, never as a raw Java exception.
 */
final class SessionImpl implements Session {
    private final DatabaseImpl database;
    /** The catalog as this session sees it: the database's, plus this session's temporary tables. */
    private final Catalog catalog;
    private final DdlExecutor ddl;
    private final IndexExecutor indexes;
    private final UtilityStatements utility;
    private final SequenceStatements sequenceStatements;
    private final SessionSequences sequences;
    private final Set<QueryResultImpl> openResults = ConcurrentHashMap.newKeySet();
    private final SessionTransactions transactions;
    private final SessionCursors cursors;
    private final ModifyingWithStatements modifyingWith;
    private final TransactionalDdl transactionalDdl;
    /** Who the session acts as (session user, SET ROLE). */
    private final SessionRoles roles;
    private final StatementPrivileges statementPrivileges;
    private final SessionRoutines routines;
    private final SessionRules rules;
    /** A statement that runs without the rules of the relation it writes (a rule's own run of it), or null. */
    private Statement ruleBypass;
    /** How deep statements that routines issue are nested in the client's statement (0: the client's own). */
    private int nesting;
    /** The client's running statement's cancel flag: {@link #cancel} from any thread, statement_timeout. */
    private final io.basalt.exec.pipeline.StatementCancellation cancellation =
            new io.basalt.exec.pipeline.StatementCancellation();
    /** How many client calls of {@link #execute(String, Object...)} are open (IMPORT runs statements inside one). */
    private int clientCalls;
    private boolean closed;
    /** The client's COPY streams for the statement running now (see {@link #execute(String, CopyStreams)}). */
    private CopyStreams copyStreams = CopyStreams.NONE;

    SessionImpl(DatabaseImpl database) {
        this(database, io.basalt.catalog.privilege.Authorization.BOOTSTRAP_SUPERUSER);
    }

    /** A session acting as role {@code user} (the caller checked that it may log in). */
    SessionImpl(DatabaseImpl database, String user) {
        this.database = database;
        // search_path is read at each lookup, from the settings made below
        int number = database.nextSessionNumber();
        this.catalog = database.catalog().forSession(Catalog.TEMP_SCHEMA_ALIAS + "_" + number,
                () -> settings().searchPath());
        this.ddl = new DdlExecutor(catalog, database::newTableStore, database.sequenceLog(), new TableRewrite(database));
        this.indexes = new IndexExecutor(catalog);
        this.transactionalDdl = new TransactionalDdl(catalog, ddl, database.ddlLock(), database::logDdl);
        this.sequenceStatements = new SequenceStatements(catalog, database.sequenceLog());
        this.sequences = new SessionSequences(catalog);
        this.routines = new SessionRoutines(database, catalog, this::runNested);
        this.rules = new SessionRules(database, catalog, routines.runtime(), new RuleWrites.Session() {
            @Override
            public QueryResultImpl result(Statement statement, List<io.basalt.plan.expression.BoundExpression.Constant>
                    parameters) {
                return runParsed(statement, "", parameters.toArray());
            }

            @Override
            public QueryResultImpl runOriginal(Statement statement,
                                               List<io.basalt.plan.expression.BoundExpression.Constant> parameters) {
                Statement outer = ruleBypass;
                ruleBypass = statement;
                try {
                    return runParsed(statement, "", parameters.toArray());
                } finally {
                    ruleBypass = outer;
                }
            }

            @Override
            public QueryResultImpl runWrite(BoundWrite write) {
                return SessionImpl.this.runWrite(write);
            }

            @Override
            public QueryResultImpl runQuery(BoundQuery query) {
                return SessionImpl.this.runQuery(query);
            }
        });
        this.utility = new UtilityStatements(catalog, database.defaultSettings().copy(),
                () -> database.newAllocator("result"));
        this.transactions = new SessionTransactions(database.transactions(), utility.settings(), number);
        this.roles = new SessionRoles(database.authorization(), user, utility.settings());
        this.statementPrivileges = new StatementPrivileges(catalog, database.authorization());
        this.cursors = new SessionCursors(transactions::block, () -> database.newAllocator("result"));
        this.transactions.beforeCommit(ending -> cursors.beforeCommit(ending));
        this.modifyingWith = new ModifyingWithStatements(new ModifyingWithStatements.Session() {
            @Override
            public void execute(LogicalPlan plan, io.basalt.exec.operator.SinkState sink) {
                SessionImpl.this.execute(plan, sink);
            }

            @Override
            public QueryResultImpl runQuery(BoundQuery query) {
                return SessionImpl.this.runQuery(query);
            }

            @Override
            public QueryResultImpl runWrite(BoundWrite write) {
                return SessionImpl.this.runWrite(write);
            }
        }, () -> database.newAllocator("with"));
    }

    /** This session's configuration parameters (SET, SHOW). */
    /**
     * SET (or RESET, {@code set} null) as PostgreSQL's settings stack has it: in a transaction block, ROLLBACK (or
     * ROLLBACK TO a savepoint before it) puts the values back, and SET LOCAL's value lasts until the block ends;
     * SET LOCAL outside a block warns and changes nothing.
     */
    private QueryResultImpl transactionalSetting(SetStatement set, java.util.function.Supplier<QueryResultImpl> run) {
        boolean local = set != null && set.local();
        if (local && transactions.block() == null) {
            return QueryResultImpl.commandWithWarning("SET", "SET LOCAL can only be used in transaction blocks");
        }
        beforeSettingChange(set == null ? null : set.name(), local);
        return run.get();
    }

    /**
     * SET, RESET ({@code name} null) or set_config(name, value, is_local) is about to change a setting: in a block,
     * ROLLBACK puts the values back, and a local change lasts until the block ends (the first local change of a
     * name in the block records the value its end restores); outside a block a local change lasts until the
     * statement ends ({@link #execute} restores it).
     */
    private void beforeSettingChange(String name, boolean local) {
        Transaction block = transactions.block();
        SessionSettings.Snapshot before = settings().snapshot();
        if (block == null) {
            if (local) {
                statementSettingRestores.add(() -> settings().restore(before, name));
            }
            return;
        }
        block.onRollback(() -> settings().restore(before));
        if (local) {
            if (localSettingsBlock != block) {
                localSettingsBlock = block;
                localSettingNames.clear();
            }
            if (localSettingNames.add(name.toLowerCase(java.util.Locale.ROOT))) {
                block.onCommit(() -> settings().restore(before, name));
            }
        }
    }

    /** Settings that set_config(..., true) changed outside a block, put back when the statement ends. */
    private final List<Runnable> statementSettingRestores = new java.util.ArrayList<>();

    /** The block whose SET LOCAL names {@link #localSettingNames} holds. */
    private Transaction localSettingsBlock;
    private final java.util.Set<String> localSettingNames = new java.util.HashSet<>();

    SessionSettings settings() {
        return utility.settings();
    }

    /**
     * Runs one statement in the session's transaction: transaction control changes the session's block
     * ({@link SessionTransactions}); any other statement runs in the open block's transaction, or in one of its own
     * that commits when it succeeds and rolls back when it fails. A statement that a running statement issues
     * (CREATE TABLE AS and COPY insert through this method) runs in the caller's transaction. During log replay
     * statements run without a transaction: they change the stores at once and log nothing.
     */
    @Override
    public QueryResult execute(String sql, Object... parameters) {
        checkOpen();
        if (TableTransaction.current() != null) {
            return executeStatement(sql, parameters); // a statement issued by a running one: its caller restores
        }
        boolean outermost = clientCalls++ == 0;
        if (outermost && !database.replaying()) {
            cancellation.begin(settings().statementTimeout().toMillis());
        }
        try {
            return executeStatement(sql, parameters);
        } finally {
            clientCalls--;
            if (outermost) {
                cancellation.end();
            }
            for (int i = statementSettingRestores.size() - 1; i >= 0; i--) {
                statementSettingRestores.get(i).run();
            }
            statementSettingRestores.clear();
        }
    }

    /**
     * Cancels the statement this session is running (from any thread): it fails with 57014 "canceling statement due
     * to user request" at its next batch, its worker threads stop, and in a transaction block the block is aborted.
     * Does nothing while no statement runs.
     */
    @Override
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public void executeAll(List<String> statements, CopyStreams streams, java.util.function.Consumer<QueryResult> each) {
        checkOpen();
        if (statements.size() == 1 || TableTransaction.current() != null) {
            for (String statement : statements) {
                each.accept(execute(statement, streams));
            }
            return;
        }
        try {
            for (String statement : statements) {
                transactions.beginImplicit();
                each.accept(execute(statement, streams));
            }
            transactions.endImplicit();
        } catch (RuntimeException | Error failure) {
            transactions.implicitFailed();
            throw failure;
        }
    }

    private QueryResult executeStatement(String sql, Object... parameters) {
        DatabaseTransferStatement transfer = convertFailures(() -> DatabaseTransferStatement.parse(sql));
        if (transfer != null) {
            return convertFailures(() -> transfer(transfer));
        }
        io.basalt.arrow.ArrowCopyStatement arrowCopy = io.basalt.arrow.ArrowCopyStatement.parse(sql);
        if (arrowCopy != null) {
            return convertFailures(() -> {
                long rows = arrowCopy.run(this);
                return QueryResultImpl.command("COPY " + rows, rows, List.of());
            });
        }
        if (TableTransaction.current() != null || database.replaying()) {
            return convertFailures(() -> runParsed(parse(sql), sql, parameters));
        }
        Transaction transaction = null;
        try {
            Statement statement = parse(sql);
            if (statement instanceof TransactionStatement control) {
                return transactions.control(control);
            }
            checkReadOnly(statement, sql);
            if (statement instanceof io.basalt.sql.ast.VacuumStatement vacuum && vacuum.vacuum()) {
                transactions.preventInBlock("VACUUM");
            }
            for (int attempt = 1; ; attempt++) {
                transaction = transactions.forStatement();
                try {
                    QueryResult result = runInTransaction(transaction, statement, sql, parameters);
                    database.checkpointWhenLogExceeds(settings().maxWalSizeBytes());
                    return result;
                } catch (BasaltException failure) {
                    if (!retries(failure, statement, transaction, attempt)) {
                        throw failure;
                    }
                    if (transaction != transactions.block()) {
                        transactions.statementFailed(transaction);
                    }
                    database.transactions().awaitInFlightCommits();
                    Thread.yield();
                }
            }
        } catch (RuntimeException | Error failure) {
            transactions.statementFailed(transaction);
            throw failure;
        }
    }

    /** EXPORT DATABASE (in one snapshot) or IMPORT DATABASE ({@code io.basalt.engine.export}). */
    private QueryResult transfer(DatabaseTransferStatement statement) {
        if (statement.export()) {
            int tables = inOneSnapshot(() -> DatabaseExport.write(SchemaScript.of(catalog, routines.runtime().routines()), this,
                    statement.directory(), statement.format()));
            return QueryResultImpl.command("EXPORT DATABASE", tables, List.of());
        }
        int statements = DatabaseImport.run(this, statement.directory());
        return QueryResultImpl.command("IMPORT DATABASE", statements, List.of());
    }

    @Override
    public void dump(java.io.OutputStream out) {
        checkOpen();
        convertFailures(() -> inOneSnapshot(() -> {
            DatabaseDump.write(SchemaScript.of(catalog, routines.runtime().routines()), this, out);
            return null;
        }));
    }

    /** Runs {@code action} in the open block, or else in a REPEATABLE READ transaction of its own. */
    private <T> T inOneSnapshot(java.util.function.Supplier<T> action) {
        if (transactions.block() != null) {
            return action.get();
        }
        execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").close();
        boolean succeeded = false;
        try {
            T result = action.get();
            succeeded = true;
            return result;
        } finally {
            execute(succeeded ? "COMMIT" : "ROLLBACK").close();
        }
    }

    /** Name of the savepoint a READ COMMITTED statement in a block is retried from; no SQL name can be it. */
    private static final String RETRY_SAVEPOINT = "\0statement";
    /** Retries of a READ COMMITTED statement; another writer of its rows commits in between at most this often. */
    private static final int MAX_ATTEMPTS = 1000;

    /**
     * Runs {@code statement} in {@code transaction} and commits it when it is a statement's own transaction. In a
     * READ COMMITTED block, an INSERT, UPDATE or DELETE runs from an internal savepoint so that it can be retried.
     */
    private QueryResult runInTransaction(Transaction transaction, Statement statement, String sql,
                                         Object... parameters) {
        boolean retryPoint = transaction == transactions.block() && transaction.level().snapshotPerStatement()
                && writes(statement);
        transaction.beginStatement();
        transaction.setLockTimeoutMillis(settings().lockTimeout().toMillis());
        if (retryPoint) {
            transaction.savepoint(RETRY_SAVEPOINT);
        }
        QueryResult result;
        try {
            result = convertFailures(() -> ScopedValue.where(TableTransaction.CURRENT, transaction)
                    .call(() -> runParsed(statement, sql, parameters)));
        } catch (BasaltException failure) {
            if (retryPoint && failure.sqlState() == SqlState.SERIALIZATION_FAILURE) {
                transaction.rollbackTo(RETRY_SAVEPOINT);
            }
            if (retryPoint) {
                transaction.release(RETRY_SAVEPOINT);
            }
            throw failure;
        }
        if (retryPoint) {
            transaction.release(RETRY_SAVEPOINT);
        }
        try {
            transactions.statementSucceeded(transaction);
        } catch (BasaltException failure) {
            result.close();
            throw failure;
        }
        return result;
    }

    /**
     * Whether a statement that failed with a write conflict runs again with a new snapshot: at READ COMMITTED, an
     * INSERT, UPDATE or DELETE whose own transaction it is (the conflict may come from its commit), or which runs in a
     * block and failed before it changed anything. This stands in for PostgreSQL's re-evaluation of the newest row
     * version: the whole statement sees the newest committed state.
     */
    private boolean retries(BasaltException failure, Statement statement, Transaction transaction, int attempt) {
        return failure.sqlState() == SqlState.SERIALIZATION_FAILURE && attempt < MAX_ATTEMPTS
                && transaction.level().snapshotPerStatement() && writes(statement)
                && (transaction != transactions.block() || !transaction.ended());
    }

    /** INSERT, UPDATE, DELETE, and SELECT ... FOR UPDATE / SHARE (which locks rows as they do). */
    private static boolean writes(Statement statement) {
        return statement instanceof InsertStatement || statement instanceof UpdateStatement
                || statement instanceof DeleteStatement || locks(statement);
    }

    private static boolean locks(Statement statement) {
        return statement instanceof QueryStatement query && !query.query().locking().isEmpty();
    }

    private Statement parse(String sql) {
        return convertFailures(() -> utility.evaluateSettingFunctions(Parser.parseStatement(sql),
                this::beforeSettingChange));
    }

    private QueryResultImpl runParsed(Statement statement, String sql, Object... parameters) {
        BindContext context = new BindContext(catalog, database.tableFunctions(),
                new Parameters(parameters == null ? List.of() : Arrays.asList(parameters)));
        // The session's date/time settings and sequence state hold while the statement is bound and planned.
        io.basalt.catalog.privilege.AccessCheck check = database.replaying() ? null : roles.check();
        ScopedValue.Carrier carrier = ScopedValue.where(DateTimeSettings.CURRENT, settings().dateTimeSettings())
                .where(SessionSequences.CURRENT, sequences)
                .where(DatabaseImpl.SEARCH_PATH, settings().show("search_path"))
                .where(io.basalt.type.textsearch.TextSearchConfiguration.CURRENT,
                        io.basalt.type.textsearch.TextSearchConfiguration.named(
                                settings().show("default_text_search_config")))
                .where(io.basalt.binder.NonsystemRelationRestriction.CURRENT, io.basalt.binder
                        .NonsystemRelationRestriction.restrictsViews(settings().show(
                                "restrict_nonsystem_relation_kind")))
                .where(io.basalt.binder.UserTypeNames.CATALOG, catalog)
                .where(DatabaseImpl.CURRENT_USER, roles.currentUser())
                .where(io.basalt.binder.RowSecurityQuals.ENABLED, !settings().show("row_security").equals("off"))
                .where(io.basalt.catalog.privilege.SessionIdentity.CURRENT,
                        new io.basalt.catalog.privilege.SessionIdentity(roles.currentUser(), roles.sessionUser(),
                                database.authorization(), catalog));
        // a view's query is checked when the view is read, as its owner: CREATE VIEW reads nothing
        if (check != null && !(statement instanceof CreateViewStatement)) {
            carrier = carrier.where(io.basalt.catalog.privilege.AccessCheck.CURRENT, check);
        }
        carrier = carrier.where(io.basalt.routine.RoutineRuntime.CURRENT, routines.runtime());
        carrier = carrier.where(io.basalt.planner.IndexScanSwitches.CURRENT, io.basalt.planner.IndexScanSwitches.of(
                settings().show("enable_bitmapscan"), settings().show("enable_seqscan")));
        carrier = carrier.where(io.basalt.planner.JoinKeyFilterSwitch.CURRENT, io.basalt.planner.JoinKeyFilterSwitch
                .of(settings().find(io.basalt.planner.JoinKeyFilterSwitch.SETTING)));
        TableTransaction owner = TableTransaction.current();
        if (owner != null && !database.replaying()) {
            // only a top-level statement waits for table locks: a nested one may run under a monitor
            carrier = carrier.where(io.basalt.binder.TableLocking.CURRENT, new io.basalt.binder.TableLocking(
                    database.relationLocks(), owner, nesting == 0, database.ddlLock()));
        }
        ScopedValue.Carrier bound = carrier;
        nesting++;
        try {
            QueryResultImpl result = bound.call(() -> track(runChecked(statement, context, sql,
                    check == null || check.superuser() ? null : check)));
            if (nesting == 1) {
                result.addNotices(routines.runtime().takeNotices());
            }
            return result;
        } catch (RuntimeException | Error failure) {
            if (nesting == 1) {
                List<String> raised = routines.runtime().takeNotices();
                if (failure instanceof BasaltException error) {
                    throw error.withNotices(raised); // shown before the error, as PostgreSQL sends them
                }
            }
            throw failure;
        } finally {
            nesting--;
        }
    }

    /**
     * Runs {@code statement} after the privilege checks made before it runs ({@code check} null: none), and records
     * the owner of what it creates and the new name of a relation it renames.
     */
    private QueryResultImpl runChecked(Statement original, BindContext context, String sql,
                                       io.basalt.catalog.privilege.AccessCheck check) {
        Statement statement = AlterTableTargets.redirect(catalog, original);
        if (statement != original) {
            statementPrivileges.before(original, check);
        }
        try {
            statementPrivileges.before(statement, check);
        } catch (BasaltException denied) {
            if (statement instanceof io.basalt.sql.ast.CopyStatement copy && copy.from() && copy.fileName() == null
                    && !copy.program() && copyStreams != CopyStreams.NONE) {
                // as in PostgreSQL, the client has entered copy mode before the refusal: its data is consumed
                copyStreams.input();
            }
            throw denied;
        }
        RoutinePrivileges routinePrivileges = new RoutinePrivileges(catalog, database.routines(),
                database.authorization());
        routinePrivileges.before(statement, check);
        StatementLocks.before(statement, catalog);
        StatementPrivileges.Creation creation = statementPrivileges.creation(statement);
        String renamedFrom = statementPrivileges.renamedFrom(statement);
        String routineCreation = routinePrivileges.creation(statement);
        QueryResultImpl result = check != null && RoutinePrivileges.defines(statement)
                ? ScopedValue.where(io.basalt.binder.TypeUsage.CHECK, check).call(() -> run(statement, context, sql))
                : run(statement, context, sql);
        if (routineCreation != null) {
            routinePrivileges.created(statement, roles.currentUser());
        }
        if (creation != null) {
            String schemaOwner = statement instanceof CreateSchemaStatement create && create.authorization() != null
                    ? roles.resolve(create.authorization()) : null;
            statementPrivileges.created(creation, roles.currentUser(), schemaOwner);
        }
        if (renamedFrom != null) {
            statementPrivileges.renamed(statement, renamedFrom);
        }
        if (statement != original) {
            // the tag is the statement's as written: ALTER TABLE of a sequence or a view reports ALTER TABLE
            result = result.retagged(original instanceof io.basalt.sql.ast.AlterIndexStatement ? "ALTER INDEX"
                    : "ALTER TABLE");
        }
        return result;
    }

    /**
     * A statement about roles or privileges. Those that change the database's authorization state are logged; in a
     * transaction block ROLLBACK restores the state as it was before the statement, and the log gets the statement at
     * COMMIT.
     */
    private QueryResultImpl privileges(io.basalt.sql.ast.PrivilegeStatement statement, String sql) {
        boolean replaying = database.replaying();
        if (statement instanceof io.basalt.sql.ast.PrivilegeStatement.SetRole set) {
            return roles.set(set, transactions.block(), replaying);
        }
        io.basalt.catalog.privilege.Authorization authorization = database.authorization();
        List<String> dropNotices = new ArrayList<>();
        if (statement instanceof io.basalt.sql.ast.PrivilegeStatement.DropOwned drop && !replaying) {
            dropNotices.addAll(dropOwnedObjects(drop));
        }
        synchronized (database.ddlLock()) {
            Transaction block = replaying ? null : transactions.block();
            io.basalt.catalog.privilege.Authorization.Snapshot before = block == null ? null
                    : authorization.snapshot();
            OwnedObjects owned = new OwnedObjects(catalog, authorization, roles, replaying,
                    statementPrivileges::describe, database.routines());
            RoleStatements roleStatements = new RoleStatements(authorization, roles, replaying,
                    statementPrivileges::describe);
            GrantStatements grants = new GrantStatements(catalog, authorization, roles, replaying,
                    database.routines());
            QueryResultImpl result = switch (statement) {
                case io.basalt.sql.ast.PrivilegeStatement.CreateRole create -> roleStatements.create(create);
                case io.basalt.sql.ast.PrivilegeStatement.AlterRole alter -> roleStatements.alter(alter);
                case io.basalt.sql.ast.PrivilegeStatement.DropRole drop -> roleStatements.drop(drop);
                case io.basalt.sql.ast.PrivilegeStatement.GrantRole grant -> roleStatements.grant(grant);
                case io.basalt.sql.ast.PrivilegeStatement.GrantPrivileges grant -> grants.grant(grant);
                case io.basalt.sql.ast.PrivilegeStatement.AlterOwner alter -> grants.alterOwner(alter);
                case io.basalt.sql.ast.PrivilegeStatement.AlterDefaultPrivileges alter -> grants.alterDefaults(alter);
                case io.basalt.sql.ast.PrivilegeStatement.DropOwned drop -> {
                    java.util.Set<String> owners = OwnedObjects.set(owned.roleNames(drop.roles(), "drop"));
                    owned.revokeGrantedTo(owners);
                    owned.dropDefaultPrivileges(owners);
                    yield QueryResultImpl.command("DROP OWNED", 0, dropNotices);
                }
                case io.basalt.sql.ast.PrivilegeStatement.ReassignOwned reassign -> {
                    java.util.Set<String> owners = OwnedObjects.set(owned.roleNames(reassign.roles(), "reassign"));
                    String newOwner = roles.resolve(reassign.newOwner());
                    authorization.role(newOwner);
                    owned.reassign(owners, newOwner);
                    yield QueryResultImpl.command("REASSIGN OWNED", 0, List.of());
                }
                case io.basalt.sql.ast.PrivilegeStatement.SetRole set -> throw new IllegalStateException();
            };
            return loggedAuthorizationChange(result, block, before, sql);
        }
    }

    /**
     * The drops of DROP OWNED: each object the roles own is dropped by the DROP statement of its kind, run as a
     * statement of this session (logged, and undone by ROLLBACK, as any other); their notices are returned.
     */
    private List<String> dropOwnedObjects(io.basalt.sql.ast.PrivilegeStatement.DropOwned drop) {
        OwnedObjects owned;
        java.util.Set<String> owners;
        synchronized (database.ddlLock()) {
            owned = new OwnedObjects(catalog, database.authorization(), roles, false, statementPrivileges::describe,
                    database.routines());
            owners = OwnedObjects.set(owned.roleNames(drop.roles(), "drop"));
            if (!drop.cascade()) {
                owned.checkNoOtherDependents(owners);
            }
        }
        List<String> notices = new ArrayList<>();
        java.util.Set<String> run = new java.util.HashSet<>();
        for (String dropSql = owned.nextDrop(owners, drop.cascade()); dropSql != null && run.add(dropSql);
             dropSql = owned.nextDrop(owners, drop.cascade())) {
            try (QueryResult result = execute(dropSql)) {
                notices.addAll(result.notices());
            }
        }
        return notices;
    }

    /**
     * CREATE / ALTER / DROP POLICY and ALTER TABLE ... ROW LEVEL SECURITY: they change the authorization state, so
     * they are logged and undone as the statements about privileges are.
     */
    private QueryResultImpl policies(io.basalt.sql.ast.PolicyStatement statement, BindContext context, String sql) {
        boolean replaying = database.replaying();
        io.basalt.catalog.privilege.Authorization authorization = database.authorization();
        synchronized (database.ddlLock()) {
            Transaction block = replaying ? null : transactions.block();
            io.basalt.catalog.privilege.Authorization.Snapshot before = block == null ? null
                    : authorization.snapshot();
            QueryResultImpl result = new PolicyStatements(catalog, authorization, roles, replaying, context)
                    .run(statement);
            return loggedAuthorizationChange(result, block, before, sql);
        }
    }

    /**
     * Logs a statement that changed the authorization state: at once outside a transaction block; in one, at COMMIT,
     * with ROLLBACK restoring the state {@code before}. Called holding the DDL lock.
     */
    private QueryResultImpl loggedAuthorizationChange(QueryResultImpl result, Transaction block,
                                                      io.basalt.catalog.privilege.Authorization.Snapshot before,
                                                      String sql) {
        io.basalt.catalog.privilege.Authorization authorization = database.authorization();
        if (block == null) {
            database.logDdl(sql);
            return result;
        }
        String searchPath = settings().show("search_path");
        String user = roles.currentUser();
        block.onRollback(() -> {
            synchronized (database.ddlLock()) {
                authorization.restore(before);
            }
        });
        block.onCommit(() -> {
            synchronized (database.ddlLock()) {
                ScopedValue.where(DatabaseImpl.SEARCH_PATH, searchPath).where(DatabaseImpl.CURRENT_USER, user)
                        .run(() -> database.logDdl(sql));
            }
        });
        return result;
    }

    /**
     * CREATE SCHEMA with schema elements: the schema, then each element with the new schema first in the search
     * path; an element that fails drops the schema again (with what the elements before it created) outside a
     * transaction block, where ROLLBACK does it.
     */
    private QueryResultImpl createSchemaWithElements(CreateSchemaStatement create) {
        SchemaElements.check(create);
        QueryResultImpl result = new SchemaStatements(catalog, database::logDdl).create(create,
                SchemaElements.schemaOnly(create));
        if (transactions.block() != null && !database.replaying()) {
            dropSchemaOnRollback(transactions.block(), create.name());
        }
        String path = settings().show("search_path");
        settings().set("search_path", SchemaElements.searchPath(create, path), new ArrayList<>());
        try {
            for (CreateSchemaStatement.Element element : SchemaElements.elements(create)) {
                runParsed(element.statement(), element.text()).close();
            }
        } catch (RuntimeException failure) {
            if (transactions.block() == null) {
                settings().set("search_path", path, new ArrayList<>());
                runParsed(Parser.parseStatement("DROP SCHEMA " + io.basalt.sql.lexer.IdentifierQuoting.quote(
                        create.name()) + " CASCADE"), "DROP SCHEMA " + io.basalt.sql.lexer.IdentifierQuoting.quote(
                        create.name()) + " CASCADE").close();
            }
            throw failure;
        } finally {
            settings().set("search_path", path, new ArrayList<>());
        }
        return result;
    }

    /**
     * Makes ROLLBACK of {@code block} drop schema {@code name} that the block created, with whatever is left in it
     * (the undoing of its objects' creation runs first), logging the DROP.
     */
    private void dropSchemaOnRollback(Transaction block, String name) {
        block.onRollback(() -> {
            synchronized (database.ddlLock()) {
                if (!catalog.schemaExists(name)) {
                    return;
                }
                for (TableEntry table : catalog.removeSchema(name)) {
                    table.store().close();
                }
                database.logDdl("DROP SCHEMA IF EXISTS " + io.basalt.sql.lexer.IdentifierQuoting.quote(name)
                        + " CASCADE");
            }
        });
    }

    /** The role the session acts as now (current_user). */
    String currentUser() {
        return roles.currentUser();
    }

    /** A statement a routine issues, run in the caller's transaction; its rows are read into memory. */
    private io.basalt.routine.StatementRows runNested(Statement statement, List<Object> parameters) {
        try (QueryResultImpl result = runParsed(statement, "", parameters.toArray())) {
            List<String> names = new ArrayList<>();
            List<LogicalType> types = new ArrayList<>();
            for (ResultColumn column : result.columns()) {
                names.add(column.name());
                types.add(column.type());
            }
            List<Object[]> rows = new ArrayList<>();
            for (VectorSchemaRoot batch : result.batches()) {
                for (int r = 0; r < batch.getRowCount(); r++) {
                    Object[] row = new Object[types.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = io.basalt.exec.vector.ValueAccess.get(batch.getVector(c), r);
                    }
                    rows.add(row);
                }
            }
            return new io.basalt.routine.StatementRows(names, types, rows, result.rowCount(), result.returnsRows());
        }
    }

    /** Whether the table a write names has triggers (one lookup; false at once when no table has any). */
    private boolean triggered(QualifiedName name) {
        if (!routines.runtime().routines().hasAnyTriggers()) {
            return false;
        }
        TableEntry table = resolveTable(name);
        if (routines.runtime().routines().hasTriggers(table.schema(), table.name())) {
            return true;
        }
        // an INSERT through a partitioned table fires the row triggers of the partitions its rows go to
        if (catalog.hierarchy().partitionKey(table.schema(), table.name()) == null) {
            return false;
        }
        List<TableEntry> members = new ArrayList<>();
        io.basalt.binder.InheritedScans.descendants(catalog, table, members);
        for (TableEntry member : members) {
            if (routines.runtime().routines().hasTriggers(member.schema(), member.name())) {
                return true;
            }
        }
        return false;
    }

    private QueryResultImpl runTriggered(Statement statement, QualifiedName name, BindContext context) {
        return new TriggeredWrites(new TriggeredWrites.Session() {
            @Override
            public QueryResultImpl runQuery(BoundQuery query) {
                return SessionImpl.this.runQuery(query);
            }

            @Override
            public QueryResultImpl runWrite(BoundWrite write) {
                return SessionImpl.this.runWrite(write);
            }

            @Override
            public QueryResultImpl runMovingWrite(BoundWrite write) {
                if (io.basalt.storage.table.StatementChanges.CURRENT.isBound()) {
                    return SessionImpl.this.runWrite(write);
                }
                try (BufferAllocator allocator = database.newAllocator("partition move");
                     io.basalt.storage.table.StatementChanges changes =
                             new io.basalt.storage.table.StatementChanges(allocator)) {
                    return ScopedValue.where(io.basalt.storage.table.StatementChanges.CURRENT, changes).call(() -> {
                        QueryResultImpl result = SessionImpl.this.runWrite(write);
                        changes.applyAll();
                        return result;
                    });
                }
            }
        }, routines.runtime()).run(statement, resolveTable(name), context);
    }

    /** Runs {@code action}, turning every failure into a {@link BasaltException}, a bug into XX000. */
    private <T> T convertFailures(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (BasaltException failure) {
            throw failure;
        } catch (OutOfMemoryException failure) {
            throw BasaltException.of(SqlState.OUT_OF_MEMORY, "out of memory")
                    .withDetail(failure.getMessage());
        } catch (StackOverflowError tooDeep) {
            // input nested deeper than the thread's stack (JSON, expressions): PostgreSQL's answer, not a crash
            String limit = settings().show("max_stack_depth");
            throw BasaltException.of(SqlState.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded")
                    .withHint("Increase the configuration parameter \"max_stack_depth\" (currently " + limit
                            + "), after ensuring the platform's stack depth limit is adequate.");
        } catch (RuntimeException bug) {
            throw BasaltException.internal("internal error: " + bug, bug);
        }
    }

    /** PostgreSQL's 25006 for a statement that writes, in a READ ONLY transaction block. */
    private void checkReadOnly(Statement statement, String sql) {
        if (!transactions.statementReadOnly()) {
            return;
        }
        ReadOnlyCheck.check(statement, sql, name -> {
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            return catalog.findTable(schema, name.last()).map(table -> table.schema().startsWith("pg_temp"))
                    .orElse(false);
        }, utility::preparedStatement);
    }

    @Override
    public QueryResult execute(String sql, CopyStreams streams) {
        copyStreams = java.util.Objects.requireNonNull(streams, "streams is null");
        try {
            return execute(sql);
        } finally {
            copyStreams = CopyStreams.NONE;
        }
    }

    @Override
    public QueryResult query(String sql, Object... parameters) {
        QueryResult result = execute(sql, parameters);
        if (!result.returnsRows()) {
            result.close();
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "statement does not return rows");
        }
        return result;
    }

    private QueryResultImpl run(Statement statement, BindContext context, String sql) {
        if (io.basalt.binder.SystemColumnScans.mentions(sql)) {
            return ScopedValue.where(io.basalt.binder.SystemColumnScans.MENTIONED, true)
                    .call(() -> runRewritten(statement, context, sql));
        }
        return runRewritten(statement, context, sql);
    }

    private QueryResultImpl runRewritten(Statement statement, BindContext context, String sql) {
        if (statement != ruleBypass) {
            QueryResultImpl rewritten = rules.rewrite(statement, context);
            if (rewritten != null) {
                return rewritten;
            }
        }
        io.basalt.binder.viewwrite.ViewWrites.Rewritten throughView =
                io.basalt.binder.viewwrite.ViewWrites.rewrite(statement, catalog);
        if (throughView != null) {
            viewChecks = throughView.checks();
            viewCheckContext = context;
            try {
                return runStatement(throughView.statement(), context, sql);
            } finally {
                viewChecks = List.of();
                viewCheckContext = null;
            }
        }
        return runStatement(statement, context, sql);
    }

    /** The conditions of the views a write goes through, which the table written checks (see ViewWrites). */
    private List<io.basalt.binder.viewwrite.ViewWrites.Check> viewChecks = List.of();
    private BindContext viewCheckContext;

    private QueryResultImpl runStatement(Statement statement, BindContext context, String sql) {
        if (ModifyingWithStatements.applies(statement)) {
            return modifyingWith.run(statement, switch (statement) {
                case InsertStatement insert -> resolveTable(insert.table());
                case UpdateStatement update -> resolveTable(update.table());
                case DeleteStatement delete -> resolveTable(delete.table());
                default -> null;
            }, context);
        }
        return switch (statement) {
            case QueryStatement query when !query.query().locking().isEmpty() ->
                    new LockingSelect(this::execute, this::runQuery, () -> database.newAllocator("locking"))
                            .run(io.basalt.binder.LockingQueryBinder.bind(query.query(), context));
            case QueryStatement query -> runQuery(new QueryBinder(context).bind(query.query()));
            case InsertStatement insert when triggered(insert.table()) -> runTriggered(insert, insert.table(), context);
            case UpdateStatement update when triggered(update.table()) -> runTriggered(update, update.table(), context);
            case DeleteStatement delete when triggered(delete.table()) -> runTriggered(delete, delete.table(), context);
            case InsertStatement insert -> {
                TableEntry target = io.basalt.binder.RowSecurityQuals.withChecks(resolveTable(insert.table()),
                        "INSERT", context);
                yield ConstraintDetails.guard(target, insert.columns(), false, catalog,
                        () -> runWrite(new InsertBinder(context).bind(insert, target)));
            }
            case UpdateStatement update -> {
                TableEntry target = io.basalt.binder.RowSecurityQuals.withChecks(resolveTable(update.table()),
                        "UPDATE", context);
                List<String> written = new ArrayList<>();
                for (UpdateStatement.Assignment assignment : update.assignments()) {
                    written.addAll(assignment.columns());
                }
                // inside a statement that already collects its changes (MERGE, data-modifying WITH) they join those
                if (!HierarchyWrites.movesRows(update, target, catalog)
                        || io.basalt.storage.table.StatementChanges.CURRENT.isBound()) {
                    yield ConstraintDetails.guard(target, written.isEmpty() ? List.of("") : written, true, catalog,
                            () -> runWrite(HierarchyWrites.update(update, target, context), true));
                }
                // moving rows between partitions: every write reads the partitions as the statement began
                yield ConstraintDetails.guard(target, written.isEmpty() ? List.of("") : written, true, catalog, () -> {
                    try (BufferAllocator allocator = database.newAllocator("partition move");
                         io.basalt.storage.table.StatementChanges changes =
                                 new io.basalt.storage.table.StatementChanges(allocator)) {
                        return ScopedValue.where(io.basalt.storage.table.StatementChanges.CURRENT, changes).call(() -> {
                            QueryResultImpl result = runWrite(HierarchyWrites.update(update, target, context));
                            changes.applyAll();
                            return result;
                        });
                    }
                });
            }
            case DeleteStatement delete -> runWrite(HierarchyWrites.delete(delete, resolveTable(delete.table()),
                    context), true);
            case io.basalt.sql.ast.MergeStatement merge -> new MergeStatements(new MergeStatements.Session() {
                @Override
                public TableEntry resolveTable(QualifiedName name) {
                    return SessionImpl.this.resolveTable(name);
                }

                @Override
                public QueryResultImpl run(Statement part) {
                    return runStatement(part, context, sql);
                }
            }, catalog, () -> database.newAllocator("merge")).run(merge);
            case CreateTableStatement create -> {
                synchronized (database.ddlLock()) {
                    transactionalDdl.beforeCreate(create.name());
                    QueryResultImpl result = ddl.createTable(create, context);
                    if (!ddl.createsTemporary(create)) {
                        database.logDdl(sql);
                    }
                    dropOnRollback(create.name());
                    yield result;
                }
            }
            case DropTableStatement drop -> {
                synchronized (database.ddlLock()) {
                    if (!database.replaying()) {
                        for (QualifiedName name : drop.names()) {
                            List<String> parts = name.parts();
                            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
                            TableEntry dropped = schema != null && !catalog.schemaExists(schema) ? null
                                    : catalog.findTable(schema, name.last()).orElse(null);
                            if (dropped != null) {
                                database.pendingAlterations().checkNotAlteredByAnother(dropped, transactions.block());
                            }
                        }
                    }
                    QueryResultImpl deferred = transactions.block() == null ? null
                            : transactionalDdl.dropTable(transactions.block(), drop);
                    if (deferred != null) {
                        yield deferred;
                    }
                    String logged = ddl.loggedDrop(drop);
                    QueryResultImpl result = ddl.dropTable(drop);
                    if (logged != null) {
                        database.logDdl(logged + (drop.cascade() ? " CASCADE" : ""));
                    }
                    routines.tablesDropped();
                    rules.relationsDropped();
                    yield result;
                }
            }
            case CreateIndexStatement create -> {
                synchronized (database.ddlLock()) {
                    QueryResultImpl result = indexes.create(create, context);
                    if (!indexes.onTemporaryTable(create)) {
                        database.logDdl(sql);
                    }
                    indexes.dropOnRollback(transactions.block(), database.ddlLock(), database::logDdl);
                    yield result;
                }
            }
            case DropIndexStatement drop -> {
                synchronized (database.ddlLock()) {
                    // in a block, ROLLBACK makes the indexes again and only COMMIT logs the drop
                    Transaction block = database.replaying() ? null : transactions.block();
                    Runnable restore = block == null ? null : indexes.restorer(drop, context);
                    String logged = indexes.loggedDrop(drop);
                    QueryResultImpl result = indexes.drop(drop);
                    if (logged != null && block == null) {
                        database.logDdl(logged);
                    } else if (logged != null) {
                        database.logDdlAtCommit(block, logged);
                    }
                    if (restore != null) {
                        Object ddlLock = database.ddlLock();
                        block.onRollback(() -> {
                            synchronized (ddlLock) {
                                restore.run();
                            }
                        });
                    }
                    yield result;
                }
            }
            case AlterTableStatement alter -> {
                synchronized (database.ddlLock()) {
                    // Outside a block, an ALTER TABLE that goes down to child tables runs in a block of its own, so
                    // that a child's failure undoes the whole statement, the parent's part too, as in PostgreSQL.
                    TableEntry altered = alteredTable(alter);
                    boolean ownBlock = !database.replaying() && transactions.block() == null && altered != null
                            && !alter.only() && AlterTableUndo.undoable(alter)
                            && !catalog.hierarchy().children(altered.schema(), altered.name()).isEmpty();
                    if (ownBlock) {
                        transactions.beginImplicit();
                    }
                    Transaction block = database.replaying() ? null : transactions.block();
                    AlterTableUndo undo = block == null || !AlterTableUndo.undoable(alter) ? null
                            : AlterTableUndo.before(catalog, database.authorization(),
                                    AlterTableUndo.movesPrivileges(alter),
                                    AlterTableUndo.renames(alter, alteredTable(alter)));
                    TableEntry target = alteredTable(alter);
                    if (target != null && !database.replaying()) {
                        database.pendingAlterations().checkNotAlteredByAnother(target, transactions.block());
                    }
                    boolean succeeded = false;
                    try {
                        QueryResultImpl result = alterTable(alter, context, sql, undo);
                        succeeded = true;
                        yield result;
                    } finally {
                        if (undo != null) {
                            undo.after(block, database);
                        }
                        if (ownBlock) {
                            if (succeeded) {
                                transactions.endImplicit();
                            } else {
                                transactions.implicitFailed();
                            }
                        }
                    }
                }
            }
            case io.basalt.sql.ast.AlterIndexStatement alter -> {
                synchronized (database.ddlLock()) {
                    yield new IndexAlterations(catalog, database::logDdl).run(alter, context, sql,
                            database.replaying() ? null : transactions.block(), database.ddlLock());
                }
            }
            case io.basalt.sql.ast.AlterTableHierarchyStatement alter -> {
                if (alter.kind() == io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.DETACH_PARTITION_CONCURRENTLY
                        && !database.replaying()) {
                    transactions.preventInBlock("ALTER TABLE ... DETACH CONCURRENTLY");
                }
                synchronized (database.ddlLock()) {
                    yield hierarchyStatement(alter, context, sql);
                }
            }
            case CreateViewStatement create -> {
                synchronized (database.ddlLock()) {
                    transactionalDdl.beforeCreate(create.name());
                    ViewStatements views = new ViewStatements(catalog, database::logDdl);
                    QueryResultImpl result = views.create(create, context, sql);
                    views.undoOnRollback(transactions.block(), create, database.ddlLock());
                    yield result;
                }
            }
            case io.basalt.sql.ast.AlterViewStatement alter -> {
                synchronized (database.ddlLock()) {
                    ViewStatements views = new ViewStatements(catalog, database::logDdl);
                    yield views.alter(alter, context, sql, transactions.block(), database.ddlLock());
                }
            }
            case CreateMaterializedViewStatement create -> {
                synchronized (database.ddlLock()) {
                    transactionalDdl.beforeCreate(create.name());
                    yield new MaterializedViewStatements(catalog, database::newTableStore, new TableRewrite(database),
                            database::logDdl).create(create, context, sql);
                }
            }
            case RefreshMaterializedViewStatement refresh -> {
                synchronized (database.ddlLock()) {
                    yield new MaterializedViewStatements(catalog, database::newTableStore, new TableRewrite(database),
                            database::logDdl).refresh(refresh, context, sql);
                }
            }
            case DropViewStatement drop -> {
                synchronized (database.ddlLock()) {
                    QueryResultImpl result = new ViewStatements(catalog, database::logDdl).drop(drop);
                    rules.relationsDropped();
                    routines.tablesDropped();
                    yield result;
                }
            }
            case CreateSchemaStatement create -> {
                synchronized (database.ddlLock()) {
                    if (!create.elements().isEmpty()) {
                        yield createSchemaWithElements(create);
                    }
                    boolean existed = catalog.schemaExists(create.name());
                    QueryResultImpl result = new SchemaStatements(catalog, database::logDdl).create(create, sql);
                    if (!existed && transactions.block() != null && !database.replaying()) {
                        dropSchemaOnRollback(transactions.block(), create.name());
                    }
                    yield result;
                }
            }
            case DropSchemaStatement drop -> {
                synchronized (database.ddlLock()) {
                    yield new SchemaStatements(catalog, database::logDdl, routines.runtime().routines()).drop(drop, sql);
                }
            }
            case CreateSequenceStatement create -> {
                synchronized (database.ddlLock()) {
                    transactionalDdl.beforeCreate(create.name());
                    List<String> parts = create.name().parts();
                    boolean existed = catalog.findSequence(parts.size() >= 2 ? parts.get(parts.size() - 2) : null,
                            create.name().last()).isPresent();
                    QueryResultImpl result = sequenceStatements.create(create);
                    if (!sequenceStatements.temporary(create.name())) {
                        database.logDdl(sql);
                    }
                    if (!existed && transactions.block() != null) {
                        transactionalDdl.dropSequenceOnRollback(transactions.block(), create.name());
                    }
                    yield result;
                }
            }
            case AlterSequenceStatement alter -> {
                synchronized (database.ddlLock()) {
                    boolean temporarySequence = sequenceStatements.temporary(alter.name());
                    QueryResultImpl result = alter.action() == null ? sequenceStatements.alter(alter)
                            : sequenceStatements.alterRelation(alter, database.authorization(),
                                    database.replaying() ? null : transactions.block(), database.ddlLock(),
                                    database::logDdl);
                    if (!temporarySequence) {
                        database.logDdl(sql);
                    }
                    yield result;
                }
            }
            case DropSequenceStatement drop -> {
                synchronized (database.ddlLock()) {
                    QueryResultImpl deferred = transactions.block() == null ? null
                            : transactionalDdl.dropSequence(transactions.block(), drop);
                    if (deferred != null) {
                        yield deferred;
                    }
                    boolean allTemporary = true;
                    for (io.basalt.sql.ast.QualifiedName name : drop.names()) {
                        allTemporary &= sequenceStatements.temporary(name);
                    }
                    QueryResultImpl result = sequenceStatements.drop(drop);
                    if (!allTemporary) {
                        database.logDdl(sql);
                    }
                    yield result;
                }
            }
            case io.basalt.sql.ast.CheckpointStatement checkpoint -> {
                database.checkpoint();
                yield QueryResultImpl.command("CHECKPOINT", 0, List.of());
            }
            case DiscardSequencesStatement discard -> {
                sequences.discard();
                yield QueryResultImpl.command("DISCARD SEQUENCES", 0, List.of());
            }
            case SetStatement set -> transactionalSetting(set, () -> utility.set(set));
            case ShowStatement show -> utility.show(show);
            case ResetStatement reset -> transactionalSetting(null, () -> utility.reset(reset));
            case ExplainStatement explain -> utility.explain(explain, context, this::runAndDiscard);
            case PrepareStatement prepare -> utility.prepare(prepare, context);
            case ExecuteStatement execute -> {
                PreparedStatements.Execution execution = utility.execution(execute, context);
                yield run(execution.statement(), execution.context(), sql);
            }
            case DeallocateStatement deallocate -> utility.deallocate(deallocate);
            case CursorStatement.Declare declare -> {
                BoundQuery query = new QueryBinder(context).bind(declare.query());
                yield cursors.declare(declare, TableTransaction.current() instanceof Transaction running ? running
                        : null, () -> openCursor(query, declare.scroll()));
            }
            case CursorStatement.Fetch fetch -> cursors.fetch(fetch);
            case CursorStatement.Close close -> cursors.close(close);
            case TruncateStatement truncate -> {
                synchronized (database.ddlLock()) {
                    // The tables' rows go at COMMIT, which logs them; restarted sequences are not transactional.
                    QueryResultImpl result = utility.truncate(truncate);
                    if (truncate.restartIdentity()) {
                        logRestartedSequences(truncate.tables());
                    }
                    yield result;
                }
            }
            case CopyStatement copy -> {
                long rows = new CopyExecutor(context, () -> database.newAllocator("result"), this::execute)
                        .copy(copy, copyStreams);
                yield QueryResultImpl.command("COPY " + rows, rows, List.of());
            }
            case VacuumStatement vacuum -> VacuumExecutor.run(vacuum, catalog, this::execute,
                    database::saveStatistics);
            case io.basalt.sql.ast.ReindexStatement reindex -> ReindexExecutor.run(reindex, catalog,
                    transactions::preventInBlock);
            case io.basalt.sql.ast.SetConstraintsStatement constraints ->
                    SetConstraintsExecutor.run(constraints, catalog, transactions.block() != null);
            case CreateTableAsStatement written -> {
                CreateTableAsStatement createAs = written;
                BindContext createContext = context;
                if (written.execute() != null) {
                    PreparedStatements.Execution execution = utility.execution(written.execute(), context);
                    createAs = CreateTableAsExecutor.withPreparedQuery(written, execution.statement());
                    createContext = execution.context();
                }
                synchronized (database.ddlLock()) {
                    transactionalDdl.beforeCreate(createAs.name());
                }
                QueryResultImpl result = CreateTableAsExecutor.run(createAs, createContext, database, ddl,
                        this::execute);
                dropOnRollback(createAs.name());
                yield result;
            }
            case TransactionStatement control -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED,
                    control.position(), "transaction control is not supported inside another statement");
            case io.basalt.sql.ast.TypeStatement type -> {
                synchronized (database.ddlLock()) {
                    yield new TypeStatements(catalog, database::logDdl, statementSql -> {
                        try (QueryResult ignored = execute(statementSql)) {
                            // run for its effect
                        }
                    }).run(type, sql, transactions.block());
                }
            }
            case io.basalt.sql.ast.DomainStatement domain -> {
                synchronized (database.ddlLock()) {
                    yield new DomainStatements(catalog, database::logDdl, statementSql -> {
                        try (QueryResult ignored = execute(statementSql)) {
                            // run for its effect
                        }
                    }).run(domain, sql, transactions.block());
                }
            }
            case io.basalt.sql.ast.PrivilegeStatement privilege -> privileges(privilege, sql);
            case io.basalt.sql.ast.RoutineStatement routine -> routines.run(routine, sql, transactions.block());
            case io.basalt.sql.ast.RuleStatement rule -> rules.run(rule, sql, transactions.block());
            case io.basalt.sql.ast.PolicyStatement policy -> policies(policy, context, sql);
            case io.basalt.sql.ast.LockStatement lock -> LockExecutor.run(lock, catalog, database.authorization(),
                    transactions.explicitBlock());
            case io.basalt.sql.ast.CommentStatement comment -> {
                synchronized (database.ddlLock()) {
                    yield new CommentStatements(catalog, database::logDdl).run(comment, sql, transactions.block());
                }
            }
            case UnsupportedStatement unsupported -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED,
                    unsupported.position(), unsupported.description() + " is not supported yet");
        };
    }

    /**
     * ALTER TABLE and its inherited alterations of child tables; {@code undo} (null outside a transaction block)
     * makes it undoable and logs it at COMMIT, else it is logged at once.
     */
    private QueryResultImpl alterTable(AlterTableStatement alter, BindContext context, String sql,
                                       AlterTableUndo undo) {
        InheritanceAlterationChecks.check(alter, catalog);
        List<String> childNotices = new ArrayList<>();
        List<AlterTableStatement> children = InheritedAlterations.forChildren(alter, catalog, childNotices);
        List<AlterTableStatement> renaming = new ArrayList<>(children);
        renaming.addFirst(alter);
        RenamedViews views = RenamedViews.prepare(catalog, renaming);
        // Outside a block, the statement is logged only once its children's alterations succeeded too: replaying a
        // logged statement whose children fail would fail again, and the database would not open.
        List<String> deferred = new ArrayList<>(1);
        java.util.function.Consumer<String> log = undo != null ? undo::log
                : children.isEmpty() ? database::logDdl : deferred::add;
        List<String> checksBefore = InheritedAlterations.checkNames(alter, catalog);
        QueryResultImpl result = new AlterTableExecutor(catalog, ddl, database::newTableStore,
                database.sequenceLog(), new TableRewrite(database), log)
                .undoneBy(undo).alter(alter, context, sql);
        children = InheritedAlterations.withParentCheckName(children, alter, checksBefore, catalog);
        if (children.isEmpty() && childNotices.isEmpty()) {
            views.apply(catalog);
            return result;
        }
        // the children's changes follow from the parent's logged statement: they are not logged
        AlterTableExecutor unlogged = new AlterTableExecutor(catalog, ddl, database::newTableStore,
                database.sequenceLog(), new TableRewrite(database), ignored -> { }).undoneBy(undo);
        List<String> notices = new ArrayList<>(childNotices);
        notices.addAll(result.notices());
        result.close();
        InheritedAlterations.run(children, child -> unlogged.alter(child, context, null), notices);
        deferred.forEach(database::logDdl);
        views.apply(catalog);
        return QueryResultImpl.command("ALTER TABLE", 0, notices);
    }

    /**
     * ATTACH / DETACH PARTITION and [NO] INHERIT. In a transaction block they are undone by ROLLBACK (the links
     * they made or removed, and the tables they changed: the indexes ATTACH made on the new partition) and logged
     * at COMMIT, as ALTER TABLE is; outside one they take effect and are logged at once. Called under the DDL lock.
     */
    private QueryResultImpl hierarchyStatement(io.basalt.sql.ast.AlterTableHierarchyStatement alter,
                                               BindContext context, String sql) {
        Transaction block = database.replaying() ? null : transactions.block();
        AlterTableUndo undo = block == null ? null
                : AlterTableUndo.before(catalog, database.authorization(), false, List.of());
        io.basalt.catalog.TableHierarchy hierarchy = catalog.hierarchy();
        List<io.basalt.catalog.TableHierarchy.Link> before = hierarchy.links();
        try {
            return new HierarchyStatements(catalog, undo != null ? undo::log : database::logDdl,
                    new PartitionAttachChecks(catalog, new TableRewrite(database))).run(alter, context, sql);
        } finally {
            if (undo != null) {
                List<io.basalt.catalog.TableHierarchy.Link> after = hierarchy.links();
                List<io.basalt.catalog.TableHierarchy.Link> added = new ArrayList<>(after);
                added.removeAll(before);
                List<io.basalt.catalog.TableHierarchy.Link> removed = new ArrayList<>(before);
                removed.removeAll(after);
                undo.revertedBy(() -> {
                    added.forEach(hierarchy::removeLink);
                    removed.forEach(hierarchy::addLink);
                });
                undo.after(block, database);
            }
        }
    }

    /** The table an ALTER TABLE names, or null when it does not resolve. */
    private TableEntry alteredTable(AlterTableStatement alter) {
        List<String> parts = alter.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        return catalog.findTable(schema, alter.name().last()).orElse(null);
    }

    /**
     * In a transaction block, a table it created is dropped again (and the drop logged) when the block rolls back
     * past its creation: CREATE TABLE itself takes effect at once, for every session (see docs/STATUS.md).
     */
    private void dropOnRollback(QualifiedName name) {
        Transaction block = transactions.block();
        if (block == null) {
            return;
        }
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        TableEntry created = catalog.findTable(schema, name.last()).orElse(null);
        if (created == null) {
            return;
        }
        block.onRollback(() -> {
            synchronized (database.ddlLock()) {
                if (catalog.findTable(created.schema(), created.name()).orElse(null) != created) {
                    return;
                }
                DropTableStatement drop = new DropTableStatement(List.of(new QualifiedName(
                        List.of(created.schema(), created.name()), 0)), true, true, 0);
                String logged = ddl.loggedDrop(drop);
                ddl.dropTable(drop);
                if (logged != null) {
                    database.logDdl(logged + " CASCADE");
                }
            }
        });
    }

    /** TRUNCATE ... RESTART IDENTITY: logs the restart of the permanent tables' owned sequences (replay repeats it). */
    private void logRestartedSequences(List<QualifiedName> tables) {
        for (QualifiedName name : tables) {
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            TableEntry table = catalog.findTable(schema, name.last()).orElse(null);
            if (table == null || table.schema().equals(catalog.tempSchema())) {
                continue;
            }
            for (io.basalt.catalog.SequenceEntry owned : catalog.sequencesOwnedBy(table.schema(), table.name())) {
                database.logDdl("ALTER SEQUENCE " + io.basalt.sql.lexer.IdentifierQuoting.quote(owned.schema()) + "."
                        + io.basalt.sql.lexer.IdentifierQuoting.quote(owned.name()) + " RESTART");
            }
        }
    }

    /** Runs a plan for EXPLAIN ANALYZE: its changes are kept, its rows discarded. */
    private void runAndDiscard(LogicalPlan plan) {
        runAndDiscard(plan, null, null);
    }

    /**
     * Runs {@code plan} to completion and discards its rows. With a {@code profile} (EXPLAIN ANALYZE) the plan is
     * taken as already optimized, {@code operators} receives the operator each of its nodes became and the
     * profile what each operator produced.
     */
    private void runAndDiscard(LogicalPlan plan, java.util.Map<LogicalPlan, PhysicalOperator> operators,
                               io.basalt.exec.pipeline.OperatorProfile profile) {
        boolean insert = plan instanceof LogicalPlan.Write;
        List<LogicalType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LogicalType type : insert ? List.of(LogicalType.BIGINT) : plan.outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
            names.add("column" + names.size());
        }
        try (BufferAllocator allocator = database.newAllocator("result");
             ResultCollector collector = new ResultCollector(names, types, allocator)) {
            if (profile == null) {
                execute(plan, collector);
            } else {
                execute(PhysicalPlanner.plan(plan, operators), collector, profile);
            }
        }
    }

    private QueryResultImpl runQuery(BoundQuery bound) {
        return runRows(bound, null, false);
    }

    /**
     * Runs a plan that returns rows: a query, or with {@code write} set that statement's RETURNING ({@code rechecks}:
     * see {@link #executeRounds}).
     */
    private QueryResultImpl runRows(BoundQuery bound, LogicalPlan.WriteKind write, boolean rechecks) {
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType type : bound.plan().outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(new ResultColumn(bound.names().get(i), types.get(i)));
        }
        BufferAllocator resultAllocator = database.newAllocator("result");
        ResultCollector collector = new ResultCollector(bound.names(), types, resultAllocator);
        try {
            executeRounds(bound.plan(), collector, rechecks);
            List<VectorSchemaRoot> batches = collector.takeBatches();
            return new QueryResultImpl(true, columns, collector.fields(), batches, collector.rowCount(),
                    write == null ? "SELECT " + collector.rowCount() : commandTag(write, collector.rowCount()),
                    List.of(), resultAllocator);
        } catch (RuntimeException | Error failure) {
            collector.close();
            resultAllocator.close();
            throw failure;
        }
    }

    /**
     * Runs an INSERT, UPDATE or DELETE: its command tag counts the rows changed ("INSERT 0 n", "UPDATE n",
     * "DELETE n"); with RETURNING it also returns the rows, like a query.
     */
    private QueryResultImpl runWrite(BoundWrite write) {
        return runWrite(write, false);
    }

    /** {@link #runWrite(BoundWrite)}; {@code rechecks}: a plain UPDATE or DELETE (see {@link #executeRounds}). */
    private QueryResultImpl runWrite(BoundWrite write, boolean rechecks) {
        if (write.returnsRows()) {
            return runRows(new BoundQuery(write.plan(), write.names()), write.kind(), rechecks);
        }
        BufferAllocator resultAllocator = database.newAllocator("result");
        try (ResultCollector collector = new ResultCollector(List.of("count"), List.of(LogicalType.BIGINT),
                resultAllocator)) {
            executeRounds(write.plan(), collector, rechecks);
            long changed = 0;
            for (VectorSchemaRoot root : collector.takeBatches()) {
                try (root) {
                    FieldVector count = root.getVector(0);
                    changed += (Long) io.basalt.exec.vector.ValueAccess.get(count, 0);
                }
            }
            return QueryResultImpl.command(commandTag(write.kind(), changed), changed, List.of());
        } finally {
            resultAllocator.close();
        }
    }

    private static String commandTag(LogicalPlan.WriteKind kind, long rows) {
        return switch (kind) {
            case INSERT -> "INSERT 0 " + rows;
            case UPDATE -> "UPDATE " + rows;
            case DELETE -> "DELETE " + rows;
        };
    }

    /**
     * Runs a write plan into {@code collector}. With {@code rechecks}, for a statement of its own (not one a function
     * or trigger runs) at READ COMMITTED, this is PostgreSQL's EvalPlanQual: rows that another transaction updated
     * after the snapshot are left out of the change, and the plan runs again with a new snapshot over their newest
     * versions only, until no row is left to re-check; the collector gathers every round's RETURNING rows and counts
     * ({@link io.basalt.storage.table.ConcurrentlyUpdatedRows}).
     */
    private void executeRounds(LogicalPlan plan, io.basalt.exec.operator.SinkState collector, boolean rechecks) {
        if (!rechecks || nesting != 1
                || !(TableTransaction.current() instanceof io.basalt.storage.transaction.Transaction transaction)
                || !transaction.level().snapshotPerStatement()) {
            execute(plan, collector);
            return;
        }
        io.basalt.storage.table.ConcurrentlyUpdatedRows rounds = new io.basalt.storage.table.ConcurrentlyUpdatedRows();
        try {
            while (true) {
                io.basalt.storage.table.ConcurrentlyUpdatedRows round = rounds;
                ScopedValue.where(io.basalt.storage.table.ConcurrentlyUpdatedRows.CURRENT, round)
                        .run(() -> execute(plan, collector));
                if (!round.needsAnotherRound()) {
                    return;
                }
                transaction.beginStatement();
                rounds = round.nextRound();
            }
        } finally {
            rounds.close();
        }
    }

    /**
     * A cursor's query, opened to be run as FETCH asks ({@link CursorRows}); {@code keepsRead}: rows before the
     * cursor's position stay for backward moves. The query's allocator and memory live until its rows have all been
     * read or the cursor closes.
     */
    private CursorRows openCursor(BoundQuery bound, boolean keepsRead) {
        List<LogicalType> types = new ArrayList<>();
        for (LogicalType type : bound.plan().outputTypes()) {
            types.add(type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type);
        }
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(new ResultColumn(bound.names().get(i), types.get(i)));
        }
        PhysicalOperator operator = PhysicalPlanner.plan(Optimizer.optimize(bound.plan(), settings().hashAggregation()));
        long memoryLimit = settings().memoryLimitBytes();
        BufferAllocator queryAllocator = database.newQueryAllocator(memoryLimit);
        QueryMemory memory = null;
        BufferAllocator resultAllocator = null;
        try {
            memory = new QueryMemory(memoryLimit, queryAllocator,
                    io.basalt.engine.setting.TempDirectory.resolve(settings().tempDirectory(), database.path()));
            int threads = nesting > 1 ? 1 : Math.max(1, Math.min(settings().threads(), database.config().threads()));
            ExecutionContext context = ExecutionContext.parallel(queryAllocator, database.config().vectorSize(),
                    threads, database.workers(), database.config().parallelRowThreshold()).withMemory(memory)
                    .withPostgresTieOrder().withCancellation(cancellation);
            resultAllocator = database.newAllocator("cursor");
            ResultCollector keeper = new ResultCollector(bound.names(), types, resultAllocator);
            io.basalt.exec.pipeline.PipelinePuller puller = new io.basalt.exec.pipeline.PipelinePuller(context, operator);
            QueryMemory ownedMemory = memory;
            return new CursorRows(puller, () -> {
                ownedMemory.close();
                queryAllocator.close();
            }, columns, keeper, resultAllocator, keepsRead);
        } catch (RuntimeException | Error failure) {
            if (resultAllocator != null) {
                resultAllocator.close();
            }
            if (memory != null) {
                memory.close();
            }
            queryAllocator.close();
            throw failure;
        }
    }

    private void execute(LogicalPlan plan, io.basalt.exec.operator.SinkState collector) {
        execute(PhysicalPlanner.plan(Optimizer.optimize(plan, settings().hashAggregation())), collector, null);
    }

    private void execute(PhysicalOperator operator, io.basalt.exec.operator.SinkState collector,
                         io.basalt.exec.pipeline.OperatorProfile profile) {
        long memoryLimit = settings().memoryLimitBytes();
        try (BufferAllocator queryAllocator = database.newQueryAllocator(memoryLimit);
             QueryMemory memory = new QueryMemory(memoryLimit, queryAllocator,
                     io.basalt.engine.setting.TempDirectory.resolve(settings().tempDirectory(), database.path()))) {
            // SET threads can lower, never raise, the parallelism the database was opened with.
            // A statement a routine issues runs on its caller's thread alone: that thread holds the routine lock
            // (RoutineCallFunction), which workers evaluating other rows of the outer statement wait for.
            int threads = nesting > 1 ? 1 : Math.max(1, Math.min(settings().threads(), database.config().threads()));
            ExecutionContext context = ExecutionContext.parallel(queryAllocator, database.config().vectorSize(),
                    threads, database.workers(), database.config().parallelRowThreshold()).withMemory(memory)
                    .withProfile(profile).withPostgresTieOrder().withCancellation(cancellation);
            try {
                new PipelineExecutor(context).run(operator, collector);
            } catch (org.apache.arrow.memory.OutOfMemoryException failure) {
                throw memory.outOfMemory(failure);
            }
        }
    }

    private TableEntry resolveTable(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        var view = catalog.findTable(schema, name.last()).isEmpty() ? catalog.findView(schema, name.last()) : null;
        if (view != null && view.isPresent() && view.get().materialized()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, name.position(),
                    "cannot change materialized view \"" + name.last() + "\"");
        }
        if (view != null && view.isPresent()) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, name.position(),
                    "changing the rows of view \"" + name.last() + "\" is not supported yet");
        }
        if (catalog.findTable(schema, name.last()).isEmpty() && parts.size() <= 2
                && io.basalt.catalog.system.SystemRelations.find(schema, name.last()) != null) {
            // the system catalogs are computed from the catalog: nobody may write them
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table " + name.last());
        }
        TableEntry table = catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist"));
        return io.basalt.binder.viewwrite.ViewWrites.withChecks(table, viewChecks, viewCheckContext);
    }

    @Override
    public long append(String tableName, VectorSchemaRoot rows) {
        checkOpen();
        TableEntry table = catalog.findTable(null, tableName).orElseThrow(() -> BasaltException.of(
                SqlState.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist"));
        List<LogicalType> expected = table.columnTypes();
        if (rows.getFieldVectors().size() != expected.size()) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "table \"" + tableName + "\" has " + expected.size()
                    + " columns but the batch has " + rows.getFieldVectors().size());
        }
        for (int c = 0; c < expected.size(); c++) {
            LogicalType actual = LogicalType.of(rows.getVector(c).getField());
            if (!actual.physical().equals(expected.get(c).physical())
                    || (actual.isNumeric() && actual.scale() != expected.get(c).scale())) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "column \"" + table.columns().get(c).name()
                        + "\" is of type " + expected.get(c).displayName() + " but the batch has "
                        + actual.displayName());
            }
        }
        Batch batch = new Batch(rows.getFieldVectors(), rows.getRowCount());
        if (TableTransaction.current() != null || database.replaying()) {
            table.store().append(batch);
            return rows.getRowCount();
        }
        Transaction transaction = transactions.forStatement();
        try {
            transaction.beginStatement();
            ScopedValue.where(TableTransaction.CURRENT, transaction).run(() -> table.store().append(batch));
            transactions.statementSucceeded(transaction);
        } catch (RuntimeException | Error failure) {
            transactions.statementFailed(transaction);
            throw failure;
        }
        return rows.getRowCount();
    }

    @Override
    public CatalogView catalog() {
        return new CatalogViewImpl(catalog, database.authorization());
    }

    private QueryResultImpl track(QueryResultImpl result) {
        result.applyMessageLevel(settings().show("client_min_messages"));
        if (result.returnsRows()) {
            openResults.add(result);
            result.whenClosed(() -> openResults.remove(result));
        }
        return result;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (QueryResultImpl result : new ArrayList<>(openResults)) {
            result.close();
        }
        cursors.closeAll();
        transactions.sessionClosed();
        // temporary tables end with their session
        synchronized (database.ddlLock()) {
            for (TableEntry table : catalog.dropTempSchema()) {
                table.store().close();
            }
        }
        database.sessionClosed(this);
    }
}
