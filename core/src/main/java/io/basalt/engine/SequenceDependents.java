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

    /**
     * The tables whose defaults call {@code sequence} by a constant name, as they are once those calls name it
     * {@code newName} (the name a default writes after ALTER SEQUENCE RENAME TO / SET SCHEMA), each paired with the
     * table as it is: PostgreSQL's defaults hold the sequence's OID and so follow it. Computed before the sequence
     * changes name, applied by the caller after.
     */
    static List<TableEntry[]> following(Catalog catalog, SequenceEntry sequence, String formerName, String newName) {
        List<TableEntry[]> changed = new ArrayList<>();
        for (TableEntry table : catalog.tables()) {
            List<ColumnEntry> columns = new ArrayList<>(table.columns());
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                ColumnEntry column = columns.get(c);
                Expression expression = column.defaultExpression();
                Expression renamed = expression == null ? null : renamed(catalog, expression, sequence, newName);
                if (renamed != expression) {
                    String text = column.identity() != null || column.defaultText() == null ? column.defaultText()
                            : column.defaultText().replace(regclassText(formerName), regclassText(newName));
                    columns.set(c, new ColumnEntry(column.name(), column.type(), column.notNull(), renamed, text,
                            column.identity(), column.generation(), column.generationText(), column.notNullName()));
                    any = true;
                }
            }
            if (any) {
                changed.add(new TableEntry[] {table, new TableEntry(table.schema(), table.name(), columns,
                        table.store(), table.checks(), table.uniqueKeys(), table.foreignKeys(), table.indexes(),
                        table.options())});
            }
        }
        return changed;
    }

    private static String regclassText(String name) {
        return "'" + name.replace("'", "''") + "'::regclass";
    }

    /** {@code expression} with the constant names of {@code sequence} in its sequence calls replaced, or itself. */
    private static Expression renamed(Catalog catalog, Expression expression, SequenceEntry sequence, String newName) {
        return switch (expression) {
            case Expression.FunctionCall call -> {
                String name = call.name().last();
                boolean sequenceFunction = name.equals("nextval") || name.equals("currval") || name.equals("setval");
                List<Expression> arguments = new ArrayList<>(call.arguments());
                boolean changed = false;
                for (int a = 0; a < arguments.size(); a++) {
                    Expression argument = arguments.get(a);
                    Expression replaced = a == 0 && sequenceFunction && constantName(argument) instanceof String text
                            && resolves(catalog, text, sequence) ? withName(argument, newName)
                            : renamed(catalog, argument, sequence, newName);
                    changed |= replaced != argument;
                    arguments.set(a, replaced);
                }
                yield !changed ? call : new Expression.FunctionCall(call.name(), arguments, call.distinct(),
                        call.star(), call.orderBy(), call.filter(), call.over(), call.position(), call.withinGroup());
            }
            case Expression.Binary binary -> {
                Expression left = renamed(catalog, binary.left(), sequence, newName);
                Expression right = renamed(catalog, binary.right(), sequence, newName);
                yield left == binary.left() && right == binary.right() ? binary
                        : new Expression.Binary(binary.operator(), left, right, binary.position());
            }
            case Expression.Unary unary -> {
                Expression operand = renamed(catalog, unary.operand(), sequence, newName);
                yield operand == unary.operand() ? unary
                        : new Expression.Unary(unary.operator(), operand, unary.position());
            }
            case Expression.Cast cast -> {
                Expression operand = renamed(catalog, cast.operand(), sequence, newName);
                yield operand == cast.operand() ? cast : new Expression.Cast(operand, cast.type(), cast.position());
            }
            default -> expression;
        };
    }

    /** The constant {@code 'name'} or {@code 'name'::regclass} with another name. */
    private static Expression withName(Expression argument, String newName) {
        return switch (argument) {
            case Expression.StringLiteral literal -> new Expression.StringLiteral(newName, literal.position());
            case Expression.Cast cast -> new Expression.Cast(new Expression.StringLiteral(newName,
                    cast.operand().position()), cast.type(), cast.position());
            default -> argument;
        };
    }

    private static boolean resolves(Catalog catalog, String text, SequenceEntry sequence) {
        try {
            return SequenceNames.resolve(catalog, text) == sequence;
        } catch (BasaltException notASequence) {
            return false;
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
