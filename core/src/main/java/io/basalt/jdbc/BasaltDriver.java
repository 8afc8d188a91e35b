package io.basalt.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Basalt's JDBC driver, found by {@link DriverManager} through {@code META-INF/services/java.sql.Driver}. URLs are
 * described in {@link JdbcUrl}; connections to one URL share one open database.
 */
public final class BasaltDriver implements Driver {
    public static final int MAJOR_VERSION = 0;
    public static final int MINOR_VERSION = 1;

    private static final SharedDatabases DATABASES = new SharedDatabases();

    static {
        try {
            DriverManager.registerDriver(new BasaltDriver());
        } catch (SQLException failure) {
            throw new ExceptionInInitializerError(failure);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // the DriverManager contract: another driver's URL
        }
        JdbcUrl parsed = JdbcUrl.parse(url);
        try {
            return new BasaltConnection(url, parsed, DATABASES, info == null ? null : info.getProperty("user"));
        } catch (RuntimeException failure) {
            throw SqlExceptions.of(failure);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // not every part of JDBC is there (see the README's JDBC section)
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Basalt's driver does not log through java.util.logging");
    }
}
