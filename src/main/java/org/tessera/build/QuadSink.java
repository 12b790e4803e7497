package org.tessera.build;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Adds quads to one named graph of a dataset, or of a stream, with helpers for the literals the converter writes. */
final class QuadSink {
    private final Consumer<Quad> target;
    private final Node graph;

    QuadSink(DatasetGraph dataset, Node graph) {
        this(dataset::add, graph);
    }

    QuadSink(Consumer<Quad> target, Node graph) {
        this.target = target;
        this.graph = graph;
    }

    void add(Node s, Node p, Node o) {
        target.accept(Quad.create(graph, s, p, o));
    }

    void addIfPresent(Node s, Node p, Node o) {
        if (o != null) add(s, p, o);
    }

    void text(Node s, Node p, String value) {
        if (value != null) add(s, p, NodeFactory.createLiteralString(value));
    }

    void english(Node s, Node p, String value) {
        if (value != null) add(s, p, NodeFactory.createLiteralLang(value, "en"));
    }

    void typed(Node s, Node p, String lexical, RDFDatatype type) {
        add(s, p, NodeFactory.createLiteralDT(lexical, type));
    }

    void date(Node s, Node p, LocalDate date) {
        typed(s, p, date.toString(), XSDDatatype.XSDdate);
    }

    void decimal(Node s, Node p, BigDecimal value) {
        if (value != null) typed(s, p, canonicalDecimal(value), XSDDatatype.XSDdecimal);
    }

    void integer(Node s, Node p, long value) {
        typed(s, p, Long.toString(value), XSDDatatype.XSDnonNegativeInteger);
    }

    /** xsd:decimal's canonical form, so that 25000 and 25000.0 write the same literal. */
    static String canonicalDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String plain = stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
