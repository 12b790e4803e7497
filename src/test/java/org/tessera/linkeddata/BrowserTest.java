package org.tessera.linkeddata;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.Tools;
import org.tessera.server.TesseraServer;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages in a real browser: headless Chromium (Debian's package) opens an
 * event's IRI, follows the 303, and the test follows the page's links to the
 * event's place and source as a reader would.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static TesseraServer server;

    @TempDir Path profile;

    @BeforeAll
    static void start() {
        server = CorpusStore.startServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The DOM of a page after Chromium has loaded it, redirects included; options go before the URL. */
    private String open(String path, String... options) throws Exception {
        assertTrue(CHROMIUM.toFile().canExecute(), "Chromium is missing: apt-get install chromium");
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.resolve("chromium")));
        command.addAll(List.of(options));
        command.addAll(List.of("--dump-dom", server.baseUrl() + path));
        return Tools.run(profile, command);
    }

    private static String link(String dom, String section) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(section) + "</dt><dd><a href=\"([^\"]+)\"").matcher(dom);
        assertTrue(m.find(), "no link under '" + section + "'");
        return m.group(1);
    }

    private static String heading(String dom) {
        Matcher m = Pattern.compile("<h1>([^<]*)</h1>").matcher(dom);
        assertTrue(m.find(), dom);
        return m.group(1);
    }

    @Test
    void theQueryPageRunsYasguiWithTheCuratedQueriesOffline() throws Exception {
        String page = open("/", "--virtual-time-budget=5000");
        long curated = Pattern.compile("<button [^>]*class=\"open\"").matcher(page).results().count();
        assertTrue(curated >= 25, "curated queries listed by the page's script: " + curated);
        assertTrue(page.contains("class=\"yasgui"), "YASGUI drew its editor");
        assertTrue(page.contains(server.sparqlEndpoint()), "the page names this server's endpoint");
        assertTrue(!page.contains("could not be loaded"), "the curated queries loaded");
    }

    @Test
    void aReaderFollowsAnEventToItsPlaceAndItsSource() throws Exception {
        String event = open("/event/independent-2019-03-23/isis-captures-mosul-2014");
        assertTrue(event.contains("<section id=\"evidence\">"), "the page shows its evidence");
        String placePath = link(event, "Where");
        String sourcePath = link(event, "Reported in");

        String place = open(placePath);
        assertEquals("Mosul", heading(place));
        assertTrue(place.contains("<dt>Within</dt>"), "the place page says where the place lies");

        String source = open(sourcePath);
        assertEquals("Isis caliphate defeated: How did it happen and do they still pose a threat?", heading(source));
        assertTrue(source.contains("Referenced by"), "the source page lists what it reports");
    }
}
