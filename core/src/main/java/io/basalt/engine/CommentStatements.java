package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.Comments;
import io.basalt.catalog.DomainEntry;
import io.basalt.catalog.UserType;
import io.basalt.catalog.system.CatalogObjects;
import io.basalt.catalog.system.Descriptions;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CommentStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.storage.transaction.Transaction;
import java.util.List;
import java.util.function.Consumer;

/**
 * COMMENT ON: finds the object as PostgreSQL does (with its errors for a missing object or one of another kind),
 * files the comment in the catalog's {@link Comments} and logs the statement, whose replay puts the comment back on
 * reopening. In a transaction block the comment is logged at COMMIT and taken back at ROLLBACK.
 */
final class CommentStatements {
    private final Catalog catalog;
    private final Consumer<String> logDdl;

    CommentStatements(Catalog catalog, Consumer<String> logDdl) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.logDdl = requireNonNull(logDdl, "logDdl is null");
    }

    /** Runs {@code comment} (written as {@code sql}) in {@code block}, the open transaction block or null. */
    QueryResultImpl run(CommentStatement comment, String sql, Transaction block) {
        Target target = target(comment);
        Comments comments = catalog.comments();
        Comments.Comment previous = comments.set(target.key(), target.owner(), comment.text());
        if (block == null) {
            logDdl.accept(sql);
        } else {
            block.onRollback(() -> comments.restore(target.key(), previous));
            block.onCommit(() -> logDdl.accept(sql));
        }
        return QueryResultImpl.command("COMMENT", 0, List.of());
    }

    /** Where a comment is filed: its key and the object it is on. */
    private record Target(String key, Object owner) {
    }

    private Target target(CommentStatement comment) {
        CatalogObjects objects = CatalogObjects.of(catalog);
        return switch (comment.kind()) {
            case TABLE, VIEW, MATERIALIZED_VIEW, SEQUENCE, INDEX -> {
                CatalogObjects.Relation relation = relation(objects, comment.name());
                requireKind(relation, comment.kind());
                yield new Target(Descriptions.relationKey(relation), Descriptions.owner(relation));
            }
            case COLUMN -> column(objects, comment.name());
            case TABLE_CONSTRAINT -> {
                CatalogObjects.Relation relation = relation(objects, comment.on());
                String name = comment.name().last();
                for (CatalogObjects.Constraint constraint : objects.constraints()) {
                    if (constraint.relation().oid() == relation.oid() && constraint.name().equals(name)) {
                        yield new Target(Descriptions.constraintKey(constraint),
                                Descriptions.owner(constraint.relation()));
                    }
                }
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + name + "\" for table \""
                        + relation.name() + "\" does not exist");
            }
            case DOMAIN_CONSTRAINT -> {
                DomainEntry domain = domain(comment.on());
                String name = comment.name().last();
                if (domain.constraint(name) == null) {
                    throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "constraint \"" + name + "\" for domain "
                            + domain.name() + " does not exist");
                }
                yield new Target(Descriptions.domainConstraintKey(domain, name), null);
            }
            case SCHEMA -> {
                CatalogObjects.Namespace namespace = objects.namespace(comment.name().last());
                if (namespace == null) {
                    throw BasaltException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"" + comment.name().last()
                            + "\" does not exist");
                }
                yield new Target(Descriptions.namespaceKey(namespace), null);
            }
            case TYPE -> new Target(Descriptions.typeKey(type(comment.name())), null);
            case DOMAIN -> new Target(Descriptions.typeKey(domain(comment.name())), null);
        };
    }

    private static CatalogObjects.Relation relation(CatalogObjects objects, QualifiedName name) {
        CatalogObjects.Relation relation = objects.lookup(name.parts());
        if (relation == null) {
            throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return relation;
    }

    /** PostgreSQL's 42809 when the relation is not of the kind the statement names. */
    private static void requireKind(CatalogObjects.Relation relation, CommentStatement.ObjectKind kind) {
        char found = relation.kind();
        String noun = switch (kind) {
            case TABLE -> found == 'r' || found == 'p' || found == 'f' ? null : "a table";
            case VIEW -> found == 'v' ? null : "a view";
            case MATERIALIZED_VIEW -> found == 'm' ? null : "a materialized view";
            case SEQUENCE -> found == 'S' ? null : "a sequence";
            case INDEX -> found == 'i' || found == 'I' ? null : "an index";
            default -> null;
        };
        if (noun != null) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + relation.name() + "\" is not " + noun);
        }
    }

    private static Target column(CatalogObjects objects, QualifiedName name) {
        List<String> parts = name.parts();
        if (parts.size() < 2) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "column name must be qualified");
        }
        QualifiedName relationName = new QualifiedName(parts.subList(0, parts.size() - 1), name.position());
        CatalogObjects.Relation relation = relation(objects, relationName);
        String column = parts.getLast();
        if (!Descriptions.columnNames(relation).contains(column)) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                    + relation.name() + "\" does not exist");
        }
        return new Target(Descriptions.columnKey(relation, column), Descriptions.owner(relation));
    }

    private UserType type(QualifiedName name) {
        UserType type = catalog.findType(name);
        if (type == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        }
        return type;
    }

    private DomainEntry domain(QualifiedName name) {
        UserType type = type(name);
        if (!(type instanceof DomainEntry domain)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a domain");
        }
        return domain;
    }
}
