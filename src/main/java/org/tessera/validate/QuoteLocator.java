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
            if (Character.isWhitespace(c) || c == '\u00A0') {
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
        for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
            if (prefix == null || folded.substring(0, at).stripTrailing().endsWith(fold(prefix).strip())) hits.add(at);
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
        return new Result.Found(new TextSpan(
                text.codePointCount(0, startChar),
                text.codePointCount(0, endChar),
                text.substring(startChar, endChar),
                text.substring(Math.max(0, startChar - CONTEXT), startChar),
                text.substring(endChar, Math.min(text.length(), endChar + CONTEXT))));
    }

    private static String fold(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ");
    }
}
