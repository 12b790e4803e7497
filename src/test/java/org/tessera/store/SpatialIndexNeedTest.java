package org.tessera.store;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.tessera.TestProjects;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryLibrary;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which queries make {@code ./tessera query} build GeoSPARQL's spatial index: those that name its functions. */
class SpatialIndexNeedTest {
    private static final QueryLibrary LIBRARY = new QueryLibrary(TestProjects.REPO.resolve("queries"));

    @Test
    void theCuratedQueryThatSearchesByDistanceNeedsItAndTheOthersDoNot() throws Exception {
        for (var curated : LIBRARY.all()) {
            boolean needs = ServedDataset.needsSpatialIndex(ParameterBinder.bind(curated, Map.of()));
            assertTrue(needs == curated.name().equals("events-near-place"), curated.name() + ": " + needs);
        }
    }

    @Test
    void anyGeoSparqlOrJenaSpatialIriCountsWithOrWithoutAPrefix() {
        assertTrue(ServedDataset.needsSpatialIndex(QueryFactory.create(
                "PREFIX spatial: <http://jena.apache.org/spatial#> SELECT ?f WHERE { ?f spatial:nearby (36.3 43.1 10 'km') }")));
        assertTrue(ServedDataset.needsSpatialIndex(QueryFactory.create(
                "SELECT ?d WHERE { BIND(<http://www.opengis.net/def/function/geosparql/distance>(?a, ?b) AS ?d) }")));
        assertTrue(ServedDataset.needsSpatialIndex(QueryFactory.create(
                "PREFIX g: <http://www.opengis.net/ont/geosparql#> SELECT ?x WHERE { ?x g:sfWithin ?y }")));
        assertFalse(ServedDataset.needsSpatialIndex(QueryFactory.create(
                "PREFIX spatial: <http://jena.apache.org/spatial#> SELECT ?s WHERE { ?s ?p ?o }")),
                "a prefix declared and not used");
    }
}
