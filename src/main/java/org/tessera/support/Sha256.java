package org.tessera.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in lower-case hex, of bytes or of files fed one after another. */
public final class Sha256 {
    private final MessageDigest digest;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static String of(byte[] bytes) {
        return new Sha256().add(bytes).hex();
    }

    public Sha256 add(byte[] bytes) {
        digest.update(bytes);
        return this;
    }

    public Sha256 add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds a file's bytes, streamed. */
    public Sha256 add(Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) digest.update(buffer, 0, n);
        }
        return this;
    }

    /** The digest so far, as 32 bytes; the instance then starts again, empty. */
    public byte[] bytes() {
        return digest.digest();
    }

    /** The digest so far, in hex; the instance then starts again, empty. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
