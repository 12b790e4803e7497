package org.tessera.output;

import org.tessera.support.TermText;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Sorts quads into the order of {@link SortedQuads} without holding them all in memory:
 * runs of at most {@code maxQuadsInMemory} quads are sorted and spilled to files, which are
 * then merged. Equal quads come out once, as they would from a dataset.
 * <p>
 * A spill file holds one line per quad: the four {@link NodeFmtLib#strNT} texts joined by
 * NUL. N-Triples text holds no NUL and no line end (checked when a term is formatted), and
 * NUL sorts below every other character, so comparing whole lines with String.compareTo
 * gives the same order as comparing the four texts in turn: where one text is a prefix of
 * another, the NUL after the shorter one sorts first, as the shorter text does.
 */
public final class QuadSorter implements AutoCloseable {
    /** The most files open at once; more spill files are first merged in rounds. */
    private static final int MAX_OPEN_FILES = 64;
    private static final char SEPARATOR = '\u0000';
    /** Bounds the cache of parsed graphs and predicates, should a corpus have endless ones. */
    private static final int MAX_CACHED_TERMS = 10_000;

    private final Path tempDir;
    private final int maxQuadsInMemory;
    private final List<Quad> buffer = new ArrayList<>();
    /** Sorted runs on disk not yet merged into the output, oldest first. */
    private final List<Path> files = new ArrayList<>();
    private final Map<String, Node> parsedTerms = new HashMap<>();
    private Path spillDir; // made at the first spill, so an in-memory sort never touches disk
    private int fileCount;
    private long spills;
    private boolean sorted;

    public QuadSorter(Path tempDir, int maxQuadsInMemory) {
        if (maxQuadsInMemory < 1) throw new IllegalArgumentException("maxQuadsInMemory must be at least 1: " + maxQuadsInMemory);
        this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
        this.maxQuadsInMemory = maxQuadsInMemory;
    }

    public void add(Quad quad) {
        if (sorted) throw new IllegalStateException("add after forEachSorted");
        buffer.add(Objects.requireNonNull(quad, "quad"));
        if (buffer.size() >= maxQuadsInMemory) spill();
    }

    /** How many sorted runs were spilled to disk (files made by merge rounds not counted). */
    public long spills() {
        return spills;
    }

    /** Every distinct quad added, in SortedQuads order, duplicates (equal quads) given once. Call once, after the last add. */
    public void forEachSorted(Consumer<Quad> action) {
        if (sorted) throw new IllegalStateException("forEachSorted was already called");
        sorted = true;
        // The last run stays in memory: it is merged with the files as they are read.
        MemorySource last = new MemorySource(sortBuffer());
        try {
            while (files.size() > MAX_OPEN_FILES) mergeRound();
            mergeFiles(files, last, source -> action.accept(source.quad()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the spill files and their folder. */
    @Override
    public void close() {
        buffer.clear();
        files.clear();
        if (spillDir == null) return;
        try {
            try (Stream<Path> left = Files.list(spillDir)) {
                for (Path file : (Iterable<Path>) left::iterator) Files.deleteIfExists(file);
            }
            Files.deleteIfExists(spillDir);
            spillDir = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void spill() {
        try {
            Path file = newFile();
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                String previous = null;
                for (Line line : sortBuffer()) {
                    if (line.text().equals(previous)) continue;
                    out.write(line.text());
                    out.write('\n');
                    previous = line.text();
                }
            }
            files.add(file);
            spills++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the oldest files into one, as many as leaves MAX_OPEN_FILES (or, with many
     * more, as many as can be open beside the file written).
     */
    private void mergeRound() throws IOException {
        int count = Math.min(MAX_OPEN_FILES - 1, files.size() - MAX_OPEN_FILES + 1);
        List<Path> inputs = new ArrayList<>(files.subList(0, count));
        files.subList(0, count).clear();
        Path merged = newFile();
        try (BufferedWriter out = Files.newBufferedWriter(merged)) {
            mergeFiles(inputs, null, source -> {
                out.write(source.head);
                out.write('\n');
            });
        }
        for (Path input : inputs) Files.delete(input); // free the disk as we go
        files.add(merged);
    }

    private Path newFile() throws IOException {
        if (spillDir == null) spillDir = Files.createTempDirectory(tempDir, "quadsort-");
        return spillDir.resolve("run-" + fileCount++ + ".txt");
    }

    /** The buffered quads as lines, sorted, the buffer emptied; duplicates are left for the caller to skip. */
    private List<Line> sortBuffer() {
        // Terms repeat (a graph or a predicate stands in thousands of quads): format each once per run.
        Map<Node, String> text = new HashMap<>();
        List<Line> run = new ArrayList<>(buffer.size());
        for (Quad q : buffer) {
            String line = format(text, q.getGraph()) + SEPARATOR + format(text, q.getSubject()) + SEPARATOR
                    + format(text, q.getPredicate()) + SEPARATOR + format(text, q.getObject());
            run.add(new Line(line, q));
        }
        buffer.clear();
        run.sort(Comparator.comparing(Line::text));
        return run;
    }

    private static String format(Map<Node, String> text, Node node) {
        String s = text.get(node);
        if (s == null) {
            s = TermText.nt(node);
            // strNT escapes line ends in literals and control characters in IRIs, but writes a
            // NUL in a literal as it is; and it keeps blank node labels only up to U+00FF.
            // Refuse what a spill line could not carry back, rather than sort it wrongly.
            boolean readsBack = node.isURI() || node.isLiteral() || node.isBlank() && node.equals(parse(s));
            if (!readsBack || s.indexOf(SEPARATOR) >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)
                throw new IllegalArgumentException("QuadSorter cannot sort the term " + s);
            text.put(node, s);
        }
        return s;
    }

    /**
     * Calls {@code each} with every distinct line of the files and {@code extra} (may be
     * null), in order: a k-way merge holding one line per source.
     */
    private void mergeFiles(List<Path> paths, Source extra, LineAction each) throws IOException {
        List<FileSource> opened = new ArrayList<>();
        try {
            for (Path path : paths) opened.add(new FileSource(path));
            PriorityQueue<Source> queue = new PriorityQueue<>(Comparator.comparing((Source s) -> s.head));
            for (Source source : opened) if (source.advance()) queue.add(source);
            if (extra != null && extra.advance()) queue.add(extra);
            String previous = null;
            while (!queue.isEmpty()) {
                Source source = queue.poll();
                if (!source.head.equals(previous)) { // equal quads, from one run or from several
                    each.accept(source);
                    previous = source.head;
                }
                if (source.advance()) queue.add(source);
            }
        } finally {
            for (FileSource source : opened) source.reader.close();
        }
    }

    private Quad parseLine(String line) {
        int a = line.indexOf(SEPARATOR);
        int b = line.indexOf(SEPARATOR, a + 1);
        int c = line.indexOf(SEPARATOR, b + 1);
        return Quad.create(parseCached(line.substring(0, a)), parse(line.substring(a + 1, b)),
                parseCached(line.substring(b + 1, c)), parse(line.substring(c + 1)));
    }

    /** For graphs and predicates, which repeat. */
    private Node parseCached(String text) {
        Node node = parsedTerms.get(text);
        if (node == null) {
            if (parsedTerms.size() >= MAX_CACHED_TERMS) parsedTerms.clear();
            node = parse(text);
            parsedTerms.put(text, node);
        }
        return node;
    }

    /** The node of one term as {@link NodeFmtLib#strNT} wrote it. */
    static Node parse(String text) {
        // strNT encodes blank node labels to N-Triples' letters and digits; the tokenizer would keep
        // the encoded label, which makes a different node.
        if (text.startsWith("_:")) return NodeFactory.createBlankNode(NodeFmtLib.decodeBNodeLabel(text.substring(2)));
        // RIOT's own term reader: undoes \-escapes in literals and IRIs, keeps datatypes, language tags and directions.
        Tokenizer tokenizer = TokenizerText.create().fromString(text).build();
        Node node = tokenizer.hasNext() ? tokenizer.next().asNode() : null;
        if (node == null || tokenizer.hasNext()) throw new IllegalArgumentException("Not one N-Triples term: " + text);
        return node;
    }

    private record Line(String text, Quad quad) {}

    @FunctionalInterface
    private interface LineAction {
        void accept(Source source) throws IOException;
    }

    /** A sorted run read one line at a time. */
    private abstract static class Source {
        String head; // the current line

        /** Moves to the next line; false at the end. */
        abstract boolean advance() throws IOException;

        /** The quad of the current line. */
        abstract Quad quad();
    }

    private static final class MemorySource extends Source {
        private final Iterator<Line> lines;
        private Quad quad;

        MemorySource(List<Line> run) {
            lines = run.iterator();
        }

        @Override
        boolean advance() {
            if (!lines.hasNext()) return false;
            Line line = lines.next();
            head = line.text();
            quad = line.quad();
            return true;
        }

        @Override
        Quad quad() {
            return quad;
        }
    }

    private final class FileSource extends Source {
        final BufferedReader reader;

        FileSource(Path path) throws IOException {
            reader = Files.newBufferedReader(path);
        }

        @Override
        boolean advance() throws IOException {
            head = reader.readLine();
            return head != null;
        }

        @Override
        Quad quad() {
            return parseLine(head);
        }
    }
}
