package org.tessera.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.Terms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTML page of a resource, usable on its own: what it is, the facts a
 * researcher looks for first (what, when, where, who, reported where), the
 * evidence quotes with their source and offsets, then every statement and the
 * resources that point to it. Every value from the data is escaped.
 */
final class ResourcePage {
    private static final Node TES_EVENT = iri(Namespaces.TES + "Event");
    /** The summary rows, in reading order: property, then its heading. */
    private static final Map<Node, String> SUMMARY = new LinkedHashMap<>();

    static {
        SUMMARY.put(Terms.ALT_LABEL, "Also known as");
        SUMMARY.put(Terms.DC_DESCRIPTION, "Description");
        SUMMARY.put(Terms.EVENT_TYPE, "Event type");
        SUMMARY.put(Terms.DATE_TEXT, "When");
        SUMMARY.put(Terms.DATE_PRECISION, "Date precision");
        SUMMARY.put(Terms.EARLIEST_BEGIN, "Earliest start");
        SUMMARY.put(Terms.LATEST_END, "Latest end");
        SUMMARY.put(Terms.PLACE, "Where");
        SUMMARY.put(Terms.WITHIN, "Within");
        SUMMARY.put(Terms.CARRIED_OUT_BY, "Carried out by");
        SUMMARY.put(Terms.SUB_EVENT_OF, "Part of");
        SUMMARY.put(Terms.SAME_EVENT_AS, "The same event in another source");
        SUMMARY.put(Terms.SPEAKER, "Speaker");
        SUMMARY.put(Terms.WORDS, "Words");
        SUMMARY.put(Terms.STATEMENT_KIND, "Kind of statement");
        SUMMARY.put(Terms.SUBJECT, "Subject");
        SUMMARY.put(Terms.RELATION_TYPE, "Relation");
        SUMMARY.put(Terms.OBJECT, "Object");
        SUMMARY.put(Terms.MEASURE, "Measure");
        SUMMARY.put(Terms.COUNTS, "Counts");
        SUMMARY.put(Terms.LOW, "Low");
        SUMMARY.put(Terms.HIGH, "High");
        SUMMARY.put(Terms.VALUE, "Value");
        SUMMARY.put(Terms.UNIT, "Unit");
        SUMMARY.put(Terms.CLAIMED_BY, "Claimed by");
        SUMMARY.put(Terms.ABOUT, "About");
        SUMMARY.put(Terms.OF_EVENT, "Event");
        SUMMARY.put(Terms.HEDGE, "Hedge");
        SUMMARY.put(iri(Namespaces.WGS + "lat"), "Latitude");
        SUMMARY.put(iri(Namespaces.WGS + "long"), "Longitude");
        SUMMARY.put(Terms.SCHEMA_PUBLISHER, "Publisher");
        SUMMARY.put(Terms.SCHEMA_AUTHOR, "Author");
        SUMMARY.put(Terms.SCHEMA_DATE_PUBLISHED, "Published");
        SUMMARY.put(Terms.SCHEMA_URL, "Web address");
        SUMMARY.put(Terms.REPORTED_IN, "Reported in");
    }

    private final ResourcePaths paths;
    private final PrefixMapping prefixes;
    private final Graph graph;
    private final Node resource;

    ResourcePage(ResourcePaths paths, Graph description, String iri) {
        this.paths = paths;
        this.prefixes = PrefixMapping.Factory.create().setNsPrefixes(Namespaces.prefixes(paths.base()));
        this.graph = description;
        this.resource = iri(iri);
    }

    String render() {
        StringBuilder html = new StringBuilder(8192);
        String title = label(resource);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append(" · Tessera</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/tessera.css\">\n");
        for (Representation r : Representation.values()) {
            if (r == Representation.HTML) continue;
            html.append("<link rel=\"alternate\" type=\"").append(r.mediaType()).append("\" href=\"")
                    .append(Html.escape(paths.document(resource.getURI(), r))).append("\">\n");
        }
        html.append("</head>\n<body class=\"resource\">\n<header><p><a href=\"/\">Tessera</a></p></header>\n<main>\n");
        html.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<p class=\"kind\">").append(kinds()).append("</p>\n");
        html.append("<p class=\"iri\">IRI: <code>").append(Html.escape(resource.getURI())).append("</code></p>\n");
        summary(html);
        participants(html);
        subEvents(html);
        evidence(html);
        statements(html);
        incoming(html);
        html.append("<footer><p>Also as ");
        List<String> formats = new ArrayList<>();
        for (Representation r : Representation.values()) {
            if (r == Representation.HTML) continue;
            formats.add("<a href=\"" + Html.escape(paths.document(resource.getURI(), r)) + "\">" + r.extension() + "</a>");
        }
        html.append(String.join(", ", formats)).append(".</p></footer>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private String kinds() {
        List<Node> types = objects(resource, Terms.TYPE);
        types.sort(Comparator.comparing((Node t) -> !t.getURI().startsWith(Namespaces.TES)).thenComparing(this::shortName));
        return types.stream().map(t -> Html.escape(shortName(t))).collect(Collectors.joining(", "));
    }

    private void summary(StringBuilder html) {
        html.append("<section id=\"summary\"><h2>Summary</h2>\n<dl>\n");
        SUMMARY.forEach((property, heading) -> {
            List<Node> values = objects(resource, property);
            if (values.isEmpty()) return;
            html.append("<dt>").append(Html.escape(heading)).append("</dt>");
            for (Node value : values) html.append("<dd>").append(value(value)).append("</dd>");
            html.append('\n');
        });
        html.append("</dl></section>\n");
    }

    /** Who took part, with each actor's role, from the participation parts. */
    private void participants(StringBuilder html) {
        List<Node> participations = objects(resource, Terms.HAS_PARTICIPATION);
        if (participations.isEmpty()) return;
        html.append("<section id=\"participants\"><h2>Who took part</h2>\n<ul>\n");
        for (Node participation : participations) {
            Optional<Node> actor = objects(participation, Terms.ACTOR).stream().findFirst();
            Optional<Node> role = objects(participation, Terms.ROLE).stream().findFirst();
            html.append("<li>").append(actor.map(this::value).orElse("?"));
            role.ifPresent(r -> html.append(" <span class=\"role\">(").append(Html.escape(label(r))).append(")</span>"));
            html.append("</li>\n");
        }
        html.append("</ul></section>\n");
    }

    private void subEvents(StringBuilder html) {
        List<Node> parts = new ArrayList<>();
        graph.find(Node.ANY, Terms.SUB_EVENT_OF, resource).forEach(t -> parts.add(t.getSubject()));
        if (parts.isEmpty() || !graph.contains(resource, Terms.TYPE, TES_EVENT)) return;
        parts.sort(Comparator.comparing(this::label));
        html.append("<section id=\"sub-events\"><h2>Sub-events</h2>\n<ul>\n");
        parts.forEach(p -> html.append("<li>").append(value(p)).append("</li>\n"));
        html.append("</ul></section>\n");
    }

    /** Each quote that supports the resource, in its context, with source and character offsets. */
    private void evidence(StringBuilder html) {
        List<Node> annotations = new ArrayList<>();
        graph.find(Node.ANY, Terms.HAS_EVIDENCE, Node.ANY).forEach(t -> {
            if (isResourceOrPart(t.getSubject()) && !annotations.contains(t.getObject())) annotations.add(t.getObject());
        });
        if (annotations.isEmpty()) return;
        annotations.sort(Comparator.comparing(Node::getURI));
        html.append("<section id=\"evidence\"><h2>Evidence</h2>\n");
        for (Node annotation : annotations) {
            for (Node target : objects(annotation, Terms.OA_HAS_TARGET)) {
                Node source = objects(target, Terms.OA_HAS_SOURCE).stream().findFirst().orElse(null);
                String exact = "", prefix = "", suffix = "", start = "?", end = "?";
                for (Node selector : objects(target, Terms.OA_HAS_SELECTOR)) {
                    exact = literal(selector, Terms.OA_EXACT, exact);
                    prefix = literal(selector, Terms.OA_PREFIX, prefix);
                    suffix = literal(selector, Terms.OA_SUFFIX, suffix);
                    start = literal(selector, Terms.OA_START, start);
                    end = literal(selector, Terms.OA_END, end);
                }
                html.append("<figure class=\"quote\"><blockquote>")
                        .append("<span class=\"context\">…").append(Html.escape(prefix)).append("</span>")
                        .append("<mark>").append(Html.escape(exact)).append("</mark>")
                        .append("<span class=\"context\">").append(Html.escape(suffix)).append("…</span>")
                        .append("</blockquote>\n<figcaption>")
                        .append(source == null ? "" : value(source))
                        .append(", characters ").append(Html.escape(start)).append("–").append(Html.escape(end))
                        .append(" (").append(link(annotation, "the evidence")).append(")</figcaption></figure>\n");
            }
        }
        html.append("</section>\n");
    }

    private void statements(StringBuilder html) {
        List<Triple> own = graph.find(resource, Node.ANY, Node.ANY).toList();
        if (own.isEmpty()) return;
        List<Triple> sorted = new ArrayList<>(own);
        sorted.sort(Comparator.comparing((Triple t) -> shortName(t.getPredicate())).thenComparing(t -> t.getObject().toString()));
        html.append("<section id=\"statements\"><h2>Every statement</h2>\n<table>\n<tr><th>property</th><th>value</th></tr>\n");
        for (Triple t : sorted) {
            html.append("<tr><td>").append(term(t.getPredicate())).append("</td><td>").append(value(t.getObject())).append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private void incoming(StringBuilder html) {
        List<Triple> in = new ArrayList<>(graph.find(Node.ANY, Node.ANY, resource).toList());
        in.removeIf(t -> isResourceOrPart(t.getSubject()));
        if (in.isEmpty()) return;
        in.sort(Comparator.comparing((Triple t) -> shortName(t.getPredicate())).thenComparing(t -> label(t.getSubject())));
        html.append("<section id=\"referenced-by\"><h2>Referenced by</h2>\n<table>\n<tr><th>resource</th><th>property</th></tr>\n");
        for (Triple t : in) {
            html.append("<tr><td>").append(value(t.getSubject())).append("</td><td>").append(term(t.getPredicate())).append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private boolean isResourceOrPart(Node node) {
        String iri = resource.getURI();
        return node.isURI() && (node.getURI().equals(iri) || node.getURI().startsWith(iri + "#") || node.getURI().startsWith(iri + "/"));
    }

    /** A value: a link with the resource's label, or a literal with its language or datatype. */
    private String value(Node node) {
        if (node.isURI()) return link(node, label(node));
        if (node.isLiteral()) {
            String text = Html.escape(node.getLiteralLexicalForm());
            if (!node.getLiteralLanguage().isEmpty()) {
                return "<span lang=\"" + Html.escape(node.getLiteralLanguage()) + "\">" + text + "</span>";
            }
            String datatype = node.getLiteralDatatypeURI();
            return datatype.equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI())
                    ? text : text + " <span class=\"datatype\">" + Html.escape(shortName(iri(datatype))) + "</span>";
        }
        return Html.escape(node.toString());
    }

    private String term(Node node) {
        return link(node, shortName(node));
    }

    /** Minted IRIs link to this server's pages; other web IRIs link out; anything else stays text. */
    private String link(Node node, String text) {
        String iri = node.getURI();
        Optional<String> local = paths.localPath(iri);
        String href = local.orElse(Html.isSafeLink(iri) ? iri : null);
        if (href == null) return Html.escape(text);
        return "<a href=\"" + Html.escape(href) + "\" title=\"" + Html.escape(iri) + "\">" + Html.escape(text) + "</a>";
    }

    private String label(Node node) {
        for (Node property : List.of(Terms.LABEL, Terms.PREF_LABEL)) {
            Optional<Node> label = graph.find(node, property, Node.ANY).toList().stream()
                    .map(Triple::getObject).filter(Node::isLiteral)
                    .min(Comparator.comparing((Node l) -> !l.getLiteralLanguage().startsWith("en")).thenComparing(Node::getLiteralLexicalForm));
            if (label.isPresent()) return label.get().getLiteralLexicalForm();
        }
        if (node.isURI() && node.getURI().startsWith(Namespaces.TIME + "unit")) {
            // OWL-Time's units (the date precisions) carry no labels: time:unitYear reads "year".
            return node.getURI().substring(Namespaces.TIME.length() + 4).toLowerCase(java.util.Locale.ROOT);
        }
        return node.isURI() ? shortName(node) : node.toString();
    }

    private String shortName(Node node) {
        if (!node.isURI()) return node.toString();
        String iri = node.getURI();
        if (iri.startsWith(paths.base())) return iri.substring(paths.base().length());
        String shortForm = prefixes.shortForm(iri);
        return shortForm;
    }

    private List<Node> objects(Node subject, Node property) {
        List<Node> values = new ArrayList<>();
        graph.find(subject, property, Node.ANY).forEach(t -> values.add(t.getObject()));
        values.sort(Comparator.comparing(this::label));
        return values;
    }

    private String literal(Node subject, Node property, String otherwise) {
        return graph.find(subject, property, Node.ANY).toList().stream().map(Triple::getObject).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).findFirst().orElse(otherwise);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
