package io.basalt.jdbc;

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
    public boolean allProceduresAreCallable() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws java.sql.SQLException {
        return false;
    }

    @Override
    public java.sql.ResultSet getAttributes(java.lang.String first, java.lang.String second, java.lang.String third, java.lang.String fourth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(java.lang.String first, java.lang.String second, java.lang.String third, int fourth, boolean fifth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(java.lang.String first, java.lang.String second, java.lang.String third, java.lang.String fourth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(java.lang.String first, java.lang.String second, java.lang.String third, java.lang.String fourth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getFunctions(java.lang.String first, java.lang.String second, java.lang.String third) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public int getMaxBinaryLiteralLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxConnections() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxIndexLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxRowSize() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxStatementLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxStatements() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.lang.String getNumericFunctions() throws java.sql.SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(java.lang.String first, java.lang.String second, java.lang.String third, java.lang.String fourth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getProcedures(java.lang.String first, java.lang.String second, java.lang.String third) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(java.lang.String first, java.lang.String second, java.lang.String third, java.lang.String fourth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getRowIdLifetime");
    }

    @Override
    public java.lang.String getSQLKeywords() throws java.sql.SQLException {
        return "";
    }

    @Override
    public java.lang.String getStringFunctions() throws java.sql.SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getSuperTables(java.lang.String first, java.lang.String second, java.lang.String third) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getSuperTypes(java.lang.String first, java.lang.String second, java.lang.String third) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.lang.String getSystemFunctions() throws java.sql.SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(java.lang.String first, java.lang.String second, java.lang.String third) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.lang.String getTimeDateFunctions() throws java.sql.SQLException {
        return "";
    }

    @Override
    public java.sql.ResultSet getUDTs(java.lang.String first, java.lang.String second, java.lang.String third, int[] fourth) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public java.sql.ResultSet getVersionColumns(java.lang.String first, java.lang.String second, java.lang.String third) throws java.sql.SQLException {
        return emptyResult();
    }

    @Override
    public boolean insertsAreDetected(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean isCatalogAtStart() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsConvert() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsConvert(int first, int second) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int first) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFiles() throws java.sql.SQLException {
        return false;
    }

}
