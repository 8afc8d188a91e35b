package io.basalt.sql.parser;

import io.basalt.sql.ast.AlterSequenceStatement;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.CreateSequenceStatement;
import io.basalt.sql.ast.DiscardSequencesStatement;
import io.basalt.sql.ast.DropSequenceStatement;
import io.basalt.sql.ast.SequenceOption;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CopyOption;
import io.basalt.sql.ast.CopyStatement;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.CreateMaterializedViewStatement;
import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.RefreshMaterializedViewStatement;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.DropSchemaStatement;
import io.basalt.sql.ast.CreateViewStatement;
import io.basalt.sql.ast.DropViewStatement;
import io.basalt.sql.ast.DeallocateStatement;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.ExplainStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.PrepareStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.ResetStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.SetStatement;
import io.basalt.sql.ast.SettingValue;
import io.basalt.sql.ast.ShowStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.ast.UnsupportedStatement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.ast.VacuumStatement;
import io.basalt.sql.ast.With;
import java.util.List;
import java.util.Locale;

/**
 * Prints syntax trees as compact S-expressions so that parser tests can state expected trees readably:
 * {@code SELECT a + 1 FROM t} prints as {@code (select ((+ a 1)) (from t))}. Positions are not printed;
 * tests check them separately. Types print in braces ({@code {numeric(10,2)}}, {@code {integer[]}}),
 * strings in single quotes, a bare query (no ORDER BY / LIMIT / OFFSET) as its body alone.
 */
final class SqlTreePrinter {
    private SqlTreePrinter() {
    }

    private static String hierarchy(CreateTableStatement.Hierarchy hierarchy) {
        StringBuilder out = new StringBuilder("(hierarchy");
        if (!hierarchy.inherits().isEmpty()) {
            out.append(" (inherits").append(join(hierarchy.inherits().stream().map(Object::toString).toList()))
                    .append(')');
        }
        if (hierarchy.partitionOf() != null) {
            out.append(" (partition-of ").append(hierarchy.partitionOf()).append(' ')
                    .append(hierarchy.bound().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                    .append(')');
        }
        if (hierarchy.partitionBy() != null) {
            out.append(" (partition-by ").append(hierarchy.partitionBy().strategy())
                    .append(join(hierarchy.partitionBy().keys().stream().map(SqlTreePrinter::print).toList()))
                    .append(')');
        }
        return out.append(')').toString();
    }

    private static String printWhen(io.basalt.sql.ast.MergeStatement.When when) {
        String action = switch (when.action()) {
            case io.basalt.sql.ast.MergeStatement.Action.Update update -> "(update"
                    + join(update.assignments().stream().map(SqlTreePrinter::print).toList()) + ")";
            case io.basalt.sql.ast.MergeStatement.Action.Delete ignored -> "(delete)";
            case io.basalt.sql.ast.MergeStatement.Action.Insert insert -> "(insert"
                    + (insert.columns().isEmpty() ? "" : " (" + String.join(" ", insert.columns()) + ")")
                    + (insert.values() == null ? " default-values" : expressions(insert.values())) + ")";
            case io.basalt.sql.ast.MergeStatement.Action.DoNothing ignored -> "(do-nothing)";
        };
        return "(when" + (when.matched() ? " matched" : " not-matched")
                + (when.condition() == null ? "" : " (and " + print(when.condition()) + ")") + " " + action + ")";
    }

    static String print(Statement statement) {
        return switch (statement) {
            case QueryStatement query -> print(query.query());
            case CreateTableStatement create -> "(create-table" + (create.temporary() ? " temporary" : "")
                    + (create.ifNotExists() ? " if-not-exists " : " ")
                    + create.name() + join(create.columns().stream().map(SqlTreePrinter::print).toList())
                    + join(create.constraints().stream().map(SqlTreePrinter::print).toList())
                    + (create.hierarchy() == null ? "" : " " + hierarchy(create.hierarchy())) + ")";
            case DropTableStatement drop -> "(drop-table" + (drop.ifExists() ? " if-exists" : "")
                    + (drop.cascade() ? " cascade" : "") + join(drop.names().stream().map(Object::toString).toList())
                    + ")";
            case InsertStatement insert -> (insert.with() == null ? "" : print(insert.with()) + " ") + "(insert " + insert.table()
                    + (insert.alias() == null ? "" : " (as " + insert.alias() + ")")
                    + (insert.columns().isEmpty() ? "" : " (" + String.join(" ", insert.columns()) + ")")
                    + (insert.source() == null ? " default-values" : " " + print(insert.source()))
                    + (insert.onConflict() == null ? "" : " (on-conflict"
                            + (insert.onConflict().targetColumns().isEmpty() ? ""
                                    : " (" + String.join(" ", insert.onConflict().targetColumns()) + ")")
                            + (insert.onConflict().targetExpressions().isEmpty() ? ""
                                    : " (expressions" + expressions(insert.onConflict().targetExpressions()) + ")")
                            + (insert.onConflict().constraint() == null ? "" : " constraint " + insert.onConflict().constraint())
                            + (insert.onConflict().doNothing() ? " nothing" : " update"
                                    + join(insert.onConflict().update().stream().map(SqlTreePrinter::print).toList()))
                            + ")")
                    + (insert.returning().isEmpty() ? ""
                            : " (returning" + join(insert.returning().stream().map(SqlTreePrinter::print).toList())
                                    + ")")
                    + ")";
            case UpdateStatement update -> (update.with() == null ? "" : print(update.with()) + " ") + "(update " + update.table()
                    + (update.alias() == null ? "" : " (as " + update.alias() + ")")
                    + join(update.assignments().stream().map(SqlTreePrinter::print).toList())
                    + (update.from().isEmpty() ? "" : " (from" + join(update.from().stream().map(SqlTreePrinter::print)
                            .toList()) + ")")
                    + (update.where() == null ? "" : " (where " + print(update.where()) + ")")
                    + returning(update.returning()) + ")";
            case DeleteStatement delete -> (delete.with() == null ? "" : print(delete.with()) + " ") + "(delete " + delete.table()
                    + (delete.alias() == null ? "" : " (as " + delete.alias() + ")")
                    + (delete.using().isEmpty() ? "" : " (using" + join(delete.using().stream()
                            .map(SqlTreePrinter::print).toList()) + ")")
                    + (delete.where() == null ? "" : " (where " + print(delete.where()) + ")")
                    + returning(delete.returning()) + ")";
            case io.basalt.sql.ast.MergeStatement merge -> (merge.with() == null ? "" : print(merge.with()) + " ")
                    + "(merge " + (merge.only() ? "only " : "") + merge.target()
                    + (merge.alias() == null ? "" : " (as " + merge.alias() + ")")
                    + " (using " + print(merge.source()) + ") (on " + print(merge.on()) + ")"
                    + join(merge.whens().stream().map(SqlTreePrinter::printWhen).toList()) + ")";
            case SetStatement set -> "(set" + (set.local() ? "-local " : " ") + set.name()
                    + switch (set.mode()) {
                        case DEFAULT -> " default";
                        case FROM_CURRENT -> " from-current";
                        case VALUES -> join(set.values().stream().map(SqlTreePrinter::print).toList());
                    } + ")";
            case ShowStatement show -> "(show " + show.name() + ")";
            case ResetStatement reset -> "(reset " + (reset.all() ? "all" : reset.name()) + ")";
            case ExplainStatement explain -> "(explain" + join(explain.options().stream()
                    .map(option -> "(" + option.name() + (option.value() == null ? ""
                            : option.numeric() ? " " + option.value() : " " + quote(option.value())) + ")")
                    .toList()) + " " + print(explain.statement()) + ")";
            case PrepareStatement prepare -> "(prepare " + prepare.name()
                    + (prepare.parameterTypes().isEmpty() ? ""
                            : " (" + String.join(" ", prepare.parameterTypes().stream().map(SqlTreePrinter::print)
                                    .toList()) + ")")
                    + " " + print(prepare.statement()) + ")";
            case ExecuteStatement execute -> "(execute " + execute.name() + expressions(execute.arguments()) + ")";
            case DeallocateStatement deallocate -> "(deallocate " + (deallocate.all() ? "all" : deallocate.name()) + ")";
            case io.basalt.sql.ast.CursorStatement.Declare declare -> "(declare " + declare.name()
                    + (declare.scroll() ? "" : " no-scroll") + (declare.hold() ? " hold " : " ")
                    + print(declare.query()) + ")";
            case io.basalt.sql.ast.CursorStatement.Fetch fetch -> "(" + (fetch.move() ? "move " : "fetch ")
                    + fetch.direction().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + (fetch.count() == io.basalt.sql.ast.CursorStatement.Fetch.ALL ? "all" : fetch.count()) + " "
                    + fetch.name() + ")";
            case io.basalt.sql.ast.CursorStatement.Close close -> "(close " + (close.name() == null ? "all"
                    : close.name()) + ")";
            case TruncateStatement truncate -> "(truncate" + join(truncate.tables().stream().map(Object::toString)
                    .toList()) + (truncate.restartIdentity() ? " restart-identity" : "")
                    + (truncate.cascade() ? " cascade" : "") + ")";
            case CreateSequenceStatement create -> "(create-sequence" + (create.ifNotExists() ? " if-not-exists " : " ")
                    + create.name() + sequenceOptions(create.options()) + ")";
            case AlterSequenceStatement alter -> "(alter-sequence" + (alter.ifExists() ? " if-exists " : " ")
                    + alter.name() + sequenceOptions(alter.options()) + ")";
            case DropSequenceStatement drop -> "(drop-sequence" + (drop.ifExists() ? " if-exists" : "")
                    + (drop.cascade() ? " cascade" : "") + join(drop.names().stream().map(Object::toString).toList())
                    + ")";
            case DiscardSequencesStatement ignored -> "(discard-sequences)";
            case io.basalt.sql.ast.CheckpointStatement ignored -> "(checkpoint)";
            case CopyStatement copy -> "(copy " + (copy.table() != null ? copy.table().toString() : print(copy.query()))
                    + (copy.columns().isEmpty() ? "" : " (" + String.join(" ", copy.columns()) + ")")
                    + (copy.from() ? " from " : " to ") + (copy.program() ? "program " : "")
                    + (copy.fileName() == null ? (copy.from() ? "stdin" : "stdout") : quote(copy.fileName()))
                    + join(copy.options().stream().map(SqlTreePrinter::print).toList())
                    + (copy.where() == null ? "" : " (where " + print(copy.where()) + ")") + ")";
            case VacuumStatement vacuum -> "(" + (vacuum.vacuum() ? "vacuum" : "analyze") + join(vacuum.options().stream()
                    .map(option -> "(" + option.name() + (option.value() == null ? "" : " " + option.value()) + ")")
                    .toList()) + join(vacuum.tables().stream().map(target -> target.name()
                    + (target.columns().isEmpty() ? "" : "(" + String.join(" ", target.columns()) + ")")).toList()) + ")";
            case io.basalt.sql.ast.ReindexStatement reindex -> "(reindex " + reindex.kind().name().toLowerCase()
                    + (reindex.concurrently() ? " concurrently" : "") + (reindex.verbose() ? " verbose" : "")
                    + (reindex.name() == null ? "" : " " + reindex.name()) + ")";
            case io.basalt.sql.ast.TransactionStatement control -> "(" + control.kind().name().toLowerCase()
                    + (control.isolation() == null ? "" : " (isolation " + control.isolation() + ")")
                    + (control.readOnly() == null ? "" : control.readOnly() ? " read-only" : " read-write")
                    + (control.savepoint() == null ? "" : " " + control.savepoint())
                    + (control.chain() ? " chain" : "") + ")";
            case CreateTableAsStatement createAs -> "(create-table-as" + (createAs.temporary() ? " temporary" : "")
                    + (createAs.ifNotExists() ? " if-not-exists " : " ")
                    + createAs.name()
                    + (createAs.columnNames().isEmpty() ? "" : " (" + String.join(" ", createAs.columnNames()) + ")")
                    + " " + print(createAs.query()) + (createAs.withData() ? "" : " no-data") + ")";
            case io.basalt.sql.ast.CreateIndexStatement index -> "(create-index" + (index.unique() ? " unique" : "")
                    + (index.ifNotExists() ? " if-not-exists" : "") + (index.name() == null ? "" : " " + index.name())
                    + " " + index.table() + " " + index.method() + " (" + indexElements(index) + ")"
                    + (index.include().isEmpty() ? "" : " (include " + String.join(" ", index.include()) + ")")
                    + (index.where() == null ? "" : " (where " + print(index.where()) + ")") + ")";
            case io.basalt.sql.ast.DropIndexStatement drop -> "(drop-index" + (drop.ifExists() ? " if-exists" : "")
                    + " " + drop.names().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(" "))
                    + (drop.cascade() ? " cascade" : "") + ")";
            case io.basalt.sql.ast.AlterTableHierarchyStatement alter -> "(alter-table " + alter.table() + " "
                    + alter.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + alter.other()
                    + (alter.bound() == null ? "" : " " + alter.bound().getClass().getSimpleName().toLowerCase(
                            java.util.Locale.ROOT)) + ")";
            case AlterTableStatement alter -> "(alter-table" + (alter.ifExists() ? " if-exists " : " ") + alter.name()
                    + join(alter.actions().stream().map(SqlTreePrinter::print).toList()) + ")";
            case CreateViewStatement view -> "(create-view" + (view.orReplace() ? " or-replace" : "")
                    + (view.temporary() ? " temporary " : " ") + view.name()
                    + (view.columnNames().isEmpty() ? "" : " (" + String.join(" ", view.columnNames()) + ")")
                    + " " + print(view.query()) + ")";
            case CreateMaterializedViewStatement view -> "(create-materialized-view"
                    + (view.ifNotExists() ? " if-not-exists " : " ") + view.name()
                    + (view.columnNames().isEmpty() ? "" : " (" + String.join(" ", view.columnNames()) + ")")
                    + " " + print(view.query()) + (view.withData() ? "" : " no-data") + ")";
            case RefreshMaterializedViewStatement refresh -> "(refresh-materialized-view"
                    + (refresh.concurrently() ? " concurrently " : " ") + refresh.name()
                    + (refresh.withData() ? "" : " no-data") + ")";
            case DropViewStatement drop -> "(drop-" + (drop.materialized() ? "materialized-" : "") + "view"
                    + (drop.ifExists() ? " if-exists" : "")
                    + (drop.cascade() ? " cascade" : "") + join(drop.names().stream().map(Object::toString).toList())
                    + ")";
            case CreateSchemaStatement schema -> "(create-schema" + (schema.ifNotExists() ? " if-not-exists " : " ")
                    + schema.name() + (schema.authorization() == null ? "" : " (authorization " + schema.authorization()
                    + ")") + ")";
            case DropSchemaStatement drop -> "(drop-schema" + (drop.ifExists() ? " if-exists" : "")
                    + (drop.cascade() ? " cascade " : " ") + String.join(" ", drop.names()) + ")";
            case io.basalt.sql.ast.SetConstraintsStatement set -> "(set-constraints "
                    + (set.names() == null ? "all" : set.names()) + (set.deferred() ? " deferred)" : " immediate)");
            case UnsupportedStatement unsupported -> "(unsupported \"" + unsupported.description() + "\")";
            case io.basalt.sql.ast.CommentStatement comment -> "(comment " + comment.kind().name().toLowerCase()
                    + " " + comment.name() + (comment.on() == null ? "" : " on " + comment.on())
                    + (comment.text() == null ? " null" : " " + quote(comment.text())) + ")";
            case io.basalt.sql.ast.LockStatement lock -> "(lock " + String.join(" ", lock.tables().stream()
                    .map(Object::toString).toList()) + " (mode " + lock.mode() + ")" + (lock.nowait() ? " nowait" : "") + ")";
            case io.basalt.sql.ast.TypeStatement type -> "(type " + type + ")";
            case io.basalt.sql.ast.PrivilegeStatement privilege -> "(privilege " + privilege + ")";
            case io.basalt.sql.ast.RoutineStatement.CreateFunction function -> "(create-function " + function.name() + ")";
            case io.basalt.sql.ast.RoutineStatement routine -> "(" + routine.getClass().getSimpleName() + ")";
            case io.basalt.sql.ast.RuleStatement.CreateRule rule -> "(create-rule " + rule.name() + " "
                    + rule.event().name().toLowerCase() + " " + rule.table()
                    + (rule.conditionText() == null ? "" : " (where " + rule.conditionText() + ")")
                    + (rule.instead() ? " instead" : " also")
                    + (rule.actions().isEmpty() ? " nothing" : join(rule.actions().stream()
                            .map(SqlTreePrinter::print).toList())) + ")";
            case io.basalt.sql.ast.RuleStatement rule -> "(" + rule + ")";
            case io.basalt.sql.ast.PolicyStatement policy -> "(" + policy + ")";
            case io.basalt.sql.ast.DomainStatement domain -> "(domain " + domain + ")";
            case io.basalt.sql.ast.AlterIndexStatement alter -> "(alter-index " + alter.name() + " " + alter.action()
                    + ")";
            case io.basalt.sql.ast.AlterViewStatement alter -> "(alter-view " + alter.name() + " " + alter.action()
                    + ")";
        };
    }

    private static String print(AlterTableAction action) {
        return switch (action) {
            case AlterTableAction.AddColumn add -> "(add-column" + (add.ifNotExists() ? " if-not-exists " : " ")
                    + print(add.column()) + ")";
            case AlterTableAction.DropColumn drop -> "(drop-column" + (drop.ifExists() ? " if-exists " : " ")
                    + drop.column() + (drop.cascade() ? " cascade" : "") + ")";
            case AlterTableAction.DropExpression drop -> "(drop-expression " + drop.column()
                    + (drop.ifExists() ? " if-exists" : "") + ")";
            case AlterTableAction.SetExpression set -> "(set-expression " + set.column() + " "
                    + print(set.expression()) + ")";
            case AlterTableAction.AlterColumnType type -> "(alter-type " + type.column() + " " + print(type.type())
                    + (type.using() == null ? "" : " (using " + print(type.using()) + ")") + ")";
            case AlterTableAction.SetDefault set -> set.expression() == null ? "(drop-default " + set.column() + ")"
                    : "(set-default " + set.column() + " " + print(set.expression()) + ")";
            case AlterTableAction.SetNotNull set -> (set.notNull() ? "(set-not-null " : "(drop-not-null ")
                    + set.column() + ")";
            case AlterTableAction.AddConstraint add -> "(add-constraint " + print(add.constraint())
                    + (add.notValid() ? " not-valid" : "") + ")";
            case AlterTableAction.DropConstraint drop -> "(drop-constraint" + (drop.ifExists() ? " if-exists " : " ")
                    + drop.name() + (drop.cascade() ? " cascade" : "") + ")";
            case AlterTableAction.ValidateConstraint validate -> "(validate-constraint " + validate.name() + ")";
            case AlterTableAction.RenameColumn rename -> "(rename-column " + rename.from() + " " + rename.to() + ")";
            case AlterTableAction.RenameConstraint rename -> "(rename-constraint " + rename.from() + " " + rename.to()
                    + ")";
            case AlterTableAction.RenameTable rename -> "(rename-to " + rename.to() + ")";
            case AlterTableAction.AddIdentity add -> "(add-identity " + add.column()
                    + (add.always() ? " always" : " by-default") + " " + add.options() + ")";
            case AlterTableAction.AlterIdentity change -> "(alter-identity " + change.column()
                    + (change.always() == null ? "" : change.always() ? " always" : " by-default") + " "
                    + change.options() + ")";
            case AlterTableAction.DropIdentity drop -> "(drop-identity " + drop.column()
                    + (drop.ifExists() ? " if-exists" : "") + ")";
            case AlterTableAction.AlterConstraint change -> "(alter-constraint " + change.name()
                    + (change.deferrable() ? " deferrable" : "") + (change.initiallyDeferred() ? " deferred" : "")
                    + ")";
            case AlterTableAction.SetSchema move -> "(set-schema " + move.schema() + ")";
            case AlterTableAction.PhysicalSetting setting -> "(physical " + setting.setting().name().toLowerCase()
                    + (setting.column() == null ? "" : " " + setting.column())
                    + (setting.value() == null ? "" : " " + setting.value()) + ")";
            case AlterTableAction.SetStorageParameters set -> {
                StringBuilder text = new StringBuilder(set.reset() ? "(reset-parameters" : "(set-parameters");
                for (io.basalt.sql.ast.StorageParameter parameter : set.parameters()) {
                    text.append(' ').append(parameter.namespace() == null ? "" : parameter.namespace() + ".")
                            .append(parameter.name()).append(parameter.value() == null ? "" : "=" + parameter.value());
                }
                yield text.append(')').toString();
            }
        };
    }

    private static String returning(List<SelectItem> returning) {
        return returning.isEmpty() ? "" : " (returning" + join(returning.stream().map(SqlTreePrinter::print).toList())
                + ")";
    }

    private static String print(UpdateStatement.Assignment assignment) {
        return "(set (" + String.join(" ", assignment.columns()) + (assignment.indirection() ? " indirection" : "")
                + ")" + (assignment.query() != null ? " " + print(assignment.query())
                        : expressions(assignment.values())) + ")";
    }

    private static String sequenceOptions(List<SequenceOption> options) {
        return join(options.stream().map(SqlTreePrinter::print).toList());
    }

    private static String print(SequenceOption option) {
        return switch (option) {
            case SequenceOption.AsType o -> "(as " + print(o.type()) + ")";
            case SequenceOption.Increment o -> "(increment " + o.value() + ")";
            case SequenceOption.MinValue o -> o.value() == null ? "no-minvalue" : "(minvalue " + o.value() + ")";
            case SequenceOption.MaxValue o -> o.value() == null ? "no-maxvalue" : "(maxvalue " + o.value() + ")";
            case SequenceOption.Start o -> "(start " + o.value() + ")";
            case SequenceOption.Restart o -> o.value() == null ? "restart" : "(restart " + o.value() + ")";
            case SequenceOption.Cache o -> "(cache " + o.value() + ")";
            case SequenceOption.Cycle o -> o.cycle() ? "cycle" : "no-cycle";
            case SequenceOption.OwnedBy o -> "(owned-by " + (o.column() == null ? "none" : o.column()) + ")";
            case SequenceOption.SequenceName o -> "(sequence-name " + o.name() + ")";
        };
    }

    private static String print(CopyOption option) {
        String argument;
        if (option.all()) {
            argument = " *";
        } else if (option.columns() != null) {
            argument = " (" + String.join(" ", option.columns()) + ")";
        } else if (option.value() == null) {
            argument = "";
        } else {
            argument = " " + (option.numeric() ? option.value() : quote(option.value()));
        }
        return "(" + option.name() + argument + ")";
    }

    private static String print(SettingValue value) {
        return switch (value.kind()) {
            case STRING -> quote(value.text());
            case NUMBER -> value.text();
            case INTERVAL -> "(interval " + quote(value.text())
                    + (value.intervalQualifier() == null ? "" : " " + value.intervalQualifier()) + ")";
        };
    }

    static String print(Query query) {
        String body = print(query.body());
        if (query.with() == null && query.orderBy().isEmpty() && query.limit() == null && query.offset() == null) {
            return body;
        }
        return "(query " + (query.with() == null ? "" : print(query.with()) + " ") + body
                + (query.orderBy().isEmpty() ? "" : " " + orderBy(query.orderBy()))
                + (query.limit() == null ? "" : " (limit " + print(query.limit()) + ")")
                + (query.offset() == null ? "" : " (offset " + print(query.offset()) + ")") + ")";
    }

    private static String print(With with) {
        return "(with" + (with.recursive() ? " recursive" : "") + join(with.tables().stream()
                .map(table -> "(" + table.name()
                        + (table.columnAliases().isEmpty() ? "" : " (" + String.join(" ", table.columnAliases()) + ")")
                        + (table.materialized() == null ? "" : table.materialized() ? " materialized" : " not-materialized")
                        + " " + (table.query() != null ? print(table.query()) : print(table.modifying())) + ")")
                .toList()) + ")";
    }

    static String print(QueryBody body) {
        return switch (body) {
            case QueryBody.Select select -> "(select" + (select.distinct() ? " distinct" : "")
                    + (select.distinctOn().isEmpty() ? "" : " (distinct-on" + expressions(select.distinctOn()) + ")") + " ("
                    + String.join(" ", select.items().stream().map(SqlTreePrinter::print).toList()) + ")"
                    + (select.from().isEmpty() ? ""
                            : " (from" + join(select.from().stream().map(SqlTreePrinter::print).toList()) + ")")
                    + (select.where() == null ? "" : " (where " + print(select.where()) + ")")
                    + (select.groupBy().isEmpty() ? "" : " (group-by" + expressions(select.groupBy()) + ")")
                    + (select.groupingSets() == null ? "" : " (grouping-sets"
                            + (select.groupingSets().distinct() ? " distinct" : "")
                            + join(select.groupingSets().sets().stream().map(SqlTreePrinter::indices).toList()) + ")")
                    + (select.having() == null ? "" : " (having " + print(select.having()) + ")")
                    + (select.windows().isEmpty() ? "" : " (window" + join(select.windows().stream()
                            .map(w -> "(" + w.name() + " " + print(w.spec()) + ")").toList()) + ")") + ")";
            case QueryBody.Values values -> "(values" + join(values.rows().stream()
                    .map(row -> "(" + expressions(row).substring(1) + ")").toList()) + ")";
            case QueryBody.SetOperation operation -> "(" + operation.operator().name().toLowerCase(Locale.ROOT)
                    + (operation.all() ? "-all " : " ") + print(operation.left()) + " " + print(operation.right())
                    + ")";
            case QueryBody.Nested nested -> "(nested " + print(nested.query()) + ")";
        };
    }

    static String print(SelectItem item) {
        return switch (item) {
            case SelectItem.Star star -> star.qualifier() == null ? "*" : star.qualifier() + ".*";
            case SelectItem.Item expression -> expression.alias() == null ? print(expression.expression())
                    : "(as " + print(expression.expression()) + " " + expression.alias() + ")";
        };
    }

    static String print(FromItem item) {
        return switch (item) {
            case FromItem.Table table -> table.alias() == null && table.columnAliases().isEmpty()
                    ? table.name().toString()
                    : "(table " + table.name() + alias(table.alias(), table.columnAliases()) + ")";
            case FromItem.Subquery subquery -> "(subquery" + (subquery.lateral() ? " lateral " : " ")
                    + print(subquery.query()) + alias(subquery.alias(), subquery.columnAliases()) + ")";
            case FromItem.Function function -> "(function" + (function.lateral() ? " lateral " : " ")
                    + (function.rowsFrom().isEmpty() ? print(function.call()) : rowsFrom(function))
                    + (function.withOrdinality() ? " with-ordinality" : "")
                    + alias(function.alias(), function.columnAliases()) + ")";
            case FromItem.Join join -> "(" + (join.natural() ? "natural-" : "")
                    + join.type().name().toLowerCase(Locale.ROOT) + "-join " + print(join.left()) + " "
                    + print(join.right())
                    + (join.condition() == null ? "" : " (on " + print(join.condition()) + ")")
                    + (join.using().isEmpty() ? "" : " (using " + String.join(" ", join.using()) + ")") + ")";
            case FromItem.JoinAlias alias -> "(" + (alias.usingAlias() ? "using-alias " : "join-alias ")
                    + print(alias.joined()) + alias(alias.alias(), alias.columnAliases()) + ")";
        };
    }

    private static String rowsFrom(FromItem.Function function) {
        StringBuilder text = new StringBuilder("(rows-from");
        for (Expression.FunctionCall call : function.rowsFrom()) {
            text.append(' ').append(print(call));
        }
        return text.append(')').toString();
    }

    private static String alias(String alias, List<String> columns) {
        return (alias == null ? "" : " " + alias) + (columns.isEmpty() ? "" : " (" + String.join(" ", columns) + ")");
    }

    static String print(Expression expression) {
        return switch (expression) {
            case Expression.Default ignored -> "DEFAULT";
            case Expression.NullLiteral ignored -> "NULL";
            case Expression.BooleanLiteral literal -> literal.value() ? "TRUE" : "FALSE";
            case Expression.NumberLiteral number -> number.text();
            case Expression.StringLiteral string -> quote(string.value());
            case Expression.TypedLiteral typed -> "(typed " + print(typed.type()) + " " + quote(typed.value()) + ")";
            case Expression.ColumnRef column -> String.join(".", column.parts());
            case Expression.Parameter parameter -> "$" + parameter.index();
            case Expression.Unary unary -> "(" + unary.operator() + " " + print(unary.operand()) + ")";
            case Expression.Binary binary -> "(" + binary.operator() + " " + print(binary.left()) + " "
                    + print(binary.right()) + ")";
            case Expression.IsNull isNull -> "(" + (isNull.negated() ? "is-not-null " : "is-null ")
                    + print(isNull.operand()) + ")";
            case Expression.IsBoolean test -> "(" + (test.negated() ? "is-not-" : "is-")
                    + (test.value() == null ? "unknown" : test.value() ? "true" : "false") + " "
                    + print(test.operand()) + ")";
            case Expression.IsDistinctFrom test -> "(" + (test.negated() ? "is-not-distinct-from " : "is-distinct-from ")
                    + print(test.left()) + " " + print(test.right()) + ")";
            case Expression.Between between -> "(" + (between.negated() ? "not-" : "") + "between"
                    + (between.symmetric() ? "-symmetric " : " ") + print(between.operand()) + " "
                    + print(between.low()) + " " + print(between.high()) + ")";
            case Expression.InList in -> "(" + (in.negated() ? "not-in " : "in ") + print(in.operand()) + " ("
                    + expressions(in.values()).substring(1) + "))";
            case Expression.InSubquery in -> "(" + (in.negated() ? "not-in " : "in ") + print(in.operand()) + " "
                    + print(in.query()) + ")";
            case Expression.Exists exists -> "(exists " + print(exists.query()) + ")";
            case Expression.ScalarSubquery subquery -> "(subquery " + print(subquery.query()) + ")";
            case Expression.ArraySubquery subquery -> "(array " + print(subquery.query()) + ")";
            case Expression.Quantified quantified -> "(" + quantified.operator()
                    + (quantified.all() ? " all " : " any ") + print(quantified.left()) + " "
                    + (quantified.query() != null ? print(quantified.query()) : print(quantified.array())) + ")";
            case Expression.Like like -> "(" + (like.negated() ? "not-" : "") + (like.caseInsensitive() ? "ilike " : "like ")
                    + print(like.operand()) + " " + print(like.pattern())
                    + (like.escape() == null ? "" : " (escape " + print(like.escape()) + ")") + ")";
            case Expression.Case caseExpression -> "(case"
                    + (caseExpression.operand() == null ? "" : " " + print(caseExpression.operand()))
                    + join(caseExpression.whens().stream()
                            .map(when -> "(when " + print(when.condition()) + " " + print(when.result()) + ")").toList())
                    + (caseExpression.otherwise() == null ? "" : " (else " + print(caseExpression.otherwise()) + ")")
                    + ")";
            case Expression.Cast cast -> "(cast " + print(cast.operand()) + " " + print(cast.type()) + ")";
            case Expression.FunctionCall call -> "(call " + call.name() + (call.distinct() ? " distinct" : "")
                    + (call.star() ? " *" : "") + expressions(call.arguments())
                    + (call.orderBy().isEmpty() ? "" : (call.withinGroup() ? " within group " : " ") + orderBy(call.orderBy()))
                    + (call.filter() == null ? "" : " (filter " + print(call.filter()) + ")")
                    + (call.over() == null ? "" : " " + print(call.over())) + ")";
            case Expression.ArrayConstructor array -> "(array" + expressions(array.elements()) + ")";
            case Expression.Subscript subscript -> "(" + (subscript.slice() ? "slice " : "subscript ")
                    + print(subscript.operand()) + " " + printOrBlank(subscript.lower())
                    + (subscript.slice() ? " " + printOrBlank(subscript.upper()) : "") + ")";
            case Expression.RowConstructor row -> "(row" + expressions(row.fields()) + ")";
            case Expression.NamedArgument named -> "(named " + named.name() + " " + print(named.value()) + ")";
            case Expression.VariadicArgument variadic -> "(variadic " + print(variadic.value()) + ")";
            case Expression.FieldSelection selection -> "(field " + print(selection.operand()) + " " + selection.field() + ")";
        };
    }

    private static String print(Expression.WindowSpec window) {
        return "(over" + (window.reference() == null ? "" : " " + window.reference() + (window.bare() ? "" : " (copy)"))
                + (window.partitionBy().isEmpty() ? "" : " (partition-by" + expressions(window.partitionBy()) + ")")
                + (window.orderBy().isEmpty() ? "" : " " + orderBy(window.orderBy()))
                + (window.frame() == null ? "" : " " + print(window.frame())) + ")";
    }

    private static String print(Expression.WindowFrame frame) {
        return "(" + frame.mode() + " " + bound(frame.startKind(), frame.startOffset())
                + (frame.endKind() == null ? "" : " " + bound(frame.endKind(), frame.endOffset()))
                + (frame.exclusion() == null ? "" : " (exclude " + frame.exclusion() + ")") + ")";
    }

    private static String bound(String kind, Expression offset) {
        return "[" + (offset == null ? "" : print(offset) + " ") + kind + "]";
    }

    static String print(TypeName type) {
        return "{" + type.name()
                + (type.modifiers().isEmpty() ? "" : "(" + String.join(",",
                        type.modifiers().stream().map(String::valueOf).toList()) + ")")
                + "[]".repeat(type.arrayDimensions()) + "}";
    }

    private static String print(OrderItem item) {
        if (!item.descending() && item.nullsFirst() == null) {
            return print(item.expression());
        }
        return "(sort " + print(item.expression()) + (item.descending() ? " desc" : "")
                + (item.nullsFirst() == null ? "" : item.nullsFirst() ? " nulls-first" : " nulls-last") + ")";
    }

    private static String orderBy(List<OrderItem> items) {
        return "(order-by" + join(items.stream().map(SqlTreePrinter::print).toList()) + ")";
    }

    private static String print(ColumnDefinition column) {
        return "(column " + column.name() + " " + print(column.type())
                + join(column.constraints().stream().map(SqlTreePrinter::print).toList()) + ")";
    }

    private static String print(ColumnConstraint constraint) {
        String body = switch (constraint) {
            case ColumnConstraint.NotNull ignored -> "not-null";
            case ColumnConstraint.Nullable ignored -> "null";
            case ColumnConstraint.Default value -> "(default " + print(value.expression()) + ")";
            case ColumnConstraint.Check check -> "(check " + print(check.condition()) + ")";
            case ColumnConstraint.Unique ignored -> "unique";
            case ColumnConstraint.PrimaryKey ignored -> "primary-key";
            case ColumnConstraint.Identity identity -> "(identity " + (identity.always() ? "always" : "by-default")
                    + sequenceOptions(identity.options()) + ")";
            case ColumnConstraint.Generated generated -> "(generated " + print(generated.expression()) + ")";
            case ColumnConstraint.References references -> "(references " + references.table()
                    + (references.columns().isEmpty() ? "" : " (" + String.join(" ", references.columns()) + ")")
                    + actions(references.matchFull(), references.onDelete(), references.deleteSetColumns(),
                            references.onUpdate()) + ")";
        };
        return constraint.name() == null ? body : "(constraint " + constraint.name() + " " + body + ")";
    }

    private static String print(TableConstraint constraint) {
        String body = switch (constraint) {
            case TableConstraint.Check check -> "(check " + print(check.condition()) + ")";
            case TableConstraint.Unique unique -> "(unique (" + String.join(" ", unique.columns()) + "))";
            case TableConstraint.PrimaryKey key -> "(primary-key (" + String.join(" ", key.columns()) + "))";
            case TableConstraint.ForeignKey key -> "(foreign-key (" + String.join(" ", key.columns()) + ") "
                    + key.table() + (key.referencedColumns().isEmpty() ? ""
                            : " (" + String.join(" ", key.referencedColumns()) + ")")
                    + actions(key.matchFull(), key.onDelete(), key.deleteSetColumns(), key.onUpdate()) + ")";
            case TableConstraint.NotNull notNull -> "(not-null " + notNull.column()
                    + (notNull.noInherit() ? " no-inherit" : "") + ")";
            case TableConstraint.Exclude exclude -> {
                List<String> elements = new java.util.ArrayList<>();
                for (TableConstraint.ExcludeElement element : exclude.elements()) {
                    elements.add(print(element.expression()) + " " + element.operator());
                }
                yield "(exclude" + (exclude.method() == null ? "" : " " + exclude.method()) + " ("
                        + String.join(", ", elements) + ")"
                        + (exclude.where() == null ? "" : " (where " + print(exclude.where()) + ")") + ")";
            }
        };
        return constraint.name() == null ? body : "(constraint " + constraint.name() + " " + body + ")";
    }

    private static String indexElements(io.basalt.sql.ast.CreateIndexStatement index) {
        List<String> elements = new java.util.ArrayList<>();
        for (io.basalt.sql.ast.CreateIndexStatement.Element element : index.elements()) {
            elements.add((element.column() != null ? element.column() : print(element.expression()))
                    + (element.operatorClass() == null ? "" : " " + element.operatorClass())
                    + (element.descending() ? " desc" : "")
                    + (element.nullsFirst() == null ? "" : element.nullsFirst() ? " nulls-first" : " nulls-last"));
        }
        return String.join(", ", elements);
    }

    private static String actions(boolean matchFull, String onDelete, List<String> deleteSetColumns,
                                  String onUpdate) {
        return (matchFull ? " match-full" : "")
                + (onDelete == null ? "" : " (on-delete " + onDelete
                        + (deleteSetColumns == null ? "" : " (" + String.join(" ", deleteSetColumns) + ")") + ")")
                + (onUpdate == null ? "" : " (on-update " + onUpdate + ")");
    }

    private static String printOrBlank(Expression expression) {
        return expression == null ? "_" : print(expression);
    }

    private static String expressions(List<Expression> expressions) {
        return join(expressions.stream().map(SqlTreePrinter::print).toList());
    }

    private static String join(List<String> parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(' ').append(part);
        }
        return joined.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A grouping set as its expression indices: {@code (0 2)}. */
    private static String indices(java.util.List<Integer> set) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < set.size(); i++) {
            text.append(i == 0 ? "" : " ").append(set.get(i));
        }
        return text.append(')').toString();
    }
}
