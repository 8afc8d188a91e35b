package io.basalt.binder.viewtext;

import io.basalt.binder.TypeNames;
import io.basalt.error.BasaltException;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Writes an expression of a view as PostgreSQL's ruleutils prints the analyzed expression: column references
 * resolved and qualified, constants with their type where PostgreSQL shows it ({@code 'x'::text}, {@code
 * '-1'::integer}), the implicit casts its operators add ({@code t.d::text = 'x'::text}, {@code t.c > 1::numeric}),
 * IN lists as {@code = ANY (ARRAY[...])}, BETWEEN as two comparisons. Pretty text puts parentheses only where
 * precedence needs them (ruleutils' {@code isSimpleNode}); plain text wraps every operator, test and boolean
 * expression in its own.
 */
final class ExpressionWriter {
    /** How an expression sits in its parent, for the parentheses pretty text needs. */
    private enum Shape { SIMPLE, OPERATOR, AND, OR, NOT, TEST, ARRAY_OPERATOR, CAST_OF_SIMPLE, CAST_OF_OTHER }

    /** The parent of an operand: an operator ({@code operator} set when binary), AND, OR, NOT, a cast or another. */
    record Parent(String kind, String operator, boolean left) {
        static final Parent AND = new Parent("AND", null, false);
        static final Parent OR = new Parent("OR", null, false);
        static final Parent NOT = new Parent("NOT", null, false);
        static final Parent CAST = new Parent("CAST", null, false);
        static final Parent OTHER = new Parent("OTHER", null, false);
    }

    private final QueryWriter queries;
    private final TextLayout layout;
    final NameScope scope;

    ExpressionWriter(QueryWriter queries, NameScope scope) {
        this.queries = queries;
        this.layout = queries.layout;
        this.scope = scope;
    }

    /** Writes a select-list expression: a literal of unknown type is text there. */
    void writeOutput(Expression expression) {
        writeValue(expression, LogicalType.TEXT);
    }

    /** Writes {@code expression}, typing an untyped literal as {@code type} (when known). */
    void writeValue(Expression expression, LogicalType type) {
        if (isUntypedLiteral(expression)) {
            constant(expression, type == null ? LogicalType.TEXT : type);
        } else {
            write(expression, null);
        }
    }

    /** Writes a field of a VALUES row or a ROW constructor: a whole-row reference there is cast to its row type. */
    void writeField(Expression expression, LogicalType type) {
        String wholeRow = expression instanceof Expression.ColumnRef reference
                ? scope.wholeRow(reference.parts(), true) : null;
        if (wholeRow != null) {
            layout.append(wholeRow);
        } else {
            writeValue(expression, type);
        }
    }

    /** The type of column {@code c} of a VALUES list. */
    LogicalType columnType(List<List<Expression>> rows, int c) {
        LogicalType type = null;
        boolean sameLength = true;
        for (List<Expression> row : rows) {
            LogicalType next = typeOf(row.get(c));
            sameLength &= next != null && (type == null || next.equals(type));
            type = ExpressionTypes.common(type, next);
        }
        if (type != null && !sameLength && type.precision() >= 0) {
            // as PostgreSQL's select_common_typmod: a length only when every value has the same
            if (type.id() == io.basalt.type.TypeId.VARCHAR) {
                return LogicalType.VARCHAR;
            }
            if (type.id() == io.basalt.type.TypeId.CHAR) {
                return LogicalType.BPCHAR;
            }
        }
        return type == null ? LogicalType.TEXT : type;
    }

    /** The type of a select-list expression (text for an untyped literal), or null when unknown. */
    LogicalType outputType(Expression expression) {
        return isUntypedLiteral(expression) ? LogicalType.TEXT : typeOf(expression);
    }

    // ---- shapes and parentheses ---------------------------------------------------------------------------------

    private Shape shape(Expression expression) {
        return switch (expression) {
            case Expression.Binary binary -> switch (binary.operator()) {
                case "AND" -> Shape.AND;
                case "OR" -> Shape.OR;
                default -> Shape.OPERATOR;
            };
            case Expression.Unary unary -> unary.operator().equals("NOT") ? Shape.NOT
                    : unary.operand() instanceof Expression.NumberLiteral ? Shape.SIMPLE : Shape.OPERATOR;
            case Expression.Like ignored -> Shape.OPERATOR;
            case Expression.IsNull ignored -> Shape.TEST;
            case Expression.IsBoolean ignored -> Shape.TEST;
            case Expression.IsDistinctFrom distinct -> distinct.negated() ? Shape.NOT : Shape.TEST;
            case Expression.Exists ignored -> Shape.TEST;
            case Expression.ScalarSubquery ignored -> Shape.TEST;
            case Expression.ArraySubquery ignored -> Shape.TEST;
            case Expression.InSubquery in -> in.negated() ? Shape.NOT : Shape.TEST;
            case Expression.Quantified quantified -> quantified.query() != null ? Shape.TEST : Shape.ARRAY_OPERATOR;
            case Expression.Between between -> between.negated() ? Shape.OR : Shape.AND;
            case Expression.InList in -> in.values().size() == 1 ? Shape.OPERATOR : Shape.ARRAY_OPERATOR;
            case Expression.Cast cast -> isLiteral(cast.operand()) ? Shape.SIMPLE
                    : simple(shape(cast.operand())) ? Shape.CAST_OF_SIMPLE : Shape.CAST_OF_OTHER;
            default -> Shape.SIMPLE;
        };
    }

    private static boolean simple(Shape shape) {
        return shape == Shape.SIMPLE || shape == Shape.CAST_OF_SIMPLE;
    }

    private static boolean basic(String operator) {
        return operator != null && (operator.equals("+") || operator.equals("-") || operator.equals("*")
                || operator.equals("/") || operator.equals("%"));
    }

    private static boolean high(String operator) {
        return operator.equals("*") || operator.equals("/") || operator.equals("%");
    }

    /** ruleutils' {@code !isSimpleNode}: whether pretty text needs parentheses around a child of this shape. */
    private static boolean needsParentheses(Shape shape, String operator, Parent parent) {
        if (parent == null) {
            return false;
        }
        boolean bool = parent == Parent.AND || parent == Parent.OR || parent == Parent.NOT;
        return switch (shape) {
            case SIMPLE, CAST_OF_SIMPLE -> false;
            case CAST_OF_OTHER -> true;
            case OPERATOR -> {
                if (parent.kind().equals("OPERATOR")) {
                    if (!basic(operator) || !basic(parent.operator())) {
                        yield true;
                    }
                    if (high(operator) && !high(parent.operator())) {
                        yield false;
                    }
                    if (!high(operator) && high(parent.operator())) {
                        yield true;
                    }
                    yield !parent.left();
                }
                yield !bool;
            }
            case TEST -> !bool;
            case AND, NOT -> !(parent == Parent.AND || parent == Parent.OR);
            case OR -> parent != Parent.OR;
            case ARRAY_OPERATOR -> true;
        };
    }

    private static String operatorOf(Expression expression) {
        return switch (expression) {
            case Expression.Binary binary -> binary.operator();
            default -> null;
        };
    }

    /** Writes {@code expression} as an operand of {@code parent} (null: where no parentheses are ever added). */
    void write(Expression expression, Parent parent) {
        boolean parenthesize = layout.pretty && needsParentheses(shape(expression), operatorOf(expression), parent);
        if (parenthesize) {
            layout.append('(');
        }
        emit(expression);
        if (parenthesize) {
            layout.append(')');
        }
    }

    /** Opens the parentheses plain text puts around an operator, test or boolean expression. */
    private void open() {
        if (!layout.pretty) {
            layout.append('(');
        }
    }

    private void close() {
        if (!layout.pretty) {
            layout.append(')');
        }
    }

    // ---- expressions ------------------------------------------------------------------------------------------

    private void emit(Expression expression) {
        switch (expression) {
            case Expression.ColumnRef reference -> {
                String wholeRow = scope.wholeRow(reference.parts(), false);
                layout.append(wholeRow != null ? wholeRow : scope.resolve(reference.parts()).text());
            }
            case Expression.NumberLiteral ignored -> constant(expression, null);
            case Expression.StringLiteral ignored -> constant(expression, LogicalType.TEXT);
            case Expression.NullLiteral ignored -> layout.append("NULL");
            case Expression.BooleanLiteral literal -> layout.append(literal.value() ? "true" : "false");
            case Expression.TypedLiteral literal -> constantText(literal.value(), resolve(literal.type()),
                    typeText(literal.type()));
            case Expression.Parameter parameter -> layout.append("$" + parameter.index());
            case Expression.Default ignored -> layout.append("DEFAULT");
            case Expression.Unary unary -> unary(unary);
            case Expression.Binary binary -> binary(binary);
            case Expression.Like like -> {
                open();
                String operator = (like.negated() ? "!" : "") + (like.caseInsensitive() ? "~~*" : "~~");
                binaryOperands(like.operand(), operator, like.pattern());
                close();
            }
            case Expression.IsNull test -> {
                open();
                write(test.operand(), Parent.OTHER);
                layout.append(test.negated() ? " IS NOT NULL" : " IS NULL");
                close();
            }
            case Expression.IsBoolean test -> {
                open();
                write(test.operand(), Parent.OTHER);
                layout.append(test.negated() ? " IS NOT " : " IS ").append(test.value() == null ? "UNKNOWN"
                        : test.value() ? "TRUE" : "FALSE");
                close();
            }
            case Expression.IsDistinctFrom distinct -> {
                if (distinct.negated()) {
                    open();
                    layout.append("NOT ");
                    Expression inner = new Expression.IsDistinctFrom(distinct.left(), distinct.right(), false,
                            distinct.position());
                    write(inner, Parent.NOT);
                    close();
                } else {
                    open();
                    binaryOperands(distinct.left(), "IS DISTINCT FROM", distinct.right());
                    close();
                }
            }
            case Expression.Between between -> between(between);
            case Expression.InList in -> inList(in);
            case Expression.InSubquery in -> {
                if (in.negated()) {
                    open();
                    layout.append("NOT ");
                    write(new Expression.InSubquery(in.operand(), in.query(), false, in.position()), Parent.NOT);
                    close();
                } else {
                    layout.append('(');
                    write(in.operand(), Parent.OTHER);
                    layout.append(" IN (");
                    subquery(in.query());
                    layout.append("))");
                }
            }
            case Expression.Exists exists -> {
                layout.append("(EXISTS (");
                subquery(exists.query());
                layout.append("))");
            }
            case Expression.ScalarSubquery scalar -> {
                layout.append('(');
                subquery(scalar.query());
                layout.append(')');
            }
            case Expression.ArraySubquery array -> {
                layout.append("ARRAY(");
                subquery(array.query());
                layout.append(')');
            }
            case Expression.Quantified quantified -> quantified(quantified);
            case Expression.Case caseExpression -> caseExpression(caseExpression);
            case Expression.Cast cast -> cast(cast);
            case Expression.FunctionCall call -> function(call);
            case Expression.ArrayConstructor array -> {
                layout.append("ARRAY[");
                LogicalType element = null;
                for (Expression value : array.elements()) {
                    element = ExpressionTypes.common(element, typeOf(value));
                }
                list(array.elements(), element);
                layout.append(']');
            }
            case Expression.Subscript subscript -> {
                boolean parenthesize = !(subscript.operand() instanceof Expression.ColumnRef);
                if (parenthesize) {
                    layout.append('(');
                }
                write(subscript.operand(), null);
                if (parenthesize) {
                    layout.append(')');
                }
                layout.append('[');
                if (subscript.lower() != null) {
                    write(subscript.lower(), null);
                }
                if (subscript.slice()) {
                    layout.append(':');
                    if (subscript.upper() != null) {
                        write(subscript.upper(), null);
                    }
                }
                layout.append(']');
            }
            case Expression.RowConstructor row -> {
                layout.append("ROW(");
                for (int f = 0; f < row.fields().size(); f++) {
                    if (f > 0) {
                        layout.append(", ");
                    }
                    writeField(row.fields().get(f), LogicalType.TEXT);
                }
                layout.append(')');
            }
            case Expression.NamedArgument argument -> {
                layout.append(IdentifierQuoting.quote(argument.name())).append(" => ");
                write(argument.value(), null);
            }
            case Expression.VariadicArgument argument -> {
                layout.append("VARIADIC ");
                write(argument.value(), null);
            }
            case Expression.FieldSelection selection -> {
                layout.append('(');
                write(selection.operand(), null);
                layout.append(").").append(selection.field().equals("*") ? "*"
                        : IdentifierQuoting.quote(selection.field()));
            }
        }
    }

    private void list(List<Expression> expressions, LogicalType literalType) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                layout.append(", ");
            }
            writeValue(expressions.get(i), literalType == null ? LogicalType.TEXT : literalType);
        }
    }

    private void subquery(Query query) {
        queries.query(query, scope, null, -1, false);
    }

    private void unary(Expression.Unary unary) {
        if (unary.operand() instanceof Expression.NumberLiteral number && !unary.operator().equals("NOT")) {
            constant(new Expression.NumberLiteral((unary.operator().equals("-") ? "-" : "") + number.text(),
                    number.position()), null);
            return;
        }
        open();
        if (unary.operator().equals("NOT")) {
            layout.append("NOT ");
            write(unary.operand(), Parent.NOT);
        } else {
            layout.append(unary.operator()).append(' ');
            write(unary.operand(), new Parent("OPERATOR", null, false));
        }
        close();
    }

    private void binary(Expression.Binary binary) {
        String operator = binary.operator();
        if (operator.equals("AND") || operator.equals("OR")) {
            open();
            Parent parent = operator.equals("AND") ? Parent.AND : Parent.OR;
            List<Expression> terms = new java.util.ArrayList<>();
            flatten(binary, operator, terms);
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) {
                    layout.append(' ').append(operator).append(' ');
                }
                write(terms.get(i), parent);
            }
            close();
            return;
        }
        open();
        binaryOperands(binary.left(), operator.equals("!=") ? "<>" : operator, binary.right());
        close();
    }

    private static void flatten(Expression expression, String operator, List<Expression> into) {
        if (expression instanceof Expression.Binary binary && binary.operator().equals(operator)) {
            flatten(binary.left(), operator, into);
            flatten(binary.right(), operator, into);
        } else {
            into.add(expression);
        }
    }

    /** {@code left operator right} with the implicit casts and literal types the operator's resolution adds. */
    private void binaryOperands(Expression left, String operator, Expression right) {
        LogicalType leftType = typeOf(left);
        LogicalType rightType = typeOf(right);
        boolean concatenation = operator.equals("||");
        if (concatenation) {
            leftType = leftType == null && rightType != null && rightType.isString() ? LogicalType.TEXT : leftType;
            rightType = rightType == null && leftType != null && leftType.isString() ? LogicalType.TEXT : rightType;
        }
        operand(left, leftType, rightType, new Parent("OPERATOR", operator, true));
        layout.append(' ').append(operator).append(' ');
        operand(right, rightType, leftType, new Parent("OPERATOR", operator, false));
    }

    private void operand(Expression operand, LogicalType own, LogicalType other, Parent parent) {
        if (isUntypedLiteral(operand)) {
            constant(operand, ExpressionTypes.literalType(other));
            return;
        }
        LogicalType cast = ExpressionTypes.operandCast(own, other);
        if (cast == null) {
            write(operand, parent);
            return;
        }
        boolean parenthesize = layout.pretty && needsParentheses(castShape(operand), null, parent);
        if (parenthesize) {
            layout.append('(');
        }
        castOf(operand, cast.displayName());
        if (parenthesize) {
            layout.append(')');
        }
    }

    private Shape castShape(Expression operand) {
        Shape inner = shape(operand);
        return simple(inner) ? Shape.CAST_OF_SIMPLE : Shape.CAST_OF_OTHER;
    }

    /** {@code operand::type}: pretty text parenthesizes a non-simple operand, plain text any operand. */
    private void castOf(Expression operand, String type) {
        if (layout.pretty) {
            write(operand, Parent.CAST);
        } else {
            layout.append('(');
            write(operand, null);
            layout.append(')');
        }
        layout.append("::").append(type);
    }

    private void between(Expression.Between between) {
        open();
        String low = between.negated() ? "<" : ">=";
        String high = between.negated() ? ">" : "<=";
        Parent parent = between.negated() ? Parent.OR : Parent.AND;
        comparison(between.operand(), low, between.low(), parent);
        layout.append(between.negated() ? " OR " : " AND ");
        comparison(between.operand(), high, between.high(), parent);
        close();
    }

    private void comparison(Expression left, String operator, Expression right, Parent parent) {
        Expression.Binary binary = new Expression.Binary(operator, left, right, left.position());
        write(binary, parent);
    }

    private void inList(Expression.InList in) {
        if (in.values().size() == 1) {
            emit(new Expression.Binary(in.negated() ? "<>" : "=", in.operand(), in.values().getFirst(),
                    in.position()));
            return;
        }
        open();
        LogicalType type = typeOf(in.operand());
        for (Expression value : in.values()) {
            type = ExpressionTypes.common(type, typeOf(value));
        }
        write(in.operand(), Parent.OTHER);
        layout.append(in.negated() ? " <> ALL (ARRAY[" : " = ANY (ARRAY[");
        list(in.values(), type == null ? LogicalType.TEXT : ExpressionTypes.literalType(type));
        layout.append("])");
        close();
    }

    private void quantified(Expression.Quantified quantified) {
        String operator = quantified.operator().equals("!=") ? "<>" : quantified.operator();
        String kind = quantified.all() ? "ALL" : "ANY";
        if (quantified.query() != null) {
            layout.append('(');
            write(quantified.left(), Parent.OTHER);
            if (operator.equals("=") && !quantified.all()) {
                layout.append(" IN (");
            } else {
                layout.append(' ').append(operator).append(' ').append(kind).append(" (");
            }
            subquery(quantified.query());
            layout.append("))");
            return;
        }
        open();
        write(quantified.left(), Parent.OTHER);
        layout.append(' ').append(operator).append(' ').append(kind).append(" (");
        write(quantified.array(), Parent.OTHER);
        layout.append(')');
        close();
    }

    private void caseExpression(Expression.Case caseExpression) {
        LogicalType resultType = typeOf(caseExpression);
        layout.keyword("CASE", 0, TextLayout.VARIABLE, 0);
        if (caseExpression.operand() != null) {
            layout.append(' ');
            write(caseExpression.operand(), null);
        }
        LogicalType operandType = caseExpression.operand() == null ? null : typeOf(caseExpression.operand());
        for (Expression.When when : caseExpression.whens()) {
            layout.keyword("WHEN ", 0, 0, 0);
            if (caseExpression.operand() != null) {
                writeValue(when.condition(), ExpressionTypes.literalType(operandType));
            } else {
                write(when.condition(), null);
            }
            layout.append(" THEN ");
            writeValue(when.result(), resultType);
        }
        if (caseExpression.otherwise() != null && !(caseExpression.otherwise() instanceof Expression.NullLiteral)) {
            layout.keyword("ELSE ", 0, 0, 0);
            writeValue(caseExpression.otherwise(), resultType);
        }
        layout.keyword("END", -TextLayout.VARIABLE, 0, 0);
    }

    private void cast(Expression.Cast cast) {
        LogicalType target = resolve(cast.type());
        String typeText = typeText(cast.type());
        Expression operand = cast.operand();
        if (operand instanceof Expression.StringLiteral literal) {
            constantText(literal.value(), target, typeText);
            return;
        }
        if (operand instanceof Expression.NullLiteral) {
            layout.append("NULL::").append(typeText);
            return;
        }
        LogicalType own = typeOf(operand);
        if (operand instanceof Expression.NumberLiteral && own != null && target != null && own.equals(target)) {
            constant(operand, null);
            return;
        }
        castOf(operand, typeText);
    }

    private void function(Expression.FunctionCall call) {
        String name = call.name().last();
        String special = switch (name) {
            case "coalesce" -> "COALESCE";
            case "nullif" -> "NULLIF";
            case "greatest" -> "GREATEST";
            case "least" -> "LEAST";
            default -> null;
        };
        if (call.arguments().isEmpty() && !call.star() && call.over() == null) {
            String bare = switch (name) {
                case "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
                     "current_role", "current_user", "session_user", "user", "current_catalog",
                     "current_schema" -> name.toUpperCase(Locale.ROOT);
                default -> null;
            };
            if (bare != null && call.name().parts().size() == 1) {
                layout.append(bare);
                return;
            }
        }
        if (name.equals("extract") && call.name().parts().size() == 1 && call.arguments().size() == 2
                && call.arguments().getFirst() instanceof Expression.StringLiteral field) {
            // the parser's form of EXTRACT(field FROM source), which PostgreSQL prints in its SQL syntax
            layout.append("EXTRACT(").append(field.value()).append(" FROM ");
            write(call.arguments().get(1), null);
            layout.append(')');
            return;
        }
        layout.append(special != null ? special : IdentifierQuoting.quote(name)).append('(');
        if (call.distinct()) {
            layout.append("DISTINCT ");
        }
        if (call.star()) {
            layout.append('*');
        }
        LogicalType common = null;
        if (special != null) {
            for (Expression argument : call.arguments()) {
                common = ExpressionTypes.common(common, typeOf(argument));
            }
        }
        for (int i = 0; i < call.arguments().size(); i++) {
            if (i > 0) {
                layout.append(", ");
            }
            Expression argument = call.arguments().get(i);
            if (i == 0 && argument instanceof Expression.StringLiteral sequence && special == null
                    && (name.equals("nextval") || name.equals("currval") || name.equals("setval"))) {
                // PostgreSQL's argument is a regclass: the sequence, by the name that finds it whatever the path
                layout.append(quoted(sequenceName(sequence.value()))).append("::regclass");
                continue;
            }
            writeValue(argument, common == null ? LogicalType.TEXT : ExpressionTypes.literalType(common));
        }
        if (!call.orderBy().isEmpty() && !call.withinGroup()) {
            layout.append(" ORDER BY ");
            orderItems(call.orderBy());
        }
        layout.append(')');
        if (call.withinGroup()) {
            layout.append(" WITHIN GROUP (ORDER BY ");
            orderItems(call.orderBy());
            layout.append(')');
        }
        if (call.filter() != null) {
            layout.append(" FILTER (WHERE ");
            write(call.filter(), null);
            layout.append(')');
        }
        if (call.over() != null) {
            window(call.over());
        }
    }

    /**
     * The sequence {@code written} names, as a column default keeps it: qualified by its schema unless that is
     * public or the session's temporary schema (as SERIAL's defaults); as written when it names no sequence.
     */
    private String sequenceName(String written) {
        io.basalt.catalog.Catalog catalog = queries.catalog();
        try {
            io.basalt.catalog.SequenceEntry sequence = io.basalt.sequence.SequenceNames.resolve(catalog, written);
            String name = io.basalt.sequence.SequenceNames.quoted(sequence.name());
            return sequence.schema().equals(io.basalt.catalog.Catalog.DEFAULT_SCHEMA)
                    || sequence.schema().equals(catalog.tempSchema()) ? name
                    : io.basalt.sequence.SequenceNames.quoted(sequence.schema()) + "." + name;
        } catch (BasaltException notASequence) {
            return written;
        }
    }

    private void orderItems(List<OrderItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                layout.append(", ");
            }
            OrderItem item = items.get(i);
            writeValue(item.expression(), LogicalType.TEXT);
            if (item.usingOperator() != null) {
                // PostgreSQL shows a non-default ordering operator with its NULLS placement spelled out
                boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : item.descending();
                layout.append(" USING ").append(item.usingOperator())
                        .append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
            } else if (item.descending()) {
                layout.append(" DESC");
                if (Boolean.FALSE.equals(item.nullsFirst())) {
                    layout.append(" NULLS LAST");
                }
            } else if (Boolean.TRUE.equals(item.nullsFirst())) {
                layout.append(" NULLS FIRST");
            }
        }
    }

    private void window(Expression.WindowSpec spec) {
        if (spec.bare()) {
            layout.append(" OVER ").append(IdentifierQuoting.quote(spec.reference()));
            return;
        }
        layout.append(" OVER (");
        String separator = "";
        if (spec.reference() != null) {
            layout.append(IdentifierQuoting.quote(spec.reference()));
            separator = " ";
        }
        if (!spec.partitionBy().isEmpty()) {
            layout.append(separator).append("PARTITION BY ");
            for (int i = 0; i < spec.partitionBy().size(); i++) {
                if (i > 0) {
                    layout.append(", ");
                }
                sortKey(spec.partitionBy().get(i));
            }
            separator = " ";
        }
        if (!spec.orderBy().isEmpty()) {
            layout.append(separator).append("ORDER BY ");
            orderItems(spec.orderBy());
            separator = " ";
        }
        Expression.WindowFrame frame = spec.frame();
        if (frame != null) {
            layout.append(separator).append(frame.mode().toUpperCase(Locale.ROOT)).append(' ');
            if (frame.endKind() != null) {
                layout.append("BETWEEN ");
            }
            frameBound(frame.startKind(), frame.startOffset());
            if (frame.endKind() != null) {
                layout.append(" AND ");
                frameBound(frame.endKind(), frame.endOffset());
            }
            if (frame.exclusion() != null) {
                layout.append(" EXCLUDE ").append(frame.exclusion().toUpperCase(Locale.ROOT));
            }
        }
        layout.append(')');
    }

    private void frameBound(String kind, Expression offset) {
        if (offset != null) {
            write(offset, null);
            layout.append(' ');
        }
        layout.append(kind);
    }

    /** A PARTITION BY key: bare when a column, else in parentheses when pretty. */
    private void sortKey(Expression expression) {
        boolean parenthesize = !(expression instanceof Expression.ColumnRef) && !isLiteral(expression)
                && (layout.pretty || expression instanceof Expression.FunctionCall);
        if (parenthesize) {
            layout.append('(');
        }
        write(expression, null);
        if (parenthesize) {
            layout.append(')');
        }
    }

    // ---- constants ---------------------------------------------------------------------------------------------

    private static boolean isUntypedLiteral(Expression expression) {
        return expression instanceof Expression.StringLiteral || expression instanceof Expression.NullLiteral;
    }

    private static boolean isLiteral(Expression expression) {
        return expression instanceof Expression.StringLiteral || expression instanceof Expression.NullLiteral
                || expression instanceof Expression.NumberLiteral || expression instanceof Expression.BooleanLiteral
                || expression instanceof Expression.TypedLiteral;
    }

    /** A literal as the constant it becomes: a number by its own type, a string or NULL as {@code type}. */
    private void constant(Expression literal, LogicalType type) {
        switch (literal) {
            case Expression.NumberLiteral number -> {
                LogicalType own = numberType(number.text());
                String value = own.id() == TypeId.NUMERIC ? new BigDecimal(number.text()).toPlainString()
                        : number.text();
                constantText(value, own, own.displayName());
            }
            case Expression.NullLiteral ignored -> layout.append("NULL::").append(type.displayName());
            case Expression.StringLiteral string -> constantText(string.value(), type, type.displayName());
            default -> write(literal, null);
        }
    }

    /** ruleutils' {@code get_const_expr}: which constants print bare and which with {@code ::type}. */
    private void constantText(String value, LogicalType type, String typeText) {
        TypeId id = type == null ? TypeId.UNKNOWN : type.id();
        switch (id) {
            case INTEGER -> {
                if (value.matches("\\d+")) {
                    layout.append(value);
                } else {
                    layout.append(quoted(value)).append("::").append(typeText);
                }
            }
            case NUMERIC -> {
                boolean bare = !value.isEmpty() && Character.isDigit(value.charAt(0))
                        && (value.indexOf('.') >= 0 || value.indexOf('e') >= 0 || value.indexOf('E') >= 0);
                layout.append(bare ? value : quoted(value));
                if (!bare || type.precision() >= 0) {
                    layout.append("::").append(typeText);
                }
            }
            case BOOLEAN -> layout.append(switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "t", "true", "y", "yes", "on", "1" -> "true";
                default -> "false";
            });
            case UNKNOWN -> layout.append(quoted(value));
            default -> layout.append(quoted(value)).append("::").append(typeText);
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static LogicalType numberType(String text) {
        if (text.matches("-?\\d+")) {
            try {
                long value = Long.parseLong(text);
                return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? LogicalType.INTEGER
                        : LogicalType.BIGINT;
            } catch (NumberFormatException tooLarge) {
                return LogicalType.NUMERIC;
            }
        }
        return LogicalType.NUMERIC;
    }

    private static LogicalType resolve(TypeName type) {
        try {
            return TypeNames.resolve(type);
        } catch (BasaltException notBuiltIn) {
            return null;
        }
    }

    private static String typeText(TypeName type) {
        LogicalType resolved = resolve(type);
        return resolved != null ? resolved.displayName() : IdentifierQuoting.quote(type.name());
    }

    // ---- types -------------------------------------------------------------------------------------------------

    /** The expression's type as far as the view's text needs it, or null when unknown. */
    LogicalType typeOf(Expression expression) {
        return switch (expression) {
            case Expression.ColumnRef reference -> scope.resolve(reference.parts()).type();
            case Expression.NumberLiteral number -> numberType(number.text());
            case Expression.BooleanLiteral ignored -> LogicalType.BOOLEAN;
            case Expression.TypedLiteral literal -> resolve(literal.type());
            case Expression.Cast cast -> resolve(cast.type());
            case Expression.Unary unary -> unary.operator().equals("NOT") ? LogicalType.BOOLEAN
                    : typeOf(unary.operand());
            case Expression.Binary binary -> switch (binary.operator()) {
                case "+", "-", "*", "/", "%", "^" -> ExpressionTypes.common(typeOf(binary.left()),
                        typeOf(binary.right()));
                case "||" -> LogicalType.TEXT;
                default -> ExpressionTypes.isComparison(binary.operator()) || binary.operator().equals("AND")
                        || binary.operator().equals("OR") ? LogicalType.BOOLEAN : null;
            };
            case Expression.Like ignored -> LogicalType.BOOLEAN;
            case Expression.IsNull ignored -> LogicalType.BOOLEAN;
            case Expression.IsBoolean ignored -> LogicalType.BOOLEAN;
            case Expression.IsDistinctFrom ignored -> LogicalType.BOOLEAN;
            case Expression.Between ignored -> LogicalType.BOOLEAN;
            case Expression.InList ignored -> LogicalType.BOOLEAN;
            case Expression.InSubquery ignored -> LogicalType.BOOLEAN;
            case Expression.Exists ignored -> LogicalType.BOOLEAN;
            case Expression.Quantified ignored -> LogicalType.BOOLEAN;
            case Expression.Case caseExpression -> {
                LogicalType type = null;
                for (Expression.When when : caseExpression.whens()) {
                    type = ExpressionTypes.common(type, typeOf(when.result()));
                }
                if (caseExpression.otherwise() != null) {
                    type = ExpressionTypes.common(type, typeOf(caseExpression.otherwise()));
                }
                yield type;
            }
            case Expression.FunctionCall call -> functionType(call);
            case Expression.ScalarSubquery scalar -> {
                List<QueryWriter.Target> outputs = queries.outputs(scalar.query(), scope);
                yield outputs.isEmpty() ? null : outputs.getFirst().type();
            }
            case Expression.ArrayConstructor array -> {
                LogicalType element = null;
                for (Expression value : array.elements()) {
                    element = ExpressionTypes.common(element, typeOf(value));
                }
                yield element == null ? null : LogicalType.arrayOf(element);
            }
            case Expression.Subscript subscript -> {
                LogicalType array = typeOf(subscript.operand());
                yield array != null && array.isArray() && !subscript.slice() ? array.element() : array;
            }
            default -> null;
        };
    }

    private LogicalType functionType(Expression.FunctionCall call) {
        LogicalType first = call.arguments().isEmpty() ? null : typeOf(call.arguments().getFirst());
        return switch (call.name().last()) {
            case "count", "row_number", "rank", "dense_rank" -> LogicalType.BIGINT;
            case "sum" -> first == null ? null : first.id() == TypeId.SMALLINT || first.id() == TypeId.INTEGER
                    ? LogicalType.BIGINT : first.id() == TypeId.BIGINT ? LogicalType.NUMERIC : first;
            case "avg" -> first == null ? null : first.isIntegral() || first.id() == TypeId.NUMERIC
                    ? LogicalType.NUMERIC : first.id() == TypeId.INTERVAL ? first : LogicalType.DOUBLE;
            case "min", "max", "abs" -> first;
            case "upper", "lower", "btrim", "ltrim", "rtrim", "substr", "substring", "replace", "concat",
                 "concat_ws", "md5", "initcap", "repeat", "left", "right", "lpad", "rpad", "to_char", "format",
                 "string_agg" -> LogicalType.TEXT;
            case "length", "char_length", "strpos", "position" -> LogicalType.INTEGER;
            case "coalesce", "greatest", "least", "nullif" -> {
                LogicalType common = null;
                for (Expression argument : call.arguments()) {
                    common = ExpressionTypes.common(common, typeOf(argument));
                }
                yield common;
            }
            case "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "current_timestamp" ->
                    LogicalType.TIMESTAMPTZ;
            case "current_date" -> LogicalType.DATE;
            case "localtimestamp" -> LogicalType.TIMESTAMP;
            case "random", "pi" -> LogicalType.DOUBLE;
            case "extract" -> LogicalType.NUMERIC;
            case "date_part" -> LogicalType.DOUBLE;
            case "nextval", "currval", "setval" -> LogicalType.BIGINT;
            case "gen_random_uuid" -> LogicalType.UUID;
            default -> null;
        };
    }
}
