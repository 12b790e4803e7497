package org.tessera.model;

import org.tessera.read.Site;

import java.util.List;

/** Words attributed to a speaker; the words themselves are checked against the text like evidence. */
public record Statement(Site site, String id, Ref speaker, Quote words, String kind,
                        DateSpec date, String datePhrase, List<Ref> about, Ref event,
                        String hedge, List<Quote> evidence) {}
