package org.tessera.support;

import org.apache.jena.atlas.io.AWriterBase;

/** An AWriter into an unsynchronised StringBuilder: formatters write IRIs a character at a time. */
final class StringOut extends AWriterBase {
    private final StringBuilder text = new StringBuilder(64);

    String text() {
        return text.toString();
    }

    @Override public void print(char ch) { text.append(ch); }
    @Override public void print(char[] chars) { text.append(chars); }
    @Override public void print(String string) { text.append(string); }
    @Override public void printf(String format, Object... args) { text.append(String.format(format, args)); }
    @Override public void println(String string) { text.append(string).append('\n'); }
    @Override public void println() { text.append('\n'); }
    @Override public void flush() { }
    @Override public void close() { }
}
