package io.basalt.exec.function.set;

import io.basalt.exec.function.scalar.regex.PatternSource;
import io.basalt.exec.function.scalar.regex.RegexMatches;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code regexp_matches(string, pattern [, flags])}, one text[] row per match (every match with the g flag, else at
 * most one), and {@code regexp_split_to_table(string, pattern [, flags])}, one text row per piece. Arguments are
 * text; a NULL one gives no rows.
 */
public final class RegexSetFunction extends ComputedRowsFunction {
    private final boolean matches;

    /** @param matches regexp_matches; else regexp_split_to_table */
    public RegexSetFunction(boolean matches) {
        this.matches = matches;
    }

    @Override
    public String name() {
        return matches ? "regexp_matches" : "regexp_split_to_table";
    }

    @Override
    public List<LogicalType> outputTypes() {
        return List.of(matches ? LogicalType.arrayOf(LogicalType.TEXT) : LogicalType.TEXT);
    }

    @Override
    public List<List<Object>> rows(Object[] arguments) {
        String text = (String) arguments[0];
        String pattern = (String) arguments[1];
        String flags = arguments.length > 2 ? (String) arguments[2] : "";
        List<List<Object>> rows = new ArrayList<>();
        if (text == null || pattern == null || flags == null) {
            return rows;
        }
        PatternSource compiled = PatternSource.compile(pattern, flags, name(), matches);
        Matcher matcher = compiled.pattern().matcher(text);
        List<?> results = matches ? RegexMatches.all(matcher, text, compiled.flags().global())
                : RegexMatches.split(matcher, text);
        for (Object result : results) {
            List<Object> row = new ArrayList<>(1);
            row.add(result);
            rows.add(row);
        }
        return rows;
    }
}
