package org.tessera.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

/** A parameter's value reaches every VALUES clause that holds it, in sub-queries too. */
class ParameterBinderTest {
    private static final String DATA = """
            @prefix ex: <http://example.org/> .
            ex:f1 ex:measure ex:fighters . ex:f2 ex:measure ex:fighters . ex:f3 ex:measure ex:deaths .
            """;

    /** Counts the figures of the measure in a grouped sub-query, which the top-level VALUES does not reach. */
    private static final String COUNT = """
            PREFIX ex: <http://example.org/>
            SELECT ?measure ?figures WHERE {
              VALUES ?measure { ex:fighters }
              {
                SELECT ?measure (COUNT(?figure) AS ?figures) WHERE {
                  VALUES ?measure { %s }
                  ?figure ex:measure ?measure .
                }
                GROUP BY ?measure
              }
            }
            """;

    private static CuratedQuery curated(String text) {
        return new CuratedQuery("count", "Count", "Counts figures.", List.of(new CuratedQuery.Parameter("measure", "the measure")),
                List.of(), text);
    }

    private static String run(Query query) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(DATA, Lang.TURTLE).parse(model);
        try (var exec = QueryExecutionFactory.create(query, model)) {
            return ResultSetFormatter.asText(exec.execSelect());
        }
    }

    @Test
    void theValueReplacesTheClauseOfASubQueryToo() {
        CuratedQuery count = curated(COUNT.formatted("ex:fighters"));
        assertEquals(List.of(), ParameterBinder.check(count));
        String byDefault = run(ParameterBinder.bind(count, Map.of()));
        String deaths = run(ParameterBinder.bind(count, Map.of("measure", "http://example.org/deaths")));
        assertTrue(byDefault.contains("fighters") && byDefault.contains("| 2 "), byDefault);
        // With only the top-level clause set, the sub-query would count fighters and the join would find nothing.
        assertTrue(deaths.contains("deaths") && deaths.contains("| 1 "), deaths);
    }

    @Test
    void aSubQueryClauseWithAnotherDefaultIsAProblem() {
        CuratedQuery count = curated(COUNT.formatted("ex:deaths"));
        assertEquals(List.of("count.rq: parameter 'measure' has a VALUES ?measure clause in a sub-query whose default is not the top-level one"),
                ParameterBinder.check(count));
    }
}
