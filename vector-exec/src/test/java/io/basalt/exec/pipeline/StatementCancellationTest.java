package io.basalt.exec.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cancel flag's life per statement: cancels and timeouts reach only the statement running when they come. */
class StatementCancellationTest {
    @Test
    void cancelWhileNoStatementRunsIsForgotten() {
        StatementCancellation cancellation = new StatementCancellation();
        cancellation.cancel();
        cancellation.begin(0);
        cancellation.check();
        assertThat(cancellation.isCancelled()).isFalse();
        cancellation.end();
    }

    @Test
    void cancelFailsTheRunningStatementAtItsNextCheckAndNotTheNext() {
        StatementCancellation cancellation = new StatementCancellation();
        cancellation.begin(0);
        cancellation.cancel();
        assertThatThrownBy(cancellation::check).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
            assertThat(e.getMessage()).isEqualTo("canceling statement due to user request");
        });
        cancellation.cancel(StatementCancellation.STATEMENT_TIMEOUT); // the first reason stays
        assertThatThrownBy(cancellation::check).hasMessage("canceling statement due to user request");
        cancellation.end();
        cancellation.check();
        cancellation.begin(0);
        cancellation.check();
        cancellation.end();
    }

    @Test
    void timeoutCancelsWithItsOwnMessageAndIsDisarmedAtTheEnd() throws InterruptedException {
        StatementCancellation cancellation = new StatementCancellation();
        cancellation.begin(20);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cancellation.isCancelled()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(2);
        }
        assertThatThrownBy(cancellation::check).hasMessage("canceling statement due to statement timeout");
        cancellation.end();

        cancellation.begin(50);
        cancellation.end();
        cancellation.begin(0); // the earlier statement's timer must not reach this one
        Thread.sleep(150);
        assertThat(cancellation.isCancelled()).isFalse();
        cancellation.end();
    }

    @Test
    void sleepWakesAtTheCancel() throws Exception {
        StatementCancellation cancellation = new StatementCancellation();
        cancellation.begin(0);
        Thread canceller = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancellation.cancel();
        });
        assertThatThrownBy(() -> cancellation.sleep(TimeUnit.MINUTES.toNanos(10)))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED));
        canceller.join();
        cancellation.end();
    }
}
