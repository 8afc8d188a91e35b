package io.basalt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Basalt version the shell was built as, from the Maven-filtered {@code version.properties}. */
public final class Version {
    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
