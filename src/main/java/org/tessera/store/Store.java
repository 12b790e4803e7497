package org.tessera.store;

import org.tessera.support.FileLocks;
import org.tessera.support.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A database folder: generations of the loaded graph ({@code gen-0001},
 * {@code gen-0002}, ...) and a symbolic link {@code current} to the one served.
 * A load fills a new generation aside and then swings the link by an atomic
 * rename, so a reader sees the old generation or the new one, never a mix, and
 * a load that fails or is killed leaves {@code current} as it was. A load holds
 * the lock on {@code load.lock} from start to end: one load at a time, and a prune
 * (by a server, or another process) leaves the generations it fills alone.
 */
public final class Store {
    static final String CURRENT = "current";
    static final String LOAD_LOCK = "load.lock";
    private final Path dir;

    public Store(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() { return dir; }

    /** The generation {@code current} points to, if a load has ever completed. */
    public Optional<Generation> current() {
        Path link = dir.resolve(CURRENT);
        if (!Files.isSymbolicLink(link)) return Optional.empty();
        try {
            Path target = dir.resolve(Files.readSymbolicLink(link)).normalize();
            Generation generation = new Generation(target);
            return Files.isRegularFile(generation.manifest()) ? Optional.of(generation) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates the folder of the next generation, numbered after every existing one. */
    Generation createNext() throws IOException {
        Files.createDirectories(dir);
        int next = generations().stream().mapToInt(Generation::number).max().orElse(0) + 1;
        Path path = dir.resolve(String.format("%s%04d", Generation.PREFIX, next));
        Files.createDirectory(path);
        return new Generation(path);
    }

    /** Points {@code current} at a complete generation, atomically. */
    void publish(Generation generation) throws IOException {
        if (!Files.isRegularFile(generation.manifest())) {
            throw new IllegalStateException("Generation " + generation.name() + " has no manifest; it is incomplete");
        }
        Path temporary = dir.resolve("." + CURRENT + "-" + ProcessHandle.current().pid());
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, dir.relativize(generation.dir()));
        Files.move(temporary, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Held by a load from start to end; fails, naming the holder, if another load into this store runs. */
    FileLocks.Held lockForLoad() throws IOException {
        return lockForLoad(Duration.ZERO);
    }

    /** The load lock, once a load that holds it ends, waiting up to {@code wait}. */
    FileLocks.Held lockForLoad(Duration wait) throws IOException {
        Files.createDirectories(dir);
        return FileLocks.acquire(dir.resolve(LOAD_LOCK), "A load into " + dir, wait);
    }

    /** Whether a load into this store is running, in this process or another. */
    boolean loadRunning() {
        return FileLocks.isHeld(dir.resolve(LOAD_LOCK));
    }

    /**
     * Deletes generations that are not current and that no process has open:
     * left over from older loads, or from loads that died half-way. While a load
     * runs, the generations above the current one are left alone: one is being
     * filled, and is not current until the load publishes it.
     */
    public List<String> prune() throws IOException {
        return prune(loadRunning());
    }

    /**
     * The prune a load makes before it checks the disk, and again once it has published:
     * it holds the load lock, so no generation is being filled, and one without a
     * manifest is what a failed or killed load left.
     */
    List<String> pruneHoldingLoadLock() throws IOException {
        return prune(false);
    }

    private List<String> prune(boolean loadRunning) throws IOException {
        Optional<Generation> current = current();
        int currentNumber = current.map(Generation::number).orElse(0);
        List<String> removed = new ArrayList<>();
        for (Generation generation : generations()) {
            if (current.isPresent() && current.get().dir().equals(generation.dir())) continue;
            if (loadRunning && generation.number() > currentNumber) continue;
            // TDB2 holds an OS lock on tdb.lock while a database is open, in this process or another.
            if (FileLocks.isHeld(generation.tdb().resolve("tdb.lock"))) continue;
            FileTrees.delete(generation.dir());
            removed.add(generation.name());
        }
        return removed;
    }

    List<Generation> generations() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Generation.isGenerationName(p.getFileName().toString()))
                    .map(Generation::new)
                    .sorted(Comparator.comparingInt(Generation::number))
                    .toList();
        }
    }
}
