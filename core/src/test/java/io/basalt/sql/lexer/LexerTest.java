package io.basalt.sql.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens, values and positions the lexer produces for each kind of token PostgreSQL knows. */
class LexerTest {

    /** Tokens as {@code KIND:value@position}, keywords marked with {@code *}, END_OF_INPUT left out. */
    private static List<String> lex(String sql) {
        return Lexer.tokenize(sql).stream()
                .filter(token -> token.kind() != TokenKind.END_OF_INPUT)
                .map(token -> token.kind() + (token.keyword() != null ? "*" : "") + ":" + token.value() + "@"
                        + token.position())
                .toList();
    }

    private static List<String> values(String sql) {
        return Lexer.tokenize(sql).stream()
                .filter(token -> token.kind() != TokenKind.END_OF_INPUT)
                .map(Token::value)
                .toList();
    }

    private static Token single(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        assertThat(tokens).hasSize(2);
        return tokens.getFirst();
    }

    @Test
    void everyTokenKindWithItsPosition() {
        assertThat(lex("SELECT t.\"Col\", 'it''s', 4.5, $2 FROM t WHERE a[1:2] :: int >= 3;"))
                .containsExactly("IDENTIFIER*:select@1", "IDENTIFIER:t@8", "DOT:.@9", "QUOTED_IDENTIFIER:Col@10",
                        "COMMA:,@15", "STRING:it's@17", "COMMA:,@24", "NUMBER:4.5@26", "COMMA:,@29",
                        "PARAMETER:2@31", "IDENTIFIER*:from@34", "IDENTIFIER:t@39", "IDENTIFIER*:where@41",
                        "IDENTIFIER:a@47", "LEFT_BRACKET:[@48", "NUMBER:1@49", "COLON::@50", "NUMBER:2@51",
                        "RIGHT_BRACKET:]@52", "TYPECAST:::@54", "IDENTIFIER*:int@57", "OPERATOR:>=@61",
                        "NUMBER:3@64", "SEMICOLON:;@65");
    }

    @Test
    void endOfInputIsOnePastTheLastCharacter() {
        List<Token> tokens = Lexer.tokenize("SELECT 1  -- trailing comment");
        Token end = tokens.getLast();
        assertThat(end.kind()).isEqualTo(TokenKind.END_OF_INPUT);
        assertThat(end.position()).isEqualTo(30);
        assertThat(Lexer.tokenize("").getFirst().position()).isEqualTo(1);
    }

    @Test
    void namesAreFoldedToLowerCaseUnlessQuoted() {
        assertThat(values("Foo FOO \"Foo\" \"a\"\"b\" _x$1 Ünïcode"))
                .containsExactly("foo", "foo", "Foo", "a\"b", "_x$1", "Ünïcode");
        assertThat(single("\"SELECT\"").keyword()).isNull();
        assertThat(single("SeLeCt").keyword()).isEqualTo(Keyword.SELECT);
    }

    @Test
    void namesAreTruncatedTo63Bytes() {
        String longName = "a".repeat(70);
        assertThat(single(longName).value()).hasSize(63);
        assertThat(single("\"" + "B".repeat(64) + "\"").value()).isEqualTo("B".repeat(63));
        // A two-byte character is never split: 31 of them make 62 bytes, a 32nd would make 64.
        assertThat(single("é".repeat(40)).value()).isEqualTo("é".repeat(31));
    }

    @Test
    void keywordsKnowTheirCategory() {
        assertThat(Keyword.lookup("select").category()).isEqualTo(KeywordCategory.RESERVED);
        assertThat(Keyword.lookup("year").category()).isEqualTo(KeywordCategory.UNRESERVED);
        assertThat(Keyword.lookup("year").isBareLabel()).isFalse();
        assertThat(Keyword.lookup("value").category()).isEqualTo(KeywordCategory.UNRESERVED);
        assertThat(Keyword.lookup("int").category()).isEqualTo(KeywordCategory.COLUMN_NAME);
        assertThat(Keyword.lookup("left").category()).isEqualTo(KeywordCategory.TYPE_FUNCTION_NAME);
        assertThat(Keyword.lookup("name")).isEqualTo(Keyword.NAME);
        assertThat(Keyword.lookup("date")).isNull();
        assertThat(Keyword.values()).hasSize(460);
    }

    @Test
    void stringConstantsWithDoubledQuotes() {
        assertThat(single("'it''s'").value()).isEqualTo("it's");
        assertThat(single("''").value()).isEmpty();
        assertThat(single("'a\\nb'").value()).isEqualTo("a\\nb");
    }

    @Test
    void adjacentStringsContinueOnlyAcrossANewline() {
        assertThat(lex("'foo'\n'bar'")).containsExactly("STRING:foobar@1");
        assertThat(lex("'foo'  \n\t  'bar' 'baz'")).containsExactly("STRING:foobar@1", "STRING:baz@18");
        assertThat(lex("'a' -- comment\n 'b'")).containsExactly("STRING:ab@1");
        assertThat(lex("'a' /* c */\n'b'")).containsExactly("STRING:a@1", "STRING:b@13");
        assertThat(lex("E'a\\t'\n'\\n'")).containsExactly("STRING:a\t\n@1");
    }

    @Test
    void escapeStrings() {
        assertThat(single("E'a\\nb\\tc\\\\d\\'e'").value()).isEqualTo("a\nb\tc\\d'e");
        assertThat(single("e'\\b\\f\\r\\q'").value()).isEqualTo("\b\f\rq");
        assertThat(single("E'\\x41\\102\\u0043\\U00000044'").value()).isEqualTo("ABCD");
        assertThat(single("E'\\303\\251'").value()).isEqualTo("é");
        assertThat(single("E'\\uD83D\\uDE00'").value()).isEqualTo("😀");
        assertThat(single("E'it''s'").value()).isEqualTo("it's");
        assertThat(single("E'\\xZ'").value()).isEqualTo("xZ");
    }

    @Test
    void unicodeEscapeStringsAndNames() {
        assertThat(single("U&'d\\0061t\\+000061'").value()).isEqualTo("data");
        assertThat(single("u&'\\\\'").value()).isEqualTo("\\");
        assertThat(single("U&'d!0061t' UESCAPE '!'").value()).isEqualTo("dat");
        assertThat(single("U&'\\D83D\\DE00'").value()).isEqualTo("😀");
        Token name = single("U&\"d\\0061T\"");
        assertThat(name.kind()).isEqualTo(TokenKind.QUOTED_IDENTIFIER);
        assertThat(name.value()).isEqualTo("daT");
    }

    @Test
    void dollarQuotedStrings() {
        assertThat(single("$$it's $1 \\n$$").value()).isEqualTo("it's $1 \\n");
        assertThat(single("$fn$ body with $$ inside $fn$").value()).isEqualTo(" body with $$ inside ");
        assertThat(single("$a$x$ab$a$").value()).isEqualTo("x$ab");
        assertThat(lex("$$$$")).containsExactly("STRING:@1");
        assertThat(lex("a$$b")).containsExactly("IDENTIFIER:a$$b@1");
    }

    @Test
    void bitHexAndNationalStrings() {
        assertThat(lex("B'101' x'1F'")).containsExactly("BIT_STRING:101@1", "HEX_STRING:1F@8");
        assertThat(lex("N'abc'")).containsExactly("IDENTIFIER*:nchar@1", "STRING:abc@2");
    }

    @Test
    void numbers() {
        assertThat(values("42 3.14 .5 1. 1e10 1.5E-3 2e+2 007")).containsExactly("42", "3.14", ".5", "1.", "1e10",
                "1.5E-3", "2e+2", "007");
        assertThat(lex("1..2")).containsExactly("NUMBER:1@1", "DOT_DOT:..@2", "NUMBER:2@4");
        assertThat(lex("1.5.3")).containsExactly("NUMBER:1.5@1", "NUMBER:.3@4");
    }

    @Test
    void parameters() {
        assertThat(lex("$1 + $12")).containsExactly("PARAMETER:1@1", "OPERATOR:+@4", "PARAMETER:12@6");
    }

    @Test
    void operatorsAreCutAsPostgreSqlCutsThem() {
        assertThat(values(":: <= >= <> != || -> ->> #> #>> @> <@ ? ?| ?& ~~ ~~* !~~ ~ ~* !~ <-> && |/"))
                .containsExactly("::", "<=", ">=", "<>", "!=", "||", "->", "->>", "#>", "#>>", "@>", "<@", "?",
                        "?|", "?&", "~~", "~~*", "!~~", "~", "~*", "!~", "<->", "&&", "|/");
        // A multi-character operator may end in + or - only if it holds one of ~ ! @ # ^ & | ` ? %.
        assertThat(values("1=-2")).containsExactly("1", "=", "-", "2");
        assertThat(values("1*-2")).containsExactly("1", "*", "-", "2");
        assertThat(values("a<=-b")).containsExactly("a", "<=", "-", "b");
        assertThat(values("a@-b")).containsExactly("a", "@-", "b");
        assertThat(values("a!=-b")).containsExactly("a", "!=-", "b");
        // A comment start ends an operator.
        assertThat(values("a+-- comment\nb")).containsExactly("a", "+", "b");
        assertThat(values("a*/* c */b")).containsExactly("a", "*", "b");
        assertThat(lex("=> :=")).containsExactly("EQUALS_GREATER:=>@1", "COLON_EQUALS::=@4");
    }

    @Test
    void nestedBlockCommentsAndLineComments() {
        assertThat(values("a /* outer /* inner */ still comment */ b -- tail\nc")).containsExactly("a", "b", "c");
        assertThat(values("a --\rb")).containsExactly("a", "b");
    }

    @Test
    void charactersThatStartNoTokenAreOtherTokens() {
        assertThat(lex("{ \\ $")).containsExactly("OTHER:{@1", "OTHER:\\@3", "OTHER:$@5");
        assertThat(lex("12$abc")).containsExactly("NUMBER:12@1", "OTHER:$@3", "IDENTIFIER:abc@4");
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        // The emoji is one character (two UTF-16 units), so 'x' is character 3 as PostgreSQL counts.
        assertThat(lex("😀 x 'é' y")).containsExactly("IDENTIFIER:😀@1", "IDENTIFIER:x@3", "STRING:é@5",
                "IDENTIFIER:y@9");
        assertThat(Lexer.tokenize("'😀' ").getLast().position()).isEqualTo(5);
    }

    @Test
    void tokensRememberTheirSourceText() {
        SqlSource source = new SqlSource("SELECT E'a\\n'\n'b' FROM");
        List<Token> tokens = Lexer.tokenize(source);
        assertThat(source.textOf(tokens.get(1))).isEqualTo("E'a\\n'\n'b'");
        assertThat(source.textOf(tokens.get(2))).isEqualTo("FROM");
    }
}
