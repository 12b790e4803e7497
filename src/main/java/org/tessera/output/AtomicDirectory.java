package org.tessera.output;

import org.tessera.support.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a directory's content as a whole: files are written into a sibling
 * staging folder, which then takes the target's place by rename. A failure at
 * any point leaves the previous content as it was.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {}

    public interface Filler {
        void fill(Path staging) throws IOException;
    }

    public static void replace(Path target, Filler filler) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
        Path old = parent.resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
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
}
