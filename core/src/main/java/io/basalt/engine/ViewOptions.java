package io.basalt.engine;

import io.basalt.catalog.ViewEntry;
import io.basalt.sql.ast.AlterViewStatement;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A view's options (reloptions: {@code check_option}, {@code security_barrier}, {@code security_invoker}) as ALTER
 * VIEW ... SET (...) and RESET (...) change them, in PostgreSQL's order: the options kept come first as they were,
 * then those SET names, in the order written. RESET of an option the view does not have does nothing, as in
 * PostgreSQL. The parser checked names and values ({@code ViewParser}).
 */
final class ViewOptions {
    private ViewOptions() {
    }

    /** {@code options} ({@code name=value}) after {@code change}. */
    static List<String> changed(List<String> options, AlterViewStatement.SetOptions change) {
        List<String> names = new ArrayList<>();
        for (String item : change.options()) {
            names.add(change.reset() ? item : nameOf(item));
        }
        List<String> result = new ArrayList<>();
        for (String option : options) {
            if (!names.contains(nameOf(option))) {
                result.add(option);
            }
        }
        if (!change.reset()) {
            for (int i = 0; i < change.options().size(); i++) {
                // a name written twice keeps its last value, as PostgreSQL does
                if (names.lastIndexOf(names.get(i)) == i) {
                    result.add(change.options().get(i));
                }
            }
        }
        return result;
    }

    /** The check option ({@code local}, {@code cascaded}) that {@code options} give, or null. */
    static String checkOption(List<String> options) {
        for (String option : options) {
            if (nameOf(option).equals("check_option")) {
                return option.substring(option.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The statements that give {@code after} (the same view) the options of {@code before} again. */
    static List<String> inverse(ViewEntry before, ViewEntry after) {
        String target = "ALTER VIEW " + IdentifierQuoting.quote(after.schema()) + "."
                + IdentifierQuoting.quote(after.name());
        List<String> statements = new ArrayList<>();
        if (!after.options().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String option : after.options()) {
                names.add(nameOf(option));
            }
            statements.add(target + " RESET (" + String.join(", ", names) + ")");
        }
        if (!before.options().isEmpty()) {
            statements.add(target + " SET (" + String.join(", ", before.options()) + ")");
        }
        return statements;
    }

    private static String nameOf(String option) {
        int equals = option.indexOf('=');
        return equals < 0 ? option : option.substring(0, equals);
    }
}
