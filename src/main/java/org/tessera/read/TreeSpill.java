package org.tessera.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed trees of a run's files, kept on disk ({@link TreeCodec}) between the
 * first pass, which parses each file, and the second, which reads the trees back
 * instead of parsing the YAML again. So both passes see the same content, even if a
 * file changes in between. Memory holds where each tree starts, not the trees.
 * <p>
 * One thread puts; any number may get at once. The file is opened to be deleted on
 * close ({@code DELETE_ON_CLOSE}; on Linux the JDK unlinks it at once), so that a
 * convert stopped by Ctrl-C or killed leaves none behind.
 */
public final class TreeSpill implements AutoCloseable {
    private record Extent(long offset, int length) {}

    private final FileChannel channel;
    private final Map<Path, Extent> extents = new HashMap<>();
    private long size;

    /** A new spill file in {@code dir}, which must exist. */
    public TreeSpill(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "trees-", ".bin");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Keeps the tree of {@code path}, as {@link TreeCodec#encode} made it. */
    public void put(Path path, byte[] encoded) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        while (buffer.hasRemaining()) channel.write(buffer, size + buffer.position());
        extents.put(path, new Extent(size, encoded.length));
        size += encoded.length;
    }

    /** The tree of {@code path}; empty when none was put (the file could not be parsed). */
    public Optional<Node> get(Path path) throws IOException {
        Extent extent = extents.get(path);
        if (extent == null) return Optional.empty();
        ByteBuffer buffer = ByteBuffer.allocate(extent.length());
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, extent.offset() + buffer.position()) < 0) throw new IOException("the tree spill is cut short");
        }
        return Optional.of(TreeCodec.decode(buffer.array()));
    }

    @Override
    public void close() throws IOException {
        extents.clear();
        channel.close();
    }
}
