package org.tessera.model;

import org.tessera.read.Site;

import java.math.BigDecimal;
import java.util.List;

/**
 * A numeric claim. Either {@code value} is set, or {@code low} and {@code high};
 * {@link #lowOrValue()} and {@link #highOrValue()} give the range in both cases.
 */
public record Figure(Site site, String id, String measure, String counts,
                     BigDecimal value, BigDecimal low, BigDecimal high, String qualifier, String unit,
                     DateSpec date, Ref place, List<Ref> about, Ref event, Ref claimedBy,
                     String hedge, List<Quote> evidence) {

    public BigDecimal lowOrValue() {
        return value != null ? value : low;
    }

    public BigDecimal highOrValue() {
        return value != null ? value : high;
    }
}
