package org.tessera.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tessera.TestProjects;

/**
 * Queries that must join two sides by a key, once, rather than look the right
 * side up again for every row of the left. Jena runs a join that its optimiser
 * leaves as a join (rather than turning it into a sequence, where each left row
 * is substituted into the right side) as a hash join on the variables both
 * sides share; a grouped sub-query on the right keeps it a join. Written as
 * sequences, the two pairing queries checked every pair of a place's accounts
 * or of a measure's figures one by one, and ran past the 60 s deadline at 100k
 * events (the figures have paired by the key the converter writes since round
 * twenty-eight, {@code tes:comparisonKey}, through the index); {@code actors-by-kind} followed {@code rdfs:subClassOf*} for every
 * actor (bench/HISTORY.md, round six); {@code source-summary} looked up seven counts in
 * the VoID description for each source (bench/HISTORY.md, round sixteen). The plan is what this test checks; the
 * benchmark measures the time.
 */
class KeyedJoinPlanTest {
    static { JenaSystem.init(); }

    private static final QueryLibrary LIBRARY = new QueryLibrary(TestProjects.REPO.resolve("queries"));

    @ParameterizedTest(name = "{0} joins on {1}")
    @CsvSource({
            "events-linked-across-sources, place typeConcept",
            "actors-by-kind, kindClass",
            "source-summary, graph",
    })
    void twoSidesAreHashJoinedOnTheirKey(String name, String key) throws IOException {
        CuratedQuery curated = LIBRARY.find(name).orElseThrow();
        Query query = ParameterBinder.bind(curated, Map.of());
        Op plan = Algebra.optimize(Algebra.compile(query));
        Set<Var> keyVars = Arrays.stream(key.split(" ")).map(Var::alloc).collect(Collectors.toSet());

        List<Set<Var>> joinKeys = new ArrayList<>();
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override public void visit(OpJoin join) {
                Set<Var> shared = OpVars.visibleVars(join.getLeft());
                shared.retainAll(OpVars.visibleVars(join.getRight()));
                joinKeys.add(shared);
            }
        });
        assertTrue(joinKeys.stream().anyMatch(shared -> shared.containsAll(keyVars)),
                name + ": no join on " + keyVars + " in the optimised plan; joins found on " + joinKeys + "\n" + plan);
    }
}
