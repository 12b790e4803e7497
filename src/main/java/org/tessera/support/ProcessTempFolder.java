package org.tessera.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary folder of the process's own, inside the JVM's ({@code java.io.tmpdir}), for
 * the spill files that Jena names. An {@code ORDER BY} or {@code DISTINCT} past its
 * threshold and an export's grouping write {@code DataBag-*.tmp} files, which Jena removes
 * at a normal exit only: a process killed with SIGKILL, or by the kernel for its memory,
 * left them behind, gigabytes at 1M events. Here they go into a folder whose lock file
 * the process holds while it runs; the next Tessera process to start removes every such
 * folder whose lock it can take, as its owner has ended. Tessera's own spill files are
 * unlinked as soon as they are opened, and need none of this.
 */
public final class ProcessTempFolder {
    static final String PREFIX = "tessera-tmp-";
    static final String LOCK = "owner.lock";
    /** A folder made but not locked yet is its owner's for this long: the lock comes right after. */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(1);

    /** The locks of the folders this JVM claimed, held until it ends. */
    private static final List<FileLocks.Held> HELD = new ArrayList<>();
    /** The JVM's temporary folder before {@link #useForThisProcess}; null until then. */
    private static volatile Path base;

    private ProcessTempFolder() {}

    /**
     * Makes the JVM's temporary folder one of the process's own, inside the one it had,
     * and removes it at exit. When no folder can be made there (a read-only or full
     * disk), the JVM's stays as it was: a spill will then fail with its own error.
     */
    public static void useForThisProcess() {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Path folder = claim(parent);
            base = parent;
            System.setProperty("java.io.tmpdir", folder.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileTrees.delete(folder);
                } catch (IOException e) {
                    // Nothing to report to at exit; the next process removes it.
                }
            }, "tessera-temp-folder"));
        } catch (IOException | UncheckedIOException e) {
            // Keep the JVM's folder.
        }
    }

    /**
     * The temporary folder the JVM was given, in which the process's own is made: the one
     * that {@code -Djava.io.tmpdir} moves, and so the one to name to a user.
     */
    public static Path base() {
        Path given = base;
        return given != null ? given : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Removes the folders in {@code parent} of processes that have ended, then makes one
     * for this process and holds its lock until the JVM ends.
     *
     * @return the new folder
     */
    public static Path claim(Path parent) throws IOException {
        removeAbandoned(parent);
        Path folder = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
        FileLocks.Held lock = FileLocks.acquire(folder.resolve(LOCK), "The temporary folder " + folder);
        synchronized (HELD) {
            HELD.add(lock);
        }
        return folder;
    }

    /** Removes the folders in {@code parent} whose owner has ended; returns how many. */
    static int removeAbandoned(Path parent) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!isAbandoned(folder)) continue;
                try {
                    FileTrees.delete(folder);
                    removed++;
                } catch (IOException e) {
                    // Another user's, in a shared folder: theirs to remove.
                }
            }
        }
        return removed;
    }

    /**
     * A folder is abandoned when no process holds its lock, and it has not changed for
     * longer than its owner takes to lock it once made: the folder and its lock file are
     * made one after the other, and a folder just made has no lock yet.
     */
    private static boolean isAbandoned(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            Instant changed = Files.getLastModifiedTime(folder).toInstant();
            if (changed.plus(UNLOCKED_GRACE).isAfter(Instant.now())) return false;
            Path lock = folder.resolve(LOCK);
            return !Files.exists(lock) || !FileLocks.isHeld(lock);
        } catch (IOException | RuntimeException e) {
            return false; // removed meanwhile, or another user's lock file, which this one cannot open
        }
    }
}
