package io.basalt.cli.demo;

import static java.util.Objects.requireNonNull;

import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.cli.DatabaseOpener;
import io.basalt.cli.error.ErrorReport;
import io.basalt.cli.format.PrintSettings;
import io.basalt.cli.format.QueryResultTable;
import io.basalt.cli.format.TablePrinter;
import io.basalt.cli.shell.ElapsedTime;
import io.basalt.exec.memory.MemoryRoots;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code basalt demo [DBPATH]}: creates a sample database on disk (default {@code ./demo-db},
 * replaced if it is an earlier demo database), loads customers and about a million orders through
 * {@code Session.append} in Arrow batches, then runs a handful of analytical queries and prints
 * each one with its result in psql's aligned format and its time. Exit status 0 when every step
 * worked, 1 otherwise.
 */
public final class DemoCommand {
    static final String DEFAULT_PATH = "demo-db";
    static final int CUSTOMERS = 10_000;
    static final int ORDERS = 1_000_000;
    static final int BATCH_ROWS = 65_536;
    static final long SEED = 20_240_601L;

    static final List<String> QUERIES = List.of(
            "SELECT count(*) AS orders, sum(amount) AS revenue, avg(amount) AS average_order FROM orders",
            "SELECT status, count(*) AS orders, sum(amount) AS revenue FROM orders GROUP BY status ORDER BY revenue DESC",
            "SELECT customer_id, count(*) AS orders, sum(amount) AS spent FROM orders "
                    + "WHERE order_date >= '2024-01-01' AND status <> 'cancelled' "
                    + "GROUP BY customer_id ORDER BY spent DESC LIMIT 5",
            "SELECT quantity, count(*) AS orders, avg(discount) AS average_discount FROM orders "
                    + "WHERE priority GROUP BY quantity HAVING count(*) > 1000 ORDER BY quantity",
            "SELECT min(order_date) AS first_order, max(order_date) AS last_order, "
                    + "min(amount) AS smallest, max(amount) AS largest FROM orders",
            "SELECT country, count(*) AS customers FROM customers GROUP BY country ORDER BY customers DESC, country LIMIT 5");

    private final PrintStream out;
    private final PrintStream err;
    private final DatabaseOpener opener;
    private final int customers;
    private final int orders;

    public DemoCommand(PrintStream out, PrintStream err, DatabaseOpener opener) {
        this(out, err, opener, CUSTOMERS, ORDERS);
    }

    /** A demo of another size, for tests. */
    DemoCommand(PrintStream out, PrintStream err, DatabaseOpener opener, int customers, int orders) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.opener = requireNonNull(opener, "opener is null");
        this.customers = customers;
        this.orders = orders;
    }

    public int run(String... arguments) {
        if (arguments.length > 1) {
            err.println("basalt: error: usage: basalt demo [DBPATH]");
            return 1;
        }
        Path path = Path.of(arguments.length == 0 ? DEFAULT_PATH : arguments[0]);
        try {
            DemoDirectory.prepare(path);
        } catch (IOException e) {
            err.println("basalt: error: " + e.getMessage());
            return 1;
        }
        out.println("Creating a demo database in " + path);
        boolean allWorked;
        try (Database database = opener.open(path.toString()); Session session = database.connect()) {
            allWorked = load(session) && runQueries(session);
        } catch (RuntimeException e) {
            out.flush();
            err.print(ErrorReport.of(e).render(null, ""));
            allWorked = false;
        }
        out.flush();
        return allWorked ? 0 : 1;
    }

    private boolean load(Session session) {
        DemoData data = new DemoData(SEED, customers);
        session.execute(DemoData.CUSTOMERS_DDL).close();
        session.execute(DemoData.ORDERS_DDL).close();
        try (BufferAllocator allocator = MemoryRoots.newRoot("basalt-demo", 1L << 30)) {
            long start = System.nanoTime();
            for (int first = 1; first <= customers; first += BATCH_ROWS) {
                try (VectorSchemaRoot batch = data.customers(allocator, first, Math.min(BATCH_ROWS, customers - first + 1))) {
                    session.append("customers", batch);
                }
            }
            reportLoad("customers", customers, start);
            start = System.nanoTime();
            for (long first = 1; first <= orders; first += BATCH_ROWS) {
                int count = (int) Math.min(BATCH_ROWS, orders - first + 1);
                try (VectorSchemaRoot batch = data.orders(allocator, first, count)) {
                    session.append("orders", batch);
                }
            }
            reportLoad("orders", orders, start);
        }
        out.println();
        return true;
    }

    private void reportLoad(String table, int rows, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "Loaded %,d rows into %s in %.2f s", rows, table, seconds));
        out.flush();
    }

    private boolean runQueries(Session session) {
        boolean allWorked = true;
        for (String sql : QUERIES) {
            out.println("basalt=> " + sql + ";");
            long start = System.nanoTime();
            try (QueryResult result = session.query(sql)) {
                double milliseconds = (System.nanoTime() - start) / 1e6;
                TablePrinter.print(new QueryResultTable(result), PrintSettings.defaults(), out);
                out.println(ElapsedTime.format(milliseconds));
            } catch (RuntimeException e) {
                out.flush();
                err.print(ErrorReport.of(e).render(sql, ""));
                err.flush();
                allWorked = false;
            }
            out.println();
            out.flush();
        }
        return allWorked;
    }
}
