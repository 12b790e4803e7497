package org.tessera;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file system of its own for a test, in memory, of a size the test chooses: full at
 * that size, and used by nothing else. Mounting needs root, which the tests run as.
 */
public record Tmpfs(Path root) implements AutoCloseable {
    /** Mounts a tmpfs of {@code size} (as mount(8) takes it: {@code 40m}) on a folder it makes. */
    public static Tmpfs mount(Path root, String size) throws Exception {
        Files.createDirectories(root);
        Tools.run(root.getParent(), List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", root.toString()));
        return new Tmpfs(root);
    }

    /** Unmounts lazily: a database the test left open does not keep it mounted. */
    @Override
    public void close() throws Exception {
        Tools.run(root.getParent(), List.of("umount", "-l", root.toString()));
    }
}
