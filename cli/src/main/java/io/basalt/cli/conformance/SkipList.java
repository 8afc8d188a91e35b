package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reviewed list of statements a corpus plays but does not score, each rule with its reason: output
 * Basalt cannot and should not reproduce, such as PostgreSQL's planner text in EXPLAIN. The rules for
 * the regression tests live in {@code pg_regress-skips.txt} beside this class, where their format is
 * described; the seeds have none (they are the acceptance test and are scored whole).
 */
public final class SkipList {
    /** Skips nothing. */
    public static final SkipList NONE = new SkipList(List.of());

    private static final String RESOURCE = "pg_regress-skips.txt";
    private static final String REASON_PREFIX = "## ";
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*--.*$", Pattern.MULTILINE);

    private final List<Rule> rules;

    private SkipList(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The reviewed list for PostgreSQL's regression tests. */
    public static SkipList pgRegress() {
        try (InputStream in = SkipList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses the rule file format described in {@code pg_regress-skips.txt}.
     *
     * @throws IllegalArgumentException for a rule before any reason or a line that is not a rule
     */
    static SkipList parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String reason = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String stripped = line.strip();
            if (stripped.startsWith(REASON_PREFIX)) {
                reason = stripped.substring(REASON_PREFIX.length()).strip();
            } else if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                int space = stripped.indexOf(' ');
                if (reason == null || space < 0) {
                    throw new IllegalArgumentException("skip list line " + number + " is not a rule under a reason: " + line);
                }
                String scripts = stripped.substring(0, space);
                Pattern statement = Pattern.compile(stripped.substring(space + 1).strip(),
                        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
                boolean allBut = scripts.startsWith("*-");
                Set<String> named = scripts.equals("*") ? Set.of()
                        : Set.of((allBut ? scripts.substring(2) : scripts).split(","));
                rules.add(new Rule(named, allBut, statement, reason));
            }
        }
        return new SkipList(rules);
    }

    /** The reason {@code block} of {@code script} is not scored, or null when it is. */
    public String reasonFor(String script, StatementBlock block) {
        if (rules.isEmpty() || !block.scored()) {
            return null;
        }
        String text = statementText(block);
        for (Rule rule : rules) {
            boolean named = rule.scripts().contains(script) || rule.scripts().contains(script + ":" + block.line());
            boolean inScript = rule.scripts().isEmpty() || named != rule.allBut();
            if (inScript && rule.statement().matcher(text).lookingAt()) {
                return rule.reason();
            }
        }
        return null;
    }

    /** The block's echoed lines without whole-line comments, on one line. */
    static String statementText(StatementBlock block) {
        String joined = COMMENT_LINE.matcher(String.join("\n", block.echo())).replaceAll("");
        return joined.strip().replaceAll("\\s+", " ");
    }

    /**
     * @param scripts   the scripts the rule applies to, each a name or {@code name:line} for the statement beginning on
     *                  that line of the script (one of several statements of the same text); empty for every script
     * @param allBut    whether the rule applies to every script but those {@code scripts} names
     * @param statement matched against the start of the statement's text
     */
    private record Rule(Set<String> scripts, boolean allBut, Pattern statement, String reason) {
        Rule {
            requireNonNull(statement, "statement is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
