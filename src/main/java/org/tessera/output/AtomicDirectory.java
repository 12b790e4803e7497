package org.tessera.output;

import org.tessera.support.FileTrees;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a directory's content as a whole: files are written into a sibling
 * staging folder, which then takes the target's place by rename. A failure at
 * any point leaves the previous content as it was.
 * <p>
 * The sibling folders carry the writing process's id ({@code .rdf.new-PID-…},
 * {@code .rdf.old-PID}), so that the next replace can clear what a process killed
 * midway left: a dead process's staging folder is deleted, and its old content put
 * back if the target is missing (it was killed between the two renames). Folders of a
 * process still running are left alone: it may be another replace of the same target.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {}

    public interface Filler {
        void fill(Path staging) throws IOException;
    }

    public static void replace(Path target, Filler filler) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        long pid = WriterPids.current();
        recoverFromKilledReplaces(parent, name);
        Path staging = Files.createTempDirectory(parent, stagingPrefix(name) + pid + "-");
        Path old = parent.resolve(oldPrefix(name) + pid);
        try {
            filler.fill(staging);
            if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (Files.exists(old)) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            FileTrees.delete(old);
        } finally {
            FileTrees.delete(staging);
        }
    }

    private static void recoverFromKilledReplaces(Path parent, String name) throws IOException {
        Path target = parent.resolve(name);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith("." + name + "."))) {
            for (Path sibling : siblings) {
                String file = sibling.getFileName().toString();
                if (WriterPids.leftByDeadProcess(file, stagingPrefix(name), true)) {
                    FileTrees.delete(sibling);
                } else if (WriterPids.leftByDeadProcess(file, oldPrefix(name), false)) {
                    if (Files.exists(target)) FileTrees.delete(sibling);
                    else Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }

    private static String stagingPrefix(String name) {
        return "." + name + ".new-";
    }

    private static String oldPrefix(String name) {
        return "." + name + ".old-";
    }
}
