package org.tessera.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeParserTest {
    private static final byte[] VALID = """
            actors:
              - id: isis
                name: Islamic State
                kind: armed-group
              - id: rebels
                name: Syrian rebels
                kind: armed-group
            """.getBytes(StandardCharsets.UTF_8);

    /**
     * The conversion parses files on several threads into one list of problems. A
     * valid file must parse whatever other files report meanwhile: it once counted
     * the shared list's problems to judge its own, and dropped a valid file's actors
     * when another file's problem landed during its parse.
     */
    @Test
    void aValidFileParsesWhileOtherThreadsReportProblems() throws InterruptedException {
        Problems shared = new Problems();
        AtomicBoolean parsing = new AtomicBoolean(true);
        Thread otherFiles = new Thread(() -> {
            // Yielding between problems keeps the list to thousands, not millions.
            while (parsing.get()) {
                shared.add(new Site("other.yaml", 1, 1, ""), "a problem of another file");
                Thread.yield();
            }
        });
        otherFiles.start();
        TreeParser parser = new TreeParser();
        int dropped = 0;
        try {
            for (int i = 0; i < 2_000; i++) {
                Optional<Node> tree = parser.parse("shared.yaml", VALID, shared);
                if (tree.isEmpty()) dropped++;
            }
        } finally {
            parsing.set(false);
            otherFiles.join();
        }
        assertTrue(shared.size() > 0, "the other thread reported problems during the parses");
        assertEquals(0, dropped, "valid parses dropped while another thread reported problems");
        assertTrue(shared.sorted().stream().allMatch(p -> p.site().file().equals("other.yaml")),
                "a valid file adds no problems of its own");
    }

    @Test
    void aFilesOwnProblemsStillGoToTheSharedListAndEmptyItsTree() {
        Problems shared = new Problems();
        Optional<Node> tree = new TreeParser().parse("bad.yaml", "actors: [\n".getBytes(StandardCharsets.UTF_8), shared);
        assertTrue(tree.isEmpty());
        assertEquals(1, shared.size(), () -> "problems: " + shared.sorted());
        assertEquals("bad.yaml", shared.sorted().get(0).site().file());
    }
}
