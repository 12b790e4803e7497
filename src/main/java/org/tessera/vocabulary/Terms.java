package org.tessera.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import static org.tessera.vocabulary.Namespaces.*;

/** The RDF terms the converter writes, as graph nodes (the converter works at the Node level, for speed). */
public final class Terms {
    static {
        // Before RDF.Nodes below: a Jena first started from inside RDF's class initialiser
        // builds its query optimiser's tables with a null rdf:type ("broken item").
        JenaSystem.init();
    }

    private Terms() {}

    private static Node iri(String ns, String local) {
        return NodeFactory.createURI(ns + local);
    }

    public static final Node TYPE = RDF.Nodes.type;
    public static final Node LABEL = RDFS.Nodes.label;
    public static final Node SAME_AS = OWL.sameAs.asNode();
    public static final Node RDF_VALUE = RDF.Nodes.value;

    // Ours
    public static final Node EVENT = iri(TES, "Event");
    public static final Node PARTICIPATION = iri(TES, "Participation");
    public static final Node EVIDENCE = iri(TES, "Evidence");
    public static final Node RELATION = iri(TES, "Relation");
    public static final Node FIGURE = iri(TES, "Figure");
    public static final Node STATEMENT = iri(TES, "Statement");
    public static final Node EVENT_TYPE = iri(TES, "eventType");
    public static final Node PLACE = iri(TES, "place");
    public static final Node COUNTRY = iri(TES, "Country");
    /** The classes tes:Actor, tes:Place and tes:Source (tes:place and tes:actor are properties). */
    public static final Node ACTOR_CLASS = iri(TES, "Actor");
    public static final Node PLACE_CLASS = iri(TES, "Place");
    public static final Node SOURCE_CLASS = iri(TES, "Source");
    public static final Node PARTICIPANT = iri(TES, "participant");
    public static final Node CARRIED_OUT_BY = iri(TES, "carriedOutBy");
    public static final Node HAS_PARTICIPATION = iri(TES, "participation");
    public static final Node ACTOR = iri(TES, "actor");
    public static final Node ROLE = iri(TES, "role");
    public static final Node SUB_EVENT_OF = iri(TES, "subEventOf");
    public static final Node SAME_EVENT_AS = iri(TES, "sameEventAs");
    public static final Node DATE_PRECISION = iri(TES, "datePrecision");
    public static final Node DATE_QUALIFIER = iri(TES, "dateQualifier");
    public static final Node DATE_TEXT = iri(TES, "dateText");
    public static final Node DATE_PHRASE = iri(TES, "datePhrase");
    public static final Node HEDGE = iri(TES, "hedge");
    public static final Node HAS_EVIDENCE = iri(TES, "evidence");
    public static final Node REPORTED_IN = iri(TES, "reportedIn");
    public static final Node CLAIMED_BY = iri(TES, "claimedBy");
    public static final Node ABOUT = iri(TES, "about");
    public static final Node OF_EVENT = iri(TES, "event");
    public static final Node MEASURE = iri(TES, "measure");
    public static final Node COUNTS = iri(TES, "counts");
    public static final Node COMPARISON_KEY = iri(TES, "comparisonKey");
    public static final Node LOW = iri(TES, "low");
    public static final Node HIGH = iri(TES, "high");
    public static final Node VALUE = iri(TES, "value");
    public static final Node UNIT = iri(TES, "unit");
    public static final Node QUALIFIER = iri(TES, "qualifier");
    public static final Node SPEAKER = iri(TES, "speaker");
    public static final Node WORDS = iri(TES, "words");
    public static final Node STATEMENT_KIND = iri(TES, "statementKind");
    public static final Node SUBJECT = iri(TES, "subject");
    public static final Node OBJECT = iri(TES, "object");
    public static final Node RELATION_TYPE = iri(TES, "relationType");
    public static final Node WITHIN = iri(TES, "within");
    public static final Node CORPUS_FILE = iri(TES, "corpusFile");
    public static final Node SHA256 = iri(TES, "sha256");
    public static final Node DATE_ON = iri(TES, "dateOn");
    public static final Node DATE_RANGE = iri(TES, "dateRange");
    public static final Node DATE_BEFORE = iri(TES, "dateBefore");
    public static final Node DATE_AFTER = iri(TES, "dateAfter");

    // SEM
    public static final Node EARLIEST_BEGIN = iri(SEM, "hasEarliestBeginTimeStamp");
    public static final Node LATEST_END = iri(SEM, "hasLatestEndTimeStamp");
    public static final Node BEGIN = iri(SEM, "hasBeginTimeStamp");
    public static final Node END = iri(SEM, "hasEndTimeStamp");

    // Web Annotation
    public static final Node OA_HAS_BODY = iri(OA, "hasBody");
    public static final Node OA_HAS_TARGET = iri(OA, "hasTarget");
    public static final Node OA_SPECIFIC_RESOURCE = iri(OA, "SpecificResource");
    public static final Node OA_HAS_SOURCE = iri(OA, "hasSource");
    public static final Node OA_HAS_SELECTOR = iri(OA, "hasSelector");
    public static final Node OA_TEXT_QUOTE_SELECTOR = iri(OA, "TextQuoteSelector");
    public static final Node OA_TEXT_POSITION_SELECTOR = iri(OA, "TextPositionSelector");
    public static final Node OA_EXACT = iri(OA, "exact");
    public static final Node OA_PREFIX = iri(OA, "prefix");
    public static final Node OA_SUFFIX = iri(OA, "suffix");
    public static final Node OA_START = iri(OA, "start");
    public static final Node OA_END = iri(OA, "end");
    public static final Node OA_MOTIVATED_BY = iri(OA, "motivatedBy");
    public static final Node OA_DESCRIBING = iri(OA, "describing");

    // PROV, schema.org, Dublin Core, SKOS
    public static final Node PROV_WAS_QUOTED_FROM = iri(PROV, "wasQuotedFrom");
    public static final Node SCHEMA_PUBLISHER = iri(SCHEMA, "publisher");
    public static final Node SCHEMA_AUTHOR = iri(SCHEMA, "author");
    public static final Node SCHEMA_DATE_PUBLISHED = iri(SCHEMA, "datePublished");
    public static final Node SCHEMA_URL = iri(SCHEMA, "url");
    public static final Node SCHEMA_MENTIONS = iri(SCHEMA, "mentions");
    public static final Node DC_TITLE = iri(DCTERMS, "title");
    public static final Node DC_DESCRIPTION = iri(DCTERMS, "description");
    public static final Node DC_LANGUAGE = iri(DCTERMS, "language");
    public static final Node DC_LICENSE = iri(DCTERMS, "license");
    public static final Node PREF_LABEL = iri(SKOS, "prefLabel");
    public static final Node ALT_LABEL = iri(SKOS, "altLabel");

    // Geometry
    public static final Node GEO_HAS_GEOMETRY = iri(GEO, "hasGeometry");
    public static final Node GEO_GEOMETRY = iri(GEO, "Geometry");
    public static final Node GEO_AS_WKT = iri(GEO, "asWKT");
    public static final String GEO_WKT_LITERAL = GEO + "wktLiteral";
    public static final Node SF_POINT = iri(SF, "Point");
    public static final Node WGS_LAT = iri(WGS, "lat");
    public static final Node WGS_LONG = iri(WGS, "long");

    // OWL-Time units
    public static final Node TIME_UNIT_DAY = iri(TIME, "unitDay");
    public static final Node TIME_UNIT_MONTH = iri(TIME, "unitMonth");
    public static final Node TIME_UNIT_YEAR = iri(TIME, "unitYear");
}
