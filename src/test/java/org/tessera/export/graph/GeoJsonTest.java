package org.tessera.export.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map export, read back with Jackson: an RFC 7946 FeatureCollection of Points
 * at [longitude, latitude], one per place with coordinates and one per event at
 * such a place, as SPARQL counts them; on the corpus and on the minimal project,
 * whose Syria has no coordinates.
 */
class GeoJsonTest {
    @TempDir
    Path temp;

    @Test
    void theCorpusMapHasAPointForEveryPlaceAndLocatedEvent() throws Exception {
        check(ExportFixtures.corpus());
    }

    @Test
    void placesWithoutCoordinatesAreLeftOff() throws Exception {
        DatasetGraph minimal = ExportFixtures.minimal(temp);
        assertEquals(1, check(minimal).get("place"), "Dabiq has coordinates, Syria has none");
    }

    /** Checks the map of a dataset, and gives the number of features of each kind. */
    private Map<String, Integer> check(DatasetGraph dataset) throws Exception {
        Path file = temp.resolve(GraphExport.defaultFileName("geojson", "events-places"));
        GraphExport.write(dataset, "geojson", "events-places", file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("FeatureCollection", root.get("type").asText());
        Map<String, List<Double>> placeCoordinates = coordinates(dataset);
        Map<String, Integer> kinds = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode feature : root.get("features")) {
            assertEquals("Feature", feature.get("type").asText());
            assertTrue(ids.add(feature.get("id").asText()), "one feature per id");
            JsonNode geometry = feature.get("geometry");
            assertEquals("Point", geometry.get("type").asText());
            JsonNode position = geometry.get("coordinates");
            assertEquals(2, position.size());
            assertTrue(position.get(0).isNumber() && position.get(1).isNumber());
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            assertTrue(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, feature.get("id").asText());
            JsonNode properties = feature.get("properties");
            String kind = properties.get("kind").asText();
            kinds.merge(kind, 1, Integer::sum);
            String place = kind.equals("place") ? feature.get("id").asText() : properties.get("place").asText();
            assertEquals(placeCoordinates.get(place), List.of(lon, lat), "[lon, lat] of " + place);
            assertTrue(properties.get("label").isTextual());
            if (properties.has("sources")) assertTrue(properties.get("sources").isIntegralNumber());
        }
        assertEquals(placeCoordinates.size(), kinds.get("place"));
        assertEquals(ExportFixtures.count(dataset, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a tes:Event ; tes:place/wgs:lat ?lat }"),
                kinds.get("event").longValue());
        assertEquals(Set.of("place", "event"), kinds.keySet());
        return kinds;
    }

    private static Map<String, List<Double>> coordinates(DatasetGraph dataset) {
        Map<String, List<Double>> map = new HashMap<>();
        String query = "SELECT ?p ?lat ?long { ?p a tes:Place ; wgs:lat ?lat ; wgs:long ?long }";
        try (QueryExec exec = QueryExec.graph(dataset.getUnionGraph()).query(ExportFixtures.PREFIXES + query).build()) {
            exec.select().forEachRemaining(row -> map.put(row.get("p").getURI(), List.of(
                    Double.parseDouble(row.get("long").getLiteralLexicalForm()),
                    Double.parseDouble(row.get("lat").getLiteralLexicalForm()))));
        }
        return map;
    }
}
