package org.tessera.linkeddata;

/** Escaping for text and attribute values; everything from the data goes through it. */
final class Html {
    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Only web IRIs become links; any other scheme (javascript:, data:) is shown as text. */
    static boolean isSafeLink(String iri) {
        return iri.startsWith("http://") || iri.startsWith("https://");
    }
}
