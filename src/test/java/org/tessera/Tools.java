package org.tessera;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the independent tools the interoperability tests check against, and fails (never skips) without them. */
public final class Tools {
    public static final Path JS = TestProjects.REPO.resolve("src/test/js");

    private Tools() {}

    /** Runs a command to its end and returns its standard output; a non-zero exit fails the test with the error output. */
    public static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        var stdout = process.getInputStream();
        var stderr = process.getErrorStream();
        byte[][] streams = new byte[2][];
        Thread errReader = new Thread(() -> {
            try {
                streams[1] = stderr.readAllBytes();
            } catch (IOException e) {
                streams[1] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        errReader.start();
        streams[0] = stdout.readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("Timed out: " + command);
        }
        errReader.join();
        String err = new String(streams[1], StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + err);
        return new String(streams[0], StandardCharsets.UTF_8);
    }

    /** Runs one of the Node.js scripts in src/test/js (dependencies installed by 'npm ci' there). */
    public static String node(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("node", JS.resolve(script).toString()));
        command.addAll(List.of(args));
        return run(JS, command);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
