package io.basalt.sql.parser;

import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableStatement;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name [*]} followed by a comma-separated list of actions (ADD / DROP /
 * ALTER COLUMN, ADD / DROP / VALIDATE CONSTRAINT) or by one of the forms that stand alone (RENAME [COLUMN],
 * RENAME CONSTRAINT, RENAME TO). The actions Basalt does not implement (OWNER TO, SET SCHEMA, storage, triggers,
 * inheritance, partitions, ...) end the statement as unsupported, named after their leading words.
 */
final class AlterTableParser extends ParserBase {
    AlterTableParser(Grammar grammar) {
        super(grammar);
    }

    io.basalt.sql.ast.Statement alterTable() {
        Token alter = tokens.expect(Keyword.ALTER);
        tokens.expect(Keyword.TABLE);
        if (tokens.at(Keyword.ALL)) {
            throw unsupported("ALTER TABLE ALL IN TABLESPACE");
        }
        boolean ifExists = acceptIfExists();
        boolean only = tokens.accept(Keyword.ONLY);
        QualifiedName name = grammar.names().qualifiedName();
        tokens.acceptOperator("*");
        if (atHierarchyAction()) {
            return hierarchyAction(name, ifExists, alter.position());
        }
        List<AlterTableAction> actions = new ArrayList<>();
        if (tokens.at(Keyword.RENAME)) {
            actions.add(rename());
        } else {
            do {
                actions.add(action());
            } while (tokens.accept(TokenKind.COMMA));
        }
        return new AlterTableStatement(name, ifExists, actions, alter.position(), only);
    }

    private boolean atHierarchyAction() {
        return tokens.at(Keyword.ATTACH) || tokens.at(Keyword.DETACH) || tokens.at(Keyword.INHERIT)
                || tokens.at(Keyword.NO) && tokens.peek(1).is(Keyword.INHERIT);
    }

    /** {@code ATTACH PARTITION name bound}, {@code DETACH PARTITION name}, {@code [NO] INHERIT name}. */
    private io.basalt.sql.ast.AlterTableHierarchyStatement hierarchyAction(QualifiedName table, boolean ifExists,
                                                                      int position) {
        io.basalt.sql.ast.AlterTableHierarchyStatement.Kind kind;
        if (tokens.accept(Keyword.ATTACH)) {
            tokens.expect(Keyword.PARTITION);
            kind = io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.ATTACH_PARTITION;
        } else if (tokens.accept(Keyword.DETACH)) {
            tokens.expect(Keyword.PARTITION);
            kind = io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.DETACH_PARTITION;
        } else if (tokens.accept(Keyword.NO)) {
            tokens.expect(Keyword.INHERIT);
            kind = io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.NO_INHERIT;
        } else {
            tokens.expect(Keyword.INHERIT);
            kind = io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.INHERIT;
        }
        QualifiedName other = grammar.names().qualifiedName();
        io.basalt.sql.ast.PartitionBound bound = null;
        if (kind == io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.ATTACH_PARTITION) {
            bound = grammar.partitionClauses().bound();
        } else if (kind == io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.DETACH_PARTITION) {
            if (tokens.accept(Keyword.CONCURRENTLY)) {
                kind = io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.DETACH_PARTITION_CONCURRENTLY;
            } else if (tokens.accept(Keyword.FINALIZE)) {
                kind = io.basalt.sql.ast.AlterTableHierarchyStatement.Kind.DETACH_PARTITION_FINALIZE;
            }
        }
        return new io.basalt.sql.ast.AlterTableHierarchyStatement(table, ifExists, kind, other, bound, position);
    }

    private AlterTableAction rename() {
        Token rename = tokens.expect(Keyword.RENAME);
        if (tokens.accept(Keyword.TO)) {
            return new AlterTableAction.RenameTable(grammar.names().columnId(), rename.position());
        }
        if (tokens.accept(Keyword.CONSTRAINT)) {
            String from = grammar.names().columnId();
            tokens.expect(Keyword.TO);
            return new AlterTableAction.RenameConstraint(from, grammar.names().columnId(), rename.position());
        }
        tokens.accept(Keyword.COLUMN);
        String from = grammar.names().columnId();
        tokens.expect(Keyword.TO);
        return new AlterTableAction.RenameColumn(from, grammar.names().columnId(), rename.position());
    }

    private AlterTableAction action() {
        Token first = current();
        if (first.is(Keyword.ADD)) {
            return add();
        }
        if (first.is(Keyword.DROP)) {
            return drop();
        }
        if (first.is(Keyword.ALTER)) {
            return alterColumn();
        }
        if (first.is(Keyword.VALIDATE)) {
            tokens.next();
            tokens.expect(Keyword.CONSTRAINT);
            return new AlterTableAction.ValidateConstraint(grammar.names().columnId(), first.position());
        }
        if ((first.is(Keyword.SET) || first.is(Keyword.RESET)) && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            tokens.next();
            return new AlterTableAction.SetStorageParameters(new StorageParameterParser(tokens).list(),
                    first.is(Keyword.RESET), first.position());
        }
        if (first.is(Keyword.SET) && tokens.peek(1).is(Keyword.SCHEMA)) {
            tokens.next();
            tokens.next();
            return new AlterTableAction.SetSchema(grammar.names().columnId(), first.position());
        }
        AlterTableAction physical = new PhysicalSettingParser(grammar).tableAction();
        if (physical != null) {
            return physical;
        }
        if (first.is(Keyword.RENAME)) {
            throw tokens.syntaxError();
        }
        if (first.keyword() == null) {
            throw tokens.syntaxError();
        }
        Token second = tokens.peek(1);
        throw unsupported("ALTER TABLE ... " + first.keyword().name()
                + (second.keyword() != null ? " " + second.keyword().name() : ""));
    }

    private AlterTableAction add() {
        Token add = tokens.expect(Keyword.ADD);
        if (grammar.constraints().atTableConstraint() && !tokens.at(Keyword.COLUMN)) {
            TableConstraint constraint = grammar.constraints().tableConstraint(true);
            boolean notValid = false;
            if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.VALID)) {
                tokens.next();
                tokens.next();
                notValid = true;
            }
            return new AlterTableAction.AddConstraint(constraint, notValid, add.position());
        }
        tokens.accept(Keyword.COLUMN);
        boolean ifNotExists = false;
        if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.NOT)) {
            tokens.next();
            tokens.next();
            tokens.expect(Keyword.EXISTS);
            ifNotExists = true;
        }
        ColumnDefinition column = grammar.ddl().columnDefinition();
        return new AlterTableAction.AddColumn(column, ifNotExists, add.position());
    }

    private AlterTableAction drop() {
        Token drop = tokens.expect(Keyword.DROP);
        if (tokens.accept(Keyword.CONSTRAINT)) {
            boolean ifExists = ifExists();
            String name = grammar.names().columnId();
            return new AlterTableAction.DropConstraint(name, ifExists, dropBehaviour(), drop.position());
        }
        tokens.accept(Keyword.COLUMN);
        boolean ifExists = ifExists();
        String column = grammar.names().columnId();
        return new AlterTableAction.DropColumn(column, ifExists, dropBehaviour(), drop.position());
    }

    private boolean ifExists() {
        if (tokens.at(Keyword.IF) && tokens.peek(1).is(Keyword.EXISTS)) {
            tokens.next();
            tokens.next();
            return true;
        }
        return false;
    }

    /** {@code [CASCADE | RESTRICT]}: whether CASCADE. */
    private boolean dropBehaviour() {
        if (tokens.accept(Keyword.CASCADE)) {
            return true;
        }
        tokens.accept(Keyword.RESTRICT);
        return false;
    }

    /** {@code ALTER [COLUMN] name} and what is changed about the column. */
    private AlterTableAction alterColumn() {
        Token alter = tokens.expect(Keyword.ALTER);
        if (tokens.accept(Keyword.CONSTRAINT)) {
            String name = grammar.names().columnId();
            boolean[] deferral = grammar.constraints().alteredDeferral();
            if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.VALID)) {
                throw io.basalt.error.BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR,
                        current().position(), "constraints cannot be altered to be NOT VALID");
            }
            return new AlterTableAction.AlterConstraint(name, deferral[0], deferral[1], alter.position());
        }
        tokens.accept(Keyword.COLUMN);
        // PostgreSQL places the errors of a type change at the column's name
        int columnPosition = current().position();
        String column = grammar.names().columnId();
        int position = alter.position();
        if (tokens.at(Keyword.TYPE) || (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.DATA))) {
            if (tokens.accept(Keyword.SET)) {
                tokens.expect(Keyword.DATA);
            }
            tokens.expect(Keyword.TYPE);
            TypeName type = grammar.types().typeName();
            acceptCollate();
            Expression using = null;
            if (tokens.accept(Keyword.USING)) {
                using = grammar.expressions().expression();
            }
            return new AlterTableAction.AlterColumnType(column, type, using, columnPosition);
        }
        if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.DEFAULT)) {
            tokens.next();
            tokens.next();
            return new AlterTableAction.SetDefault(column, grammar.expressions().expression(), position);
        }
        if (tokens.at(Keyword.DROP) && tokens.peek(1).is(Keyword.DEFAULT)) {
            tokens.next();
            tokens.next();
            return new AlterTableAction.SetDefault(column, null, position);
        }
        if ((tokens.at(Keyword.SET) || tokens.at(Keyword.DROP)) && tokens.peek(1).is(Keyword.NOT)) {
            boolean set = tokens.next().is(Keyword.SET);
            tokens.expect(Keyword.NOT);
            tokens.expect(Keyword.NULL);
            return new AlterTableAction.SetNotNull(column, set, position);
        }
        if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.EXPRESSION)) {
            tokens.next();
            tokens.next();
            tokens.expect(Keyword.AS);
            Token open = tokens.expect(TokenKind.LEFT_PAREN);
            Expression expression = grammar.expressions().expression();
            Token close = tokens.expect(TokenKind.RIGHT_PAREN);
            return new AlterTableAction.SetExpression(column, expression,
                    tokens.source().text().substring(open.end(), close.start()).strip(), position);
        }
        if (tokens.at(Keyword.DROP) && tokens.peek(1).is(Keyword.EXPRESSION)) {
            tokens.next();
            tokens.next();
            return new AlterTableAction.DropExpression(column, acceptIfExists(), position);
        }
        AlterTableAction physical = new PhysicalSettingParser(grammar).columnAction(column, position);
        if (physical != null) {
            return physical;
        }
        AlterTableAction identity = new IdentityAlterationParser(grammar).action(column, position);
        if (identity != null) {
            return identity;
        }
        Token what = current();
        if (what.keyword() == null) {
            throw tokens.syntaxError();
        }
        Token second = tokens.peek(1);
        throw unsupported("ALTER TABLE ... ALTER COLUMN ... " + what.keyword().name()
                + (second.keyword() != null ? " " + second.keyword().name() : ""));
    }
}
