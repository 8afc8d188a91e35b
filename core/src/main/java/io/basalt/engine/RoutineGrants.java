package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredRoutines;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.routine.RoutineCatalog;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of GRANT / REVOKE ON FUNCTION | PROCEDURE | ROUTINE (and ALL FUNCTIONS | PROCEDURES | ROUTINES IN
 * SCHEMA) and ON LANGUAGE, with PostgreSQL's errors for a routine of the wrong kind, a missing one, and an untrusted
 * language. Routines are matched by name: the overloads of a name share their privileges.
 */
final class RoutineGrants {
    /** The languages a CREATE FUNCTION may name; only the trusted ones take GRANT and REVOKE. */
    private static final List<String> TRUSTED = List.of("sql", "plpgsql");
    private static final List<String> UNTRUSTED = List.of("c", "internal");

    private RoutineGrants() {
    }

    static List<SecuredObjects.Found> objects(PrivilegeStatement.GrantPrivileges grant, RoutineCatalog routines,
                                              Catalog catalog) {
        String kind = grant.kind();
        List<SecuredObjects.Found> found = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (grant.inSchemas()) {
            for (QualifiedName schema : grant.objects()) {
                SecuredObjects.requireSchema(catalog, schema.last());
                for (SecuredRoutines.Routine routine : SecuredRoutines.inSchema(routines, schema.last(), null)) {
                    boolean wanted = switch (kind) {
                        case "FUNCTION" -> routine.kind() != SecuredKind.PROCEDURE;
                        case "PROCEDURE" -> routine.kind() == SecuredKind.PROCEDURE;
                        default -> true;
                    };
                    if (wanted && !keys.contains(routine.key())) {
                        keys.add(routine.key());
                        found.add(new SecuredObjects.Found(routine.kind(), routine.schema(), routine.name(),
                                routine.key()));
                    }
                }
            }
            return found;
        }
        for (QualifiedName name : grant.objects()) {
            List<String> parts = name.parts();
            String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
            List<SecuredRoutines.Routine> named = SecuredRoutines.named(routines, catalog, schema, name.last());
            if (named.isEmpty()) {
                throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, (kind.equals("PROCEDURE") ? "procedure "
                        : "function ") + name + " does not exist");
            }
            SecuredRoutines.Routine routine = named.getFirst();
            if (kind.equals("FUNCTION") && routine.kind() == SecuredKind.PROCEDURE) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, routine.signature() + " is not a function");
            }
            if (kind.equals("PROCEDURE") && routine.kind() != SecuredKind.PROCEDURE) {
                throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, routine.signature() + " is not a procedure");
            }
            SecuredKind shown = switch (kind) {
                case "FUNCTION" -> SecuredKind.FUNCTION;
                case "PROCEDURE" -> SecuredKind.PROCEDURE;
                default -> routine.kind();
            };
            if (!keys.contains(routine.key())) {
                keys.add(routine.key());
                found.add(new SecuredObjects.Found(shown, routine.schema(), routine.name(), routine.key()));
            }
        }
        return found;
    }

    /** The language {@code name} as a GRANT names it. */
    static SecuredObjects.Found language(String name) {
        if (UNTRUSTED.contains(name)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "language \"" + name + "\" is not trusted")
                    .withDetail("GRANT and REVOKE are not allowed on untrusted languages, because only superusers can"
                            + " use untrusted languages.");
        }
        if (!TRUSTED.contains(name)) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "language \"" + name + "\" does not exist");
        }
        return new SecuredObjects.Found(SecuredKind.LANGUAGE, name, name, Authorization.languageKey(name));
    }
}
