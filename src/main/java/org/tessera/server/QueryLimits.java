package org.tessera.server;

import java.time.Duration;

/**
 * What one request may cost. The deadline is the most a query may run: a
 * client's {@code timeout} parameter can shorten it, never lengthen it (Fuseki
 * takes the smaller of the two).
 *
 * @param deadline      the longest a query runs
 * @param maxRows       the most rows a SELECT answers, and solutions a CONSTRUCT or DESCRIBE builds from
 * @param maxRequestBytes the largest request body
 * @param regexBudget   the longest one regular-expression match may take
 */
public record QueryLimits(Duration deadline, long maxRows, long maxRequestBytes, Duration regexBudget) {
    /** Wikidata's deadline is 60 s and DBpedia caps results at 10,000 rows; we follow both. */
    public static final QueryLimits DEFAULT = new QueryLimits(Duration.ofSeconds(60), 10_000, 1 << 20, Duration.ofMillis(100));
}
