package org.tessera.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found, so that all are reported at once, not only the
 * first. Safe to add to from several threads: the conversion checks sources in
 * parallel, and the order of adding does not matter, since {@link #sorted} sorts.
 */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public synchronized void add(Site site, String message) {
        found.add(new Problem(site, message));
    }

    public void addAll(Problems other) {
        List<Problem> theirs;
        synchronized (other) {
            theirs = List.copyOf(other.found);
        }
        synchronized (this) {
            found.addAll(theirs);
        }
    }

    public synchronized boolean isEmpty() {
        return found.isEmpty();
    }

    public synchronized int size() {
        return found.size();
    }

    /** Sorted by file, line and column, duplicates removed. */
    public synchronized List<Problem> sorted() {
        return found.stream().distinct().sorted(Problem.IN_FILE_ORDER).toList();
    }
}
