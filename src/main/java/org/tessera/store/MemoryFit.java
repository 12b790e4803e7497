package org.tessera.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a loaded generation fits in the machine's memory. TDB2 reads its files
 * through the operating system's page cache: a database larger than memory answers
 * a query that reaches pages pushed out by others at the speed of the disk. At 1M
 * events (37 GB on a 24 GB machine) the same per-source query took 75 ms to 792 ms at
 * p50, depending on what the cache held (bench/HISTORY.md, round nine). Said once, when
 * the data is loaded or served, so that nobody blames a query plan for the disk.
 */
public final class MemoryFit {
    private MemoryFit() {}

    /** The note for a database of {@code databaseBytes} on a machine of {@code memoryBytes}; none when it fits or memory is unknown. */
    public static Optional<String> note(long databaseBytes, long memoryBytes) {
        if (memoryBytes <= 0 || databaseBytes <= memoryBytes) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT,
                "Note: the database (%s) is larger than this machine's memory (%s): queries that read pages the page cache "
                        + "no longer holds wait for the disk. Give the store more memory, load with --loader packed "
                        + "(a database about 40%% smaller than the phased loader's), or see docs/scaling.md.",
                gigabytes(databaseBytes), gigabytes(memoryBytes)));
    }

    /** The note for {@code generation} on this machine: its database and text index, which queries read. */
    public static Optional<String> note(Generation generation) {
        return note(bytes(generation.tdb()) + bytes(generation.textIndex()), physicalMemory());
    }

    /** This machine's physical memory in bytes, or 0 when the JVM cannot tell. */
    static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** The bytes of the files below {@code dir}. */
    public static long bytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(MemoryFit::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
