package org.tessera.support;

import org.apache.jena.atlas.io.AWriter;

/** Which text Jena's formatters would write unchanged, character for character, and writing it whole. */
final class PlainText {
    private PlainText() {}

    /** The ASCII characters {@code QuotedURI} escapes: controls, space, DEL and {@code <>"{}|^`\}. */
    private static final boolean[] IRI_ESCAPES = ascii("<>\"{}|^`\\ \u007F", true);
    /** The ASCII characters {@code EscapeStr.stringEsc} escapes on one line. */
    private static final boolean[] STRING_ESCAPES = ascii("\"\\\n\t\r\f", false);

    /** A table of the ASCII characters listed, and of every control character below space if {@code controls}. */
    private static boolean[] ascii(String listed, boolean controls) {
        boolean[] table = new boolean[128];
        for (char c = 0; c < ' '; c++) table[c] = controls;
        listed.chars().forEach(c -> table[c] = true);
        return table;
    }

    /** Nothing for {@code QuotedURI} to escape: no control character, space, DEL or {@code <>"{}|^`\}. */
    static boolean iri(String iri) {
        // A table, not a switch: this runs on every character of every IRI a convert writes.
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c < 128 && IRI_ESCAPES[c]) return false;
        }
        return true;
    }

    /** Nothing for {@code EscapeStr.stringEsc} to escape on one line in UTF-8. */
    static boolean string(String lex) {
        for (int i = 0; i < lex.length(); i++) {
            char c = lex.charAt(i);
            if (c < 128 ? STRING_ESCAPES[c] : c == '\uFFFD') return false;
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
