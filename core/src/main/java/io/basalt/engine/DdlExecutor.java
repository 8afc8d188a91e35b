package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.DefaultExpressions;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE and DROP TABLE against the catalog. Constraints other than NOT NULL and DEFAULT are
 * rejected with 0A000 until the data-definition issue enforces them: accepting a PRIMARY KEY that is
 * not enforced would silently admit duplicates.
 */
final class DdlExecutor {
    /** Makes the store for a new table (in memory, or logged when the database lives on disk). */
    interface TableStoreFactory {
        TableStore create(String name, List<LogicalType> types);
    }

    private final Catalog catalog;
    private final TableStoreFactory stores;

    DdlExecutor(Catalog catalog, TableStoreFactory stores) {
        this.catalog = catalog;
        this.stores = stores;
    }

    QueryResultImpl createTable(CreateTableStatement create, BindContext context) {
        String schema = schemaOf(create.name());
        String name = create.name().last();
        if (catalog.findTable(schema, name).isPresent()) {
            if (create.ifNotExists()) {
                return QueryResultImpl.command("CREATE TABLE", 0,
                        List.of("relation \"" + name + "\" already exists, skipping"));
            }
            throw BasaltException.at(SqlState.DUPLICATE_TABLE, create.name().position(),
                    "relation \"" + name + "\" already exists");
        }
        if (!create.constraints().isEmpty()) {
            TableConstraint first = create.constraints().getFirst();
            throw notYet(constraintKind(first), first.position());
        }
        List<ColumnEntry> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition definition : create.columns()) {
            if (!seen.add(definition.name())) {
                throw BasaltException.at(SqlState.DUPLICATE_COLUMN, definition.position(),
                        "column \"" + definition.name() + "\" specified more than once");
            }
            columns.add(column(definition, context));
        }
        List<LogicalType> types = new ArrayList<>();
        for (ColumnEntry column : columns) {
            types.add(column.type());
        }
        TableStore store = stores.create(name, types);
        catalog.addTable(new TableEntry(schema, name, columns, store));
        return QueryResultImpl.command("CREATE TABLE", 0, List.of());
    }

    private ColumnEntry column(ColumnDefinition definition, BindContext context) {
        LogicalType type = io.basalt.binder.TypeNames.resolve(definition.type());
        boolean notNull = false;
        Expression defaultExpression = null;
        for (ColumnConstraint constraint : definition.constraints()) {
            switch (constraint) {
                case ColumnConstraint.NotNull ignored -> notNull = true;
                case ColumnConstraint.Nullable ignored -> notNull = false;
                case ColumnConstraint.Default d -> defaultExpression = d.expression();
                case ColumnConstraint.Check c -> throw notYet("CHECK constraints", c.position());
                case ColumnConstraint.Unique u -> throw notYet("UNIQUE constraints", u.position());
                case ColumnConstraint.PrimaryKey p -> throw notYet("PRIMARY KEY constraints", p.position());
                case ColumnConstraint.References r -> throw notYet("FOREIGN KEY constraints", r.position());
            }
        }
        String defaultText = null;
        if (defaultExpression != null) {
            defaultText = DefaultExpressions.check(defaultExpression, definition.name(), type, context);
        }
        return new ColumnEntry(definition.name(), type, notNull, defaultExpression, defaultText);
    }

    QueryResultImpl dropTable(DropTableStatement drop) {
        List<String> notices = new ArrayList<>();
        List<TableEntry> victims = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            var table = catalog.findTable(schemaOf(name), name.last());
            if (table.isEmpty()) {
                if (drop.ifExists()) {
                    notices.add("table \"" + name.last() + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                        "table \"" + name.last() + "\" does not exist");
            }
            victims.add(table.get());
        }
        for (TableEntry victim : victims) {
            catalog.removeTable(victim);
            victim.store().close();
        }
        return QueryResultImpl.command("DROP TABLE", 0, notices);
    }

    private String schemaOf(QualifiedName name) {
        if (name.parts().size() < 2) {
            return Catalog.DEFAULT_SCHEMA;
        }
        String schema = name.parts().get(name.parts().size() - 2);
        if (!catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.UNDEFINED_OBJECT, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        return schema;
    }

    private static String constraintKind(TableConstraint constraint) {
        return switch (constraint) {
            case TableConstraint.Check c -> "CHECK constraints";
            case TableConstraint.Unique u -> "UNIQUE constraints";
            case TableConstraint.PrimaryKey p -> "PRIMARY KEY constraints";
            case TableConstraint.ForeignKey f -> "FOREIGN KEY constraints";
        };
    }

    private static BasaltException notYet(String feature, int position) {
        return BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position, feature + " are not supported yet");
    }
}
