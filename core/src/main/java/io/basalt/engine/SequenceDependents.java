package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.sequence.SequenceNames;
import io.basalt.sql.ast.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The column defaults that depend on a sequence, as PostgreSQL records them: a default depends on every sequence
 * it names by a constant in {@code nextval}, {@code currval} or {@code setval} ({@code 'name'} or
 * {@code 'name'::regclass}); a name given as text ({@code 'name'::text}) is looked up only when the default runs
 * and creates no dependency.
 */
final class SequenceDependents {
    /** Column {@code column} of {@code table} has a default that calls the sequence. */
    record Dependent(TableEntry table, int column) {
        String description() {
            return "default value for column " + table.columns().get(column).name() + " of table " + table.name();
        }
    }

    private SequenceDependents() {
    }

    /** The defaults that call {@code sequence}, by table name and column order. */
    static List<Dependent> of(Catalog catalog, SequenceEntry sequence) {
        List<Dependent> dependents = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            for (int c = 0; c < table.columns().size(); c++) {
                Expression expression = table.columns().get(c).defaultExpression();
                if (expression != null && names(catalog, expression, sequence)) {
                    dependents.add(new Dependent(table, c));
                }
            }
        }
        return dependents;
    }

    /** DROP ... CASCADE: the dependent columns lose their defaults. */
    static void dropDefaults(Catalog catalog, List<Dependent> dependents) {
        for (Dependent dependent : dependents) {
            TableEntry table = catalog.findTable(dependent.table().schema(), dependent.table().name()).orElseThrow();
            List<ColumnEntry> columns = new ArrayList<>(table.columns());
            ColumnEntry column = columns.get(dependent.column());
            columns.set(dependent.column(), new ColumnEntry(column.name(), column.type(), column.notNull(), null, null,
                    column.identity()));
            catalog.replaceTable(table, new TableEntry(table.schema(), table.name(), columns, table.store(),
                    table.checks(), table.uniqueKeys(), table.foreignKeys(), table.indexes(), table.options()));
        }
    }

    private static boolean names(Catalog catalog, Expression expression, SequenceEntry sequence) {
        return switch (expression) {
            case Expression.FunctionCall call -> {
                String name = call.name().last();
                boolean sequenceFunction = name.equals("nextval") || name.equals("currval") || name.equals("setval");
                if (sequenceFunction && !call.arguments().isEmpty()
                        && constantName(call.arguments().getFirst()) instanceof String text) {
                    try {
                        if (SequenceNames.resolve(catalog, text) == sequence) {
                            yield true;
                        }
                    } catch (BasaltException notASequence) {
                        // names something else
                    }
                }
                boolean found = false;
                for (Expression argument : call.arguments()) {
                    found |= names(catalog, argument, sequence);
                }
                yield found;
            }
            case Expression.Binary binary -> names(catalog, binary.left(), sequence)
                    || names(catalog, binary.right(), sequence);
            case Expression.Unary unary -> names(catalog, unary.operand(), sequence);
            case Expression.Cast cast -> names(catalog, cast.operand(), sequence);
            default -> false;
        };
    }

    /** The sequence name of {@code 'name'} or {@code 'name'::regclass}, else null. */
    private static String constantName(Expression argument) {
        return switch (argument) {
            case Expression.StringLiteral literal -> literal.value();
            case Expression.Cast cast when cast.type().name().equals("regclass")
                    && cast.operand() instanceof Expression.StringLiteral literal -> literal.value();
            default -> null;
        };
    }
}
