package io.basalt.routine.plpgsql;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.StatementRows;
import io.basalt.routine.ValueCasts;
import io.basalt.routine.plpgsql.PlpgsqlStatement.Target;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.parser.Parser;
import io.basalt.storage.table.TableTransaction;
import io.basalt.storage.transaction.Transaction;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one call of a compiled PL/pgSQL function, statement by statement, over its {@link Frame}. Control flow
 * (EXIT, CONTINUE, RETURN) travels back up as a {@link Flow}. A block with exception handlers runs under a
 * savepoint of the caller's transaction: an error it handles undoes the block's changes first, as PostgreSQL's
 * subtransaction does.
 */
final class PlpgsqlExecutor {
    private enum Kind {
        NORMAL, EXIT, CONTINUE, RETURN
    }

    private record Flow(Kind kind, String label) {
        static final Flow NORMAL = new Flow(Kind.NORMAL, null);
    }

    /** Names the savepoints of exception blocks apart, across nested calls in one transaction. */
    private static final java.util.concurrent.atomic.AtomicLong SAVEPOINTS = new java.util.concurrent.atomic.AtomicLong();

    private final Frame frame;
    private final RoutineRuntime runtime;
    private final int foundSlot;
    private final PlpgsqlFunction function;
    private boolean returned;
    private BoundExpression.Constant returnedValue;
    private RecordValue returnedRecord;
    private final List<Object[]> setRows = new ArrayList<>();
    private long rowCount;
    /** The error the innermost running handler caught (for a bare RAISE). */
    private BasaltException handling;

    PlpgsqlExecutor(Frame frame, RoutineRuntime runtime, int foundSlot, PlpgsqlFunction function) {
        this.frame = frame;
        this.runtime = runtime;
        this.foundSlot = foundSlot;
        this.function = function;
    }

    boolean returned() {
        return returned;
    }

    BoundExpression.Constant returnedValue() {
        return returnedValue;
    }

    RecordValue returnedRecord() {
        return returnedRecord;
    }

    List<Object[]> setRows() {
        return setRows;
    }

    void runBody(PlpgsqlStatement.Block block) {
        Flow flow = block(block);
        if (flow.kind() == Kind.EXIT || flow.kind() == Kind.CONTINUE) {
            if (flow.kind() == Kind.CONTINUE) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "CONTINUE cannot be used outside a loop");
            }
        }
    }

    private Flow run(List<PlpgsqlStatement> statements) {
        for (PlpgsqlStatement statement : statements) {
            Flow flow = execute(statement);
            if (flow.kind() != Kind.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow execute(PlpgsqlStatement statement) {
        return switch (statement) {
            case PlpgsqlStatement.Block block -> block(block);
            case PlpgsqlStatement.Assign assign -> {
                assign(assign.slot(), assign.field(), assign.value().value(frame, runtime));
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.If branch -> {
                for (int i = 0; i < branch.conditions().size(); i++) {
                    if (branch.conditions().get(i).test(frame, runtime)) {
                        yield run(branch.branches().get(i));
                    }
                }
                yield run(branch.otherwise());
            }
            case PlpgsqlStatement.Case branch -> {
                for (int i = 0; i < branch.conditions().size(); i++) {
                    if (branch.conditions().get(i).test(frame, runtime)) {
                        yield run(branch.branches().get(i));
                    }
                }
                if (branch.otherwise() == null) {
                    throw BasaltException.of(SqlState.CASE_NOT_FOUND, "case not found")
                            .withHint("CASE statement is missing ELSE part.");
                }
                yield run(branch.otherwise());
            }
            case PlpgsqlStatement.Loop loop -> {
                while (true) {
                    Flow flow = run(loop.body());
                    Flow after = afterIteration(flow, loop.label());
                    if (after != null) {
                        yield after;
                    }
                }
            }
            case PlpgsqlStatement.While loop -> {
                while (loop.condition().test(frame, runtime)) {
                    Flow after = afterIteration(run(loop.body()), loop.label());
                    if (after != null) {
                        yield after;
                    }
                }
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.ForRange loop -> forRange(loop);
            case PlpgsqlStatement.ForQuery loop -> forQuery(loop);
            case PlpgsqlStatement.ForEach loop -> forEach(loop);
            case PlpgsqlStatement.Exit exit -> {
                if (exit.when() != null && !exit.when().test(frame, runtime)) {
                    yield Flow.NORMAL;
                }
                yield new Flow(exit.isContinue() ? Kind.CONTINUE : Kind.EXIT, exit.label());
            }
            case PlpgsqlStatement.Return ret -> {
                returned = true;
                if (ret.recordSlot() >= 0) {
                    returnedRecord = frame.assigned(ret.recordSlot()) ? frame.record(ret.recordSlot()) : null;
                } else if (ret.value() != null) {
                    returnedValue = ret.value().value(frame, runtime);
                    if (function.entry().returnsTrigger()) {
                        if (returnedValue.value() != null) {
                            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                                    "cannot return non-composite value from function returning composite type");
                        }
                        returnedRecord = null;
                    }
                }
                yield new Flow(Kind.RETURN, null);
            }
            case PlpgsqlStatement.ReturnNext next -> {
                returnNext(next);
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.ReturnQuery query -> {
                StatementRows rows = query.dynamic() ? dynamic(query.query(), query.using())
                        : query.query().run(frame, runtime);
                for (Object[] row : rows.rows()) {
                    setRows.add(new Object[] {cast(row[0], rows.types().getFirst(), function.entry().returnType())});
                }
                setFound(rows.count() > 0);
                rowCount = rows.count();
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.Raise raise -> {
                raise(raise);
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.Sql sql -> {
                sql(sql);
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.Execute execute -> {
                StatementRows rows = dynamic(execute.text(), execute.using());
                if (!execute.into().isEmpty()) {
                    into(execute.into(), rows, execute.strict(), execute.text().text());
                }
                rowCount = rows.count();
                setFound(rows.count() > 0);
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.GetDiagnostics diagnostics -> {
                for (int slot : diagnostics.slots()) {
                    assign(slot, null, new BoundExpression.Constant(rowCount, LogicalType.BIGINT, 0));
                }
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.Assert check -> {
                BoundExpression.Constant value = check.condition().value(frame, runtime);
                if (!Boolean.TRUE.equals(value.value())) {
                    String message = "assertion failed";
                    if (check.message() != null) {
                        BoundExpression.Constant text = check.message().value(frame, runtime);
                        message = text.value() == null ? message : ValueAccess.text(text.type(), text.value());
                    }
                    throw BasaltException.of(SqlState.ASSERT_FAILURE, message);
                }
                yield Flow.NORMAL;
            }
            case PlpgsqlStatement.Nothing ignored -> Flow.NORMAL;
        };
    }

    /** After one pass of a loop's body: null to go on, or the flow that ends the loop. */
    private static Flow afterIteration(Flow flow, String label) {
        return switch (flow.kind()) {
            case NORMAL -> null;
            case RETURN -> flow;
            case EXIT -> flow.label() == null || flow.label().equals(label) ? Flow.NORMAL : flow;
            case CONTINUE -> flow.label() == null || flow.label().equals(label) ? null : flow;
        };
    }

    private Flow block(PlpgsqlStatement.Block block) {
        Transaction transaction = block.handlers().isEmpty() ? null
                : TableTransaction.current() instanceof Transaction running ? running : null;
        String savepoint = transaction == null ? null : "\0plpgsql" + SAVEPOINTS.incrementAndGet();
        if (savepoint != null) {
            transaction.savepoint(savepoint);
        }
        try {
            for (PlpgsqlStatement.Declaration declaration : block.declarations()) {
                if (declaration.type().record()) {
                    frame.setRecord(declaration.slot(), null);
                    continue;
                }
                frame.setScalar(declaration.slot(), null, declaration.type().scalar());
                if (declaration.defaultValue() != null) {
                    assign(declaration.slot(), null, declaration.defaultValue().value(frame, runtime));
                } else if (declaration.notNull()) {
                    throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "variable \"" + declaration.name()
                            + "\" must have a default value, since it's declared NOT NULL");
                }
            }
            Flow flow = run(block.body());
            if (savepoint != null) {
                transaction.release(savepoint);
            }
            if (flow.kind() == Kind.EXIT && flow.label() != null && flow.label().equals(block.label())) {
                return Flow.NORMAL;
            }
            return flow;
        } catch (BasaltException failure) {
            if (block.handlers().isEmpty()) {
                throw failure;
            }
            if (savepoint != null) {
                transaction.rollbackTo(savepoint);
                transaction.release(savepoint);
            }
            for (PlpgsqlStatement.Handler handler : block.handlers()) {
                if (matches(handler, failure)) {
                    frame.setScalar(block.errorSlot(), failure.sqlState().code(), LogicalType.TEXT);
                    frame.setScalar(block.errorSlot() + 1, failure.getMessage(), LogicalType.TEXT);
                    BasaltException outer = handling;
                    handling = failure;
                    try {
                        return run(handler.body());
                    } finally {
                        handling = outer;
                    }
                }
            }
            throw failure;
        }
    }

    private static boolean matches(PlpgsqlStatement.Handler handler, BasaltException failure) {
        String code = failure.sqlState().code();
        for (String condition : handler.conditions()) {
            if (condition.equals("others")) {
                if (failure.sqlState() != SqlState.QUERY_CANCELED && failure.sqlState() != SqlState.ASSERT_FAILURE) {
                    return true;
                }
            } else if (condition.startsWith("sqlstate:")) {
                if (condition.substring("sqlstate:".length()).equals(code)) {
                    return true;
                }
            } else {
                SqlState named = conditionNamed(condition);
                if (named != null && named.code().equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The SQLSTATE of a PostgreSQL condition name, or null. */
    private static SqlState conditionNamed(String name) {
        try {
            return SqlState.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private Flow forRange(PlpgsqlStatement.ForRange loop) {
        long lower = integer(loop.lower(), "lower");
        long upper = integer(loop.upper(), "upper");
        long step = loop.step() == null ? 1 : integer(loop.step(), "BY");
        if (step <= 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "BY value of FOR loop must be greater than zero");
        }
        boolean any = false;
        Flow result = Flow.NORMAL;
        for (long i = lower; loop.reverse() ? i >= upper : i <= upper; i = loop.reverse() ? i - step : i + step) {
            any = true;
            frame.setScalar(loop.slot(), i, LogicalType.INTEGER);
            Flow after = afterIteration(run(loop.body()), loop.label());
            if (after != null) {
                result = after;
                break;
            }
        }
        setFound(any);
        return result;
    }

    private long integer(SqlFragment fragment, String bound) {
        BoundExpression.Constant value = ValueCasts.to(fragment.value(frame, runtime), LogicalType.INTEGER, runtime);
        if (value.value() == null) {
            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                    bound + " bound of FOR loop cannot be null");
        }
        return (Long) value.value();
    }

    private Flow forQuery(PlpgsqlStatement.ForQuery loop) {
        StatementRows rows = loop.dynamic() ? dynamic(loop.query(), loop.using()) : loop.query().run(frame, runtime);
        Flow result = Flow.NORMAL;
        for (Object[] row : rows.rows()) {
            assignRow(loop.targets(), rows, row);
            Flow after = afterIteration(run(loop.body()), loop.label());
            if (after != null) {
                result = after;
                break;
            }
        }
        setFound(!rows.rows().isEmpty());
        return result;
    }

    private Flow forEach(PlpgsqlStatement.ForEach loop) {
        BoundExpression.Constant array = loop.array().value(frame, runtime);
        if (array.value() == null) {
            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "FOREACH expression must not be null");
        }
        if (!(array.value() instanceof ArrayValue elements)) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "FOREACH expression must yield an array, not type "
                    + array.type().displayName());
        }
        LogicalType element = array.type().element();
        Flow result = Flow.NORMAL;
        for (Object value : elements.elements()) {
            assign(loop.slot(), null, new BoundExpression.Constant(value, element, 0));
            Flow after = afterIteration(run(loop.body()), loop.label());
            if (after != null) {
                result = after;
                break;
            }
        }
        return result;
    }

    private void returnNext(PlpgsqlStatement.ReturnNext next) {
        LogicalType type = function.entry().returnType();
        if (next.recordSlot() >= 0) {
            Object[] values = frame.record(next.recordSlot()).values();
            setRows.add(new Object[] {values.length == 0 ? null : values[0]});
            return;
        }
        if (next.value() == null) {
            if (function.outputSlot() < 0) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "RETURN NEXT must have a parameter");
            }
            setRows.add(new Object[] {frame.scalar(function.outputSlot()).value()});
            return;
        }
        BoundExpression.Constant value = next.value().value(frame, runtime);
        setRows.add(new Object[] {ValueCasts.to(value, type, runtime).value()});
    }

    private Object cast(Object value, LogicalType from, LogicalType to) {
        return ValueCasts.to(new BoundExpression.Constant(value, from, 0), to, runtime).value();
    }

    private void sql(PlpgsqlStatement.Sql sql) {
        StatementRows rows = sql.statement().run(frame, runtime);
        rowCount = rows.count();
        if (sql.into() == null) {
            // PERFORM: the rows are discarded
            setFound(rows.count() > 0);
            return;
        }
        if (sql.into().isEmpty()) {
            if (rows.returnsRows()) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "query has no destination for result data")
                        .withHint("If you want to discard the results of a SELECT, use PERFORM instead.");
            }
            setFound(rows.count() > 0);
            return;
        }
        into(sql.into(), rows, sql.strict(), sql.statement().text());
        setFound(!rows.rows().isEmpty());
    }

    private void into(List<Target> targets, StatementRows rows, boolean strict, String text) {
        if (strict && rows.rows().isEmpty()) {
            throw BasaltException.of(SqlState.NO_DATA_FOUND, "query returned no rows");
        }
        if (strict && rows.rows().size() > 1) {
            throw BasaltException.of(SqlState.TOO_MANY_ROWS, "query returned more than one row")
                    .withHint("Make sure the query returns a single row, or use LIMIT 1.");
        }
        Object[] row = rows.rows().isEmpty() ? new Object[rows.types().size()] : rows.rows().getFirst();
        assignRow(targets, rows, row);
    }

    private void assignRow(List<Target> targets, StatementRows rows, Object[] row) {
        if (targets.size() == 1 && targets.getFirst().field() == null
                && frame.type(targets.getFirst().slot()).record()) {
            frame.setRecord(targets.getFirst().slot(), new RecordValue(frame.name(targets.getFirst().slot()),
                    rows.names(), rows.types(), row));
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            BoundExpression.Constant value = i < row.length
                    ? new BoundExpression.Constant(row[i], rows.types().get(i), 0)
                    : new BoundExpression.Constant(null, LogicalType.UNKNOWN, 0);
            assign(target.slot(), target.field(), value);
        }
    }

    /** Stores {@code value} into a variable or a record's field, converted to its type. */
    private void assign(int slot, String field, BoundExpression.Constant value) {
        if (field != null && !frame.type(slot).record() && frame.type(slot).scalar().isRecord()) {
            assignCompositeField(slot, field, value);
            return;
        }
        if (field != null) {
            RecordValue record = frame.record(slot);
            record.set(field, ValueCasts.to(value, record.typeOf(field), runtime).value());
            return;
        }
        VariableType type = frame.type(slot);
        if (type.record()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "assigning a value to record variable \"" + frame.name(slot) + "\" is not supported yet");
        }
        BoundExpression.Constant converted = ValueCasts.to(value, type.scalar(), runtime);
        frame.setScalar(slot, converted.value(), type.scalar());
    }

    /**
     * {@code v.f := value} for a variable of a composite type: the variable's value (a row of NULLs while it is
     * NULL, as PostgreSQL starts one) with field {@code f} replaced, converted to the field's type.
     */
    private void assignCompositeField(int slot, String field, BoundExpression.Constant value) {
        LogicalType type = frame.type(slot).scalar();
        io.basalt.type.RecordType shape = type.record();
        int index = shape.indexOf(field);
        if (index < 0) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                    "record \"" + frame.name(slot) + "\" has no field \"" + field + "\"");
        }
        Object current = frame.scalar(slot).value();
        Object[] fields = new Object[shape.size()];
        if (current instanceof io.basalt.type.RecordValue row) {
            for (int i = 0; i < fields.length && i < row.size(); i++) {
                fields[i] = row.get(i);
            }
        }
        fields[index] = ValueCasts.to(value, shape.fieldTypes().get(index), runtime).value();
        frame.setScalar(slot, io.basalt.type.RecordValue.of(fields), type);
    }

    private void setFound(boolean found) {
        frame.setScalar(foundSlot, found, LogicalType.BOOLEAN);
    }

    private StatementRows dynamic(SqlFragment text, List<SqlFragment> using) {
        BoundExpression.Constant command = text.value(frame, runtime);
        if (command.value() == null) {
            throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "query string argument of EXECUTE is null");
        }
        List<BoundExpression.Constant> parameters = new ArrayList<>();
        for (SqlFragment argument : using) {
            parameters.add(argument.value(frame, runtime));
        }
        return runtime.run(Parser.parseStatement(ValueAccess.text(command.type(), command.value())), parameters);
    }

    private void raise(PlpgsqlStatement.Raise raise) {
        if (raise.level() == null) {
            if (handling == null) {
                throw BasaltException.of(SqlState.DIAGNOSTICS_EXCEPTION,
                        "RAISE without parameters cannot be used outside an exception handler");
            }
            throw handling;
        }
        String message = null;
        SqlState state = SqlState.RAISE_EXCEPTION;
        if (raise.format() != null) {
            message = format(raise.format(), raise.arguments());
        } else if (raise.condition() != null) {
            state = stateOf(raise.condition());
            message = raise.condition().startsWith("sqlstate:") ? raise.condition().substring(9) : raise.condition();
        }
        String detail = null;
        String hint = null;
        for (int i = 0; i < raise.optionNames().size(); i++) {
            BoundExpression.Constant value = raise.optionValues().get(i).value(frame, runtime);
            String text = value.value() == null ? null : ValueAccess.text(value.type(), value.value());
            if (text == null) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "RAISE statement option cannot be null");
            }
            switch (raise.optionNames().get(i)) {
                case "message" -> message = text;
                case "detail" -> detail = text;
                case "hint" -> hint = text;
                case "errcode" -> state = stateOf(text.length() == 5 && text.equals(text.toUpperCase(Locale.ROOT))
                        ? "sqlstate:" + text : text);
                default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "RAISE option " + raise.optionNames().get(i) + " is not supported yet");
            }
        }
        if (message == null) {
            message = state == SqlState.RAISE_EXCEPTION ? "P0001" : state.code();
        }
        if (raise.level().equals("exception")) {
            BasaltException failure = BasaltException.of(state, message);
            if (detail != null) {
                failure = failure.withDetail(detail);
            }
            if (hint != null) {
                failure = failure.withHint(hint);
            }
            throw failure;
        }
        if (raise.level().equals("notice") || raise.level().equals("warning") || raise.level().equals("info")) {
            runtime.notice(message);
        }
    }

    private static SqlState stateOf(String condition) {
        if (condition.startsWith("sqlstate:")) {
            String code = condition.substring("sqlstate:".length());
            for (SqlState state : SqlState.values()) {
                if (state.code().equals(code)) {
                    return state;
                }
            }
            return SqlState.RAISE_EXCEPTION;
        }
        SqlState named = conditionNamed(condition);
        if (named == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "unrecognized exception condition \"" + condition
                    + "\"");
        }
        return named;
    }

    /** RAISE's message: each {@code %} replaced by the next argument's text, {@code %%} by {@code %}. */
    private String format(String format, List<SqlFragment> arguments) {
        StringBuilder message = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                message.append(c);
                continue;
            }
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                message.append('%');
                i++;
                continue;
            }
            if (next >= arguments.size()) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "too few parameters specified for RAISE");
            }
            BoundExpression.Constant value = arguments.get(next++).value(frame, runtime);
            message.append(value.value() == null ? "<NULL>" : ValueAccess.text(value.type(), value.value()));
        }
        if (next < arguments.size()) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "too many parameters specified for RAISE");
        }
        return message.toString();
    }
}
