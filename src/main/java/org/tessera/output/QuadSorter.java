package org.tessera.output;

import org.tessera.support.TermText;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.sparql.core.Quad;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Sorts quads into the order of {@link SortedQuads} without holding them all in memory:
 * runs of at most {@code maxQuadsInMemory} quads are sorted and spilled to files, which are
 * then merged. Equal quads come out once, as they would from a dataset.
 * <p>
 * Each run is a file opened to be deleted on close ({@code DELETE_ON_CLOSE}; on Linux the
 * JDK unlinks it at once) and read back through the same channel, so that a convert
 * stopped by Ctrl-C or killed leaves no run behind. At most {@value #MAX_OPEN_FILES} runs
 * are open at once: past that, the oldest are merged into one as the sort goes.
 * <p>
 * A spill file holds one line per quad: the four {@link NodeFmtLib#strNT} texts joined by
 * NUL. N-Triples text holds no NUL and no line end (checked when a term is formatted), and
 * NUL sorts below every other character, so comparing whole lines with String.compareTo
 * gives the same order as comparing the four texts in turn: where one text is a prefix of
 * another, the NUL after the shorter one sorts first, as the shorter text does.
 */
public final class QuadSorter implements AutoCloseable {
    /**
     * The quads a sort holds in memory before it spills a run (about 50 MB), where its caller
     * has no reason to choose otherwise: the convert's, a load's dump, the Turtle and RDF/XML dumps.
     */
    public static final int QUADS_IN_MEMORY = 200_000;
    /** The most runs open at once; the oldest are merged into one when a spill would pass it. */
    private static final int MAX_OPEN_FILES = 64;
    private static final char SEPARATOR = '\u0000';
    /** Bounds the cache of parsed graphs and predicates, should a corpus have endless ones. */
    private static final int MAX_CACHED_TERMS = 10_000;

    private final Path tempDir;
    private final int maxQuadsInMemory;
    private final List<Quad> buffer = new ArrayList<>();
    /** Sorted runs on disk not yet merged into the output, oldest first. */
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Node> parsedTerms = new HashMap<>();
    /** The subject of the last line read back, and its text. */
    private String lastSubjectText = "";
    private Node lastSubject;
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
            List<Run> all = new ArrayList<>(runs);
            runs.clear();
            mergeRuns(all, last, source -> action.accept(source.quad()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the runs not yet merged (a sort stopped by an error). */
    @Override
    public void close() {
        buffer.clear();
        try {
            for (Run run : runs) run.channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            runs.clear();
        }
    }

    private void spill() {
        try {
            if (runs.size() >= MAX_OPEN_FILES) mergeOldest();
            Run run = Run.create(tempDir);
            runs.add(run);
            BufferedWriter out = run.writer();
            String previous = null;
            for (Line line : sortBuffer()) {
                if (line.text().equals(previous)) continue;
                out.write(line.text());
                out.write('\n');
                previous = line.text();
            }
            out.flush();
            spills++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the oldest runs into one, leaving room for the run about to be written. */
    private void mergeOldest() throws IOException {
        List<Run> inputs = new ArrayList<>(runs.subList(0, MAX_OPEN_FILES - 1));
        runs.subList(0, inputs.size()).clear();
        Run merged = Run.create(tempDir);
        runs.add(0, merged);
        BufferedWriter out = merged.writer();
        mergeRuns(inputs, null, source -> {
            out.write(source.head);
            out.write('\n');
        });
        out.flush();
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
     * Calls {@code each} with every distinct line of the runs and {@code extra} (may be
     * null), in order: a k-way merge holding one line per source. The runs are closed,
     * and so deleted.
     */
    private void mergeRuns(List<Run> inputs, Source extra, LineAction each) throws IOException {
        List<FileSource> opened = new ArrayList<>();
        try {
            for (Run run : inputs) opened.add(new FileSource(run));
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
            for (Run run : inputs) run.channel.close();
        }
    }

    private Quad parseLine(String line) {
        int a = line.indexOf(SEPARATOR);
        int b = line.indexOf(SEPARATOR, a + 1);
        int c = line.indexOf(SEPARATOR, b + 1);
        // A subject's quads come one after another: its node is made once.
        if (!line.regionMatches(a + 1, lastSubjectText, 0, b - a - 1) || lastSubjectText.length() != b - a - 1) {
            lastSubjectText = line.substring(a + 1, b);
            lastSubject = parse(lastSubjectText);
        }
        return Quad.create(parseCached(line.substring(0, a)), lastSubject,
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
        if (text.indexOf('\\') < 0) {
            Node plain = parseUnescaped(text);
            if (plain != null) return plain;
        }
        // RIOT's own term reader: undoes \-escapes in literals and IRIs, keeps datatypes, language tags and directions.
        Tokenizer tokenizer = TokenizerText.create().fromString(text).build();
        Node node = tokenizer.hasNext() ? tokenizer.next().asNode() : null;
        if (node == null || tokenizer.hasNext()) throw new IllegalArgumentException("Not one N-Triples term: " + text);
        return node;
    }

    /**
     * An IRI, a string or a typed literal as strNT writes it when nothing in it needs an
     * escape, made as RIOT's tokenizer makes it but without tokenizing; null for anything
     * else. With no backslash, the lexical form holds no quote: the first after the
     * opening one closes it.
     */
    private static Node parseUnescaped(String text) {
        int last = text.length() - 1;
        if (last < 1) return null;
        if (text.charAt(0) == '<' && text.charAt(last) == '>') return NodeFactory.createURI(text.substring(1, last));
        if (text.charAt(0) != '"') return null;
        int close = text.indexOf('"', 1);
        if (close == last) return NodeFactory.createLiteralString(text.substring(1, close));
        if (close > 0 && text.startsWith("^^<", close + 1) && text.charAt(last) == '>') {
            RDFDatatype datatype = TypeMapper.getInstance().getSafeTypeByName(text.substring(close + 4, last));
            return NodeFactory.createLiteralDT(text.substring(1, close), datatype);
        }
        return null; // a language tag, with or without a direction: the tokenizer's
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

    /** A sorted run: one line per quad, in a file already unlinked, kept open until merged. */
    private record Run(FileChannel channel) {
        static Run create(Path dir) throws IOException {
            Path file = Files.createTempFile(dir, "quadsort-", ".run");
            return new Run(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE));
        }

        /** Writes at the channel's position; flushed, never closed, as closing it would close the run. */
        BufferedWriter writer() {
            return new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        }

        /** Reads from the start; closing the reader closes the run. */
        BufferedReader reader() throws IOException {
            channel.position(0);
            return new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        }
    }

    private final class FileSource extends Source {
        final BufferedReader reader;

        FileSource(Run run) throws IOException {
            reader = run.reader();
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
