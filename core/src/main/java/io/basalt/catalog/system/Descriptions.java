package io.basalt.catalog.system;

import io.basalt.catalog.Comments;
import io.basalt.catalog.DomainEntry;
import io.basalt.catalog.UserType;
import java.util.List;

/**
 * Where the comments of {@link Comments} are filed, and obj_description / col_description, which read them: a
 * relation's under its pg_class oid, a column's under its relation's oid and its name, a table constraint's under
 * its pg_constraint oid, a schema's under its pg_namespace oid, a type's under its pg_type oid, a domain
 * constraint's under its domain's oid and its name. The owner a relation's comment is checked against is what the
 * relation stores its rows in (kept by ALTER TABLE; a dropped and recreated table has a new one), else the view,
 * sequence or system relation itself.
 */
public final class Descriptions {
    private Descriptions() {
    }

    public static String relationKey(CatalogObjects.Relation relation) {
        return "pg_class:" + relation.oid();
    }

    public static String columnKey(CatalogObjects.Relation relation, String column) {
        return "pg_class:" + relation.oid() + ":" + column;
    }

    public static String constraintKey(CatalogObjects.Constraint constraint) {
        return "pg_constraint:" + constraint.oid();
    }

    public static String namespaceKey(CatalogObjects.Namespace namespace) {
        return "pg_namespace:" + namespace.oid();
    }

    public static String typeKey(UserType type) {
        return "pg_type:" + type.oid();
    }

    public static String domainConstraintKey(DomainEntry domain, String constraint) {
        return "pg_constraint:domain:" + domain.oid() + ":" + constraint;
    }

    /** The object a relation's comments are on. */
    public static Object owner(CatalogObjects.Relation relation) {
        if (relation.table() != null) {
            return relation.table().store();
        }
        if (relation.view() != null) {
            return relation.view().rows() != null ? relation.view().rows() : relation.view().query();
        }
        if (relation.sequence() != null) {
            return relation.sequence();
        }
        return relation.system();
    }

    /** The column names of {@code relation} in order (attnum 1 first), empty for kinds without columns. */
    public static List<String> columnNames(CatalogObjects.Relation relation) {
        if (relation.kind() == 'i' || relation.kind() == 'I') {
            return List.of();
        }
        if (relation.table() != null) {
            return relation.table().columns().stream().map(column -> column.name()).toList();
        }
        if (relation.view() != null) {
            return relation.view().columnNames();
        }
        if (relation.system() != null) {
            return relation.system().columnNames();
        }
        return List.of();
    }

    /** obj_description(oid, catalog): the comment on the object, or null ({@code catalog} null: any catalog). */
    static String objectDescription(CatalogObjects objects, long oid, String catalog) {
        Comments comments = objects.catalog().comments();
        if (catalog == null || catalog.equals("pg_class")) {
            CatalogObjects.Relation relation = objects.relation(oid);
            if (relation != null) {
                return comments.text(relationKey(relation), owner(relation));
            }
        }
        if (catalog == null || catalog.equals("pg_constraint")) {
            CatalogObjects.Constraint constraint = objects.constraint(oid);
            if (constraint != null) {
                return comments.text(constraintKey(constraint), owner(constraint.relation()));
            }
        }
        if (catalog == null || catalog.equals("pg_namespace")) {
            CatalogObjects.Namespace namespace = objects.namespace(oid);
            if (namespace != null) {
                return comments.text(namespaceKey(namespace), null);
            }
        }
        if (catalog == null || catalog.equals("pg_type")) {
            for (UserType type : objects.catalog().types().all()) {
                if (type.oid() == oid) {
                    return comments.text(typeKey(type), null);
                }
            }
        }
        return null;
    }

    /** col_description(oid, attnum): the comment on the column, or null. */
    static String columnDescription(CatalogObjects objects, long oid, long attnum) {
        CatalogObjects.Relation relation = objects.relation(oid);
        if (relation == null) {
            return null;
        }
        List<String> names = columnNames(relation);
        if (attnum < 1 || attnum > names.size()) {
            return null;
        }
        return objects.catalog().comments().text(columnKey(relation, names.get((int) attnum - 1)), owner(relation));
    }
}
