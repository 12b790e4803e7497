package org.tessera.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.tessera.vocabulary.Terms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever labels and quotes hold, the page shows it as text. */
class ResourcePageTest {
    private static final String BASE = "https://example.org/kg/";

    @Test
    void labelsQuotesAndIrisAreEscaped() {
        var actor = NodeFactory.createURI(BASE + "actor/x");
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(Triple.create(actor, Terms.LABEL, NodeFactory.createLiteralLang("<script>alert(\"x\")</script> & 'q'", "en")));
        graph.add(Triple.create(actor, Terms.ALT_LABEL, NodeFactory.createLiteralString("«داعش» \"quoted\" \\ back\nslash")));
        graph.add(Triple.create(actor, Terms.SCHEMA_URL, NodeFactory.createURI("javascript:alert(1)")));
        graph.add(Triple.create(actor, Terms.SCHEMA_URL, NodeFactory.createURI("https://example.org/a\"onmouseover=\"alert(1)")));

        String html = new ResourcePage(new ResourcePaths(BASE), graph, BASE + "actor/x").render();

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"), html);
        assertTrue(html.contains("«داعش» &quot;quoted&quot; \\ back\nslash"), "non-Latin text, quotes and backslashes kept");
        assertFalse(html.contains("href=\"javascript:"), "no script links");
        assertFalse(html.contains("onmouseover=\"alert"), "attribute values cannot be broken out of");
    }
}
