package org.tessera.pipeline;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.DisjointUnion;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.tessera.build.CubeCounts;
import org.tessera.build.GraphBuilder;
import org.tessera.build.Iris;
import org.tessera.build.QuadDigest;
import org.tessera.build.ReferencedTypes;
import org.tessera.build.VoidStats;
import org.tessera.build.VoidWriter;
import org.tessera.model.DatasetInfo;
import org.tessera.model.SourceAccount;
import org.tessera.output.AtomicDirectory;
import org.tessera.output.DatasetWriter;
import org.tessera.output.QuadSorter;
import org.tessera.output.SortedQuads;
import org.tessera.output.TrigStream;
import org.tessera.read.AnnotationReader;
import org.tessera.read.AnnotationReader.FileAnnotations;
import org.tessera.read.Problem;
import org.tessera.read.Problems;
import org.tessera.read.TreeCodec;
import org.tessera.read.TreeSpill;
import org.tessera.shacl.ShapeCheck;
import org.tessera.support.IoConsumer;
import org.tessera.support.NQuadsText;
import org.tessera.support.OrderedWork;
import org.tessera.support.TermText;
import org.tessera.validate.Evidence;
import org.tessera.validate.ReferenceChecker;
import org.tessera.validate.Validator;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.OntologyTerms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Validates and converts a project one file at a time, so that memory holds the
 * indexes references need and one graph, never the corpus. A first pass reads
 * every file and indexes ids (reporting problems of form, duplicates, place
 * hierarchies), and keeps each file's parsed tree on disk ({@link TreeSpill}); a
 * second pass reads the trees back, graph by graph in output order,
 * checks references and quotes, builds the graph, runs the SHACL shapes on it
 * and streams it out. The shared graph of actors and places, which grows with
 * the corpus, goes through an external sort. The output is byte-identical to
 * sorting the whole dataset in memory.
 * <p>
 * Files are parsed, and graphs built, checked, sorted and formatted, on one worker
 * thread per core ({@link OrderedWork}); one thread indexes and writes them in
 * file and output order, so that neither the ids that win nor the bytes written
 * depend on the threads.
 * <pre>{@code
 * Result r = new StreamingConversion(new Project(Path.of("."))).run(null, Path.of("rdf"));  // rdf null: validate only
 * }</pre>
 */
public final class StreamingConversion {

    private final OntologyTerms terms;
    private final Project project;
    private final int sortBuffer;
    private final int partQuads;
    private final int threads;

    /** Builds the sources' graphs on one thread per core ({@value OrderedWork#THREADS_PROPERTY} sets another number). */
    public StreamingConversion(Project project) {
        this(project, QuadSorter.QUADS_IN_MEMORY, SubjectParts.QUADS, OrderedWork.configuredThreads());
    }

    /**
     * With a sort buffer of {@code sortBuffer} quads, the shared and VoID graphs formatted in
     * parts of about {@code partQuads} quads, and {@code threads} threads; tests make the buffer
     * and the parts tiny, to make the sort spill and the graphs come in many parts, and vary the threads.
     */
    StreamingConversion(Project project, int sortBuffer, int partQuads, int threads) {
        this.terms = OntologyTerms.load(project.ontology());
        this.project = project;
        this.sortBuffer = sortBuffer;
        this.partQuads = partQuads;
        this.threads = threads;
    }

    /**
     * What a run found and wrote; the shape violations are only looked for once the
     * annotations are valid, and {@code quads} and {@code graphs} count what was written
     * (none when validating). {@code sourceStats} has one row per source, in output order.
     */
    public record Result(List<Problem> problems, List<String> shapeViolations, long quads, int graphs,
                         int sources, int actors, int places, int events, List<CorpusStats.Row> sourceStats) {
        public boolean valid() {
            return problems.isEmpty() && shapeViolations.isEmpty();
        }
    }

    private record SourceFile(String id, Path path) {}

    /** A file of the first pass: what it holds, and its tree for the second pass (null when it could not be parsed). */
    private record ReadFile(Path path, FileAnnotations annotations, byte[] tree) {}

    /** The first pass's index of every file, in file order. */
    private static final class FirstPass {
        private final Problems problems;
        private final ReferenceChecker references;
        private final TreeSpill trees;
        private final List<Path> entityFiles = new ArrayList<>();
        private final List<SourceFile> sourceFiles = new ArrayList<>();
        private DatasetInfo info;
        private Path infoFile;

        FirstPass(Problems problems, ReferenceChecker references, TreeSpill trees) {
            this.problems = problems;
            this.references = references;
            this.trees = trees;
        }

        void index(ReadFile read) throws IOException {
            FileAnnotations file = read.annotations();
            Path path = read.path();
            if (read.tree() != null) trees.put(path, read.tree());
            if (info == null && file.dataset() != null) infoFile = path;
            info = AnnotationReader.onlyDataset(info, file.dataset(), problems);
            references.addActors(file.actors());
            references.addPlaces(file.places());
            if (!file.actors().isEmpty() || !file.places().isEmpty() || path.equals(infoFile)) entityFiles.add(path);
            if (file.account() != null) {
                references.addSource(file.account());
                sourceFiles.add(new SourceFile(file.account().source().id(), path));
            }
        }
    }

    /**
     * One source's graph, built, checked, sorted, digested, counted for VoID and for the cubes
     * ({@link CubeCounts}), and formatted as N-Quads and TriG by a worker; null quads, N-Quads,
     * TriG, digest and counts when it was not built or is not written.
     */
    private record BuiltSource(CorpusStats.Row row, Node graph, List<Quad> quads, byte[] nquads, byte[] trig,
                               QuadDigest digest, VoidStats.GraphCount voidCount, CubeCounts.OfGraph counts,
                               List<String> violations) {}

    /** The quads of one file's shared entities, unsorted, and their violations. */
    private record BuiltPart(List<Quad> quads, List<String> violations) {}

    /** Checks everything and, when {@code outDir} is not null and all is valid, replaces its content with the graph. */
    public Result run(String baseOverride, Path outDir) throws IOException {
        return run(baseOverride, outDir, true);
    }

    /**
     * Checks the annotations (form, references, quotes) and counts them per source,
     * without building the graph or running the shapes: what {@code ./tessera stats} needs.
     */
    public Result checkAnnotations() throws IOException {
        return run(null, null, false);
    }

    private Result run(String baseOverride, Path outDir, boolean build) throws IOException {
        // A conversion keeps its spill files in the project's state; checking alone writes nothing there.
        Path spillDir = outDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : Files.createDirectories(project.state());
        try (TreeSpill trees = new TreeSpill(spillDir)) {
            return run(baseOverride, outDir, build, trees);
        }
    }

    private Result run(String baseOverride, Path outDir, boolean build, TreeSpill trees) throws IOException {
        Problems problems = new Problems();
        ReferenceChecker references = new ReferenceChecker(problems);
        // A reader per thread: the parser counts values as it goes.
        ThreadLocal<AnnotationReader> readers = ThreadLocal.withInitial(() -> new AnnotationReader(terms));
        FirstPass first = new FirstPass(problems, references, trees);
        // Files are parsed on worker threads and indexed here, in file order: the same ids win as on one thread.
        OrderedWork.run(AnnotationReader.annotationFiles(project.annotations()), threads,
                path -> readFirst(readers.get(), path, problems), first::index);
        DatasetInfo info = first.info;
        Path infoFile = first.infoFile;
        List<Path> entityFiles = first.entityFiles;
        List<SourceFile> sourceFiles = first.sourceFiles;
        Validator.requireDataset(info, problems);
        references.checkPlaces();

        String base = !build ? null : baseOverride != null ? baseOverride : info != null ? info.base() : null;
        Second second = new Second(problems, references, readers, trees, info, infoFile, entityFiles, sourceFiles, base);
        if (outDir == null || base == null) {
            second.run(null);
        } else {
            try {
                AtomicDirectory.replace(outDir, staging -> {
                    try (DatasetWriter.GraphFiles files = new DatasetWriter(Namespaces.prefixes(base)).open(staging, base)) {
                        second.run(files);
                    }
                    if (!second.valid()) throw new Invalid();
                });
            } catch (Invalid invalid) {
                // Nothing was written: the staging folder is gone and outDir as it was.
            }
        }
        List<Problem> found = problems.sorted();
        return new Result(found, found.isEmpty() ? List.copyOf(second.violations) : List.of(), second.quads, second.graphs,
                references.sourceCount(), references.actorCount(), references.placeCount(), references.eventCount(),
                List.copyOf(second.rows));
    }

    /** On a worker thread: one file parsed, read, and its tree encoded for the second pass. */
    private ReadFile readFirst(AnnotationReader reader, Path path, Problems problems) {
        Optional<org.tessera.read.Node> tree = reader.parseFile(path, project.root(), problems);
        FileAnnotations annotations = tree.map(t -> reader.read(AnnotationReader.displayName(path, project.root()), t, problems))
                .orElse(FileAnnotations.NONE);
        return new ReadFile(path, annotations, tree.map(TreeCodec::encode).orElse(null));
    }

    /** Thrown to leave the output folder as it was when the input turns out invalid half-way. */
    private static final class Invalid extends IOException {
        Invalid() {
            super("invalid input");
        }
    }

    /** The second pass: graph by graph, in the order of their IRIs' N-Triples text, which is the output order. */
    private final class Second {
        private final Problems problems;
        private final ReferenceChecker references;
        private final ThreadLocal<AnnotationReader> readers;
        private final TreeSpill trees;
        private final DatasetInfo info;
        private final Path infoFile;
        private final List<Path> entityFiles;
        private final List<SourceFile> sourceFiles;
        private final Iris iris;
        private final Set<String> violations = new TreeSet<>();
        private final List<CorpusStats.Row> rows = new ArrayList<>();
        /** Problems of form found again on reading a file a second time: already reported by the first pass. */
        private final Problems reread = new Problems();
        private final Validator quotes = new Validator(project.corpus(), project.root());
        private GraphBuilder builder;
        private ReferencedTypes referencedTypes;
        private ShapeCheck shapes;
        private DatasetGraph ontology;
        private DatasetWriter.GraphFiles out;
        /** Each worker's TriG formatter, for the file {@code out} writes. */
        private ThreadLocal<TrigStream.GraphBlocks> trigBlocks;
        private VoidStats stats;
        private CubeCounts counts;
        /** What was written, from the files once finished; none when validating. */
        private long quads;
        private int graphs;

        Second(Problems problems, ReferenceChecker references, ThreadLocal<AnnotationReader> readers, TreeSpill trees, DatasetInfo info,
               Path infoFile, List<Path> entityFiles, List<SourceFile> sourceFiles, String base) {
            this.problems = problems;
            this.references = references;
            this.readers = readers;
            this.trees = trees;
            this.info = info;
            this.infoFile = infoFile;
            this.entityFiles = entityFiles;
            this.sourceFiles = sourceFiles;
            this.iris = base == null ? null : new Iris(base);
        }

        boolean valid() {
            return problems.isEmpty() && violations.isEmpty();
        }

        /** Builds only while the input is valid so far; checks every source in any case, to report all problems at once. */
        private boolean building() {
            return iris != null && problems.isEmpty();
        }

        void run(DatasetWriter.GraphFiles files) throws IOException {
            this.out = files;
            if (files != null) trigBlocks = ThreadLocal.withInitial(files::graphBlocks);
            if (building()) {
                builder = new GraphBuilder(iris, terms);
                referencedTypes = new ReferencedTypes(iris, terms, builder, references);
                shapes = ShapeCheck.fromFile(project.shapes());
                stats = new VoidStats(iris.base());
                counts = new CubeCounts(new IndexedPlaces(iris, references, terms, builder), new IndexedEntities(iris, references));
                ontology = DatasetGraphFactory.create();
                builder.ontology(ontology);
                if (out != null) emit(iris.ontologyGraph(), true, SortedQuads.of(ontology)::forEach);
                sharedGraph();
                // From here on the workers count each source graph for VoID: the shared graphs are all counted.
                stats.endShared();
            }
            List<SourceFile> ordered = new ArrayList<>(sourceFiles);
            if (iris != null) {
                ordered.sort(Comparator.comparing((SourceFile f) -> TermText.nt(iris.sourceGraph(f.id()))).thenComparing(SourceFile::path));
            }
            // Built on worker threads, written here in order: the output does not depend on the threads.
            OrderedWork.run(ordered, threads, this::buildSource, this::emitSource);
            if (out != null && building() && violations.isEmpty()) {
                // An observation for most actors and places: sorted on disk, as the shared graph is.
                try (QuadSorter sorter = new QuadSorter(Files.createDirectories(project.state()), sortBuffer)) {
                    new VoidWriter(iris).describe(sorter::add, stats, counts, info);
                    emit(iris.voidGraph(), false, sorter::forEachSorted);
                }
            }
            if (out != null && valid()) {
                out.finish();
                quads = out.quads();
                graphs = out.graphs();
            }
        }

        private void sharedGraph() throws IOException {
            if (out == null) {
                // Validating: the shapes' findings are all it needs; sorting and counting serve the files.
                OrderedWork.run(entityFiles, threads, this::buildSharedPart, part -> violations.addAll(part.violations()));
                return;
            }
            try (QuadSorter sorter = new QuadSorter(Files.createDirectories(project.state()), sortBuffer)) {
                OrderedWork.run(entityFiles, threads, this::buildSharedPart, part -> {
                    violations.addAll(part.violations());
                    part.quads().forEach(sorter::add);
                });
                emit(iris.sharedGraph(), true, sorter::forEachSorted);
            }
        }

        /** On a worker thread: the actors, places and dataset description of one file, checked. */
        private BuiltPart buildSharedPart(Path path) throws IOException {
            FileAnnotations file = readAgain(path);
            DatasetGraph part = DatasetGraphFactory.create();
            builder.sharedEntities(part, file.actors(), file.places());
            if (path.equals(infoFile)) builder.datasetInfo(part, info);
            builder.materialize(part);
            List<Quad> quads = new ArrayList<>();
            part.find().forEachRemaining(quads::add);
            return new BuiltPart(quads, check(part, iris.sharedGraph()));
        }

        /** On a worker thread: everything but the writing. The indexes are only read from here on. */
        private BuiltSource buildSource(SourceFile file) throws IOException {
            SourceAccount account = readAgain(file.path()).account();
            if (account == null) return null;
            references.checkAccount(account);
            Evidence evidence = new Evidence();
            quotes.checkQuotes(account, evidence, problems);
            Node graphName = iris == null ? null : iris.sourceGraph(account.source().id());
            // Counted only while everything is valid: a quote not found has no span to count.
            CorpusStats.Row row = problems.isEmpty() ? CorpusStats.row(account, evidence) : null;
            if (!building()) return new BuiltSource(row, graphName, null, null, null, null, null, null, List.of());
            DatasetGraph graph = DatasetGraphFactory.create();
            builder.account(graph, account, evidence, references::isActor);
            builder.materialize(graph);
            List<String> found = check(graph, graphName);
            // Validating stops here: sorting, the VoID counts and digest, and the N-Quads serve the files.
            if (out == null) return new BuiltSource(row, graphName, null, null, null, null, null, null, found);
            SortedQuads.WithNQuads sorted = SortedQuads.withNQuads(graph);
            QuadDigest digest = new QuadDigest();
            digest.addLines(sorted.nquads());
            byte[] trig = trigBlocks.get().format(sorted.quads());
            return new BuiltSource(row, graphName, sorted.quads(), sorted.nquads(), trig, digest,
                    stats.countApart(graphName, sorted.quads()), counts.of(sorted.quads()), found);
        }

        /** A file the first pass read, from the tree it parsed. */
        private FileAnnotations readAgain(Path path) throws IOException {
            Optional<org.tessera.read.Node> tree = trees.get(path);
            if (tree.isEmpty()) return FileAnnotations.NONE;
            return readers.get().read(AnnotationReader.displayName(path, project.root()), tree.get(), reread);
        }

        /** On the caller's thread, in output order: the counts, and the files. */
        private void emitSource(BuiltSource built) throws IOException {
            if (built == null) return;
            if (built.row() != null) rows.add(built.row());
            violations.addAll(built.violations());
            if (built.quads() == null || !building() || !violations.isEmpty()) return;
            stats.add(built.voidCount());
            stats.add(built.digest());
            counts.add(built.counts());
            out.graph(built.graph(), built.quads(), built.nquads(), built.trig());
        }

        /** The shapes' violations in one graph of {@code part}, read with the ontology and the types of what it points at. */
        private List<String> check(DatasetGraph part, Node graphName) {
            Graph graph = part.getGraph(graphName);
            ReferencedTypes.Found referenced = referencedTypes.in(graph);
            // The types are of resources the graph does not type: the two share no triple.
            Graph data = new DisjointUnion(graph, referenced.types());
            return shapes.violations(data, ontology.getGraph(iris.ontologyGraph()), referenced.resources());
        }

        /**
         * Writes a graph from its quads in sorted order. This thread counts them for VoID and cuts
         * them into parts between subjects; the workers format the parts, as they do the sources,
         * while it merges the next: the shared and VoID graphs grow with the corpus, and the
         * workers would idle while one thread formatted them.
         */
        private void emit(Node graph, boolean shared, Consumer<Consumer<Quad>> sortedQuads) throws IOException {
            if (!violations.isEmpty()) return;
            boolean counted = !graph.equals(iris.voidGraph());
            if (counted) stats.graph(graph, shared);
            out.beginGraph(graph);
            try (OrderedWork.Stream<List<Quad>, FormattedPart> parts = OrderedWork.stream(threads,
                    quads -> formatPart(quads, counted), this::writePart)) {
                SubjectParts cutter = new SubjectParts(partQuads, IoConsumer.unchecked(parts::add));
                try {
                    sortedQuads.accept(q -> {
                        if (counted) stats.count(q);
                        cutter.accept(q);
                    });
                    cutter.flush();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                parts.finish();
            }
        }

        /** On a worker thread: a part of a graph as N-Quads and TriG, and the N-Quads' digest when the graph is counted. */
        private FormattedPart formatPart(List<Quad> quads, boolean digested) {
            byte[] nquads = NQuadsText.lines(quads);
            QuadDigest digest = null;
            if (digested) {
                digest = new QuadDigest();
                digest.addLines(nquads);
            }
            return new FormattedPart(quads.size(), nquads, trigBlocks.get().format(quads), digest);
        }

        private void writePart(FormattedPart part) throws IOException {
            if (part.digest() != null) stats.add(part.digest());
            out.graphPart(part.quads(), part.nquads(), part.trig());
        }
    }

    /** A part of a graph formatted by a worker; no digest when the graph is not counted. */
    private record FormattedPart(int quads, byte[] nquads, byte[] trig, QuadDigest digest) {}
}
