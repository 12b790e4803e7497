package org.tessera.export.graph;

import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A spilled row reads back as the same terms: every kind of term, and strings past 64 KB. */
class BindingSpillFormatTest {
    @Test
    void rowsComeBackAsTheyWent() {
        List<Binding> rows = List.of(
                BindingBuilder.create()
                        .add(Var.alloc("iri"), NodeFactory.createURI("https://w3id.org/tessera/is/event/src-000068/e2"))
                        .add(Var.alloc("blank"), NodeFactory.createBlankNode("b0"))
                        .add(Var.alloc("plain"), NodeFactory.createLiteralString("Mosul 𝔪"))
                        .add(Var.alloc("lang"), NodeFactory.createLiteralLang("الموصل", "ar"))
                        .add(Var.alloc("dir"), NodeFactory.createLiteralDirLang("الموصل", "ar", "rtl"))
                        .add(Var.alloc("typed"), NodeFactory.createLiteralDT("36.34", XSDDatatype.XSDdecimal))
                        .add(Var.alloc("date"), NodeFactory.createLiteralDT("2016-10-17", XSDDatatype.XSDdate))
                        .build(),
                BindingBuilder.create().build(),
                BindingBuilder.create().add(Var.alloc("long"), NodeFactory.createLiteralString("x".repeat(100_000))).build());
        BindingSpillFormat format = new BindingSpillFormat();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sink<Binding> sink = format.createSerializer(bytes);
        rows.forEach(sink::send);
        sink.close();
        List<Binding> back = new ArrayList<>();
        Iterator<Binding> read = format.createDeserializer(new ByteArrayInputStream(bytes.toByteArray()));
        read.forEachRemaining(back::add);
        assertEquals(rows, back);
    }
}
