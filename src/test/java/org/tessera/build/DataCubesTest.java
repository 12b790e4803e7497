package org.tessera.build;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tessera.TestProjects;
import org.tessera.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events counted by type, year and place, the relations counted by type, the events
 * counted by place and the events and sources counted by actor are well-formed RDF Data Cubes: the corpus's VoID and ontology graphs meet each integrity constraint of the W3C Recommendation that
 * applies ({@code src/test/resources/data-cube/}), in Jena and in Python's rdflib. Each
 * constraint is also shown to catch a cube broken on purpose, so that none holds only
 * because it matches nothing.
 */
class DataCubesTest {
    private static final Path CONSTRAINTS = TestProjects.REPO.resolve("src/test/resources/data-cube");
    private static final Path VOID = TestProjects.REPO.resolve("rdf/graphs/graph-void.nq");
    private static final Path ONTOLOGY = TestProjects.REPO.resolve("rdf/graphs/graph-ontology.nq");
    private static final String PREFIXES = """
            PREFIX qb:   <http://purl.org/linked-data/cube#>
            PREFIX tes:  <https://w3id.org/tessera/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            """;
    /** For each constraint, an update that breaks it. */
    private static final Map<String, String> BREAKS = Map.of(
            "ic-01-unique-data-set.rq", "INSERT { ?o qb:dataSet tes:another } WHERE { { SELECT ?o { ?o a qb:Observation } LIMIT 1 } }",
            "ic-02-unique-dsd.rq", "INSERT { ?d qb:structure tes:another } WHERE { ?d a qb:DataSet }",
            "ic-03-dsd-includes-measure.rq", "DELETE WHERE { tes:eventCountsStructure qb:component ?c . ?c qb:measure ?m }",
            "ic-04-dimensions-have-range.rq", "DELETE WHERE { tes:refYear rdfs:range ?r }",
            "ic-05-concept-dimensions-have-code-lists.rq", "DELETE WHERE { tes:refEventType qb:codeList ?l }",
            "ic-06-only-attributes-may-be-optional.rq", "INSERT DATA { tes:yearComponent qb:componentRequired false }",
            "ic-11-all-dimensions-required.rq", "DELETE { ?o tes:refYear ?y } WHERE { { SELECT ?o ?y { ?o tes:refYear ?y } ORDER BY ?o LIMIT 1 } }",
            "ic-12-no-duplicate-observations.rq", "INSERT { tes:copy ?p ?v } WHERE { { SELECT ?o { ?o a qb:Observation } ORDER BY ?o LIMIT 1 } ?o ?p ?v }",
            "ic-14-all-measures-present.rq", "DELETE { ?o tes:sourceCount ?n } WHERE { { SELECT ?o ?n { ?o tes:sourceCount ?n } ORDER BY ?o LIMIT 1 } }",
            "ic-19-codes-from-code-list.rq", "DELETE { ?o tes:refEventType ?t } INSERT { ?o tes:refEventType tes:notAType } WHERE { { SELECT ?o ?t { ?o tes:refEventType ?t } ORDER BY ?o LIMIT 1 } }");

    private static Graph cube;

    @BeforeAll
    static void read() {
        DatasetGraph dataset = RDFDataMgr.loadDatasetGraph(VOID.toString());
        RDFDataMgr.read(dataset, ONTOLOGY.toString());
        cube = GraphFactory.createDefaultGraph();
        dataset.getUnionGraph().find().forEach(cube::add);
    }

    static Stream<String> constraints() throws IOException {
        try (Stream<Path> files = Files.list(CONSTRAINTS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList().stream();
        }
    }

    @Test
    void everyConstraintHasABreakAndEachCubeHasObservations() throws IOException {
        assertEquals(constraints().toList(), BREAKS.keySet().stream().sorted().toList());
        assertTrue(ask(cube, "ASK { ?o a qb:Observation ; tes:eventCount ?n }"));
        assertTrue(ask(cube, "ASK { ?o a qb:Observation ; tes:relationCount ?n }"));
        assertTrue(ask(cube, "ASK { ?o a qb:Observation ; tes:refPlace ?place ; tes:eventCount ?n }"));
        assertTrue(ask(cube, "ASK { ?o a qb:Observation ; tes:refActor ?actor ; tes:eventCount ?n ; tes:sourceCount ?m }"));
    }

    @ParameterizedTest
    @MethodSource("constraints")
    void theCubeMeetsTheConstraintAndACubeBrokenOnPurposeDoesNot(String constraint) throws IOException {
        String query = Files.readString(CONSTRAINTS.resolve(constraint), StandardCharsets.UTF_8);
        assertFalse(ask(cube, query), constraint + " finds a violation");
        Graph broken = GraphFactory.createDefaultGraph();
        cube.find().forEach(broken::add);
        UpdateExec.newBuilder().update(PREFIXES + BREAKS.get(constraint)).execute(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(broken));
        assertTrue(ask(broken, query), constraint + " misses the violation made on purpose");
    }

    /** The constraints read the relation cube too: one of its observations without a measure breaks IC-14. */
    @Test
    void aRelationObservationWithoutAMeasureBreaksTheCube() throws IOException {
        String query = Files.readString(CONSTRAINTS.resolve("ic-14-all-measures-present.rq"), StandardCharsets.UTF_8);
        Graph broken = GraphFactory.createDefaultGraph();
        cube.find().forEach(broken::add);
        UpdateExec.newBuilder().update(PREFIXES + "DELETE { ?o tes:hedgedRelationCount ?n } WHERE { { SELECT ?o ?n { ?o tes:hedgedRelationCount ?n } ORDER BY ?o LIMIT 1 } }")
                .execute(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(broken));
        assertTrue(ask(broken, query));
    }

    /** rdflib, an implementation that is not Jena, reads the same files and finds no violation, and finds the one made. */
    @Test
    void rdflibFindsNoViolation() throws Exception {
        String script = """
                import sys, glob, os, rdflib
                ds = rdflib.Dataset(default_union=True)
                for f in sys.argv[2:]: ds.parse(f, format='nquads')
                qb = rdflib.Namespace('http://purl.org/linked-data/cube#')
                print('observations', len(set(ds.subjects(rdflib.RDF.type, qb.Observation))))
                for q in sorted(glob.glob(sys.argv[1] + '/ic-*.rq')):
                    print(os.path.basename(q), ds.query(open(q).read()).askAnswer)
                year = rdflib.URIRef('https://w3id.org/tessera/ontology#refYear')
                observation, _, value = sorted(ds.triples((None, year, None)))[0]
                for g in ds.graphs(): g.remove((observation, year, value))
                print('broken', ds.query(open(sys.argv[1] + '/ic-11-all-dimensions-required.rq').read()).askAnswer)
                """;
        List<String> lines = Tools.run(TestProjects.REPO, List.of("/usr/bin/python3", "-c", script,
                CONSTRAINTS.toString(), VOID.toString(), ONTOLOGY.toString())).lines().toList();
        long observations = cube.find(null, org.apache.jena.vocabulary.RDF.Nodes.type,
                org.apache.jena.graph.NodeFactory.createURI("http://purl.org/linked-data/cube#Observation")).toList().size();
        assertTrue(observations > 100, "observations: " + observations);
        List<String> expected = new java.util.ArrayList<>(List.of("observations " + observations));
        constraints().forEach(c -> expected.add(c + " False"));
        expected.add("broken True");
        assertEquals(expected, lines);
    }

    private static boolean ask(Graph graph, String query) {
        String text = query.contains("PREFIX qb:") ? query : PREFIXES + query;
        return QueryExec.graph(graph).query(text).ask();
    }
}
