package org.tessera.support;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work per item on a few threads and hands the results to the
 * caller's thread in the items' order, so that what the caller writes does not
 * depend on which thread finished first. At most {@code 2 x threads} results wait
 * at a time, which bounds the memory they hold.
 * <pre>{@code
 * OrderedWork.run(files, 4, file -> build(file), graph -> write(graph));
 * }</pre>
 */
public final class OrderedWork {
    private OrderedWork() {}

    /** Work that may fail with an I/O error. */
    @FunctionalInterface
    public interface Task<T, R> {
        R apply(T item) throws IOException;
    }

    /** What the caller's thread does with each result, in order. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(R result) throws IOException;
    }

    /** The number of threads to use by default: one per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The system property that sets how many threads a command works on: a number, else one per core. */
    public static final String THREADS_PROPERTY = "tessera.threads";

    /** The number of threads {@value #THREADS_PROPERTY} sets, else one per core. */
    public static int configuredThreads() {
        return Integer.getInteger(THREADS_PROPERTY, defaultThreads());
    }

    /**
     * Applies {@code task} to every item, on {@code threads} threads (on the caller's
     * thread alone when it is 1), and gives the results to {@code sink} in item order.
     * The first failure stops the work and is thrown as it was.
     */
    public static <T, R> void run(List<T> items, int threads, Task<T, R> task, Sink<R> sink) throws IOException {
        if (items.size() <= 1) threads = 1;
        try (Stream<T, R> stream = stream(threads, task, sink)) {
            for (T item : items) stream.add(item);
            stream.finish();
        }
    }

    /**
     * As {@link #run}, for items that come one at a time, from a callback say, rather than
     * in a list: {@link Stream#add} each, then {@link Stream#finish}; closing stops the work.
     */
    public static <T, R> Stream<T, R> stream(int threads, Task<T, R> task, Sink<R> sink) {
        return new Stream<>(threads, task, sink);
    }

    /** Items handed to workers as they come, their results to the caller's sink in order. Used from one thread. */
    public static final class Stream<T, R> implements AutoCloseable {
        private final int threads;
        private final Task<T, R> task;
        private final Sink<R> sink;
        /** None on one thread: the work runs in {@link #add}. */
        private final ExecutorService pool;
        private final ArrayDeque<Future<R>> waiting = new ArrayDeque<>();

        private Stream(int threads, Task<T, R> task, Sink<R> sink) {
            this.threads = Math.max(1, threads);
            this.task = task;
            this.sink = sink;
            this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, new Named());
        }

        /**
         * Starts the work on {@code item}. When {@code 2 x threads} results wait, first takes the
         * oldest, and hands it to the sink once the new work is queued: the workers keep busy meanwhile.
         */
        public void add(T item) throws IOException {
            if (pool == null) {
                sink.accept(task.apply(item));
                return;
            }
            boolean full = waiting.size() >= 2 * threads;
            R oldest = full ? await(waiting.poll()) : null; // a result may be null
            waiting.add(pool.submit(() -> task.apply(item)));
            if (full) sink.accept(oldest);
        }

        /** Waits for the work still running, and hands every result left to the sink, in order. */
        public void finish() throws IOException {
            while (!waiting.isEmpty()) sink.accept(await(waiting.poll()));
        }

        /** Stops the workers; results not handed over are dropped. */
        @Override
        public void close() {
            if (pool != null) pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IOException(cause);
        }
    }

    /** Daemon threads with a name that says whose they are, so that they never keep a JVM alive. */
    private static final class Named implements java.util.concurrent.ThreadFactory {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private final int pool = POOLS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "tessera-work-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
