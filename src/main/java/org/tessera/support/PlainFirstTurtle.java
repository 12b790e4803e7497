package org.tessera.support;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.system.PrefixMap;

/**
 * Jena's Turtle term formatter, with plain IRIs and strings written whole. Jena writes
 * every IRI that no prefix abbreviates, and every string, one character at a time, to
 * escape the few characters that need it (bench/HISTORY.md, round seven); most have none.
 * <p>
 * With prefixes, an IRI that one may abbreviate is formatted by Jena, whose rules for
 * a safe local name this class does not repeat, and the text is remembered: such IRIs
 * are mostly the vocabulary's, few and written again and again. The prefixes may
 * change between terms; whoever changes them calls {@link #forgetAbbreviations()}.
 * Without prefixes the formatter keeps no state and may be shared between threads.
 */
public final class PlainFirstTurtle extends NodeFormatterTTL {
    /**
     * Enough for any vocabulary. A prefix may also abbreviate instance IRIs, each written
     * once or twice (Wikidata's, {@code wd:Q…}): when they fill the cache, it starts again
     * empty, so that a vocabulary IRI first seen after them is still cached, not formatted by
     * Jena at each of its millions of uses.
     */
    private static final int MAX_ABBREVIATIONS = 4096;

    private final PrefixMap prefixes;
    private final Map<String, String> abbreviations = new HashMap<>();
    /** The prefixes' namespaces, read again after {@link #forgetAbbreviations()}. */
    private String[] namespaces;

    /** A formatter with {@code prefixes} (null for none) and no base, as {@code new NodeFormatterTTL(null, prefixes, labels)}. */
    public PlainFirstTurtle(PrefixMap prefixes, NodeToLabel labels) {
        super(null, prefixes, labels);
        this.prefixes = prefixes;
        forgetAbbreviations();
    }

    /** Forgets the abbreviations found so far: the prefixes changed, or are about to. */
    public void forgetAbbreviations() {
        abbreviations.clear();
        namespaces = null;
    }

    @Override
    public void formatURI(AWriter w, String iri) {
        String abbreviated = abbreviations.get(iri);
        if (abbreviated == null && mayAbbreviate(iri)) abbreviated = abbreviate(iri);
        if (abbreviated != null) w.print(abbreviated);
        else if (!PlainText.tryIri(w, iri)) super.formatURI(w, iri);
    }

    /** Jena's text for an IRI a prefix may abbreviate, remembered. */
    private String abbreviate(String iri) {
        StringOut out = new StringOut();
        super.formatURI(out, iri);
        String text = out.text();
        if (abbreviations.size() >= MAX_ABBREVIATIONS) abbreviations.clear();
        abbreviations.put(iri, text);
        return text;
    }

    /**
     * Whether a prefix may abbreviate {@code iri}. Jena's PrefixMapStd abbreviates by a
     * namespace the IRI starts with, leaving a local part without {@code /} or {@code #}
     * ({@code PrefixLib.isSafeLocalPart}): a namespace that reaches past the IRI's last
     * {@code /} or {@code #}. Most IRIs of a graph's things have none, and this test, unlike
     * Jena's, makes no string for each of them.
     */
    private boolean mayAbbreviate(String iri) {
        if (prefixes == null) return false;
        if (namespaces == null) namespaces = prefixes.getMapping().values().toArray(String[]::new);
        int lastSeparator = iri.length() - 1;
        while (lastSeparator >= 0 && iri.charAt(lastSeparator) != '/' && iri.charAt(lastSeparator) != '#') lastSeparator--;
        for (String namespace : namespaces) {
            if (namespace.length() > lastSeparator && iri.startsWith(namespace)) return true;
        }
        return false;
    }

    @Override
    public void formatLitString(AWriter w, String lex) {
        if (!PlainText.tryString(w, lex, null)) super.formatLitString(w, lex);
    }

    @Override
    public void formatLitLang(AWriter w, String lex, String langTag) {
        if (!PlainText.tryString(w, lex, langTag)) super.formatLitLang(w, lex, langTag);
    }

    /** A typed literal that Turtle does not abbreviate: the datatype as {@link #formatURI} writes it. */
    @Override
    protected void writeLiteralOneLine(AWriter w, String lex, String datatypeIri) {
        if (!PlainText.tryString(w, lex, null)) {
            super.writeLiteralOneLine(w, lex, datatypeIri);
            return;
        }
        w.print("^^");
        formatURI(w, datatypeIri);
    }
}
