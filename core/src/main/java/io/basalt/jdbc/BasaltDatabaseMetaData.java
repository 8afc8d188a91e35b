package io.basalt.jdbc;

import io.basalt.api.CatalogView;
import io.basalt.api.CatalogView.ColumnInfo;
import io.basalt.api.CatalogView.ForeignKeyInfo;
import io.basalt.api.CatalogView.KeyInfo;
import io.basalt.api.CatalogView.TableInfo;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The database described to tools, built on the session's view of Basalt's catalog ({@link CatalogView}): schemas,
 * tables and views, columns, primary keys, foreign keys (imported, exported, cross references), the unique indexes
 * behind keys, and the types. Result columns are the ones JDBC prescribes, in its order; catalogs do not exist
 * (TABLE_CAT is null), as in PostgreSQL's driver. The capability flags describe PostgreSQL's dialect as Basalt
 * speaks it; the rest are in {@link DatabaseMetaDataDefaults}.
 */
final class BasaltDatabaseMetaData extends DatabaseMetaDataDefaults {
    private final BasaltConnection connection;

    BasaltDatabaseMetaData(BasaltConnection connection) {
        this.connection = connection;
    }

    private CatalogView catalog() throws SQLException {
        connection.checkOpen();
        return connection.session().catalog();
    }

    private ResultSet result(ListRows rows) {
        return new BasaltResultSet(null, rows);
    }

    @Override
    ResultSet emptyResult() {
        return result(new ListRows(List.of(), List.of()));
    }

    // ---- schemas, tables, columns ----------------------------------------------------------------------------

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalogName, String schemaPattern) throws SQLException {
        MetadataRows rows = new MetadataRows().text("TABLE_SCHEM", "TABLE_CATALOG");
        List<String> schemas = new ArrayList<>(catalog().schemas());
        for (String system : List.of("information_schema", "pg_catalog")) {
            if (!schemas.contains(system)) {
                schemas.add(system);
            }
        }
        for (String schema : schemas) {
            if (MetadataRows.matches(schemaPattern, schema)) {
                rows.add(schema, null);
            }
        }
        return result(rows.build(0));
    }

    @Override
    public ResultSet getCatalogs() {
        return result(new MetadataRows().text("TABLE_CAT").build());
    }

    @Override
    public ResultSet getTableTypes() {
        MetadataRows rows = new MetadataRows().text("TABLE_TYPE");
        rows.add("TABLE");
        rows.add("VIEW");
        return result(rows.build());
    }

    @Override
    public ResultSet getTables(String catalogName, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        MetadataRows rows = new MetadataRows().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
                "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        Set<String> wanted = types == null ? null : Set.of(types);
        CatalogView catalog = catalog();
        if (wanted == null || wanted.contains("TABLE")) {
            for (TableInfo table : catalog.tables()) {
                if (MetadataRows.matches(schemaPattern, table.schema())
                        && MetadataRows.matches(tablePattern, table.name())) {
                    rows.add(null, table.schema(), table.name(), "TABLE", null, null, null, null, null, null);
                }
            }
        }
        if (wanted == null || wanted.contains("VIEW")) {
            for (TableInfo view : catalog.views()) {
                if (MetadataRows.matches(schemaPattern, view.schema())
                        && MetadataRows.matches(tablePattern, view.name())) {
                    rows.add(null, view.schema(), view.name(), "VIEW", null, null, null, null, null, null);
                }
            }
        }
        return result(rows.build(3, 1, 2));
    }

    @Override
    public ResultSet getColumns(String catalogName, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException {
        MetadataRows rows = new MetadataRows().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME")
                .integer("DATA_TYPE").text("TYPE_NAME").integer("COLUMN_SIZE").text("BUFFER_LENGTH")
                .integer("DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE").text("REMARKS", "COLUMN_DEF")
                .integer("SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION")
                .text("IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE").smallint("SOURCE_DATA_TYPE")
                .text("IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        CatalogView catalog = catalog();
        List<TableInfo> relations = new ArrayList<>(catalog.tables());
        relations.addAll(catalog.views());
        for (TableInfo table : relations) {
            if (!MetadataRows.matches(schemaPattern, table.schema())
                    || !MetadataRows.matches(tablePattern, table.name())) {
                continue;
            }
            int position = 0;
            for (ColumnInfo column : table.columns()) {
                position++;
                if (!MetadataRows.matches(columnPattern, column.name())) {
                    continue;
                }
                LogicalType type = column.type();
                boolean serial = column.defaultExpression() != null
                        && column.defaultExpression().startsWith("nextval(");
                Integer digits = switch (type.id()) {
                    case NUMERIC -> Math.max(type.scale(), 0);
                    case REAL -> 8;
                    case DOUBLE -> 17;
                    default -> null;
                };
                Integer octets = JdbcTypes.isText(type.id()) && type.precision() > 0
                        ? Integer.valueOf(type.precision() * 4) : null;
                rows.add(null, table.schema(), table.name(), column.name(), JdbcTypes.sqlType(type),
                        JdbcTypes.typeName(type), columnSize(type), null, digits,
                        type.isNumber() ? Integer.valueOf(10) : null,
                        column.notNull() ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable, null,
                        column.defaultExpression(), null, null, octets, position, column.notNull() ? "NO" : "YES",
                        null, null, null, null, serial ? "YES" : "NO", "NO");
            }
        }
        return result(rows.build(1, 2, 16));
    }

    private static int columnSize(LogicalType type) {
        return switch (type.id()) {
            case VARCHAR, CHAR, TEXT -> type.precision() > 0 ? type.precision() : Integer.MAX_VALUE;
            case NUMERIC -> type.precision() > 0 ? type.precision() : 1000;
            case DATE -> 13;
            case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> JdbcTypes.displaySize(type);
            default -> JdbcTypes.precision(type) > 0 ? JdbcTypes.precision(type) : Integer.MAX_VALUE;
        };
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    @Override
    public ResultSet getPrimaryKeys(String catalogName, String schema, String table) throws SQLException {
        MetadataRows rows = new MetadataRows().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME")
                .smallint("KEY_SEQ").text("PK_NAME");
        CatalogView catalog = catalog();
        for (TableInfo info : catalog.tables()) {
            if ((schema != null && !schema.equals(info.schema())) || (table != null && !table.equals(info.name()))) {
                continue;
            }
            for (KeyInfo key : catalog.uniqueKeys(info.schema(), info.name())) {
                if (key.primaryKey()) {
                    for (int i = 0; i < key.columns().size(); i++) {
                        rows.add(null, info.schema(), info.name(), key.columns().get(i), i + 1, key.name());
                    }
                }
            }
        }
        return result(rows.build(1, 2, 4));
    }

    @Override
    public ResultSet getImportedKeys(String catalogName, String schema, String table) throws SQLException {
        return keys(null, null, schema, table, 0, 1, 8);
    }

    @Override
    public ResultSet getExportedKeys(String catalogName, String schema, String table) throws SQLException {
        return keys(schema, table, null, null, 4, 5, 8);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        return keys(parentSchema, parentTable, foreignSchema, foreignTable, 4, 5, 8);
    }

    /** Foreign-key column pairs whose referenced and referencing tables match (null: any), sorted as JDBC asks. */
    private ResultSet keys(String parentSchema, String parentTable, String childSchema, String childTable,
                           int... order) throws SQLException {
        MetadataRows rows = new MetadataRows().text("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
                "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME").smallint("KEY_SEQ", "UPDATE_RULE",
                "DELETE_RULE").text("FK_NAME", "PK_NAME").smallint("DEFERRABILITY");
        CatalogView catalog = catalog();
        for (TableInfo info : catalog.tables()) {
            if ((childSchema != null && !childSchema.equals(info.schema()))
                    || (childTable != null && !childTable.equals(info.name()))) {
                continue;
            }
            for (ForeignKeyInfo key : catalog.foreignKeys(info.schema(), info.name())) {
                if ((parentSchema != null && !parentSchema.equals(key.referencedSchema()))
                        || (parentTable != null && !parentTable.equals(key.referencedTable()))) {
                    continue;
                }
                for (int i = 0; i < key.columns().size(); i++) {
                    rows.add(null, key.referencedSchema(), key.referencedTable(),
                            i < key.referencedColumns().size() ? key.referencedColumns().get(i) : null,
                            null, info.schema(), info.name(), key.columns().get(i), i + 1, rule(key.onUpdate()),
                            rule(key.onDelete()), key.name(), key.referencedKey(),
                            DatabaseMetaData.importedKeyNotDeferrable);
                }
            }
        }
        return result(rows.build(order));
    }

    private static int rule(String action) {
        return switch (action) {
            case "CASCADE" -> DatabaseMetaData.importedKeyCascade;
            case "SET NULL" -> DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT" -> DatabaseMetaData.importedKeySetDefault;
            case "RESTRICT" -> DatabaseMetaData.importedKeyRestrict;
            default -> DatabaseMetaData.importedKeyNoAction;
        };
    }

    /** The unique indexes behind PRIMARY KEY and UNIQUE constraints (other indexes are not described yet). */
    @Override
    public ResultSet getIndexInfo(String catalogName, String schema, String table, boolean unique,
                                  boolean approximate) throws SQLException {
        MetadataRows rows = new MetadataRows().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME").bool("NON_UNIQUE")
                .text("INDEX_QUALIFIER", "INDEX_NAME").smallint("TYPE", "ORDINAL_POSITION")
                .text("COLUMN_NAME", "ASC_OR_DESC").bigint("CARDINALITY", "PAGES").text("FILTER_CONDITION");
        CatalogView catalog = catalog();
        for (TableInfo info : catalog.tables()) {
            if ((schema != null && !schema.equals(info.schema())) || (table != null && !table.equals(info.name()))) {
                continue;
            }
            for (KeyInfo key : catalog.uniqueKeys(info.schema(), info.name())) {
                for (int i = 0; i < key.columns().size(); i++) {
                    rows.add(null, info.schema(), info.name(), false, null, key.name(),
                            DatabaseMetaData.tableIndexOther, i + 1, key.columns().get(i), "A", null, null, null);
                }
            }
        }
        return result(rows.build(3, 5, 7));
    }

    @Override
    public ResultSet getTypeInfo() {
        MetadataRows rows = new MetadataRows().text("TYPE_NAME").integer("DATA_TYPE", "PRECISION")
                .text("LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS").smallint("NULLABLE")
                .bool("CASE_SENSITIVE").smallint("SEARCHABLE").bool("UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE",
                        "AUTO_INCREMENT").text("LOCAL_TYPE_NAME").smallint("MINIMUM_SCALE", "MAXIMUM_SCALE")
                .integer("SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX");
        for (TypeId id : TypeId.values()) {
            if (id == TypeId.UNKNOWN || id == TypeId.ARRAY || id == TypeId.ENUM || id == TypeId.RECORD
                    || id == TypeId.RANGE) {
                continue;
            }
            LogicalType type = new LogicalType(id, -1, 0);
            boolean quoted = !type.isNumber() && id != TypeId.BOOLEAN;
            rows.add(JdbcTypes.typeName(type), JdbcTypes.sqlType(type), JdbcTypes.precision(type),
                    quoted ? "'" : null, quoted ? "'" : null,
                    id == TypeId.NUMERIC ? "precision,scale" : id == TypeId.VARCHAR || id == TypeId.CHAR ? "length"
                            : null, DatabaseMetaData.typeNullable, JdbcTypes.isText(id),
                    DatabaseMetaData.typeSearchable, !type.isNumber(), false, false, null, 0,
                    id == TypeId.NUMERIC ? 1000 : 0, null, null, type.isNumber() ? Integer.valueOf(10) : null);
        }
        return result(rows.build(1));
    }

    // ---- the product and its dialect ------------------------------------------------------------------------

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() throws java.sql.SQLException {
        connection.checkOpen();
        try (io.basalt.api.QueryResult result = connection.session().query("SELECT current_user")) {
            return result.getText(0, 0);
        } catch (RuntimeException failure) {
            throw SqlExceptions.of(failure);
        }
    }

    @Override
    public String getDatabaseProductName() {
        return "Basalt";
    }

    @Override
    public String getDatabaseProductVersion() {
        return "0.1 (PostgreSQL 15 dialect)";
    }

    @Override
    public String getDriverName() {
        return "Basalt JDBC driver";
    }

    @Override
    public String getDriverVersion() {
        return BasaltDriver.MAJOR_VERSION + "." + BasaltDriver.MINOR_VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return BasaltDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return BasaltDriver.MINOR_VERSION;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return 0;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return 1;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public int getSQLStateType() {
        return DatabaseMetaData.sqlStateSQL;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "function";
    }

    @Override
    public String getCatalogTerm() {
        return "database";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_REPEATABLE_READ || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return true;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 63;
    }

    @Override
    public int getMaxTableNameLength() {
        return 63;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 63;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw SqlExceptions.usage("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
