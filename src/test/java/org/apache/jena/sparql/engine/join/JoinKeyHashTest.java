package org.apache.jena.sparql.engine.join;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Pins the behaviour of Jena 5.6.0's hash join that {@code figures-sources-disagree-on}
 * worked around until the converter wrote each figure's key (queries/README.md, "Pair by
 * a key"; bench/HISTORY.md, rounds twenty-two and twenty-eight), and that any query pairing
 * rows by a key of several variables meets:
 * a row's key is hashed by XOR of its variables' hashes, so two key variables holding
 * the same value cancel out, and rows that differ only in that value share a bucket.
 * In Jena's package, because {@code JoinLib} is package-private. When this test fails,
 * Jena hashes keys another way, and the rule of one string per key can go; it is also
 * the reproduction to report upstream.
 */
class JoinKeyHashTest {
    private static final Var FIRST = Var.alloc("firstActor"), LAST = Var.alloc("lastActor"), PLACE = Var.alloc("where");
    private static final JoinKey KEY = JoinKey.create(List.of(PLACE, FIRST, LAST));

    private static Binding row(String place, String first, String last) {
        return BindingFactory.builder()
                .add(PLACE, NodeFactory.createLiteralString(place))
                .add(FIRST, NodeFactory.createURI(first))
                .add(LAST, NodeFactory.createURI(last))
                .build();
    }

    @Test
    void equalValuesInTwoKeyVariablesCancelOut() {
        Binding aboutIsis = row("", "https://w3id.org/tessera/is/actor/isis", "https://w3id.org/tessera/is/actor/isis");
        Binding aboutSdf = row("", "https://w3id.org/tessera/is/actor/sdf", "https://w3id.org/tessera/is/actor/sdf");
        assertEquals(JoinLib.hash(KEY, aboutIsis), JoinLib.hash(KEY, aboutSdf),
                "figures about different single actors, with no place, hash alike");
    }

    @Test
    void distinctValuesStillSeparateTheRows() {
        Binding isisAndSdf = row("", "https://w3id.org/tessera/is/actor/isis", "https://w3id.org/tessera/is/actor/sdf");
        Binding isisAndPkk = row("", "https://w3id.org/tessera/is/actor/isis", "https://w3id.org/tessera/is/actor/pkk");
        assertNotEquals(JoinLib.hash(KEY, isisAndSdf), JoinLib.hash(KEY, isisAndPkk));
    }
}
