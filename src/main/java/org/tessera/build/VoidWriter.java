package org.tessera.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.tessera.model.DatasetInfo;
import org.tessera.support.Sha256;
import org.tessera.vocabulary.Namespaces;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        // Store order: nothing here depends on it (counts, and a digest that ignores order).
        List<Quad> data = new java.util.ArrayList<>();
        dataset.find().forEachRemaining(q -> {
            if (!q.getGraph().equals(iris.voidGraph())) data.add(q);
        });
        QuadSink sink = new QuadSink(dataset, iris.voidGraph());
        Node d = iris.dataset();
        sink.add(d, RDF.Nodes.type, iri(VOID + "Dataset"));
        sink.add(d, RDF.Nodes.type, iri(DCAT + "Dataset"));
        if (info != null && info.license() != null) sink.add(d, iri(DCTERMS + "license"), iri(info.license()));
        sink.text(d, iri(DCAT + "version"), "sha256:" + digest(data));
        sink.text(d, iri(VOID + "uriSpace"), iris.base());
        VOCABULARIES.forEach(v -> sink.add(d, iri(VOID + "vocabulary"), iri(v)));
        sink.add(d, iri(VOID + "sparqlEndpoint"), iris.sparqlEndpoint());
        sink.add(d, iri(VOID + "feature"), iri("http://www.w3.org/ns/formats/N-Quads"));
        sink.add(d, iri(VOID + "feature"), iri("http://www.w3.org/ns/formats/TriG"));

        sink.integer(d, iri(VOID + "triples"), data.size());
        // Counted in hash sets: only their sizes are written. Ordering them by N-Triples text formatted
        // every node again on each comparison, which took most of the conversion's time (BENCHMARKS.md).
        // The few classes and graphs are then put in N-Triples order, which the output does not depend on.
        Set<Node> subjects = new HashSet<>();
        Set<Node> properties = new HashSet<>();
        Map<Node, Set<Node>> instancesByClass = new HashMap<>();
        Map<Node, Long> triplesByGraph = new HashMap<>();
        for (Quad q : data) {
            subjects.add(q.getSubject());
            properties.add(q.getPredicate());
            triplesByGraph.merge(q.getGraph(), 1L, Long::sum);
            if (q.getPredicate().equals(RDF.Nodes.type)) {
                instancesByClass.computeIfAbsent(q.getObject(), c -> new HashSet<>()).add(q.getSubject());
            }
        }
        Map<Node, Set<Node>> instances = new TreeMap<>(NODE_ORDER);
        instances.putAll(instancesByClass);
        Map<Node, Long> triplesPerGraph = new TreeMap<>(NODE_ORDER);
        triplesPerGraph.putAll(triplesByGraph);
        sink.integer(d, iri(VOID + "distinctSubjects"), subjects.size());
        sink.integer(d, iri(VOID + "properties"), properties.size());
        sink.integer(d, iri(VOID + "classes"), instances.size());
        sink.integer(d, iri(VOID + "entities"), subjects.stream().filter(s -> s.isURI() && s.getURI().startsWith(iris.base())).count());
        instances.forEach((type, members) -> {
            Node partition = iris.datasetPart("class/" + partName(type));
            sink.add(d, iri(VOID + "classPartition"), partition);
            sink.add(partition, iri(VOID + "class"), type);
            sink.integer(partition, iri(VOID + "entities"), members.size());
        });
        triplesPerGraph.forEach((graph, triples) -> {
            sink.add(d, iri(VOID + "subset"), graph);
            sink.add(graph, RDF.Nodes.type, iri(VOID + "Dataset"));
            sink.integer(graph, iri(VOID + "triples"), triples);
        });
        distributions(sink, d);
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

    /**
     * A digest of the set of quads that does not depend on their order, so the data
     * need not be sorted for it (the writer sorts once, later): the sum, modulo 2^256,
     * of the SHA-256 of each quad's {@code NodeFmtLib.str} line. Each distinct term
     * is formatted once.
     */
    private static String digest(List<Quad> data) {
        Sha256 sha = new Sha256();
        Map<Node, String> text = new HashMap<>();
        java.util.function.Function<Node, String> ttl = org.apache.jena.riot.out.NodeFmtLib::strTTL;
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        for (Quad q : data) {
            String line = text.computeIfAbsent(q.getGraph(), ttl) + " " + text.computeIfAbsent(q.getSubject(), ttl) + " "
                    + text.computeIfAbsent(q.getPredicate(), ttl) + " " + text.computeIfAbsent(q.getObject(), ttl) + "\n";
            sum = sum.add(new java.math.BigInteger(sha.add(line).hex(), 16));
        }
        String hex = sum.mod(java.math.BigInteger.ONE.shiftLeft(256)).toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static final java.util.Comparator<Node> NODE_ORDER = java.util.Comparator.comparing(org.apache.jena.riot.out.NodeFmtLib::strNT);

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
