package org.tessera.export.graph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The nodes or edges of a view, written to a temporary file as they are made and read back, in
 * the same order, as often as a writer needs: a view is never held in memory. It also records
 * which attributes its elements use, which a file declares before its first element.
 * <p>
 * The file is opened to be deleted on close ({@code DELETE_ON_CLOSE}: on Linux the JDK unlinks
 * it at once) and read through the same channel, so that an export that runs out of memory or is
 * killed leaves no file behind.
 */
abstract class ElementSpool<E> implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final DataOutputStream out;
    private final TreeSet<String> keys = new TreeSet<>();
    private long count;
    private boolean finished;

    ElementSpool() {
        try {
            // The folder as the property says now, as Jena's spills read it: Files.createTempFile(String, String)
            // keeps the one it found first.
            this.file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "tessera-export-", ".spool");
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nodes of a view. */
    static ElementSpool<GraphNode> nodes() {
        return new ElementSpool<>() {
            @Override
            void write(DataOutputStream data, GraphNode node) throws IOException {
                Utf8Fields.write(data, node.id());
                nullable(data, node.label());
                attributes(data, node.attributes());
            }

            @Override
            GraphNode read(DataInputStream data) throws IOException {
                return new GraphNode(Utf8Fields.read(data), nullable(data), attributes(data));
            }

            @Override
            Map<String, Object> attributesOf(GraphNode node) {
                return node.attributes();
            }
        };
    }

    /** The edges of a view. */
    static ElementSpool<GraphEdge> edges() {
        return new ElementSpool<>() {
            @Override
            void write(DataOutputStream data, GraphEdge edge) throws IOException {
                Utf8Fields.write(data, edge.id());
                Utf8Fields.write(data, edge.source());
                Utf8Fields.write(data, edge.target());
                nullable(data, edge.label());
                data.writeDouble(edge.weight());
                attributes(data, edge.attributes());
            }

            @Override
            GraphEdge read(DataInputStream data) throws IOException {
                return new GraphEdge(Utf8Fields.read(data), Utf8Fields.read(data), Utf8Fields.read(data), nullable(data), data.readDouble(),
                        attributes(data));
            }

            @Override
            Map<String, Object> attributesOf(GraphEdge edge) {
                return edge.attributes();
            }
        };
    }

    abstract void write(DataOutputStream data, E element) throws IOException;

    abstract E read(DataInputStream data) throws IOException;

    abstract Map<String, Object> attributesOf(E element);

    void add(E element) {
        if (finished) throw new IllegalStateException("The spool has been read");
        try {
            write(out, element);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.addAll(attributesOf(element).keySet());
        count++;
    }

    /** The temporary file's name, for a test to see that it is gone while the spool is open. */
    Path file() {
        return file;
    }

    long size() {
        return count;
    }

    /** The attributes that at least one element has, in the schema's order. */
    List<String> keys() {
        return Attributes.ordered(keys);
    }

    /** The elements in the order they were added; each call reads the file again. */
    Stream<E> stream() {
        finish();
        DataInputStream data = new DataInputStream(new BufferedInputStream(new ChannelReader(channel), 1 << 16));
        long total = count;
        Iterator<E> elements = new Iterator<>() {
            private long read;

            @Override
            public boolean hasNext() {
                return read < total;
            }

            @Override
            public E next() {
                if (!hasNext()) throw new NoSuchElementException();
                read++;
                try {
                    return read(data);
                } catch (EOFException e) {
                    throw new IllegalStateException("The export's spool " + file + " ends early", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(elements, total, 0), false);
    }

    /** Reads the channel from its start by position, so that the channel stays open for the next read. */
    private static final class ChannelReader extends InputStream {
        private final FileChannel channel;
        private long position;

        ChannelReader(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = channel.read(ByteBuffer.wrap(bytes, offset, length), position);
            if (read > 0) position += read;
            return read;
        }
    }

    private void finish() {
        if (finished) return;
        finished = true;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the channel, which removes the file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nullable(DataOutputStream data, String text) throws IOException {
        data.writeBoolean(text != null);
        if (text != null) Utf8Fields.write(data, text);
    }

    private static String nullable(DataInputStream data) throws IOException {
        return data.readBoolean() ? Utf8Fields.read(data) : null;
    }

    /** Each value by the attribute's schema type, so that it reads back as the same Java type. */
    private static void attributes(DataOutputStream data, Map<String, Object> attributes) throws IOException {
        data.writeShort(attributes.size());
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            Utf8Fields.write(data, entry.getKey());
            switch (Attributes.type(entry.getKey())) {
                case STRING, DATE -> Utf8Fields.write(data, (String) entry.getValue());
                case INTEGER -> data.writeLong((Long) entry.getValue());
                case DOUBLE -> data.writeDouble((Double) entry.getValue());
            }
        }
    }

    private static Map<String, Object> attributes(DataInputStream data) throws IOException {
        int size = data.readShort();
        Map<String, Object> attributes = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            String key = Utf8Fields.read(data);
            attributes.put(key, switch (Attributes.type(key)) {
                case STRING, DATE -> Utf8Fields.read(data);
                case INTEGER -> data.readLong();
                case DOUBLE -> data.readDouble();
            });
        }
        return attributes;
    }
}
