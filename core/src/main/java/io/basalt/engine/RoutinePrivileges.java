package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.catalog.privilege.SecuredRoutines;
import io.basalt.routine.RoutineCatalog;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Ownership and privileges of routines around the statements about them: CREATE FUNCTION / PROCEDURE needs USAGE
 * on its language, CREATE OR REPLACE and DROP of a function, procedure or aggregate need its ownership, and a
 * routine a statement creates belongs to the role that created it, with the default privileges ALTER DEFAULT
 * PRIVILEGES set for its schema (PUBLIC may EXECUTE it otherwise).
 */
final class RoutinePrivileges {
    private final Catalog catalog;
    private final RoutineCatalog routines;
    private final Authorization authorization;

    RoutinePrivileges(Catalog catalog, RoutineCatalog routines, Authorization authorization) {
        this.catalog = catalog;
        this.routines = routines;
        this.authorization = authorization;
    }

    /** The checks before {@code statement} runs ({@code check} null: none, a superuser or log replay). */
    void before(Statement statement, AccessCheck check) {
        if (check == null || !(statement instanceof RoutineStatement routine)) {
            return;
        }
        switch (routine) {
            case RoutineStatement.CreateFunction create -> {
                if (create.language() != null) {
                    String language = create.language().toLowerCase(java.util.Locale.ROOT);
                    check.require(authorization.object(Authorization.languageKey(language), SecuredKind.LANGUAGE),
                            Privilege.USAGE.bit(), language);
                }
                if (create.orReplace()) {
                    requireOwners(List.of(create.name()), check);
                }
            }
            case RoutineStatement.CreateAggregate create when create.orReplace() ->
                    requireOwners(List.of(create.name()), check);
            case RoutineStatement.DropFunction drop -> requireOwners(names(drop.routines()), check);
            case RoutineStatement.DropAggregate drop -> requireOwners(names(drop.aggregates()), check);
            default -> {
            }
        }
    }

    private static List<QualifiedName> names(List<RoutineStatement.RoutineSignature> signatures) {
        List<QualifiedName> names = new ArrayList<>();
        for (RoutineStatement.RoutineSignature signature : signatures) {
            names.add(signature.name());
        }
        return names;
    }

    private void requireOwners(List<QualifiedName> names, AccessCheck check) {
        for (QualifiedName name : names) {
            for (SecuredRoutines.Routine routine : find(name)) {
                // PostgreSQL names the routine as the statement wrote it ("must be owner of function s.f")
                check.requireOwner(authorization.object(routine.key(), routine.kind()),
                        String.join(".", name.parts()));
            }
        }
    }

    private List<SecuredRoutines.Routine> find(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            return List.of();
        }
        return SecuredRoutines.named(routines, catalog, schema, name.last());
    }

    private static QualifiedName typeCreated(Statement statement) {
        return switch (statement) {
            case io.basalt.sql.ast.TypeStatement.CreateEnum create -> create.name();
            case io.basalt.sql.ast.TypeStatement.CreateComposite create -> create.name();
            case io.basalt.sql.ast.TypeStatement.CreateRange create -> create.name();
            case io.basalt.sql.ast.DomainStatement.Create create -> create.name();
            default -> null;
        };
    }

    private io.basalt.catalog.UserType findType(QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return (schema != null ? catalog.types().find(schema, name.last())
                : catalog.types().find(catalog.searchedSchemas(), name.last())).orElse(null);
    }

    /**
     * Whether {@code statement} defines something that comes to depend on the types it names (so that USAGE on them
     * is checked, see {@link io.basalt.binder.TypeUsage}).
     */
    static boolean defines(Statement statement) {
        return statement instanceof io.basalt.sql.ast.CreateTableStatement
                || statement instanceof io.basalt.sql.ast.CreateTableAsStatement
                || statement instanceof io.basalt.sql.ast.CreateViewStatement
                || statement instanceof io.basalt.sql.ast.CreateMaterializedViewStatement
                || statement instanceof io.basalt.sql.ast.AlterTableStatement
                || statement instanceof io.basalt.sql.ast.CreateIndexStatement
                || statement instanceof io.basalt.sql.ast.DomainStatement
                || statement instanceof io.basalt.sql.ast.TypeStatement
                || statement instanceof io.basalt.sql.ast.PolicyStatement
                || statement instanceof RoutineStatement.CreateFunction
                || statement instanceof RoutineStatement.CreateAggregate;
    }

    /** The key of the routine {@code statement} creates when no routine of its name exists yet, or null. */
    String creation(Statement statement) {
        QualifiedName type = typeCreated(statement);
        if (type != null) {
            return findType(type) == null ? type.toString() : null;
        }
        QualifiedName name = switch (statement) {
            case RoutineStatement.CreateFunction create -> create.name();
            case RoutineStatement.CreateAggregate create -> create.name();
            default -> null;
        };
        if (name == null || !find(name).isEmpty()) {
            return null;
        }
        return name.toString();
    }

    /** After a statement {@link #creation} named: the new routine belongs to {@code owner}. */
    void created(Statement statement, String owner) {
        QualifiedName type = typeCreated(statement);
        if (type != null) {
            io.basalt.catalog.UserType created = findType(type);
            if (created != null) {
                authorization.putObject(Authorization.typeKey(created.schema(), created.name()),
                        SecuredObject.owned(SecuredKind.TYPE, owner).withAcl(authorization.initialAcl(owner,
                                created.schema(), "T", SecuredKind.TYPE)));
            }
            return;
        }
        QualifiedName name = statement instanceof RoutineStatement.CreateFunction create ? create.name()
                : ((RoutineStatement.CreateAggregate) statement).name();
        for (SecuredRoutines.Routine routine : find(name)) {
            authorization.putObject(routine.key(), SecuredObject.owned(routine.kind(), owner)
                    .withAcl(authorization.initialAcl(owner, routine.schema(), "f", routine.kind())));
        }
    }
}
