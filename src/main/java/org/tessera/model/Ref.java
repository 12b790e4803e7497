package org.tessera.model;

import org.tessera.read.Site;

/** A reference by id to another annotation, with where the reference stands. */
public record Ref(String id, Site site) {}
