package io.basalt.rule;

import io.basalt.catalog.Catalog;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RuleStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs CREATE [OR REPLACE] RULE, DROP RULE and ALTER RULE ... RENAME against the {@link RuleCatalog}, with
 * PostgreSQL's checks and messages. Each change is logged (its statement text, replayed on open like other DDL)
 * unless the relation is temporary; inside a transaction block the change is undone, and the undoing logged,
 * when the block rolls back ({@code onRollback} is then not null). The caller holds the database's DDL lock.
 */
public final class RuleStatements {
    /** What a statement reports: its command tag and notices. */
    public record Outcome(String tag, List<String> notices) {
    }

    private final Catalog catalog;
    private final RuleCatalog rules;
    private final Consumer<String> log;
    private final Consumer<Runnable> onRollback;

    public RuleStatements(Catalog catalog, RuleCatalog rules, Consumer<String> log, Consumer<Runnable> onRollback) {
        this.catalog = catalog;
        this.rules = rules;
        this.log = log;
        this.onRollback = onRollback;
    }

    public Outcome run(RuleStatement statement, String sql) {
        return switch (statement) {
            case RuleStatement.CreateRule create -> create(create, sql);
            case RuleStatement.DropRule drop -> drop(drop);
            case RuleStatement.RenameRule rename -> rename(rename);
        };
    }

    private RuleRelation relation(QualifiedName name) {
        RuleRelation relation = RuleRelation.find(catalog, name);
        if (relation == null) {
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(),
                    "relation \"" + name + "\" does not exist");
        }
        return relation;
    }

    private Outcome create(RuleStatement.CreateRule create, String sql) {
        RuleRelation relation = relation(create.table());
        if (create.event() == RuleStatement.Event.SELECT) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, create.position(),
                    "rules ON SELECT are not supported yet");
        }
        checkNewAndOld(create);
        checkReturning(create, relation);
        RuleEntry existing = rules.find(relation.schema(), relation.name(), create.name());
        if (existing != null && !create.orReplace()) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "rule \"" + create.name() + "\" for relation \"" + relation.name() + "\" already exists");
        }
        RuleEntry entry = new RuleEntry(create.name(), relation.schema(), relation.name(), create.event(),
                create.instead(), create.conditionText(), create.actionTexts(), sql);
        rules.put(entry, existing);
        boolean temporary = catalog.isTempSchema(relation.schema());
        if (!temporary) {
            log.accept(sql);
        }
        if (onRollback != null) {
            onRollback.accept(() -> {
                rules.remove(entry);
                if (!temporary) {
                    log.accept(dropped(entry));
                }
                if (existing != null) {
                    rules.put(existing, null);
                    if (!temporary) {
                        log.accept(existing.definition());
                    }
                }
            });
        }
        return new Outcome("CREATE RULE", List.of());
    }

    /** PostgreSQL's refusal of OLD in an ON INSERT rule and of NEW in an ON DELETE rule. */
    private static void checkNewAndOld(RuleStatement.CreateRule create) {
        boolean insert = create.event() == RuleStatement.Event.INSERT;
        boolean delete = create.event() == RuleStatement.Event.DELETE;
        if (!insert && !delete) {
            return;
        }
        StringBuilder all = new StringBuilder(create.conditionText() == null ? "" : create.conditionText());
        for (String action : create.actionTexts()) {
            all.append('\n').append(action);
        }
        if (insert && RuleText.refersTo(all.toString(), false)) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION, "ON INSERT rule cannot use OLD");
        }
        if (delete && RuleText.refersTo(all.toString(), true)) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION, "ON DELETE rule cannot use NEW");
        }
    }

    /** The checks PostgreSQL makes of an action's RETURNING list (DefineQueryRewrite, checkRuleResultList). */
    private void checkReturning(RuleStatement.CreateRule create, RuleRelation relation) {
        boolean seen = false;
        for (Statement action : create.actions()) {
            List<SelectItem> returning = returningOf(action);
            if (returning.isEmpty()) {
                continue;
            }
            if (seen) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "cannot have multiple RETURNING lists in a rule");
            }
            seen = true;
            if (create.conditionText() != null) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "RETURNING lists are not supported in conditional rules");
            }
            if (!create.instead()) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "RETURNING lists are not supported in non-INSTEAD rules");
            }
            int count = returningWidth(action, returning);
            if (count > relation.columnNames().size()) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION, "RETURNING list has too many entries");
            }
            if (count >= 0 && count < relation.columnNames().size()) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION, "RETURNING list has too few entries");
            }
        }
    }

    /** The RETURNING list of an INSERT, UPDATE or DELETE action; empty for any other statement. */
    public static List<SelectItem> returningOf(Statement action) {
        return switch (action) {
            case InsertStatement insert -> insert.returning();
            case UpdateStatement update -> update.returning();
            case DeleteStatement delete -> delete.returning();
            default -> List.of();
        };
    }

    /** How many columns a RETURNING list has, or -1 when a star over another relation leaves it unknown. */
    private int returningWidth(Statement action, List<SelectItem> returning) {
        QualifiedName target = switch (action) {
            case InsertStatement insert -> insert.table();
            case UpdateStatement update -> update.table();
            case DeleteStatement delete -> delete.table();
            default -> null;
        };
        String alias = switch (action) {
            case InsertStatement insert -> insert.alias();
            case UpdateStatement update -> update.alias();
            case DeleteStatement delete -> delete.alias();
            default -> null;
        };
        RuleRelation written = target == null ? null : RuleRelation.find(catalog, target);
        int count = 0;
        for (SelectItem item : returning) {
            if (item instanceof SelectItem.Star star) {
                String qualifier = star.qualifier() == null ? null : star.qualifier().last();
                boolean own = qualifier == null || qualifier.equals(alias == null ? target.last() : alias);
                if (written == null || !own) {
                    return -1;
                }
                count += written.columnNames().size();
            } else {
                count++;
            }
        }
        return count;
    }

    private static String dropped(RuleEntry rule) {
        return "DROP RULE " + IdentifierQuoting.quote(rule.name()) + " ON " + IdentifierQuoting.quote(rule.schema())
                + "." + IdentifierQuoting.quote(rule.table());
    }

    private Outcome drop(RuleStatement.DropRule drop) {
        RuleRelation relation = RuleRelation.find(catalog, drop.table());
        if (relation == null) {
            if (drop.ifExists()) {
                String missingSchema = catalog.missingSchemaNotice(drop.table());
                return new Outcome("DROP RULE", List.of(missingSchema != null ? missingSchema
                        : "relation \"" + drop.table() + "\" does not exist, skipping"));
            }
            throw BasaltException.at(SqlState.UNDEFINED_TABLE, drop.table().position(),
                    "relation \"" + drop.table() + "\" does not exist");
        }
        RuleEntry rule = rules.find(relation.schema(), relation.name(), drop.name());
        if (rule == null) {
            if (drop.ifExists()) {
                return new Outcome("DROP RULE", List.of("rule \"" + drop.name() + "\" for relation \""
                        + drop.table() + "\" does not exist, skipping"));
            }
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "rule \"" + drop.name() + "\" for relation \"" + relation.name() + "\" does not exist");
        }
        remove(rule);
        return new Outcome("DROP RULE", List.of());
    }

    /** Removes {@code rule}, logged and undone on rollback as DROP RULE is. */
    public void remove(RuleEntry rule) {
        rules.remove(rule);
        boolean temporary = catalog.isTempSchema(rule.schema());
        if (!temporary) {
            log.accept(dropped(rule));
        }
        if (onRollback != null) {
            onRollback.accept(() -> {
                rules.put(rule, null);
                if (!temporary) {
                    log.accept(rule.definition());
                }
            });
        }
    }

    private Outcome rename(RuleStatement.RenameRule rename) {
        RuleRelation relation = relation(rename.table());
        RuleEntry rule = rules.find(relation.schema(), relation.name(), rename.name());
        if (rule == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "rule \"" + rename.name() + "\" for relation \"" + relation.name() + "\" does not exist");
        }
        if (rules.find(relation.schema(), relation.name(), rename.newName()) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "rule \"" + rename.newName() + "\" for relation \"" + relation.name() + "\" already exists");
        }
        String renamedDefinition = "ALTER RULE " + IdentifierQuoting.quote(rule.name()) + " ON "
                + IdentifierQuoting.quote(rule.schema()) + "." + IdentifierQuoting.quote(rule.table())
                + " RENAME TO " + IdentifierQuoting.quote(rename.newName());
        RuleEntry renamed = rule.renamed(rename.newName(), rule.definition());
        rules.put(renamed, rule);
        boolean temporary = catalog.isTempSchema(relation.schema());
        if (!temporary) {
            log.accept(renamedDefinition);
        }
        if (onRollback != null) {
            onRollback.accept(() -> {
                rules.put(rule, renamed);
                if (!temporary) {
                    log.accept("ALTER RULE " + IdentifierQuoting.quote(renamed.name()) + " ON "
                            + IdentifierQuoting.quote(rule.schema()) + "." + IdentifierQuoting.quote(rule.table())
                            + " RENAME TO " + IdentifierQuoting.quote(rule.name()));
                }
            });
        }
        return new Outcome("ALTER RULE", List.of());
    }

    /** Forgets the rules of relations that no longer exist (after DROP TABLE / DROP VIEW). */
    public static void relationsDropped(Catalog catalog, RuleCatalog rules) {
        for (RuleEntry rule : rules.allRules()) {
            if (catalog.findTable(rule.schema(), rule.table()).isEmpty()
                    && catalog.findView(rule.schema(), rule.table()).isEmpty()) {
                rules.removeRulesOf(rule.schema(), rule.table());
            }
        }
    }
}
