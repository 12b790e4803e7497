package org.tessera.model;

import org.tessera.read.Site;

/** The dataset's own description and the base IRI under which resources are minted. */
public record DatasetInfo(Site site, String title, String description, String base, String license) {}
