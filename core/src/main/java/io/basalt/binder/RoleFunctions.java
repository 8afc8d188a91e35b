package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.catalog.privilege.SessionIdentity;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * current_user, current_role, user, session_user, and the privilege inquiry functions pg_has_role,
 * has_table_privilege, has_column_privilege, has_sequence_privilege and has_schema_privilege. All are evaluated when
 * the statement is bound, from the {@link SessionIdentity} in force, into constants: the inquiry functions take
 * constant arguments only (0A000 otherwise), the user first or left out (the current user).
 */
final class RoleFunctions {
    private RoleFunctions() {
    }

    static boolean handles(Expression.FunctionCall call) {
        String name = call.name().last();
        return switch (name) {
            case "current_user", "current_role", "user", "session_user" -> call.arguments().isEmpty()
                    && call.name().parts().size() == 1;
            case "pg_has_role", "has_table_privilege", "has_column_privilege", "has_sequence_privilege",
                 "has_schema_privilege", "has_function_privilege", "has_language_privilege",
                 "has_type_privilege" -> true;
            default -> false;
        };
    }

    static BoundExpression bind(Expression.FunctionCall call, ExpressionBinder binder) {
        String name = call.name().last();
        SessionIdentity identity = SessionIdentity.CURRENT.isBound() ? SessionIdentity.CURRENT.get()
                : new SessionIdentity(Authorization.BOOTSTRAP_SUPERUSER, Authorization.BOOTSTRAP_SUPERUSER,
                new Authorization(), null);
        int position = call.position();
        switch (name) {
            case "current_user", "current_role", "user" -> {
                return new BoundExpression.Constant(identity.currentUser(), LogicalType.TEXT, position);
            }
            case "session_user" -> {
                return new BoundExpression.Constant(identity.sessionUser(), LogicalType.TEXT, position);
            }
            default -> {
            }
        }
        List<BoundExpression> bound = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            BoundExpression expression = binder.bind(argument);
            bound.add(expression);
            if (!(expression instanceof BoundExpression.Constant constant)) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, argument.position(), name
                        + " takes constant arguments only");
            }
            if (constant.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.BOOLEAN, position);
            }
            values.add(String.valueOf(constant.value()));
        }
        int expected = name.equals("has_column_privilege") ? 3 : 2;
        if (values.size() != expected && values.size() != expected + 1) {
            throw Functions.undefined(name, bound, position);
        }
        String user = values.size() == expected + 1 ? values.removeFirst() : identity.currentUser();
        Authorization authorization = identity.authorization();
        try {
            user = user.equals("public") ? user : authorization.role(user).name();
            AccessCheck check = new AccessCheck(authorization, user);
            boolean result = switch (name) {
                case "pg_has_role" -> hasRole(authorization, user, values.get(0), values.get(1));
                case "has_schema_privilege" -> has(check, authorization.object(
                        Authorization.schemaKey(schema(identity.catalog(), values.get(0))), SecuredKind.SCHEMA),
                        values.get(1), SecuredKind.SCHEMA, null);
                case "has_function_privilege" -> {
                    SecuredObject routine = routine(identity.catalog(), values.get(0), authorization);
                    yield has(check, routine, values.get(1), routine.kind(), null);
                }
                case "has_type_privilege" -> {
                    io.basalt.catalog.UserType type = typeNamed(identity.catalog(), values.get(0));
                    yield has(check, authorization.object(Authorization.typeKey(type.schema(), type.name()),
                            SecuredKind.TYPE), values.get(1), SecuredKind.TYPE, null);
                }
                case "has_language_privilege" -> has(check, authorization.object(Authorization.languageKey(
                        values.get(0)), SecuredKind.LANGUAGE), values.get(1), SecuredKind.LANGUAGE, null);
                case "has_column_privilege" -> {
                    Relation relation = relation(identity.catalog(), values.get(0), authorization);
                    yield has(check, relation.object, values.get(2), SecuredKind.TABLE, values.get(1));
                }
                default -> {
                    Relation relation = relation(identity.catalog(), values.get(0), authorization);
                    if (name.equals("has_sequence_privilege") && relation.object.kind() != SecuredKind.SEQUENCE) {
                        throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + values.get(0)
                                + "\" is not a sequence");
                    }
                    yield has(check, relation.object, values.get(1), relation.object.kind(), null);
                }
            };
            return new BoundExpression.Constant(result, LogicalType.BOOLEAN, position);
        } catch (BasaltException failure) {
            throw failure.withPositionIfAbsent(position);
        }
    }

    private record Relation(SecuredObject object) {
    }

    private static Relation relation(Catalog catalog, String text, Authorization authorization) {
        String[] parts = text.split("\\.", 2);
        String schema = parts.length == 2 ? parts[0] : null;
        String name = parts.length == 2 ? parts[1] : parts[0];
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
            name = name.substring(1, name.length() - 1);
        } else {
            name = name.toLowerCase(Locale.ROOT);
        }
        if (catalog != null) {
            TableEntry table = catalog.findTable(schema, name).orElse(null);
            if (table != null) {
                return new Relation(authorization.object(Authorization.relationKey(table.schema(), table.name()),
                        SecuredKind.TABLE));
            }
            ViewEntry view = catalog.findView(schema, name).orElse(null);
            if (view != null) {
                return new Relation(authorization.object(Authorization.relationKey(view.schema(), view.name()),
                        view.materialized() ? SecuredKind.MATERIALIZED_VIEW : SecuredKind.VIEW));
            }
            SequenceEntry sequence = catalog.findSequence(schema, name).orElse(null);
            if (sequence != null) {
                return new Relation(authorization.object(Authorization.relationKey(sequence.schema(),
                        sequence.name()), SecuredKind.SEQUENCE));
            }
        }
        throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + text + "\" does not exist");
    }

    /** The user-defined type {@code text} names ({@code [schema.]name}). */
    private static io.basalt.catalog.UserType typeNamed(Catalog catalog, String text) {
        String[] parts = text.strip().split("\\.", 2);
        java.util.Optional<io.basalt.catalog.UserType> type = catalog == null ? java.util.Optional.empty()
                : parts.length == 2 ? catalog.types().find(parts[0], parts[1])
                : catalog.types().find(catalog.searchedSchemas(), parts[0]);
        return type.orElseThrow(() -> BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + text
                + "\" does not exist"));
    }

    /** The routine {@code text} names ({@code [schema.]name(argument types)}; overloads share privileges). */
    private static SecuredObject routine(Catalog catalog, String text, Authorization authorization) {
        int open = text.indexOf('(');
        String qualified = (open < 0 ? text : text.substring(0, open)).strip();
        String[] parts = qualified.split("\\.", 2);
        String schema = parts.length == 2 ? parts[0].toLowerCase(Locale.ROOT) : null;
        String name = (parts.length == 2 ? parts[1] : parts[0]).toLowerCase(Locale.ROOT);
        if (catalog != null && io.basalt.routine.RoutineRuntime.CURRENT.isBound()) {
            List<io.basalt.catalog.privilege.SecuredRoutines.Routine> found =
                    io.basalt.catalog.privilege.SecuredRoutines.named(
                            io.basalt.routine.RoutineRuntime.CURRENT.get().routines(), catalog, schema, name);
            if (!found.isEmpty()) {
                SecuredKind kind = found.getFirst().kind() == SecuredKind.AGGREGATE ? SecuredKind.FUNCTION
                        : found.getFirst().kind();
                return authorization.object(found.getFirst().key(), kind);
            }
        }
        throw BasaltException.of(SqlState.UNDEFINED_FUNCTION, "function \"" + text + "\" does not exist");
    }

    private static String schema(Catalog catalog, String name) {
        if (catalog != null && !catalog.schemaNames().contains(name) && !name.equals("pg_catalog")
                && !name.equals("information_schema")) {
            throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        return name;
    }

    /** Whether any privilege of the comma-separated {@code text} is held (WITH GRANT OPTION: grantable). */
    private static boolean has(AccessCheck check, SecuredObject object, String text, SecuredKind kind,
                               String column) {
        for (String item : text.split(",")) {
            String word = item.trim().toLowerCase(Locale.ROOT);
            boolean grantOption = word.endsWith(" with grant option");
            if (grantOption) {
                word = word.substring(0, word.length() - " with grant option".length()).trim();
            }
            Privilege privilege = Privilege.named(word);
            if (privilege == null || (kind.applicable() & privilege.bit()) == 0) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized privilege type: \""
                        + item.trim() + "\"");
            }
            int held = grantOption ? check.grantable(object) : check.privileges(object);
            if (column != null) {
                held |= grantOption ? check.columnGrantable(object, column) : check.columnPrivileges(object, column);
            }
            if ((held & privilege.bit()) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRole(Authorization authorization, String user, String role, String text) {
        authorization.role(role);
        boolean result = false;
        for (String item : text.split(",")) {
            String word = item.trim().toLowerCase(Locale.ROOT);
            boolean grantOption = word.endsWith(" with admin option") || word.endsWith(" with grant option");
            if (grantOption) {
                word = word.substring(0, word.length() - " with admin option".length()).trim();
            }
            result |= switch (word) {
                case "member", "set" -> authorization.superuser(user) || authorization.reaches(user, role, false);
                case "usage" -> authorization.superuser(user) || authorization.reaches(user, role, true);
                default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized privilege type: \"" + item.trim() + "\"");
            };
        }
        return result;
    }
}
