package org.tessera.model;

import java.util.SortedSet;

/** The values each controlled field accepts. */
public interface ControlledTerms {
    SortedSet<String> notations(TermKind kind);
}
