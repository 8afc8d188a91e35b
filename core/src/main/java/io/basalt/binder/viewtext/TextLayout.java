package io.basalt.binder.viewtext;

/**
 * The text being written and PostgreSQL's indentation state for it (ruleutils' {@code indentLevel}): keywords that
 * start a clause go on a new line indented from the current level, and nested queries indent by {@link #STANDARD}.
 * {@code pretty} is {@code pg_get_viewdef(view, true)}: fewer parentheses; indentation is the same either way, as
 * PostgreSQL indents both forms of a view's definition.
 */
final class TextLayout {
    static final int STANDARD = 8;
    static final int JOIN = 4;
    static final int VARIABLE = 4;

    final boolean pretty;
    StringBuilder out = new StringBuilder();
    int indent;

    TextLayout(boolean pretty) {
        this.pretty = pretty;
    }

    TextLayout append(String text) {
        out.append(text);
        return this;
    }

    TextLayout append(char c) {
        out.append(c);
        return this;
    }

    /**
     * PostgreSQL's {@code appendContextKeyword}: moves the level by {@code before}, starts a new line (dropping
     * trailing spaces) indented by the level plus {@code plus}, writes {@code keyword} and moves the level by
     * {@code after}.
     */
    void keyword(String keyword, int before, int after, int plus) {
        indent = Math.max(0, indent + before);
        removeTrailingSpaces();
        out.append('\n');
        out.append(" ".repeat(indent + plus));
        out.append(keyword);
        indent = Math.max(0, indent + after);
    }

    void removeTrailingSpaces() {
        int length = out.length();
        while (length > 0 && out.charAt(length - 1) == ' ') {
            length--;
        }
        out.setLength(length);
    }

    /** The length of the text's last line. */
    int lastLineLength() {
        return out.length() - (out.lastIndexOf("\n") + 1);
    }
}
