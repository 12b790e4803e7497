package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Wakes a load that waits for ever on a full disk. TDB2's loader thread that writes
 * the node table catches its own failure, logs it and stops, and the thread that
 * parses the input then waits for room in that thread's queue for ever (Jena 5.6.0,
 * {@code DataToTuples}), or, once it has read it all, waits for ever for the threads
 * that write the indexes, which never hear that the data has ended. When the
 * database's disk has less than {@link #MIN_FREE_BYTES} left and has not changed for
 * {@link #STALL}, the watch interrupts the loading thread, whose wait then ends in an
 * exception, and says why.
 * <p>
 * The other loader threads fail on a full disk with an exception of their own, which
 * ends a command's process ({@code TesseraCommand}).
 */
final class FullDiskWatch implements AutoCloseable {
    static final Duration STALL = Duration.ofSeconds(5);
    /** Less than one buffer of TDB2's writes: a disk this full has refused one. */
    static final long MIN_FREE_BYTES = 16L << 20;

    private final Path dir;
    private final Thread watcher;
    private volatile String finding;

    private FullDiskWatch(Path dir, Thread loading) {
        this.dir = dir;
        this.watcher = new Thread(() -> watch(loading), "tessera-full-disk-watch");
        watcher.setDaemon(true);
    }

    /** Watches the disk of {@code dir} while the caller's thread loads into it. */
    static FullDiskWatch start(Path dir) {
        FullDiskWatch watch = new FullDiskWatch(dir, Thread.currentThread());
        watch.watcher.start();
        return watch;
    }

    private void watch(Thread loading) {
        long last = usableSpace();
        long stillSince = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                long free = usableSpace();
                if (free != last || free >= MIN_FREE_BYTES) {
                    last = free;
                    stillSince = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - stillSince >= STALL.toNanos()) {
                    finding = String.format("The disk of %s is full (%d MB free) and the load has stopped; "
                            + "the current data stays as it is", dir, free >> 20);
                    loading.interrupt();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private long usableSpace() {
        try {
            FileStore store = Files.getFileStore(dir);
            return store.getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Throws what the watch found, if it stopped the load; clears the interrupt it made. */
    void rethrowIfFired(Exception failure) throws IOException {
        if (finding == null) return;
        Thread.interrupted();
        throw new IOException(finding, failure);
    }

    /** Ends the watch; on the loading thread, so that an interrupt it made, too late to matter, is cleared. */
    @Override
    public void close() {
        watcher.interrupt();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            // the watch's own interrupt, cleared below
        }
        if (finding != null) Thread.interrupted();
    }
}
