package org.tessera.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The deadline of one request, chosen as Fuseki chooses it, with fractions of a second kept. */
class RequestDeadlineTest {
    private static final String SERVER = "60000";

    @Test
    void aClientTimeoutInSecondsShortensTheConfiguredDeadlineAndNothingElseChangesIt() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), RequestDeadline.of(SERVER, "2"));
        assertEquals(Optional.of(Duration.ofMillis(500)), RequestDeadline.of(SERVER, "0.5"), "a fraction of a second, which Jena's parser drops");
        assertEquals(Optional.of(Duration.ofMillis(2500)), RequestDeadline.of(SERVER, "1,2.5"), "the whole answer's part of 'first row, whole answer'");
        assertEquals(Optional.of(Duration.ofMillis(1)), RequestDeadline.of(SERVER, "0.0001"), "rounded up, never to no deadline");
        for (String ignored : new String[]{null, "600", "60", "0", "-1", "abc", "", "1e999999999"}) {
            assertEquals(Optional.of(Duration.ofSeconds(60)), RequestDeadline.of(SERVER, ignored), "timeout=" + ignored);
        }
    }

    @Test
    void theConfiguredDeadlineIsReadAsFusekiReadsIt() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RequestDeadline.of("1000,30000", null), "first row, whole answer: the second counts");
        assertEquals(Optional.of(Duration.ofMillis(1500)), RequestDeadline.of("1500", "2"), "milliseconds, where the client's are seconds");
    }

    @Test
    void withoutAConfiguredDeadlineTheClientsStandsAndOtherwiseThereIsNone() {
        assertEquals(Optional.of(Duration.ofSeconds(600)), RequestDeadline.of(null, "600"));
        assertEquals(Optional.empty(), RequestDeadline.of(null, null));
        assertEquals(Optional.empty(), RequestDeadline.of("0", null), "Fuseki sets no timeout of zero");
        assertEquals(Optional.empty(), RequestDeadline.of("never", "abc"));
    }
}
