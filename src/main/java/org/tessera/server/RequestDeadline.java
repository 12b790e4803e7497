package org.tessera.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * The deadline Fuseki holds one query to, worked out as Fuseki does (its
 * {@code SPARQLQueryProcessor}): the configured {@code arq:queryTimeout}, in
 * milliseconds, or the client's {@code timeout} parameter, in seconds, if that is
 * shorter or nothing is configured. Either may be Fuseki's "first row, whole answer"
 * pair ({@code 1,5}), whose second number counts. Our own timer watches the same
 * deadline, so that it stops what Jena 5.6.0's timer misses ({@code QueryDeadline}).
 */
final class RequestDeadline {
    private RequestDeadline() {}

    /**
     * @param configured the context's {@code arq:queryTimeout} as a string, or null
     * @param requested  the request's {@code timeout} parameter, or null; a fraction of a
     *                   second counts ({@code 0.5}), which Jena 5.6.0's parser drops
     * @return empty when neither sets a deadline above zero
     */
    static Optional<Duration> of(String configured, String requested) {
        Optional<Duration> server = overall(configured, 0);
        Optional<Duration> client = overall(requested, 3);
        if (server.isEmpty()) return client;
        if (client.isEmpty()) return server;
        return Optional.of(client.get().compareTo(server.get()) < 0 ? client.get() : server.get());
    }

    /** The whole answer's part of a timeout, {@code decimals} places from milliseconds; empty if unreadable or not above zero. */
    private static Optional<Duration> overall(String timeout, int decimals) {
        if (timeout == null) return Optional.empty();
        String overall = timeout.substring(timeout.lastIndexOf(',') + 1).strip();
        try {
            long millis = new BigDecimal(overall).movePointRight(decimals).setScale(0, RoundingMode.CEILING).longValueExact();
            return millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
