package org.tessera.support;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;

/**
 * The text of one RDF term, exactly as {@code NodeFmtLib.strNT} and {@code strTTL}
 * give it (the same formatters), written into a plain string writer. NodeFmtLib
 * writes through an IndentedWriter that checks for line starts on every character:
 * a quarter of a conversion's time, when it formats each term of a hundred million
 * quads (BENCHMARKS.md). StringWriterI, its other writer, is a synchronised StringBuffer.
 * <p>
 * Jena's formatters also write every IRI and string one character at a time, to
 * escape the few characters that need it. Most terms have none: those are written
 * whole, and the others as Jena writes them ({@link Plain}).
 */
public final class TermText {
    private static final NodeFormatter NT = new PlainFirstNT();
    private static final NodeFormatter TTL = new PlainFirstTTL();

    private TermText() {}

    /** As {@code NodeFmtLib.strNT(node)}. */
    public static String nt(Node node) {
        return format(NT, node);
    }

    /** As {@code NodeFmtLib.strTTL(node)}. */
    public static String ttl(Node node) {
        return format(TTL, node);
    }

    private static String format(NodeFormatter formatter, Node node) {
        StringOut out = new StringOut();
        formatter.format(out, node);
        return out.text.toString();
    }

    /** Which text Jena's formatters would write unchanged, character for character. */
    private static final class Plain {
        private Plain() {}

        /** Nothing for {@code QuotedURI} to escape: no control character, space, DEL or {@code <>"{}|^`\}. */
        static boolean iri(String iri) {
            for (int i = 0; i < iri.length(); i++) {
                char c = iri.charAt(i);
                if (c <= ' ' || c == '\u007F') return false;
                switch (c) {
                    case '<', '>', '"', '{', '}', '|', '^', '`', '\\' -> { return false; }
                    default -> { }
                }
            }
            return true;
        }

        /** Nothing for {@code EscapeStr.stringEsc} to escape on one line in UTF-8. */
        static boolean string(String lex) {
            for (int i = 0; i < lex.length(); i++) {
                switch (lex.charAt(i)) {
                    case '"', '\\', '\n', '\t', '\r', '\f', '\uFFFD' -> { return false; }
                    default -> { }
                }
            }
            return true;
        }

        /** Writes a plain IRI whole; false, and nothing written, for any other. */
        static boolean tryIri(AWriter w, String iri) {
            if (!iri(iri)) return false;
            w.print('<');
            w.print(iri);
            w.print('>');
            return true;
        }

        /** Writes a plain string whole, with its language tag if any; false, and nothing written, for any other. */
        static boolean tryString(AWriter w, String lex, String langTag) {
            if (!string(lex)) return false;
            w.print('"');
            w.print(lex);
            w.print('"');
            if (langTag != null) {
                w.print('@');
                w.print(langTag);
            }
            return true;
        }

        /** Writes a literal whose text and datatype are both plain; false, and nothing written, for any other. */
        static boolean tryTyped(AWriter w, String lex, String datatypeIri) {
            if (!string(lex) || !iri(datatypeIri)) return false;
            tryString(w, lex, null);
            w.print("^^");
            tryIri(w, datatypeIri);
            return true;
        }
    }

    /** N-Triples terms: plain IRIs and strings written whole, the rest by Jena. */
    private static final class PlainFirstNT extends NodeFormatterNT {
        @Override public void formatURI(AWriter w, String iri) {
            if (!Plain.tryIri(w, iri)) super.formatURI(w, iri);
        }

        @Override public void formatLitString(AWriter w, String lex) {
            if (!Plain.tryString(w, lex, null)) super.formatLitString(w, lex);
        }

        @Override public void formatLitLang(AWriter w, String lex, String langTag) {
            if (!Plain.tryString(w, lex, langTag)) super.formatLitLang(w, lex, langTag);
        }

        @Override public void formatLitDT(AWriter w, String lex, String datatypeIri) {
            if (!Plain.tryTyped(w, lex, datatypeIri)) super.formatLitDT(w, lex, datatypeIri);
        }
    }

    /**
     * Turtle terms without prefixes or base, as {@code NodeFmtLib.strTTL}: Jena's
     * abbreviations of numbers and booleans stay, plain IRIs and strings are written whole.
     * With no prefix map and no base, Jena writes an IRI as N-Triples does.
     */
    private static final class PlainFirstTTL extends NodeFormatterTTL {
        @Override public void formatURI(AWriter w, String iri) {
            if (!Plain.tryIri(w, iri)) super.formatURI(w, iri);
        }

        @Override public void formatLitString(AWriter w, String lex) {
            if (!Plain.tryString(w, lex, null)) super.formatLitString(w, lex);
        }

        @Override public void formatLitLang(AWriter w, String lex, String langTag) {
            if (!Plain.tryString(w, lex, langTag)) super.formatLitLang(w, lex, langTag);
        }

        @Override protected void writeLiteralOneLine(AWriter w, String lex, String datatypeIri) {
            if (!Plain.tryTyped(w, lex, datatypeIri)) super.writeLiteralOneLine(w, lex, datatypeIri);
        }
    }

    /** An AWriter into an unsynchronised StringBuilder: formatters write IRIs a character at a time. */
    private static final class StringOut extends AWriterBase {
        private final StringBuilder text = new StringBuilder(64);

        @Override public void print(char ch) { text.append(ch); }
        @Override public void print(char[] chars) { text.append(chars); }
        @Override public void print(String string) { text.append(string); }
        @Override public void printf(String format, Object... args) { text.append(String.format(format, args)); }
        @Override public void println(String string) { text.append(string).append('\n'); }
        @Override public void println() { text.append('\n'); }
        @Override public void flush() { }
        @Override public void close() { }
    }
}
