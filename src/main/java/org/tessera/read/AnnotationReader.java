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
import java.util.Optional;
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
            FileAnnotations file = readFile(path, displayBase, problems);
            dataset = onlyDataset(dataset, file.dataset(), problems);
            actors.addAll(file.actors());
            places.addAll(file.places());
            if (file.account() != null) sources.add(file.account());
        }
        return new Annotations(dataset, actors, places, sources);
    }

    /** The dataset description known so far, given the next file's: only one file may describe it. */
    public static DatasetInfo onlyDataset(DatasetInfo known, DatasetInfo next, Problems problems) {
        if (next == null) return known;
        if (known == null) return next;
        problems.add(next.site(), "the dataset is already described in " + known.site().file());
        return known;
    }

    /** What one annotation file holds; a conversion that streams reads its files one at a time. */
    public record FileAnnotations(DatasetInfo dataset, List<Actor> actors, List<Place> places, SourceAccount account) {
        public static final FileAnnotations NONE = new FileAnnotations(null, List.of(), List.of(), null);
    }

    /** Reads one file, adding its problems of form; what could not be read is left out. */
    public FileAnnotations readFile(Path path, Path displayBase, Problems problems) {
        return parseFile(path, displayBase, problems).map(tree -> read(displayName(path, displayBase), tree, problems))
                .orElse(FileAnnotations.NONE);
    }

    /** How messages name {@code path}: relative to {@code displayBase}. */
    public static String displayName(Path path, Path displayBase) {
        return displayBase.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
    }

    /** The tree of one file, adding its problems of form; empty when it cannot be parsed. */
    public Optional<Node> parseFile(Path path, Path displayBase, Problems problems) {
        String name = displayName(path, displayBase);
        byte[] bytes;
        try {
            // Not read at all when far too large: a stray 5 GB file must not fill the memory.
            long size = Files.size(path);
            if (size > TreeParser.MAX_FILE_BYTES) {
                problems.add(new Site(name, 1, 1, ""), TreeParser.tooLarge(size));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(Site.ofFile(name), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        return parser.parse(name, bytes, problems);
    }

    /** What the tree of the file {@code name} holds, adding its problems of form. */
    public FileAnnotations read(String name, Node tree, Problems problems) {
        FieldReader top = FieldReader.of(name, "", tree, TOP_LEVEL, problems, terms);
        if (top == null) return FileAnnotations.NONE;
        RecordReader records = new RecordReader(name, problems, terms);
        DatasetInfo dataset = top.has("dataset") ? records.dataset(top.present("dataset")) : null;
        List<Actor> actors = top.listOf("actors", records::actor);
        List<Place> places = top.listOf("places", records::place);
        SourceAccount account = null;
        boolean hasAccount = ACCOUNT_KEYS.stream().anyMatch(top::has);
        if (top.has("source")) {
            Source source = records.source(top.present("source"));
            if (source != null) {
                account = new SourceAccount(source,
                        list(top, "events", records::event), list(top, "relations", records::relation),
                        list(top, "figures", records::figure), list(top, "statements", records::statement));
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
        return new FileAnnotations(dataset, actors, places, account);
    }

    private static <T> List<T> list(FieldReader top, String key, BiFunction<Node, String, T> reader) {
        if (top.has(key) && !(top.present(key) instanceof Node.ListNode)) {
            top.problem(key, "expected a list");
            return List.of();
        }
        return top.listOf(key, reader);
    }
}
