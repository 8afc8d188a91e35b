package io.basalt.engine;

import io.basalt.engine.setting.Parameter;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ResetStatement;
import io.basalt.sql.ast.SetStatement;
import io.basalt.sql.ast.SettingValue;
import io.basalt.sql.ast.ShowStatement;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TextFormat;
import io.basalt.type.ValueConversion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs SET, SHOW and RESET against a session's {@link SessionSettings}. SET's values are turned into the one
 * text a parameter receives as PostgreSQL does ({@code flatten_set_variable_args}): a list is accepted only by
 * list parameters and joined with ", ", search_path's names are quoted where needed, numbers keep their
 * spelling, SET TIME ZONE's interval becomes {@code INTERVAL '...'}.
 *
 * <p>Transactions are the session's concern ({@code SessionImpl.transactionalSetting}): in a block, ROLLBACK puts
 * SET's values back and SET LOCAL's value lasts until the block ends; outside one SET LOCAL only warns.
 */
final class SettingStatements {
    private final SessionSettings settings;
    private final Supplier<BufferAllocator> resultAllocators;

    SettingStatements(SessionSettings settings, Supplier<BufferAllocator> resultAllocators) {
        this.settings = settings;
        this.resultAllocators = resultAllocators;
    }

    QueryResultImpl set(SetStatement set) {
        List<String> notices = new ArrayList<>();
        switch (set.mode()) {
            case DEFAULT -> settings.reset(set.name());
            case FROM_CURRENT -> settings.set(set.name(), settings.show(set.name()), notices);
            case VALUES -> settings.set(set.name(), flatten(set.name(), set.values()), notices);
        }
        return QueryResultImpl.command("SET", 0, notices);
    }

    QueryResultImpl reset(ResetStatement reset) {
        if (reset.all()) {
            settings.resetAll();
        } else {
            settings.reset(reset.name());
        }
        return QueryResultImpl.command("RESET", 0, List.of());
    }

    QueryResultImpl show(ShowStatement show) {
        if (show.all()) {
            return TextRows.result(List.of("name", "setting", "description"), settings.all(), "SHOW", List.of(),
                    resultAllocators.get());
        }
        String value = settings.show(show.name());
        List<List<String>> rows = new ArrayList<>();
        rows.add(java.util.Collections.singletonList(value));
        return TextRows.result(List.of(settings.displayName(show.name())), rows, "SHOW", List.of(),
                resultAllocators.get());
    }

    /** The text SET gives parameter {@code name} for {@code values}. */
    private String flatten(String name, List<SettingValue> values) {
        Parameter parameter = settings.parameter(name);
        boolean list = parameter != null && parameter.listInput();
        if (values.size() > 1 && !list) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "SET " + name + " takes only one argument");
        }
        boolean quote = parameter != null && parameter.quoteListItems();
        StringBuilder text = new StringBuilder();
        for (SettingValue value : values) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(switch (value.kind()) {
                case NUMBER -> value.text();
                case STRING -> quote ? IdentifierQuoting.quote(value.text()) : value.text();
                case INTERVAL -> {
                    Interval interval = (Interval) ValueConversion.parse(value.text(), LogicalType.INTERVAL);
                    yield "INTERVAL '" + TextFormat.formatInterval(interval) + "'";
                }
            });
        }
        return text.toString();
    }
}
