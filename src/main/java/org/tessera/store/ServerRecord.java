package org.tessera.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.output.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which process serves a store, and where: written by {@code serve}, read by
 * {@code query}, which then asks that server, since TDB2 lets one process at a
 * time open a database.
 */
public record ServerRecord(long pid, String endpoint) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "server.json";

    public void write(Store store) throws IOException {
        AtomicFile.replace(store.dir().resolve(FILE), temporary -> JSON.writeValue(temporary.toFile(), this));
    }

    public static void remove(Store store) {
        try {
            Files.deleteIfExists(store.dir().resolve(FILE));
        } catch (IOException e) {
            // A stale record is ignored by read(): its process is gone.
        }
    }

    /** The server of this store, if its process is still alive. */
    public static Optional<ServerRecord> read(Store store) {
        Path file = store.dir().resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            ServerRecord record = JSON.readValue(file.toFile(), ServerRecord.class);
            return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive).map(p -> record);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
