package org.tessera.bench;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter values that have answers in a synthetic corpus, for the queries whose
 * defaults name things of the real corpus (an event of Ayub's report, al-Adnani's
 * statements, al-Baghdadi's leadership), which a generated corpus does not hold: timed
 * with those defaults, they would measure a lookup that finds nothing. Each value is
 * chosen by a query over the loaded data, so it has rows whatever the seed and size.
 */
final class Picks {
    private static final String PREFIXES = "PREFIX tes: <https://w3id.org/tessera/ontology#>\n";
    /** An event with a parent and the most sub-events: every event query then has a chain, children, participants, quotes. */
    private static final String EVENT = PREFIXES + """
            SELECT ?event { ?sub tes:subEventOf ?event . ?event tes:subEventOf ?parent }
            GROUP BY ?event ORDER BY DESC(COUNT(DISTINCT ?sub)) ?event LIMIT 1""";
    /** Speakers by their number of statements: the one in the middle is an ordinary speaker, not the busiest. */
    private static final String SPEAKERS = PREFIXES + """
            SELECT ?speaker { ?statement tes:speaker ?speaker } GROUP BY ?speaker ORDER BY COUNT(?statement) ?speaker""";
    /** The first relation's triple, for triple-provenance. */
    private static final String TRIPLE = PREFIXES + """
            SELECT ?subject ?predicate ?object {
              ?relation a tes:Relation ; tes:subject ?subject ; tes:relationType ?predicate ; tes:object ?object
            } ORDER BY ?relation LIMIT 1""";

    /**
     * Actors by the events they take part in, among those a relation names too, so that the
     * relation queries find something; the one in the middle is an ordinary actor.
     */
    private static final String ACTORS = PREFIXES + """
            SELECT ?actor {
              ?event tes:participation/tes:actor ?actor .
              FILTER EXISTS { ?relation tes:subject|tes:object ?actor }
            } GROUP BY ?actor ORDER BY COUNT(DISTINCT ?event) ?actor""";
    /** Places by the events placed in them; the one in the middle is an ordinary place. */
    private static final String PLACES = PREFIXES + """
            SELECT ?place { ?event tes:place ?place } GROUP BY ?place ORDER BY COUNT(DISTINCT ?event) ?place""";

    /**
     * Armed groups by the relations that name them as object, among those with both a leader
     * (or deputy, commander, founder, spokesperson) and an affiliate (or province, pledge, ally,
     * part), so that both group queries find something; the middle one is ordinary.
     */
    private static final String GROUPS = PREFIXES + """
            SELECT ?group {
              ?relation tes:object ?group . ?group a tes:ArmedGroup .
              FILTER EXISTS { ?led tes:object ?group ; tes:relationType ?leadership
                              VALUES ?leadership { tes:leaderOf tes:deputyLeaderOf tes:commanderOf tes:founderOf tes:spokespersonOf } }
              FILTER EXISTS { ?joined tes:object ?group ; tes:relationType ?affiliation
                              VALUES ?affiliation { tes:affiliateOf tes:provinceOf tes:pledgedAllegianceTo tes:alliedWith tes:partOf } }
            } GROUP BY ?group ORDER BY COUNT(DISTINCT ?relation) ?group""";

    private Picks() {}

    /**
     * An ordinary actor, place and group: the median of those that take part in an event (and
     * stand in a relation), have one placed in them, or are the object of relations, by the
     * number of such events or relations. The queries' defaults are the most
     * frequent (a synthetic corpus gives them about 3% of all events).
     */
    static Map<String, String> ordinary(DatasetGraph dataset) {
        Map<String, String> picked = new LinkedHashMap<>();
        List<Binding> actors = rows(dataset, ACTORS);
        if (!actors.isEmpty()) picked.put("actor", iri(actors.get(actors.size() / 2), "actor"));
        List<Binding> places = rows(dataset, PLACES);
        if (!places.isEmpty()) picked.put("place", iri(places.get(places.size() / 2), "place"));
        List<Binding> groups = rows(dataset, GROUPS);
        if (!groups.isEmpty()) picked.put("group", iri(groups.get(groups.size() / 2), "group"));
        return picked;
    }

    /** Parameter name to value (an IRI, unbracketed), for {@code ParameterBinder}; a value is left out where nothing matched. */
    static Map<String, String> of(DatasetGraph dataset) {
        Map<String, String> picked = new LinkedHashMap<>();
        first(dataset, EVENT).ifPresent(row -> picked.put("event", iri(row, "event")));
        List<Binding> speakers = rows(dataset, SPEAKERS);
        if (!speakers.isEmpty()) picked.put("speaker", iri(speakers.get(speakers.size() / 2), "speaker"));
        first(dataset, TRIPLE).ifPresent(row -> {
            for (String name : List.of("subject", "predicate", "object")) picked.put(name, iri(row, name));
        });
        return picked;
    }

    private static java.util.Optional<Binding> first(DatasetGraph dataset, String query) {
        return rows(dataset, query).stream().findFirst();
    }

    /** The rows, copied: a TDB2 binding reads its terms lazily, and only inside the transaction. */
    private static List<Binding> rows(DatasetGraph dataset, String text) {
        Query query = QueryFactory.create(text);
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                List<Binding> rows = new ArrayList<>();
                RowSet rowSet = exec.select();
                rowSet.forEachRemaining(row -> rows.add(BindingFactory.copy(row)));
                return rows;
            }
        });
    }

    private static String iri(Binding row, String name) {
        return row.get(name).getURI();
    }
}
