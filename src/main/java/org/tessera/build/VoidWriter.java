package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.tessera.model.DatasetInfo;
import org.tessera.support.Sha256;
import org.tessera.vocabulary.Namespaces;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.tessera.vocabulary.Namespaces.DCAT;
import static org.tessera.vocabulary.Namespaces.DCTERMS;
import static org.tessera.vocabulary.Namespaces.VOID;

/**
 * Describes the built dataset in VoID and DCAT, in a graph of its own: sizes
 * (triples, entities per class, each named graph), vocabularies, the SPARQL
 * endpoint, the dumps, the license, and a version that is an order-free digest of the
 * data, so that the same annotations give the same description.
 */
public final class VoidWriter {
    /** The dumps a server offers under {@code dumps/}, with their media types. */
    public static final Map<String, String> DUMPS = new TreeMap<>(Map.of(
            "tessera.nq.gz", "https://www.iana.org/assignments/media-types/application/n-quads",
            "tessera.trig.gz", "https://www.iana.org/assignments/media-types/application/trig",
            "tessera.jsonld.gz", "https://www.iana.org/assignments/media-types/application/ld+json"));
    private static final String GZIP = "https://www.iana.org/assignments/media-types/application/gzip";
    private static final List<String> VOCABULARIES = List.of(Namespaces.TES, Namespaces.SEM, Namespaces.CRM, Namespaces.LODE,
            Namespaces.SCHEMA, Namespaces.PROV, Namespaces.OA, Namespaces.TIME, Namespaces.GEO, Namespaces.SKOS, Namespaces.DCTERMS);

    private final Iris iris;

    public VoidWriter(Iris iris) {
        this.iris = iris;
    }

    /** Adds the description of every other graph of {@code dataset} to its VoID graph. */
    public void write(DatasetGraph dataset, DatasetInfo info) {
        VoidStats stats = new VoidStats(iris.base());
        var shared = dataset.getGraph(iris.sharedGraph());
        CubeCounts counts = new CubeCounts(EventCounts.Places.in(shared), KnownEntities.in(shared));
        List<Node> graphs = new java.util.ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graphs::add);
        graphs.remove(iris.voidGraph());
        // The shared graphs first, and each subject's quads together: what VoidStats needs of a stream.
        graphs.sort(java.util.Comparator.comparing((Node g) -> !isShared(g)).thenComparing(NODE_ORDER));
        for (Node g : graphs) {
            stats.graph(g, isShared(g));
            var graph = dataset.getGraph(g);
            org.apache.jena.graph.GraphUtil.listSubjects(graph, Node.ANY, Node.ANY).forEach(subject ->
                    graph.find(subject, Node.ANY, Node.ANY).forEach(t -> stats.accept(Quad.create(g, t))));
            if (!isShared(g)) counts.add(counts.of(graph.find().mapWith(t -> Quad.create(g, t)).toList()));
        }
        describe(dataset::add, stats, counts, info);
    }

    /** Whether subjects of the graph may stand in other graphs as well (see {@link VoidStats}). */
    public boolean isShared(Node graph) {
        return graph.equals(iris.ontologyGraph()) || graph.equals(iris.sharedGraph());
    }

    /**
     * Gives {@code target} the quads of the VoID graph: the description that {@code stats} and
     * {@code counts} gathered, in no order. The cubes by actor and place have an observation for
     * most actors and places (about 3.0M quads at a million events), so a converter sorts them on
     * disk rather than in a dataset.
     */
    public void describe(Consumer<Quad> target, VoidStats stats, CubeCounts counts, DatasetInfo info) {
        QuadSink sink = new QuadSink(target, iris.voidGraph());
        Node d = iris.dataset();
        sink.add(d, RDF.Nodes.type, iri(VOID + "Dataset"));
        sink.add(d, RDF.Nodes.type, iri(DCAT + "Dataset"));
        if (info != null && info.license() != null) sink.add(d, iri(DCTERMS + "license"), iri(info.license()));
        sink.text(d, iri(DCAT + "version"), "sha256:" + stats.digest());
        sink.text(d, iri(VOID + "uriSpace"), iris.base());
        VOCABULARIES.forEach(v -> sink.add(d, iri(VOID + "vocabulary"), iri(v)));
        sink.add(d, iri(VOID + "sparqlEndpoint"), iris.sparqlEndpoint());
        sink.add(d, iri(VOID + "feature"), iri("http://www.w3.org/ns/formats/N-Quads"));
        sink.add(d, iri(VOID + "feature"), iri("http://www.w3.org/ns/formats/TriG"));

        sink.integer(d, iri(VOID + "triples"), stats.triples());
        Map<Node, Long> instances = sorted(stats.instancesByClass());
        Map<Node, Long> triplesPerGraph = sorted(stats.triplesByGraph());
        sink.integer(d, iri(VOID + "distinctSubjects"), stats.distinctSubjects());
        sink.integer(d, iri(VOID + "properties"), stats.properties());
        sink.integer(d, iri(VOID + "classes"), instances.size());
        sink.integer(d, iri(VOID + "entities"), stats.entities());
        instances.forEach((type, members) -> {
            Node partition = classPartition(type);
            sink.add(d, iri(VOID + "classPartition"), partition);
            sink.add(partition, iri(VOID + "class"), type);
            sink.integer(partition, iri(VOID + "entities"), members);
        });
        Map<Node, Map<Node, Long>> classesByGraph = stats.partitions().classesByGraph();
        Map<Node, Map<Node, Long>> linksByGraph = stats.partitions().linksByGraph();
        triplesPerGraph.forEach((graph, triples) -> {
            sink.add(d, iri(VOID + "subset"), graph);
            sink.add(graph, RDF.Nodes.type, iri(VOID + "Dataset"));
            sink.integer(graph, iri(VOID + "triples"), triples);
            classPartitions(sink, graph, classesByGraph.getOrDefault(graph, Map.of()));
            linksets(sink, graph, linksByGraph.getOrDefault(graph, Map.of()));
        });
        distributions(sink, d);
        new EventCubeWriter(iris).write(sink, counts.events().counts());
        new RelationCubeWriter(iris).write(sink, counts.relations().counts());
        EntityCubeWriter byEntity = new EntityCubeWriter(iris, counts.known());
        byEntity.places(sink, counts.places());
        byEntity.actors(sink, counts.actors());
    }

    /** The members of each class in one graph, as VoID class partitions of the graph's subset. */
    private void classPartitions(QuadSink sink, Node graph, Map<Node, Long> members) {
        sorted(members).forEach((type, count) -> {
            Node partition = NodeFactory.createURI(graph.getURI() + "/class/" + partName(type));
            sink.add(graph, iri(VOID + "classPartition"), partition);
            sink.add(partition, iri(VOID + "class"), type);
            sink.integer(partition, iri(VOID + "entities"), count);
        });
    }

    /**
     * A graph's links to the members of a class, as VoID linksets: subsets of the graph whose
     * objects are in that class's partition of the dataset.
     */
    private void linksets(QuadSink sink, Node graph, Map<Node, Long> linksByTarget) {
        String predicate = partName(GraphPartitions.LINK_PREDICATE);
        sorted(linksByTarget).forEach((target, count) -> {
            Node linkset = NodeFactory.createURI(graph.getURI() + "/links/" + predicate + "/" + partName(target));
            sink.add(graph, iri(VOID + "subset"), linkset);
            sink.add(linkset, RDF.Nodes.type, iri(VOID + "Linkset"));
            sink.add(linkset, iri(VOID + "linkPredicate"), GraphPartitions.LINK_PREDICATE);
            sink.add(linkset, iri(VOID + "subjectsTarget"), graph);
            sink.add(linkset, iri(VOID + "objectsTarget"), classPartition(target));
            sink.integer(linkset, iri(VOID + "triples"), count);
        });
    }

    /** The dataset's partition for one class: every member, whichever graph types it. */
    private Node classPartition(Node type) {
        return iris.datasetPart("class/" + partName(type));
    }

    private void distributions(QuadSink sink, Node d) {
        DUMPS.forEach((file, mediaType) -> {
            Node distribution = iris.datasetPart("dump/" + file);
            sink.add(d, iri(VOID + "dataDump"), iris.dump(file));
            sink.add(d, iri(DCAT + "distribution"), distribution);
            sink.add(distribution, RDF.Nodes.type, iri(DCAT + "Distribution"));
            sink.add(distribution, iri(DCAT + "downloadURL"), iris.dump(file));
            sink.add(distribution, iri(DCAT + "mediaType"), iri(mediaType));
            sink.add(distribution, iri(DCAT + "compressFormat"), iri(GZIP));
        });
        Node service = iris.datasetPart("sparql-service");
        sink.add(d, iri(DCAT + "accessService"), service);
        sink.add(service, RDF.Nodes.type, iri(DCAT + "DataService"));
        sink.add(service, iri(DCAT + "endpointURL"), iris.sparqlEndpoint());
        sink.add(service, iri(DCAT + "servesDataset"), d);
        sink.add(service, iri(DCTERMS + "conformsTo"), iri("https://www.w3.org/TR/sparql11-protocol/"));
    }

    /** {@code tes-Event} for tes:Event: readable and stable; a digest for a class outside the known namespaces. */
    private String partName(Node type) {
        for (var prefix : Namespaces.prefixes(iris.base()).entrySet()) {
            String local = type.getURI().substring(Math.min(prefix.getValue().length(), type.getURI().length()));
            if (type.getURI().startsWith(prefix.getValue()) && local.matches("[A-Za-z0-9_-]+")) return prefix.getKey() + "-" + local;
        }
        return Sha256.of(type.getURI().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The counts in the order of their keys' N-Triples: the same annotations, the same description. */
    private static Map<Node, Long> sorted(Map<Node, Long> counts) {
        Map<Node, Long> sorted = new TreeMap<>(NODE_ORDER);
        sorted.putAll(counts);
        return sorted;
    }

    private static final java.util.Comparator<Node> NODE_ORDER = java.util.Comparator.comparing(org.apache.jena.riot.out.NodeFmtLib::strNT);

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
