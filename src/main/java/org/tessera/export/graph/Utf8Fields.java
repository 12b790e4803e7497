package org.tessera.export.graph;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Strings in the export's temporary files: a length, then UTF-8. DataOutputStream.writeUTF
 * stops at 64 KB, and a label or a literal may be longer.
 */
final class Utf8Fields {
    private Utf8Fields() {}

    static void write(DataOutputStream data, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    static String read(DataInputStream data) throws IOException {
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
