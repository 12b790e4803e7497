package org.tessera.model;

import java.util.List;

/** One source and everything its annotation file says it reports. */
public record SourceAccount(Source source, List<Event> events, List<Relation> relations,
                            List<Figure> figures, List<Statement> statements) {}
