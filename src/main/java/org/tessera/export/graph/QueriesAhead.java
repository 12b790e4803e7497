package org.tessera.export.graph;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs the queries of a view ahead of their reader, on the threads it is given (one per core
 * unless said otherwise), each in a read transaction of its own (a TDB2 transaction belongs to
 * one thread). A view reads
 * up to seven queries over the whole database, which take minutes one after another at a million
 * events; and each query's rows are sorted on disk before its first one is read
 * ({@link SortedGroupBy}), so the reader waits only for the query it needs next while the others run.
 * The rows hold values, not the database's ids, so they outlive the transaction. The database is
 * the export's alone (TDB2 locks it to one process), so every transaction sees the same data.
 */
final class QueriesAhead implements AutoCloseable {
    /** How long closing waits for a running query to see that it is no longer wanted and stop. */
    private static final long STOP_WAIT_SECONDS = 60;

    private final ExecutorService pool;
    private final Map<String, Future<Stream<Binding>>> running = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Starts the queries in the order given: that in which they will be taken, so that the first ones are ready first. */
    QueriesAhead(DatasetGraph dataset, Map<String, SortedGroupBy> queries, long rowsInMemory, int threads) {
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        queries.forEach((name, query) -> running.put(name, pool.submit(() -> handOver(Txn.calculateRead(dataset,
                () -> query.groups(dataset.getUnionGraph(), rowsInMemory, closed::get))))));
        pool.shutdown();
    }

    /** The rows of a query that has run, unless the reader has gone: then they are removed here, as nobody will take them. */
    private Stream<Binding> handOver(Stream<Binding> rows) {
        synchronized (this) {
            if (!closed.get()) return rows;
        }
        rows.close();
        throw new CancellationException("The export ended before its query had run");
    }

    /** The query's grouped rows, once its run has ended; each query is taken once. Throws what the query threw. */
    Stream<Binding> take(String name) {
        Future<Stream<Binding>> rows = running.remove(name);
        if (rows == null) throw new IllegalStateException("The export query " + name + " was not started, or was taken already");
        try {
            return rows.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("The export query " + name + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for the export query " + name);
        }
    }

    /**
     * Stops the queries not taken and removes what they spilled. A running query stops at its next
     * row, and one not yet started at its first: a thread is never interrupted, as an interrupt
     * closes the database's file channels.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed.set(true);
        }
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Future<Stream<Binding>>> left = new ArrayList<>(running.values());
        running.clear();
        for (Future<Stream<Binding>> rows : left) {
            if (!rows.isDone()) continue; // still running past the wait: it removes its rows itself when it ends
            try {
                rows.get().close();
            } catch (ExecutionException | InterruptedException stoppedOrFailed) {
                // Nothing kept: a query that failed or stopped removed its rows itself.
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "tessera-export-query-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
