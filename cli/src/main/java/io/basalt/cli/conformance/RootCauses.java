package io.basalt.cli.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces failures that only follow from an earlier one in the same script: when Basalt reports
 * that a relation does not exist (42P01) and the statement that should have created it failed
 * earlier in the script, the later failure's root cause is that statement's (root) cause. One
 * unsupported column type in a CREATE TABLE otherwise shows up as dozens of "relation does not
 * exist" failures and hides what to build next.
 *
 * <p>Heuristic, and only for relations: the creating statement is recognised by its text
 * ({@code CREATE [TEMP] TABLE|VIEW|MATERIALIZED VIEW|SEQUENCE [IF NOT EXISTS] name}), matched on the
 * name as written or its last dotted part, without regard to case. Anything else keeps its own
 * cause as its root. One instance traces one script, block after block.
 */
public final class RootCauses {
    private static final Pattern MISSING_RELATION = Pattern.compile("42P01 (?:relation|table) \"…\" does not exist");
    private static final Pattern MESSAGE_NAME = Pattern.compile("ERROR:  (?:relation|table) \"([^\"]+)\" does not exist");
    private static final Pattern CREATION = Pattern.compile(
            "(?i)CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMP|TEMPORARY)\\s+|UNLOGGED\\s+)?"
                    + "(?:TABLE|VIEW|MATERIALIZED\\s+VIEW|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+).*");

    /** The root cause of the latest failed statement that would have created each relation (lower-case name). */
    private final Map<String, String> failedCreations = new HashMap<>();

    /**
     * Traces {@code verdict}, the next scored block of the script, and remembers whether it
     * created a relation.
     *
     * @param printed what Basalt printed for the block
     */
    public StatementVerdict trace(StatementVerdict verdict, List<String> printed) {
        StatementVerdict result = verdict;
        if (verdict.failed() && MISSING_RELATION.matcher(verdict.cause()).matches()) {
            String relation = missingRelation(printed);
            String root = relation == null ? null : failedCreations.get(relation);
            if (root != null) {
                result = verdict.withRootCause(root);
            }
        }
        String created = createdRelation(verdict.block().title());
        if (created != null) {
            if (!verdict.failed()) {
                failedCreations.remove(created);
            } else {
                failedCreations.put(created, result.rootCause());
            }
        }
        return result;
    }

    /** The relation named in the first "does not exist" error Basalt printed. */
    private static String missingRelation(List<String> printed) {
        for (String line : printed) {
            Matcher matcher = MESSAGE_NAME.matcher(line);
            if (matcher.matches()) {
                return lastPart(matcher.group(1));
            }
        }
        return null;
    }

    private static String createdRelation(String title) {
        Matcher matcher = CREATION.matcher(title);
        return matcher.matches() ? lastPart(matcher.group(1).replace("\"", "")) : null;
    }

    private static String lastPart(String name) {
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }
}
