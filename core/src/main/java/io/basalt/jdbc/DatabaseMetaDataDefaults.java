package io.basalt.jdbc;

import java.sql.SQLException;

/**
 * The answers of {@link java.sql.DatabaseMetaData} that {@link BasaltDatabaseMetaData} does not give itself: a
 * capability Basalt lacks or does not claim is false, a limit is 0 (none known), a function list is empty, and a
 * description of objects Basalt does not have (procedures, functions, user types, privileges, ...) is an empty
 * result.
 */
abstract class DatabaseMetaDataDefaults implements java.sql.DatabaseMetaData {
    /** A result without rows, for objects Basalt does not have. */
    abstract java.sql.ResultSet emptyResult();

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        return false;
    }

    @Override
    public java.sql.ResultSet getAttributes(String first, String second, String third, String fourth)
            throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(String first, String second, String third, int fourth, boolean fifth)
            throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(String first, String second, String third, String fourth)
            throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(String first, String second, String third, String fourth)
            throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getFunctions(String first, String second, String third) throws SQLException {
        return emptyResult();
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxConnections() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxStatements() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        return 0;
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(String first, String second, String third, String fourth)
            throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getProcedures(String first, String second, String third) throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(String first, String second, String third, String fourth)
            throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getRowIdLifetime");
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        return "";
    }

    @Override
    public String getStringFunctions() throws SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getSuperTables(String first, String second, String third) throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getSuperTypes(String first, String second, String third) throws SQLException {
        return emptyResult();
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(String first, String second, String third) throws SQLException {
        return emptyResult();
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getUDTs(String first, String second, String third, int[] fourth) throws SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getVersionColumns(String first, String second, String third) throws SQLException {
        return emptyResult();
    }

    @Override
    public boolean insertsAreDetected(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsConvert(int first, int second) throws SQLException {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int first) throws SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        return false;
    }

}
