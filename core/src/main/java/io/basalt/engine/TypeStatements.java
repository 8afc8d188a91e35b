package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UserType;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TypeStatement;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.transaction.Transaction;
import io.basalt.type.EnumType;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CREATE TYPE ... AS ENUM, ALTER TYPE ... ADD VALUE / RENAME VALUE and DROP TYPE against the catalog's
 * {@link io.basalt.catalog.UserTypes} (the caller holds the DDL lock). Each statement is logged as written, so that
 * replaying the log rebuilds the types with the same oids and sort keys.
 *
 * <p>In a transaction block, ROLLBACK undoes them as PostgreSQL does: a CREATE is logged at once and dropped again
 * (the drop logged) on ROLLBACK, as CREATE TABLE is; ADD VALUE, RENAME VALUE and DROP take effect at once for every
 * session but are logged only at COMMIT, and ROLLBACK puts the type back as it was. DROP TYPE CASCADE drops the
 * columns of that type by running ALTER TABLE ... DROP COLUMN, which logs itself.
 */
final class TypeStatements {
    private final Catalog catalog;
    private final Consumer<String> logDdl;
    private final Consumer<String> execute;

    /**
     * @param execute runs a statement in the calling session (the ALTER TABLE of DROP TYPE CASCADE)
     */
    TypeStatements(Catalog catalog, Consumer<String> logDdl, Consumer<String> execute) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.logDdl = requireNonNull(logDdl, "logDdl is null");
        this.execute = requireNonNull(execute, "execute is null");
    }

    /** Runs {@code statement} (written as {@code sql}) in {@code block}, the open transaction block or null. */
    QueryResultImpl run(TypeStatement statement, String sql, Transaction block) {
        return switch (statement) {
            case TypeStatement.CreateEnum create -> createEnum(create, sql, block);
            case TypeStatement.AddEnumValue add -> alterEnum(add.name(), sql, block, type -> {
                if (add.ifNotExists() && type.hasLabel(add.label())) {
                    return List.of("enum label \"" + add.label() + "\" already exists, skipping");
                }
                type.add(add.label(), add.neighbor(), add.before());
                if (block != null && type.creatingBlock() != block) {
                    // PostgreSQL: a value added to an older type is unusable until COMMIT
                    type.markPending(add.label());
                    block.onCommit(type::clearPending);
                    block.onRollback(type::clearPending);
                }
                return List.of();
            });
            case TypeStatement.RenameEnumValue rename -> alterEnum(rename.name(), sql, block, type -> {
                type.rename(rename.from(), rename.to());
                return List.of();
            });
            case TypeStatement.Rename rename -> rename(rename, sql, block);
            case TypeStatement.Drop drop -> drop(drop, sql, block);
            case TypeStatement.CreateComposite create -> createComposite(create, sql, block);
            case TypeStatement.CreateRange create -> RangeTypeCreation.create(catalog, create, sql, block, logDdl);
            case TypeStatement.AlterAttributes alter -> new CompositeTypeAlterations(catalog, logDdl)
                    .run(alter, sql, block);
        };
    }

    private QueryResultImpl createEnum(TypeStatement.CreateEnum create, String sql, Transaction block) {
        String schema = catalog.creationSchemaOf(create.name());
        String name = create.name().last();
        if (catalog.types().find(schema, name).isPresent()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "type \"" + name + "\" already exists");
        }
        // the labels are checked before an oid is taken: a failed CREATE is not logged, so replay must not count it
        EnumType.create(0, schema, name, create.labels());
        UserType.Enum created = new UserType.Enum(
                EnumType.create(catalog.types().nextOid(), schema, name, create.labels()));
        catalog.types().add(created);
        logDdl.accept(sql);
        if (block != null) {
            created.type().createdIn(block);
            block.onCommit(() -> created.type().createdIn(null));
            block.onRollback(() -> {
                created.type().createdIn(null);
                if (catalog.types().remove(created)) {
                    logDdl.accept("DROP TYPE " + IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name));
                }
            });
        }
        return QueryResultImpl.command("CREATE TYPE", 0, List.of());
    }

    private QueryResultImpl createComposite(TypeStatement.CreateComposite create, String sql, Transaction block) {
        String schema = catalog.creationSchemaOf(create.name());
        String name = create.name().last();
        if (catalog.types().find(schema, name).isPresent() || catalog.findTable(schema, name).isPresent()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "type \"" + name + "\" already exists");
        }
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < create.fieldNames().size(); i++) {
            if (create.fieldNames().subList(0, i).contains(create.fieldNames().get(i))) {
                throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + create.fieldNames().get(i)
                        + "\" specified more than once");
            }
            types.add(io.basalt.binder.TypeNames.resolve(create.fieldTypes().get(i)));
        }
        UserType.Composite created = new UserType.Composite(catalog.types().nextOid(), schema, name,
                new io.basalt.type.RecordType(name, create.fieldNames(), types));
        catalog.types().add(created);
        logDdl.accept(sql);
        if (block != null) {
            block.onRollback(() -> {
                if (catalog.types().remove(created)) {
                    logDdl.accept("DROP TYPE " + IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name));
                }
            });
        }
        return QueryResultImpl.command("CREATE TYPE", 0, List.of());
    }

    /** What an ALTER TYPE does to the enum; returns its notices. */
    private interface EnumChange {
        List<String> apply(EnumType type);
    }

    private QueryResultImpl alterEnum(QualifiedName name, String sql, Transaction block, EnumChange change) {
        UserType found = find(name);
        if (!(found instanceof UserType.Enum enumEntry)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name.last() + "\" is not an enum");
        }
        EnumType type = enumEntry.type();
        EnumType.Labels before = type.labels();
        List<String> notices = change.apply(type);
        if (block == null) {
            logDdl.accept(sql);
        } else {
            block.onRollback(() -> type.restore(before));
            block.onCommit(() -> logDdl.accept(sql));
        }
        return QueryResultImpl.command("ALTER TYPE", 0, notices);
    }

    private QueryResultImpl rename(TypeStatement.Rename rename, String sql, Transaction block) {
        UserType found = find(rename.name());
        if (!(found instanceof UserType.Enum enumEntry)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER TYPE ... RENAME of a composite type is not supported yet");
        }
        if (catalog.types().find(found.schema(), rename.newName()).isPresent()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "type \"" + rename.newName() + "\" already exists");
        }
        String oldName = found.name();
        refile(enumEntry, rename.newName());
        if (block == null) {
            logDdl.accept(sql);
        } else {
            block.onRollback(() -> refile(enumEntry, oldName));
            block.onCommit(() -> logDdl.accept(sql));
        }
        return QueryResultImpl.command("ALTER TYPE", 0, List.of());
    }

    /** Files the enum under {@code newName}. */
    private void refile(UserType.Enum entry, String newName) {
        catalog.types().remove(entry);
        entry.type().rename(newName);
        catalog.types().add(entry);
    }

    private QueryResultImpl drop(TypeStatement.Drop drop, String sql, Transaction block) {
        List<String> notices = new ArrayList<>();
        List<UserType> victims = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            UserType found = catalog.findType(name);
            if (found == null) {
                if (drop.ifExists()) {
                    String missingSchema = MissingSchemaNotices.of(catalog, name);
                    notices.add(missingSchema != null ? missingSchema
                            : "type \"" + MissingSchemaNotices.written(name) + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + name.last() + "\" does not exist");
            }
            if (!victims.contains(found)) {
                victims.add(found);
            }
        }
        List<String[]> dependentColumns = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (UserType victim : victims) {
            for (TableEntry table : catalog.tables()) {
                for (ColumnEntry column : table.columns()) {
                    if (uses(column.type(), victim)) {
                        dependentColumns.add(new String[] {table.schema(), table.name(), column.name()});
                        details.add("column " + column.name() + " of table " + table.name() + " depends on type "
                                + victim.name());
                    }
                }
            }
        }
        if (!dependentColumns.isEmpty()) {
            if (!drop.cascade()) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop type "
                                + victims.getFirst().name() + " because other objects depend on it")
                        .withDetail(String.join("\n", details))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.add(dependentColumns.size() == 1
                    ? "drop cascades to column " + dependentColumns.getFirst()[2] + " of table "
                            + dependentColumns.getFirst()[1]
                    : "drop cascades to " + dependentColumns.size() + " other objects");
            dropColumns(dependentColumns, execute);
        }
        removeTypes(catalog, victims, sql, block, logDdl);
        return QueryResultImpl.command("DROP TYPE", 0, notices);
    }

    /** DROP TYPE / DROP DOMAIN ... CASCADE: drops each column (schema, table, column) of a dropped type. */
    static void dropColumns(List<String[]> columns, Consumer<String> execute) {
        for (String[] column : columns) {
            execute.accept("ALTER TABLE " + IdentifierQuoting.quote(column[0]) + "."
                    + IdentifierQuoting.quote(column[1]) + " DROP COLUMN " + IdentifierQuoting.quote(column[2])
                    + " CASCADE");
        }
    }

    /**
     * Takes dropped types out of the catalog: logged at once outside a block; in a block logged at COMMIT and put
     * back by ROLLBACK.
     */
    static void removeTypes(Catalog catalog, List<? extends UserType> victims, String sql, Transaction block,
                            Consumer<String> logDdl) {
        for (UserType victim : victims) {
            catalog.types().remove(victim);
        }
        if (victims.isEmpty()) {
            return;
        }
        if (block == null) {
            logDdl.accept(sql);
            return;
        }
        block.onRollback(() -> {
            for (UserType victim : victims) {
                catalog.types().add(victim);
            }
        });
        block.onCommit(() -> logDdl.accept(sql));
    }

    /** Whether a column of type {@code type} depends on {@code victim}. */
    static boolean uses(LogicalType type, UserType victim) {
        LogicalType value = type.isArray() ? type.element() : type;
        if (victim instanceof io.basalt.catalog.DomainEntry domain) {
            return type.domain() == domain.type() || value.domain() == domain.type();
        }
        if (victim instanceof UserType.Composite composite && value.isRecord()) {
            if (value.record().equals(composite.record())) {
                return true;
            }
            for (LogicalType field : value.record().fieldTypes()) {
                if (uses(field, victim)) {
                    return true;
                }
            }
            return false;
        }
        if (victim instanceof UserType.Range range) {
            return value.isRange() && value.range().equals(range.range());
        }
        return victim instanceof UserType.Enum enumEntry && value.isEnum() && value.enumType().equals(enumEntry.type());
    }

    /** The type {@code name} names. @throws BasaltException 42704 when there is none */
    private UserType find(QualifiedName name) {
        UserType found = catalog.findType(name);
        if (found == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + name.last() + "\" does not exist");
        }
        return found;
    }
}
