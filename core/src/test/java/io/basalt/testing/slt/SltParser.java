package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sqllogictest format (SQLite's, with DuckDB's additions; see
 * {@code shared/conformance/duckdb_slt/FORMAT.md}) into {@link SltRecord}s.
 *
 * <p>Records are separated by blank lines; {@code #} lines between records are comments. Everything
 * that decides which records run is settled here rather than at run time: {@code skipif}/{@code onlyif}
 * against the engine name {@value #ENGINE}, {@code mode skip}/{@code mode unskip}, {@code halt},
 * {@code loop}/{@code foreach} (expanded, with {@code ${var}} and {@code {var}} substituted in
 * every line of the body) and the keywords given to the constructor (such as {@code {TEST_DIR}}).
 * {@code hash-threshold} and the other output modes only matter to a tool that writes expected
 * results, so they are accepted and ignored. Any other command is an error, so a typo cannot silently
 * turn a test off (except inside a {@code mode skip} region). Trailing whitespace is dropped from
 * every line, as editors drop it, so an expected value cannot end in spaces.
 */
public final class SltParser {
    /** The name {@code skipif}/{@code onlyif} compare with. */
    public static final String ENGINE = "basalt";
    private static final String SEPARATOR = "----";
    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");
    private static final Pattern HASH = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");
    private static final Pattern TYPES = Pattern.compile("[ITR]+");

    private final Map<String, String> keywords;

    /** @param keywords replacements applied to every line, e.g. {@code "{TEST_DIR}" -> "/tmp/x"} */
    public SltParser(Map<String, String> keywords) {
        this.keywords = Map.copyOf(keywords);
    }

    public SltParser() {
        this(Map.of());
    }

    /** Parses a whole file; {@code name} is used in error messages and reports. */
    public SltScript parse(String name, String text) {
        requireNonNull(name, "name is null");
        String[] rawLines = text.split("\r?\n", -1);
        List<SourceLine> lines = new ArrayList<>(rawLines.length);
        for (int i = 0; i < rawLines.length; i++) {
            lines.add(new SourceLine(i + 1, rawLines[i]));
        }
        List<SltRecord> records = new ArrayList<>();
        new Block(name, records).parse(lines, Map.of());
        return new SltScript(name, records);
    }

    private record SourceLine(int number, String text) {
    }

    /** The state of one parse: where records go and whether a {@code halt} or skip region is in force. */
    private final class Block {
        private final String file;
        private final List<SltRecord> out;
        private boolean halted;
        private boolean skipMode;

        Block(String file, List<SltRecord> out) {
            this.file = file;
            this.out = out;
        }

        /** Parses {@code lines} with the loop variables {@code variables} in scope. */
        void parse(List<SourceLine> lines, Map<String, String> variables) {
            boolean skipNext = false;
            int i = 0;
            while (i < lines.size() && !halted) {
                SourceLine first = lines.get(i);
                String header = substitute(first.text(), variables).strip();
                if (header.isEmpty() || header.startsWith("#")) {
                    i++;
                    continue;
                }
                String[] tokens = header.split("\\s+");
                String command = tokens[0];
                boolean skipped = skipNext || skipMode;
                skipNext = false;
                switch (command) {
                    case "skipif", "onlyif" -> {
                        requireArguments(first, tokens, 2, command + " <engine>");
                        boolean named = tokens[1].toLowerCase(Locale.ROOT).equals(ENGINE);
                        skipNext = skipped || (command.equals("skipif") == named);
                        i++;
                    }
                    case "loop", "concurrentloop", "foreach", "concurrentforeach" -> {
                        int end = matchingEndloop(lines, i);
                        if (!skipped) {
                            expandLoop(first, tokens, lines.subList(i + 1, end), variables);
                        }
                        i = end + 1;
                    }
                    case "endloop" -> throw error(first, "endloop without loop or foreach");
                    case "halt" -> {
                        halted = !skipped;
                        i++;
                    }
                    case "mode" -> {
                        requireArguments(first, tokens, 2, "mode <skip|unskip|...>");
                        if (tokens[1].equals("unskip")) {
                            skipMode = false;
                        } else if (tokens[1].equals("skip") && !skipped) {
                            skipMode = true;
                        }
                        i++;
                    }
                    case "hash-threshold" -> {
                        requireArguments(first, tokens, 2, "hash-threshold <n>");
                        i++;
                    }
                    default -> {
                        int end = endOfRecord(lines, i);
                        if (!skipped) {
                            out.add(record(first.number(), tokens, substituted(lines.subList(i + 1, end), variables)));
                        }
                        i = end;
                    }
                }
            }
        }

        private SltRecord record(int line, String[] tokens, List<String> body) {
            return switch (tokens[0]) {
                case "statement" -> statement(line, tokens, body);
                case "query" -> query(line, tokens, body);
                case "require" -> {
                    requireArguments(line, tokens, 2, "require <feature>");
                    yield new SltRecord.Require(line, tokens[1], Arrays.asList(tokens).subList(2, tokens.length));
                }
                case "restart" -> new SltRecord.Restart(line);
                // DuckDB's "load <file> [readonly]" opens a database file; each script already runs on a database of
                // its own on disk, so it reopens that one (a read-only open is not modelled)
                case "load" -> new SltRecord.Restart(line);
                default -> throw new SltSyntaxException(file, line, "unknown command '" + tokens[0] + "'");
            };
        }

        private SltRecord.Statement statement(int line, String[] tokens, List<String> body) {
            requireArguments(line, tokens, 2, "statement ok|error|maybe");
            SltRecord.Expectation expectation = switch (tokens[1]) {
                case "ok" -> SltRecord.Expectation.SUCCEEDS;
                case "error" -> SltRecord.Expectation.FAILS;
                case "maybe" -> SltRecord.Expectation.MAY_FAIL;
                default -> throw new SltSyntaxException(file, line,
                        "statement must be followed by ok, error or maybe, not '" + tokens[1] + "'");
            };
            String sqlState = null;
            String connection = null;
            for (int t = 2; t < tokens.length; t++) {
                if (expectation != SltRecord.Expectation.SUCCEEDS && sqlState == null && connection == null
                        && SQLSTATE.matcher(tokens[t]).matches()) {
                    sqlState = tokens[t];
                } else if (connection == null) {
                    connection = tokens[t];
                } else {
                    throw new SltSyntaxException(file, line, "unexpected '" + tokens[t] + "' in statement header");
                }
            }
            int separator = body.indexOf(SEPARATOR);
            List<String> sqlLines = separator < 0 ? body : body.subList(0, separator);
            String sql = sql(line, sqlLines);
            ErrorMessagePattern message = null;
            if (separator >= 0) {
                if (expectation == SltRecord.Expectation.SUCCEEDS) {
                    throw new SltSyntaxException(file, line, "statement ok takes no ---- block");
                }
                String written = String.join("\n", body.subList(separator + 1, body.size())).strip();
                message = written.isEmpty() ? null : ErrorMessagePattern.parse(written);
            }
            return new SltRecord.Statement(line, connection, sql, expectation, sqlState, message);
        }

        private SltRecord.Query query(int line, String[] tokens, List<String> body) {
            requireArguments(line, tokens, 2, "query <types> [sort mode] [label]");
            String types = tokens[1];
            if (!TYPES.matcher(types).matches()) {
                throw new SltSyntaxException(file, line, "column types must be letters I, R or T, not '" + types + "'");
            }
            SortMode sortMode = SortMode.NOSORT;
            String connection = null;
            String label = null;
            if (tokens.length > 2) {
                SortMode named = SortMode.named(tokens[2]);
                if (named != null) {
                    sortMode = named;
                } else {
                    connection = tokens[2];
                }
            }
            if (tokens.length > 3) {
                label = tokens[3];
            }
            if (tokens.length > 4) {
                throw new SltSyntaxException(file, line, "unexpected '" + tokens[4] + "' in query header");
            }
            int separator = body.indexOf(SEPARATOR);
            List<String> sqlLines = separator < 0 ? body : body.subList(0, separator);
            List<String> expectedLines = separator < 0 ? List.of() : body.subList(separator + 1, body.size());
            return new SltRecord.Query(line, connection, sql(line, sqlLines), types, sortMode, label,
                    expected(expectedLines));
        }

        private static ExpectedResult expected(List<String> lines) {
            if (lines.size() == 1) {
                Matcher hash = HASH.matcher(lines.getFirst().strip());
                if (hash.matches()) {
                    return new ExpectedResult.Hash(Integer.parseInt(hash.group(1)), hash.group(2));
                }
            }
            return new ExpectedResult.Values(lines);
        }

        private String sql(int line, List<String> sqlLines) {
            String sql = String.join("\n", sqlLines).strip();
            if (sql.isEmpty()) {
                throw new SltSyntaxException(file, line, "record without SQL");
            }
            return sql;
        }

        private void expandLoop(SourceLine header, String[] tokens, List<SourceLine> body, Map<String, String> variables) {
            boolean isForeach = tokens[0].endsWith("foreach");
            requireArguments(header, tokens, isForeach ? 3 : 4,
                    isForeach ? "foreach <name> <value>..." : "loop <name> <from> <to>");
            List<String> values = new ArrayList<>();
            if (isForeach) {
                values.addAll(Arrays.asList(tokens).subList(2, tokens.length));
            } else {
                int from;
                int to;
                try {
                    from = Integer.parseInt(tokens[2]);
                    to = Integer.parseInt(tokens[3]);
                } catch (NumberFormatException e) {
                    throw error(header, "loop bounds must be integers");
                }
                for (int value = from; value < to; value++) {
                    values.add(Integer.toString(value));
                }
            }
            for (String value : values) {
                Map<String, String> scope = new HashMap<>(variables);
                scope.put(tokens[1], value);
                parse(body, scope);
            }
        }

        /** The index of the {@code endloop} closing the loop that starts at {@code start}. */
        private int matchingEndloop(List<SourceLine> lines, int start) {
            int depth = 0;
            for (int i = start; i < lines.size(); i++) {
                String command = firstToken(lines.get(i).text());
                switch (command) {
                    case "loop", "concurrentloop", "foreach", "concurrentforeach" -> depth++;
                    case "endloop" -> {
                        depth--;
                        if (depth == 0) {
                            return i;
                        }
                    }
                    default -> {
                    }
                }
            }
            throw error(lines.get(start), "loop without endloop");
        }

        /** The index of the blank line (or {@code endloop}, or the end) after the record starting at {@code start}. */
        private static int endOfRecord(List<SourceLine> lines, int start) {
            int i = start + 1;
            while (i < lines.size() && !lines.get(i).text().isBlank()
                    && !firstToken(lines.get(i).text()).equals("endloop")) {
                i++;
            }
            return i;
        }

        private List<String> substituted(List<SourceLine> lines, Map<String, String> variables) {
            List<String> out = new ArrayList<>(lines.size());
            for (SourceLine line : lines) {
                out.add(substitute(line.text(), variables).stripTrailing());
            }
            return out;
        }

        private void requireArguments(SourceLine line, String[] tokens, int count, String usage) {
            requireArguments(line.number(), tokens, count, usage);
        }

        private void requireArguments(int line, String[] tokens, int count, String usage) {
            if (tokens.length < count) {
                throw new SltSyntaxException(file, line, "expected " + usage);
            }
        }

        private SltSyntaxException error(SourceLine line, String problem) {
            return new SltSyntaxException(file, line.number(), problem);
        }
    }

    private String substitute(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> keyword : keywords.entrySet()) {
            result = result.replace(keyword.getKey(), keyword.getValue());
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("${" + variable.getKey() + "}", variable.getValue())
                    .replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return result;
    }

    private static String firstToken(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
