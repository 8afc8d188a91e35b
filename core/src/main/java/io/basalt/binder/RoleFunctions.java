package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.AclItem;
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
        List<Object> constants = new ArrayList<>();
        boolean allConstant = true;
        for (Expression argument : call.arguments()) {
            BoundExpression expression = binder.bind(argument);
            bound.add(expression);
            if (expression instanceof BoundExpression.Constant constant) {
                constants.add(constant.value());
            } else {
                allConstant = false;
            }
        }
        int expected = name.equals("has_column_privilege") ? 3 : 2;
        if (bound.size() != expected && bound.size() != expected + 1) {
            throw Functions.undefined(name, bound, position);
        }
        io.basalt.catalog.system.CatalogObjects objects = identity.catalog() == null ? null
                : io.basalt.catalog.system.CatalogObjects.of(identity.catalog());
        if (!allConstant) {
            List<BoundExpression> arguments = new ArrayList<>();
            for (BoundExpression argument : bound) {
                arguments.add(argument.type().id() == io.basalt.type.TypeId.UNKNOWN
                        ? Coercion.cast(argument, LogicalType.TEXT, false) : argument);
            }
            return new BoundExpression.Function(new Inquiry(name, identity, objects), arguments, LogicalType.BOOLEAN,
                    position);
        }
        // PostgreSQL reports the inquiry functions' errors without a position
        return new BoundExpression.Constant(inquire(name, constants, identity, objects), LogicalType.BOOLEAN,
                position);
    }

    /** An inquiry function evaluated row by row (some argument is not a constant). */
    private record Inquiry(String name, SessionIdentity identity, io.basalt.catalog.system.CatalogObjects objects)
            implements io.basalt.plan.expression.VolatileFunction {
        @Override
        public org.apache.arrow.vector.FieldVector apply(org.apache.arrow.vector.FieldVector[] arguments, int rows,
                                                         LogicalType resultType,
                                                         io.basalt.exec.expression.EvaluationContext context) {
            org.apache.arrow.vector.FieldVector out = context.newVector(resultType, rows);
            for (int r = 0; r < rows; r++) {
                List<Object> values = new ArrayList<>();
                for (org.apache.arrow.vector.FieldVector argument : arguments) {
                    values.add(io.basalt.exec.vector.ValueAccess.get(argument, r));
                }
                io.basalt.exec.vector.ValueAccess.set(out, r, inquire(name, values, identity, objects));
            }
            out.setValueCount(rows);
            return out;
        }
    }

    /**
     * One inquiry over argument values: names as text, roles and relations also as oids (an unknown role oid holds
     * nothing; an unknown relation oid or column number gives NULL, as in PostgreSQL), NULL for any NULL argument.
     */
    private static Boolean inquire(String name, List<Object> arguments, SessionIdentity identity,
                                   io.basalt.catalog.system.CatalogObjects objects) {
        for (Object argument : arguments) {
            if (argument == null) {
                return null;
            }
        }
        List<Object> values = new ArrayList<>(arguments);
        int expected = name.equals("has_column_privilege") ? 3 : 2;
        Object userValue = values.size() == expected + 1 ? values.removeFirst() : identity.currentUser();
        Authorization authorization = identity.authorization();
        String user;
        if (userValue instanceof Number oid) {
            user = io.basalt.catalog.system.RoleRelations.roleNamed(authorization, oid.longValue());
            if (user == null) {
                return false;
            }
        } else {
            user = String.valueOf(userValue);
            user = user.equals("public") ? user : authorization.role(user).name();
        }
        AccessCheck check = new AccessCheck(authorization, user);
        String first = String.valueOf(values.get(0));
        String last = String.valueOf(values.getLast());
        return switch (name) {
            case "pg_has_role" -> hasRole(authorization, user, values.get(0) instanceof Number oid
                    ? io.basalt.catalog.system.RoleRelations.roleNamed(authorization, oid.longValue()) : first, last);
            case "has_schema_privilege" -> has(check, authorization.object(
                    Authorization.schemaKey(schema(identity.catalog(), first)), SecuredKind.SCHEMA),
                    last, SecuredKind.SCHEMA, null);
            case "has_function_privilege" -> {
                SecuredObject routine = routine(identity.catalog(), first, authorization);
                yield has(check, routine, last, routine.kind(), null);
            }
            case "has_type_privilege" -> {
                io.basalt.catalog.UserType type = typeNamed(identity.catalog(), first);
                yield has(check, authorization.object(Authorization.typeKey(type.schema(), type.name()),
                        SecuredKind.TYPE), last, SecuredKind.TYPE, null);
            }
            case "has_language_privilege" -> has(check, authorization.object(Authorization.languageKey(first),
                    SecuredKind.LANGUAGE), last, SecuredKind.LANGUAGE, null);
            case "has_column_privilege" -> {
                Relation relation = relation(identity.catalog(), objects, values.get(0), authorization);
                if (relation == null) {
                    yield null;
                }
                String column = column(relation, values.get(1), identity.catalog());
                if (column == null) {
                    yield null;
                }
                yield has(check, relation.object, last, SecuredKind.TABLE, column);
            }
            default -> {
                Relation relation = relation(identity.catalog(), objects, values.get(0), authorization);
                if (relation == null) {
                    yield null;
                }
                if (name.equals("has_sequence_privilege") && relation.object.kind() != SecuredKind.SEQUENCE) {
                    throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + first + "\" is not a sequence");
                }
                yield has(check, relation.object, last, relation.object.kind(), null);
            }
        };
    }

    /** The column a has_column_privilege argument names (a name, or a number counted from 1), or null. */
    private static String column(Relation relation, Object value, Catalog catalog) {
        List<String> columns = relation.columns;
        if (value instanceof Number number) {
            int index = number.intValue();
            return index >= 1 && index <= columns.size() ? columns.get(index - 1) : null;
        }
        String name = String.valueOf(value);
        if (!columns.contains(name) && !List.of("tableoid", "ctid", "xmin", "xmax", "cmin", "cmax").contains(name)) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                    + relation.name + "\" does not exist");
        }
        return name;
    }

    private record Relation(SecuredObject object, String name, List<String> columns) {
    }

    /**
     * The relation a name or an oid names, with its entry: a table, view or sequence, or a system relation (PUBLIC
     * may read them all but pg_authid). Null for an unknown oid; 42P01 for an unknown name.
     */
    private static Relation relation(Catalog catalog, io.basalt.catalog.system.CatalogObjects objects, Object value,
                                     Authorization authorization) {
        String schema;
        String name;
        if (value instanceof Number oid) {
            io.basalt.catalog.system.CatalogObjects.Relation found = objects == null ? null
                    : objects.relation(oid.longValue());
            if (found == null) {
                return null;
            }
            schema = found.schema();
            name = found.name();
        } else {
            String text = String.valueOf(value);
            String[] parts = text.split("\\.", 2);
            schema = parts.length == 2 ? parts[0] : null;
            name = parts.length == 2 ? parts[1] : parts[0];
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
                name = name.substring(1, name.length() - 1);
            } else {
                name = name.toLowerCase(Locale.ROOT);
            }
        }
        if (catalog != null) {
            TableEntry table = catalog.findTable(schema, name).orElse(null);
            if (table != null) {
                List<String> columns = new ArrayList<>();
                for (io.basalt.catalog.ColumnEntry column : table.columns()) {
                    columns.add(column.name());
                }
                return new Relation(authorization.object(Authorization.relationKey(table.schema(), table.name()),
                        SecuredKind.TABLE), table.name(), columns);
            }
            ViewEntry view = catalog.findView(schema, name).orElse(null);
            if (view != null) {
                return new Relation(authorization.object(Authorization.relationKey(view.schema(), view.name()),
                        view.materialized() ? SecuredKind.MATERIALIZED_VIEW : SecuredKind.VIEW), view.name(),
                        view.columnNames());
            }
            SequenceEntry sequence = catalog.findSequence(schema, name).orElse(null);
            if (sequence != null) {
                return new Relation(authorization.object(Authorization.relationKey(sequence.schema(),
                        sequence.name()), SecuredKind.SEQUENCE), sequence.name(), List.of());
            }
        }
        io.basalt.catalog.system.SystemRelation system = io.basalt.catalog.system.SystemRelations.find(schema, name);
        if (system != null) {
            String reader = io.basalt.catalog.system.StatisticsRelations.NAMES.contains(system.name())
                    ? "pg_read_all_stats" : AclItem.PUBLIC;
            List<AclItem> acl = system.name().equals("pg_authid") ? List.of(new AclItem(
                    Authorization.BOOTSTRAP_SUPERUSER, Authorization.BOOTSTRAP_SUPERUSER, SecuredKind.TABLE.applicable(),
                    0)) : List.of(new AclItem(Authorization.BOOTSTRAP_SUPERUSER, Authorization.BOOTSTRAP_SUPERUSER,
                    SecuredKind.TABLE.applicable(), 0), new AclItem(reader, Authorization.BOOTSTRAP_SUPERUSER,
                    Privilege.SELECT.bit(), 0));
            return new Relation(new SecuredObject(SecuredKind.TABLE, Authorization.BOOTSTRAP_SUPERUSER, acl,
                    java.util.Map.of()), system.name(), system.columnNames());
        }
        throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + value + "\" does not exist");
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
