package org.tessera.model;

import org.tessera.read.Site;

import java.util.List;

/** A relation between two actors as one source states it. */
public record Relation(Site site, String id, Ref subject, String type, Ref object,
                       DateSpec date, String hedge, List<Quote> evidence) {}
