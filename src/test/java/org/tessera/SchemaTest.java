package org.tessera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tessera.model.TermKind;
import org.tessera.vocabulary.OntologyTerms;

import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON Schema editors use lists exactly the values the ontology defines. */
class SchemaTest {
    @Test
    void schemaEnumerationsEqualTheOntologyNotations() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(TestProjects.REPO.resolve("annotations/schema/tessera-annotations.schema.json").toFile()).get("$defs");
        OntologyTerms terms = OntologyTerms.load(TestProjects.REPO.resolve("ontology"));
        Map<TermKind, JsonNode> enums = Map.of(
                TermKind.ACTOR_KIND, defs.at("/actor/properties/kind/enum"),
                TermKind.PLACE_KIND, defs.at("/place/properties/kind/enum"),
                TermKind.SOURCE_KIND, defs.at("/source/properties/kind/enum"),
                TermKind.EVENT_TYPE, defs.at("/event/properties/type/enum"),
                TermKind.ROLE, defs.at("/participant/properties/role/enum"),
                TermKind.RELATION_TYPE, defs.at("/relation/properties/type/enum"),
                TermKind.HEDGE, defs.at("/hedge/enum"),
                TermKind.MEASURE, defs.at("/figure/properties/measure/enum"),
                TermKind.UNIT, defs.at("/figure/properties/unit/enum"),
                TermKind.QUALIFIER, defs.at("/figure/properties/qualifier/enum"));
        enums.forEach((kind, values) -> {
            var inSchema = new TreeSet<String>();
            values.forEach(v -> inSchema.add(v.asText()));
            assertEquals(terms.notations(kind), inSchema, kind.label());
        });
    }
}
