package io.basalt.routine.plpgsql;

import io.basalt.binder.TypeNames;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables of a PL/pgSQL function while it is compiled: every declaration gets a slot of its own (the frame
 * has one per slot); names resolve through nested block scopes, innermost first. The function's parameters are
 * also reachable as {@code $n}.
 */
final class Variables {
    private final List<String> names = new ArrayList<>();
    private final List<VariableType> types = new ArrayList<>();
    private final Deque<Map<String, Integer>> scopes = new ArrayDeque<>();
    private final List<Integer> parameterSlots = new ArrayList<>();
    /** For %TYPE and %ROWTYPE; null when the function is compiled without a catalog. */
    private final Catalog catalog;

    Variables(Catalog catalog) {
        this.catalog = catalog;
        scopes.push(new HashMap<>());
    }

    void push() {
        scopes.push(new HashMap<>());
    }

    void pop() {
        scopes.pop();
    }

    int declare(String name, VariableType type) {
        int slot = names.size();
        names.add(name);
        types.add(type);
        scopes.peek().put(name, slot);
        return slot;
    }

    /** Declares a parameter (named or not): it is also {@code $n}, n counting parameters from 1. */
    int declareParameter(String name, VariableType type) {
        int slot = declare(name == null ? "$" + (parameterSlots.size() + 1) : name, type);
        parameterSlots.add(slot);
        return slot;
    }

    void alias(String name, int slot) {
        scopes.peek().put(name, slot);
    }

    /** The slot {@code name} means here, or -1. */
    int lookup(String name) {
        for (Map<String, Integer> scope : scopes) {
            Integer slot = scope.get(name);
            if (slot != null) {
                return slot;
            }
        }
        return -1;
    }

    int parameterSlot(int number) {
        return number >= 1 && number <= parameterSlots.size() ? parameterSlots.get(number - 1) : -1;
    }

    VariableType type(int slot) {
        return types.get(slot);
    }

    List<String> names() {
        return names;
    }

    List<VariableType> types() {
        return types;
    }

    /** The type a declaration writes: a type name, {@code record}, {@code t%ROWTYPE} or {@code x%TYPE}. */
    VariableType resolveType(String written) {
        String lower = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (lower.equals("record") || lower.endsWith("%rowtype")) {
            return VariableType.RECORD;
        }
        if (lower.endsWith("%type")) {
            String target = lower.substring(0, lower.length() - "%type".length()).trim();
            int slot = lookup(target);
            if (slot >= 0) {
                return types.get(slot);
            }
            int dot = target.lastIndexOf('.');
            if (dot > 0 && catalog != null) {
                String tableName = target.substring(0, dot);
                String schema = null;
                int schemaDot = tableName.lastIndexOf('.');
                if (schemaDot > 0) {
                    schema = tableName.substring(0, schemaDot);
                    tableName = tableName.substring(schemaDot + 1);
                }
                TableEntry table = catalog.findTable(schema, tableName).orElse(null);
                if (table != null && table.columnIndex(target.substring(dot + 1)) >= 0) {
                    return VariableType.of(table.columnTypes().get(table.columnIndex(target.substring(dot + 1))));
                }
            }
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "type \"" + written + "\" does not exist");
        }
        LogicalType type = TypeNames.resolve(Parser.parseTypeName(written));
        return VariableType.of(type);
    }
}
