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
import io.basalt.error.BasaltException;
import java.util.function.Supplier;

/**
 * The binder's privilege checks on what a statement reads: USAGE on the schema and SELECT on each table, view and
 * sequence in FROM (a table readable only through column grants is read column by column, see
 * {@link AccessCheck#readColumnsOf}), and a view's own query checked as the view's owner. Without checks in force
 * ({@link AccessCheck#current} null: a superuser, log replay) every method returns at once.
 */
final class RelationAccess {
    private RelationAccess() {
    }

    /** Reading {@code table}: checks it, or registers it to be read under column privileges. */
    static void table(TableEntry table, int position) {
        AccessCheck check = AccessCheck.current();
        if (check == null) {
            return;
        }
        schemaUsage(check, table.schema(), position);
        SecuredObject object = check.authorization().object(Authorization.relationKey(table.schema(),
                table.name()), SecuredKind.TABLE);
        if ((check.privileges(object) & Privilege.SELECT.bit()) != 0) {
            return;
        }
        if (!check.anyColumn(object, Privilege.SELECT)) {
            throw AccessCheck.denied(SecuredKind.TABLE, table.name());
        }
        check.readColumnsOf(table, object, table.name());
    }

    /** Reading {@code sequence} in FROM. */
    static void sequence(SequenceEntry sequence, int position) {
        AccessCheck check = AccessCheck.current();
        if (check == null) {
            return;
        }
        schemaUsage(check, sequence.schema(), position);
        check.require(check.authorization().object(Authorization.relationKey(sequence.schema(),
                sequence.name()), SecuredKind.SEQUENCE), Privilege.SELECT.bit(), sequence.name());
    }

    /** nextval (USAGE or UPDATE), currval (USAGE or SELECT) or setval (UPDATE) of {@code sequence}. */
    static void sequenceCall(SequenceEntry sequence, io.basalt.sequence.SequenceFunction.Kind kind) {
        AccessCheck check = AccessCheck.current();
        if (check == null) {
            return;
        }
        SecuredObject object = check.authorization().object(Authorization.relationKey(sequence.schema(),
                sequence.name()), SecuredKind.SEQUENCE);
        int held = check.privileges(object);
        int needed = switch (kind) {
            case NEXTVAL -> Privilege.USAGE.bit() | Privilege.UPDATE.bit();
            case CURRVAL -> Privilege.USAGE.bit() | Privilege.SELECT.bit();
            case SETVAL -> Privilege.UPDATE.bit();
        };
        if ((held & needed) == 0) {
            throw AccessCheck.denied(SecuredKind.SEQUENCE, sequence.name());
        }
    }

    /** SELECT ... FOR UPDATE / SHARE of {@code table}: UPDATE on the table or on one of its columns. */
    static void lockRows(TableEntry table) {
        AccessCheck check = AccessCheck.current();
        if (check == null) {
            return;
        }
        SecuredObject object = check.authorization().object(Authorization.relationKey(table.schema(),
                table.name()), SecuredKind.TABLE);
        if ((check.privileges(object) & Privilege.UPDATE.bit()) == 0 && !check.anyColumn(object, Privilege.UPDATE)) {
            throw AccessCheck.denied(SecuredKind.TABLE, table.name());
        }
    }

    /** Reading {@code view}: checks SELECT on it, then binds its query ({@code expand}) under its owner's checks. */
    static BoundQuery view(ViewEntry view, int position, Supplier<BoundQuery> expand) {
        if (!AccessCheck.CURRENT.isBound()) {
            return expand.get();
        }
        AccessCheck bound = AccessCheck.CURRENT.get();
        SecuredKind kind = view.materialized() ? SecuredKind.MATERIALIZED_VIEW : SecuredKind.VIEW;
        SecuredObject object = bound.authorization().object(Authorization.relationKey(view.schema(), view.name()),
                kind);
        AccessCheck check = AccessCheck.current();
        if (check != null) {
            schemaUsage(check, view.schema(), position);
            check.require(object, Privilege.SELECT.bit(), view.name());
        }
        if (object.owner().equals(bound.role())) {
            return expand.get();
        }
        return ScopedValue.where(AccessCheck.CURRENT, bound.as(object.owner())).call(expand::get);
    }

    /** USAGE on {@code schema}; its error points at the name read, as PostgreSQL's does. */
    private static void schemaUsage(AccessCheck check, String schema, int position) {
        if (schema.startsWith(Catalog.TEMP_SCHEMA_ALIAS)) {
            return;
        }
        try {
            check.require(check.authorization().object(Authorization.schemaKey(schema), SecuredKind.SCHEMA),
                    Privilege.USAGE.bit(), schema);
        } catch (BasaltException denied) {
            throw denied.withPositionIfAbsent(position);
        }
    }

    /** A column of a stored table was resolved (or expanded by a star). */
    static void column(TableEntry table, int column) {
        if (table == null || !AccessCheck.CURRENT.isBound()) {
            return;
        }
        AccessCheck check = AccessCheck.current();
        if (check != null) {
            check.columnRead(table, column);
        }
    }
}
