package org.tessera.model;

import org.tessera.read.Site;

import java.util.List;

/** An event as one source reports it. Optional fields are null, lists empty. */
public record Event(Site site, String id, String type, String label, String description,
                    DateSpec date, String datePhrase, Ref place, List<Participant> participants,
                    Ref parent, List<Ref> sameAs, String hedge, List<Quote> evidence) {}
