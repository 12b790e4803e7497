package org.tessera.model;

import org.tessera.read.Site;

/**
 * Words of a source as the annotator copied them, with optional hints that make
 * them unique in the text: the 1-based {@code occurrence}, or the {@code prefix}
 * that stands just before them. Either hint may be null.
 */
public record Quote(Site site, String text, Integer occurrence, String prefix) {}
