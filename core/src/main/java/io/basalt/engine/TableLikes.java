package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE TABLE ... (LIKE source [INCLUDING ...])}: the source's columns (names, types, NOT NULL) written in
 * as column definitions where the clause stands; INCLUDING DEFAULTS copies the defaults (a serial column's
 * nextval too, as in PostgreSQL), INCLUDING IDENTITY the identity columns (with a new sequence of default
 * options), INCLUDING CONSTRAINTS the CHECK constraints under their names, INCLUDING INDEXES the primary key and
 * unique constraints (named for the new table). Foreign keys are never copied, nor are indexes made by CREATE
 * INDEX yet; COMMENTS, COMPRESSION, GENERATED, STATISTICS and STORAGE have nothing to copy.
 */
final class TableLikes {
    /** The statement with its LIKE clauses written out, and the CHECK constraints they copy (bound, renumbered). */
    record Expanded(CreateTableStatement create, List<CheckConstraintEntry> checks) {
    }

    private TableLikes() {
    }

    static Expanded expand(CreateTableStatement create, Catalog catalog) {
        if (create.likes().isEmpty()) {
            return new Expanded(create, List.of());
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>(create.constraints());
        List<CheckConstraintEntry> checks = new ArrayList<>();
        int nextLike = 0;
        for (int c = 0; c <= create.columns().size(); c++) {
            while (nextLike < create.likes().size() && create.likes().get(nextLike).columnIndex() == c) {
                copy(create.likes().get(nextLike++), catalog, columns, constraints, checks);
            }
            if (c < create.columns().size()) {
                columns.add(create.columns().get(c));
            }
        }
        return new Expanded(new CreateTableStatement(create.name(), create.ifNotExists(), columns, constraints,
                create.temporary(), List.of(), create.hierarchy(), create.position(), create.storageParameters()), checks);
    }

    private static void copy(CreateTableStatement.Like like, Catalog catalog, List<ColumnDefinition> columns,
                             List<TableConstraint> constraints, List<CheckConstraintEntry> checks) {
        QualifiedName name = like.source();
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        TableEntry source = catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist"));
        int offset = columns.size();
        for (ColumnEntry column : source.columns()) {
            List<ColumnConstraint> copied = new ArrayList<>();
            if (column.notNull()) {
                // PostgreSQL 18 copies the not-null constraint with its name
                copied.add(new ColumnConstraint.NotNull(column.notNullName(source.name()), like.position()));
            }
            if (column.identity() != null && like.including().contains("IDENTITY")) {
                copied.add(new ColumnConstraint.Identity(null, column.identity() == ColumnEntry.Identity.ALWAYS,
                        List.of(), like.position()));
            } else if (column.identity() == null && column.defaultExpression() != null
                    && like.including().contains("DEFAULTS")) {
                copied.add(new ColumnConstraint.Default(null, column.defaultExpression(), like.position()));
            }
            columns.add(new ColumnDefinition(column.name(), typeName(column), copied, like.position()));
        }
        if (like.including().contains("CONSTRAINTS")) {
            int[] mapping = new int[source.columns().size()];
            for (int c = 0; c < mapping.length; c++) {
                mapping[c] = offset + c;
            }
            for (CheckConstraintEntry check : source.checks()) {
                checks.add(check.with(check.name(), ColumnReferences.renumber(check.condition(), mapping))
                        .withValidated(true));
            }
        }
        if (like.including().contains("INDEXES")) {
            for (UniqueConstraintEntry key : source.uniqueKeys()) {
                List<String> keyColumns = new ArrayList<>();
                for (int column : key.columns()) {
                    keyColumns.add(source.columns().get(column).name());
                }
                constraints.add(key.primaryKey()
                        ? new TableConstraint.PrimaryKey(null, keyColumns, like.position())
                        : new TableConstraint.Unique(null, keyColumns, like.position()));
            }
        }
    }

    /** The column's type as written, read back from how PostgreSQL prints it. */
    private static TypeName typeName(ColumnEntry column) {
        CreateTableStatement parsed = (CreateTableStatement) Parser.parseStatement(
                "CREATE TABLE t (c " + column.type().displayName() + ")");
        return parsed.columns().getFirst().type();
    }
}
