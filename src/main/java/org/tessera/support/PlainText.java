package org.tessera.support;

import org.apache.jena.atlas.io.AWriter;

/** Which text Jena's formatters would write unchanged, character for character, and writing it whole. */
final class PlainText {
    private PlainText() {}

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
