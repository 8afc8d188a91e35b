package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.SequenceOption;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Column and table constraints of CREATE TABLE, each optionally named by {@code CONSTRAINT name}:
 * {@code NOT NULL}, {@code NULL}, {@code DEFAULT b_expr}, {@code CHECK (...)}, {@code UNIQUE},
 * {@code PRIMARY KEY}, {@code REFERENCES table [(columns)] [MATCH FULL | SIMPLE] [ON DELETE action [(columns)]]
 * [ON UPDATE action]}, and as table constraints the same with column lists plus {@code FOREIGN KEY (...) REFERENCES
 * ...}. Referential actions are reported in upper case: "NO ACTION", "RESTRICT", "CASCADE", "SET NULL",
 * "SET DEFAULT". {@code NOT DEFERRABLE} and {@code INITIALLY IMMEDIATE}, the defaults, are accepted;
 * {@code GENERATED ... AS IDENTITY} is a column constraint too. A foreign key, UNIQUE and PRIMARY KEY also accept
 * {@code DEFERRABLE} and {@code INITIALLY DEFERRED}. Other deferrable constraints, exclusion constraints and index
 * options are not supported.
 */
final class ConstraintParser extends ParserBase {
    ConstraintParser(Grammar grammar) {
        super(grammar);
    }

    /** The constraints after a column's type, in the order written. */
    List<ColumnConstraint> columnConstraints() {
        List<ColumnConstraint> constraints = new ArrayList<>();
        while (true) {
            Token start = current();
            if (tokens.accept(Keyword.CONSTRAINT)) {
                String name = grammar.names().columnId();
                ColumnConstraint constraint = columnConstraint(name, start);
                if (constraint == null) {
                    throw tokens.syntaxError();
                }
                constraints.add(constraint);
            } else if (deferralOfLast(constraints)) {
                // DEFERRABLE etc. given to the REFERENCES before it
            } else {
                ColumnConstraint constraint = columnConstraint(null, start);
                if (constraint == null) {
                    if (acceptCollate()) {
                        continue;
                    }
                    if (tokens.accept(Keyword.NOT)) {
                        // NOT can only go on to NULL or DEFERRABLE here.
                        throw tokens.syntaxError();
                    }
                    return constraints;
                }
                constraints.add(constraint);
            }
        }
    }

    /** One column constraint at the cursor, or null when none starts here. */
    private ColumnConstraint columnConstraint(String name, Token start) {
        int position = start.position();
        Token token = current();
        if (token.is(Keyword.NOT) && tokens.peek(1).is(Keyword.NULL)) {
            tokens.next();
            tokens.next();
            boolean noInherit = false;
            if (tokens.at(Keyword.NO) && tokens.peek(1).is(Keyword.INHERIT)) {
                // PostgreSQL 18's NOT NULL NO INHERIT; Basalt keeps no not-null constraint apart from the column
                tokens.next();
                tokens.next();
                noInherit = true;
            }
            return new ColumnConstraint.NotNull(name, position, noInherit);
        }
        if (token.keyword() == null) {
            return null;
        }
        switch (token.keyword()) {
            case NULL -> {
                tokens.next();
                return new ColumnConstraint.Nullable(name, position);
            }
            case DEFAULT -> {
                tokens.next();
                return new ColumnConstraint.Default(name, grammar.expressions().restrictedExpression(), position);
            }
            case CHECK -> {
                CheckClause check = checkCondition();
                return new ColumnConstraint.Check(name, check.condition(), position, check.noInherit(),
                        check.notEnforced());
            }
            case UNIQUE -> {
                tokens.next();
                boolean nullsNotDistinct = uniqueNullsOption();
                indexOptions();
                return new ColumnConstraint.Unique(name, position, false, false, nullsNotDistinct);
            }
            case PRIMARY -> {
                tokens.next();
                tokens.expect(Keyword.KEY);
                indexOptions();
                return new ColumnConstraint.PrimaryKey(name, position);
            }
            case REFERENCES -> {
                tokens.next();
                QualifiedName table = grammar.names().qualifiedName();
                List<String> columns = tokens.at(TokenKind.LEFT_PAREN)
                        ? grammar.names().parenthesizedColumnIdList()
                        : List.of();
                ReferentialActions actions = referentialActions();
                return new ColumnConstraint.References(name, table, columns, actions.onDelete(), actions.onUpdate(),
                        actions.matchFull(), actions.deleteSetColumns(), position, false, false);
            }
            case GENERATED -> {
                return identity(name, position);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]}, or a generated column's
     * {@code GENERATED ALWAYS AS (expression) STORED}, GENERATED at the cursor. PostgreSQL 18's VIRTUAL (and its
     * default, neither word) are read as well; Basalt stores their values too (see docs/STATUS.md).
     */
    private ColumnConstraint identity(String name, int position) {
        tokens.expect(Keyword.GENERATED);
        boolean always = tokens.accept(Keyword.ALWAYS);
        if (!always) {
            tokens.expect(Keyword.BY);
            tokens.expect(Keyword.DEFAULT);
        }
        tokens.expect(Keyword.AS);
        if (!always && tokens.at(TokenKind.LEFT_PAREN)) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, position,
                    "for a generated column, GENERATED ALWAYS must be specified");
        }
        if (always && tokens.at(TokenKind.LEFT_PAREN)) {
            Token open = tokens.next();
            Expression expression = grammar.expressions().expression();
            Token close = tokens.expect(TokenKind.RIGHT_PAREN);
            String text = tokens.source().text().substring(open.end(), close.start()).strip();
            boolean virtual = false;
            if (!tokens.accept(Keyword.STORED) && current().is(TokenKind.IDENTIFIER)
                    && current().keyword() == null && current().value().equals("virtual")) {
                tokens.next();
                virtual = true;
            }
            return new ColumnConstraint.Generated(name, expression, text, position, virtual);
        }
        tokens.expect(Keyword.IDENTITY);
        List<SequenceOption> options = tokens.at(TokenKind.LEFT_PAREN) ? grammar.sequences().parenthesizedOptions()
                : List.of();
        return new ColumnConstraint.Identity(name, always, options, position);
    }

    /** A deferral attribute after a constraint. */
    private enum Attribute { NONE, NOT_DEFERRABLE, DEFERRABLE, INITIALLY_IMMEDIATE, INITIALLY_DEFERRED }

    /**
     * {@code NOT DEFERRABLE} / {@code INITIALLY IMMEDIATE} (the defaults) are accepted anywhere;
     * {@code DEFERRABLE} / {@code INITIALLY DEFERRED} only after a foreign key, UNIQUE or PRIMARY KEY
     * ({@code deferrable}), elsewhere misplaced (42601). Returns what it consumed, NONE when none is at the cursor.
     */
    private Attribute constraintAttribute(boolean deferrable) {
        if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.DEFERRABLE)) {
            tokens.next();
            tokens.next();
            return Attribute.NOT_DEFERRABLE;
        }
        if (tokens.at(Keyword.DEFERRABLE)) {
            if (!deferrable) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, current().position(), "misplaced DEFERRABLE clause");
            }
            tokens.next();
            return Attribute.DEFERRABLE;
        }
        if (tokens.at(Keyword.INITIALLY)) {
            tokens.next();
            if (tokens.at(Keyword.DEFERRED)) {
                if (!deferrable) {
                    throw BasaltException.at(SqlState.SYNTAX_ERROR, current().position(),
                            "misplaced INITIALLY DEFERRED clause");
                }
                tokens.next();
                return Attribute.INITIALLY_DEFERRED;
            }
            tokens.expect(Keyword.IMMEDIATE);
            return Attribute.INITIALLY_IMMEDIATE;
        }
        return Attribute.NONE;
    }

    /**
     * The deferral attributes at the cursor folded into {deferrable, initiallyDeferred}, as PostgreSQL combines
     * them: INITIALLY DEFERRED implies DEFERRABLE, and contradicts NOT DEFERRABLE (42601). Null when none is there.
     */
    private boolean[] deferral(boolean deferrable) {
        Attribute first = constraintAttribute(deferrable);
        if (first == Attribute.NONE) {
            return null;
        }
        Boolean isDeferrable = null;
        Boolean initially = null;
        for (Attribute next = first; next != Attribute.NONE; next = constraintAttribute(deferrable)) {
            switch (next) {
                case NOT_DEFERRABLE, DEFERRABLE -> {
                    boolean value = next == Attribute.DEFERRABLE;
                    if (isDeferrable != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, current().position(), isDeferrable == value
                                ? "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed"
                                : "conflicting constraint properties");
                    }
                    isDeferrable = value;
                }
                case INITIALLY_IMMEDIATE, INITIALLY_DEFERRED -> {
                    boolean value = next == Attribute.INITIALLY_DEFERRED;
                    if (initially != null) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, current().position(), initially == value
                                ? "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed"
                                : "conflicting constraint properties");
                    }
                    initially = value;
                }
                case NONE -> throw new AssertionError();
            }
        }
        boolean deferred = initially != null && initially;
        if (deferred && isDeferrable != null && !isDeferrable) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, current().position(),
                    "constraint declared INITIALLY DEFERRED must be DEFERRABLE");
        }
        return new boolean[] {deferred || isDeferrable != null && isDeferrable, deferred};
    }

    /**
     * The deferrability ALTER TABLE ... ALTER CONSTRAINT name sets: {deferrable, initially deferred}, both false when
     * no attribute follows (PostgreSQL's ConstraintAttributeSpec).
     */
    boolean[] alteredDeferral() {
        boolean[] deferral = deferral(true);
        return deferral == null ? new boolean[] {false, false} : deferral;
    }

    /**
     * Deferral attributes after a column constraint: they belong to the constraint before them (a REFERENCES may
     * be deferrable, which replaces it in {@code constraints}). False when none is at the cursor.
     */
    private boolean deferralOfLast(List<ColumnConstraint> constraints) {
        ColumnConstraint last = constraints.isEmpty() ? null : constraints.getLast();
        boolean deferrable = last instanceof ColumnConstraint.References || last instanceof ColumnConstraint.Unique
                || last instanceof ColumnConstraint.PrimaryKey;
        if (last instanceof ColumnConstraint.Unique || last instanceof ColumnConstraint.PrimaryKey) {
            refuseEnforceability();
        }
        boolean[] deferral = deferral(deferrable);
        if (deferral == null) {
            return false;
        }
        if (deferrable) {
            constraints.removeLast();
            constraints.add(switch (last) {
                case ColumnConstraint.References references -> references.withDeferral(deferral[0], deferral[1]);
                case ColumnConstraint.Unique unique -> new ColumnConstraint.Unique(unique.name(), unique.position(),
                        deferral[0], deferral[1], unique.nullsNotDistinct());
                case ColumnConstraint.PrimaryKey key -> new ColumnConstraint.PrimaryKey(key.name(), key.position(),
                        deferral[0], deferral[1]);
                default -> last;
            });
        }
        return true;
    }

    /**
     * The attributes after a table constraint: deferrability (returned as {@link #deferral}, null when not
     * written), {@code NOT VALID}, {@code NO INHERIT}.
     */
    private boolean[] constraintAttributes(boolean deferrable, boolean notValidFollows) {
        boolean[] deferral = deferral(deferrable);
        if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.VALID)) {
            if (notValidFollows) {
                return deferral;
            }
            if (!deferrable) {
                // a CHECK of CREATE TABLE: PostgreSQL accepts NOT VALID and marks the constraint valid (no rows yet)
                tokens.next();
                tokens.next();
                return deferral;
            }
            throw unsupported("NOT VALID");
        }
        if (tokens.at(Keyword.NO) && tokens.peek(1).is(Keyword.INHERIT)) {
            throw unsupported("NO INHERIT");
        }
        if (tokens.accept(Keyword.NOT)) {
            // NOT can only go on to DEFERRABLE or VALID here.
            throw tokens.syntaxError();
        }
        return deferral;
    }

    /** A CHECK clause: its condition and whether NO INHERIT and NOT ENFORCED follow it. */
    private record CheckClause(Expression condition, boolean noInherit, boolean notEnforced) {
    }

    /**
     * {@code CHECK ( condition )} followed by {@code NO INHERIT} and PostgreSQL 18's {@code ENFORCED} / {@code NOT
     * ENFORCED} in either order, CHECK at the cursor.
     */
    private CheckClause checkCondition() {
        tokens.expect(Keyword.CHECK);
        tokens.expect(TokenKind.LEFT_PAREN);
        Expression condition = grammar.expressions().expression();
        tokens.expect(TokenKind.RIGHT_PAREN);
        boolean noInherit = false;
        Boolean enforced = null;
        while (true) {
            if (tokens.at(Keyword.NO) && tokens.peek(1).is(Keyword.INHERIT)) {
                tokens.next();
                tokens.next();
                noInherit = true;
                continue;
            }
            boolean not = tokens.at(Keyword.NOT) && isEnforced(tokens.peek(1));
            if (not || isEnforced(current())) {
                Token at = current();
                if (enforced != null) {
                    throw BasaltException.at(SqlState.SYNTAX_ERROR, at.position(),
                            "multiple ENFORCED/NOT ENFORCED clauses not allowed");
                }
                tokens.next();
                if (not) {
                    tokens.next();
                }
                enforced = !not;
                continue;
            }
            break;
        }
        return new CheckClause(condition, noInherit, Boolean.FALSE.equals(enforced));
    }

    /**
     * PostgreSQL 18's refusal of {@code [NOT] ENFORCED} after a constraint whose enforceability cannot be chosen
     * (UNIQUE, PRIMARY KEY), at the cursor.
     */
    private void refuseEnforceability() {
        boolean not = tokens.at(Keyword.NOT) && isEnforced(tokens.peek(1));
        if (not || isEnforced(current())) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, current().position(),
                    "misplaced " + (not ? "NOT " : "") + "ENFORCED clause");
        }
    }

    /** PostgreSQL 18's ENFORCED, an identifier here (Basalt's keyword table is PostgreSQL 15's). */
    private static boolean isEnforced(Token token) {
        return token.kind() == TokenKind.IDENTIFIER && token.keyword() == null && token.value().equals("enforced");
    }

    /** {@code NULLS [NOT] DISTINCT} (NULLS DISTINCT is the default): whether NULLS NOT DISTINCT. */
    private boolean uniqueNullsOption() {
        if (tokens.accept(Keyword.NULLS)) {
            boolean notDistinct = tokens.accept(Keyword.NOT);
            tokens.expect(Keyword.DISTINCT);
            return notDistinct;
        }
        return false;
    }

    /** {@code INCLUDE (...)}, {@code WITH (...)} and {@code USING INDEX TABLESPACE} shape the index. */
    private void indexOptions() {
        if (tokens.at(Keyword.INCLUDE)) {
            throw unsupported("INCLUDE");
        }
        if (tokens.at(Keyword.WITH)) {
            throw unsupported("index storage parameters");
        }
        if (tokens.at(Keyword.USING) && tokens.peek(1).is(Keyword.INDEX)) {
            throw unsupported("USING INDEX");
        }
    }

    /** Whether a table constraint (rather than a column) starts at the cursor. */
    boolean atTableConstraint() {
        Token token = current();
        return token.is(Keyword.CONSTRAINT) || token.is(Keyword.CHECK) || token.is(Keyword.UNIQUE)
                || token.is(Keyword.PRIMARY) || token.is(Keyword.FOREIGN)
                || token.is(Keyword.NOT) && tokens.peek(1).is(Keyword.NULL)
                || (token.is(Keyword.EXCLUDE)
                    && (tokens.peek(1).is(TokenKind.LEFT_PAREN) || tokens.peek(1).is(Keyword.USING)));
    }

    TableConstraint tableConstraint() {
        return tableConstraint(false);
    }

    /**
     * A table constraint; with {@code notValidFollows} (ALTER TABLE ADD) a {@code NOT VALID} after it is left at
     * the cursor for the caller instead of being refused.
     */
    TableConstraint tableConstraint(boolean notValidFollows) {
        Token start = current();
        int position = start.position();
        String name = null;
        if (tokens.accept(Keyword.CONSTRAINT)) {
            name = grammar.names().columnId();
        }
        Token kind = current();
        TableConstraint constraint;
        if (kind.is(Keyword.NOT) && tokens.peek(1).is(Keyword.NULL)) {
            tokens.next();
            tokens.next();
            String column = grammar.names().columnId();
            boolean noInherit = false;
            if (tokens.at(Keyword.NO) && tokens.peek(1).is(Keyword.INHERIT)) {
                tokens.next();
                tokens.next();
                noInherit = true;
            }
            constraint = new TableConstraint.NotNull(name, column, position, noInherit);
        } else if (kind.is(Keyword.CHECK)) {
            CheckClause check = checkCondition();
            constraint = new TableConstraint.Check(name, check.condition(), position, check.noInherit(),
                    check.notEnforced());
        } else if (tokens.accept(Keyword.UNIQUE)) {
            boolean nullsNotDistinct = uniqueNullsOption();
            if (tokens.at(Keyword.USING)) {
                throw unsupported("UNIQUE USING INDEX");
            }
            List<String> columns = grammar.names().parenthesizedColumnIdList();
            indexOptions();
            constraint = new TableConstraint.Unique(name, columns, position, false, false, nullsNotDistinct);
        } else if (tokens.accept(Keyword.PRIMARY)) {
            tokens.expect(Keyword.KEY);
            if (tokens.at(Keyword.USING)) {
                throw unsupported("PRIMARY KEY USING INDEX");
            }
            List<String> columns = grammar.names().parenthesizedColumnIdList();
            indexOptions();
            constraint = new TableConstraint.PrimaryKey(name, columns, position);
        } else if (tokens.accept(Keyword.FOREIGN)) {
            tokens.expect(Keyword.KEY);
            List<String> columns = grammar.names().parenthesizedColumnIdList();
            tokens.expect(Keyword.REFERENCES);
            QualifiedName table = grammar.names().qualifiedName();
            List<String> referenced = tokens.at(TokenKind.LEFT_PAREN)
                    ? grammar.names().parenthesizedColumnIdList()
                    : List.of();
            ReferentialActions actions = referentialActions();
            constraint = new TableConstraint.ForeignKey(name, columns, table, referenced, actions.onDelete(),
                    actions.onUpdate(), actions.matchFull(), actions.deleteSetColumns(), position, false, false);
        } else if (kind.is(Keyword.EXCLUDE)) {
            constraint = excludeConstraint(name, position);
        } else {
            throw tokens.syntaxError();
        }
        if (constraint instanceof TableConstraint.Unique || constraint instanceof TableConstraint.PrimaryKey
                || constraint instanceof TableConstraint.Exclude) {
            refuseEnforceability();
        }
        if (constraint instanceof TableConstraint.Check && (tokens.at(Keyword.DEFERRABLE)
                || tokens.at(Keyword.INITIALLY) && tokens.peek(1).is(Keyword.DEFERRED))) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "CHECK constraints cannot be marked DEFERRABLE");
        }
        boolean[] deferral = constraintAttributes(!(constraint instanceof TableConstraint.Check), notValidFollows);
        if (deferral != null) {
            constraint = switch (constraint) {
                case TableConstraint.ForeignKey foreignKey -> foreignKey.withDeferral(deferral[0], deferral[1]);
                case TableConstraint.Unique unique -> new TableConstraint.Unique(unique.name(), unique.columns(),
                        unique.position(), deferral[0], deferral[1], unique.nullsNotDistinct());
                case TableConstraint.PrimaryKey key -> new TableConstraint.PrimaryKey(key.name(), key.columns(),
                        key.position(), deferral[0], deferral[1]);
                case TableConstraint.Check check -> check;
                case TableConstraint.NotNull notNull -> notNull;
                case TableConstraint.Exclude exclude -> new TableConstraint.Exclude(exclude.name(), exclude.method(),
                        exclude.elements(), exclude.where(), exclude.position(), deferral[0], deferral[1]);
            };
        }
        return constraint;
    }

    /**
     * {@code EXCLUDE [USING method] (element WITH operator [, ...]) [WITH (options)] [WHERE (predicate)]}, EXCLUDE at
     * the cursor; an element is a column or a parenthesized expression, optionally followed by an operator class,
     * ASC / DESC and NULLS FIRST / LAST, which are read and ignored. The operator is a symbol or
     * {@code OPERATOR(schema.symbol)}.
     */
    private TableConstraint.Exclude excludeConstraint(String name, int position) {
        tokens.expect(Keyword.EXCLUDE);
        String method = null;
        if (tokens.accept(Keyword.USING)) {
            method = grammar.names().columnId();
        }
        tokens.expect(TokenKind.LEFT_PAREN);
        List<TableConstraint.ExcludeElement> elements = new ArrayList<>();
        do {
            Token first = current();
            Expression expression;
            String text;
            if (tokens.at(TokenKind.LEFT_PAREN)) {
                Token open = tokens.next();
                expression = grammar.expressions().expression();
                Token close = tokens.expect(TokenKind.RIGHT_PAREN);
                text = tokens.source().text().substring(open.start(), close.end());
            } else {
                text = grammar.names().columnId();
                expression = new Expression.ColumnRef(List.of(text), first.position());
            }
            if (!tokens.at(Keyword.WITH) && !tokens.at(Keyword.NULLS) && grammar.names().atColumnId()) {
                grammar.names().qualifiedName(); // an operator class: the default one is taken
            }
            // ordering does not change which rows conflict
            boolean ordered = tokens.accept(Keyword.ASC) || tokens.accept(Keyword.DESC);
            if (tokens.accept(Keyword.NULLS)) {
                tokens.next();
            }
            tokens.expect(Keyword.WITH);
            elements.add(new TableConstraint.ExcludeElement(expression, text, excludeOperator(), first.position()));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        indexOptions();
        Expression where = null;
        if (tokens.accept(Keyword.WHERE)) {
            tokens.expect(TokenKind.LEFT_PAREN);
            where = grammar.expressions().expression();
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        return new TableConstraint.Exclude(name, method, elements, where, position, false, false);
    }

    /** The operator after WITH in an EXCLUDE element: a symbol, or OPERATOR(schema.symbol). */
    private String excludeOperator() {
        if (tokens.accept(Keyword.OPERATOR)) {
            tokens.expect(TokenKind.LEFT_PAREN);
            String operator = null;
            while (!tokens.at(TokenKind.RIGHT_PAREN)) {
                Token token = tokens.next();
                if (token.is(TokenKind.OPERATOR)) {
                    operator = token.value();
                }
            }
            tokens.expect(TokenKind.RIGHT_PAREN);
            if (operator == null) {
                throw tokens.syntaxError();
            }
            return operator;
        }
        Token token = current();
        if (!token.is(TokenKind.OPERATOR)) {
            throw tokens.syntaxError();
        }
        tokens.next();
        return token.value();
    }

    private record ReferentialActions(String onDelete, String onUpdate, boolean matchFull,
                                      List<String> deleteSetColumns) {
    }

    /**
     * {@code [MATCH FULL | SIMPLE] [ON DELETE action] [ON UPDATE action]}, the actions in either order, each at most once; MATCH PARTIAL is not implemented (nor is it in PostgreSQL).
     */
    private ReferentialActions referentialActions() {
        Boolean matchFull = matchType();
        String onDelete = null;
        String onUpdate = null;
        List<String> deleteSetColumns = null;
        while (tokens.at(Keyword.ON)) {
            Token target = tokens.peek(1);
            if (target.is(Keyword.DELETE) && onDelete == null) {
                tokens.next();
                tokens.next();
                onDelete = referentialAction();
                if (tokens.at(TokenKind.LEFT_PAREN) && onDelete.startsWith("SET ")) {
                    deleteSetColumns = grammar.names().parenthesizedColumnIdList();
                }
            } else if (target.is(Keyword.UPDATE) && onUpdate == null) {
                Token on = tokens.next();
                tokens.next();
                onUpdate = referentialAction();
                if (tokens.at(TokenKind.LEFT_PAREN) && onUpdate.startsWith("SET ")) {
                    throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, on.position(),
                            "a column list with " + onUpdate + " is only supported for ON DELETE actions");
                }
            } else {
                tokens.next();
                throw tokens.syntaxError();
            }
        }
        return new ReferentialActions(onDelete, onUpdate, Boolean.TRUE.equals(matchFull), deleteSetColumns);
    }

    /** {@code MATCH FULL} (true), {@code MATCH SIMPLE} (false), or null when no MATCH is at the cursor. */
    private Boolean matchType() {
        Token match = current();
        if (!tokens.accept(Keyword.MATCH)) {
            return null;
        }
        if (tokens.accept(Keyword.FULL)) {
            return true;
        }
        if (tokens.at(Keyword.PARTIAL)) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, match.position(),
                    "MATCH PARTIAL not yet implemented");
        }
        tokens.expect(Keyword.SIMPLE);
        return false;
    }

    private String referentialAction() {
        if (tokens.accept(Keyword.CASCADE)) {
            return "CASCADE";
        }
        if (tokens.accept(Keyword.RESTRICT)) {
            return "RESTRICT";
        }
        if (tokens.accept(Keyword.NO)) {
            tokens.expect(Keyword.ACTION);
            return "NO ACTION";
        }
        tokens.expect(Keyword.SET);
        String action = tokens.accept(Keyword.NULL) ? "SET NULL" : null;
        if (action == null) {
            tokens.expect(Keyword.DEFAULT);
            action = "SET DEFAULT";
        }
        return action;
    }
}
