package org.tessera.read;

import org.tessera.model.Actor;
import org.tessera.model.ControlledTerms;
import org.tessera.model.DatasetInfo;
import org.tessera.model.Event;
import org.tessera.model.Figure;
import org.tessera.model.Participant;
import org.tessera.model.Place;
import org.tessera.model.Quote;
import org.tessera.model.Relation;
import org.tessera.model.Source;
import org.tessera.model.Statement;
import org.tessera.model.TermKind;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

import java.util.List;
import java.util.Set;

/**
 * Maps the maps of an annotation file to model records, one method per kind of
 * record. The sets of field names here are the format's contract; the JSON
 * Schema in annotations/schema/ is tested to list the same fields.
 */
final class RecordReader {
    static final Set<String> DATASET_FIELDS = Set.of("title", "description", "base", "license");
    static final Set<String> ACTOR_FIELDS = Set.of("id", "name", "kind", "aliases", "wikidata", "description");
    static final Set<String> PLACE_FIELDS = Set.of("id", "name", "kind", "parent", "aliases", "lat", "long", "wikidata", "description");
    static final Set<String> SOURCE_FIELDS = Set.of("id", "title", "kind", "publisher", "authors", "published", "url",
            "language", "corpus_file", "sha256");
    static final Set<String> EVENT_FIELDS = Set.of("id", "type", "label", "description", "date", "date_phrase", "place",
            "participants", "parent", "same_as", "hedge", "evidence");
    static final Set<String> PARTICIPANT_FIELDS = Set.of("actor", "role", "hedge");
    static final Set<String> RELATION_FIELDS = Set.of("id", "subject", "type", "object", "date", "hedge", "evidence");
    static final Set<String> FIGURE_FIELDS = Set.of("id", "measure", "counts", "value", "low", "high", "qualifier", "unit",
            "date", "place", "about", "event", "claimed_by", "hedge", "evidence");
    static final Set<String> STATEMENT_FIELDS = Set.of("id", "speaker", "quote", "kind", "date", "date_phrase", "about",
            "event", "hedge", "evidence");

    private final String file;
    private final Problems problems;
    private final ControlledTerms terms;

    RecordReader(String file, Problems problems, ControlledTerms terms) {
        this.file = file;
        this.problems = problems;
        this.terms = terms;
    }

    /**
     * An absolute IRI that every RDF syntax can write and read back: none of the
     * characters IRIs forbid (space, {@code <>"{}|\\^`}, controls), and no error
     * from Jena's IRI parser (bad percent-encoding, a second #, a missing host).
     * {@code http} asks for an http(s) IRI.
     */
    static boolean isIri(String text, boolean http) {
        String scheme = http ? "https?://" : "[A-Za-z][A-Za-z0-9+.-]*:";
        if (!text.matches(scheme + "[^\\s\\p{Cntrl}\\u0080-\\u009F<>\"{}|\\\\^`]+")) return false;
        try {
            IRIx iri = IRIx.create(text);
            boolean[] error = {false};
            iri.handleViolations((isError, message) -> error[0] |= isError);
            return iri.isAbsolute() && !error[0];
        } catch (IRIException e) {
            return false;
        }
    }

    private FieldReader fields(Node node, String path, Set<String> allowed) {
        return FieldReader.of(file, path, node, allowed, problems, terms);
    }

    DatasetInfo dataset(Node node) {
        FieldReader f = fields(node, "dataset", DATASET_FIELDS);
        if (f == null) return null;
        String base = f.requiredText("base");
        if (base != null && !(isIri(base, true) && (base.endsWith("/") || base.endsWith("#")))) {
            f.problem("base", TreeParser.quoted(base) + " is not an http(s) IRI ending in / or #");
            base = null;
        }
        String license = f.text("license");
        if (license != null && !isIri(license, false)) {
            f.problem("license", TreeParser.quoted(license) + " is not an absolute IRI (such as https://creativecommons.org/licenses/by/4.0/)");
            license = null;
        }
        return new DatasetInfo(f.site(), f.requiredText("title"), f.text("description"), base, license);
    }

    Actor actor(Node node, String path) {
        FieldReader f = fields(node, path, ACTOR_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        String name = f.requiredText("name");
        String kind = f.requiredTerm("kind", TermKind.ACTOR_KIND);
        List<String> aliases = f.texts("aliases");
        String wikidata = f.wikidata("wikidata");
        String description = f.text("description");
        return id == null || name == null || kind == null ? null
                : new Actor(f.site(), id, name, kind, aliases, wikidata, description);
    }

    Place place(Node node, String path) {
        FieldReader f = fields(node, path, PLACE_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        String name = f.requiredText("name");
        String kind = f.requiredTerm("kind", TermKind.PLACE_KIND);
        var lat = f.number("lat", -90, 90);
        var lon = f.number("long", -180, 180);
        if (f.has("lat") != f.has("long")) f.problem(f.has("lat") ? "long" : "lat", "give both lat and long, or neither");
        var place = new Place(f.site(), id, name, kind, f.ref("parent"), f.texts("aliases"),
                lat, lon, f.wikidata("wikidata"), f.text("description"));
        return id == null || name == null || kind == null ? null : place;
    }

    Source source(Node node) {
        FieldReader f = fields(node, "source", SOURCE_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        String title = f.requiredText("title");
        String kind = f.requiredTerm("kind", TermKind.SOURCE_KIND);
        var published = f.date("published");
        if (!f.has("published")) f.missing("published");
        String url = f.text("url");
        if (url != null && !isIri(url, true)) {
            f.problem("url", TreeParser.quoted(url) + " is not an http(s) IRI");
            url = null;
        }
        String language = f.requiredText("language");
        if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            f.problem("language", "'" + language + "' is not a BCP 47 language tag");
            language = null;
        }
        String corpusFile = f.requiredText("corpus_file");
        if (corpusFile != null && (corpusFile.contains("/") || corpusFile.contains("\\") || corpusFile.startsWith("."))) {
            f.problem("corpus_file", "'" + corpusFile + "' must be a plain file name in the corpus folder");
            corpusFile = null;
        }
        String sha256 = f.requiredText("sha256");
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            f.problem("sha256", "expected 64 lowercase hex digits");
            sha256 = null;
        }
        var source = new Source(f.site(), id, title, kind, f.ref("publisher"), f.refs("authors"), published, url,
                language, corpusFile, f.site("corpus_file"), sha256, f.site("sha256"));
        boolean complete = id != null && title != null && kind != null && published != null && language != null
                && corpusFile != null && sha256 != null;
        return complete ? source : null;
    }

    Event event(Node node, String path) {
        FieldReader f = fields(node, path, EVENT_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        String type = f.requiredTerm("type", TermKind.EVENT_TYPE);
        String label = f.requiredText("label");
        List<Participant> participants = f.listOf("participants", (item, at) -> participant(item, at));
        List<Quote> evidence = requiredEvidence(f);
        var event = new Event(f.site(), id, type, label, f.text("description"), f.date("date"), f.text("date_phrase"),
                f.ref("place"), participants, f.eventRef("parent"), f.eventRefs("same_as"),
                f.term("hedge", TermKind.HEDGE), evidence);
        return id == null || type == null || label == null ? null : event;
    }

    private Participant participant(Node node, String path) {
        FieldReader f = fields(node, path, PARTICIPANT_FIELDS);
        if (f == null) return null;
        var actor = f.requiredRef("actor");
        var role = f.requiredTerm("role", TermKind.ROLE);
        var hedge = f.term("hedge", TermKind.HEDGE);
        return actor == null || role == null ? null : new Participant(f.site(), actor, role, hedge);
    }

    Relation relation(Node node, String path) {
        FieldReader f = fields(node, path, RELATION_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        var subject = f.requiredRef("subject");
        String type = f.requiredTerm("type", TermKind.RELATION_TYPE);
        var object = f.requiredRef("object");
        var relation = new Relation(f.site(), id, subject, type, object, f.date("date"),
                f.term("hedge", TermKind.HEDGE), requiredEvidence(f));
        return id == null || subject == null || type == null || object == null ? null : relation;
    }

    Figure figure(Node node, String path) {
        FieldReader f = fields(node, path, FIGURE_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        String measure = f.requiredTerm("measure", TermKind.MEASURE);
        String counts = f.requiredText("counts");
        String unit = f.requiredTerm("unit", TermKind.UNIT);
        var value = f.number("value");
        var low = f.number("low");
        var high = f.number("high");
        boolean numbersOk = true;
        if (f.has("value") && (f.has("low") || f.has("high"))) {
            f.problem("value", "give either value, or low and high, not both");
            numbersOk = false;
        } else if (!f.has("value") && !(f.has("low") && f.has("high"))) {
            f.problem(f.has("low") ? "high" : f.has("high") ? "low" : "value", "give a value, or both low and high");
            numbersOk = false;
        } else if (low != null && high != null && low.compareTo(high) > 0) {
            f.problem("low", "low (" + low.toPlainString() + ") is above high (" + high.toPlainString() + ")");
            numbersOk = false;
        }
        var figure = new Figure(f.site(), id, measure, counts, value, low, high, f.term("qualifier", TermKind.QUALIFIER),
                unit, f.date("date"), f.ref("place"), f.refs("about"), f.eventRef("event"), f.ref("claimed_by"),
                f.term("hedge", TermKind.HEDGE), requiredEvidence(f));
        boolean complete = id != null && measure != null && counts != null && unit != null && numbersOk
                && (value != null || (low != null && high != null));
        return complete ? figure : null;
    }

    Statement statement(Node node, String path) {
        FieldReader f = fields(node, path, STATEMENT_FIELDS);
        if (f == null) return null;
        String id = f.requiredId("id");
        var speaker = f.requiredRef("speaker");
        if (!f.has("quote")) f.missing("quote");
        Quote words = f.quote("quote");
        var statement = new Statement(f.site(), id, speaker, words, f.term("kind", TermKind.STATEMENT_KIND),
                f.date("date"), f.text("date_phrase"), f.refs("about"), f.eventRef("event"),
                f.term("hedge", TermKind.HEDGE), f.quotes("evidence"));
        return id == null || speaker == null || words == null ? null : statement;
    }

    private static List<Quote> requiredEvidence(FieldReader f) {
        if (!f.has("evidence")) f.missing("evidence");
        List<Quote> quotes = f.quotes("evidence");
        if (f.has("evidence") && quotes.isEmpty() && f.present("evidence") instanceof Node.ListNode list && list.items().isEmpty()) {
            f.problem("evidence", "needs at least one quote");
        }
        return quotes;
    }
}
