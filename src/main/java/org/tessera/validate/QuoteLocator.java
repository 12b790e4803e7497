package org.tessera.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotes in one source text. Runs of white space are folded to one space on
 * both sides, so that a quote may cross a line break of the text; the span
 * returned is that of the original text.
 */
public final class QuoteLocator {
    private static final int CONTEXT = 32;

    private final String text;
    private final String folded;
    /** For each char of {@code folded}, the index of the char of {@code text} it came from. */
    private final int[] origin;

    public QuoteLocator(String text) {
        this.text = text;
        StringBuilder sb = new StringBuilder(text.length());
        int[] map = new int[text.length() + 1];
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) { map[sb.length()] = i; sb.append(' '); }
                inSpace = true;
            } else {
                map[sb.length()] = i;
                sb.append(c);
                inSpace = false;
            }
        }
        map[sb.length()] = text.length();
        this.folded = sb.toString();
        this.origin = map;
    }

    /** The outcome of a look-up: a span, or why there is none. */
    public sealed interface Result {
        record Found(TextSpan span) implements Result {}
        record NotFound() implements Result {}
        record Ambiguous(int count) implements Result {}
        record NoSuchOccurrence(int count) implements Result {}
    }

    public Result locate(String quote, Integer occurrence, String prefix) {
        String needle = fold(quote).strip();
        if (needle.isEmpty()) return new Result.NotFound();
        List<Integer> hits = new ArrayList<>();
        String before = prefix == null ? null : fold(prefix).strip();
        for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
            if (before == null || endsWithBefore(at, before)) hits.add(at);
        }
        if (hits.isEmpty()) return new Result.NotFound();
        int chosen;
        if (occurrence != null) {
            if (occurrence > hits.size()) return new Result.NoSuchOccurrence(hits.size());
            chosen = hits.get(occurrence - 1);
        } else if (hits.size() > 1) {
            return new Result.Ambiguous(hits.size());
        } else {
            chosen = hits.get(0);
        }
        int startChar = origin[chosen];
        int endChar = origin[chosen + needle.length() - 1] + 1;
        if (Character.isHighSurrogate(text.charAt(endChar - 1)) && endChar < text.length()) endChar++;
        // The context around the quote never cuts a character outside the BMP (an
        // emoji, say) in half: a lone surrogate cannot be written in any RDF syntax.
        int prefixStart = Math.max(0, startChar - CONTEXT);
        if (prefixStart > 0 && Character.isLowSurrogate(text.charAt(prefixStart))) prefixStart++;
        int suffixEnd = Math.min(text.length(), endChar + CONTEXT);
        if (suffixEnd < text.length() && Character.isLowSurrogate(text.charAt(suffixEnd))) suffixEnd--;
        return new Result.Found(new TextSpan(
                text.codePointCount(0, startChar),
                text.codePointCount(0, endChar),
                text.substring(startChar, endChar),
                text.substring(prefixStart, startChar),
                text.substring(endChar, suffixEnd)));
    }

    /** Whether {@code prefix} stands just before {@code at} in the folded text, white space between allowed. */
    private boolean endsWithBefore(int at, String prefix) {
        int end = at;
        while (end > 0 && folded.charAt(end - 1) == ' ') end--;
        return end >= prefix.length() && folded.regionMatches(end - prefix.length(), prefix, 0, prefix.length());
    }

    /**
     * Folds runs of white space to one space, by the same rule as the text: a quote
     * with an ideographic space (U+3000) or a line separator matches the text it
     * was copied from.
     */
    private static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) sb.append(' ');
                inSpace = true;
            } else {
                sb.append(c);
                inSpace = false;
            }
        }
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
