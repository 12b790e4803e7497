package org.tessera.validate;

import org.tessera.model.Quote;

import java.util.IdentityHashMap;
import java.util.Map;

/** The span each checked quote was found at, for the graph builder. */
public final class Evidence {
    private final Map<Quote, TextSpan> spans = new IdentityHashMap<>();

    void put(Quote quote, TextSpan span) {
        spans.put(quote, span);
    }

    /** The span of a quote that validation found; validation must have passed. */
    public TextSpan spanOf(Quote quote) {
        TextSpan span = spans.get(quote);
        if (span == null) throw new IllegalStateException("Quote was not located: " + quote.site());
        return span;
    }
}
