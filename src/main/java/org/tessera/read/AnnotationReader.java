package org.tessera.read;

import org.tessera.model.Actor;
import org.tessera.model.Annotations;
import org.tessera.model.ControlledTerms;
import org.tessera.model.DatasetInfo;
import org.tessera.model.Place;
import org.tessera.model.Source;
import org.tessera.model.SourceAccount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Reads every annotation file under a folder into {@link Annotations}, in path
 * order, collecting every problem of form on the way. References between files
 * are checked later, by the validator, once everything is read.
 */
public final class AnnotationReader {
    private static final Set<String> TOP_LEVEL = Set.of("dataset", "actors", "places", "source",
            "events", "relations", "figures", "statements");
    private static final Set<String> ACCOUNT_KEYS = Set.of("events", "relations", "figures", "statements");

    private final ControlledTerms terms;
    private final TreeParser parser = new TreeParser();

    public AnnotationReader(ControlledTerms terms) {
        this.terms = terms;
    }

    /** The annotation files below {@code root}, sorted, leaving out the schema folder. */
    public static List<Path> annotationFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).startsWith("schema"))
                    .filter(p -> { String n = p.getFileName().toString(); return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"); })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the folder. {@code displayBase} is the folder file names are shown
     * relative to in messages (the project root, so that they read
     * {@code annotations/sources/x.yaml}).
     */
    public Annotations read(Path root, Path displayBase, Problems problems) {
        DatasetInfo dataset = null;
        List<Actor> actors = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        List<SourceAccount> sources = new ArrayList<>();
        for (Path path : annotationFiles(root)) {
            String name = displayBase.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
            byte[] bytes;
            try {
                // Not read at all when far too large: a stray 5 GB file must not fill the memory.
                long size = Files.size(path);
                if (size > TreeParser.MAX_FILE_BYTES) {
                    problems.add(new Site(name, 1, 1, ""), TreeParser.tooLarge(size));
                    continue;
                }
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                problems.add(Site.ofFile(name), "cannot read: " + e.getMessage());
                continue;
            }
            var tree = parser.parse(name, bytes, problems);
            if (tree.isEmpty()) continue;
            FieldReader top = FieldReader.of(name, "", tree.get(), TOP_LEVEL, problems, terms);
            if (top == null) continue;
            RecordReader records = new RecordReader(name, problems, terms);
            if (top.has("dataset")) {
                if (dataset != null) top.problem("dataset", "the dataset is already described in " + dataset.site().file());
                else dataset = records.dataset(top.present("dataset"));
            }
            actors.addAll(top.listOf("actors", records::actor));
            places.addAll(top.listOf("places", records::place));
            boolean hasAccount = ACCOUNT_KEYS.stream().anyMatch(top::has);
            if (top.has("source")) {
                Source source = records.source(top.present("source"));
                if (source != null) {
                    sources.add(new SourceAccount(source,
                            list(top, "events", records::event), list(top, "relations", records::relation),
                            list(top, "figures", records::figure), list(top, "statements", records::statement)));
                } else {
                    // Read the rest anyway, for its own problems.
                    list(top, "events", records::event); list(top, "relations", records::relation);
                    list(top, "figures", records::figure); list(top, "statements", records::statement);
                }
            } else if (hasAccount) {
                problems.add(new Site(name, 1, 1, ""), "events, relations, figures and statements belong in a file with a 'source'");
            }
            if (!top.has("dataset") && !top.has("actors") && !top.has("places") && !top.has("source") && !hasAccount) {
                problems.add(new Site(name, 1, 1, ""), "holds none of dataset, actors, places, source");
            }
        }
        return new Annotations(dataset, actors, places, sources);
    }

    private static <T> List<T> list(FieldReader top, String key, BiFunction<Node, String, T> reader) {
        if (top.has(key) && !(top.present(key) instanceof Node.ListNode)) {
            top.problem(key, "expected a list");
            return List.of();
        }
        return top.listOf(key, reader);
    }
}
