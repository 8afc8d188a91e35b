package io.basalt.sql.lexer;

/**
 * PostgreSQL's four classes of keywords. The class decides where a keyword may still be used as a name:
 * unreserved keywords anywhere, column-name keywords as column and table names but not as function or type
 * names, type/function-name keywords as function and type names but not as column names, reserved keywords
 * only as column labels after {@code AS} (or when double-quoted).
 */
public enum KeywordCategory {
    UNRESERVED,
    COLUMN_NAME,
    TYPE_FUNCTION_NAME,
    RESERVED;

    /** PostgreSQL's {@code ColId}: names of columns, tables, schemas, aliases. */
    public boolean allowedAsColumnName() {
        return this == UNRESERVED || this == COLUMN_NAME;
    }

    /** PostgreSQL's {@code type_function_name}: names of functions and types. */
    public boolean allowedAsTypeOrFunctionName() {
        return this == UNRESERVED || this == TYPE_FUNCTION_NAME;
    }
}
