package io.basalt.engine;

import io.basalt.type.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN (FORMAT JSON): turns the text form's lines (see {@link io.basalt.plan.logical.ExplainPrinter}), whose
 * shape is strict (a node per line at the margin or after {@code "->  "}, its properties as {@code "Key: value"}
 * lines indented under it, its estimate in parentheses after its name), into PostgreSQL's JSON document: an
 * array of one object holding {@code "Plan"}, each node with {@code "Node Type"}, the relation, join type or
 * aggregation strategy where the name carries one, the estimate, its properties ({@code "Sort Key"} and
 * {@code "Group Key"} as arrays), under ANALYZE its measured {@code "Actual ..."} figures, and its children as
 * {@code "Plans"}; then the summary times.
 */
final class ExplainJson {
    private static final Pattern ESTIMATE = Pattern.compile(
            "  \\(cost=([0-9.]+)\\.\\.([0-9.]+) rows=(\\d+) width=(\\d+)\\)$");
    /** EXPLAIN ANALYZE's measured figures after a node's name (and estimate): with or without the times. */
    private static final Pattern ACTUALS = Pattern.compile(
            " \\(actual (?:time=([0-9.]+)\\.\\.([0-9.]+) )?rows=(\\d+) loops=(\\d+)\\)$");
    private static final String NEVER_EXECUTED = " (never executed)";

    /** A node of the parsed text: its name line and property lines, children in order. */
    private static final class Node {
        final String name;
        final int indent;
        final List<String> properties = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String name, int indent) {
            this.name = name;
            this.indent = indent;
        }
    }

    private ExplainJson() {
    }

    /**
     * The JSON document for the plan in {@code planLines}, followed by {@code summary} lines such as
     * {@code "Planning Time: 0.100 ms"} as numeric members.
     */
    static String render(List<String> planLines, List<String> summary) {
        Node root = parse(planLines);
        StringBuilder out = new StringBuilder("[\n  {\n    \"Plan\": ");
        node(root, "    ", out, null);
        for (String line : summary) {
            int colon = line.indexOf(": ");
            String value = line.substring(colon + 2).replace(" ms", "");
            out.append(",\n    ").append(JsonText.quote(line.substring(0, colon))).append(": ").append(value);
        }
        out.append("\n  }\n]");
        return out.toString();
    }

    private static Node parse(List<String> lines) {
        List<Node> open = new ArrayList<>();
        Node root = null;
        for (String line : lines) {
            int arrow = line.indexOf("->  ");
            boolean nodeLine = root == null || (arrow >= 0 && line.substring(0, arrow).isBlank());
            if (nodeLine) {
                int indent = root == null ? 0 : arrow;
                Node node = new Node(line.substring(root == null ? 0 : arrow + 4), indent);
                while (!open.isEmpty() && open.getLast().indent >= indent && root != null) {
                    open.removeLast();
                }
                if (root == null) {
                    root = node;
                } else {
                    open.getLast().children.add(node);
                }
                open.add(node);
            } else {
                int indent = line.length() - line.stripLeading().length();
                // a property belongs to the innermost open node whose arrow is left of it
                while (open.size() > 1 && open.getLast().indent >= indent) {
                    open.removeLast();
                }
                open.getLast().properties.add(line.strip());
            }
        }
        return root;
    }

    private static void node(Node node, String indent, StringBuilder out, String relationship) {
        String inner = indent + "  ";
        List<String> members = new ArrayList<>();
        String name = node.name;
        // the actuals as [startup, total, rows, loops], the times null under TIMING OFF
        String[] actuals = null;
        Matcher measured = ACTUALS.matcher(name);
        if (measured.find()) {
            actuals = new String[] {measured.group(1), measured.group(2), measured.group(3), measured.group(4)};
            name = name.substring(0, measured.start());
        } else if (name.endsWith(NEVER_EXECUTED)) {
            actuals = new String[] {"0.000", "0.000", "0", "0"};
            name = name.substring(0, name.length() - NEVER_EXECUTED.length());
        }
        Matcher estimate = ESTIMATE.matcher(name);
        String[] costs = null;
        if (estimate.find()) {
            costs = new String[] {estimate.group(1), estimate.group(2), estimate.group(3), estimate.group(4)};
            name = name.substring(0, estimate.start());
        }
        String relation = null;
        String alias = null;
        int on = name.indexOf(" on ");
        if (on >= 0) {
            relation = name.substring(on + 4);
            name = name.substring(0, on);
            // "t t1": the relation, then the name the query gave it (PostgreSQL's Alias, else the relation's name)
            int space = aliasSpace(relation);
            alias = space < 0 ? relation : relation.substring(space + 1);
            relation = space < 0 ? relation : relation.substring(0, space);
        }
        String joinType = null;
        for (String kind : List.of("Left", "Right", "Full", "Semi", "Anti")) {
            if (name.endsWith(" " + kind + " Join")) {
                joinType = kind;
                name = name.substring(0, name.length() - kind.length() - 6) + (name.startsWith("Hash") ? " Join" : "");
            }
        }
        if (joinType == null && (name.equals("Hash Join") || name.equals("Nested Loop"))) {
            joinType = "Inner";
        }
        String strategy = null;
        if (name.equals("HashAggregate")) {
            name = "Aggregate";
            strategy = "Hashed";
        } else if (name.equals("Aggregate")) {
            strategy = "Plain";
        }
        members.add(member("Node Type", JsonText.quote(name)));
        if (relationship != null) {
            members.add(member("Parent Relationship", JsonText.quote(relationship)));
        }
        if (strategy != null) {
            members.add(member("Strategy", JsonText.quote(strategy)));
        }
        if (joinType != null) {
            members.add(member("Join Type", JsonText.quote(joinType)));
        }
        if (relation != null) {
            members.add(member("Relation Name", JsonText.quote(relation)));
            members.add(member("Alias", JsonText.quote(alias)));
        }
        if (costs != null) {
            members.add(member("Startup Cost", costs[0]));
            members.add(member("Total Cost", costs[1]));
            members.add(member("Plan Rows", costs[2]));
            members.add(member("Plan Width", costs[3]));
        }
        if (actuals != null) {
            if (actuals[0] != null) {
                members.add(member("Actual Startup Time", actuals[0]));
                members.add(member("Actual Total Time", actuals[1]));
            }
            members.add(member("Actual Rows", actuals[2]));
            members.add(member("Actual Loops", actuals[3]));
        }
        for (String property : node.properties) {
            int colon = property.indexOf(": ");
            String key = colon < 0 ? property : property.substring(0, colon);
            String value = colon < 0 ? "" : property.substring(colon + 2);
            if (key.equals("Sort Key") || key.equals("Group Key") || key.equals("Output")) {
                List<String> items = new ArrayList<>();
                for (String item : splitTopLevel(value)) {
                    items.add(JsonText.quote(item));
                }
                members.add(member(key, "[" + String.join(", ", items) + "]"));
            } else {
                members.add(member(key, JsonText.quote(value)));
            }
        }
        out.append("{\n");
        for (int i = 0; i < members.size(); i++) {
            out.append(inner).append(members.get(i)).append(i + 1 < members.size() || !node.children.isEmpty() ? ",\n" : "\n");
        }
        if (!node.children.isEmpty()) {
            out.append(inner).append("\"Plans\": [\n");
            for (int i = 0; i < node.children.size(); i++) {
                String childRelationship = joinType != null ? (i == 0 ? "Outer" : "Inner") : "Outer";
                out.append(inner).append("  ");
                node(node.children.get(i), inner + "  ", out, childRelationship);
                out.append(i + 1 < node.children.size() ? ",\n" : "\n");
            }
            out.append(inner).append("]\n");
        }
        out.append(indent).append("}");
    }

    private static String member(String key, String value) {
        return JsonText.quote(key) + ": " + value;
    }

    /** {@code text} split at the commas outside parentheses and quotes. */
    private static List<String> splitTopLevel(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',' && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                items.add(text.substring(start, i));
                start = i + 2;
            }
        }
        items.add(text.substring(start));
        return items;
    }

    /** Where the alias after a node's relation starts (the space before it), outside double quotes; -1: none. */
    private static int aliasSpace(String relation) {
        boolean quoted = false;
        for (int i = 0; i < relation.length(); i++) {
            char c = relation.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
