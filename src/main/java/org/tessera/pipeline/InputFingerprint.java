package org.tessera.pipeline;

import org.tessera.output.AtomicFile;
import org.tessera.support.Sha256;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything a conversion reads: every file under annotations/,
 * corpus/ and the ontology folder (by relative path and content), and the
 * Tessera build itself. Equal fingerprints mean the output would be the same,
 * so {@code serve} can skip validating and converting again.
 */
public final class InputFingerprint {
    private static final String FILE_NAME = "convert.sha256";

    private InputFingerprint() {}

    public static String of(Project project) throws IOException {
        Sha256 digest = new Sha256();
        for (Path dir : List.of(project.annotations(), project.corpus(), project.ontology())) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.add(project.root().relativize(file).toString().replace('\\', '/') + "\n").add(file);
                }
            }
        }
        return digest.add(buildIdentity()).hex();
    }

    /** True when {@code rdf/} exists and was written from inputs with this fingerprint. */
    public static boolean isCurrent(Project project, String fingerprint) throws IOException {
        Path recorded = project.state().resolve(FILE_NAME);
        return Files.isDirectory(project.rdf()) && Files.isRegularFile(recorded)
                && Files.readString(recorded, StandardCharsets.UTF_8).strip().equals(fingerprint);
    }

    public static void record(Project project, String fingerprint) throws IOException {
        AtomicFile.replace(project.state().resolve(FILE_NAME), temporary -> Files.writeString(temporary, fingerprint + "\n", StandardCharsets.UTF_8));
    }

    /** The jar (size and time) that holds this class, so that a new build converts again. */
    private static String buildIdentity() throws IOException {
        try {
            Path code = Path.of(InputFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code) : "classes";
        } catch (URISyntaxException | SecurityException e) {
            return "unknown";
        }
    }
}
