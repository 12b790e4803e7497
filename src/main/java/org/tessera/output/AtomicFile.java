package org.tessera.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file as a whole: it is written beside the target, as
 * {@code .NAME.tmp-PID}, and renamed over it. A failure at any point leaves the
 * previous file as it was, and no half-written one. A later replace of the same
 * target deletes what a process killed midway left.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    public static void replace(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName() + ".tmp-";
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir,
                p -> WriterPids.leftByDeadProcess(p.getFileName().toString(), prefix, false))) {
            for (Path file : left) Files.deleteIfExists(file);
        }
        Path temporary = dir.resolve(prefix + WriterPids.current());
        try {
            writer.write(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
