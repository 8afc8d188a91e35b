package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Type names as PostgreSQL writes them, normalised to one canonical spelling per type: the SQL-standard
 * keyword forms ({@code INTEGER}, {@code DOUBLE PRECISION}, {@code CHARACTER VARYING(n)},
 * {@code TIMESTAMP(p) WITH TIME ZONE}, {@code BIT VARYING}, {@code INTERVAL}) and the internal names
 * ({@code int4}, {@code float8}, {@code timestamptz}, {@code bool}, ...) both become the names
 * {@code format_type} prints ({@code integer}, {@code double precision}, {@code character varying},
 * {@code timestamp with time zone}, ...). Any other name is kept as written (already case-folded), with a
 * leading {@code pg_catalog.} dropped. An interval's field qualifier joins its name ({@code interval day to
 * second}), with a {@code SECOND(p)} precision as its modifier. Modifiers must be integer constants; {@code []}, {@code [n]} and
 * {@code ARRAY} count as array dimensions. {@code CHARACTER} and {@code BIT} without a length mean length 1,
 * as in PostgreSQL.
 */
final class TypeNameParser extends ParserBase {
    private static final Map<String, String> CANONICAL_NAMES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("integer", "integer"),
            Map.entry("int2", "smallint"),
            Map.entry("smallint", "smallint"),
            Map.entry("int8", "bigint"),
            Map.entry("bigint", "bigint"),
            Map.entry("float4", "real"),
            Map.entry("real", "real"),
            Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("decimal", "numeric"),
            Map.entry("numeric", "numeric"),
            Map.entry("bool", "boolean"),
            Map.entry("boolean", "boolean"),
            Map.entry("varchar", "character varying"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"),
            Map.entry("serial4", "serial"),
            Map.entry("serial8", "bigserial"),
            Map.entry("serial2", "smallserial"));

    TypeNameParser(Grammar grammar) {
        super(grammar);
    }

    /** The canonical name of a type written as the identifier {@code name}. */
    static String canonicalName(String name) {
        return CANONICAL_NAMES.getOrDefault(name, name);
    }

    /** Whether {@code token} starts one of the SQL-standard type names that are keywords. */
    static boolean isStandardTypeKeyword(Token token) {
        Keyword keyword = token.keyword();
        if (keyword == null) {
            return false;
        }
        return switch (keyword) {
            case INT, INTEGER, SMALLINT, BIGINT, REAL, FLOAT, DOUBLE, DECIMAL, DEC, NUMERIC, BOOLEAN, BIT,
                 CHARACTER, CHAR, VARCHAR, NATIONAL, NCHAR, TIMESTAMP, TIME, INTERVAL -> true;
            default -> false;
        };
    }

    /** PostgreSQL's {@code Typename}: a simple type name followed by array bounds. */
    TypeName typeName() {
        if (tokens.at(Keyword.SETOF)) {
            throw unsupported("SETOF");
        }
        TypeName simple = simpleTypeName();
        int dimensions = 0;
        if (tokens.accept(Keyword.ARRAY)) {
            dimensions = 1;
            if (tokens.accept(TokenKind.LEFT_BRACKET)) {
                integerConstant();
                tokens.expect(TokenKind.RIGHT_BRACKET);
            }
        } else {
            while (tokens.accept(TokenKind.LEFT_BRACKET)) {
                if (tokens.at(TokenKind.NUMBER)) {
                    integerConstant();
                }
                tokens.expect(TokenKind.RIGHT_BRACKET);
                dimensions++;
            }
        }
        if (dimensions == 0) {
            return simple;
        }
        return new TypeName(simple.name(), simple.modifiers(), dimensions, simple.position());
    }

    /** A type name without array bounds, as in a column definition or cast. */
    TypeName simpleTypeName() {
        return simpleTypeName(false);
    }

    /**
     * A type name without array bounds. In a typed constant ({@code CHAR 'abc'}, {@code BIT '101'}) a
     * character or bit type without a length is unconstrained rather than length 1, as in PostgreSQL.
     */
    TypeName simpleTypeName(boolean constant) {
        Token first = current();
        if (isStandardTypeKeyword(first) && !(first.is(Keyword.DOUBLE) && !tokens.peek(1).is(Keyword.PRECISION))) {
            return standardTypeName(constant);
        }
        List<String> parts = new ArrayList<>();
        parts.add(grammar.names().typeFunctionName());
        while (tokens.at(TokenKind.DOT)) {
            tokens.next();
            parts.add(grammar.names().columnLabel());
        }
        if (tokens.at(TokenKind.OPERATOR) && tokens.peek().value().equals("%")
                && tokens.peek(1).is(Keyword.TYPE)) {
            throw unsupported("%TYPE");
        }
        String name = genericName(parts);
        List<Integer> modifiers = optionalModifiers();
        return new TypeName(name, modifiers, 0, first.position());
    }

    /** The canonical name of a type written as the (possibly qualified) name {@code parts}. */
    static String genericName(List<String> parts) {
        if (parts.size() == 2 && parts.getFirst().equals("pg_catalog")) {
            return canonicalName(parts.get(1));
        }
        if (parts.size() == 1) {
            return canonicalName(parts.getFirst());
        }
        return String.join(".", parts);
    }

    private TypeName standardTypeName(boolean constant) {
        Token first = tokens.next();
        int position = first.position();
        return switch (first.keyword()) {
            case INT, INTEGER -> new TypeName("integer", List.of(), 0, position);
            case SMALLINT -> new TypeName("smallint", List.of(), 0, position);
            case BIGINT -> new TypeName("bigint", List.of(), 0, position);
            case REAL -> new TypeName("real", List.of(), 0, position);
            case BOOLEAN -> new TypeName("boolean", List.of(), 0, position);
            case DOUBLE -> {
                tokens.expect(Keyword.PRECISION);
                yield new TypeName("double precision", List.of(), 0, position);
            }
            case FLOAT -> floatType(position);
            case DECIMAL, DEC, NUMERIC -> new TypeName("numeric", optionalModifiers(), 0, position);
            case BIT -> {
                boolean varying = tokens.accept(Keyword.VARYING);
                List<Integer> modifiers = optionalModifiers();
                yield new TypeName(varying ? "bit varying" : "bit",
                        modifiers.isEmpty() && !varying && !constant ? List.of(1) : modifiers, 0, position);
            }
            case CHARACTER, CHAR, VARCHAR, NATIONAL, NCHAR -> characterType(first, position, constant);
            case TIMESTAMP, TIME -> dateTimeType(first.is(Keyword.TIMESTAMP) ? "timestamp" : "time", position);
            case INTERVAL -> intervalType(position);
            default -> throw tokens.syntaxErrorAt(first);
        };
    }

    /** {@code FLOAT [(p)]}: real for p up to 24 bits, double precision up to 53, as in PostgreSQL. */
    private TypeName floatType(int position) {
        if (!tokens.accept(TokenKind.LEFT_PAREN)) {
            return new TypeName("double precision", List.of(), 0, position);
        }
        Token precisionToken = current();
        int precision = integerConstant();
        tokens.expect(TokenKind.RIGHT_PAREN);
        if (precision < 1) {
            throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, precisionToken.position(),
                    "precision for type float must be at least 1 bit");
        }
        if (precision <= 24) {
            return new TypeName("real", List.of(), 0, position);
        }
        if (precision <= 53) {
            return new TypeName("double precision", List.of(), 0, position);
        }
        throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, precisionToken.position(),
                "precision for type float must be less than 54 bits");
    }

    private TypeName characterType(Token first, int position, boolean constant) {
        boolean varying;
        if (first.is(Keyword.VARCHAR)) {
            varying = true;
        } else {
            if (first.is(Keyword.NATIONAL) && !tokens.accept(Keyword.CHARACTER)) {
                tokens.expect(Keyword.CHAR);
            }
            varying = tokens.accept(Keyword.VARYING);
        }
        List<Integer> modifiers = List.of();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            modifiers = List.of(integerConstant());
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        if (varying) {
            return new TypeName("character varying", modifiers, 0, position);
        }
        return new TypeName("character", modifiers.isEmpty() && !constant ? List.of(1) : modifiers, 0, position);
    }

    private TypeName dateTimeType(String base, int position) {
        List<Integer> modifiers = List.of();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            modifiers = List.of(integerConstant());
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        String zone = " without time zone";
        if ((tokens.at(Keyword.WITH) || tokens.at(Keyword.WITHOUT)) && tokens.peek(1).is(Keyword.TIME)) {
            zone = tokens.next().is(Keyword.WITH) ? " with time zone" : " without time zone";
            tokens.expect(Keyword.TIME);
            tokens.expect(Keyword.ZONE);
        }
        return new TypeName(base + zone, modifiers, 0, position);
    }

    private TypeName intervalType(int position) {
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            List<Integer> modifiers = List.of(integerConstant());
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new TypeName("interval", modifiers, 0, position);
        }
        return withIntervalFields(new TypeName("interval", List.of(), 0, position));
    }

    /**
     * {@code interval} followed by a field qualifier ({@code YEAR TO MONTH}, {@code DAY TO SECOND(3)}, ...)
     * as PostgreSQL's grammar allows them: the qualifier joins the name ({@code interval day to second}) and a
     * {@code SECOND(p)} precision becomes the modifier. Without a qualifier (or when {@code interval} already
     * has a precision) the type is returned as it is.
     */
    TypeName withIntervalFields(TypeName interval) {
        Keyword keyword = current().keyword();
        if (keyword == null || !interval.modifiers().isEmpty()) {
            return interval;
        }
        String last;
        List<Integer> precision = List.of();
        String first = keyword.name().toLowerCase(java.util.Locale.ROOT);
        switch (keyword) {
            case YEAR -> {
                tokens.next();
                last = tokens.accept(Keyword.TO) ? expectField(Keyword.MONTH) : null;
            }
            case MONTH -> {
                tokens.next();
                last = null;
            }
            case DAY, HOUR -> {
                tokens.next();
                if (tokens.accept(Keyword.TO)) {
                    if (tokens.at(Keyword.MINUTE) || (keyword == Keyword.DAY && tokens.at(Keyword.HOUR))) {
                        last = tokens.next().keyword().name().toLowerCase(java.util.Locale.ROOT);
                    } else {
                        precision = secondField();
                        last = "second";
                    }
                } else {
                    last = null;
                }
            }
            case MINUTE -> {
                tokens.next();
                if (tokens.accept(Keyword.TO)) {
                    precision = secondField();
                    last = "second";
                } else {
                    last = null;
                }
            }
            case SECOND -> {
                precision = secondField();
                last = null;
            }
            default -> {
                return interval;
            }
        }
        String name = "interval " + first + (last == null ? "" : " to " + last);
        return new TypeName(name, precision, 0, interval.position());
    }

    private String expectField(Keyword field) {
        tokens.expect(field);
        return field.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code SECOND [(p)]}: the precision, if given. */
    private List<Integer> secondField() {
        tokens.expect(Keyword.SECOND);
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            int precision = integerConstant();
            tokens.expect(TokenKind.RIGHT_PAREN);
            return List.of(precision);
        }
        return List.of();
    }

    /**
     * {@code [( modifier [, modifier ...] )]}. PostgreSQL's grammar takes any expressions here and leaves their
     * checking to the type; Basalt's types take only (signed) integers.
     */
    private List<Integer> optionalModifiers() {
        if (!tokens.at(TokenKind.LEFT_PAREN)) {
            return List.of();
        }
        tokens.next();
        List<Integer> modifiers = new ArrayList<>();
        do {
            modifiers.add(integerValue(grammar.expressions().expression()));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return modifiers;
    }

    private int integerValue(Expression modifier) {
        boolean negative = false;
        Expression value = modifier;
        if (value instanceof Expression.Unary unary && (unary.operator().equals("-") || unary.operator().equals("+"))) {
            negative = unary.operator().equals("-");
            value = unary.operand();
        }
        if (value instanceof Expression.NumberLiteral number && number.text().matches("[0-9]{1,9}")) {
            int parsed = Integer.parseInt(number.text());
            return negative ? -parsed : parsed;
        }
        throw unsupported("non-integer type modifiers");
    }

    /** An unsigned integer constant where PostgreSQL's grammar demands one (lengths, precisions, bounds). */
    private int integerConstant() {
        Token number = current();
        if (number.kind() != TokenKind.NUMBER || !number.value().matches("[0-9]{1,9}")) {
            throw tokens.syntaxError();
        }
        tokens.next();
        return Integer.parseInt(number.value());
    }
}
