package io.basalt.sql.ast;

import java.util.List;

/**
 * The statements about rewrite rules: CREATE [OR REPLACE] RULE, DROP RULE and ALTER RULE ... RENAME TO. A rule's
 * condition and actions are kept as the text written (the rewriter substitutes NEW and OLD into them and parses
 * them again when a statement fires the rule), alongside their parsed form for the checks CREATE RULE makes.
 */
public sealed interface RuleStatement extends Statement {

    /** The command a rule is attached to. */
    enum Event {
        SELECT, INSERT, UPDATE, DELETE
    }

    /**
     * {@code CREATE [OR REPLACE] RULE name AS ON event TO table [WHERE condition] DO [ALSO | INSTEAD]
     * {NOTHING | command | (command; ...)}}. {@code condition} and {@code conditionText} are null without WHERE;
     * {@code actions} is empty for NOTHING; {@code actionTexts} holds each action's text as written.
     */
    record CreateRule(String name, boolean orReplace, Event event, QualifiedName table, Expression condition,
                      String conditionText, boolean instead, List<Statement> actions, List<String> actionTexts,
                      int position) implements RuleStatement {
        public CreateRule {
            actions = List.copyOf(actions);
            actionTexts = List.copyOf(actionTexts);
        }
    }

    /** {@code DROP RULE [IF EXISTS] name ON table [CASCADE | RESTRICT]}. */
    record DropRule(String name, QualifiedName table, boolean ifExists, boolean cascade, int position)
            implements RuleStatement {
    }

    /** {@code ALTER RULE name ON table RENAME TO newName}. */
    record RenameRule(String name, QualifiedName table, String newName, int position) implements RuleStatement {
    }
}
