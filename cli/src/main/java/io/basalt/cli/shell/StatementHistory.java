package io.basalt.cli.shell;

import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The line editor's history, holding what psql's history holds: each statement as sent (a
 * multi-line statement is one entry, recalled whole) and each backslash-command line. The line
 * editor offers every physical line it reads; those offers are ignored, and only
 * {@link #remember} adds entries.
 */
final class StatementHistory extends DefaultHistory {
    private boolean remembering;

    void remember(String entry) {
        remembering = true;
        try {
            add(Instant.now(), entry);
        } finally {
            remembering = false;
        }
    }

    @Override
    public void add(Instant time, String line) {
        if (remembering) {
            super.add(time, line);
        }
    }
}
