package org.tessera.model;

import org.tessera.read.Site;

import java.util.List;

/** A source document: its bibliographic data and the corpus file that holds its text. */
public record Source(Site site, String id, String title, String kind, Ref publisher, List<Ref> authors,
                     DateSpec published, String url, String language,
                     String corpusFile, Site corpusFileSite, String sha256, Site sha256Site) {}
