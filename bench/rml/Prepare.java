import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.tessera.model.TermKind;
import org.tessera.vocabulary.OntologyTerms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prepares the RMLMapper run of bench/rml/run, outside the timed part:
 * <ol>
 * <li>writes each YAML annotation file of CORPUS/annotations as JSON with the same keys and values
 *     (Jackson reads YAML scalars as the YAML core schema does: a year is a number, a full date stays text);</li>
 * <li>writes terms.json, the notation-to-IRI table of the four controlled lists whose IRIs are not
 *     a pattern of the notation (actor, place and source kinds, relation types), read from the
 *     ontology with Tessera's own OntologyTerms, so that the mapping can join on it;</li>
 * <li>expands the mapping template: RML names one file per logical source and JSONPath cannot reach a
 *     parent object, so the blocks between "#@each NAME" and "#@end NAME" are repeated: "source" per
 *     source file (@SID@ the source id, @FILE@, @SN@ its index), "actors" and "places" per actors or
 *     places file (@FILE@, @AN@ or @PN@), "participant" per participant index (@I@, from 0 to the largest
 *     number of participants of an event in the corpus, minus one), "about" likewise per index of a
 *     statement's "about" list (@J@), "dated" per list whose items carry
 *     a date (@LIST@, the key, and @SEG@, the IRI segment of its items). @TERMS@ is terms.json.</li>
 * </ol>
 * It writes OUT/mapping.ttl, and OUT/mapping-without-about-joins.ttl, the same without the joins that
 * resolve a statement's "about" to an actor or a place.
 * Usage: java Prepare CORPUS OUT ONTOLOGY MAPPING_TEMPLATE. Prints name=value lines.
 */
public final class Prepare {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lists whose items carry a "date", with the IRI segment of their items. */
    private static final List<String[]> DATED = List.of(
            new String[] {"events", "event"}, new String[] {"relations", "relation"},
            new String[] {"figures", "figure"}, new String[] {"statements", "statement"});

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        Path ontology = Path.of(args[2]);
        String template = Files.readString(Path.of(args[3]));
        Path json = out.resolve("json");
        Files.createDirectories(json);

        List<String[]> sources = new ArrayList<>(); // {id, file}
        List<String> actorFiles = new ArrayList<>();
        List<String> placeFiles = new ArrayList<>();
        int maxParticipants = 0;
        int maxAbout = 0;
        long events = 0;
        Path annotations = corpus.resolve("annotations");
        List<Path> yamls;
        try (Stream<Path> walk = Files.walk(annotations)) {
            yamls = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path yaml : yamls) {
            JsonNode doc = YAML.readTree(yaml.toFile());
            String rel = annotations.relativize(yaml).toString().replaceFirst("\\.ya?ml$", ".json");
            Path target = json.resolve(rel);
            Files.createDirectories(target.getParent());
            JSON.writeValue(target.toFile(), doc);
            String file = target.toString();
            if (doc.has("source")) {
                sources.add(new String[] {doc.get("source").get("id").asText(), file});
                for (JsonNode event : doc.path("events")) {
                    events++;
                    maxParticipants = Math.max(maxParticipants, event.path("participants").size());
                }
                for (JsonNode statement : doc.path("statements")) maxAbout = Math.max(maxAbout, statement.path("about").size());
            }
            if (doc.has("actors")) actorFiles.add(file);
            if (doc.has("places")) placeFiles.add(file);
        }

        OntologyTerms terms = OntologyTerms.load(ontology);
        ObjectNode table = JSON.createObjectNode();
        for (TermKind kind : List.of(TermKind.ACTOR_KIND, TermKind.PLACE_KIND, TermKind.SOURCE_KIND, TermKind.RELATION_TYPE)) {
            ArrayNode rows = table.putArray(kind.name().toLowerCase());
            for (String notation : terms.notations(kind)) {
                rows.addObject().put("notation", notation).put("iri", terms.iri(kind, notation).getURI());
            }
        }
        Path termsFile = out.resolve("terms.json");
        JSON.writeValue(termsFile.toFile(), table);

        int participants = maxParticipants;
        String full = expandAll(template, termsFile, participants, maxAbout, actorFiles, placeFiles, sources);
        Path mappingFile = out.resolve("mapping.ttl");
        Files.writeString(mappingFile, full);
        // The same without the joins of statements' "about" with every actor and place: RMLMapper
        // evaluates a join as a nested loop, so these few triples cost most of its time.
        String lean = expandAll(template, termsFile, participants, 0, actorFiles, placeFiles, sources);
        Files.writeString(out.resolve("mapping-without-about-joins.ttl"), lean);

        System.out.println("events=" + events);
        System.out.println("source_files=" + sources.size());
        System.out.println("max_participants=" + maxParticipants);
        System.out.println("max_statement_about=" + maxAbout);
        System.out.println("triples_maps=" + Pattern.compile("a rr:TriplesMap").matcher(full).results().count());
        System.out.println("mapping=" + mappingFile);
    }

    private static String expandAll(String template, Path termsFile, int participants, int about,
            List<String> actorFiles, List<String> placeFiles, List<String[]> sources) {
        String mapping = template.replace("@TERMS@", termsFile.toString());
        mapping = expand(mapping, "participant", body -> repeat(participants, i -> body.replace("@I@", Integer.toString(i))));
        mapping = expand(mapping, "about", body -> repeat(about, j -> body.replace("@J@", Integer.toString(j))));
        mapping = expand(mapping, "dated", body -> join(DATED, d -> body.replace("@LIST@", d[0]).replace("@SEG@", d[1])));
        mapping = expand(mapping, "actors", body -> join(actorFiles, (f, n) -> body.replace("@FILE@", f).replace("@AN@", n)));
        mapping = expand(mapping, "places", body -> join(placeFiles, (f, n) -> body.replace("@FILE@", f).replace("@PN@", n)));
        return expand(mapping, "source", body -> join(sources, (s, n) -> body.replace("@SID@", s[0]).replace("@FILE@", s[1]).replace("@SN@", n)));
    }

    private static String expand(String text, String name, Function<String, String> each) {
        Pattern block = Pattern.compile("(?m)^[ \\t]*#@each " + name + "[ \\t]*\\n(.*?)^[ \\t]*#@end " + name + "[ \\t]*\\n", Pattern.DOTALL);
        Matcher m = block.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(each.apply(m.group(1))));
        m.appendTail(sb);
        return sb.toString();
    }

    private static String repeat(int n, Function<Integer, String> each) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(each.apply(i));
        return sb.toString();
    }

    private static <T> String join(List<T> items, Function<T, String> each) {
        return join(items, (item, n) -> each.apply(item));
    }

    private static <T> String join(List<T> items, BiFunction<T, String, String> each) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) sb.append(each.apply(items.get(i), Integer.toString(i)));
        return sb.toString();
    }
}
