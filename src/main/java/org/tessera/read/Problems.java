package org.tessera.read;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found, so that all are reported at once, not only the first. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public void add(Site site, String message) {
        found.add(new Problem(site, message));
    }

    public void addAll(Problems other) {
        found.addAll(other.found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** Sorted by file, line and column, duplicates removed. */
    public List<Problem> sorted() {
        return found.stream().distinct().sorted(Problem.IN_FILE_ORDER).toList();
    }
}
