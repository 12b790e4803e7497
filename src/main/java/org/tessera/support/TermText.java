package org.tessera.support;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;

/**
 * The N-Triples text of one RDF term, exactly as {@code NodeFmtLib.strNT} gives it
 * (the same formatter), written into a plain string writer. NodeFmtLib
 * writes through an IndentedWriter that checks for line starts on every character:
 * a quarter of a conversion's time, when it formats each term of a hundred million
 * quads (BENCHMARKS.md). StringWriterI, its other writer, is a synchronised StringBuffer.
 * <p>
 * Jena's formatters also write every IRI and string one character at a time, to
 * escape the few characters that need it. Most terms have none: those are written
 * whole, and the others as Jena writes them ({@link PlainText}).
 */
public final class TermText {
    private static final NodeFormatter NT = new PlainFirstNT();

    private TermText() {}

    /** As {@code NodeFmtLib.strNT(node)}. */
    public static String nt(Node node) {
        return format(NT, node);
    }

    /** {@code node} as {@code formatter} writes it. */
    static String format(NodeFormatter formatter, Node node) {
        StringOut out = new StringOut();
        formatter.format(out, node);
        return out.text();
    }

    /** N-Triples terms: plain IRIs and strings written whole, the rest by Jena. */
    private static final class PlainFirstNT extends NodeFormatterNT {
        @Override public void formatURI(AWriter w, String iri) {
            if (!PlainText.tryIri(w, iri)) super.formatURI(w, iri);
        }

        @Override public void formatLitString(AWriter w, String lex) {
            if (!PlainText.tryString(w, lex, null)) super.formatLitString(w, lex);
        }

        @Override public void formatLitLang(AWriter w, String lex, String langTag) {
            if (!PlainText.tryString(w, lex, langTag)) super.formatLitLang(w, lex, langTag);
        }

        @Override public void formatLitDT(AWriter w, String lex, String datatypeIri) {
            if (!PlainText.tryTyped(w, lex, datatypeIri)) super.formatLitDT(w, lex, datatypeIri);
        }
    }
}
