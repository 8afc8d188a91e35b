package io.basalt.engine;

import io.basalt.binder.TypeNames;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UserType;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.TypeStatement;
import io.basalt.storage.transaction.Transaction;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ALTER TYPE ... ADD / DROP / ALTER / RENAME ATTRIBUTE of a composite type: the actions are applied in order to
 * the type's fields with PostgreSQL's checks and wording (the type is a relation to PostgreSQL, so a missing one is
 * 42P01 {@code relation "x" does not exist}), then the type is replaced as one step. The statement is logged as
 * written (at COMMIT in a transaction block, whose ROLLBACK puts the old type back). A type that stored values
 * use (a table column, or a field of another composite type) keeps its shape: PostgreSQL refuses to retype its
 * attributes (0A000 {@code cannot alter type "t" because column "tab.c" uses it}), and Basalt, whose stored
 * records carry their type, refuses the other changes too, as not supported yet.
 */
final class CompositeTypeAlterations {
    private final Catalog catalog;
    private final Consumer<String> logDdl;

    CompositeTypeAlterations(Catalog catalog, Consumer<String> logDdl) {
        this.catalog = catalog;
        this.logDdl = logDdl;
    }

    QueryResultImpl run(TypeStatement.AlterAttributes alter, String sql, Transaction block) {
        UserType found = catalog.findType(alter.name());
        if (!(found instanceof UserType.Composite composite)) {
            if (found == null && findTable(alter) != null) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + alter.name().last()
                        + "\" is not a composite type");
            }
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + alter.name() + "\" does not exist");
        }
        String user = user(composite);
        List<String> names = new ArrayList<>(composite.record().fieldNames());
        List<LogicalType> types = new ArrayList<>(composite.record().fieldTypes());
        List<String> notices = new ArrayList<>();
        for (TypeStatement.AttributeAction action : alter.actions()) {
            switch (action) {
                case TypeStatement.AddAttribute add -> {
                    if (names.contains(add.name())) {
                        throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + add.name()
                                + "\" of relation \"" + composite.name() + "\" already exists");
                    }
                    LogicalType type = TypeNames.resolve(add.type());
                    requireNotMember(composite, type);
                    requireUnused(composite, user);
                    names.add(add.name());
                    types.add(type);
                }
                case TypeStatement.DropAttribute drop -> {
                    int index = names.indexOf(drop.name());
                    if (index < 0) {
                        String message = "column \"" + drop.name() + "\" of relation \"" + composite.name()
                                + "\" does not exist";
                        if (drop.ifExists()) {
                            notices.add(message + ", skipping");
                            continue;
                        }
                        throw BasaltException.of(SqlState.UNDEFINED_COLUMN, message);
                    }
                    requireUnused(composite, user);
                    names.remove(index);
                    types.remove(index);
                }
                case TypeStatement.AlterAttributeType change -> {
                    int index = names.indexOf(change.name());
                    if (index < 0) {
                        throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + change.name()
                                + "\" of relation \"" + composite.name() + "\" does not exist");
                    }
                    LogicalType type = TypeNames.resolve(change.type());
                    requireNotMember(composite, type);
                    if (user != null) {
                        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot alter type \""
                                + composite.name() + "\" because column \"" + user + "\" uses it");
                    }
                    types.set(index, type);
                }
                case TypeStatement.RenameAttribute rename -> {
                    int index = names.indexOf(rename.from());
                    if (index < 0) {
                        throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + rename.from()
                                + "\" does not exist");
                    }
                    if (names.contains(rename.to())) {
                        throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + rename.to()
                                + "\" of relation \"" + composite.name() + "\" already exists");
                    }
                    requireUnused(composite, user);
                    names.set(index, rename.to());
                }
            }
        }
        UserType.Composite altered = new UserType.Composite(composite.oid(), composite.schema(), composite.name(),
                new RecordType(composite.record().name(), names, types));
        catalog.types().replace(altered);
        if (block == null) {
            logDdl.accept(sql);
        } else {
            block.onRollback(() -> catalog.types().replace(composite));
            block.onCommit(() -> logDdl.accept(sql));
        }
        return QueryResultImpl.command("ALTER TYPE", 0, notices);
    }

    private TableEntry findTable(TypeStatement.AlterAttributes alter) {
        List<String> parts = alter.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return null;
        }
        return catalog.findTable(schema, alter.name().last()).orElse(null);
    }

    /** PostgreSQL's 42P16 when {@code type} would contain {@code composite} itself. */
    private static void requireNotMember(UserType.Composite composite, LogicalType type) {
        if (contains(type, composite.record())) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, "composite type " + composite.name()
                    + " cannot be made a member of itself");
        }
    }

    private static void requireUnused(UserType.Composite composite, String user) {
        if (user != null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER TYPE of composite type \""
                    + composite.name() + "\" while column \"" + user + "\" uses it is not supported yet");
        }
    }

    /**
     * The first stored use of the type as PostgreSQL names it ({@code table.column}, or {@code type.field} for a
     * field of another composite type), or null.
     */
    private String user(UserType.Composite composite) {
        for (TableEntry table : catalog.tables()) {
            for (ColumnEntry column : table.columns()) {
                if (contains(column.type(), composite.record())) {
                    return table.name() + "." + column.name();
                }
            }
        }
        for (UserType other : catalog.types().all()) {
            if (other instanceof UserType.Composite outer && other != composite) {
                for (int i = 0; i < outer.record().fieldTypes().size(); i++) {
                    if (contains(outer.record().fieldTypes().get(i), composite.record())) {
                        return outer.name() + "." + outer.record().fieldNames().get(i);
                    }
                }
            }
        }
        return null;
    }

    /** Whether values of {@code type} hold a {@code record} (as the type, an array element, or a nested field). */
    private static boolean contains(LogicalType type, RecordType record) {
        LogicalType value = type.isArray() ? type.element() : type;
        if (!value.isRecord()) {
            return false;
        }
        if (value.record().equals(record)) {
            return true;
        }
        for (LogicalType field : value.record().fieldTypes()) {
            if (contains(field, record)) {
                return true;
            }
        }
        return false;
    }
}
