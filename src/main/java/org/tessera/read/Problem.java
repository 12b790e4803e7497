package org.tessera.read;

import java.util.Comparator;

/** One thing wrong with the input, at a site, in one plain sentence. */
public record Problem(Site site, String message) {

    /** File, then line, then column: the order an editor walks the errors in. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator
            .comparing((Problem p) -> p.site().file())
            .thenComparingInt(p -> p.site().line())
            .thenComparingInt(p -> p.site().column())
            .thenComparing(Problem::message);

    @Override
    public String toString() {
        String path = site.path().isEmpty() ? "" : site.path() + ": ";
        return site + ": " + path + message;
    }
}
