package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.binder.DomainChecks;
import io.basalt.binder.Parameters;
import io.basalt.binder.TypeNames;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.DomainEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UserType;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DomainStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.storage.transaction.Transaction;
import io.basalt.type.DomainType;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CREATE DOMAIN, ALTER DOMAIN and DROP DOMAIN against the catalog's {@link io.basalt.catalog.UserTypes} (the caller
 * holds the DDL lock). Each statement is logged as written, so that replaying the log rebuilds the domains with the
 * same oids. Transactions behave as for enum types ({@link TypeStatements}): CREATE is logged at once and dropped
 * again on ROLLBACK; ALTER and DROP take effect at once and are logged at COMMIT, ROLLBACK puts the entry back.
 *
 * <p>SET NOT NULL, ADD CONSTRAINT (without NOT VALID) and VALIDATE CONSTRAINT check the stored values of every column
 * of the domain (or of a domain based on it) by casting them to the changed domain in a query, and report a failure
 * as PostgreSQL does. DROP DOMAIN CASCADE drops dependent columns with ALTER TABLE ... DROP COLUMN and dependent
 * domains with DROP DOMAIN, which log themselves.
 */
final class DomainStatements {
    private final Catalog catalog;
    private final Consumer<String> logDdl;
    private final Consumer<String> execute;

    /** @param execute runs a statement in the calling session (data checks, the cascades of DROP) */
    DomainStatements(Catalog catalog, Consumer<String> logDdl, Consumer<String> execute) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.logDdl = requireNonNull(logDdl, "logDdl is null");
        this.execute = requireNonNull(execute, "execute is null");
    }

    /** Runs {@code statement} (written as {@code sql}) in {@code block}, the open transaction block or null. */
    QueryResultImpl run(DomainStatement statement, String sql, Transaction block) {
        return switch (statement) {
            case DomainStatement.Create create -> create(create, sql, block);
            case DomainStatement.SetDefault set -> alter(set.name(), sql, block, domain -> {
                if (set.defaultExpression() != null) {
                    DomainChecks.checkDefault(set.defaultExpression(), domain.name(), domain.baseType(),
                            Parameters.none());
                }
                return domain.withDefault(set.defaultExpression(), set.defaultText());
            });
            case DomainStatement.SetNotNull set -> alter(set.name(), sql, block, domain -> {
                DomainEntry changed = domain.withNotNull(set.notNull());
                if (set.notNull() && !domain.notNull()) {
                    checkStoredValues(domain, changed, null);
                }
                return changed;
            });
            case DomainStatement.AddConstraint add -> alter(add.name(), sql, block, domain -> {
                DomainStatement.Check check = add.check();
                String name = check.constraintName() != null ? check.constraintName() : freeName(domain);
                if (domain.constraint(name) != null) {
                    throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "constraint \"" + name + "\" for domain \""
                            + domain.name() + "\" already exists");
                }
                DomainChecks.condition(check.condition(), domain.baseType(), Parameters.none());
                DomainEntry changed = domain.withConstraint(
                        new DomainEntry.Constraint(name, check.condition(), check.text(), !add.notValid()));
                if (!add.notValid()) {
                    checkStoredValues(domain, changed, name);
                }
                return changed;
            });
            case DomainStatement.DropConstraint drop -> {
                DomainEntry domain = find(drop.name());
                if (domain.constraint(drop.constraint()) == null && drop.ifExists()) {
                    yield QueryResultImpl.command("ALTER DOMAIN", 0, List.of("constraint \"" + drop.constraint()
                            + "\" of domain \"" + MissingSchemaNotices.written(drop.name()) + "\" does not exist, skipping"));
                }
                yield alter(drop.name(), sql, block, entry -> {
                    requireConstraint(entry, drop.constraint());
                    List<DomainEntry.Constraint> kept = new ArrayList<>();
                    for (DomainEntry.Constraint constraint : entry.constraints()) {
                        if (!constraint.name().equals(drop.constraint())) {
                            kept.add(constraint);
                        }
                    }
                    return entry.withConstraints(kept);
                });
            }
            case DomainStatement.ValidateConstraint validate -> alter(validate.name(), sql, block, domain -> {
                DomainEntry.Constraint constraint = requireConstraint(domain, validate.constraint());
                DomainEntry changed = domain.withConstraint(new DomainEntry.Constraint(constraint.name(),
                        constraint.condition(), constraint.text(), true));
                if (!constraint.validated()) {
                    checkStoredValues(domain, changed, constraint.name());
                }
                return changed;
            });
            case DomainStatement.RenameConstraint rename -> alter(rename.name(), sql, block, domain -> {
                DomainEntry.Constraint constraint = requireConstraint(domain, rename.from());
                if (domain.constraint(rename.to()) != null) {
                    throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "constraint \"" + rename.to()
                            + "\" for domain " + domain.name() + " already exists");
                }
                List<DomainEntry.Constraint> renamed = new ArrayList<>();
                for (DomainEntry.Constraint existing : domain.constraints()) {
                    renamed.add(existing == constraint ? new DomainEntry.Constraint(rename.to(),
                            existing.condition(), existing.text(), existing.validated()) : existing);
                }
                return domain.withConstraints(renamed);
            });
            case DomainStatement.OwnerTo owner -> {
                find(owner.name());
                yield QueryResultImpl.command("ALTER DOMAIN", 0, List.of());
            }
            case DomainStatement.Rename rename -> rename(rename, sql, block);
            case DomainStatement.Drop drop -> drop(drop, sql, block);
        };
    }

    private QueryResultImpl create(DomainStatement.Create create, String sql, Transaction block) {
        String schema = catalog.creationSchemaOf(create.name());
        String name = create.name().last();
        if (catalog.types().find(schema, name).isPresent()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "type \"" + name + "\" already exists");
        }
        LogicalType baseType = TypeNames.resolve(create.baseType());
        if (create.defaultExpression() != null) {
            DomainChecks.checkDefault(create.defaultExpression(), name, baseType, Parameters.none());
        }
        List<DomainEntry.Constraint> constraints = new ArrayList<>();
        for (DomainStatement.Check check : create.checks()) {
            DomainChecks.condition(check.condition(), baseType, Parameters.none());
            String constraintName = check.constraintName() != null ? check.constraintName()
                    : freeName(name, constraints);
            for (DomainEntry.Constraint existing : constraints) {
                if (existing.name().equals(constraintName)) {
                    throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "constraint \"" + constraintName
                            + "\" for domain \"" + name + "\" already exists");
                }
            }
            constraints.add(new DomainEntry.Constraint(constraintName, check.condition(), check.text(), true));
        }
        // everything is checked before an oid is taken: a failed CREATE is not logged, so replay must not count it
        DomainEntry created = new DomainEntry(new DomainType(catalog.types().nextOid(), schema, name), baseType,
                create.defaultExpression(), create.defaultText(), create.notNull(), constraints);
        catalog.types().add(created);
        logDdl.accept(sql);
        if (block != null) {
            block.onRollback(() -> {
                if (catalog.types().remove(created)) {
                    logDdl.accept("DROP DOMAIN " + IdentifierQuoting.quote(schema) + "." + IdentifierQuoting.quote(name));
                }
            });
        }
        return QueryResultImpl.command("CREATE DOMAIN", 0, List.of());
    }

    /** What an ALTER DOMAIN makes of the domain's entry. */
    private interface DomainChange {
        DomainEntry apply(DomainEntry domain);
    }

    private QueryResultImpl alter(QualifiedName name, String sql, Transaction block, DomainChange change) {
        DomainEntry before = find(name);
        DomainEntry after = change.apply(before);
        catalog.types().replace(after);
        if (block == null) {
            logDdl.accept(sql);
        } else {
            block.onRollback(() -> catalog.types().replace(before));
            block.onCommit(() -> logDdl.accept(sql));
        }
        return QueryResultImpl.command("ALTER DOMAIN", 0, List.of());
    }

    /**
     * Checks that every stored value of a column of {@code domain} (or of a domain based on it) is a value of
     * {@code changed}: casts them all to it with {@code changed} filed in the catalog for the time of the query.
     * A NULL breaking NOT NULL is 23502 and a value breaking {@code constraint} 23514, worded as PostgreSQL words them.
     */
    private void checkStoredValues(DomainEntry domain, DomainEntry changed, String constraint) {
        List<String[]> columns = dependentColumns(domain);
        if (columns.isEmpty()) {
            return;
        }
        catalog.types().replace(changed);
        try {
            for (String[] column : columns) {
                String table = IdentifierQuoting.quote(column[0]) + "." + IdentifierQuoting.quote(column[1]);
                try {
                    execute.accept("SELECT count(" + IdentifierQuoting.quote(column[2]) + "::"
                            + IdentifierQuoting.quote(domain.schema()) + "." + IdentifierQuoting.quote(domain.name())
                            + ") FROM " + table);
                } catch (BasaltException e) {
                    if (e.sqlState() == SqlState.NOT_NULL_VIOLATION) {
                        throw BasaltException.of(SqlState.NOT_NULL_VIOLATION, "column \"" + column[2]
                                + "\" of table \"" + column[1] + "\" contains null values");
                    }
                    if (e.sqlState() == SqlState.CHECK_VIOLATION && constraint != null) {
                        throw BasaltException.of(SqlState.CHECK_VIOLATION, "column \"" + column[2] + "\" of table \""
                                + column[1] + "\" contains values that violate the new constraint");
                    }
                    throw e;
                }
            }
        } finally {
            catalog.types().replace(domain);
        }
    }

    private QueryResultImpl rename(DomainStatement.Rename rename, String sql, Transaction block) {
        DomainEntry domain = find(rename.name());
        if (catalog.types().find(domain.schema(), rename.newName()).isPresent()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "type \"" + rename.newName() + "\" already exists");
        }
        String oldName = domain.name();
        refile(domain, rename.newName());
        if (block == null) {
            logDdl.accept(sql);
        } else {
            block.onRollback(() -> refile(domain, oldName));
            block.onCommit(() -> logDdl.accept(sql));
        }
        return QueryResultImpl.command("ALTER DOMAIN", 0, List.of());
    }

    /** Files the domain under {@code newName} (its current entry: ALTER DOMAIN may have replaced it). */
    private void refile(DomainEntry domain, String newName) {
        DomainEntry current = (DomainEntry) catalog.types().find(domain.schema(), domain.name()).orElse(domain);
        catalog.types().remove(current);
        current.type().rename(newName);
        catalog.types().add(current);
    }

    private QueryResultImpl drop(DomainStatement.Drop drop, String sql, Transaction block) {
        List<String> notices = new ArrayList<>();
        List<DomainEntry> victims = new ArrayList<>();
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
            if (!(found instanceof DomainEntry domain)) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name.last() + "\" is not a domain");
            }
            if (!victims.contains(domain)) {
                victims.add(domain);
            }
        }
        List<String[]> columns = new ArrayList<>();
        List<DomainEntry> domains = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (DomainEntry victim : victims) {
            for (String[] column : directColumns(victim.type())) {
                columns.add(column);
                details.add("column " + column[2] + " of table " + column[1] + " depends on type " + victim.name());
            }
            for (UserType type : catalog.types().all()) {
                if (type instanceof DomainEntry derived && !victims.contains(derived)
                        && derived.baseType().domain() == victim.type()) {
                    domains.add(derived);
                    details.add("type " + derived.name() + " depends on type " + victim.name());
                }
            }
        }
        if (!details.isEmpty()) {
            if (!drop.cascade()) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop type "
                                + victims.getFirst().name() + " because other objects depend on it")
                        .withDetail(String.join("\n", details))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.add(details.size() == 1 ? "drop cascades to " + details.getFirst().substring(0,
                    details.getFirst().indexOf(" depends on ")) : "drop cascades to " + details.size() + " other objects");
            TypeStatements.dropColumns(columns, execute);
            for (DomainEntry derived : domains) {
                execute.accept("DROP DOMAIN IF EXISTS " + IdentifierQuoting.quote(derived.schema()) + "."
                        + IdentifierQuoting.quote(derived.name()) + " CASCADE");
            }
        }
        TypeStatements.removeTypes(catalog, victims, sql, block, logDdl);
        return QueryResultImpl.command("DROP DOMAIN", 0, notices);
    }

    /** The columns (schema, table, column) whose values are of {@code domain} or of a domain based on it. */
    private List<String[]> dependentColumns(DomainEntry domain) {
        List<String[]> columns = new ArrayList<>(directColumns(domain.type()));
        for (UserType type : catalog.types().all()) {
            if (type instanceof DomainEntry derived && derived.baseType().domain() == domain.type()) {
                columns.addAll(dependentColumns(derived));
            }
        }
        return columns;
    }

    /** The columns (schema, table, column) of type {@code domain} or of arrays of it. */
    private List<String[]> directColumns(DomainType domain) {
        List<String[]> columns = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            for (ColumnEntry column : table.columns()) {
                LogicalType type = column.type();
                if (type.domain() == domain || type.isArray() && type.element().domain() == domain) {
                    columns.add(new String[] {table.schema(), table.name(), column.name()});
                }
            }
        }
        return columns;
    }

    private static DomainEntry.Constraint requireConstraint(DomainEntry domain, String name) {
        DomainEntry.Constraint constraint = domain.constraint(name);
        if (constraint == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + name + "\" of domain \""
                    + domain.name() + "\" does not exist");
        }
        return constraint;
    }

    /** PostgreSQL's name for an unnamed CHECK of domain {@code domain}: {@code <domain>_check}, then _check1, ... */
    private static String freeName(String domain, List<DomainEntry.Constraint> taken) {
        for (int suffix = 0; ; suffix++) {
            String candidate = domain + "_check" + (suffix == 0 ? "" : Integer.toString(suffix));
            boolean used = false;
            for (DomainEntry.Constraint constraint : taken) {
                used |= constraint.name().equals(candidate);
            }
            if (!used) {
                return candidate;
            }
        }
    }

    private static String freeName(DomainEntry domain) {
        return freeName(domain.name(), domain.constraints());
    }

    /** The domain {@code name} names. @throws BasaltException 42704 when there is none, 42809 for another type */
    private DomainEntry find(QualifiedName name) {
        UserType found = catalog.findType(name);
        if (found == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + name.last() + "\" does not exist");
        }
        if (!(found instanceof DomainEntry domain)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, name.last() + " is not a domain");
        }
        return domain;
    }
}
