package org.tessera.model;

import java.util.List;

/** Everything read from an annotations folder, in file order. */
public record Annotations(DatasetInfo dataset, List<Actor> actors, List<Place> places, List<SourceAccount> sources) {}
