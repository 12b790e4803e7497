package org.tessera.model;

import org.tessera.read.Site;

/** An actor's part in an event; {@code hedge} is null when the text asserts it. */
public record Participant(Site site, Ref actor, String role, String hedge) {}
