package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CreateSchemaStatement;
import io.basalt.sql.ast.CreateSequenceStatement;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.CreateViewStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.List;

/**
 * The rules PostgreSQL applies to the elements of {@code CREATE SCHEMA name element ...} before it runs them
 * ({@code transformCreateSchemaStmt}): an element that names its object with a schema must name the new one, and
 * none may create a temporary relation, since the new schema is not the session's temporary one. The elements then
 * run one by one with the new schema first in the search path, so that their objects are created in it.
 */
final class SchemaElements {
    private SchemaElements() {
    }

    /** Fails with PostgreSQL's error when an element may not be part of {@code create}. */
    static void check(CreateSchemaStatement create) {
        for (CreateSchemaStatement.Element element : create.elements()) {
            Statement statement = element.statement();
            QualifiedName name = switch (statement) {
                case CreateTableStatement table -> table.name();
                case CreateViewStatement view -> view.name();
                case CreateSequenceStatement sequence -> sequence.name();
                default -> null;
            };
            if (name != null && name.parts().size() >= 2) {
                String schema = name.parts().get(name.parts().size() - 2);
                if (!schema.equals(create.name())) {
                    throw BasaltException.at(SqlState.INVALID_SCHEMA_DEFINITION, name.position(), "CREATE specifies a "
                            + "schema (" + schema + ") different from the one being created (" + create.name() + ")");
                }
            }
            boolean temporary = statement instanceof CreateTableStatement table && table.temporary()
                    || statement instanceof CreateViewStatement view && view.temporary();
            if (temporary) {
                throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "cannot create temporary relation in non-temporary schema");
            }
        }
    }

    /** The CREATE SCHEMA statement without its elements, as the log keeps it (each element is logged itself). */
    static String schemaOnly(CreateSchemaStatement create) {
        StringBuilder text = new StringBuilder("CREATE SCHEMA ").append(IdentifierQuoting.quote(create.name()));
        if (create.authorization() != null) {
            text.append(" AUTHORIZATION ").append(IdentifierQuoting.quote(create.authorization()));
        }
        return text.toString();
    }

    /** The search path the elements run under: the new schema, then the session's path {@code current}. */
    static String searchPath(CreateSchemaStatement create, String current) {
        return IdentifierQuoting.quote(create.name()) + ", " + current;
    }

    /**
     * The elements in the order PostgreSQL runs them: sequences, tables, views, indexes, then triggers and GRANTs,
     * each kind in the order written (so a view may come before the table it reads).
     */
    static List<CreateSchemaStatement.Element> elements(CreateSchemaStatement create) {
        List<CreateSchemaStatement.Element> ordered = new java.util.ArrayList<>(create.elements());
        ordered.sort(java.util.Comparator.comparingInt(element -> rank(element.statement())));
        return ordered;
    }

    private static int rank(Statement statement) {
        return switch (statement) {
            case CreateSequenceStatement ignored -> 0;
            case CreateTableStatement ignored -> 1;
            case CreateViewStatement ignored -> 2;
            case io.basalt.sql.ast.CreateIndexStatement ignored -> 3;
            default -> 4;
        };
    }
}
