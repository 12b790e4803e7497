package org.tessera.pipeline;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A graph cut into parts keeps every quad, in order, and each subject's quads in one part. */
class SubjectPartsTest {

    @Test
    void partsHoldEveryQuadInOrderAndEndWhereASubjectEnds() throws IOException {
        List<Quad> quads = graph(new Random(7), 300);
        List<List<Quad>> parts = new ArrayList<>();
        SubjectParts cutter = new SubjectParts(10, parts::add);
        quads.forEach(cutter);
        cutter.flush();

        assertEquals(quads, parts.stream().flatMap(List::stream).toList());
        assertTrue(parts.size() > 5, "parts: " + parts.size());
        for (int i = 0; i < parts.size() - 1; i++) {
            List<Quad> part = parts.get(i);
            assertTrue(part.size() >= 10, "part " + i + " has " + part.size());
            assertNotEquals(part.get(part.size() - 1).getSubject(), parts.get(i + 1).get(0).getSubject(),
                    "a subject cut between parts " + i + " and " + (i + 1));
            // Not past the subject that filled it: only that subject's quads follow the tenth.
            assertTrue(part.subList(9, part.size()).stream().allMatch(q -> q.getSubject().equals(part.get(9).getSubject())));
        }
    }

    @Test
    void aGraphSmallerThanOnePartIsOnePartAndAnEmptyOneNone() throws IOException {
        List<List<Quad>> parts = new ArrayList<>();
        SubjectParts cutter = new SubjectParts(1000, parts::add);
        cutter.flush();
        assertEquals(0, parts.size());
        List<Quad> quads = graph(new Random(1), 20);
        quads.forEach(cutter);
        cutter.flush();
        assertEquals(List.of(quads), parts);
        assertThrows(IllegalArgumentException.class, () -> new SubjectParts(0, parts::add));
    }

    /** Subjects with one to seven quads each, as a sorted graph gives them. */
    private static List<Quad> graph(Random random, int subjects) {
        List<Quad> quads = new ArrayList<>();
        var g = NodeFactory.createURI("https://example.org/graph");
        for (int s = 0; s < subjects; s++) {
            var subject = NodeFactory.createURI("https://example.org/s" + s);
            int count = 1 + random.nextInt(7);
            for (int p = 0; p < count; p++) {
                quads.add(Quad.create(g, subject, NodeFactory.createURI("https://example.org/p" + p),
                        NodeFactory.createLiteralString("o" + s + "-" + p)));
            }
        }
        return quads;
    }
}
