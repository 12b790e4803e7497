package org.tessera.query;

import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a local query at its deadline by raising the query's cancel signal from
 * a timer of our own. Jena 5.6.0's own timer first waits for a lock that plan
 * building holds, and TDB2 runs a grouped sub-select while it plans the join
 * that follows it: such a query outlived its deadline by as long as the
 * sub-select ran (124 s under 60 s at a million events). Every iterator reads
 * the cancel signal, and raising it takes no lock. Jena 6.0.0 fixes its timer
 * (issue #3535); keep Jena's timeout set as well, so either stops the query.
 */
public final class QueryDeadline {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private QueryDeadline() {}

    /** A deadline being watched. Closing it once the query has ended drops the timer's task. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Raises {@code exec}'s cancel signal once {@code deadline} has passed. A
     * signal raised after the query ended does nothing; closing the watch when the
     * query ends keeps the timer from holding a task per query until its deadline.
     *
     * @return empty if {@code exec} has no cancel signal (not a local execution)
     */
    public static Optional<Watch> watch(QueryExec exec, Duration deadline) {
        AtomicBoolean cancel = Context.getCancelSignal(exec.getContext());
        if (cancel == null) return Optional.empty();
        // The task holds the signal only, not the execution and its iterators.
        ScheduledFuture<?> task = TIMER.schedule(() -> cancel.set(true), deadline.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(() -> task.cancel(false));
    }

    /** How many deadlines are being watched now: for monitoring and the tests. */
    public static int watched() {
        return TIMER.getQueue().size();
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tessera-query-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // A cancelled task leaves the queue at once, not at its deadline.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
