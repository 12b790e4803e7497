package org.tessera.support;

import org.apache.jena.dboe.base.file.ProcessFileLock;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Locks on a store's files, taken through Jena's {@link ProcessFileLock}, which TDB2
 * uses too and which keeps one channel per file in the JVM. A check that opened a
 * channel of its own would, on closing it, drop every lock this process holds on
 * the file (POSIX locks belong to the process, not the channel), and so hide an open
 * database or a running load from other processes.
 */
public final class FileLocks {
    /** How long {@link #acquire} tries: a check elsewhere holds a lock for an instant. */
    private static final Duration PATIENCE = Duration.ofMillis(500);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private FileLocks() {}

    /** A lock this process holds until {@link #close}. */
    public record Held(ProcessFileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            synchronized (FileLocks.class) {
                ProcessFileLock.release(lock);
            }
        }
    }

    /** Whether some process, this one included, holds the lock on the file. */
    public static boolean isHeld(Path file) {
        if (!Files.exists(file)) return false;
        // Synchronized with acquire, so that a check in one thread never takes a lock another thread is taking.
        synchronized (FileLocks.class) {
            try {
                ProcessFileLock lock = ProcessFileLock.create(file.toString());
                if (lock.isLockedHere()) return true;
                boolean taken = lock.tryLock();
                // Released taken or not: ProcessFileLock keeps each object, and its open file, until then.
                ProcessFileLock.release(lock);
                return !taken;
            } catch (OverlappingFileLockException e) {
                return true;
            }
        }
    }

    /**
     * Takes the lock on the file, creating the file if need be, or fails with an
     * error that names the process holding it.
     *
     * @param what what the lock guards, for the error
     */
    public static Held acquire(Path file, String what) throws IOException {
        return acquire(file, what, Duration.ZERO);
    }

    /**
     * Takes the lock on the file, waiting up to {@code wait} for its holder to release
     * it, or fails with an error that names the process holding it.
     *
     * @param what what the lock guards, for the error
     */
    public static Held acquire(Path file, String what, Duration wait) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // Left by an earlier holder: a lock file is kept, only the lock comes and goes.
        }
        long deadline = System.nanoTime() + (wait.compareTo(PATIENCE) > 0 ? wait : PATIENCE).toNanos();
        while (true) {
            boolean here;
            synchronized (FileLocks.class) {
                ProcessFileLock lock = ProcessFileLock.create(file.toString());
                here = lock.isLockedHere();
                if (!here) {
                    if (lock.tryLock()) return new Held(lock);
                    ProcessFileLock.release(lock);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(what + " is already running" + (here ? " in this process" : otherHolder(file)) + "; the lock is " + file);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the lock " + file, e);
            }
        }
    }

    /**
     * ProcessFileLock writes its holder's process id into the file. An id left by an
     * earlier holder that has ended (or by a tool that writes none) is not named.
     */
    private static String otherHolder(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String pid = lines.isEmpty() ? "" : lines.get(0).strip();
            if (!pid.matches("\\d{1,18}")) return "";
            long id = Long.parseLong(pid);
            boolean alive = id != ProcessHandle.current().pid() && ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
            return alive ? " in process " + id : "";
        } catch (IOException e) {
            return "";
        }
    }
}
