package org.tessera.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.tessera.read.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folders and files of a new project, by the layout the README describes: a
 * {@code dataset.yaml}, empty folders for the annotations and the texts, and the ontology,
 * curated queries and annotation schema of a template project (Tessera's own by default),
 * for the new project to extend with its own event types, kinds and questions.
 */
public final class NewProject {
    /** What {@code dataset.yaml} says of the new dataset. */
    public record Dataset(String title, String description, String base, String license) {}

    /** The new project would not validate: its dataset.yaml's problems, by file, line and field. */
    public static final class InvalidSettings extends IOException {
        private final transient List<Problem> problems;

        InvalidSettings(List<Problem> problems) {
            super(problems.size() + " problems in the new project's dataset.yaml");
            this.problems = problems;
        }

        public List<Problem> problems() { return problems; }
    }

    private static final List<String> COPIED = List.of("ontology", "queries", "annotations/schema");
    private static final List<String> EMPTY = List.of("annotations/actors", "annotations/places", "annotations/sources", "corpus");

    private NewProject() {}

    /** The template folders that a template project must hold. */
    public static List<Path> requiredIn(Path template) {
        return List.of(template.resolve("ontology"), template.resolve("queries"));
    }

    /**
     * Writes the project into {@code folder}, which is empty, and checks that it validates.
     * @throws InvalidSettings if the dataset's settings do not pass the reader's checks
     */
    public static void write(Path folder, Path template, Dataset dataset) throws IOException {
        for (String part : COPIED) {
            Path from = template.resolve(part);
            if (Files.isDirectory(from)) copyTree(from, folder.resolve(part));
        }
        for (String part : EMPTY) {
            // Git keeps no empty folder; the marker keeps the layout in a first commit.
            Files.createDirectories(folder.resolve(part));
            Files.writeString(folder.resolve(part).resolve(".gitkeep"), "");
        }
        Files.writeString(folder.resolve("annotations/dataset.yaml"), datasetYaml(dataset));
        Files.writeString(folder.resolve(".gitignore"), "# The local database and the last conversion's fingerprint.\n.tessera/\n");
        StreamingConversion.Result result = new StreamingConversion(new Project(folder)).run(null, null);
        if (!result.problems().isEmpty()) throw new InvalidSettings(result.problems());
        if (!result.valid()) throw new IllegalStateException("The template's shapes reject an empty project: " + result.shapeViolations());
    }

    /** The dataset's fields, written by Jackson so that any title is quoted as YAML needs. */
    static String datasetYaml(Dataset dataset) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", dataset.title());
        if (dataset.description() != null) fields.put("description", dataset.description());
        fields.put("base", dataset.base());
        fields.put("license", dataset.license());
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        return yaml.writeValueAsString(Map.of("dataset", fields));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target);
            }
        }
    }
}
