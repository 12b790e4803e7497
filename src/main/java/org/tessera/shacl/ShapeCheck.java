package org.tessera.shacl;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.DisjointUnion;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Runs the SHACL shapes of {@code ontology/} over the converted data (all graphs as one). */
public final class ShapeCheck {
    private final Shapes shapes;

    private ShapeCheck(Shapes shapes) {
        this.shapes = shapes;
    }

    public static ShapeCheck fromFile(Path shapesFile) {
        return new ShapeCheck(Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toString())));
    }

    /** One line per violation: focus node, path and message. */
    public List<String> violations(DatasetGraph dataset) {
        Graph union = GraphFactory.createDefaultGraph();
        dataset.find().forEachRemaining(q -> union.add(q.asTriple()));
        return violations(union);
    }

    /**
     * The violations of one part of the data (a source's graph, a batch of shared
     * entities), read together with the ontology. The part holds the types of what it
     * points at but does not describe; those nodes, in {@code describedElsewhere}, are
     * not reported on here, since their own part is checked with their full description.
     */
    public List<String> violations(Graph part, Graph ontology, Set<Node> describedElsewhere) {
        // The data never holds the ontology's triples: a union that need not look for duplicates.
        Graph data = new DisjointUnion(part, ontology);
        // ShaclPlainValidator's loop, without the focus nodes described elsewhere: a source
        // graph points at hundreds of actors and places whose checks would only fail here.
        ValidationContext context = ValidationContext.create(shapes, data);
        for (Shape shape : shapes.getTargetShapes()) {
            for (Node focus : VLib.focusNodes(data, shape)) {
                if (!describedElsewhere.contains(focus)) VLib.validateShape(context, data, shape, focus);
            }
        }
        return describe(context.generateReport());
    }

    public List<String> violations(Graph graph) {
        return describe(ShaclValidator.get().validate(shapes, graph));
    }

    private static List<String> describe(ValidationReport report) {
        return report.getEntries().stream().map(ShapeCheck::describe).sorted().toList();
    }

    private static String describe(ReportEntry entry) {
        String path = entry.resultPath() == null ? "" : " " + entry.resultPath();
        return entry.focusNode() + path + ": " + entry.message();
    }
}
