package io.basalt.sql.parser;

import io.basalt.sql.lexer.SqlSource;
import io.basalt.sql.lexer.Token;
import java.util.List;

/**
 * One parse of one SQL text: the token cursor and one parser per area of PostgreSQL's grammar, wired to each
 * other. Built per call of {@link Parser}; not shared between threads.
 */
final class Grammar {
    private final TokenStream tokens;
    private final NameParser names;
    private final TypeNameParser types;
    private final ExpressionParser expressions;
    private final PredicateParser predicates;
    private final PrimaryExpressionParser primaries;
    private final FunctionCallParser functionCalls;
    private final SpecialFunctionParser specialFunctions;
    private final WindowParser windows;
    private final QueryParser queries;
    private final SelectParser selects;
    private final FromClauseParser fromClause;
    private final DdlParser ddl;
    private final AlterTableParser alterTable;
    private final PartitionClauseParser partitionClauses;
    private final ViewParser views;
    private final SchemaParser schemas;
    private final ConstraintParser constraints;
    private final DmlParser dml;
    private final SettingStatementParser settings;
    private final ExplainParser explain;
    private final PreparedStatementParser prepared;
    private final CursorParser cursors;
    private final TruncateParser truncate;
    private final IndexParser indexes;
    private final SequenceParser sequences;
    private final CopyParser copy;
    private final VacuumParser vacuum;
    private final ReindexParser reindex;
    private final TransactionParser transactions;
    private final UtilityStatementParser utility;
    private final StatementParser statements;
    private final TypeParser userTypes;

    Grammar(SqlSource source, List<Token> tokenList) {
        this.tokens = new TokenStream(source, tokenList);
        this.names = new NameParser(this);
        this.types = new TypeNameParser(this);
        this.expressions = new ExpressionParser(this);
        this.predicates = new PredicateParser(this);
        this.primaries = new PrimaryExpressionParser(this);
        this.functionCalls = new FunctionCallParser(this);
        this.specialFunctions = new SpecialFunctionParser(this);
        this.windows = new WindowParser(this);
        this.queries = new QueryParser(this);
        this.selects = new SelectParser(this);
        this.fromClause = new FromClauseParser(this);
        this.ddl = new DdlParser(this);
        this.alterTable = new AlterTableParser(this);
        this.partitionClauses = new PartitionClauseParser(this);
        this.views = new ViewParser(this);
        this.schemas = new SchemaParser(this);
        this.constraints = new ConstraintParser(this);
        this.dml = new DmlParser(this);
        this.settings = new SettingStatementParser(this);
        this.explain = new ExplainParser(this);
        this.prepared = new PreparedStatementParser(this);
        this.cursors = new CursorParser(this);
        this.truncate = new TruncateParser(this);
        this.indexes = new IndexParser(this);
        this.sequences = new SequenceParser(this);
        this.copy = new CopyParser(this);
        this.vacuum = new VacuumParser(this);
        this.reindex = new ReindexParser(this);
        this.transactions = new TransactionParser(this);
        this.utility = new UtilityStatementParser(this);
        this.statements = new StatementParser(this);
        this.userTypes = new TypeParser(this);
    }

    /** CREATE / ALTER / DROP TYPE. */
    TypeParser userTypes() {
        return userTypes;
    }

    TokenStream tokens() {
        return tokens;
    }

    NameParser names() {
        return names;
    }

    TypeNameParser types() {
        return types;
    }

    ExpressionParser expressions() {
        return expressions;
    }

    PredicateParser predicates() {
        return predicates;
    }

    PrimaryExpressionParser primaries() {
        return primaries;
    }

    FunctionCallParser functionCalls() {
        return functionCalls;
    }

    SpecialFunctionParser specialFunctions() {
        return specialFunctions;
    }

    WindowParser windows() {
        return windows;
    }

    QueryParser queries() {
        return queries;
    }

    SelectParser selects() {
        return selects;
    }

    FromClauseParser fromClause() {
        return fromClause;
    }

    DdlParser ddl() {
        return ddl;
    }

    AlterTableParser alterTable() {
        return alterTable;
    }

    PartitionClauseParser partitionClauses() {
        return partitionClauses;
    }

    ViewParser views() {
        return views;
    }

    SchemaParser schemas() {
        return schemas;
    }

    ConstraintParser constraints() {
        return constraints;
    }

    DmlParser dml() {
        return dml;
    }

    SettingStatementParser settings() {
        return settings;
    }

    ExplainParser explain() {
        return explain;
    }

    CursorParser cursors() {
        return cursors;
    }

    PreparedStatementParser prepared() {
        return prepared;
    }

    TruncateParser truncate() {
        return truncate;
    }

    IndexParser indexes() {
        return indexes;
    }

    SequenceParser sequences() {
        return sequences;
    }

    CopyParser copy() {
        return copy;
    }

    VacuumParser vacuum() {
        return vacuum;
    }

    ReindexParser reindex() {
        return reindex;
    }

    TransactionParser transactions() {
        return transactions;
    }

    UtilityStatementParser utility() {
        return utility;
    }

    StatementParser statements() {
        return statements;
    }
}
