package org.tessera.shacl;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Runs the SHACL shapes of {@code ontology/} over the converted data (all graphs as one). */
public final class ShapeCheck {
    private final Shapes shapes;
    /** The super-classes of the ontology the parts were last read with. */
    private volatile KnownSuperclasses known;

    private ShapeCheck(Shapes shapes) {
        this.shapes = shapes;
    }

    public static ShapeCheck fromFile(Path shapesFile) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toString()));
        knowSuperclasses(shapes);
        return new ShapeCheck(shapes);
    }

    /** Puts {@link KnownSuperclassConstraint} in place of every {@code sh:class} of the shapes. */
    private static void knowSuperclasses(Shapes shapes) {
        Set<Shape> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Shape> todo = new ArrayDeque<>(shapes.getShapeMap().values());
        todo.addAll(shapes.getTargetShapes());
        while (!todo.isEmpty()) {
            Shape shape = todo.pop();
            if (!seen.add(shape)) continue;
            // Jena's parser keeps each shape's constraints in a list of its own, open to change.
            if (shape.getConstraints() instanceof List<Constraint> constraints) {
                constraints.replaceAll(c -> c.getClass() == ClassConstraint.class
                        ? new KnownSuperclassConstraint(((ClassConstraint) c).getExpectedClass()) : c);
            }
            todo.addAll(shape.getPropertyShapes());
        }
    }

    /** How many of the shapes' {@code sh:class} constraints read {@link KnownSuperclasses}; for the tests. */
    long knownSuperclassConstraints() {
        return shapes.getShapeMap().values().stream().flatMap(s -> s.getConstraints().stream())
                .filter(c -> c instanceof KnownSuperclassConstraint).count();
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
        Graph data = superclassesOf(ontology).readWith(part);
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

    /** How many classes' super-classes the last ontology's lookups kept; for the tests. */
    int superclassesKept() {
        KnownSuperclasses current = known;
        return current == null ? 0 : current.size();
    }

    private KnownSuperclasses superclassesOf(Graph ontology) {
        KnownSuperclasses current = known;
        if (current == null || current.ontology() != ontology) known = current = new KnownSuperclasses(ontology);
        return current;
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
