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
 * <p>
 * A target that is a symbolic link ({@code rdf/} kept on another disk) is replaced where
 * the link points, beside it, and the link stays as it was.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {}

    public interface Filler {
        void fill(Path staging) throws IOException;
    }

    public static void replace(Path link, Filler filler) throws IOException {
        Path target = followLinks(link.toAbsolutePath());
        Path parent = target.getParent();
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

    /** Where a chain of symbolic links ends; the target itself when it is none. A dangling link's end need not exist. */
    private static Path followLinks(Path target) throws IOException {
        Path path = target;
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == 40) throw new IOException("Too many levels of symbolic links at " + target);
            path = path.getParent().resolve(Files.readSymbolicLink(path)).normalize();
        }
        return path;
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
