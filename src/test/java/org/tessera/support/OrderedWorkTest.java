package org.tessera.support;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work spread over threads comes back in the items' order, and a failure comes back as it was thrown. */
class OrderedWorkTest {

    @Test
    void resultsReachTheSinkInItemOrderEvenWhenLaterItemsFinishFirst() throws IOException {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> received = new ArrayList<>();
        String caller = Thread.currentThread().getName();
        List<String> sinkThreads = new ArrayList<>();

        OrderedWork.run(items, 4, item -> {
            threads.add(Thread.currentThread().getName());
            sleep((40 - item) % 7);  // early items take longest
            return item * 10;
        }, result -> {
            received.add(result);
            sinkThreads.add(Thread.currentThread().getName());
        });

        assertEquals(items.stream().map(i -> i * 10).toList(), received);
        assertTrue(threads.size() > 1, "ran on one thread: " + threads);
        assertTrue(sinkThreads.stream().allMatch(caller::equals), "the sink runs on the caller's thread");
    }

    /** Items handed over one at a time, as a callback gives them: results in order, nulls included. */
    @Test
    void aStreamOfItemsGivesItsResultsInOrderAsTheyComeAndAtTheFinish() throws IOException {
        List<Integer> received = new ArrayList<>();
        List<Integer> heldAtEachAdd = new ArrayList<>();
        try (OrderedWork.Stream<Integer, Integer> stream = OrderedWork.stream(2, item -> {
            sleep((20 - item) % 5);
            return item % 3 == 0 ? null : item;
        }, received::add)) {
            for (int i = 0; i < 20; i++) {
                stream.add(i);
                heldAtEachAdd.add(i + 1 - received.size());
            }
            stream.finish();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add(i % 3 == 0 ? null : i);
        assertEquals(expected, received);
        // At most 2 x threads results wait: the caller takes the oldest before it adds more.
        assertEquals(4, heldAtEachAdd.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void oneThreadRunsEverythingOnTheCallersThread() throws IOException {
        String caller = Thread.currentThread().getName();
        List<String> ran = new ArrayList<>();
        OrderedWork.run(List.of("a", "b", "c"), 1, item -> {
            ran.add(Thread.currentThread().getName());
            return item;
        }, result -> { });
        assertEquals(List.of(caller, caller, caller), ran);
    }

    @Test
    void theFirstFailureIsThrownAsItWas() {
        IOException thrown = assertThrows(IOException.class, () -> OrderedWork.run(List.of(1, 2, 3, 4, 5, 6), 3, item -> {
            if (item == 4) throw new IOException("item four failed");
            return item;
        }, result -> { }));
        assertEquals("item four failed", thrown.getMessage());

        IllegalStateException runtime = assertThrows(IllegalStateException.class, () -> OrderedWork.run(List.of(1, 2, 3), 2, item -> {
            if (item == 2) throw new IllegalStateException("bad item");
            return item;
        }, result -> { }));
        assertEquals("bad item", runtime.getMessage());
    }

    @Test
    void itsThreadsAreGoneOnceItReturns() throws IOException {
        OrderedWork.run(IntStream.range(0, 10).boxed().toList(), 3, item -> item, result -> { });
        // shutdownNow lets idle workers end; give them a moment.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (liveWorkers() > 0 && System.nanoTime() < deadline) sleep(10);
        assertEquals(0, liveWorkers());
    }

    private static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tessera-work-") && t.isAlive()).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
