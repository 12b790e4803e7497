package org.tessera.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.output.AtomicFile;
import org.tessera.support.FileStamp;
import org.tessera.support.Sha256;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A digest of everything a conversion reads: every file under annotations/,
 * corpus/ and the ontology folder (by relative path and content), and the
 * Tessera build itself. Equal fingerprints mean the output would be the same,
 * so {@code serve} can skip validating and converting again. Beside it, a stamp of
 * the same files ({@link FileStamp}) tells them unchanged without reading them.
 */
public final class InputFingerprint {
    private static final String FILE_NAME = "convert.sha256";
    private static final String STAMP_FILE_NAME = "convert.stamp.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputFingerprint() {}

    public static String of(Project project) throws IOException {
        return of(project, inputs(project));
    }

    /** The fingerprint of {@code inputs}, listed by {@link #inputs}: one walk of the folders for the stamp and the fingerprint. */
    public static String of(Project project, List<Path> inputs) throws IOException {
        Sha256 digest = new Sha256();
        for (Path file : inputs) {
            digest.add(project.root().relativize(file).toString().replace('\\', '/') + "\n").add(file);
        }
        return digest.add(buildIdentity()).hex();
    }

    /** Every file a conversion reads, in a fixed order. */
    public static List<Path> inputs(Project project) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (Path dir : List.of(project.annotations(), project.corpus(), project.ontology())) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                inputs.addAll(files.filter(Files::isRegularFile).sorted().toList());
            }
        }
        return inputs;
    }

    /** True when {@code rdf/} exists and was written from inputs with this fingerprint. */
    public static boolean isCurrent(Project project, String fingerprint) throws IOException {
        Path recorded = project.state().resolve(FILE_NAME);
        return Files.isDirectory(project.rdf()) && Files.isRegularFile(recorded)
                && Files.readString(recorded, StandardCharsets.UTF_8).strip().equals(fingerprint);
    }

    /**
     * Records the fingerprint of the inputs {@code rdf/} was written from, and their stamp,
     * taken before they were read. The old stamp goes first: a stamp is never left beside
     * a fingerprint it was not taken with.
     */
    public static void record(Project project, String fingerprint, Optional<FileStamp> stamp) throws IOException {
        Path stampFile = project.state().resolve(STAMP_FILE_NAME);
        Files.deleteIfExists(stampFile);
        AtomicFile.replace(project.state().resolve(FILE_NAME), temporary -> Files.writeString(temporary, fingerprint + "\n", StandardCharsets.UTF_8));
        if (stamp.isPresent()) AtomicFile.replace(stampFile, temporary -> JSON.writeValue(temporary.toFile(), stamp.get()));
    }

    /** The stamp of the inputs now, to take before they are read. */
    public static Optional<FileStamp> stamp(Project project) throws IOException {
        return stamp(inputs(project));
    }

    /** The stamp of {@code inputs}, listed by {@link #inputs}, now. */
    public static Optional<FileStamp> stamp(List<Path> inputs) throws IOException {
        return FileStamp.take(inputs, buildIdentity());
    }

    /**
     * True when {@code rdf/} exists and the stamp recorded with its fingerprint still
     * describes the inputs: they are those it was written from, and need not be read.
     */
    public static boolean stampIsCurrent(Project project, Optional<FileStamp> now) throws IOException {
        Path recorded = project.state().resolve(STAMP_FILE_NAME);
        if (!Files.isDirectory(project.rdf()) || !Files.isRegularFile(project.state().resolve(FILE_NAME)) || !Files.isRegularFile(recorded)) {
            return false;
        }
        return JSON.readValue(recorded.toFile(), FileStamp.class).stillDescribes(now);
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
