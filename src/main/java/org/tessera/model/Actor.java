package org.tessera.model;

import org.tessera.read.Site;

import java.util.List;

/** A person, group or institution, declared once and shared by all sources. */
public record Actor(Site site, String id, String name, String kind, List<String> aliases,
                    String wikidata, String description) {}
