package org.tessera.export.graph;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An indented XML file written with StAX (the JDK's own writer, whatever else is
 * on the class path), with two repairs: a character XML 1.0 cannot hold becomes
 * U+FFFD, and tab, line feed and carriage return in attribute values (carriage
 * return in text) are written as character references, so that parsers give them
 * back instead of turning them into spaces. StAX cannot write a reference, so they
 * pass through it as control characters that cleaned values never hold, and the
 * stream under it writes the references.
 */
final class XmlOut implements Closeable {
    private static final char TAB = '\u0001';
    private static final char LF = '\u0002';
    private static final char CR = '\u0003';

    private final Writer out;
    private final XMLStreamWriter xml;
    /** For each open element, whether it has child elements (then its end tag goes on a line of its own). */
    private final Deque<Boolean> open = new ArrayDeque<>();

    private XmlOut(Writer out) throws IOException {
        this.out = out;
        try {
            this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** A file whose root element, in the given namespace, is open: end it before closing. */
    static XmlOut create(Path file, String root, String namespace) throws IOException {
        XmlOut xml = new XmlOut(new References(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
        xml.start(root);
        call(() -> xml.xml.writeDefaultNamespace(namespace));
        return xml;
    }

    void start(String name) throws IOException {
        indent();
        open.push(false);
        call(() -> xml.writeStartElement(name));
    }

    /** An element without content; attributes may follow. */
    void empty(String name) throws IOException {
        indent();
        call(() -> xml.writeEmptyElement(name));
    }

    void attribute(String name, String value) throws IOException {
        call(() -> xml.writeAttribute(name, clean(value, true)));
    }

    void text(String value) throws IOException {
        call(() -> xml.writeCharacters(clean(value, false)));
    }

    void end() throws IOException {
        if (open.pop()) call(() -> xml.writeCharacters("\n" + "  ".repeat(open.size())));
        call(xml::writeEndElement);
    }

    /** An element holding only text. */
    void element(String name, String text) throws IOException {
        start(name);
        text(text);
        end();
    }

    @Override
    public void close() throws IOException {
        try {
            call(xml::writeEndDocument);
            call(xml::flush);
            out.write('\n');
        } finally {
            out.close();
        }
    }

    private void indent() throws IOException {
        if (!open.isEmpty()) {
            open.pop();
            open.push(true);
        }
        call(() -> xml.writeCharacters("\n" + "  ".repeat(open.size())));
    }

    private static String clean(String value, boolean attribute) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r') b.append(CR);
            else if (attribute && c == '\n') b.append(LF);
            else if (attribute && c == '\t') b.append(TAB);
            else if (allowed(c)) b.appendCodePoint(c);
            else b.append('\uFFFD');
        }
        return b.toString();
    }

    /** XML 1.0's Char production; a lone surrogate is not a character. */
    static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }

    private interface XmlCall {
        void run() throws XMLStreamException;
    }

    private static void call(XmlCall call) throws IOException {
        try {
            call.run();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /**
     * Writes the marker characters as the references they stand for, and the runs of
     * characters between them whole: the writer below takes a lock for each call, and a
     * call per character was an eighth of a 100k-event export's time.
     */
    private static final class References extends FilterWriter {
        References(Writer out) {
            super(out);
        }

        /** The reference a marker stands for; null for any other character. */
        private static String reference(int c) {
            return switch (c) {
                case TAB -> "&#9;";
                case LF -> "&#10;";
                case CR -> "&#13;";
                default -> null;
            };
        }

        @Override
        public void write(int c) throws IOException {
            String reference = reference(c);
            if (reference != null) out.write(reference);
            else out.write(c);
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            int run = offset;
            for (int i = offset; i < offset + length; i++) {
                String reference = reference(chars[i]);
                if (reference == null) continue;
                out.write(chars, run, i - run);
                out.write(reference);
                run = i + 1;
            }
            out.write(chars, run, offset + length - run);
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            int run = offset;
            for (int i = offset; i < offset + length; i++) {
                String reference = reference(s.charAt(i));
                if (reference == null) continue;
                out.write(s, run, i - run);
                out.write(reference);
                run = i + 1;
            }
            out.write(s, run, offset + length - run);
        }
    }
}
