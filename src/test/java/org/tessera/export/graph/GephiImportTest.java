package org.tessera.export.graph;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.TimeFormat;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gephi itself (its toolkit, headless) imports the timeline GEXF of the corpus
 * into a workspace: a dynamic graph with dates, in which every event exists from
 * its earliest begin to its latest end, and the attributes keep their types.
 */
class GephiImportTest {
    private static final String DATED = "?e a tes:Event . FILTER EXISTS { { ?e sem:hasEarliestBeginTimeStamp ?d } UNION { ?e sem:hasLatestEndTimeStamp ?d } }";

    @TempDir
    static Path temp;
    static DatasetGraph corpus;
    static List<Issue> issues = new ArrayList<>();
    static GraphModel model;
    static ProjectController projects;

    @BeforeAll
    static void importTimeline() throws Exception {
        corpus = ExportFixtures.corpus();
        Path gexf = temp.resolve("tessera-timeline.gexf");
        GraphExport.write(corpus, "gexf", "timeline", gexf);
        projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(gexf.toFile());
        assertNotNull(container, "Gephi found no importer for the file");
        container.getReport().getIssues(Integer.MAX_VALUE).forEachRemaining(issues::add);
        importer.process(container, new DefaultProcessor(), workspace);
        model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
    }

    @AfterAll
    static void close() {
        if (projects != null) projects.closeCurrentProject();
    }

    private static double millis(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void theImportReportsNoProblem() {
        assertEquals(List.of(), issues.stream().filter(i -> i.getLevel().toInteger() > Issue.Level.INFO.toInteger())
                .map(i -> i.getLevel() + ": " + i.getMessage()).toList());
    }

    @Test
    void gephiHasEveryDatedEventWithWhatItTouches() {
        long nodes = ExportFixtures.count(corpus, "SELECT (COUNT(DISTINCT ?x) AS ?n) { " + DATED
                + " { ?e a ?class BIND(?e AS ?x) } UNION { ?e tes:participation/tes:actor ?x } UNION { ?e tes:place ?x } }");
        // Gephi merges parallel edges, so it keeps one edge per pair of nodes.
        long edges = ExportFixtures.count(corpus, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?e ?x { " + DATED
                + " { ?e tes:participation/tes:actor ?x } UNION { ?e tes:place ?x } } }");
        assertEquals(nodes, model.getGraph().getNodeCount());
        assertEquals(edges, model.getGraph().getEdgeCount());
    }

    @Test
    void theGraphIsDynamicOverTheEventsDates() {
        assertTrue(model.isDynamic());
        assertEquals(TimeFormat.DATE, model.getTimeFormat());
        String bounds = """
                SELECT ?first ?last {
                  { SELECT (MIN(?b) AS ?first) { ?e a tes:Event ; sem:hasEarliestBeginTimeStamp ?b } }
                  { SELECT (MAX(?f) AS ?last) { ?e a tes:Event ; sem:hasLatestEndTimeStamp ?f } } }""";
        try (QueryExec exec = QueryExec.graph(corpus.getUnionGraph()).query(ExportFixtures.PREFIXES + bounds).build()) {
            var row = exec.select().next();
            Interval expected = new Interval(millis(row.get("first").getLiteralLexicalForm()),
                    millis(row.get("last").getLiteralLexicalForm()));
            assertEquals(expected, model.getTimeBounds());
        }
    }

    @Test
    void everyEventExistsFromItsEarliestBeginToItsLatestEnd() {
        String query = "SELECT ?e ?b ?f { ?e a tes:Event ; sem:hasEarliestBeginTimeStamp ?b ; sem:hasLatestEndTimeStamp ?f }";
        int checked = 0;
        try (QueryExec exec = QueryExec.graph(corpus.getUnionGraph()).query(ExportFixtures.PREFIXES + query).build()) {
            for (var rows = exec.select(); rows.hasNext(); checked++) {
                var row = rows.next();
                Node node = model.getGraph().getNode(row.get("e").getURI());
                assertNotNull(node, row.get("e").getURI());
                Interval expected = new Interval(millis(row.get("b").getLiteralLexicalForm()),
                        millis(row.get("f").getLiteralLexicalForm()));
                assertArrayEquals(new Interval[] {expected}, node.getIntervals(), row.get("e").getURI());
            }
        }
        assertTrue(checked > 100, "events checked: " + checked);
    }

    @Test
    void attributesArriveAsColumnsOfTheirTypes() {
        assertEquals(Integer.class, model.getNodeTable().getColumn("sources").getTypeClass());
        assertEquals(Double.class, model.getNodeTable().getColumn("lat").getTypeClass());
        assertEquals(String.class, model.getNodeTable().getColumn("event_type").getTypeClass());
        assertEquals(String.class, model.getEdgeTable().getColumn("role").getTypeClass());
        Node isis = model.getGraph().getNode("https://w3id.org/tessera/is/actor/isis");
        assertEquals("Islamic State", isis.getLabel());
        assertEquals("armed-group", isis.getAttribute("class"));
    }
}
