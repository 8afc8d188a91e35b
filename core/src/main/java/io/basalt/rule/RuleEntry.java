package io.basalt.rule;

import io.basalt.sql.ast.RuleStatement.Event;
import java.util.List;

/**
 * A rewrite rule as CREATE RULE defined it: the relation and command it is attached to, whether its actions
 * replace the command (INSTEAD) or run besides it (ALSO), its condition and its actions as written (empty for
 * DO NOTHING). {@code definition} is the CREATE RULE statement, replayed on open like other DDL.
 */
public record RuleEntry(String name, String schema, String table, Event event, boolean instead,
                        String conditionText, List<String> actionTexts, String definition) {
    public RuleEntry {
        actionTexts = List.copyOf(actionTexts);
    }

    /** This rule under another name. */
    public RuleEntry renamed(String newName, String newDefinition) {
        return new RuleEntry(newName, schema, table, event, instead, conditionText, actionTexts, newDefinition);
    }

    /** Whether the rule has no condition. */
    public boolean unconditional() {
        return conditionText == null;
    }
}
