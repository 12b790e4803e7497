package org.tessera.support;

import org.junit.jupiter.api.Test;
import org.tessera.cli.TesseraCommand;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jena's spill files left by a killed process are removed by the next one, and those of a
 * process still running are not. The other processes are real JVMs ({@link SpillingProcess}),
 * killed with SIGKILL or stopped with SIGTERM.
 */
class ProcessTempFolderTest {
    @TempDir Path parent;

    /** A process that has spilled, with its temporary folder. */
    private record Spiller(Process process, Path folder) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Spiller startSpiller() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-Djava.io.tmpdir=" + parent,
                "-cp", System.getProperty("java.class.path"), SpillingProcess.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String folder = out.readLine();
        assertTrue(folder != null, "the spilling process printed its temporary folder");
        return new Spiller(process, Path.of(folder));
    }

    private static List<Path> spillFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("DataBag-")).toList();
        }
    }

    /** As if the folder had been left alone for a while: one just made is never removed. */
    private static void age(Path folder) throws IOException {
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    }

    @Test
    void theFolderOfAKilledProcessIsRemovedByTheNextToStart() throws Exception {
        Path folder;
        try (Spiller killed = startSpiller()) {
            folder = killed.folder();
            assertEquals(parent, folder.getParent(), "the process's folder is inside the JVM's");
            assertEquals(1, spillFiles(folder).size(), "Jena spilled into the process's own folder");
        }
        assertTrue(Files.exists(folder), "SIGKILL leaves the spill behind, as it did in /tmp");
        age(folder);

        Path mine = ProcessTempFolder.claim(parent);

        assertFalse(Files.exists(folder), "the next process removed the folder of the killed one");
        assertTrue(Files.isDirectory(mine));
        assertTrue(mine.getFileName().toString().startsWith(ProcessTempFolder.PREFIX + ProcessHandle.current().pid() + "-"));
    }

    @Test
    void theFolderOfARunningProcessIsKeptAndItRemovesItOnExit() throws Exception {
        try (Spiller running = startSpiller()) {
            age(running.folder());

            ProcessTempFolder.claim(parent);
            ProcessTempFolder.claim(parent);

            assertEquals(1, spillFiles(running.folder()).size(), "the running process's spill is still there");
            running.process().destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(running.process().waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(running.folder()), "a process that ends normally removes its folder");
        }
    }

    @Test
    void aFolderStillWithoutItsLockIsKeptForAMinute() throws IOException {
        Path unlocked = Files.createDirectory(parent.resolve(ProcessTempFolder.PREFIX + "1-1"));
        Path notAFolder = Files.createFile(parent.resolve(ProcessTempFolder.PREFIX + "file"));

        assertEquals(0, ProcessTempFolder.removeAbandoned(parent));
        assertTrue(Files.exists(unlocked), "a folder just made, not locked yet, is its owner's");

        age(unlocked);
        age(notAFolder);
        assertEquals(1, ProcessTempFolder.removeAbandoned(parent));
        assertFalse(Files.exists(unlocked), "a folder left without a lock is removed once old");
        assertTrue(Files.exists(notAFolder), "only folders are removed");
    }

    @Test
    void aFolderThisProcessClaimedIsNotRemovedByItsOwnSweep() throws IOException {
        Path mine = ProcessTempFolder.claim(parent);
        age(mine);

        assertEquals(0, ProcessTempFolder.removeAbandoned(parent));
        assertTrue(Files.exists(mine.resolve(ProcessTempFolder.LOCK)));
    }

    @Test
    void everyTesseraCommandSweepsAsItStartsAndRemovesItsOwnFolderAsItEnds() throws Exception {
        Path killedEarlier = Files.createDirectory(parent.resolve(ProcessTempFolder.PREFIX + "1-1"));
        Files.createFile(killedEarlier.resolve(ProcessTempFolder.LOCK));
        Files.createFile(killedEarlier.resolve("DataBag-left.tmp"));
        age(killedEarlier);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process tessera = new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + parent,
                "-cp", System.getProperty("java.class.path"), TesseraCommand.class.getName(), "--version"))
                .redirectErrorStream(true).start();
        String output = new String(tessera.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tessera.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, tessera.exitValue(), output);

        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "the killed command's folder and the command's own are gone");
        }
    }
}
