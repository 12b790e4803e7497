package org.tessera.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.Tools;
import org.tessera.support.FileLocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A load and a prune running at once (a server prunes when it retires a generation):
 * the prune leaves the load's generation alone, and no check drops a lock that
 * other processes rely on. Other processes are played by Python's fcntl, which
 * takes the same POSIX locks as the JVM.
 */
class StoreLocksTest {
    private static final String PROBE = "import fcntl, sys\n"
            + "with open(sys.argv[1], 'r+') as f:\n"
            + "    try:\n"
            + "        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
            + "        print('free')\n"
            + "    except OSError:\n"
            + "        print('locked')\n";

    private static final String HOLDER = "import fcntl, sys\n"
            + "f = open(sys.argv[1], 'r+')\n"
            + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
            + "print('held', flush=True)\n"
            + "sys.stdin.read()\n";

    @TempDir Path dir;

    private Path nquads(String name, int quads) throws IOException {
        return LabelQuads.write(dir, name, quads);
    }

    /** Whether another process finds the file locked. */
    private static boolean lockedForOtherProcesses(Path file) throws Exception {
        String answer = Tools.run(file.getParent(), List.of("python3", "-c", PROBE, file.toString())).strip();
        assertTrue(answer.equals("locked") || answer.equals("free"), answer);
        return answer.equals("locked");
    }

    @Test
    void aPruneLeavesTheGenerationsThatALoadIsFillingUntilItEnds() throws IOException {
        Store store = new Store(dir.resolve("db"));
        new StoreLoader(store, line -> { }).load(List.of(nquads("a.nq", 1)));
        Generation filling;
        Generation written;
        try (FileLocks.Held load = store.lockForLoad()) {
            // One generation being filled, one with its manifest written but not yet published.
            filling = store.createNext();
            Files.createDirectories(filling.tdb());
            written = store.createNext();
            new Manifest("f", 1, 1, 1, "2026-01-01T00:00:00Z", null).write(written.manifest());

            assertEquals(List.of(), store.prune());
            assertTrue(Files.isDirectory(filling.dir()) && Files.isRegularFile(written.manifest()));
        }
        assertEquals(List.of(filling.name(), written.name()), store.prune(), "once the load has ended they are left-overs");
        assertEquals("gen-0001", store.current().orElseThrow().name());
    }

    @Test
    void aSecondLoadIntoTheSameStoreFailsAndSaysWhy() throws IOException {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        loader.load(List.of(nquads("a.nq", 1)));
        try (FileLocks.Held running = store.lockForLoad()) {
            IOException error = assertThrows(IOException.class, () -> loader.load(List.of(nquads("b.nq", 2))));
            assertTrue(error.getMessage().contains("A load into " + store.dir() + " is already running in this process"), error.getMessage());
        }
        assertEquals("gen-0001", store.current().orElseThrow().name(), "the refused load changed nothing");
        assertEquals(List.of("gen-0001"), store.generations().stream().map(Generation::name).toList());
        assertEquals(2, loader.load(List.of(nquads("b.nq", 2))).manifest().quads(), "and runs once the first has ended");
    }

    /** A load told to wait runs once the load of another process ends; one that waits too little fails as before. */
    @Test
    void aLoadThatWaitsRunsOnceTheLoadOfAnotherProcessEnds() throws Exception {
        Store store = new Store(dir.resolve("db"));
        new StoreLoader(store, line -> { }).load(List.of(nquads("a.nq", 1)));
        Path loadLock = store.dir().resolve(Store.LOAD_LOCK);
        Process holder = new ProcessBuilder("python3", "-c", HOLDER, loadLock.toString()).redirectErrorStream(true).start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        StoreLoader waiting = new StoreLoader(store, log::add).waitingUpTo(Duration.ofSeconds(60));
        CompletableFuture<StoreLoader.Result> second;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("held", out.readLine(), "python3 took the lock, as a load in another process does");
            IOException refused = assertThrows(IOException.class, () -> new StoreLoader(store, line -> { })
                    .waitingUpTo(Duration.ofSeconds(1)).load(List.of(nquads("b.nq", 2))));
            assertTrue(refused.getMessage().contains("is already running"), refused.getMessage());
            Path third = nquads("c.nq", 3);
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return waiting.load(List.of(third));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(1500);
            assertFalse(second.isDone(), "waits while the other load runs");
            assertEquals("gen-0001", store.current().orElseThrow().name());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        StoreLoader.Result result = second.get(60, TimeUnit.SECONDS);
        assertEquals(3, result.manifest().quads());
        assertEquals("gen-0002", store.current().orElseThrow().name(), "the refused load made no generation");
        assertTrue(log.get(0).startsWith("Another load into " + store.dir() + " is running: waiting up to 60 s"), log.toString());
        assertTrue(log.get(1).startsWith("Loaded 3 quads"), log.toString());
    }

    @Test
    void loadWaitSaysItWaitsAndLoadsOnceTheRunningLoadEnds() throws Exception {
        Path input = nquads("a.nq", 2);
        Store store = new Store(dir.resolve("db"));
        var negative = org.tessera.CliRunner.run("load", "--wait", "-1", "--db", store.dir().toString(), input.toString());
        assertEquals(org.tessera.cli.ExitCodes.USAGE, negative.exitCode());
        assertTrue(negative.err().contains("--wait: a number of seconds, 0 or more"), negative.err());

        FileLocks.Held running = store.lockForLoad();
        var release = Executors.newSingleThreadScheduledExecutor();
        try {
            release.schedule(running::close, 1500, TimeUnit.MILLISECONDS);
            var waited = org.tessera.CliRunner.run("load", "--wait", "30", "--db", store.dir().toString(), input.toString());
            assertEquals(0, waited.exitCode(), waited.err());
            assertTrue(waited.out().contains("Another load into " + store.dir() + " is running: waiting up to 30 s for it to end"), waited.out());
            assertTrue(waited.out().contains("Loaded 2 quads"), waited.out());
        } finally {
            release.shutdown();
            assertTrue(release.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void checksInThisProcessKeepItsLocksHeldForOtherProcesses() throws Exception {
        Store store = new Store(dir.resolve("db"));
        StoreLoader loader = new StoreLoader(store, line -> { });
        Generation first = loader.load(List.of(nquads("a.nq", 1))).generation();
        try (ServedDataset open = ServedDataset.open(first)) {
            loader.load(List.of(nquads("b.nq", 2)));
            Path tdbLock = first.tdb().resolve("tdb.lock");
            assertTrue(lockedForOtherProcesses(tdbLock), "an open database is locked");
            store.prune();
            store.prune();
            assertTrue(Files.exists(first.dir()), "open here, so kept");
            assertTrue(lockedForOtherProcesses(tdbLock), "and still locked for others after the prunes looked at it");
        }
        Path loadLock = store.dir().resolve(Store.LOAD_LOCK);
        try (FileLocks.Held load = store.lockForLoad()) {
            assertEquals(List.of(first.name()), store.prune(), "closed, and older than the current one: removed even while a load runs");
            assertTrue(lockedForOtherProcesses(loadLock), "a running load is seen by other processes");
        }
        assertFalse(lockedForOtherProcesses(loadLock));
    }

    /** An export that must load rdf/ first, while a load holds the lock, says so, and writes nothing. */
    @Test
    void anExportThatMustLoadWhileALoadRunsSaysSo() throws IOException {
        Path project = org.tessera.TestProjects.copy("minimal", dir);
        assertEquals(0, org.tessera.CliRunner.run("convert", "--project", project.toString()).exitCode());
        Store store = new Store(project.resolve(".tessera/db"));
        Path out = dir.resolve("actors.gexf");
        try (FileLocks.Held load = store.lockForLoad()) {
            var export = org.tessera.CliRunner.run("export", "--format", "gexf", "--view", "actors", "--project", project.toString(),
                    "--out", out.toString());
            assertEquals(1, export.exitCode(), export.err());
            assertTrue(export.err().contains("for the export failed: A load into"), export.err());
            assertTrue(export.err().contains("is already running"), export.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void checksOfALockHeldElsewhereLeaveNoFileOpen() throws Exception {
        Path lockFile = Files.writeString(dir.resolve("load.lock"), "");
        Process holder = new ProcessBuilder("python3", "-c", HOLDER, lockFile.toString()).redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("held", out.readLine(), "python3 took the lock");
            for (int i = 0; i < 3; i++) assertTrue(FileLocks.isHeld(lockFile));
            assertThrows(IOException.class, () -> FileLocks.acquire(lockFile, "A load"));
            assertEquals(0, openDescriptorsOf(lockFile), "ProcessFileLock keeps a lock object, and its file, until released");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertFalse(FileLocks.isHeld(lockFile));
        assertEquals(0, openDescriptorsOf(lockFile));
    }

    /** How many of this process's file descriptors are open on the file. */
    private static long openDescriptorsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false; // closed while listed
                }
            }).count();
        }
    }
}
