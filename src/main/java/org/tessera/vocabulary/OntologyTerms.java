package org.tessera.vocabulary;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.tessera.model.ControlledTerms;
import org.tessera.model.TermKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The ontology and vocabularies of {@code ontology/}, and the controlled terms
 * they define: each annotation value is the {@code skos:notation} of a concept
 * of a scheme, of a subclass of tes:Actor, tes:Place or tes:Source, or of a
 * sub-property of tes:relatedTo. So a project adds an event type by adding a
 * concept, with no change to code.
 */
public final class OntologyTerms implements ControlledTerms {
    private final Graph graph;
    private final Map<TermKind, SortedMap<String, Node>> byKind = new EnumMap<>(TermKind.class);

    private OntologyTerms(Graph graph) {
        this.graph = graph;
        collect(TermKind.ACTOR_KIND, subClassesOf("Actor"));
        collect(TermKind.PLACE_KIND, subClassesOf("Place"));
        collect(TermKind.SOURCE_KIND, subClassesOf("Source"));
        collect(TermKind.RELATION_TYPE, "?term <http://www.w3.org/2000/01/rdf-schema#subPropertyOf>+ <" + Namespaces.TES + "relatedTo> .");
        collect(TermKind.EVENT_TYPE, inScheme("event-type"));
        collect(TermKind.ROLE, inScheme("role"));
        collect(TermKind.HEDGE, inScheme("hedge"));
        collect(TermKind.MEASURE, inScheme("measure"));
        collect(TermKind.UNIT, inScheme("unit"));
        collect(TermKind.QUALIFIER, inScheme("qualifier"));
        collect(TermKind.STATEMENT_KIND, inScheme("statement-kind"));
    }

    /** Reads every {@code .ttl} file of the folder, in name order. */
    public static OntologyTerms load(Path ontologyDir) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(ontologyDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".ttl"))
                    .filter(p -> !p.getFileName().toString().contains("shapes")).sorted().toList()) {
                RDFParser.source(file).parse(graph);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OntologyTerms(graph);
    }

    private static String subClassesOf(String local) {
        return "?term <http://www.w3.org/2000/01/rdf-schema#subClassOf>+ <" + Namespaces.TES + local + "> .";
    }

    private static String inScheme(String scheme) {
        return "?term <" + Namespaces.SKOS + "inScheme> <" + Namespaces.TES_VOCAB + scheme + "> .";
    }

    private void collect(TermKind kind, String pattern) {
        String query = "SELECT ?term ?notation WHERE { " + pattern + " ?term <" + Namespaces.SKOS + "notation> ?notation }";
        SortedMap<String, Node> terms = new TreeMap<>();
        try (QueryExecution exec = QueryExecution.create(query, org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph))) {
            ResultSet results = exec.execSelect();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                terms.put(row.getLiteral("notation").getLexicalForm(), NodeFactory.createURI(row.getResource("term").getURI()));
            }
        }
        byKind.put(kind, Collections.unmodifiableSortedMap(terms));
    }

    @Override
    public SortedSet<String> notations(TermKind kind) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byKind.get(kind).keySet()));
    }

    /** The IRI of the term with this notation; the notation must have been validated. */
    public Node iri(TermKind kind, String notation) {
        Node node = byKind.get(kind).get(notation);
        if (node == null) throw new IllegalArgumentException("No " + kind.label() + " '" + notation + "'");
        return node;
    }

    /** All triples of the ontology files. */
    public Graph graph() {
        return graph;
    }
}
