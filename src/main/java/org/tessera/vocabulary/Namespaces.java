package org.tessera.vocabulary;

import java.util.Map;
import java.util.TreeMap;

/** The prefixes written in Turtle and TriG output, and the namespaces of the vocabularies used. */
public final class Namespaces {
    public static final String TES = "https://w3id.org/tessera/ontology#";
    public static final String TES_VOCAB = "https://w3id.org/tessera/vocab/";
    public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String TIME = "http://www.w3.org/2006/time#";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String SF = "http://www.opengis.net/ont/sf#";
    public static final String WGS = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String WD = "http://www.wikidata.org/entity/";
    public static final String CRM = "http://www.cidoc-crm.org/cidoc-crm/";
    public static final String LODE = "http://linkedevents.org/ontology/";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String QB = "http://purl.org/linked-data/cube#";

    private Namespaces() {}

    /** Prefix to namespace, sorted by prefix so that output headers are stable. */
    public static Map<String, String> prefixes(String base) {
        Map<String, String> map = new TreeMap<>(Map.ofEntries(
                Map.entry("tes", TES), Map.entry("sem", SEM), Map.entry("oa", OA), Map.entry("prov", PROV),
                Map.entry("schema", SCHEMA), Map.entry("time", TIME), Map.entry("geo", GEO), Map.entry("sf", SF),
                Map.entry("wgs", WGS), Map.entry("skos", SKOS), Map.entry("dcterms", DCTERMS), Map.entry("wd", WD),
                Map.entry("crm", CRM), Map.entry("lode", LODE), Map.entry("void", VOID), Map.entry("dcat", DCAT), Map.entry("qb", QB),
                Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
                Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
                Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
                Map.entry("et", TES_VOCAB + "event-type/"), Map.entry("role", TES_VOCAB + "role/")));
        map.put("id", base);
        return map;
    }
}
