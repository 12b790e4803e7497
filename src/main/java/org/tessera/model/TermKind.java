package org.tessera.model;

/** The controlled lists an annotation field takes its value from; each is defined in ontology/. */
public enum TermKind {
    ACTOR_KIND("actor kind"),
    PLACE_KIND("place kind"),
    SOURCE_KIND("source kind"),
    EVENT_TYPE("event type"),
    ROLE("role"),
    RELATION_TYPE("relation type"),
    HEDGE("hedge"),
    MEASURE("measure"),
    UNIT("unit"),
    QUALIFIER("qualifier"),
    STATEMENT_KIND("statement kind");

    private final String label;

    TermKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
