package io.basalt.engine.setting;

import java.util.List;
import java.util.Locale;

/**
 * Values of the DateStyle parameter: an output style (ISO, SQL, Postgres, German) and a field order for
 * ambiguous input dates (DMY, MDY, YMD; also Euro/European for DMY and US/NonEuro/NonEuropean for MDY), in any
 * order and case. A half left out keeps its current value, except that German alone also means DMY; DEFAULT
 * stands for the default's halves. SHOW prints both halves: {@code ISO, MDY}.
 */
final class DateStyles {
    static final String DEFAULT = "ISO, MDY";

    private DateStyles() {
    }

    static String canonical(Parameter parameter, Assignment assignment) {
        List<String> words = IdentifierLists.split(assignment.text());
        if (words == null) {
            throw InvalidValue.of(parameter.name(), assignment.text()).withDetail("List syntax is invalid.");
        }
        String current = assignment.current() == null ? DEFAULT : assignment.current();
        String style = current.substring(0, current.indexOf(','));
        String order = current.substring(current.indexOf(',') + 2);
        boolean haveStyle = false;
        boolean haveOrder = false;
        boolean conflict = false;
        for (String word : words) {
            String upper = word.toUpperCase(Locale.ROOT);
            String wordStyle = null;
            String wordOrder = null;
            if (upper.equals("ISO") || upper.equals("SQL")) {
                wordStyle = upper;
            } else if (upper.startsWith("POSTGRES")) {
                wordStyle = "Postgres";
            } else if (upper.equals("GERMAN")) {
                wordStyle = "German";
                if (!haveOrder) {
                    order = "DMY"; // German implies DMY unless an order was given, without fixing the order
                }
            } else if (upper.equals("YMD")) {
                wordOrder = "YMD";
            } else if (upper.equals("DMY") || upper.startsWith("EURO")) {
                wordOrder = "DMY";
            } else if (upper.equals("MDY") || upper.equals("US") || upper.startsWith("NONEURO")) {
                wordOrder = "MDY";
            } else if (upper.equals("DEFAULT")) {
                // the default's halves fill in what was not given, without fixing them
                style = haveStyle ? style : "ISO";
                order = haveOrder ? order : "MDY";
            } else {
                throw InvalidValue.of(parameter.name(), assignment.text())
                        .withDetail("Unrecognized key word: \"" + word + "\".");
            }
            if (wordStyle != null) {
                conflict |= haveStyle && !style.equals(wordStyle);
                style = wordStyle;
                haveStyle = true;
            } else if (wordOrder != null) {
                conflict |= haveOrder && !order.equals(wordOrder);
                order = wordOrder;
                haveOrder = true;
            }
        }
        if (conflict) {
            throw InvalidValue.of(parameter.name(), assignment.text())
                    .withDetail("Conflicting \"datestyle\" specifications.");
        }
        return style + ", " + order;
    }
}
