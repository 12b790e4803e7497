package org.tessera.output;

import org.apache.jena.riot.Lang;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The RDF syntaxes of full dumps. Turtle and RDF/XML hold one graph, so they get the union of all graphs. */
public enum DumpFormat {
    TURTLE("ttl", Lang.TURTLE, false),
    TRIG("trig", Lang.TRIG, true),
    NQUADS("nq", Lang.NQUADS, true),
    JSONLD("jsonld", Lang.JSONLD, true),
    RDFXML("rdf", Lang.RDFXML, false);

    private final String extension;
    private final Lang lang;
    private final boolean namedGraphs;

    DumpFormat(String extension, Lang lang, boolean namedGraphs) {
        this.extension = extension;
        this.lang = lang;
        this.namedGraphs = namedGraphs;
    }

    public String extension() { return extension; }
    public Lang lang() { return lang; }
    /** False when the syntax has no named graphs, and the dump is the union graph. */
    public boolean namedGraphs() { return namedGraphs; }
    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    public static boolean isDumpFormat(String name) {
        return Arrays.stream(values()).anyMatch(f -> f.cliName().equals(name));
    }

    public static DumpFormat of(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown RDF format '" + name + "': use "
                        + Arrays.stream(values()).map(DumpFormat::cliName).collect(Collectors.joining(", "))));
    }

    /** The format whose file name ends so, such as {@code tessera.nq.gz}. */
    public static DumpFormat ofFileName(String fileName) {
        String plain = fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return Arrays.stream(values()).filter(f -> plain.endsWith("." + f.extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No dump format for " + fileName));
    }
}
