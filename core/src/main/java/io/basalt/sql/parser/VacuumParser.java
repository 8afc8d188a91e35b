package io.basalt.sql.parser;

import io.basalt.sql.ast.ExplainOption;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.VacuumStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code VACUUM [(options)] [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(columns)], ...]} and
 * {@code ANALYZE | ANALYSE [(options)] [VERBOSE] [table [(columns)], ...]}. The parenthesised options are read
 * as EXPLAIN's are (a word and an optional value); the old keywords become options without values.
 */
final class VacuumParser extends ParserBase {
    VacuumParser(Grammar grammar) {
        super(grammar);
    }

    VacuumStatement vacuum() {
        Token first = tokens.next();
        boolean vacuum = first.is(Keyword.VACUUM);
        List<ExplainOption> options = new ArrayList<>();
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            options.addAll(grammar.explain().optionList());
        } else if (vacuum) {
            keywordOption(Keyword.FULL, "full", options);
            keywordOption(Keyword.FREEZE, "freeze", options);
            keywordOption(Keyword.VERBOSE, "verbose", options);
            if (tokens.at(Keyword.ANALYZE) || tokens.at(Keyword.ANALYSE)) {
                options.add(new ExplainOption("analyze", null, false, tokens.next().position()));
            }
        } else {
            keywordOption(Keyword.VERBOSE, "verbose", options);
        }
        List<VacuumStatement.Target> tables = new ArrayList<>();
        if (grammar.names().atColumnId()) {
            do {
                QualifiedName name = grammar.names().qualifiedName();
                List<String> columns = tokens.at(TokenKind.LEFT_PAREN)
                        ? grammar.names().parenthesizedColumnIdList() : List.of();
                tables.add(new VacuumStatement.Target(name, columns));
            } while (tokens.accept(TokenKind.COMMA));
        }
        return new VacuumStatement(vacuum, options, tables, first.position());
    }

    private void keywordOption(Keyword keyword, String name, List<ExplainOption> options) {
        if (tokens.at(keyword)) {
            options.add(new ExplainOption(name, null, false, tokens.next().position()));
        }
    }
}
